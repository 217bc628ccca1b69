//! The follow-up table: for the chosen year, one row per fiche (its own bilan) and per action,
//! grouped by axis, each with its status, what was done, why not, and what comes next.
//!
//! Made for typing during a meeting: native selects (a status is chosen by typing its first
//! letters), fields in reading order, « Reprendre l’année précédente » to start from last year,
//! and every change saved as it is typed. Each row reads its own review from a signal of its
//! own (`ui::row_signals`), so a keystroke updates the row being typed in, not the thousand
//! others.

use super::pager::Pager;
use super::FollowUpView;
use crate::model::follow_up::{
    action_label, axis_label, carry_over_rows, row_facts, rows_to_carry_over, table_page, RowFacts,
    RowOwner, TablePage,
};
use crate::model::numbering::Numbering;
use crate::model::review::{
    can_carry_over, carry_over, edit_review, planned_for, review_of, NOT_FILLED_LABEL,
};
use crate::model::{Contract, Id, ReviewStatus, YearReview};
use crate::ui::row_signals::{RowSignals, Sheets};
use crate::ui::state::{focus_after_render, AppState};
use leptos::prelude::*;

/// One line of the table: an axis heading or a row to fill in. Only what identifies and names
/// a row is here: its content is read by the row itself.
#[derive(Clone, Debug, PartialEq)]
enum Line {
    Axis { key: String, label: String },
    Row { owner: RowOwner, label: String },
}

impl Line {
    fn key(&self) -> String {
        match self {
            Line::Axis { key, .. } => key.clone(),
            Line::Row { owner, .. } => owner.id().to_string(),
        }
    }
}

/// What one row shows for the chosen year: its review, whether the year before has one that
/// « Reprendre l’année précédente » can copy, and what the year before planned for this one.
#[derive(Clone, Debug, Default, PartialEq)]
struct RowReview {
    review: Option<YearReview>,
    has_previous: bool,
    planned: Option<String>,
}

fn row_review(sheets: &Sheets, year: i32, owner: RowOwner, old: &RowReview) -> Option<RowReview> {
    let sheet = sheets.sheet(owner.sheet());
    let reviews = sheet.and_then(|s| owner.reviews_in(s)).unwrap_or_default();
    let review = review_of(reviews, year);
    let has_previous = can_carry_over(reviews, year);
    let planned = planned_for(reviews, year);
    (review != old.review.as_ref()
        || has_previous != old.has_previous
        || planned != old.planned.as_deref())
    .then(|| RowReview {
        review: review.cloned(),
        has_previous,
        planned: planned.map(String::from),
    })
}

/// The page of the rows the filters keep, with an axis heading before each axis that has some
/// (« (suite) » when the axis began on the page before). Rows are filtered and paged on their
/// facts, which cost no allocation; words are made for the page's rows only.
fn shown_page(state: AppState, views: FollowUpView) -> Memo<TablePage<Line>> {
    Memo::new(move |_| {
        let year = views.year.get();
        let (filter, wanted) = views.view.with(|v| (v.filter, v.page));
        state.numbering.with(|numbers| {
            state
                .with_contract(|c| {
                    let rows: Vec<RowFacts> =
                        row_facts(c, year).into_iter().filter(|r| filter.accepts(r)).collect();
                    let groups: Vec<Id> = rows.iter().map(|r| r.owner.sheet()).collect();
                    table_page(&groups, wanted, |page| {
                        let mut lines = Vec::new();
                        let mut axis = page.rows.start.checked_sub(1).map(|i| rows[i].axis_id);
                        for (i, row) in rows[page.rows.clone()].iter().enumerate() {
                            if axis != Some(row.axis_id) {
                                let continued = i == 0 && page.rows.start > 0;
                                lines.push(axis_line(c, numbers, row.axis_id, continued));
                                axis = Some(row.axis_id);
                            }
                            lines.push(Line::Row {
                                owner: row.owner,
                                label: row_label(c, numbers, row.owner),
                            });
                        }
                        lines
                    })
                })
                .unwrap_or_default()
        })
    })
}

fn axis_line(c: &Contract, numbers: &Numbering, axis_id: Option<Id>, continued: bool) -> Line {
    let key = axis_id.map_or_else(|| "sans-axe".into(), |a| format!("axe-{a}"));
    let mut label = axis_label(c, numbers, axis_id);
    if continued {
        label.push_str(" (suite)");
    }
    Line::Axis { key, label }
}

/// A fiche's row says which fiche; an action's row, the first line of what it does.
fn row_label(c: &Contract, numbers: &Numbering, owner: RowOwner) -> String {
    let sheet = c.sheet(owner.sheet());
    match owner {
        RowOwner::Sheet(_) => sheet.map(|s| s.label(numbers)),
        RowOwner::Action { action, .. } => {
            sheet.and_then(|s| s.actions.iter().find(|a| a.id == action)).map(action_label)
        }
    }
    .unwrap_or_default()
}

