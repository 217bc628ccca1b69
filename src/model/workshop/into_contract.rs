//! « Turn into the contract »: a group of the board becomes, at the facilitator's choice, a new
//! fiche action draft, a strategic objective under an axis, a specific objective of an
//! existing fiche, or actions of an existing fiche. Provenance is kept both ways (`became`):
//! the group records what it became, the fiche its origin. Nothing of the board is deleted: the
//! notes, the group and its votes stay, so that the compte rendu can tell the whole story.

use super::{Became, Workshop, WorkshopOrigin};
use crate::model::{
    Action, ActionSheet, Contract, Id, SpecificObjective, StrategicObjective, Timestamp,
};

/// What the facilitator turns the group into.
#[derive(Clone, Debug, PartialEq)]
pub enum IntoContract {
    /// A new fiche action: its title is the group's name, its « Constat » the group's notes,
    /// and each of `objectives` (notes of the board) one of its specific objectives.
    NewSheet { objectives: Vec<Id> },
    /// A strategic objective at the end of the axis, named as the group.
    StrategicObjective { axis_id: Id },
    /// A specific objective of an existing fiche, named as the group.
    SpecificObjective { sheet_id: Id },
    /// One action of an existing fiche per note of `notes`, or per note of the group when
    /// none is chosen.
    Actions { sheet_id: Id, notes: Vec<Id> },
}

/// Why a group could not be turned into the contract.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntoContractRefused {
    UnknownWorkshop,
    UnknownGroup,
    UnknownAxis,
    UnknownSheet,
    /// Actions asked from a group with no notes.
    NoNotes,
}

impl IntoContractRefused {
    pub fn message_fr(&self) -> &'static str {
        match self {
            Self::UnknownWorkshop => "Cet atelier n’existe plus.",
            Self::UnknownGroup => "Ce groupe n’est plus sur le tableau.",
            Self::UnknownAxis => "Cet axe n’existe plus.",
            Self::UnknownSheet => "Cette fiche action n’existe plus.",
            Self::NoNotes => "Ce groupe n’a aucune idée à transformer en actions.",
        }
    }
}

/// Turns `group` of `workshop` into the contract as `how` says; returns what it became (also
/// recorded in the group). `fresh` gives the ids of what is created.
pub fn turn_into_contract(
    contract: &mut Contract,
    workshop: Id,
    group: Id,
    how: IntoContract,
    mut fresh: impl FnMut() -> Id,
    now: Timestamp,
) -> Result<Became, IntoContractRefused> {
    let board = contract.workshop(workshop).ok_or(IntoContractRefused::UnknownWorkshop)?;
    let name = board.group(group).ok_or(IntoContractRefused::UnknownGroup)?.label().to_string();
    let origin = board.origin_of(group);
    let became = match how {
        IntoContract::NewSheet { objectives } => {
            let sheet = draft_sheet(board, group, &objectives, origin, &mut fresh, now);
            let sheet_id = sheet.id;
            contract.sheets.push(sheet);
            Became::NewSheet { sheet_id }
        }
        IntoContract::StrategicObjective { axis_id } => {
            let axis = contract.axes.iter_mut().find(|a| a.id == axis_id);
            let axis = axis.ok_or(IntoContractRefused::UnknownAxis)?;
            let objective_id = fresh();
            axis.objectives.push(StrategicObjective {
                id: objective_id,
                modified_at: now,
                title: name,
            });
            axis.modified_at = now;
            Became::StrategicObjective { axis_id, objective_id }
        }
        IntoContract::SpecificObjective { sheet_id } => {
            let sheet = contract.sheet_mut(sheet_id).ok_or(IntoContractRefused::UnknownSheet)?;
            let objective_id = fresh();
            sheet.specific_objectives.push(specific(objective_id, name, sheet.objective_id, now));
            sheet.origins.push(origin);
            sheet.modified_at = now;
            Became::SpecificObjective { sheet_id, objective_id }
        }
        IntoContract::Actions { sheet_id, notes } => {
            let texts = note_texts(board, group, &notes);
            contract.sheet(sheet_id).ok_or(IntoContractRefused::UnknownSheet)?;
            if texts.is_empty() {
                return Err(IntoContractRefused::NoNotes);
            }
            let actions: Vec<Action> =
                texts.into_iter().map(|text| Action::new(fresh(), text, now)).collect();
            let action_ids = actions.iter().map(|a| a.id).collect();
            let sheet = contract.sheet_mut(sheet_id).ok_or(IntoContractRefused::UnknownSheet)?;
            sheet.actions.extend(actions);
            sheet.origins.push(origin);
            sheet.modified_at = now;
            Became::Actions { sheet_id, action_ids }
        }
    };
    record_became(contract, workshop, group, became.clone(), now);
    Ok(became)
}

