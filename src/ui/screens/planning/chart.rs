//! The timeline itself: one line per action, grouped by axis then sheet (groups fold), columns
//! by year, quarter or month, a bar per action (a diamond for a milestone), COPIL meetings and
//! today as vertical markers. A bar opens its action (click or Enter); its ends can be dragged.

use super::dates::{DateEditor, DragState};
use super::{ColourBy, ViewState};
use crate::model::planning::{bar_position, columns, date_position, PlanRow};
use crate::model::{Body, Id, ReviewStatus};
use crate::ui::download::today_iso;
use crate::ui::links::href;
use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::collections::HashSet;

/// A line of the chart: a group header, an action, or the date editor opened under an action.
/// Lines are static once drawn (no per-line reactivity, so 1,000 lines stay cheap): whatever a
/// line shows is in its key, and a line whose content changes is drawn anew.
#[derive(Clone, PartialEq)]
enum Line {
    Axis { key: String, label: String, count: usize, folded: bool },
    Sheet { id: Id, label: String, count: usize, folded: bool },
    Action { row: Box<PlanRow>, look: Look },
    Editor(Box<PlanRow>),
}

/// How action lines are drawn: the time window and the colours.
#[derive(Clone, Copy, PartialEq, Debug)]
struct Look {
    first: i32,
    last: i32,
    colour: ColourBy,
    editing: bool,
}

impl Line {
    fn key(&self) -> String {
        match self {
            Line::Axis { key, folded, .. } => format!("a-{key}-{folded}"),
            Line::Sheet { id, folded, .. } => format!("s-{id}-{folded}"),
            // Everything the line shows is in its key: a changed action is drawn anew.
            Line::Action { row, look } => format!(
                "r-{}-{:?}-{:?}-{}-{:?}-{}-{}-{}-{:?}",
                row.action_id, row.start, row.end, row.milestone, row.status, row.axis_rank, row.label, row.lead_name, look
            ),
            Line::Editor(row) => format!("e-{}-{:?}-{:?}", row.action_id, row.start, row.end),
        }
    }
}

/// Flattens the visible rows into lines, leaving out what is folded.
fn lines(rows: &[PlanRow], folded: &HashSet<String>, look: Look, editing: Option<Id>) -> Vec<Line> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let axis_key = rows[i].axis_id.map_or("aucun".to_string(), |a| a.to_string());
        let axis_end = rows[i..].iter().position(|r| r.axis_id != rows[i].axis_id).map_or(rows.len(), |p| i + p);
        let axis_folded = folded.contains(&axis_key);
        out.push(Line::Axis { key: axis_key, label: rows[i].axis_label.clone(), count: axis_end - i, folded: axis_folded });
        let mut j = i;
        while j < axis_end {
            let sheet_end = rows[j..axis_end].iter().position(|r| r.sheet_id != rows[j].sheet_id).map_or(axis_end, |p| j + p);
            if !axis_folded {
                let sheet_folded = folded.contains(&rows[j].sheet_id.to_string());
                out.push(Line::Sheet { id: rows[j].sheet_id, label: rows[j].sheet_label.clone(), count: sheet_end - j, folded: sheet_folded });
                if !sheet_folded {
                    for row in &rows[j..sheet_end] {
                        let edited = editing == Some(row.action_id);
                        out.push(Line::Action { row: Box::new(row.clone()), look: Look { editing: edited, ..look } });
                        if edited {
                            out.push(Line::Editor(Box::new(row.clone())));
                        }
                    }
                }
            }
            j = sheet_end;
        }
        i = axis_end;
    }
    out
}

fn status_class(status: Option<ReviewStatus>) -> &'static str {
    match status {
        Some(ReviewStatus::Done) => "bar--done",
        Some(ReviewStatus::PartlyDone) => "bar--partly",
        Some(ReviewStatus::NotDone) => "bar--not-done",
        None => "bar--none",
    }
}

