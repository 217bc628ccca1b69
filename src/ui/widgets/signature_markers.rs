//! What the other screens say of the signed version: the fiche list's « Modifiée depuis la
//! signature » (one set computed per change of the contract, read by every row), the fiche's
//! notice listing its changed fields, and the contract screen's line.

use crate::model::amendment::is_signed;
use crate::model::amendment::signed_statement;
use crate::model::Id;
use crate::ui::state::AppState;
use crate::ui::widgets::links::href;
use crate::versions::since_signed::{
    changed_sheets, pending_count, sheet_since_signed, SheetSince,
};
use leptos::prelude::*;
use leptos_router::components::A;
use std::collections::HashSet;

/// The fiches changed since the version in force, computed once per change of the contract
/// for the whole list (`provide` in the list, `marked` in each row).
#[derive(Clone, Copy)]
pub struct ChangedSheets(Memo<HashSet<Id>>);

impl ChangedSheets {
    pub fn provide() {
        let state = AppState::get();
        provide_context(ChangedSheets(Memo::new(move |_| {
            state.with_contract(changed_sheets).unwrap_or_default()
        })));
    }

    /// Whether fiche `id` is marked, as a memo of its own so that a row re-renders only when
    /// its own answer changes.
    pub fn marked(id: Id) -> Memo<bool> {
        let changed = use_context::<ChangedSheets>();
        Memo::new(move |_| changed.is_some_and(|c| c.0.with(|set| set.contains(&id))))
    }
}

/// « Modifiée depuis la signature », in words (not only a colour).
#[component]
pub fn SheetMarker(id: Id) -> impl IntoView {
    let marked = ChangedSheets::marked(id);
    view! {
        <Show when=move || marked.get()>
            <span class="since-signed">"Modifiée depuis la signature"</span>
        </Show>
    }
}

/// On the fiche: what changed in it since the version in force, with a link to the screen
/// that makes it an avenant.
#[component]
pub fn SheetNotice(id: Id) -> impl IntoView {
    let state = AppState::get();
    let since = Memo::new(move |_| {
        state.with_contract(|c| sheet_since_signed(c, id)).unwrap_or(SheetSince::Unchanged)
    });
    move || {
        let text = match since.get() {
            SheetSince::Unchanged => return None,
            SheetSince::Added => "Fiche ajoutée depuis la version signée.".to_string(),
            SheetSince::Changed(fields) => {
                let names: Vec<String> = fields.into_iter().map(|f| f.field).collect();
                format!("Modifiée depuis la version signée : {}.", names.join(", "))
            }
        };
        Some(view! {
            <div class="banner banner--info no-print" role="note" aria-label="Modifications depuis la signature">
                <p>{text}" "<A href=href("/signature/")>"Voir les modifications et les avenants"</A></p>
            </div>
        })
    }
}

/// On the contract screen: signed or not, and how many items changed since the version in
/// force, with the link to « Signature et avenants ». Counted with `pending_count`, which
/// diffs only the items that differ as data: this line is recomputed on every edit.
#[component]
pub fn ContractLine() -> impl IntoView {
    let state = AppState::get();
    let line = Memo::new(move |_| {
        state
            .with_contract(|c| {
                if !is_signed(c) {
                    return "Le contrat n’est pas encore signé dans l’atelier.".to_string();
                }
                let count = pending_count(c);
                let changes = match count {
                    0 => "aucune modification depuis la version en vigueur".to_string(),
                    1 => "1 élément modifié depuis la version en vigueur".to_string(),
                    n => format!("{n} éléments modifiés depuis la version en vigueur"),
                };
                format!("{} — {changes}.", signed_statement(c).trim_end_matches('.'))
            })
            .unwrap_or_default()
    });
    view! {
        <p class="since-signed-line">
            {move || line.get()}" "
            <A href=href("/signature/")>"Signature et avenants"</A>
        </p>
    }
}