/// The new fiche: named as the group, its « Constat » the group's notes one a line (and the
/// findings of the diagnostic they quote), its specific objectives the chosen notes, under the
/// workshop's axis when it concerns only one.
fn draft_sheet(
    board: &Workshop,
    group: Id,
    objectives: &[Id],
    origin: WorkshopOrigin,
    fresh: &mut impl FnMut() -> Id,
    now: Timestamp,
) -> ActionSheet {
    let name = board.group(group).map_or("", |g| g.label());
    let mut sheet = ActionSheet::new(fresh(), name, now);
    if let [axis] = board.axis_ids.as_slice() {
        sheet.axis_id = Some(*axis);
    }
    let notes: Vec<_> = board.notes_in(Some(group)).collect();
    sheet.local_findings = notes.iter().map(|n| n.text.trim()).collect::<Vec<_>>().join("\n");
    for finding in notes.iter().filter_map(|n| n.finding_id) {
        if !sheet.finding_ids.contains(&finding) {
            sheet.finding_ids.push(finding);
        }
    }
    for text in objectives.iter().filter_map(|id| board.note(*id)).map(|n| n.text.trim()) {
        sheet.specific_objectives.push(specific(fresh(), text.to_string(), None, now));
    }
    sheet.origins.push(origin);
    sheet
}

fn specific(id: Id, text: String, strategic: Option<Id>, now: Timestamp) -> SpecificObjective {
    SpecificObjective { id, modified_at: now, strategic_objective_id: strategic, text }
}

/// The texts of the chosen notes (of the whole board), or of the group's notes when none is
/// chosen; empty texts left out.
fn note_texts(board: &Workshop, group: Id, chosen: &[Id]) -> Vec<String> {
    let notes: Vec<_> = if chosen.is_empty() {
        board.notes_in(Some(group)).collect()
    } else {
        chosen.iter().filter_map(|id| board.note(*id)).collect()
    };
    let texts = notes.into_iter().map(|n| n.text.trim().to_string());
    texts.filter(|t| !t.is_empty()).collect()
}

fn record_became(contract: &mut Contract, workshop: Id, group: Id, became: Became, now: Timestamp) {
    let Some(board) = contract.workshop_mut(workshop) else { return };
    if let Some(g) = board.group_mut(group) {
        g.became.push(became);
        g.modified_at = now;
    }
    board.modified_at = now;
}

