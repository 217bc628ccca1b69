//! The contract set-up: one page of sections (identity and period, territory, co-leads and
//! texts, directory, governance, diagnostic and the previous contract's bilan, axes and
//! strategic objectives, the contract's own evaluation indicators), with the validation issues shown beside what they concern and gathered in a
//! summary panel at the top.

mod axes;
mod diagnostic;
mod directory;
mod governance;
mod identity;
mod indicators;
mod previous_review;
mod territory;
mod texts;

use crate::ui::widgets::issues::{self, provide_issues};
use crate::ui::widgets::links::InPageLink;
use crate::ui::widgets::no_contract::RequireContract;
use crate::ui::widgets::signature_markers::ContractLine;
use leptos::prelude::*;

const SECTIONS: [(&str, &str); 9] = [
    ("identite", "Identité et période"),
    ("territoire", "Territoire"),
    ("textes", "Pilotage et textes du contrat"),
    ("annuaire", "Organisations"),
    ("gouvernance", "Gouvernance"),
    ("diagnostic", "Diagnostic"),
    ("bilan-precedent", "Bilan du précédent contrat"),
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
                    <li><InPageLink target=anchor>{title}</InPageLink></li>
                }).collect_view()}
            </ul>
        </nav>
        <ContractLine/>
        <issues::Summary/>
        <identity::Identity/>
        <territory::TerritorySection/>
        <texts::TextsSection/>
        <directory::Directory/>
        <governance::GovernanceSection/>
        <diagnostic::DiagnosticSection/>
        <previous_review::PreviousReviewSection/>
        <axes::AxesSection/>
        <indicators::IndicatorsSection/>
    }
}