#[component]
pub fn Chart(visible: Memo<Vec<PlanRow>>) -> impl IntoView {
    let state = AppState::get();
    let ViewState { view, .. } = expect_context::<ViewState>();
    let folded = RwSignal::new(HashSet::<String>::new());
    let window = Memo::new(move |_| {
        let period = state.with_contract(|c| c.period).unwrap_or_default();
        view.with(|v| (v.filter.from_year.unwrap_or(period.first_year).max(period.first_year),
                       v.filter.to_year.unwrap_or(period.last_year).min(period.last_year)))
    });
    let colour = Memo::new(move |_| view.with(|v| v.colour));
    let editing = RwSignal::new(None::<Id>);
    let chart_lines = Memo::new(move |_| {
        let (first, last) = window.get();
        let look = Look { first, last, colour: colour.get(), editing: false };
        folded.with(|f| visible.with(|rows| lines(rows, f, look, editing.get())))
    });
    let base = href("");
    let drag = DragState::new(state, window);
    let navigate = use_navigate();
    let open = Callback::new(move |path: String| navigate(&path, Default::default()));
    let header = Memo::new(move |_| {
        let (first, last) = window.get();
        let total: u32 = ((last - first + 1) * 12).max(1) as u32;
        view.with(|v| columns(first, last, v.scale)).into_iter().map(|(label, span)| (label, f64::from(span) * 100.0 / f64::from(total))).collect::<Vec<_>>()
    });
    let markers = Memo::new(move |_| {
        let (first, last) = window.get();
        let mut markers: Vec<(String, f64, &'static str)> = state.with_contract(|c| {
            c.governance.meetings.iter().filter(|m| m.body == Body::SteeringCommittee)
                .filter_map(|m| date_position(&m.date, first, last).map(|p| (format!("COPIL du {}", m.date), p, "marker--copil")))
                .collect()
        }).unwrap_or_default();
        if let Some(p) = date_position(&today_iso(), first, last) {
            markers.push(("Aujourd’hui".to_string(), p, "marker--today"));
        }
        markers
    });
    let toggle = move |key: String| folded.update(|f| if !f.remove(&key) { f.insert(key); });
    view! {
        <Legend colour/>
        <div class="planning" role="region" aria-label="Planning des actions">
            <div class="planning__head" aria-hidden="true">
                <div class="planning__label-col">"Action"</div>
                <div class="planning__track planning__columns">
                    {move || header.get().into_iter().map(|(label, width)| view! {
                        <span class="planning__column" style=format!("width:{width:.4}%")>{label}</span>
                    }).collect_view()}
                </div>
            </div>
            <div class="planning__body">
                <div class="planning__markers" aria-hidden="true">
                    {move || markers.get().into_iter().map(|(title, left, class)| view! {
                        <span class=format!("marker {class}") style=format!("left:{left:.4}%")>
                            <span class="marker__label">{title}</span>
                        </span>
                    }).collect_view()}
                </div>
                <ul class="planning__lines" on:pointerdown=move |ev| drag.down(ev) on:pointermove=move |ev| drag.moved(ev)
                    on:pointerup=move |ev| drag.up(ev)>
                    <For each=move || chart_lines.get() key=Line::key let:line>
                        {match line {
                            Line::Axis { key, label, count, folded } => view! {
                                <li class="plan-group plan-group--axis">
                                    <button type="button" class="plan-group__toggle" aria-expanded=(!folded).to_string()
                                        on:click=move |_| toggle(key.clone())>
                                        {format!("{} {label} ({count} action{})", if folded { "▸" } else { "▾" }, if count > 1 { "s" } else { "" })}
                                    </button>
                                </li>
                            }.into_any(),
                            Line::Sheet { id, label, count, folded } => view! {
                                <li class="plan-group plan-group--sheet">
                                    <button type="button" class="plan-group__toggle" aria-expanded=(!folded).to_string()
                                        on:click=move |_| toggle(id.to_string())>
                                        {format!("{} {label} ({count})", if folded { "▸" } else { "▾" })}
                                    </button>
                                </li>
                            }.into_any(),
                            Line::Action { row, look } => action_line(*row, look, &base, editing, open).into_any(),
                            Line::Editor(row) => view! {
                                <li class="plan-row plan-row--editor">
                                    <DateEditor sheet=row.sheet_id action=row.action_id start=row.start end=row.end editing/>
                                </li>
                            }.into_any(),
                        }}
                    </For>
                </ul>
            </div>
        </div>
    }
}

