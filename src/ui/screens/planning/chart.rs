//! The timeline itself: one line per action, grouped by axis then sheet (groups fold), under a
//! two-level time header (years, then quarters or months), a bar per action (a diamond for a
//! milestone), year lines, COPIL meetings and today as vertical markers. A bar opens its action
//! (click or Enter); its ends can be dragged. With « Comparer à la version signée » (baseline.rs)
//! each bar has the signed dates under it.
//!
//! The chart is its own scroll container (at most the window's height): its header row and its
//! action column are sticky, so both stay in view whichever way it scrolls; the track is never
//! narrower than its columns' labels need (`--months` and the scale's class, `style/planning.css`),
//! so the chart scrolls sideways rather than truncate « janv. » or « T1 ».
//!
//! The lines are drawn as one piece of HTML (`crate::document::chart_lines` says why), redrawn whole
//! when what they show changes; the list listens for clicks and drags on their behalf. A redraw
//! keeps the keyboard focus where it was (on the same group or action), and keeps the open date
//! editor as it is, typed text included, when its action has not changed.

use super::baseline::{signed_dates, BaselineToggle};
use super::dates::{DateEditor, DragState};
use super::density::{remembered, DensityToggle};
use super::{ColourBy, Rows, ViewState};
use crate::document::chart_lines::status_class;
use crate::document::chart_lines::{
    chart_lines_beside, percent, sheet_path, ChartLines, EditorAt, Look,
};
use crate::model::follow_up::{status_at, STATUS_COLUMNS};
use crate::model::iso_date::french_date;
use crate::model::planning::{date_position, header, Scale};
use crate::model::review::status_label;
use crate::model::{Body, Id};
use crate::ui::platform::download::today_iso;
use crate::ui::state::AppState;
use crate::ui::widgets::links::href;
use leptos::mount::{mount_to, UnmountHandle};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use leptos_router::hooks::use_navigate;
use std::collections::HashSet;
use wasm_bindgen::JsCast;

