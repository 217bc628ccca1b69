//! Under the chart: per year, the actions running, starting and ending, and the load of each
//! lead organisation.

use super::Rows;
use crate::model::planning::{load_per_lead, yearly_summary};
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn Summary(visible: Memo<Rows>) -> impl IntoView {
    let state = AppState::get();
    let period = Memo::new(move |_| state.with_contract(|c| c.period).unwrap_or_default());
    let years = Memo::new(move |_| visible.with(|rows| yearly_summary(rows, period.get())));
    let load = Memo::new(move |_| visible.with(|rows| load_per_lead(rows, period.get())));
    view! {
        <section class="planning-summary" aria-labelledby="synthese">
            <h2 id="synthese">"Synthèse par année"</h2>
            <table>
                <caption>"Actions par année"</caption>
                <thead><tr><th scope="col">"Année"</th><th scope="col">"En cours"</th><th scope="col">"Démarrent"</th><th scope="col">"Se terminent"</th></tr></thead>
                <tbody>{move || years.get().into_iter().map(|y| view! {
                    <tr><th scope="row">{y.year}</th><td>{y.running}</td><td>{y.starting}</td><td>{y.ending}</td></tr>
                }).collect_view()}</tbody>
            </table>
            <table>
                <caption>"Actions en cours par pilote"</caption>
                <thead><tr><th scope="col">"Pilote"</th>{move || period.get().years().map(|y| view! { <th scope="col">{y}</th> }).collect_view()}</tr></thead>
                <tbody>{move || load.get().into_iter().map(|(lead, counts)| view! {
                    <tr><th scope="row">{lead}</th>{counts.into_iter().map(|n| view! { <td>{n}</td> }).collect_view()}</tr>
                }).collect_view()}</tbody>
            </table>
        </section>
    }
}