#[component]
pub fn ReviewTable() -> impl IntoView {
    let state = AppState::get();
    let views = FollowUpView::get();
    let year = views.year;
    let table = shown_page(state, views);
    let reviews = RowSignals::new(state, year, row_review);
    let empty = move || table.with(|t| t.lines.is_empty());
    let filtered = move || views.view.with(|v| v.filter.is_active());
    // « Reprendre l’année précédente » for every row the filters keep (all pages), at once.
    let to_carry = Memo::new(move |_| {
        let (year, filter) = (year.get(), views.view.with(|v| v.filter));
        state.with_contract(|c| rows_to_carry_over(c, year, &filter)).unwrap_or_default()
    });
    let carry_all = move |_| {
        let (year, owners) = (year.get_untracked(), to_carry.get_untracked());
        state.edit_contract(|c, _| {
            carry_over_rows(c, year, &owners);
        });
    };
    let carry_all_label = move || {
        let rows = match (to_carry.with(Vec::len), filtered()) {
            (1, false) => "la ligne sans statut".to_string(),
            (1, true) => "la ligne filtrée sans statut".to_string(),
            (n, false) => format!("les {n} lignes sans statut"),
            (n, true) => format!("les {n} lignes filtrées sans statut"),
        };
        format!("Reprendre l’année précédente pour {rows}")
    };
    view! {
        <section class="follow-up-table" aria-labelledby="suivi-actions">
            <h2 id="suivi-actions">{move || format!("Bilan des actions {}", year.get())}</h2>
            <p class="muted no-print">"Chaque modification est enregistrée aussitôt. Le statut se choisit aussi en tapant ses premières lettres."</p>
            <Show when=move || to_carry.with(|o| !o.is_empty())>
                <div class="carry-all no-print">
                    <button type="button" class="secondary" on:click=carry_all>{carry_all_label}</button>
                    <p class="muted">{move || format!(
                        "Chaque ligne reprend son statut de {}, marqué « À confirmer » ; pas sa suite prévue, qui s’affiche sous « Ce qui a été fait ». Toutes les pages sont reprises.",
                        year.get().saturating_sub(1)
                    )}</p>
                </div>
            </Show>
            <Show when=empty>
                <p class="empty-state">{move || if filtered() {
                    "Aucune action ne correspond à ces filtres."
                } else {
                    "Ce contrat n’a encore aucune fiche action à suivre."
                }}</p>
            </Show>
            <Show when=move || !empty()>
                <div class="table-scroll" role="region" aria-label="Tableau du bilan des actions" tabindex="0">
                    <table class="review-table">
                        <thead><tr>
                            <th scope="col" id="suivi-col-action">"Fiche ou action"</th>
                            <th scope="col" id="suivi-col-statut">{move || format!("Statut {}", year.get())}</th>
                            <th scope="col" id="suivi-col-fait">"Ce qui a été fait"</th>
                            <th scope="col" id="suivi-col-pourquoi">"Pourquoi ?"</th>
                            <th scope="col" id="suivi-col-suite">"Suite prévue"</th>
                        </tr></thead>
                        <tbody>
                            <For each=move || table.with(|t| t.lines.clone()) key=Line::key let:line>
                                {match line {
                                    Line::Axis { label, .. } => view! {
                                        <tr class="review-table__axis"><th scope="colgroup" colspan="5">{label}</th></tr>
                                    }.into_any(),
                                    Line::Row { owner, label } => view! { <ReviewRow owner label reviews/> }.into_any(),
                                }}
                            </For>
                        </tbody>
                    </table>
                </div>
                <Pager table label="Pages du bilan des actions"/>
            </Show>
        </section>
    }
}

/// Applies `change` to the review of `year` of this row; any edit confirms a carried-over row.
/// The fiche or action itself is not stamped: its follow-up is merged apart from its text.
fn edit(state: AppState, owner: RowOwner, year: i32, change: impl FnOnce(&mut YearReview)) {
    state.edit_contract(|c, _| {
        if let Some(reviews) = owner.reviews_mut(c) {
            edit_review(reviews, year, |review| {
                change(review);
                review.to_confirm = false;
            });
        }
    });
}

