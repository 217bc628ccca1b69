//! The list of action sheets by axis: search and filters, new sheet, reorder, duplicate,
//! delete with undo; and the printable version of the whole contract (`?vue=impression`).

use crate::model::axis::NO_AXIS;
use crate::model::completeness::{completion, CompletenessFilter};
use crate::model::copy::with_fresh_ids;
use crate::model::list_edit::{restore_at, take_where};
use crate::model::numbering::Numbering;
use crate::model::sheet_filter::{SheetFilter, StatusFilter};
use crate::model::{ActionSheet, Contract, Id};
use crate::ui::state::AppState;
use crate::ui::widgets::fields::{SelectField, TextField};
use crate::ui::widgets::links::href;
use crate::ui::widgets::no_contract::RequireContract;
use crate::ui::widgets::options::{axis_options, key_options, organisation_options};
use crate::ui::widgets::print::PrintHeader;
use crate::ui::widgets::row_buttons::MoveButtons;
use crate::ui::widgets::sheet_summary::SheetSummary;
use crate::ui::widgets::signature_markers::{ChangedSheets, SheetMarker};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn SheetsScreen() -> impl IntoView {
    let query = use_query_map();
    let printing =
        Memo::new(move |_| query.with(|q| q.get("vue")).as_deref() == Some("impression"));
    view! {
        <h1 class="no-print">{move || if printing.get() { "Version imprimable du contrat" } else { "Fiches action" }}</h1>
        <RequireContract>
            {move || if printing.get() { view! { <ContractPrint/> }.into_any() } else { view! { <SheetList/> }.into_any() }}
        </RequireContract>
    }
}

/// One group of the list: an axis (or none) and the ids of its sheets that pass the filter.
#[derive(Clone, PartialEq)]
struct Group {
    axis: Option<Id>,
    title: String,
    sheets: Vec<Id>,
}

#[component]
fn SheetList() -> impl IntoView {
    let state = AppState::get();
    let navigate = use_navigate();
    let filter = RwSignal::new(SheetFilter::default());
    ChangedSheets::provide();
    let groups = Memo::new(move |_| {
        let numbering = state.numbering.read();
        filter.with(|f| state.with_contract(|c| groups_of(c, f, &numbering)).unwrap_or_default())
    });
    let group_keys =
        Memo::new(move |_| groups.with(|g| g.iter().map(|g| g.axis).collect::<Vec<_>>()));
    let shown = move || groups.with(|g| g.iter().map(|g| g.sheets.len()).sum::<usize>());
    let total = move || state.with_contract(|c| c.sheets.len()).unwrap_or(0);
    let create = move |_| {
        let id = Id::random();
        let axis = filter.with_untracked(|f| f.axis);
        state.edit_contract(|c, now| {
            let mut sheet = ActionSheet::new(id, "", now);
            sheet.axis_id = axis;
            c.sheets.push(sheet);
        });
        navigate(&format!("/fiche/?id={id}&etape=1"), Default::default());
    };
    view! {
        <div class="actions">
            <button type="button" on:click=create>"Nouvelle fiche action"</button>
            // A plain link: the router's <A> would mark it aria-current="page" here, on /fiches/.
            <a href=href("/fiches/?vue=impression") class="button secondary">"Version imprimable du contrat"</a>
            // It opens a screen (to read, print, or download as ODT), not a download.
            <A href=href("/document/") attr:class="button secondary">"Voir le contrat à signer (imprimer, ODT)"</A>
        </div>
        <Filters filter/>
        <p role="status">{move || format!("{} fiche{} affichée{} sur {}", shown(), plural(shown()), plural(shown()), total())}</p>
        <For each=move || group_keys.get() key=|axis| *axis let:axis>
            <SheetGroup axis groups/>
        </For>
    }
}

