//! The contract as partners sign it, with its fiches annexed and a signature page; or one fiche
//! action alone (`?fiche=<id>`), to send to its lead.

use super::DocumentPage;
use crate::document::{contract_document, fiche_document};
use crate::exchange::file_name::{document_file_name, DocumentFile};
use crate::model::Id;
use crate::ui::screens::no_contract::RequireContract;
use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ContractDocumentScreen() -> impl IntoView {
    view! {
        <div class="document-screen">
            <RequireContract>
                <ContractDocument/>
            </RequireContract>
        </div>
    }
}

#[component]
fn ContractDocument() -> impl IntoView {
    let state = AppState::get();
    let query = use_query_map();
    let fiche =
        Memo::new(move |_| query.with(|q| q.get("fiche").and_then(|v| Id::parse(v.trim()))));
    let document = Memo::new(move |_| {
        let fiche = fiche.get();
        state
            .with_contract(|c| match fiche {
                Some(id) => fiche_document(c, id),
                None => Some(contract_document(c)),
            })
            .flatten()
    });
    let file_name = Memo::new(move |_| {
        let fiche = fiche.get();
        state.numbering.with(|numbers| {
            state
                .with_contract(|c| match fiche {
                    Some(id) => document_file_name(c, DocumentFile::Fiche(numbers.label(id))),
                    None => document_file_name(c, DocumentFile::Contract),
                })
                .unwrap_or_default()
        })
    });
    let title = move || match (fiche.get(), document.with(Option::is_some)) {
        (Some(_), false) => "Fiche introuvable".to_string(),
        (Some(_), true) => {
            document.with(|d| d.as_ref().map(|d| d.title.clone()).unwrap_or_default())
        }
        (None, _) => "Le contrat à signer".to_string(),
    };
    view! {
        <h1>{title}</h1>
        <Show when=move || document.with(Option::is_some)
            fallback=|| view! { <p class="empty-state">"Cette fiche action n’existe pas dans ce contrat. Elle a peut-être été supprimée."</p> }>
            <DocumentPage document file_name/>
        </Show>
    }
}
