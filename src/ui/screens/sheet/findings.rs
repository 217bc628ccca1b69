//! Step 2 – Constat: the local findings that justify the sheet, picked from the diagnostic or
//! written for this sheet.

use super::access::{edit_sheet, read_sheet, sheet_edit, sheet_field};
use crate::model::list_edit::toggle;
use crate::model::Id;
use crate::ui::state::AppState;
use crate::ui::widgets::fields::{ChoiceList, TextField};
use leptos::prelude::*;

#[component]
pub fn Findings(id: Id) -> impl IntoView {
    let state = AppState::get();
    let options = Signal::derive(move || {
        read_sheet(state, id, |c, _| {
            c.diagnostic
                .iter()
                .map(|f| (f.id.to_string(), format!("{} : {}", f.category.label(), f.text)))
                .collect::<Vec<_>>()
        })
    });
    let selected = Signal::derive(move || {
        read_sheet(state, id, |_, s| s.finding_ids.iter().map(Id::to_string).collect())
    });
    let toggle_finding = Callback::new(move |(key, on): (String, bool)| {
        if let Some(finding) = Id::parse(&key) {
            edit_sheet(state, id, |s| toggle(&mut s.finding_ids, finding, on));
        }
    });
    view! {
        <Show when=move || !options.with(Vec::is_empty)
            fallback=|| view! { <p class="muted">"Le diagnostic du contrat est vide : écrivez les constats ci-dessous, ou complétez le diagnostic dans l’écran Contrat."</p> }>
            <ChoiceList legend="Constats du diagnostic" help="Cochez ceux qui justifient cette fiche"
                options=options selected=selected on_toggle=toggle_finding/>
        </Show>
        <TextField label="Constats propres à cette fiche" multiline=true
            help="Ce que les partenaires observent sur le terrain, par exemple : « peu de dépistages du cancer colorectal chez les plus de 50 ans »"
            value=sheet_field(state, id, |s| s.local_findings.clone()) on_input=sheet_edit(state, id, |s, v| s.local_findings = v)/>
    }
}
