//! The yearly table of an indicator: one row per year of the contract period with the year's
//! cible and résultat, each with a comment (`Indicator::edit_value` creates the year's entry
//! on the first keystroke and drops it once cleared). A figure a numeric indicator cannot
//! read is marked invalid and shows, on the next row, what validation says of it.
//!
//! Below, read-only, the entries the table cannot show (no year, a year outside the period,
//! a second entry for a year: only imported files have them), listed one per line with their
//! issue and a « Supprimer » button, since they cannot be corrected here.

use crate::model::validation::{issues_for, Issue, Severity, Subject};
use crate::model::{Indicator, IndicatorValue, Period};
use crate::ui::row_lens::{Listed, RowLens};
use crate::ui::state::AppState;
use crate::ui::widgets::fields::unique_id;
use crate::ui::widgets::issues::ContractIssues;
use crate::ui::widgets::table_scroll::TableScroll;
use leptos::prelude::*;

/// Which text of a year's entry a cell edits.
#[derive(Clone, Copy)]
enum Part {
    Target,
    TargetComment,
    Result,
    ResultComment,
}

impl Part {
    const ALL: [Part; 4] = [Part::Target, Part::TargetComment, Part::Result, Part::ResultComment];

    fn text(self, value: &IndicatorValue) -> &str {
        match self {
            Part::Target => &value.target,
            Part::TargetComment => &value.target_comment,
            Part::Result => &value.result,
            Part::ResultComment => &value.result_comment,
        }
    }

    fn set(self, value: &mut IndicatorValue, text: String) {
        match self {
            Part::Target => value.target = text,
            Part::TargetComment => value.target_comment = text,
            Part::Result => value.result = text,
            Part::ResultComment => value.result_comment = text,
        }
    }

    /// The cell's accessible name, unique on the page: « Cible 2025 de l’indicateur 1 ».
    fn label(self, year: i32, position: usize) -> String {
        let what = match self {
            Part::Target => "Cible",
            Part::TargetComment => "Commentaire sur la cible",
            Part::Result => "Résultat",
            Part::ResultComment => "Commentaire sur le résultat",
        };
        format!("{what} {year} de l’indicateur {position}")
    }

    /// Whether the indicator's scale applies (a comment is always free text).
    fn is_figure(self) -> bool {
        matches!(self, Part::Target | Part::Result)
    }
}

/// The issues of the entry at `index` of the row's values (none while there is no entry).
fn entry_issues(row: RowLens<Indicator>, index: Signal<Option<usize>>) -> Memo<Vec<Issue>> {
    let ContractIssues(all) = expect_context::<ContractIssues>();
    Memo::new(move |_| {
        let Some(index) = index.get() else { return Vec::new() };
        let subject = Subject::IndicatorValue { sheet: row.owner(), id: row.id(), index };
        all.with(|all| issues_for(all, subject).cloned().collect())
    })
}

