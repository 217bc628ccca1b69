//! The year and the filters of « Suivi », all written to the address.

use super::FollowUpView;
use crate::model::follow_up::{StatusChoice, NOT_FILLED_KEY};
use crate::model::review::NOT_FILLED_LABEL;
use crate::model::{Id, ReviewStatus};
use crate::ui::state::AppState;
use crate::ui::widgets::fields::SelectField;
use crate::ui::widgets::options::{axis_options, organisation_options, with_first, years};
use leptos::prelude::*;

#[component]
pub fn Filters() -> impl IntoView {
    let state = AppState::get();
    let views = FollowUpView::get();
    let (view, year) = (views.view, views.year);
    let years = years(state);
    let statuses = Signal::derive(|| {
        let mut options =
            with_first("Tous les statuts", vec![(NOT_FILLED_KEY.into(), NOT_FILLED_LABEL.into())]);
        options.extend(ReviewStatus::ALL.iter().map(|s| (s.key().into(), s.label().into())));
        options
    });
    let id_text = |id: Option<Id>| id.map(|i| i.to_string()).unwrap_or_default();
    let clear = move |_| views.set(|v| v.filter = Default::default());
    view! {
        <fieldset class="filters follow-up-filters no-print">
            <legend>"Année et filtres du suivi"</legend>
            <SelectField label="Année" options=years value=Signal::derive(move || year.get().to_string())
                on_change=move |t: String| views.set(|v| v.asked_year = t.parse().ok())/>
            <SelectField label="Axe" options=axis_options(state, "Tous les axes")
                value=Signal::derive(move || view.with(|v| id_text(v.filter.axis)))
                on_change=move |t: String| views.set(|v| v.filter.axis = Id::parse(&t))/>
            <SelectField label="Pilote" options=organisation_options(state, "Tous les pilotes")
                value=Signal::derive(move || view.with(|v| id_text(v.filter.lead)))
                on_change=move |t: String| views.set(|v| v.filter.lead = Id::parse(&t))/>
            <SelectField label="Statut" options=statuses
                value=Signal::derive(move || view.with(|v| v.filter.status.map(|s| s.key().to_string()).unwrap_or_default()))
                on_change=move |t: String| views.set(|v| v.filter.status = StatusChoice::from_key(&t))/>
            <Show when=move || view.with(|v| v.filter.is_active())>
                <button type="button" class="secondary" on:click=clear>"Effacer les filtres"</button>
            </Show>
        </fieldset>
    }
}
