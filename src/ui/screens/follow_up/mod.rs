//! « Suivi »: the yearly follow-up of a signed contract. For the chosen year, a dashboard
//! (actions by status and axis, the share réalisées, indicators, budget), then the table where
//! a coordinator types each action's bilan while its lead talks, then the year's indicators
//! and the amounts spent. The year and the filters live in the address, like the planning's.

mod budget;
mod chart;
mod dashboard;
mod filters;
mod indicators;
mod row_signals;
mod table;

use super::no_contract::RequireContract;
use crate::model::follow_up::{default_year, FollowUpFilter};
use crate::ui::clock::this_year;
use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// What the address says: the year asked for (if any) and the filters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub asked_year: Option<i32>,
    pub filter: FollowUpFilter,
}

impl View {
    fn query(&self) -> String {
        let mut pairs = Vec::new();
        if let Some(year) = self.asked_year {
            pairs.push(("annee", year.to_string()));
        }
        pairs.extend(self.filter.to_query());
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(&v))))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// The view state, shared by every part of the screen.
#[derive(Clone, Copy)]
pub struct FollowUpView {
    pub view: Memo<View>,
    /// The year shown: the one asked for when the period holds it, else the default year.
    pub year: Memo<i32>,
    go: Callback<String>,
}

impl FollowUpView {
    /// Changes the view and writes it to the address (replacing the history entry).
    pub fn set(&self, change: impl FnOnce(&mut View)) {
        let mut view = self.view.get_untracked();
        change(&mut view);
        let query = view.query();
        self.go.run(if query.is_empty() { "/suivi/".into() } else { format!("/suivi/?{query}") });
    }

    pub fn get() -> Self {
        expect_context()
    }
}

#[component]
pub fn FollowUpScreen() -> impl IntoView {
    view! {
        <div class="follow-up-screen">
            <h1>"Suivi"</h1>
            <RequireContract>
                <FollowUp/>
            </RequireContract>
        </div>
    }
}

#[component]
fn FollowUp() -> impl IntoView {
    let state = AppState::get();
    let query = use_query_map();
    let view = Memo::new(move |_| {
        query.with(|q| View {
            asked_year: q.get("annee").and_then(|y| y.trim().parse().ok()),
            filter: FollowUpFilter::from_query(|k| q.get(k)),
        })
    });
    let period = Memo::new(move |_| state.with_contract(|c| c.period).unwrap_or_default());
    let today = this_year();
    let year = Memo::new(move |_| {
        let period = period.get();
        view.get()
            .asked_year
            .filter(|y| period.contains_year(*y))
            .unwrap_or_else(|| default_year(period, today))
    });
    let navigate = use_navigate();
    let go = Callback::new(move |path: String| {
        navigate(
            &path,
            leptos_router::NavigateOptions { replace: true, scroll: false, ..Default::default() },
        )
    });
    provide_context(FollowUpView { view, year, go });
    view! {
        <filters::Filters/>
        <dashboard::Dashboard/>
        <table::ReviewTable/>
        <indicators::YearIndicators/>
        <budget::YearBudget/>
    }
}
