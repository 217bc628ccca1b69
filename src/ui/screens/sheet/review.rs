//! Step 8 – Relecture: the whole sheet on one page, the completeness checklist and the
//! validation issues, and the print of the sheet.

use super::access::read_sheet;
use crate::model::completeness::checklist;
use crate::model::validation::Severity;
use crate::model::Id;
use crate::ui::state::AppState;
use crate::ui::widgets::issues::ContractIssues;
use crate::ui::widgets::links::href;
use crate::ui::widgets::print::PrintHeader;
use crate::ui::widgets::sheet_summary::SheetSummary;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Review(id: Id) -> impl IntoView {
    let state = AppState::get();
    let ContractIssues(contract_issues) = expect_context::<ContractIssues>();
    let checks = Memo::new(move |_| read_sheet(state, id, |_, s| checklist(s)));
    let done = move || checks.with(|c| c.iter().filter(|c| c.done).count());
    let issues = Memo::new(move |_| {
        contract_issues.with(|all| {
            all.iter().filter(|i| i.subject.sheet() == Some(id)).cloned().collect::<Vec<_>>()
        })
    });
    let header = Signal::derive(move || {
        let number = state.numbering.with(|n| n.label(id).to_string());
        read_sheet(state, id, |c, _| format!("{} — Fiche action n°{number}", c.name))
    });
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <PrintHeader text=header/>
        <section class="checklist no-print" aria-labelledby="completude">
            <h3 id="completude">{move || format!("Complétude : {} sur {}", done(), checks.with(Vec::len))}</h3>
            <ul>
                {move || checks.get().into_iter().map(|check| view! {
                    <li class=if check.done { "check check--done" } else { "check check--missing" }>
                        <span aria-hidden="true">{if check.done { "✔ " } else { "✘ " }}</span>
                        <span class="visually-hidden">{if check.done { "Fait : " } else { "Manquant : " }}</span>
                        {check.label}
                        {(!check.hint.is_empty()).then(|| view! { <span class="field__help">{check.hint.clone()}</span> })}
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <section class="no-print" aria-labelledby="points-fiche">
            <h3 id="points-fiche">"Points à vérifier"</h3>
            {move || {
                let list = issues.get();
                if list.is_empty() {
                    view! { <p>"Aucun problème détecté."</p> }.into_any()
                } else {
                    view! { <ul class="issues">{list.into_iter().map(|i| view! {
                        <li class=if i.severity == Severity::Error { "issue issue--error" } else { "issue issue--warning" }>
                            <strong>{if i.is_error() { "Erreur : " } else { "À vérifier : " }}</strong>
                            <span class="issue__path">{i.path}" — "</span>{i.message}
                        </li>
                    }).collect_view()}</ul> }.into_any()
                }
            }}
        </section>
        <div class="actions no-print">
            <button type="button" on:click=print>"Imprimer la fiche"</button>
            <A href=href(&format!("/document/?fiche={id}")) attr:class="button secondary">"Document de la fiche (ODT)"</A>
        </div>
        <SheetSummary id/>
    }
}