impl Contract {
    /// The workshop and group a strategic objective came from, found on the boards (an
    /// objective keeps no field of its own for it: the group's record is the link).
    pub fn objective_origin(&self, objective: Id) -> Option<WorkshopOrigin> {
        self.workshops.iter().find_map(|w| {
            let group = w.groups.iter().find(|g| {
                g.became.iter().any(|b| {
                    matches!(b, Became::StrategicObjective { objective_id, .. } if *objective_id == objective)
                })
            })?;
            Some(w.origin_of(group.id))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::fixture::{contract_with_board, id, WORKSHOP};

    fn counter() -> impl FnMut() -> Id {
        let mut next = 5000;
        move || {
            next += 1;
            id(next)
        }
    }

    #[test]
    fn a_group_becomes_a_new_fiche_draft_with_its_provenance() {
        let mut c = contract_with_board();
        let board = c.workshop(id(WORKSHOP)).unwrap().clone();
        let group = board.groups[0].id;
        let notes: Vec<_> = board.notes_in(Some(group)).map(|n| n.id).collect();
        let how = IntoContract::NewSheet { objectives: vec![notes[0], notes[2]] };
        let became = turn_into_contract(&mut c, id(WORKSHOP), group, how, counter(), 77).unwrap();
        let Became::NewSheet { sheet_id } = became else { panic!("{became:?}") };
        let sheet = c.sheet(sheet_id).unwrap();
        assert_eq!(sheet.title, "Bouger plus");
        assert_eq!(sheet.local_findings.lines().count(), 4);
        assert_eq!(sheet.local_findings.lines().next(), Some("Un parcours sportif en plein air"));
        assert_eq!(sheet.finding_ids, [id(60)], "the « constat » quoted by a note");
        let objectives: Vec<_> =
            sheet.specific_objectives.iter().map(|o| o.text.as_str()).collect();
        assert_eq!(
            objectives,
            [
                board.notes_in(Some(group)).next().unwrap().text.as_str(),
                "Des créneaux sport sur ordonnance"
            ]
        );
        assert_eq!(sheet.axis_id, Some(c.axes[0].id), "the workshop's only axis");
        assert_eq!(sheet.origins.len(), 1);
        assert!(sheet.origins[0]
            .text
            .starts_with("Issue de l’atelier « Sport santé » du 12 mars 2024 — 4 idées, "));
        assert_eq!(
            (sheet.origins[0].workshop_id, sheet.origins[0].group_id),
            (id(WORKSHOP), group)
        );
        let after = c.workshop(id(WORKSHOP)).unwrap();
        assert_eq!(after.group(group).unwrap().became, [Became::NewSheet { sheet_id }]);
        assert_eq!(after.notes, board.notes, "nothing of the board is deleted");
        assert_eq!(after.votes, board.votes);
    }

    #[test]
    fn a_group_becomes_a_strategic_objective_found_back_from_the_objective() {
        let mut c = contract_with_board();
        let group = c.workshop(id(WORKSHOP)).unwrap().groups[1].id;
        let axis_id = c.axes[0].id;
        let how = IntoContract::StrategicObjective { axis_id };
        let became = turn_into_contract(&mut c, id(WORKSHOP), group, how, counter(), 1).unwrap();
        let objective = c.axes[0].objectives.last().unwrap();
        assert_eq!(objective.title, "Se nourrir mieux");
        assert_eq!(became, Became::StrategicObjective { axis_id, objective_id: objective.id });
        let origin = c.objective_origin(objective.id).unwrap();
        assert_eq!(origin.group_id, group);
        let unknown = IntoContract::StrategicObjective { axis_id: id(999) };
        assert_eq!(
            turn_into_contract(&mut c, id(WORKSHOP), group, unknown, counter(), 1),
            Err(IntoContractRefused::UnknownAxis)
        );
    }

    #[test]
    fn a_group_becomes_a_specific_objective_or_actions_of_an_existing_fiche() {
        let mut c = contract_with_board();
        let sheet_id = c.sheets[0].id;
        let groups: Vec<_> =
            c.workshop(id(WORKSHOP)).unwrap().groups.iter().map(|g| g.id).collect();
        let how = IntoContract::SpecificObjective { sheet_id };
        turn_into_contract(&mut c, id(WORKSHOP), groups[1], how, counter(), 1).unwrap();
        let sheet = c.sheet(sheet_id).unwrap();
        assert_eq!(
            sheet.specific_objectives.last().map(|o| o.text.as_str()),
            Some("Se nourrir mieux")
        );
        assert_eq!(sheet.origins.len(), 1);
        let how = IntoContract::Actions { sheet_id, notes: Vec::new() };
        let became =
            turn_into_contract(&mut c, id(WORKSHOP), groups[0], how, counter(), 2).unwrap();
        let Became::Actions { action_ids, .. } = &became else { panic!("{became:?}") };
        assert_eq!(action_ids.len(), 4, "one action per note of the group");
        let sheet = c.sheet(sheet_id).unwrap();
        assert!(action_ids.iter().all(|a| sheet.actions.iter().any(|x| x.id == *a)));
        assert_eq!(sheet.origins.len(), 2);
        let empty = groups[3];
        let how = IntoContract::Actions { sheet_id, notes: Vec::new() };
        assert_eq!(
            turn_into_contract(&mut c, id(WORKSHOP), empty, how, counter(), 2),
            Err(IntoContractRefused::NoNotes)
        );
        let how = IntoContract::SpecificObjective { sheet_id: id(999) };
        assert_eq!(
            turn_into_contract(&mut c, id(WORKSHOP), groups[0], how, counter(), 2),
            Err(IntoContractRefused::UnknownSheet)
        );
        let how = IntoContract::SpecificObjective { sheet_id };
        assert_eq!(
            turn_into_contract(&mut c, id(WORKSHOP), id(999), how.clone(), counter(), 2),
            Err(IntoContractRefused::UnknownGroup)
        );
        assert_eq!(
            turn_into_contract(&mut c, id(999), groups[0], how, counter(), 2),
            Err(IntoContractRefused::UnknownWorkshop)
        );
        for refused in [IntoContractRefused::NoNotes, IntoContractRefused::UnknownAxis] {
            crate::model::typography::assert_typographic("refus", refused.message_fr());
        }
    }
}
