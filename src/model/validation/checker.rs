//! The `Checker` the rules write into: it collects issues and words their locations the way
//! the printed contract reads ("Axe 2 › Objectif 2.1", "Fiche action n°3 › Action 2").

use super::{Issue, Severity, Subject};
use crate::model::numbering::Numbering;
use crate::model::text::shorten;
use crate::model::{ActionSheet, Axis, Body, Contract, Id, Indicator, StrategicObjective};

/// How much of a user's text a location quotes.
pub(super) const QUOTED_IN_PATH: usize = 70;

/// Collects issues and writes their locations.
pub(super) struct Checker<'a> {
    pub contract: &'a Contract,
    /// Computed once by the caller: the screens share one numbering per change of the contract.
    pub numbers: &'a Numbering,
    pub issues: Vec<Issue>,
}

impl<'a> Checker<'a> {
    pub fn new(contract: &'a Contract, numbers: &'a Numbering) -> Self {
        Checker { contract, numbers, issues: Vec::new() }
    }

    pub fn error(&mut self, subject: Subject, path: String, message: String) {
        self.issues.push(Issue { severity: Severity::Error, subject, path, message });
    }

    pub fn warning(&mut self, subject: Subject, path: String, message: String) {
        self.issues.push(Issue { severity: Severity::Warning, subject, path, message });
    }

    pub fn axis_path(&self, axis: &Axis) -> String {
        format!("Axe {}", self.numbers.label(axis.id))
    }

    pub fn objective_path(&self, axis: &Axis, objective: &StrategicObjective) -> String {
        format!("{} › Objectif {}", self.axis_path(axis), self.numbers.label(objective.id))
    }

    pub fn sheet_path(&self, sheet: &ActionSheet) -> String {
        format!("Fiche action n°{}", self.numbers.label(sheet.id))
    }

    /// A part of a sheet: "Fiche action n°3 › Action 2".
    pub fn within(&self, sheet: &ActionSheet, what: String) -> String {
        format!("{} › {what}", self.sheet_path(sheet))
    }

    /// A specific objective by its number (2.1.1), or by its text when it has none.
    pub fn specific_path(&self, sheet: &ActionSheet, rank: usize) -> String {
        let specific = &sheet.specific_objectives[rank];
        let what = match (self.numbers.get(specific.id), specific.text.trim()) {
            (Some(number), _) => format!("Objectif spécifique {number}"),
            (None, "") => format!("Objectif spécifique (sans numéro, {}e de la fiche)", rank + 1),
            (None, text) => format!("Objectif spécifique « {} »", shorten(text, QUOTED_IN_PATH)),
        };
        self.within(sheet, what)
    }

    /// An indicator by its name, or by its rank when it has none: "Indicateur « Taux »",
    /// "Indicateur 2".
    pub fn indicator_name(rank: usize, indicator: &Indicator) -> String {
        match indicator.name.trim() {
            "" => format!("Indicateur {}", rank + 1),
            name => format!("Indicateur « {} »", shorten(name, QUOTED_IN_PATH)),
        }
    }

    /// An indicator of `sheet`, or of the contract itself when `None`:
    /// "Fiche action n°3 › Indicateur « Taux »", "Indicateurs du contrat › Indicateur 2".
    pub fn indicator_path(
        &self,
        sheet: Option<&ActionSheet>,
        rank: usize,
        indicator: &Indicator,
    ) -> String {
        let what = Self::indicator_name(rank, indicator);
        match sheet {
            Some(sheet) => self.within(sheet, what),
            None => format!("Indicateurs du contrat › {what}"),
        }
    }

    pub fn member_path(&self, body: Body, name: &str, id: Id) -> String {
        let who = match name.trim() {
            "" => {
                let members = &self.contract.governance.members;
                let rank = members.iter().filter(|m| m.body == body).position(|m| m.id == id);
                format!("Membre {}", rank.map_or(0, |r| r + 1))
            }
            name => name.to_string(),
        };
        format!("Gouvernance › {} › {who}", body.label())
    }

    /// "Gouvernance › Comité de pilotage (COPIL) › Réunion 2": its rank among its body's meetings.
    pub fn meeting_path(&self, id: Id, body: Body) -> String {
        let meetings = &self.contract.governance.meetings;
        let rank = meetings.iter().filter(|m| m.body == body).position(|m| m.id == id);
        format!("Gouvernance › {} › Réunion {}", body.label(), rank.map_or(0, |r| r + 1))
    }
}

pub(super) fn organisation_path(name: &str, rank: usize) -> String {
    match name.trim() {
        "" => format!("Annuaire › Organisation {}", rank + 1),
        name => format!("Annuaire › {name}"),
    }
}
