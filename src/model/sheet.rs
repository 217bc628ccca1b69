//! The fiche action: the unit people fill in workshops. It points at its axis and strategic
//! objective, and holds its objectives, actions, actors, means, indicators and reviews.

use super::closed_list::closed_list;
use super::numbering::Numbering;
use super::reference::{Determinant, HealthField, PlanLink};
use super::{Action, FundingLine, Id, Indicator, Timestamp, YearReview};
use serde::{Deserialize, Serialize};

closed_list! {
    SheetKind {
        NotStated => ("not_stated", "Non renseigné"),
        Thematic => ("thematic", "Fiche thématique"),
        Coordination => ("coordination", "Fiche coordination"),
        Partner => ("partner", "Fiche partenaire"),
    }
}

closed_list! {
    Priority {
        NotStated => ("not_stated", "Non renseigné"),
        High => ("high", "Haute"),
        Medium => ("medium", "Moyenne"),
        Low => ("low", "Basse"),
    }
}

closed_list! {
    /// How far inhabitants take part in the action.
    Participation {
        NotStated => ("not_stated", "Non renseigné"),
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

/// A lead (pilote): an organisation of the directory and a person there. A fiche, like the
/// contract itself, may have several (co-pilotage): the first is the one named first.
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
    /// The leads (pilotes), co-leads after the first; empty while none is designated.
    pub leads: Vec<Lead>,
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
    /// The workshops this fiche came from (« Issue de l’atelier … »), with the link back to
    /// their group: a new fiche drafted from a group, or objectives and actions added from one.
    /// Left out while empty, as in files written before workshops existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub origins: Vec<crate::model::workshop::WorkshopOrigin>,
}

impl ActionSheet {
    pub fn new(id: Id, title: impl Into<String>, now: Timestamp) -> Self {
        ActionSheet {
            id,
            modified_at: now,
            axis_id: None,
            objective_id: None,
            title: title.into(),
            kind: SheetKind::NotStated,
            priority: Priority::NotStated,
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
            leads: Vec::new(),
            partner_ids: Vec::new(),
            audiences: Vec::new(),
            coverage: Coverage::default(),
            participation: Participation::NotStated,
            human_means: String::new(),
            material_means: String::new(),
            funding: Vec::new(),
            no_funding_needed: false,
            indicators: Vec::new(),
            reviews: Vec::new(),
            origins: Vec::new(),
        }
    }

    /// The lead organisations, in order, each once (a lead with a person but no organisation
    /// is left out): what filters, the load per lead and the CSV count.
    pub fn lead_ids(&self) -> Vec<Id> {
        lead_organisations(&self.leads)
    }

    /// The co-leads' organisations, in order, each once, without the lead's own: a lead ticked
    /// again among the co-leads is still only the lead.
    pub fn co_lead_ids(&self) -> Vec<Id> {
        let lead = self.leads.first().and_then(|l| l.organisation_id);
        let mut ids = lead_organisations(self.leads.get(1..).unwrap_or_default());
        ids.retain(|id| Some(*id) != lead);
        ids
    }

    /// Who leads, as the fiche list says it: « pilote : ARS, copilotes : CPAM, MSA », « pilote
    /// à désigner »; the lead is never called a copilote.
    pub fn lead_summary<'a>(&self, name: impl Fn(Id) -> &'a str) -> String {
        let lead = match self.leads.first().and_then(|l| l.organisation_id) {
            Some(id) => format!("pilote : {}", name(id)),
            None => "pilote à désigner".to_string(),
        };
        let co_leads: Vec<&str> = self.co_lead_ids().into_iter().map(name).collect();
        match co_leads.len() {
            0 => lead,
            1 => format!("{lead}, copilote : {}", co_leads[0]),
            _ => format!("{lead}, copilotes : {}", co_leads.join(", ")),
        }
    }

    /// The first lead, created empty when there is none: what the form's « Pilote » edits.
    pub fn lead_mut(&mut self) -> &mut Lead {
        if self.leads.is_empty() {
            self.leads.push(Lead::default());
        }
        &mut self.leads[0]
    }

    /// Whether `organisation` leads or co-leads this fiche.
    pub fn is_led_by(&self, organisation: Id) -> bool {
        self.leads.iter().any(|l| l.organisation_id == Some(organisation))
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

/// The organisations of a list of leads, in order, each once.
pub fn lead_organisations(leads: &[Lead]) -> Vec<Id> {
    let mut ids: Vec<Id> = Vec::new();
    for id in leads.iter().filter_map(|l| l.organisation_id) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_fiche_states_nothing_it_was_not_told() {
        let sheet = ActionSheet::new(Id::from_u128(1), "Fiche", 0);
        assert_eq!(sheet.kind, SheetKind::NotStated);
        assert_eq!(sheet.priority.label(), "Non renseigné");
        assert_eq!(sheet.participation, Participation::NotStated);
        assert!(sheet.leads.is_empty());
    }

    #[test]
    fn co_leads_count_once_each_in_order() {
        let mut sheet = ActionSheet::new(Id::from_u128(1), "Fiche", 0);
        let lead = |n| Lead { organisation_id: Some(Id::from_u128(n)), person: String::new() };
        sheet.leads = vec![lead(5), Lead::default(), lead(3), lead(5)];
        assert_eq!(sheet.lead_ids(), [Id::from_u128(5), Id::from_u128(3)]);
        assert!(sheet.is_led_by(Id::from_u128(3)));
        assert!(!sheet.is_led_by(Id::from_u128(4)));
    }

    #[test]
    fn the_list_never_calls_the_lead_a_copilote() {
        let mut sheet = ActionSheet::new(Id::from_u128(1), "Fiche", 0);
        let lead = |n| Lead { organisation_id: Some(Id::from_u128(n)), person: String::new() };
        let name = |id: Id| match id.to_string().ends_with('5') {
            true => "ARS",
            false => "CPAM",
        };
        assert_eq!(sheet.lead_summary(name), "pilote à désigner");
        sheet.leads = vec![lead(5)];
        assert_eq!(sheet.lead_summary(name), "pilote : ARS");
        sheet.leads = vec![lead(5), lead(5)];
        assert_eq!(sheet.co_lead_ids(), []);
        assert_eq!(sheet.lead_summary(name), "pilote : ARS", "ticked twice, still the lead");
        sheet.leads = vec![lead(5), lead(3), lead(5)];
        assert_eq!(sheet.lead_summary(name), "pilote : ARS, copilote : CPAM");
        sheet.leads = vec![Lead::default(), lead(3)];
        assert_eq!(sheet.lead_summary(name), "pilote à désigner, copilote : CPAM");
    }
}
