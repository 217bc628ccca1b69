//! The dashboard's chart: actions by status for each axis, as horizontal stacked bars drawn in
//! SVG. Its accessible name states every figure, and the same figures are in a real table
//! beside it (`dashboard.rs`). Clicking a segment filters the table to that axis and status.

use super::FollowUpView;
use crate::document::chart_lines::status_class;
use crate::document::status_bars::{segments, total_x, BAR_HEIGHT, ROW_HEIGHT, WIDTH};
use crate::model::follow_up::{status_at, StatusChoice, StatusCounts, STATUS_COLUMNS};
use crate::model::review::status_label;
use leptos::prelude::*;

#[component]
pub fn StatusChart(counts: Memo<StatusCounts>) -> impl IntoView {
    let views = FollowUpView::get();
    move || {
        let counts = counts.get();
        let longest = counts.axes.iter().map(|a| a.total()).max().unwrap_or(0);
        let height = (counts.axes.len().max(1) * ROW_HEIGHT + 4).to_string();
        let bars = counts.axes.iter().enumerate().map(|(rank, axis)| {
            let y = rank * ROW_HEIGHT + 4;
            let axis_id = axis.axis_id;
            let parts = segments(&axis.counts, longest).into_iter().map(|segment| {
                let status = segment.status;
                let filter = move |_| {
                    views.set(|v| {
                        v.filter.axis = axis_id;
                        v.filter.status = Some(StatusChoice::of(status));
                    })
                };
                let title = format!("{} : {} {}", axis.short_label, segment.count, status_label(status));
                view! {
                    <rect class=format!("chart-segment {}", status_class(status)) x=segment.x.to_string() y=y.to_string()
                        width=segment.width.to_string() height=BAR_HEIGHT.to_string() on:click=filter>
                        <title>{title}</title>
                    </rect>
                }
            }).collect_view();
            let end = total_x(axis.total(), longest);
            view! {
                <text class="chart-label" x="0" y=(y + 15).to_string()>{axis.short_label.clone()}</text>
                {parts}
                <text class="chart-total" x=end.to_string() y=(y + 15).to_string()>{axis.total().to_string()}</text>
            }
        }).collect_view();
        view! {
            <svg class="status-chart" role="img" aria-label=counts.describe()
                viewBox=format!("0 0 {WIDTH} {height}") preserveAspectRatio="xMinYMin meet">
                {bars}
            </svg>
        }
    }
}

/// The colour legend: every status with its colour, the words that carry the meaning.
#[component]
pub fn Legend() -> impl IntoView {
    let statuses = (0..STATUS_COLUMNS).map(status_at);
    view! {
        <ul class="chart-legend" aria-label="Légende des couleurs">
            {statuses.map(|status| view! {
                <li><span class=format!("chart-legend__swatch {}", status_class(status)) aria-hidden="true"></span>{status_label(status)}</li>
            }).collect_view()}
        </ul>
    }
}
