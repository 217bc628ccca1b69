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

use crate::model::follow_up::shown_year;
use crate::model::planning::{plan_rows, PlanFilter, PlanRow, Scale};
use crate::ui::address::{address, AddressView};
use crate::ui::platform::clock::this_year;
use crate::ui::state::AppState;
use crate::ui::widgets::no_contract::RequireContract;
use leptos::prelude::*;
use leptos_router::params::ParamsMap;
use std::sync::Arc;
use std::time::Duration;

pub use crate::document::chart_lines::ColourBy;

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
    /// The view an address's query names.
    fn from_query(q: &ParamsMap) -> View {
        View {
            filter: PlanFilter::from_query(|k| q.get(k)),
            status_year: q.get("annee").and_then(|y| y.trim().parse().ok()),
            scale: q.get("echelle").and_then(|s| Scale::from_key(&s)).unwrap_or(Scale::Quarters),
            colour: if q.get("couleur").as_deref() == Some("statut") {
                ColourBy::Status
            } else {
                ColourBy::Axis
            },
            compare: q.get(baseline::QUERY_KEY).as_deref() == Some(baseline::QUERY_VALUE),
        }
    }

    /// The address of this view: « /planning/ » with only what differs from the defaults.
    fn address(&self) -> String {
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
        address("/planning/", &pairs)
    }
}

/// The view state lives in the URL: reading it and writing it (replacing the history entry,
/// so that Back leaves the planning instead of undoing filters one by one).
///
/// A view chosen here is shown at once and written to the address just after the next frame is
/// painted: the router's `history.replaceState` costs 2 to 25 ms, which a filter change would
/// otherwise wait for before its lines are drawn (`bench/planning.mjs`). Choices made within
/// one frame (typing in « Rechercher ») make one write, of the last. The address still always
/// says what the screen shows once painted (a reload or a shared link gives the same view), and
/// a change of the address from elsewhere (Back, a link) wins over a choice not yet written.
#[derive(Clone, Copy)]
pub struct ViewState {
    pub view: Memo<View>,
    /// The year of the statuses shown: the address's when the period holds it, else the year
    /// « Suivi » opens on.
    pub status_year: Memo<i32>,
    /// The view chosen on this screen and not yet written to the address, with the number of
    /// the address it was chosen on (`changes`).
    ahead: RwSignal<Option<(View, u64)>>,
    /// How many times the address changed: a view chosen here stands until it changes again.
    changes: Memo<u64>,
    /// Whether a write of the address is already due after the next frame.
    due: StoredValue<bool>,
    address: AddressView<View>,
}

impl ViewState {
    pub fn set(&self, change: impl FnOnce(&mut View)) {
        let mut view = self.view.get_untracked();
        change(&mut view);
        if view == self.view.get_untracked() {
            return;
        }
        self.ahead.set(Some((view, self.changes.get_untracked())));
        if !self.due.get_value() {
            self.due.set_value(true);
            let this = *self;
            // After the frame that shows the change: a task queued from its animation callback.
            request_animation_frame(move || set_timeout(move || this.write(), Duration::ZERO));
        }
    }

    /// Writes the view chosen here to the address, unless the screen is gone or the address
    /// changed meanwhile (then there is nothing left to write).
    fn write(self) {
        let changes = self.changes.try_get_untracked();
        let ahead = self.ahead.try_get_untracked().flatten();
        let Some((view, _)) = ahead.filter(|(_, at)| Some(*at) == changes) else {
            let _ = self.due.try_set_value(false);
            return;
        };
        self.due.set_value(false);
        self.address.replace(view.address());
        self.ahead.set(None);
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
    // What the address says, and what the screen shows: the same, but for a view chosen here
    // and not yet written (`ViewState`).
    let address = AddressView::new(View::from_query);
    let changes = Memo::new(move |old: Option<&u64>| {
        address.view.track();
        old.map_or(0, |n| n + 1)
    });
    let ahead = RwSignal::new(None::<(View, u64)>);
    // Once the address changes from elsewhere (Back, a link to another view), it is what shows.
    let view = Memo::new(move |_| match ahead.get() {
        Some((chosen, at)) if at == changes.get() => chosen,
        _ => address.view.get(),
    });
    let period = Memo::new(move |_| state.with_contract(|c| c.period).unwrap_or_default());
    let today = this_year();
    let status_year =
        Memo::new(move |_| shown_year(period.get(), view.with(|v| v.status_year), today));
    let views =
        ViewState { view, status_year, ahead, changes, due: StoredValue::new(false), address };
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