fn issue_list(issues: Vec<Issue>, id: Option<String>) -> impl IntoView {
    view! {
        <ul class="issues" id=id>
            {issues.into_iter().map(|issue| {
                let class = if issue.severity == Severity::Error { "issue issue--error" } else { "issue issue--warning" };
                let severity = if issue.is_error() { "Erreur : " } else { "À vérifier : " };
                view! { <li class=class><strong>{severity}</strong>{issue.message}</li> }
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn YearlyValues(row: RowLens<Indicator>, position: Memo<usize>) -> impl IntoView {
    let state = AppState::get();
    let period = Memo::new(move |_| state.with_contract(|c| c.period).unwrap_or_default());
    let years = Memo::new(move |_| period.get().years().collect::<Vec<_>>());
    view! {
        <TableScroll label=Signal::derive(move || format!("Tableau des valeurs par année de l’indicateur {}", position.get()))>
            <table class="yearly-values">
                <caption>{move || format!("Cible et résultat par année de l’indicateur {}", position.get())}</caption>
                <thead><tr>
                    <th scope="col">"Année"</th><th scope="col">"Cible"</th><th scope="col">"Commentaire"</th>
                    <th scope="col">"Résultat"</th><th scope="col">"Commentaire"</th>
                </tr></thead>
                <tbody>
                    {move || years.get().into_iter().map(|year| view! { <YearRow row position year/> }).collect_view()}
                </tbody>
            </table>
        </TableScroll>
        <StrayValues row position period/>
    }
}

#[component]
fn YearRow(row: RowLens<Indicator>, position: Memo<usize>, year: i32) -> impl IntoView {
    let index = row.read_by(move |i| i.values.iter().position(|v| v.year == Some(year)));
    let issues = entry_issues(row, index.into());
    let issues_id = unique_id("valeur-annee");
    let list_id = issues_id.clone();
    view! {
        <tr>
            <th scope="row">{year}</th>
            {Part::ALL.into_iter().map(|part| view! { <td><YearCell row position year part issues_id=issues_id.clone()/></td> }).collect_view()}
        </tr>
        {move || {
            let list = issues.get();
            (!list.is_empty()).then(|| view! {
                <tr class="yearly-values__issues"><td colspan="5">{issue_list(list, Some(list_id.clone()))}</td></tr>
            })
        }}
    }
}

#[component]
fn YearCell(
    row: RowLens<Indicator>,
    position: Memo<usize>,
    year: i32,
    part: Part,
    issues_id: String,
) -> impl IntoView {
    // The text, and whether the indicator's scale rejects it: one memo for both.
    let cell = row.read_by(move |i| {
        i.value_of(year).map_or((String::new(), false), |v| {
            let text = part.text(v);
            (text.to_string(), part.is_figure() && i.scale.rejects(text))
        })
    });
    let invalid = move || cell.with(|(_, invalid)| *invalid);
    let id = unique_id("valeur");
    let input = move |ev| {
        let text = event_target_value(&ev);
        row.edit(|indicator| {
            indicator.edit_value(year, |value| part.set(value, text));
        });
    };
    view! {
        <label for=id.clone() class="visually-hidden">{move || part.label(year, position.get())}</label>
        <input type="text" id=id aria-invalid=move || invalid().then_some("true")
            aria-describedby=move || invalid().then(|| issues_id.clone())
            prop:value=move || cell.with(|(text, _)| text.clone()) on:input=input/>
    }
}

/// The entries the table cannot show, read-only, with their issues: a plain list, as they
/// are rare and only need to be read and removed.
#[component]
fn StrayValues(
    row: RowLens<Indicator>,
    position: Memo<usize>,
    period: Memo<Period>,
) -> impl IntoView {
    let strays = row.read_by(move |i| {
        i.stray_values(period.get())
            .into_iter()
            .map(|index| (index, i.values[index].clone()))
            .collect::<Vec<_>>()
    });
    move || {
        let list = strays.get();
        (!list.is_empty()).then(|| view! {
            <ul class="stray-values" aria-label=move || format!("Valeurs de l’indicateur {} hors du tableau", position.get())>
                {list.into_iter().map(|(index, value)| view! { <StrayValue row position index value/> }).collect_view()}
            </ul>
        })
    }
}

/// « Sans année : cible —, résultat 3 (ancien tableau) ».
fn describe(value: &IndicatorValue) -> String {
    let part = |text: &str, comment: &str| match (text.trim(), comment.trim()) {
        ("", "") => "—".to_string(),
        (text, "") => text.to_string(),
        ("", comment) => format!("— ({comment})"),
        (text, comment) => format!("{text} ({comment})"),
    };
    format!(
        "{} : cible {}, résultat {}",
        value.year.map_or_else(|| "Sans année".to_string(), |y| y.to_string()),
        part(&value.target, &value.target_comment),
        part(&value.result, &value.result_comment)
    )
}

#[component]
fn StrayValue(
    row: RowLens<Indicator>,
    position: Memo<usize>,
    index: usize,
    value: IndicatorValue,
) -> impl IntoView {
    let state = AppState::get();
    let issues = entry_issues(row, Signal::derive(move || Some(index)));
    let text = describe(&value);
    let what =
        value.year.map_or_else(|| "la valeur sans année".to_string(), |y| format!("la valeur {y}"));
    let removed =
        value.year.map_or_else(|| "La valeur sans année".to_string(), |y| format!("La valeur {y}"));
    let remove = move |_| {
        let (owner, id, kept) = (row.owner(), row.id(), value.clone());
        state.remove_with_undo(
            format!("{removed} de l’indicateur {}", position.get_untracked()),
            move |c| {
                let values =
                    &mut Indicator::list_mut(c, owner)?.iter_mut().find(|i| i.id == id)?.values;
                (values.get(index) == Some(&kept)).then(|| (index, values.remove(index)))
            },
            move |c, index, value| {
                let indicator =
                    Indicator::list_mut(c, owner).and_then(|l| l.iter_mut().find(|i| i.id == id));
                if let Some(indicator) = indicator {
                    let at = index.min(indicator.values.len());
                    indicator.values.insert(at, value);
                }
            },
        );
    };
    view! {
        <li class="stray-value">
            <span>{text}</span>" "
            <button type="button" class="danger" on:click=remove
                aria-label=move || format!("Supprimer {what} de l’indicateur {}", position.get())>"Supprimer"</button>
            {move || issue_list(issues.get(), None)}
        </li>
    }
}
