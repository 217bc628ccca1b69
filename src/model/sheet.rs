//! The fiche action: the unit people fill in workshops. It points at its axis and strategic
//! objective, and holds its objectives, actions, actors, means, indicators and reviews.

use super::closed_list::closed_list;
use super::numbering::Numbering;
use super::reference::{Determinant, HealthField, PlanLink};
use super::{Action, FundingLine, Id, Indicator, Timestamp, YearReview};
use serde::{Deserialize, Serialize};

closed_list! {
    SheetKind {
        Thematic => ("thematic", "Fiche thématique"),
        Coordination => ("coordination", "Fiche coordination"),
        Partner => ("partner", "Fiche partenaire"),
    }
}

closed_list! {
    Priority {
        High => ("high", "Haute"),
        Medium => ("medium", "Moyenne"),
        Low => ("low", "Basse"),
    }
}

closed_list! {
    /// How far inhabitants take part in the action.
    Participation {
        None => ("none", "Aucune"),
        Information => ("information", "Information"),
        Consultation => ("consultation", "Consultation"),
        Concertation => ("concertation", "Concertation"),
        CoConstruction => ("co_construction", "Co-construction"),
    }
}

/// A specific objective, attached to one of the contract's strategic objectives: that is what
/// gives it its number (2.1.1 is the first specific objective under strategic objective 2.1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SpecificObjective {
    pub id: Id,
    pub modified_at: Timestamp,
    pub strategic_objective_id: Option<Id>,
    pub text: String,
}

/// The lead (pilote): an organisation of the directory and a person there.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Lead {
    pub organisation_id: Option<Id>,
    pub person: String,
}

/// The territory a sheet covers: the whole contract, or named EPCIs, communes or QPV.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    pub whole_territory: bool,
    pub places: Vec<String>,
}

impl Default for Coverage {
    fn default() -> Self {
        Coverage { whole_territory: true, places: Vec::new() }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ActionSheet {
    pub id: Id,
    pub modified_at: Timestamp,
    // 1. Identification
    pub axis_id: Option<Id>,
    pub objective_id: Option<Id>,
    pub title: String,
    pub kind: SheetKind,
    pub priority: Priority,
    pub mental_health: bool,
    pub health_fields: Vec<HealthField>,
    pub determinants: Vec<Determinant>,
    pub plan_links: Vec<PlanLink>,
    // 2. Constat
    /// Findings of the contract's diagnostic cited by this sheet.
    pub finding_ids: Vec<Id>,
    /// Local findings written for this sheet only.
    pub local_findings: String,
    // 3. Objectives
    pub general_objective: String,
    pub specific_objectives: Vec<SpecificObjective>,
    pub expected_results: String,
    // 4. Actions
    pub actions: Vec<Action>,
    // 5. Acteurs
    pub lead: Lead,
    pub partner_ids: Vec<Id>,
    pub audiences: Vec<String>,
    pub coverage: Coverage,
    pub participation: Participation,
    // 6. Moyens
    pub human_means: String,
    pub material_means: String,
    pub funding: Vec<FundingLine>,
    /// Says explicitly that the sheet needs no money, so an empty budget is not an omission.
    pub no_funding_needed: bool,
    // 7. Évaluation
    pub indicators: Vec<Indicator>,
    // Suivi
    pub reviews: Vec<YearReview>,
}

impl ActionSheet {
    pub fn new(id: Id, title: impl Into<String>, now: Timestamp) -> Self {
        ActionSheet {
            id,
            modified_at: now,
            axis_id: None,
            objective_id: None,
            title: title.into(),
            kind: SheetKind::Thematic,
            priority: Priority::Medium,
            mental_health: false,
            health_fields: Vec::new(),
            determinants: Vec::new(),
            plan_links: Vec::new(),
            finding_ids: Vec::new(),
            local_findings: String::new(),
            general_objective: String::new(),
            specific_objectives: Vec::new(),
            expected_results: String::new(),
            actions: Vec::new(),
            lead: Lead::default(),
            partner_ids: Vec::new(),
            audiences: Vec::new(),
            coverage: Coverage::default(),
            participation: Participation::None,
            human_means: String::new(),
            material_means: String::new(),
            funding: Vec::new(),
            no_funding_needed: false,
            indicators: Vec::new(),
            reviews: Vec::new(),
        }
    }

    /// « Fiche action n°3 – Titre », « Sans titre » when it has none: how « Suivi », its
    /// indicators and the documents name a fiche, so that they all name it alike.
    pub fn label(&self, numbers: &Numbering) -> String {
        let title = match self.title.trim() {
            "" => "Sans titre",
            title => title,
        };
        format!("Fiche action n°{} – {title}", numbers.label(self.id))
    }
}
