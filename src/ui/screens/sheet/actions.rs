//! Step 4 – Actions: the concrete steps, each with its dates (month and year, inside the
//! contract period), its lead and whether it is a milestone.

use super::access::{edit_sheet, read_sheet};
use crate::model::entity::edit_by_id;
use crate::model::validation::Subject;
use crate::model::{Action, Id, YearMonth};
use crate::ui::clock::now;
use crate::ui::fields::{CheckField, SelectField, TextField};
use crate::ui::options::organisation_options;
use crate::ui::screens::issues::IssuesFor;
use crate::ui::state::{restore_at, take_where, AppState};
use leptos::prelude::*;

#[component]
pub fn Actions(id: Id) -> impl IntoView {
    let state = AppState::get();
    let ids = Memo::new(move |_| {
        read_sheet(state, id, |_, s| s.actions.iter().map(|a| a.id).collect::<Vec<_>>())
    });
    let period = move || {
        read_sheet(state, id, |c, _| format!("{} à {}", c.period.first_year, c.period.last_year))
    };
    let add =
        move |_| edit_sheet(state, id, |s| s.actions.push(Action::new(Id::random(), "", now())));
    view! {
        <p class="muted">{move || format!("Les dates doivent rester dans la période du contrat ({}).", period())}</p>
        <ol class="rows">
            <For each=move || ids.get() key=|id| *id let:action>
                <ActionRow sheet=id id=action/>
            </For>
        </ol>
        <button type="button" class="secondary" on:click=add>"Ajouter une action"</button>
    }
}

fn edit_action(state: AppState, sheet: Id, id: Id, change: impl FnOnce(&mut Action)) {
    edit_sheet(state, sheet, |s| {
        edit_by_id(&mut s.actions, id, now(), change);
    });
}

#[component]
fn ActionRow(sheet: Id, id: Id) -> impl IntoView {
    let state = AppState::get();
    let read = move |f: fn(&Action) -> String| {
        Signal::derive(move || {
            read_sheet(state, sheet, |_, s| {
                s.actions.iter().find(|a| a.id == id).map(f).unwrap_or_default()
            })
        })
    };
    let position = move || {
        read_sheet(state, sheet, |_, s| {
            s.actions.iter().position(|a| a.id == id).map_or(0, |p| p + 1)
        })
    };
    let legend = move || format!("Action {}", position());
    let remove = move |_| {
        state.remove_with_undo(
            legend(),
            |c| c.sheet_mut(sheet).and_then(|s| take_where(&mut s.actions, |a| a.id == id)),
            move |c, index, a| {
                if let Some(s) = c.sheet_mut(sheet) {
                    restore_at(&mut s.actions, index, a)
                }
            },
        )
    };
    view! {
        <li class="row">
            <fieldset>
                <legend>{legend}</legend>
                <TextField label="Description de l’action" multiline=true
                    help="Ce qui sera fait, par qui, pour qui : « Organiser 4 ateliers mémoire par an dans les centres sociaux »"
                    value=read(|a| a.description.clone()) on_input=move |v: String| edit_action(state, sheet, id, |a| a.description = v)/>
                <TextField label="Début (mois et année)" kind="month" help="Par exemple : 2025-03 pour mars 2025"
                    value=read(|a| a.start.map(YearMonth::to_iso).unwrap_or_default()) on_input=move |v: String| edit_action(state, sheet, id, |a| a.start = YearMonth::parse_iso(&v))/>
                <TextField label="Fin (mois et année)" kind="month" help="Par exemple : 2026-06 pour juin 2026"
                    value=read(|a| a.end.map(YearMonth::to_iso).unwrap_or_default()) on_input=move |v: String| edit_action(state, sheet, id, |a| a.end = YearMonth::parse_iso(&v))/>
                <SelectField label="Porteur de l’action" help="Si ce n’est pas le pilote de la fiche"
                    options=organisation_options(state, "— le pilote de la fiche —")
                    value=read(|a| a.lead_id.map(|o| o.to_string()).unwrap_or_default())
                    on_change=move |v: String| edit_action(state, sheet, id, |a| a.lead_id = Id::parse(&v))/>
                <CheckField label="C’est un jalon (date clé à suivre)"
                    checked=Signal::derive(move || read_sheet(state, sheet, |_, s| s.actions.iter().any(|a| a.id == id && a.milestone)))
                    on_change=move |v: bool| edit_action(state, sheet, id, |a| a.milestone = v)/>
                <IssuesFor subject=Subject::Action { sheet, id }/>
                <button type="button" class="danger" on:click=remove aria-label=move || format!("Supprimer l’action {}", position())>"Supprimer"</button>
            </fieldset>
        </li>
    }
}