/// An action's line, drawn once: label, bar (or diamond) and the "Dates" button.
fn action_line(row: PlanRow, look: Look, base: &str, editing: RwSignal<Option<Id>>, open: Callback<String>) -> impl IntoView {
    let (sheet, action) = (row.sheet_id, row.action_id);
    let dates = match (row.start, row.end) {
        (Some(s), Some(e)) => format!("de {s} à {e}"),
        (Some(s), None) => format!("à partir de {s}"),
        (None, Some(e)) => format!("jusqu’à {e}"),
        (None, None) => "sans dates".to_string(),
    };
    let name = format!("{} – {}, {dates}, pilote : {}", row.label, row.sheet_label, row.lead_name);
    let path = format!("/fiche/?id={sheet}&etape=4");
    let link = format!("{base}{path}");
    let colour_class = match look.colour {
        ColourBy::Axis => format!("bar--axis-{}", row.axis_rank % 8),
        ColourBy::Status => status_class(row.status).to_string(),
    };
    let bar = bar_position(row.start, row.end, look.first, look.last).map(|(left, width)| {
        let (class, style) = if row.milestone {
            ("milestone".to_string(), format!("left:{:.4}%", left + width))
        } else {
            (format!("bar {colour_class}"), format!("left:{left:.4}%;width:{width:.4}%"))
        };
        let open = move |_| open.run(path.clone());
        view! {
            <button type="button" class=class style=style aria-label=name.clone() title=name.clone() on:click=open
                data-fiche=sheet.to_string() data-action=action.to_string()
                data-debut=row.start.map(|m| m.to_iso()) data-fin=row.end.map(|m| m.to_iso())>
                {(!row.milestone).then(|| view! {
                    <span class="bar__handle bar__handle--start" aria-hidden="true" on:click=|ev| ev.stop_propagation()></span>
                    <span class="bar__handle bar__handle--end" aria-hidden="true" on:click=|ev| ev.stop_propagation()></span>
                })}
            </button>
        }
    });
    let label = row.label.clone();
    view! {
        <li class="plan-row">
            <div class="planning__label-col plan-row__label">
                <a href=link.clone() class="plan-row__name">{row.label}</a>
                <span class="plan-row__lead">{row.lead_name}</span>
            </div>
            <div class="planning__track plan-row__track">{bar}</div>
            <div class="plan-row__edit no-print">
                <button type="button" class="secondary small" aria-expanded=look.editing.to_string()
                    aria-label=format!("Modifier les dates de « {label} »")
                    on:click=move |_| editing.update(|e| *e = if *e == Some(action) { None } else { Some(action) })>"Dates"</button>
            </div>
        </li>
    }
}

#[component]
fn Legend(colour: Memo<ColourBy>) -> impl IntoView {
    let state = AppState::get();
    let axes = Memo::new(move |_| state.with_contract(|c| {
        let n = crate::model::numbering::Numbering::of(c);
        c.axes.iter().enumerate().map(|(i, a)| (format!("bar--axis-{}", i % 8), format!("Axe {} – {}", n.label(a.id), a.title))).collect::<Vec<_>>()
    }).unwrap_or_default());
    let entries = move || match colour.get() {
        ColourBy::Axis => axes.get(),
        ColourBy::Status => vec![
            ("bar--done".into(), "Réalisé".into()), ("bar--partly".into(), "Partiellement réalisé".into()),
            ("bar--not-done".into(), "Non réalisé".into()), ("bar--none".into(), "Sans bilan".into()),
        ],
    };
    view! {
        <ul class="legend" aria-label="Légende">
            {move || entries().into_iter().map(|(class, label)| view! {
                <li><span class=format!("legend__swatch bar {class}") aria-hidden="true"></span>{label}</li>
            }).collect_view()}
            <li><span class="legend__swatch milestone-swatch" aria-hidden="true">"◆"</span>"Jalon"</li>
            <li><span class="legend__swatch marker-swatch marker--copil" aria-hidden="true"></span>"COPIL"</li>
            <li><span class="legend__swatch marker-swatch marker--today" aria-hidden="true"></span>"Aujourd’hui"</li>
        </ul>
    }
}
