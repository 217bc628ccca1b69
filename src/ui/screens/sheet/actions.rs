//! Step 4 – Actions: the concrete steps, each with its dates (month and year, inside the
//! contract period), its lead and whether it is a milestone.

use super::access::{edit_sheet, read_sheet};
use crate::model::validation::Subject;
use crate::model::{Action, Id, YearMonth};
use crate::ui::platform::clock::now;
use crate::ui::row_lens::{row_ids, RowLens};
use crate::ui::state::{focus_first_field_after_render, AppState};
use crate::ui::widgets::fields::{CheckField, SelectField, TextField};
use crate::ui::widgets::issues::IssuesFor;
use crate::ui::widgets::options::organisation_options;
use crate::ui::widgets::row_buttons::RemoveButton;
use leptos::prelude::*;

#[component]
pub fn Actions(id: Id) -> impl IntoView {
    let state = AppState::get();
    let ids = row_ids::<Action>(state, Some(id));
    let period = move || {
        read_sheet(state, id, |c, _| format!("{} à {}", c.period.first_year, c.period.last_year))
    };
    let add = move |_| {
        let action = Id::random();
        edit_sheet(state, id, |s| s.actions.push(Action::new(action, "", now())));
        focus_first_field_after_render(row_dom_id(action));
    };
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

/// The DOM id of an action's row, where « Ajouter une action » puts the focus.
fn row_dom_id(action: Id) -> String {
    format!("action-{action}")
}

#[component]
fn ActionRow(sheet: Id, id: Id) -> impl IntoView {
    let state = AppState::get();
    let row = RowLens::<Action>::new(state, sheet, id);
    let position = row.position();
    view! {
        <li class="row" id=row_dom_id(id)>
            <fieldset>
                <legend>{move || format!("Action {}", position.get())}</legend>
                <TextField label="Description de l’action" multiline=true
                    help="Ce qui sera fait, par qui, pour qui : « Organiser 4 ateliers mémoire par an dans les centres sociaux »"
                    value=row.read(|a| a.description.clone()) on_input=row.write(|a, v| a.description = v)/>
                <TextField label="Début (mois et année)" kind="month" help="Par exemple : 2025-03 pour mars 2025"
                    value=row.read(|a| a.start.map(YearMonth::to_iso).unwrap_or_default()) on_input=row.write(|a, v: String| a.start = YearMonth::parse_iso(&v))/>
                <TextField label="Fin (mois et année)" kind="month" help="Par exemple : 2026-06 pour juin 2026"
                    value=row.read(|a| a.end.map(YearMonth::to_iso).unwrap_or_default()) on_input=row.write(|a, v: String| a.end = YearMonth::parse_iso(&v))/>
                <SelectField label="Porteur de l’action" help="Si ce n’est pas le pilote de la fiche"
                    options=organisation_options(state, "— le pilote de la fiche —")
                    value=row.read(|a| a.lead_id.map(|o| o.to_string()).unwrap_or_default())
                    on_change=row.write(|a, v: String| a.lead_id = Id::parse(&v))/>
                <CheckField label="C’est un jalon (date clé à suivre)"
                    checked=row.read(|a| a.milestone) on_change=row.write(|a, v| a.milestone = v)/>
                <IssuesFor subject=Subject::Action { sheet, id }/>
                <RemoveButton name=Signal::derive(move || format!("l’action {}", position.get()))
                    on_remove=move || row.remove_with_undo(format!("Action {}", position.get_untracked()))/>
            </fieldset>
        </li>
    }
}
