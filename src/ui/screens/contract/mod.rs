//! The contract set-up: one page of sections (identity and period, territory, directory,
//! governance, diagnostic, axes and strategic objectives, the contract's own evaluation
//! indicators), with the validation issues shown beside what they concern and gathered in a
//! summary panel at the top.

mod axes;
mod diagnostic;
mod directory;
mod governance;
mod identity;
mod indicators;
mod territory;

use super::issues::{self, provide_issues};
use super::no_contract::RequireContract;
use leptos::prelude::*;

const SECTIONS: [(&str, &str); 7] = [
    ("identite", "Identité et période"),
    ("territoire", "Territoire"),
    ("annuaire", "Organisations"),
    ("gouvernance", "Gouvernance"),
    ("diagnostic", "Diagnostic"),
    ("axes", "Axes et objectifs stratégiques"),
    ("indicateurs", "Indicateurs d’évaluation du contrat"),
];

#[component]
pub fn ContractScreen() -> impl IntoView {
    view! {
        <h1>"Le contrat"</h1>
        <RequireContract>
            <ContractSetup/>
        </RequireContract>
    }
}

#[component]
fn ContractSetup() -> impl IntoView {
    provide_issues();
    view! {
        <nav class="toc" aria-label="Sections du contrat">
            <ul>
                {SECTIONS.into_iter().map(|(anchor, title)| view! {
                    <li><a href=format!("#{anchor}") rel="external">{title}</a></li>
                }).collect_view()}
            </ul>
        </nav>
        <issues::Summary/>
        <identity::Identity/>
        <territory::TerritorySection/>
        <directory::Directory/>
        <governance::GovernanceSection/>
        <diagnostic::DiagnosticSection/>
        <axes::AxesSection/>
        <indicators::IndicatorsSection/>
    }
}
