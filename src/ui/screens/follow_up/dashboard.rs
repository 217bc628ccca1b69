//! The dashboard at the top of « Suivi » for the chosen year: actions by status and axis (chart,
//! legend and the same figures in a table whose counts filter the follow-up table), the share of
//! actions réalisées, the indicators, and the budget planned against spent by funder.

use super::chart::{Legend, StatusChart};
use super::FollowUpView;
use crate::model::follow_up::{
    budget_of_year, indicator_rows, spent_text, status_at, status_counts, DoneShare,
    IndicatorSummary, StatusChoice, StatusCounts, STATUS_COLUMNS,
};
use crate::model::funding::NO_FUNDER;
use crate::model::review::status_label;
use crate::ui::state::AppState;
use crate::ui::widgets::table_scroll::TableScroll;
use leptos::prelude::*;

#[component]
pub fn Dashboard() -> impl IntoView {
    let state = AppState::get();
    let year = FollowUpView::get().year;
    let counts = Memo::new(move |_| {
        let year = year.get();
        state.numbering.with(|numbers| {
            state.with_contract(|c| status_counts(c, numbers, year)).unwrap_or(StatusCounts {
                year,
                axes: Vec::new(),
                year_share: DoneShare::default(),
                so_far_share: DoneShare::default(),
            })
        })
    });
    view! {
        <section class="dashboard" aria-labelledby="suivi-tableau-de-bord">
            <h2 id="suivi-tableau-de-bord">{move || format!("Tableau de bord {}", year.get())}</h2>
            <div class="dashboard__figures">
                <Shares counts/>
                <Indicators/>
            </div>
            <h3>"Actions par statut et par axe"</h3>
            <StatusChart counts/>
            <Legend/>
            <details class="dashboard__table">
                <summary>"Les chiffres du graphique"</summary>
                <CountsTable counts/>
            </details>
            <FunderBudget/>
        </section>
    }
}

fn share_text(share: DoneShare) -> String {
    format!("{} sur {} ({} %)", share.done, share.total, share.percent())
}

#[component]
fn Shares(counts: Memo<StatusCounts>) -> impl IntoView {
    let year = move || counts.with(|c| c.year);
    view! {
        <dl class="dashboard__shares">
            <div><dt>{move || format!("Actions réalisées en {}", year())}</dt>
                <dd>{move || counts.with(|c| share_text(c.year_share))}</dd></div>
            <div><dt>"Réalisées depuis le début du contrat"</dt>
                <dd>{move || counts.with(|c| share_text(c.so_far_share))}</dd></div>
        </dl>
    }
}

#[component]
fn Indicators() -> impl IntoView {
    let state = AppState::get();
    let year = FollowUpView::get().year;
    let summary = Memo::new(move |_| {
        let year = year.get();
        state.numbering.with(|numbers| {
            state
                .with_contract(|c| IndicatorSummary::of(&indicator_rows(c, numbers, year)))
                .unwrap_or_default()
        })
    });
    view! {
        <dl class="dashboard__shares">
            <div><dt>{move || format!("Indicateurs renseignés en {}", year.get())}</dt>
                <dd>{move || summary.with(|s| format!("{} sur {}", s.with_result, s.indicators))}</dd></div>
            <div><dt>"Cibles atteintes"</dt>
                <dd>{move || summary.with(|s| format!("{} sur {} mesurables", s.reached, s.measurable))}</dd></div>
        </dl>
    }
}

/// The chart's figures as a table; each count is a button that filters the follow-up table.
#[component]
fn CountsTable(counts: Memo<StatusCounts>) -> impl IntoView {
    let views = FollowUpView::get();
    let columns = || (0..STATUS_COLUMNS).map(status_at);
    view! {
        <div class="table-scroll" role="region" aria-label="Actions par statut et par axe" tabindex="0">
        <table class="counts-table">
            <caption>{move || format!("Actions par statut et par axe en {}", counts.with(|c| c.year))}</caption>
            <thead><tr><th scope="col">"Axe"</th>
                {columns().map(|s| view! { <th scope="col">{status_label(s)}</th> }).collect_view()}
                <th scope="col">"Total"</th></tr></thead>
            <tbody>{move || counts.get().axes.into_iter().map(|axis| {
                let axis_id = axis.axis_id;
                let cells = columns().map(|status| {
                    let count = axis.count(status);
                    let name = format!("{} {} : {count}, afficher ces actions", axis.short_label, status_label(status));
                    let filter = move |_| views.set(|v| {
                        v.filter.axis = axis_id;
                        v.filter.status = Some(StatusChoice::of(status));
                    });
                    view! { <td>{if count == 0 { view! { <span>"0"</span> }.into_any() } else {
                        view! { <button type="button" class="link-button" aria-label=name on:click=filter>{count}</button> }.into_any()
                    }}</td> }
                }).collect_view();
                view! { <tr><th scope="row">{axis.label.clone()}</th>{cells}<td>{axis.total()}</td></tr> }
            }).collect_view()}</tbody>
            <tfoot><tr><th scope="row">"Total"</th>
                {move || counts.with(|c| c.totals()).into_iter().map(|n| view! { <td>{n}</td> }).collect_view()}
                <td>{move || counts.with(|c| c.actions())}</td></tr></tfoot>
        </table>
        </div>
    }
}

/// Planned against spent for the year, by funder.
#[component]
fn FunderBudget() -> impl IntoView {
    let state = AppState::get();
    let year = FollowUpView::get().year;
    let rows = Memo::new(move |_| {
        let year = year.get();
        state
            .with_contract(|c| {
                let budget = budget_of_year(c, year);
                let mut rows: Vec<(String, String, String)> = budget
                    .per_funder
                    .iter()
                    .map(|(funder, t)| {
                        let name = funder.map_or(NO_FUNDER, |id| c.organisation_name(id));
                        (name.to_string(), t.planned.text(), spent_text(t.spent, t.missing))
                    })
                    .collect();
                let t = budget.contract;
                rows.push(("Total".into(), t.planned.text(), spent_text(t.spent, t.missing)));
                rows
            })
            .unwrap_or_default()
    });
    view! {
        <TableScroll label=Signal::derive(move || format!("Budget {} par financeur (tableau)", year.get()))>
        <table class="budget-table">
            <caption>{move || format!("Budget {} : prévu et dépensé par financeur", year.get())}</caption>
            <thead><tr><th scope="col">"Financeur"</th><th scope="col">"Prévu"</th><th scope="col">"Dépensé"</th></tr></thead>
            <tbody>{move || rows.get().into_iter().map(|(name, planned, spent)| view! {
                <tr><th scope="row">{name}</th><td class="amount">{planned}</td><td class="amount">{spent}</td></tr>
            }).collect_view()}</tbody>
        </table>
        </TableScroll>
    }
}
