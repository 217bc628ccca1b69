//! Step 6 – Moyens: human and material means, and funding lines per year × funder × kind, with
//! totals per year and per funder.

use super::access::{edit_sheet, read_sheet, sheet_edit, sheet_field};
use crate::model::amount::{euros, AmountSum};
use crate::model::funding::NO_FUNDER;
use crate::model::funding::{
    planned_per_funder, planned_per_year, spent_per_funder, spent_per_year,
};
use crate::model::validation::Subject;
use crate::model::{FundingKind, FundingLine, Id};
use crate::ui::platform::clock::now;
use crate::ui::row_lens::{row_ids, RowLens};
use crate::ui::state::AppState;
use crate::ui::widgets::fields::{AmountField, CheckField, NumberField, SelectField, TextField};
use crate::ui::widgets::issues::IssuesFor;
use crate::ui::widgets::options::{key_options, organisation_options};
use crate::ui::widgets::row_buttons::RemoveButton;
use leptos::prelude::*;

#[component]
pub fn Means(id: Id) -> impl IntoView {
    let state = AppState::get();
    let ids = row_ids::<FundingLine>(state, Some(id));
    let add = move |_| {
        let year = read_sheet(state, id, |c, _| c.period.first_year);
        edit_sheet(state, id, |s| {
            s.funding.push(FundingLine {
                id: Id::random(),
                modified_at: now(),
                year,
                funder_id: None,
                kind: FundingKind::NotStated,
                planned_euros: None,
                actual_euros: None,
                in_kind_days: None,
            })
        })
    };
    view! {
        <TextField label="Moyens humains" multiline=true help="Qui y consacre du temps : « 0,2 ETP de la coordinatrice, 2 infirmières de la CPTS »"
            value=sheet_field(state, id, |s| s.human_means.clone()) on_input=sheet_edit(state, id, |s, v| s.human_means = v)/>
        <TextField label="Moyens matériels" multiline=true help="Salles, véhicule, supports de communication…"
            value=sheet_field(state, id, |s| s.material_means.clone()) on_input=sheet_edit(state, id, |s, v| s.material_means = v)/>
        <h3>"Financement"</h3>
        <ol class="rows">
            <For each=move || ids.get() key=|id| *id let:line>
                <FundingRow sheet=id id=line/>
            </For>
        </ol>
        <button type="button" class="secondary" on:click=add>"Ajouter une ligne de financement"</button>
        <CheckField label="Aucun financement nécessaire" checked=sheet_field(state, id, |s| s.no_funding_needed)
            on_change=sheet_edit(state, id, |s, v| s.no_funding_needed = v)/>
        <Totals id/>
    }
}

#[component]
fn FundingRow(sheet: Id, id: Id) -> impl IntoView {
    let state = AppState::get();
    let row = RowLens::<FundingLine>::new(state, sheet, id);
    let read = move |get: fn(&FundingLine) -> String| row.read(get);
    let number = move |get: fn(&FundingLine) -> Option<i64>| row.read(get);
    let position = row.position();
    let years = Signal::derive(move || {
        read_sheet(state, sheet, |c, _| {
            c.period.years().map(|y| (y.to_string(), y.to_string())).collect::<Vec<_>>()
        })
    });
    let amount = move |get: fn(&FundingLine) -> Option<u64>| row.read(get);
    let set_planned = row.write(|l, v: Option<u64>| l.planned_euros = v);
    let set_actual = row.write(|l, v: Option<u64>| l.actual_euros = v);
    let set_days =
        row.write(|l, v: Option<i64>| l.in_kind_days = v.map(|v| v.clamp(0, 100_000) as u32));
    view! {
        <li class="row">
            <fieldset class="funding-line">
                <legend>{move || format!("Ligne de financement {}", position.get())}</legend>
                <SelectField label="Année" options=years value=read(|l| l.year.to_string())
                    on_change=move |v: String| if let Ok(y) = v.parse() { row.edit(|l| l.year = y) }/>
                <SelectField label="Financeur" options=organisation_options(state, "— choisir le financeur —")
                    value=read(|l| l.funder_id.map(|f| f.to_string()).unwrap_or_default())
                    on_change=row.write(|l, v: String| l.funder_id = Id::parse(&v))/>
                <SelectField label="Nature" options=key_options(FundingKind::ALL, FundingKind::key, FundingKind::label)
                    value=read(|l| l.kind.key().to_string())
                    on_change=move |v: String| if let Some(k) = FundingKind::from_key(&v) { row.edit(|l| l.kind = k) }/>
                <AmountField label="Montant prévu (€)" help="En euros entiers, par exemple 12 500 ; laissez vide si le financeur est connu mais pas encore le montant (« montant à préciser »)"
                    value=amount(|l| l.planned_euros) on_change=set_planned/>
                <AmountField label="Montant réalisé (€)" help="À remplir au bilan" value=amount(|l| l.actual_euros) on_change=set_actual/>
                <NumberField label="Temps valorisé (jours)" help="Temps de travail mis à disposition, non facturé" value=number(|l| l.in_kind_days.map(i64::from)) on_input=set_days/>
                <IssuesFor subject=Subject::Funding { sheet, id }/>
                <RemoveButton name=Signal::derive(move || format!("la ligne de financement {}", position.get()))
                    on_remove=move || row.remove_with_undo(format!("La ligne de financement {}", position.get_untracked()))/>
            </fieldset>
        </li>
    }
}

