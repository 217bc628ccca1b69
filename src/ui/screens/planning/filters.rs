//! The planning's filters and display options, all written to the address.

use super::{ColourBy, Rows, ViewState};
use crate::model::planning::Scale;
use crate::model::review::NOT_FILLED_LABEL;
use crate::model::{Id, ReviewStatus};
use crate::ui::state::AppState;
use crate::ui::widgets::fields::{SelectField, TextField};
use crate::ui::widgets::options::{
    axis_options, organisation_options, with_first, year_options, years,
};
use leptos::prelude::*;

#[component]
pub fn Filters(visible: Memo<Rows>) -> impl IntoView {
    let state = AppState::get();
    let views = expect_context::<ViewState>();
    let view = views.view;
    let axes = axis_options(state, "Tous les axes");
    let statuses = Signal::derive(|| {
        let mut options =
            with_first("Tous les statuts", vec![("aucun".into(), NOT_FILLED_LABEL.into())]);
        options
            .extend(ReviewStatus::ALL.iter().map(|s| (s.key().to_string(), s.label().to_string())));
        options
    });
    let years_only = years(state);
    let years = year_options(state, "—");
    let scales = Signal::derive(|| {
        Scale::ALL.iter().map(|s| (s.key().to_string(), s.label().to_string())).collect()
    });
    let colours = Signal::derive(|| {
        vec![
            ("axe".to_string(), "Par axe".to_string()),
            ("statut".to_string(), "Par statut du bilan".to_string()),
        ]
    });
    let id_text = |id: Option<Id>| id.map(|i| i.to_string()).unwrap_or_default();
    let count = move || visible.with(|rows| rows.len());
    view! {
        <fieldset class="filters planning-filters no-print">
            <legend>"Filtrer le planning"</legend>
            <TextField label="Rechercher une action" kind="search" help=format!("Dans les actions, les fiches et les pilotes")
                value=Signal::derive(move || view.with(|v| v.filter.text.clone()))
                on_input=move |t: String| views.set(|v| v.filter.text = t)/>
            <SelectField label="Axe" options=axes value=Signal::derive(move || view.with(|v| id_text(v.filter.axis)))
                on_change=move |t: String| views.set(|v| v.filter.axis = Id::parse(&t))/>
            <SelectField label="Pilote" options=organisation_options(state, "Tous les pilotes") value=Signal::derive(move || view.with(|v| id_text(v.filter.lead)))
                on_change=move |t: String| views.set(|v| v.filter.lead = Id::parse(&t))/>
            <SelectField label="Partenaire" options=organisation_options(state, "Tous les partenaires") value=Signal::derive(move || view.with(|v| id_text(v.filter.partner)))
                on_change=move |t: String| views.set(|v| v.filter.partner = Id::parse(&t))/>
            <SelectField label="Statut" options=statuses
                value=Signal::derive(move || view.with(|v| if v.filter.no_status { "aucun".to_string() } else { v.filter.status.map(|s| s.key().to_string()).unwrap_or_default() }))
                on_change=move |t: String| views.set(|v| {
                    v.filter.no_status = t == "aucun";
                    v.filter.status = ReviewStatus::from_key(&t);
                })/>
            <SelectField label="De l’année" options=years value=Signal::derive(move || view.with(|v| v.filter.from_year.map(|y| y.to_string()).unwrap_or_default()))
                on_change=move |t: String| views.set(|v| v.filter.from_year = t.parse().ok())/>
            <SelectField label="À l’année" options=years value=Signal::derive(move || view.with(|v| v.filter.to_year.map(|y| y.to_string()).unwrap_or_default()))
                on_change=move |t: String| views.set(|v| v.filter.to_year = t.parse().ok())/>
            <SelectField label="Échelle" options=scales value=Signal::derive(move || view.with(|v| v.scale.key().to_string()))
                on_change=move |t: String| views.set(|v| if let Some(s) = Scale::from_key(&t) { v.scale = s })/>
            <SelectField label="Année du statut" options=years_only
                help="Le statut de suivi de cette année colore les barres et sert au filtre « Statut »."
                value=Signal::derive(move || views.status_year.get().to_string())
                on_change=move |t: String| views.set(|v| v.status_year = t.parse().ok())/>
            <SelectField label="Couleurs" options=colours
                value=Signal::derive(move || view.with(|v| if v.colour == ColourBy::Status { "statut".to_string() } else { "axe".to_string() }))
                on_change=move |t: String| views.set(|v| v.colour = if t == "statut" { ColourBy::Status } else { ColourBy::Axis })/>
        </fieldset>
        <p class="muted no-print">{move || format!("{} action{} au planning.", count(), if count() > 1 { "s" } else { "" })}</p>
    }
}
