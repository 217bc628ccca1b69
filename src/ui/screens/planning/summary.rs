//! Under the chart: per year, the actions running, starting and ending, and the load of each
//! lead organisation.
//!
//! Below the fold (the chart above it is as high as the window), so built just after the
//! planning's first frame is painted: the lines come first. Its layout waits until it is
//! scrolled near (`content-visibility` in `style/planning.css`); it is in the page, for
//! assistive technologies and the browser's search, one frame after the chart.

use super::Rows;
use crate::model::planning::{load_per_lead, yearly_summary};
use crate::ui::state::AppState;
use crate::ui::widgets::table_scroll::TableScroll;
use leptos::prelude::*;
use std::time::Duration;

#[component]
pub fn Summary(visible: Memo<Rows>) -> impl IntoView {
    let state = AppState::get();
    let period = Memo::new(move |_| state.with_contract(|c| c.period).unwrap_or_default());
    let years = Memo::new(move |_| visible.with(|rows| yearly_summary(rows, period.get())));
    let load = Memo::new(move |_| visible.with(|rows| load_per_lead(rows, period.get())));
    let painted = RwSignal::new(false);
    request_animation_frame(move || {
        set_timeout(
            move || {
                painted.try_set(true);
            },
            Duration::ZERO,
        )
    });
    view! {
        <Show when=move || painted.get()>
        <section class="planning-summary" aria-labelledby="synthese">
            <h2 id="synthese">"Synthèse par année"</h2>
            <TableScroll label="Synthèse : actions par année">
            <table>
                <caption>"Actions par année"</caption>
                <thead><tr><th scope="col">"Année"</th><th scope="col">"En cours"</th><th scope="col">"Démarrent"</th><th scope="col">"Se terminent"</th></tr></thead>
                <tbody>{move || years.get().into_iter().map(|y| view! {
                    <tr><th scope="row">{y.year}</th><td>{y.running}</td><td>{y.starting}</td><td>{y.ending}</td></tr>
                }).collect_view()}</tbody>
            </table>
            </TableScroll>
            <TableScroll label="Synthèse : actions en cours par pilote">
            <table>
                <caption>"Actions en cours par pilote"</caption>
                <thead><tr><th scope="col">"Pilote"</th>{move || period.get().years().map(|y| view! { <th scope="col">{y}</th> }).collect_view()}</tr></thead>
                <tbody>{move || load.get().into_iter().map(|(lead, counts)| view! {
                    <tr><th scope="row">{lead}</th>{counts.into_iter().map(|n| view! { <td>{n}</td> }).collect_view()}</tr>
                }).collect_view()}</tbody>
            </table>
            </TableScroll>
        </section>
        </Show>
    }
}