/// Planned and spent per year and per funder, with the contract's totals: what the fiche's
/// budget says against what the follow-up recorded (« Montant réalisé »). A planned amount
/// still to be specified is counted, never added as 0 € (« 12 500 € dont 1 montant à
/// préciser »).
#[component]
fn Totals(id: Id) -> impl IntoView {
    let state = AppState::get();
    let per_year = Memo::new(move |_| {
        read_sheet(state, id, |_, s| {
            let spent = spent_per_year(&s.funding);
            planned_per_year(&s.funding)
                .into_iter()
                .map(|(year, planned)| (year, planned, spent.get(&year).copied().unwrap_or(0)))
                .collect::<Vec<_>>()
        })
    });
    let per_funder = Memo::new(move |_| {
        read_sheet(state, id, |c, s| {
            let spent = spent_per_funder(&s.funding);
            planned_per_funder(&s.funding)
                .into_iter()
                .map(|(funder, planned)| {
                    let name = funder.map_or(NO_FUNDER, |f| c.organisation_name(f));
                    (name.to_string(), planned, spent.get(&funder).copied().unwrap_or(0))
                })
                .collect::<Vec<_>>()
        })
    });
    let total = move || {
        per_year.with(|t| {
            t.iter().fold((AmountSum::default(), 0u64), |(mut p, s), (_, planned, spent)| {
                p.merge(*planned);
                (p, s.saturating_add(*spent))
            })
        })
    };
    view! {
        <Show when=move || !per_year.with(Vec::is_empty)>
            <div class="totals">
                <table>
                    <caption>"Total prévu par année"</caption>
                    <thead><tr><th scope="col">"Année"</th><th scope="col">"Montant prévu"</th><th scope="col">"Montant dépensé"</th></tr></thead>
                    <tbody>{move || per_year.get().into_iter().map(|(year, planned, spent)| view! {
                        <tr><th scope="row">{year}</th><td>{planned.text()}</td><td>{euros(spent)}</td></tr>
                    }).collect_view()}</tbody>
                    <tfoot><tr><th scope="row">"Total"</th><td>{move || total().0.text()}</td><td>{move || euros(total().1)}</td></tr></tfoot>
                </table>
                <table>
                    <caption>"Total prévu par financeur"</caption>
                    <thead><tr><th scope="col">"Financeur"</th><th scope="col">"Montant prévu"</th><th scope="col">"Montant dépensé"</th></tr></thead>
                    <tbody>{move || per_funder.get().into_iter().map(|(name, planned, spent)| view! {
                        <tr><th scope="row">{name}</th><td>{planned.text()}</td><td>{euros(spent)}</td></tr>
                    }).collect_view()}</tbody>
                </table>
            </div>
        </Show>
    }
}
