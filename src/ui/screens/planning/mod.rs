//! The planning: every action of the contract on a timeline over the contract period, grouped
//! by axis and sheet, with filters kept in the address (a filtered view can be shared as a
//! link), dates editable from the chart, a yearly summary and exports.

mod baseline;
mod chart;
mod dates;
mod density;
mod exports;
mod filters;
mod summary;

use super::no_contract::RequireContract;
use crate::model::follow_up::shown_year;
use crate::model::planning::{plan_rows, PlanFilter, PlanRow, Scale};
use crate::ui::clock::this_year;
use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use std::sync::Arc;

pub use crate::ui::chart_lines::ColourBy;

/// The planning's rows (one per action), shared by the chart, the filters, exports and summary.
pub type Rows = Arc<[PlanRow]>;

/// What the address says about the view: filters, scale and colours.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    pub filter: PlanFilter,
    /// The follow-up year whose statuses colour the bars and feed the status filter, when the
    /// address names one (else `ViewState::status_year`'s default).
    pub status_year: Option<i32>,
    pub scale: Scale,
    pub colour: ColourBy,
    /// « Comparer à la version signée » (`comparer=signee`): the signed dates beside the bars.
    pub compare: bool,
}

impl View {
    fn query(&self) -> String {
        let mut pairs = self.filter.to_query();
        if self.scale != Scale::Quarters {
            pairs.push(("echelle", self.scale.key().to_string()));
        }
        if self.colour == ColourBy::Status {
            pairs.push(("couleur", "statut".to_string()));
        }
        if let Some(year) = self.status_year {
            pairs.push(("annee", year.to_string()));
        }
        if self.compare {
            pairs.push((baseline::QUERY_KEY, baseline::QUERY_VALUE.to_string()));
        }
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(&v))))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// The view state lives in the URL: reading it and writing it (replacing the history entry,
/// so that Back leaves the planning instead of undoing filters one by one).
#[derive(Clone, Copy)]
pub struct ViewState {
    pub view: Memo<View>,
    /// The year of the statuses shown: the address's when the period holds it, else the year
    /// « Suivi » opens on.
    pub status_year: Memo<i32>,
    /// Navigates to a planning address (the router's navigate, captured where the context is).
    go: Callback<String>,
}

impl ViewState {
    pub fn set(&self, change: impl FnOnce(&mut View)) {
        let mut view = self.view.get_untracked();
        change(&mut view);
        let query = view.query();
        self.go.run(if query.is_empty() {
            "/planning/".to_string()
        } else {
            format!("/planning/?{query}")
        });
    }
}

#[component]
pub fn PlanningScreen() -> impl IntoView {
    view! {
        <div class="planning-screen">
            // While the planning is on screen, printing gives landscape A4 pages.
            <style>"@page { size: A4 landscape; margin: 12mm; }"</style>
            <h1>"Planning"</h1>
            <RequireContract>
                <Planning/>
            </RequireContract>
        </div>
    }
}

#[component]
fn Planning() -> impl IntoView {
    let state = AppState::get();
    let query = use_query_map();
    let view = Memo::new(move |_| {
        query.with(|q| View {
            filter: PlanFilter::from_query(|k| q.get(k)),
            status_year: q.get("annee").and_then(|y| y.trim().parse().ok()),
            scale: q.get("echelle").and_then(|s| Scale::from_key(&s)).unwrap_or(Scale::Quarters),
            colour: if q.get("couleur").as_deref() == Some("statut") {
                ColourBy::Status
            } else {
                ColourBy::Axis
            },
            compare: q.get(baseline::QUERY_KEY).as_deref() == Some(baseline::QUERY_VALUE),
        })
    });
    let navigate = use_navigate();
    let go = Callback::new(move |path: String| {
        navigate(
            &path,
            leptos_router::NavigateOptions { replace: true, scroll: false, ..Default::default() },
        )
    });
    let period = Memo::new(move |_| state.with_contract(|c| c.period).unwrap_or_default());
    let today = this_year();
    let status_year =
        Memo::new(move |_| shown_year(period.get(), view.with(|v| v.status_year), today));
    let views = ViewState { view, status_year, go };
    provide_context(views);
    let rows: Memo<Rows> = Memo::new(move |_| {
        let year = status_year.get();
        state.with_contract(|c| plan_rows(c, year)).unwrap_or_default().into()
    });
    // Unfiltered, the visible rows are the rows themselves, shared rather than copied.
    let visible = Memo::new(move |_| {
        view.with(|v| {
            if v.filter.is_active() {
                rows.with(|rows| v.filter.kept(rows).cloned().collect())
            } else {
                rows.get()
            }
        })
    });
    view! {
        <filters::Filters visible/>
        <exports::Exports visible/>
        <chart::Chart visible/>
        <summary::Summary visible/>
    }
}
