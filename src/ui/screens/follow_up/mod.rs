//! « Suivi »: the yearly follow-up of a signed contract. For the chosen year, a dashboard
//! (actions by status and axis, the share réalisées, indicators, budget), then one of three
//! parts: the table where a coordinator types each action's bilan while its lead talks, the
//! year's indicators, or the amounts spent. The year, the filters, the part and the page live
//! in the address, like the planning's.
//!
//! « Collecte » (`collection`), where the leads' spreadsheets go out and their answers come
//! back, is loaded on demand: its code is most of what spreadsheets need.
//!
//! One part at a time, and long tables in pages (`model::follow_up::pages`): with a thousand
//! actions, a screen holding every field of the three tables took seconds to open and a
//! keystroke waited for thousands of fields to be laid out again (`make bench`).

mod budget;
mod chart;
pub mod collection;
mod dashboard;
mod filters;
mod indicators;
mod pager;
mod parts;
mod table;

use crate::model::follow_up::{opening_year, shown_year, FollowUpFilter};
use crate::ui::address::{address, AddressView};
use crate::ui::on_demand::OnDemand;
use crate::ui::platform::clock::this_year;
use crate::ui::state::AppState;
use crate::ui::widgets::links::href;
use crate::ui::widgets::no_contract::RequireContract;
use leptos::prelude::*;
use leptos_router::params::ParamsMap;
pub use parts::Part;

/// What the address says: the year asked for (if any), the filters, the part shown and the
/// page of its table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub asked_year: Option<i32>,
    pub filter: FollowUpFilter,
    pub part: Part,
    /// From 1; brought back into range by the table.
    pub page: usize,
}

impl View {
    /// The view an address's query names.
    fn from_query(q: &ParamsMap) -> View {
        View {
            asked_year: q.get("annee").and_then(|y| y.trim().parse().ok()),
            filter: FollowUpFilter::from_query(|k| q.get(k)),
            part: q.get("partie").and_then(|p| Part::from_key(p.trim())).unwrap_or(Part::Actions),
            page: q.get("page").and_then(|p| p.trim().parse().ok()).unwrap_or(1),
        }
    }

    /// This view after `change`; another year, filter or part starts again from page 1.
    pub fn changed(self, change: impl FnOnce(&mut View)) -> View {
        let mut view = self;
        change(&mut view);
        if (view.asked_year, view.filter, view.part) != (self.asked_year, self.filter, self.part) {
            view.page = 1;
        }
        view
    }

    /// The address of this view: « /suivi/ » with only what differs from the defaults.
    pub fn address(&self) -> String {
        let mut pairs = Vec::new();
        if let Some(year) = self.asked_year {
            pairs.push(("annee", year.to_string()));
        }
        pairs.extend(self.filter.to_query());
        if self.part != Part::Actions {
            pairs.push(("partie", self.part.key().to_string()));
        }
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        address("/suivi/", &pairs)
    }
}

/// The view state, shared by every part of the screen.
#[derive(Clone, Copy)]
pub struct FollowUpView {
    pub view: Memo<View>,
    /// The year shown: the one asked for when the period holds it, else the opening year.
    pub year: Memo<i32>,
    address: AddressView<View>,
}

impl FollowUpView {
    /// Changes the view and writes it to the address (replacing the history entry).
    pub fn set(&self, change: impl FnOnce(&mut View)) {
        self.address.replace(self.view.get_untracked().changed(change).address());
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
    let address = AddressView::new(View::from_query);
    let view = address.view;
    let period = Memo::new(move |_| state.with_contract(|c| c.period).unwrap_or_default());
    // With no year in the address, the latest year with follow-up data (else this year),
    // chosen once when the screen opens so that it never moves under someone typing.
    let today = this_year();
    let opening = state.workspace.with_untracked(|ws| ws.active().map(|c| opening_year(c, today)));
    let opening = opening.unwrap_or(today);
    let year = Memo::new(move |_| shown_year(period.get(), view.with(|v| v.asked_year), opening));
    provide_context(FollowUpView { view, year, address });
    view! {
        <filters::Filters/>
        <DocumentLinks year/>
        <dashboard::Dashboard/>
        <parts::PartLinks/>
        {move || match view.with(|v| v.part) {
            Part::Actions => view! { <table::ReviewTable/> }.into_any(),
            Part::Indicators => view! { <indicators::YearIndicators/> }.into_any(),
            Part::Budget => view! { <budget::YearBudget/> }.into_any(),
            // The spreadsheets' writers and readers are a part of their own (`ui/parts.rs`).
            Part::Collection => view! {
                <OnDemand title="Collecte" section=true load=|| Box::pin(crate::ui::parts::collection())/>
            }.into_any(),
        }}
    }
}

/// The documents made from the follow-up: the year's report for the COPIL, the contract's bilan.
#[component]
fn DocumentLinks(year: Memo<i32>) -> impl IntoView {
    let base = href("");
    let report = move || format!("{base}/rapport/?annee={}", year.get());
    view! {
        <nav class="document-links no-print" aria-label="Documents du suivi">
            <a href=report>{move || format!("Rapport annuel {} pour le COPIL", year.get())}</a>
            <a href=href("/bilan/")>"Bilan du contrat"</a>
        </nav>
    }
}