#[component]
pub fn Chart(visible: Memo<Rows>) -> impl IntoView {
    let state = AppState::get();
    let ViewState { view, .. } = expect_context::<ViewState>();
    let folded = RwSignal::new(HashSet::<String>::new());
    let window = Memo::new(move |_| {
        let period = state.with_contract(|c| c.period).unwrap_or_default();
        view.with(|v| {
            (
                v.filter.from_year.unwrap_or(period.first_year).max(period.first_year),
                v.filter.to_year.unwrap_or(period.last_year).min(period.last_year),
            )
        })
    });
    let colour = Memo::new(move |_| view.with(|v| v.colour));
    let editing = RwSignal::new(None::<Id>);
    let base = href("");
    // « Comparer à la version signée »: `None` while off, and the lines are then today's.
    let signed = signed_dates(state, view);
    let comparing = Memo::new(move |_| signed.with(Option::is_some));
    let lines = Memo::new(move |_| {
        let (first, last) = window.get();
        let look = Look { first, last, colour: colour.get() };
        signed.with(|signed| {
            folded.with(|f| {
                visible.with(|rows| {
                    chart_lines_beside(rows, f, look, editing.get(), &base, signed.as_ref())
                })
            })
        })
    });
    let list = NodeRef::<leptos::html::Ul>::new();
    // Whether the chart is scrolled down, as its scroll events say: reading the position while
    // drawing would lay the page out once more, before the new lines are even there.
    let scrolled = StoredValue::new(false);
    let on_scroll = move |ev: leptos::ev::Event| {
        if let Some(chart) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            scrolled.set_value(chart.scroll_top() > 0);
        }
    };
    let drawn =
        DrawnLines { editor: StoredValue::new_local(None), owner: Owner::current(), scrolled };
    Effect::new(move |_| {
        if let Some(list) = list.get() {
            lines.with(|lines| drawn.draw(&list, lines, editing));
        }
    });
    let drag = DragState::new(state, window);
    let navigate = use_navigate();
    let open = move |path: String| navigate(&path, Default::default());
    let toggle = move |key: String| {
        folded.update(|f| {
            if !f.remove(&key) {
                f.insert(key);
            }
        })
    };
    // Clicks on the lines' buttons, found by their data attributes (the editor's own buttons
    // have none and handle themselves).
    let clicked = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
            return;
        };
        let closest = |selector: &str| target.closest(selector).ok().flatten();
        if let Some(button) = closest("[data-groupe]") {
            toggle(button.get_attribute("data-groupe").unwrap_or_default());
        } else if let Some(action) = closest("[data-dates]")
            .and_then(|b| b.get_attribute("data-dates"))
            .and_then(|v| Id::parse(&v))
        {
            editing.update(|e| *e = if *e == Some(action) { None } else { Some(action) });
        } else if closest(".bar__handle").is_some() {
            // A grip is for dragging: releasing it must not open the sheet.
        } else if let Some(sheet) =
            closest("button[data-fiche]").and_then(|b| b.get_attribute("data-fiche"))
        {
            open(sheet_path(&sheet));
        }
    };
    let scale = Memo::new(move |_| view.with(|v| v.scale));
    // The header's cells and the year lines, in percent of the track.
    let head = Memo::new(move |_| {
        let (first, last) = window.get();
        let total = f64::from(((last - first + 1) * 12).max(1));
        let cells = |cells: Vec<(String, u32)>| {
            cells.into_iter().map(|(label, span)| (label, percent(f64::from(span) * 100.0 / total)))
        };
        let head = header(first, last, scale.get());
        let years: Vec<_> = cells(head.years).collect();
        let lines =
            (1..years.len()).map(|i| percent(i as f64 * 1200.0 / total)).collect::<Vec<_>>();
        (years, cells(head.periods).collect::<Vec<_>>(), lines)
    });
    let compact = RwSignal::new(remembered());
    let months = Memo::new(move |_| {
        let (first, last) = window.get();
        ((last - first + 1) * 12).max(12)
    });
    let class = move || {
        let scale = match scale.get() {
            Scale::Months => "planning--months",
            Scale::Quarters => "planning--quarters",
            Scale::Years => "planning--years",
        };
        let density = if compact.get() { " planning--compact" } else { "" };
        format!("planning {scale}{density}")
    };
    let markers = Memo::new(move |_| {
        let (first, last) = window.get();
        let mut markers: Vec<(String, f64, &'static str)> = state
            .with_contract(|c| {
                c.governance
                    .meetings
                    .iter()
                    .filter(|m| m.body == Body::SteeringCommittee)
                    .filter_map(|m| {
                        date_position(&m.date, first, last).map(|p| {
                            (format!("COPIL du {}", french_date(&m.date)), p, "marker--copil")
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        if let Some(p) = date_position(&today_iso(), first, last) {
            markers.push(("Aujourd’hui".to_string(), p, "marker--today"));
        }
        markers
    });
    view! {
        <div class="planning-display">
            <Legend colour comparing/>
            <div class="planning-toggles">
                <BaselineToggle/>
                <DensityToggle compact/>
            </div>
        </div>
        <div class=class style=move || format!("--months:{}", months.get()) role="region"
            aria-label="Planning des actions" on:scroll=on_scroll>
            <div class="planning__head" aria-hidden="true">
                <div class="planning__corner">"Action"</div>
                <div class="planning__periods">
                    <div class="planning__years">
                        {move || head.get().0.into_iter().map(|(label, width)| view! {
                            <span class="planning__column planning__year" style=format!("width:{width}")>{label}</span>
                        }).collect_view()}
                    </div>
                    {move || {
                        let periods = head.get().1;
                        (!periods.is_empty()).then(|| view! {
                            <div class="planning__subperiods">
                                {periods.into_iter().map(|(label, width)| view! {
                                    <span class="planning__column" style=format!("width:{width}")>{label}</span>
                                }).collect_view()}
                            </div>
                        })
                    }}
                </div>
            </div>
            <div class="planning__body">
                <div class="planning__grid" aria-hidden="true">
                    {move || head.get().2.into_iter().map(|left| view! {
                        <span class="planning__year-line" style=format!("left:{left}")></span>
                    }).collect_view()}
                </div>
                <div class="planning__markers" aria-hidden="true">
                    {move || markers.get().into_iter().map(|(title, left, class)| view! {
                        <span class=format!("marker {class}") style=format!("left:{}", percent(left))>
                            <span class="marker__label">{title}</span>
                        </span>
                    }).collect_view()}
                </div>
                <ul class="planning__lines" node_ref=list on:click=clicked on:pointerdown=move |ev| drag.down(ev)
                    on:pointermove=move |ev| drag.moved(ev) on:pointerup=move |ev| drag.up(ev)>
                </ul>
            </div>
        </div>
    }
}

/// The date editor mounted in the lines: where, and the handle that unmounts it when dropped.
struct OpenEditor {
    at: EditorAt,
    slot: web_sys::Element,
    _view: UnmountHandle<AnyViewState>,
}

/// What outlives a redraw of the lines: the open editor, and the chart's owner, under which
/// the editor is mounted (so it finds the app's context, and lives until the chart goes).
#[derive(Clone)]
struct DrawnLines {
    editor: StoredValue<Option<OpenEditor>, LocalStorage>,
    owner: Option<Owner>,
    scrolled: StoredValue<bool>,
}

impl DrawnLines {
    fn draw(&self, list: &web_sys::HtmlElement, lines: &ChartLines, editing: RwSignal<Option<Id>>) {
        let focused = document().active_element().filter(|e| list.contains(Some(e.as_ref())));
        let back_to = focused.as_ref().and_then(focus_target);
        let anchor = if self.scrolled.get_value() { top_line(list) } else { None };
        list.set_inner_html(&lines.html);
        let slot =
            lines.editor.and_then(|_| list.query_selector(".plan-row--editor").ok().flatten());
        let previous = self.editor.try_update_value(Option::take).flatten();
        let editor = match (previous, lines.editor, slot) {
            // The same action, same dates: the editor moves to the new line as it is.
            (Some(open), Some(at), Some(slot)) if open.at == at => {
                while let Some(node) = open.slot.first_child() {
                    let _ = slot.append_child(&node);
                }
                Some(OpenEditor { slot, ..open })
            }
            (previous, Some(at), Some(slot)) => {
                drop(previous);
                let parent: web_sys::HtmlElement = slot.clone().unchecked_into();
                let mount = move || {
                    mount_to(parent, move || {
                        view! {
                    <DateEditor sheet=at.sheet action=at.action start=at.start end=at.end editing/>
                }.into_any()
                    })
                };
                // Untracked: what the editor reads while it is built is none of this drawing's business.
                let view = untrack(|| match &self.owner {
                    Some(owner) => owner.with(mount),
                    None => mount(),
                });
                Some(OpenEditor { at, slot, _view: view })
            }
            _ => None,
        };
        self.editor.set_value(editor);
        if let Some((selector, top)) = anchor {
            keep_in_place(list, &selector, top);
        }
        // Back to the element that had the focus, or to its new copy.
        let again = match (focused, back_to) {
            (Some(element), _) if element.is_connected() => Some(element),
            (_, Some(selector)) => list.query_selector(&selector).ok().flatten(),
            _ => None,
        };
        if let Some(element) = again.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
    }
}

/// The chart: the scroll container around the lines.
fn chart_of(list: &web_sys::HtmlElement) -> Option<web_sys::Element> {
    list.closest(".planning").ok().flatten()
}

/// The line at the top of the chart's view and where it is, when the chart is scrolled into
/// the list: a redraw replaces every line, so the browser's scroll anchoring loses its anchor
/// and folding a group above would make what one reads jump away.
fn top_line(list: &web_sys::HtmlElement) -> Option<(String, f64)> {
    let lines = list.children();
    let bottom = |i: u32| lines.item(i).map_or(f64::MAX, |l| l.get_bounding_client_rect().bottom());
    let (mut low, mut high) = (0, lines.length());
    let top = chart_of(list)?.get_bounding_client_rect().top();
    if high == 0 || list.get_bounding_client_rect().top() >= top {
        return None;
    }
    // The first line whose bottom is below the top of the chart's view.
    while low < high {
        let middle = (low + high) / 2;
        if bottom(middle) <= top {
            low = middle + 1
        } else {
            high = middle
        }
    }
    let line = lines.item(low)?;
    Some((line_selector(&line)?, line.get_bounding_client_rect().top()))
}

/// Scrolls the chart so that the line `selector` names is back at `top` in the window.
fn keep_in_place(list: &web_sys::HtmlElement, selector: &str, top: f64) {
    if let (Some(line), Some(chart)) =
        (list.query_selector(selector).ok().flatten(), chart_of(list))
    {
        let moved = line.get_bounding_client_rect().top() - top;
        if moved.abs() >= 1.0 {
            chart.scroll_by_with_x_and_y(0.0, moved);
        }
    }
}

/// A selector for the same line in the next drawing (lines are `<li>` children of the list).
fn line_selector(line: &web_sys::Element) -> Option<String> {
    if let Some(id) = line.get_attribute("data-editeur") {
        return Some(format!(r#"[data-editeur="{id}"]"#));
    }
    let named = line.query_selector("[data-groupe], [data-dates]").ok().flatten()?;
    let (name, value) = match named.get_attribute("data-groupe") {
        Some(key) => ("data-groupe", key),
        None => ("data-dates", named.get_attribute("data-dates")?),
    };
    Some(format!(r#".planning__lines > li:has([{name}="{value}"])"#))
}

/// Where the focus goes after a redraw if `element` is gone: the same group toggle, bar,
/// « Dates » button or link; from inside a closed editor, its action's « Dates » button.
fn focus_target(element: &web_sys::Element) -> Option<String> {
    let attribute = |name: &str| element.get_attribute(name);
    if let Some(editor) = element.closest(".plan-row--editor").ok().flatten() {
        return editor.get_attribute("data-editeur").map(|id| format!(r#"[data-dates="{id}"]"#));
    }
    if let Some(key) = attribute("data-groupe") {
        return Some(format!(r#"[data-groupe="{key}"]"#));
    }
    if let Some(id) = attribute("data-dates") {
        return Some(format!(r#"[data-dates="{id}"]"#));
    }
    if let Some(id) = attribute("data-action") {
        return Some(format!(r#"button[data-action="{id}"]"#));
    }
    // A label link: the link of the same action, found from its line's « Dates » button.
    let line = element.closest(".plan-row").ok().flatten()?;
    let id = line.query_selector("[data-dates]").ok().flatten()?.get_attribute("data-dates")?;
    Some(format!(r#".plan-row:has([data-dates="{id}"]) .plan-row__name"#))
}

#[component]
fn Legend(colour: Memo<ColourBy>, comparing: Memo<bool>) -> impl IntoView {
    let state = AppState::get();
    let axes = Memo::new(move |_| {
        let n = state.numbering.read();
        state
            .with_contract(|c| {
                c.axes
                    .iter()
                    .enumerate()
                    .map(|(i, a)| (format!("bar--axis-{}", i % 8), a.label(&n)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let entries = move || match colour.get() {
        ColourBy::Axis => axes.get(),
        ColourBy::Status => (0..STATUS_COLUMNS)
            .map(status_at)
            .map(|s| (status_class(s).to_string(), status_label(s).to_string()))
            .collect(),
    };
    view! {
        <ul class="legend" aria-label="Légende">
            {move || entries().into_iter().map(|(class, label)| view! {
                <li><span class=format!("legend__swatch bar {class}") aria-hidden="true"></span>{label}</li>
            }).collect_view()}
            <li><span class="legend__swatch milestone-swatch" aria-hidden="true">"◆"</span>"Jalon"</li>
            <li><span class="legend__swatch marker-swatch marker--copil" aria-hidden="true"></span>"COPIL"</li>
            <li><span class="legend__swatch marker-swatch marker--today" aria-hidden="true"></span>"Aujourd’hui"</li>
            <Show when=move || comparing.get()>
                <li><span class="legend__swatch baseline-swatch" aria-hidden="true"></span>"Dates de la version signée"</li>
            </Show>
        </ul>
    }
}
