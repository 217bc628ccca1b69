//! The year's budget in « Suivi »: every funding line of the year with its planned amount and
//! the amount spent (« Réalisé ») typed in place, a subtotal per fiche and the contract's total.

use super::pager::{line_words, Pager};
use super::FollowUpView;
use crate::model::follow_up::{
    budget_table, spent_text, table_page, BudgetLineKey, BudgetTableLine, TablePage,
};
use crate::model::Id;
use crate::ui::row_signals::{RowSignals, Sheets};
use crate::ui::state::AppState;
use crate::ui::widgets::fields::AmountInput;
use leptos::prelude::*;

/// The amount spent on a funding line (of a fiche), `None` until someone enters it.
fn spent_of(
    sheets: &Sheets,
    _year: i32,
    (sheet, line): (Id, Id),
    old: &Option<u64>,
) -> Option<Option<u64>> {
    let spent = sheets
        .sheet(sheet)
        .and_then(|s| s.funding.iter().find(|l| l.id == line))
        .and_then(|l| l.actual_euros);
    (spent != *old).then_some(spent)
}

/// The page of the budget shown, and the contract's totals of the year.
#[derive(Clone, Debug, Default, PartialEq)]
struct BudgetPage {
    table: TablePage<BudgetTableLine>,
    planned: String,
    spent: String,
}

#[component]
pub fn YearBudget() -> impl IntoView {
    let state = AppState::get();
    let views = FollowUpView::get();
    let year = views.year;
    let budget = Memo::new(move |_| {
        let year = year.get();
        state.numbering.with(|numbers| {
            state
                .with_contract(|c| {
                    let (lines, budget) = budget_table(c, numbers, year);
                    // A page holds whole fiches: their lines and subtotal.
                    let groups: Vec<Id> = lines.iter().map(BudgetTableLine::sheet).collect();
                    let wanted = views.view.with(|v| v.page);
                    let table =
                        table_page(&groups, wanted, |page| lines[page.rows.clone()].to_vec());
                    let t = budget.contract;
                    BudgetPage {
                        table,
                        planned: t.planned.text(),
                        spent: spent_text(t.spent, t.missing),
                    }
                })
                .unwrap_or_default()
        })
    });
    let table = Memo::new(move |_| budget.with(|b| b.table.clone()));
    let words = move |key: BudgetLineKey| line_words(table, key, BudgetTableLine::key, words_of);
    let spent = RowSignals::new(state, year, spent_of);
    view! {
        <section class="follow-up-budget" aria-labelledby="suivi-budget">
            <h2 id="suivi-budget">{move || format!("Budget {} : prévu et dépensé", year.get())}</h2>
            <Show when=move || !table.with(|t| t.lines.is_empty())
                fallback=move || view! { <p class="empty-state">{move || format!("Aucune ligne de financement pour {} : le budget se saisit à l’étape « Moyens » des fiches.", year.get())}</p> }>
                <div class="table-scroll" role="region" aria-label="Tableau du budget de l’année" tabindex="0">
                <table class="budget-table">
                    <thead><tr>
                        <th scope="col">"Fiche et financeur"</th>
                        <th scope="col">"Prévu"</th>
                        <th scope="col" id="budget-col-depense">{move || format!("Dépensé {}", year.get())}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || table.with(|t| t.lines.clone()) key=BudgetTableLine::key let:line>
                            {let words = words(line.key());
                            match line {
                                BudgetTableLine::Funding { sheet, line, .. } => view! { <FundingRow sheet line words spent/> }.into_any(),
                                BudgetTableLine::Subtotal { .. } => view! {
                                    <tr class="budget-table__subtotal"><th scope="row">{move || words.with(|w| w.label.clone())}</th>
                                        <td class="amount">{move || words.with(|w| w.planned.clone())}</td>
                                        <td class="amount">{move || words.with(|w| w.spent.clone())}</td></tr>
                                }.into_any(),
                            }}
                        </For>
                    </tbody>
                    <tfoot><tr><th scope="row">"Total du contrat"</th>
                        <td class="amount">{move || budget.with(|b| b.planned.clone())}</td>
                        <td class="amount">{move || budget.with(|b| b.spent.clone())}</td></tr></tfoot>
                </table>
                </div>
                <Pager table label="Pages du budget"/>
            </Show>
        </section>
    }
}

/// What a line shows in words: its label, the planned amount, and for a subtotal the spent
/// (a funding line's is typed in its field).
#[derive(Clone, Debug, Default, PartialEq)]
struct Words {
    label: String,
    planned: String,
    spent: String,
}

fn words_of(line: &BudgetTableLine) -> Words {
    match line {
        BudgetTableLine::Funding { label, planned, .. } => {
            Words { label: label.clone(), planned: planned.clone(), spent: String::new() }
        }
        BudgetTableLine::Subtotal { label, planned, spent, .. } => {
            Words { label: label.clone(), planned: planned.clone(), spent: spent.clone() }
        }
    }
}

#[component]
fn FundingRow(
    sheet: Id,
    line: Id,
    /// The label and the planned amount (`words_of`).
    words: Memo<Words>,
    spent: RowSignals<(Id, Id), Option<u64>>,
) -> impl IntoView {
    let state = AppState::get();
    let spent = spent.get((sheet, line));
    let row_id = format!("budget-{line}");
    let set = move |amount: Option<u64>| {
        state.edit_contract(|c, _| {
            let found =
                c.sheet_mut(sheet).and_then(|s| s.funding.iter_mut().find(|l| l.id == line));
            if let Some(funding) = found {
                funding.actual_euros = amount;
            }
        });
    };
    view! {
        <tr>
            <th scope="row" id=row_id.clone()>{move || words.with(|w| w.label.clone())}</th>
            <td class="amount">{move || words.with(|w| w.planned.clone())}</td>
            <td>
                <AmountInput value=spent on_change=set id=Some(format!("{row_id}-depense"))
                    labelled_by=Some(format!("budget-col-depense {row_id}"))/>
            </td>
        </tr>
    }
}