/// The groups the list shows: one per axis (see `Contract::sheets_by_axis`, which files a
/// sheet whose axis was deleted under « Sans axe »), keeping only the sheets that pass the
/// filter, and only the groups left with some.
fn groups_of(c: &Contract, filter: &SheetFilter, numbering: &Numbering) -> Vec<Group> {
    c.sheets_by_axis()
        .into_iter()
        .map(|(axis, sheets)| Group {
            axis: axis.map(|a| a.id),
            title: axis.map_or_else(|| NO_AXIS.to_string(), |a| a.label(numbering)),
            sheets: sheets.into_iter().filter(|s| filter.accepts(c, s)).map(|s| s.id).collect(),
        })
        .filter(|g| !g.sheets.is_empty())
        .collect()
}

/// One group of the list, keyed by its axis: its rows are keyed by sheet id, so a keystroke,
/// a move or a new sheet touches only the rows that changed rather than rebuilding the list.
#[component]
fn SheetGroup(axis: Option<Id>, groups: Memo<Vec<Group>>) -> impl IntoView {
    let title = Memo::new(move |_| {
        groups.with(|g| g.iter().find(|g| g.axis == axis).map(|g| g.title.clone()))
    });
    let sheets = Memo::new(move |_| {
        groups.with(|g| g.iter().find(|g| g.axis == axis).map(|g| g.sheets.clone()))
    });
    view! {
        <section class="sheet-group">
            <h2>{move || title.get()}</h2>
            <ul class="sheet-list">
                <For each=move || sheets.get().unwrap_or_default() key=|id| *id let:id>
                    <SheetItem id/>
                </For>
            </ul>
        </section>
    }
}

