//! The year's indicators in « Suivi »: the contract's own first, then each fiche's, with the
//! year's target and result (each with a comment) typed in place, and whether the target is
//! reached.

use super::pager::{line_words, Pager};
use super::FollowUpView;
use crate::model::follow_up::{indicator_rows, table_page, IndicatorOwner, TablePage};
use crate::model::{Id, IndicatorValue};
use crate::ui::row_signals::{RowSignals, Sheets};
use crate::ui::state::AppState;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
enum Line {
    /// The contract's indicators, or a fiche's: « Fiche action n°3 – Titre ».
    Group {
        owner: IndicatorOwner,
        label: String,
    },
    Indicator {
        owner: IndicatorOwner,
        id: Id,
        name: String,
    },
}

/// What identifies a line: its group's owner, or the indicator's owner and id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum LineKey {
    Group(IndicatorOwner),
    Indicator(IndicatorOwner, Id),
}

impl Line {
    fn key(&self) -> LineKey {
        match self {
            Line::Group { owner, .. } => LineKey::Group(*owner),
            Line::Indicator { owner, id, .. } => LineKey::Indicator(*owner, *id),
        }
    }

    /// What the line shows in words: the group's label or the indicator's name.
    fn words(&self) -> &str {
        match self {
            Line::Group { label, .. } => label,
            Line::Indicator { name, .. } => name,
        }
    }
}

/// What an indicator's row shows for the year: its value (target, result and their comments)
/// and whether the target is reached.
type YearValue = (IndicatorValue, Option<bool>);

fn year_value(
    sheets: &Sheets,
    year: i32,
    (owner, id): (IndicatorOwner, Id),
    old: &YearValue,
) -> Option<YearValue> {
    let list = owner.indicators_in(sheets.contract, |sheet| sheets.sheet(sheet));
    let indicator = list.and_then(|list| list.iter().find(|i| i.id == id));
    let blank = IndicatorValue::default();
    let value = indicator.and_then(|i| i.value_of(year)).unwrap_or(&blank);
    let reached = indicator.and_then(|i| i.target_reached(year));
    (*value != old.0 || reached != old.1).then(|| (value.clone(), reached))
}

#[component]
pub fn YearIndicators() -> impl IntoView {
    let state = AppState::get();
    let views = FollowUpView::get();
    let year = views.year;
    let table: Memo<TablePage<Line>> = Memo::new(move |_| {
        let year = year.get();
        let wanted = views.view.with(|v| v.page);
        state.numbering.with(|numbers| {
            state
                .with_contract(|c| {
                    let rows = indicator_rows(c, numbers, year);
                    // A page holds whole groups (the contract's, a fiche's).
                    let groups: Vec<&str> = rows.iter().map(|r| r.group.as_str()).collect();
                    table_page(&groups, wanted, |page| {
                        let mut lines = Vec::new();
                        let mut group = None;
                        for row in &rows[page.rows.clone()] {
                            if group != Some(row.group.as_str()) {
                                let label = row.group.clone();
                                lines.push(Line::Group { owner: row.owner, label });
                            }
                            group = Some(row.group.as_str());
                            let name = if row.name.is_empty() {
                                "Indicateur sans nom".to_string()
                            } else {
                                row.name.clone()
                            };
                            lines.push(Line::Indicator {
                                owner: row.owner,
                                id: row.indicator_id,
                                name,
                            });
                        }
                        lines
                    })
                })
                .unwrap_or_default()
        })
    });
    let lines = Memo::new(move |_| table.with(|t| t.lines.clone()));
    let values = RowSignals::new(state, year, year_value);
    let words = move |key: LineKey| line_words(table, key, Line::key, |l| l.words().to_string());
    view! {
        <section class="follow-up-indicators" aria-labelledby="suivi-indicateurs">
            <h2 id="suivi-indicateurs">{move || format!("Indicateurs {}", year.get())}</h2>
            <Show when=move || !lines.with(Vec::is_empty)
                fallback=|| view! { <p class="empty-state">"Aucun indicateur : ajoutez-en dans « Le contrat » ou à l’étape « Évaluation » des fiches."</p> }>
                <div class="table-scroll" role="region" aria-label="Tableau des indicateurs de l’année" tabindex="0">
                <table class="indicator-year-table">
                    <thead><tr>
                        <th scope="col">"Indicateur"</th>
                        <th scope="col" id="ind-col-cible">{move || format!("Cible {}", year.get())}</th>
                        <th scope="col" id="ind-col-cible-commentaire">"Commentaire sur la cible"</th>
                        <th scope="col" id="ind-col-resultat">{move || format!("Résultat {}", year.get())}</th>
                        <th scope="col" id="ind-col-resultat-commentaire">"Commentaire sur le résultat"</th>
                        <th scope="col">"Cible atteinte"</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || lines.get() key=Line::key let:line>
                            {let words = words(line.key());
                            match line {
                                Line::Group { .. } => view! { <tr class="review-table__axis"><th scope="colgroup" colspan="6">{move || words.get()}</th></tr> }.into_any(),
                                Line::Indicator { owner, id, .. } => view! { <IndicatorRow owner id name=words values/> }.into_any(),
                            }}
                        </For>
                    </tbody>
                </table>
                </div>
                <Pager table label="Pages des indicateurs"/>
            </Show>
        </section>
    }
}

#[component]
fn IndicatorRow(
    owner: IndicatorOwner,
    id: Id,
    name: Memo<String>,
    values: RowSignals<(IndicatorOwner, Id), YearValue>,
) -> impl IntoView {
    let state = AppState::get();
    let year = FollowUpView::get().year;
    let row = values.get((owner, id));
    let value = Memo::new(move |_| row.with(|(value, _)| value.clone()));
    let reached = Memo::new(move |_| row.with(|(_, reached)| *reached));
    let row_id = format!("ind-{id}");
    let field = move |column: &'static str,
                      get: fn(&IndicatorValue) -> &String,
                      set: fn(&mut IndicatorValue, String)| {
        let labelled = format!("ind-col-{column} ind-{id}");
        view! {
            <td><input type="text" aria-labelledby=labelled prop:value=move || value.with(|v| get(v).clone())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    let year = year.get_untracked();
                    state.edit_contract(|c, _| {
                        let found = owner.indicators_mut(c).and_then(|list| list.iter_mut().find(|i| i.id == id));
                        if let Some(indicator) = found {
                            indicator.edit_value(year, |v| set(v, text));
                        }
                    });
                }/></td>
        }
    };
    view! {
        <tr>
            <th scope="row" id=row_id>{move || name.get()}</th>
            {field("cible", |v| &v.target, |v, t| v.target = t)}
            {field("cible-commentaire", |v| &v.target_comment, |v, t| v.target_comment = t)}
            {field("resultat", |v| &v.result, |v, t| v.result = t)}
            {field("resultat-commentaire", |v| &v.result_comment, |v, t| v.result_comment = t)}
            <td>{move || match reached.get() {
                Some(true) => "Oui",
                Some(false) => "Non",
                None => "—",
            }}</td>
        </tr>
    }
}
