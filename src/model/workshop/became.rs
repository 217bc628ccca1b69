//! Provenance, both ways: what a group of the board became in the contract (`Became`, kept in
//! the group), and where a fiche or a strategic objective came from (`WorkshopOrigin`, kept in
//! it), with the sentence that says so (« Issue de l’atelier « … » du 12 mars 2024 — 7 idées,
//! 14 voix »).

use super::Workshop;
use crate::model::{Contract, Id};
use serde::{Deserialize, Serialize};

/// What a group became, with the ids to link there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Became {
    /// A new fiche action, drafted from the group.
    NewSheet { sheet_id: Id },
    /// A strategic objective of an axis.
    StrategicObjective { axis_id: Id, objective_id: Id },
    /// A specific objective of an existing fiche.
    SpecificObjective { sheet_id: Id, objective_id: Id },
    /// Actions of an existing fiche.
    Actions { sheet_id: Id, action_ids: Vec<Id> },
}

impl Became {
    /// The fiche it leads to, if any.
    pub fn sheet_id(&self) -> Option<Id> {
        match self {
            Self::NewSheet { sheet_id }
            | Self::SpecificObjective { sheet_id, .. }
            | Self::Actions { sheet_id, .. } => Some(*sheet_id),
            Self::StrategicObjective { .. } => None,
        }
    }

    /// « Fiche action « Bouger plus » », « Objectif stratégique « … » de l’axe « … » »...: how
    /// the board and the compte rendu say it, with the names the contract has now (a fiche
    /// deleted since says so).
    pub fn describe(&self, contract: &Contract) -> String {
        let sheet = |id: &Id| contract.sheet(*id).map(|s| s.title.trim().to_string());
        let gone = "(supprimée depuis)";
        match self {
            Self::NewSheet { sheet_id } => match sheet(sheet_id) {
                Some(title) => format!("Nouvelle fiche action « {title} »"),
                None => format!("Nouvelle fiche action {gone}"),
            },
            Self::StrategicObjective { axis_id, objective_id } => {
                let axis = contract.axis(*axis_id);
                let objective = axis.and_then(|a| a.objective(*objective_id));
                match (axis, objective) {
                    (Some(axis), Some(o)) => format!(
                        "Objectif stratégique « {} » de l’axe « {} »",
                        o.title.trim(),
                        axis.title.trim()
                    ),
                    _ => "Objectif stratégique (supprimé depuis)".to_string(),
                }
            }
            Self::SpecificObjective { sheet_id, .. } => match sheet(sheet_id) {
                Some(title) => format!("Objectif spécifique de la fiche « {title} »"),
                None => format!("Objectif spécifique d’une fiche {gone}"),
            },
            Self::Actions { sheet_id, action_ids } => {
                let count = action_ids.len();
                let actions =
                    if count > 1 { format!("{count} actions") } else { "1 action".into() };
                match sheet(sheet_id) {
                    Some(title) => format!("{actions} de la fiche « {title} »"),
                    None => format!("{actions} d’une fiche {gone}"),
                }
            }
        }
    }
}

/// Where a fiche or a strategic objective came from: the link back to the board, and the
/// sentence written when it was made (kept as written: the board may change afterwards).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WorkshopOrigin {
    pub workshop_id: Id,
    pub group_id: Id,
    /// « Issue de l’atelier « Sport santé » du 12 mars 2024 — 7 idées, 14 voix ».
    pub text: String,
}

impl Workshop {
    /// The provenance of what `group` becomes, counted now.
    pub fn origin_of(&self, group: Id) -> WorkshopOrigin {
        let (ideas, dots) = (self.group_ideas(group), self.group_dots(group));
        let plural = |n: u32, one: &str, many: &str| {
            if n > 1 {
                format!("{n} {many}")
            } else {
                format!("{n} {one}")
            }
        };
        let text = format!(
            "Issue de {} — {}, {}",
            self.name_with_date(),
            plural(ideas, "idée", "idées"),
            plural(dots, "voix", "voix")
        );
        WorkshopOrigin { workshop_id: self.id, group_id: group, text }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::fixture::{board, contract};
    use crate::model::workshop::VoteTarget;

    #[test]
    fn the_provenance_counts_ideas_and_votes() {
        let mut w = board();
        let group = w.groups[0].id;
        w.votes.clear();
        w.give_dots(None, VoteTarget::Group(group), 14, 1).unwrap();
        let origin = w.origin_of(group);
        assert_eq!(
            origin.text,
            "Issue de l’atelier « Sport santé » du 12 mars 2024 — 4 idées, 14 voix"
        );
        assert_eq!((origin.workshop_id, origin.group_id), (w.id, group));
        let empty = w.groups[2].id;
        w.notes.retain(|n| n.group_id != Some(empty));
        w.votes.clear();
        w.give_dots(None, VoteTarget::Group(empty), 1, 1).unwrap();
        assert!(w.origin_of(empty).text.ends_with("— 0 idée, 1 voix"));
    }

    #[test]
    fn what_a_group_became_is_said_with_the_contract_s_names() {
        let c = contract();
        let sheet = c.sheets[0].id;
        assert_eq!(
            Became::NewSheet { sheet_id: sheet }.describe(&c),
            "Nouvelle fiche action « Santé mentale »"
        );
        let actions = Became::Actions { sheet_id: sheet, action_ids: vec![Id::from_u128(1); 2] };
        assert_eq!(actions.describe(&c), "2 actions de la fiche « Santé mentale »");
        let gone = Became::SpecificObjective { sheet_id: Id::from_u128(999), objective_id: sheet };
        assert_eq!(gone.describe(&c), "Objectif spécifique d’une fiche (supprimée depuis)");
        let axis = &c.axes[0];
        let objective =
            Became::StrategicObjective { axis_id: axis.id, objective_id: axis.objectives[0].id };
        assert_eq!(
            objective.describe(&c),
            "Objectif stratégique « Bien vieillir chez soi » de l’axe « Personnes âgées »"
        );
        assert_eq!(objective.sheet_id(), None);
    }
}