#[component]
fn ReviewRow(
    owner: RowOwner,
    label: String,
    reviews: RowSignals<RowOwner, RowReview>,
) -> impl IntoView {
    let state = AppState::get();
    let year = FollowUpView::get().year;
    let row = reviews.get(owner);
    let review = Memo::new(move |_| row.with(|r| r.review.clone()));
    let has_previous = Memo::new(move |_| row.with(|r| r.has_previous));
    let planned = Memo::new(move |_| row.with(|r| r.planned.clone()));
    let status = Memo::new(move |_| review.with(|r| r.as_ref().and_then(|r| r.status)));
    // The option shown when the row is built is marked once; `prop:value` keeps the select in
    // step afterwards: one effect per row instead of one per option (9,900 with 1,100 rows).
    let first_status = status.get_untracked();
    let to_confirm = Memo::new(move |_| review.with(|r| r.as_ref().is_some_and(|r| r.to_confirm)));
    let text = move |field: fn(&YearReview) -> &String| {
        Memo::new(move |_| {
            review.with(|r| r.as_ref().map(|r| field(r).clone()).unwrap_or_default())
        })
    };
    let (comment, reason, next_steps) =
        (text(|r| &r.comment), text(|r| &r.reason), text(|r| &r.next_steps));
    let row_id = format!("suivi-{}", owner.id());
    let select_id = format!("{row_id}-statut");
    let carry_id = format!("{row_id}-reprendre");
    let named = |column: &str| format!("suivi-col-{column} {row_id}");
    let (status_name, done_name, why_name, next_name) =
        (named("statut"), named("fait"), named("pourquoi"), named("suite"));
    let carry_name = format!("{carry_id} {row_id}");
    let confirm_id = format!("{row_id}-confirmer");
    let confirm_name = format!("{confirm_id} {row_id}");
    let is_sheet = matches!(owner, RowOwner::Sheet(_));
    let set_status = move |key: String| {
        edit(state, owner, year.get_untracked(), |r| r.status = ReviewStatus::from_key(&key))
    };
    let carry = {
        let select_id = select_id.clone();
        move |_| {
            let year = year.get_untracked();
            state.edit_contract(|c, _| {
                if let Some(reviews) = owner.reviews_mut(c) {
                    carry_over(reviews, year);
                }
            });
            focus_after_render(select_id.clone());
        }
    };
    let confirm = move |_| edit(state, owner, year.get_untracked(), |_| {});
    view! {
        <tr class="review-row" class:review-row--sheet=is_sheet class:review-row--to-confirm=move || to_confirm.get()>
            <th scope="row" id=row_id>
                {label}
                {is_sheet.then(|| view! { <span class="review-row__kind">" (bilan de la fiche)"</span> })}
            </th>
            <td>
                <select id=select_id aria-labelledby=status_name
                    class=move || format!("status-select status-select--{}", status.get().map_or("none", ReviewStatus::key))
                    prop:value=move || status.get().map_or("", ReviewStatus::key)
                    on:change=move |ev| set_status(event_target_value(&ev))>
                    <option value="" selected=first_status.is_none()>{NOT_FILLED_LABEL}</option>
                    {ReviewStatus::ALL.iter().map(|s| view! {
                        <option value=s.key() selected=first_status == Some(*s)>{s.label()}</option>
                    }).collect_view()}
                </select>
                <Show when=move || to_confirm.get()>
                    <span class="badge badge--to-confirm">"À confirmer"</span>
                </Show>
                // Under the status they fill or confirm, rather than in a column of their own:
                // the table then fits 1280 px with room for the comments.
                <div class="no-print review-row__tools">
                    <Show when=move || has_previous.get() && status.get().is_none()>
                        <button type="button" class="secondary small" id=carry_id.clone()
                            aria-labelledby=carry_name.clone() on:click=carry.clone()>"Reprendre l’année précédente"</button>
                    </Show>
                    <Show when=move || to_confirm.get()>
                        <button type="button" class="small" id=confirm_id.clone()
                            aria-labelledby=confirm_name.clone() on:click=confirm>"Confirmer"</button>
                    </Show>
                </div>
            </td>
            <td>
                {move || planned.get().map(|text| view! {
                    <p class="review-row__planned">{format!("Prévu en {} : ", year.get().saturating_sub(1))}{text}</p>
                })}
                <textarea rows="2" aria-labelledby=done_name prop:value=move || comment.get()
                on:input=move |ev| { let t = event_target_value(&ev); edit(state, owner, year.get_untracked(), |r| r.comment = t) }></textarea></td>
            <td>
                <Show when=move || status.get() != Some(ReviewStatus::Done) fallback=|| view! { <span class="muted">"—"</span> }>
                    <textarea rows="2" aria-labelledby=why_name.clone() prop:value=move || reason.get()
                        on:input=move |ev| { let t = event_target_value(&ev); edit(state, owner, year.get_untracked(), |r| r.reason = t) }></textarea>
                </Show>
            </td>
            <td><textarea rows="2" aria-labelledby=next_name prop:value=move || next_steps.get()
                on:input=move |ev| { let t = event_target_value(&ev); edit(state, owner, year.get_untracked(), |r| r.next_steps = t) }></textarea></td>
        </tr>
    }
}