fn plural(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

#[component]
fn Filters(filter: RwSignal<SheetFilter>) -> impl IntoView {
    let state = AppState::get();
    let axes = axis_options(state, "Tous les axes");
    let completeness =
        key_options(&CompletenessFilter::ALL, CompletenessFilter::key, CompletenessFilter::label);
    let id_of = |v: &str| Id::parse(v);
    view! {
        <fieldset class="filters">
            <legend>"Rechercher et filtrer"</legend>
            <TextField label="Rechercher une fiche" kind="search" help="Dans les titres, objectifs, actions et pilotes"
                value=Signal::derive(move || filter.with(|f| f.text.clone())) on_input=move |v: String| filter.update(|f| f.text = v)/>
            <SelectField label="Axe" options=axes value=Signal::derive(move || filter.with(|f| f.axis.map(|a| a.to_string()).unwrap_or_default()))
                on_change=move |v: String| filter.update(|f| f.axis = id_of(&v))/>
            <SelectField label="Pilote" options=organisation_options(state, "Tous les pilotes") value=Signal::derive(move || filter.with(|f| f.lead.map(|a| a.to_string()).unwrap_or_default()))
                on_change=move |v: String| filter.update(|f| f.lead = id_of(&v))/>
            <SelectField label="Partenaire" options=organisation_options(state, "Tous les partenaires") value=Signal::derive(move || filter.with(|f| f.partner.map(|a| a.to_string()).unwrap_or_default()))
                on_change=move |v: String| filter.update(|f| f.partner = id_of(&v))/>
            <SelectField label="Statut du dernier bilan" options=Signal::derive(StatusFilter::options)
                value=Signal::derive(move || filter.with(|f| match f.status { StatusFilter::Any => String::new(), StatusFilter::NotReviewed => "none".into(), StatusFilter::Is(s) => s.key().into() }))
                on_change=move |v: String| filter.update(|f| f.status = StatusFilter::from_key(&v))/>
            <SelectField label="Complétude" options=completeness
                value=Signal::derive(move || filter.with(|f| f.complete.key().to_string()))
                on_change=move |v: String| filter.update(|f| f.complete = CompletenessFilter::from_key(&v))/>
        </fieldset>
    }
}

#[component]
fn SheetItem(id: Id) -> impl IntoView {
    let state = AppState::get();
    let info = Memo::new(move |_| {
        let numbering = state.numbering.read();
        state
            .with_contract(|c| {
                c.sheet(id).map(|s| {
                    let lead = s.lead_summary(|o| c.organisation_name(o));
                    let (done, total) = completion(s);
                    (s.label(&numbering), format!("{lead} · complétude {done}/{total}"))
                })
            })
            .flatten()
            .unwrap_or_default()
    });
    let name = move || info.with(|i| i.0.clone());
    let shift = move |step: isize| {
        state.edit_contract(|c, _| {
            c.move_sheet_within_axis(id, step);
        });
    };
    let duplicate = move |_| {
        state.edit_contract(|c, now| {
            if let Some(index) = c.sheets.iter().position(|s| s.id == id) {
                let mut copy = with_fresh_ids(&c.sheets[index], Id::random, now);
                copy.title = format!("{} (copie)", copy.title);
                c.sheets.insert(index + 1, copy);
            }
        })
    };
    let remove = move |_| {
        state.remove_with_undo(
            name(),
            |c| take_where(&mut c.sheets, |s| s.id == id),
            |c, index, s| restore_at(&mut c.sheets, index, s),
        )
    };
    view! {
        <li class="sheet-item">
            <A href=href(&format!("/fiche/?id={id}&etape=1"))>{name}</A>
            <SheetMarker id/>
            <p class="muted">{move || info.with(|i| i.1.clone())}</p>
            <div class="actions">
                <MoveButtons id name=Signal::derive(move || format!("la {}", name().to_lowercase())) on_move=shift/>
                <button type="button" class="secondary" on:click=duplicate aria-label=move || format!("Dupliquer la {}", name().to_lowercase())>"Dupliquer"</button>
                <button type="button" class="danger" on:click=remove aria-label=move || format!("Supprimer la {}", name().to_lowercase())>"Supprimer"</button>
            </div>
        </li>
    }
}

/// The whole contract as a document: a cover page (identity, signatories, axes and
/// objectives), then every sheet on its own pages as annexes.
#[component]
fn ContractPrint() -> impl IntoView {
    let state = AppState::get();
    let cover = Memo::new(move |_| {
        let n = state.numbering.read();
        state
            .with_contract(|c| {
                let signatories: Vec<String> = c
                    .organisations
                    .iter()
                    .filter(|o| o.is_signatory())
                    .map(|o| o.name.clone())
                    .collect();
                let axes: Vec<(String, Vec<String>)> = c
                    .axes
                    .iter()
                    .map(|a| {
                        (
                            a.label(&n),
                            a.objectives
                                .iter()
                                .map(|o| format!("{} – {}", n.label(o.id), o.title))
                                .collect(),
                        )
                    })
                    .collect();
                (
                    c.name.clone(),
                    format!(
                        "{} · {}-{}",
                        c.territory.name, c.period.first_year, c.period.last_year
                    ),
                    signatories,
                    axes,
                )
            })
            .unwrap_or_default()
    });
    let sheet_ids = Memo::new(move |_| {
        state
            .with_contract(|c| c.sheets_in_axis_order().iter().map(|s| s.id).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <PrintHeader text=Signal::derive(move || cover.with(|c| c.0.clone()))/>
        <div class="actions no-print">
            <button type="button" on:click=print>"Imprimer le contrat"</button>
            <A href=href("/fiches/") attr:class="button secondary">"Retour à la liste des fiches"</A>
        </div>
        <div class="contract-print">
            <section class="print-cover">
                <h2 class="print-cover__title">{move || cover.with(|c| c.0.clone())}</h2>
                <p>{move || cover.with(|c| c.1.clone())}</p>
                <h2>"Signataires"</h2>
                <ul>{move || cover.with(|c| c.2.clone()).into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                <h2>"Axes et objectifs stratégiques"</h2>
                {move || cover.with(|c| c.3.clone()).into_iter().map(|(axis, objectives)| view! {
                    <h3>{axis}</h3>
                    <ul>{objectives.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
                }).collect_view()}
            </section>
            <h2 class="annexes-title">"Annexes : les fiches action"</h2>
            <For each=move || sheet_ids.get() key=|id| *id let:id>
                <div class="print-sheet"><SheetSummary id/></div>
            </For>
        </div>
    }
}
