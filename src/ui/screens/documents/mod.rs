//! The documents of a contract, each on its own screen, printable on A4 and downloadable as an
//! ODT file: the COPIL's « Rapport annuel », the « Bilan du contrat », and the contract itself
//! (or one fiche action). Their content is built by `crate::document`; here it is shown.

mod blocks;
mod contract;
mod evaluation;
mod report;

pub use contract::ContractDocumentScreen;
pub use evaluation::EvaluationScreen;
pub use report::ReportScreen;

use crate::document::Document;
use crate::exchange::odt::{odt_bytes, MEDIA_TYPE};
use crate::ui::platform::download::download_bytes;
use crate::ui::state::AppState;
use crate::ui::widgets::notices::Level;
use crate::ui::widgets::print::{PrintFooter, PrintHeader};
use blocks::DocumentBody;
use leptos::prelude::*;

/// A document with its two actions: download it as ODT (named `file_name`), print it.
#[component]
pub fn DocumentPage(
    document: Memo<Option<Document>>,
    file_name: Memo<String>,
    /// What goes between the title and the document (a year to choose).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let state = AppState::get();
    let save = move |_| {
        let Some(doc) = document.get_untracked() else { return };
        let name = file_name.get_untracked();
        let written =
            odt_bytes(&doc).map_err(|e| format!("Le document n’a pas pu être écrit ({e})."));
        if let Err(message) = written.and_then(|bytes| download_bytes(&name, MEDIA_TYPE, &bytes)) {
            state.notices.push(Level::Error, message);
        }
    };
    let print = move |_| {
        let _ = window().print();
    };
    // « <contract> — <title> », or the title alone when it names the contract already (an
    // avenant's): the footer then fits on fewer lines.
    let footer = Signal::derive(move || {
        document.with(|d| match d {
            Some(d) if d.title.contains(d.contract_name.as_str()) => d.title.clone(),
            Some(d) => format!("{} — {}", d.contract_name, d.title),
            None => String::new(),
        })
    });
    // A version nobody adopted says so at the top of the screen and of every printed page.
    let mark = Memo::new(move |_| document.with(|d| d.as_ref().and_then(|d| d.page_mark.clone())));
    view! {
        <PrintFooter text=footer/>
        {move || mark.get().map(|text| view! {
            <PrintHeader text=text.clone()/>
            <p class="banner banner--warning document__page-mark" role="note">{text}</p>
        })}
        {children.map(|c| c())}
        <div class="actions no-print">
            <button type="button" on:click=save>"Télécharger (ODT)"</button>
            <button type="button" class="secondary" on:click=print>"Imprimer"</button>
        </div>
        {move || document.get().map(|document| view! { <DocumentBody document/> })}
    }
}
