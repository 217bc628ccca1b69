//! Merging a partner's file into the contract kept here.
//!
//! First a plan: for every item of the file (see `items`), is it new, changed only there since
//! the last common version (take it), changed on both sides (a conflict the user settles), or
//! deleted here since we shared it? The versions shared earlier (`SharedVersions`) tell which
//! side changed what; without them every difference is a conflict, never a silent overwrite.
//! Then the user's choices are applied: keep mine, take theirs, or keep both (theirs becomes a
//! copy with fresh ids, named "… (version de <organisation>)").
//!
//! A merge never removes anything: an item missing from the file stays (the file may hold only
//! some sheets), and an item deleted here comes back only if the user says so.

use super::diff::{field_changes, FieldChange, Vocabulary};
use super::items::{
    identity_of, ids_in, items_of, list_at, list_at_mut, record_shared, Item, ItemKind,
};
use crate::model::copy::with_fresh_ids;
use crate::model::json;
use crate::model::{Contract, Id, SharedVersions, Timestamp, Workspace};
use serde_json::Value;
use std::collections::HashMap;

/// Where an item of the file stands against the contract here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Not here and never shared: added by the partner.
    New,
    /// Shared earlier, then deleted here.
    DeletedHere,
    /// Changed in the file since the last common version, unchanged here.
    ChangedThere,
    /// Changed on both sides since the last common version.
    Conflict,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Self::New => "Nouveau",
            Self::DeletedHere => "Supprimé ici",
            Self::ChangedThere => "Modifié par le partenaire",
            Self::Conflict => "Conflit : modifié des deux côtés",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Choice {
    KeepMine,
    TakeTheirs,
    KeepBoth,
}

/// One item of the file that would change something here, with what differs.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    pub kind: ItemKind,
    pub id: Id,
    pub label: String,
    pub status: Status,
    /// Field by field, for items present on both sides.
    pub changes: Vec<FieldChange>,
    /// What happens unless the user chooses otherwise; `None` when they must choose.
    pub suggested: Option<Choice>,
}

impl Proposal {
    /// The choices that make sense for this item, the most common first.
    pub fn choices(&self) -> &'static [Choice] {
        match (self.status, self.kind) {
            (Status::New, _) => &[Choice::TakeTheirs, Choice::KeepMine],
            (Status::DeletedHere, _) => &[Choice::KeepMine, Choice::TakeTheirs],
            (_, ItemKind::Identity) => &[Choice::KeepMine, Choice::TakeTheirs],
            _ => &[Choice::KeepMine, Choice::TakeTheirs, Choice::KeepBoth],
        }
    }

    /// The words of a choice for this item.
    pub fn choice_label(&self, choice: Choice) -> &'static str {
        match (self.status, choice) {
            (Status::New, Choice::TakeTheirs) => "Ajouter",
            (Status::New, _) => "Ne pas ajouter",
            (Status::DeletedHere, Choice::TakeTheirs) => "Rétablir la version du fichier",
            (Status::DeletedHere, _) => "Laisser supprimé",
            (_, Choice::KeepMine) => "Garder ma version",
            (_, Choice::TakeTheirs) => "Prendre la version du fichier",
            (_, Choice::KeepBoth) => "Garder les deux",
        }
    }
}

/// What the file would change here.
#[derive(Clone, Debug, PartialEq)]
pub struct MergePlan {
    pub proposals: Vec<Proposal>,
    /// Items identical on both sides.
    pub unchanged: usize,
    /// Items changed here only since the last exchange: ours is kept without asking.
    pub newer_here: usize,
}

impl MergePlan {
    pub fn is_empty(&self) -> bool {
        self.proposals.is_empty()
    }

    /// The proposals still waiting for a choice.
    pub fn undecided<'a>(
        &'a self,
        decisions: &'a HashMap<Id, Choice>,
    ) -> impl Iterator<Item = &'a Proposal> {
        self.proposals.iter().filter(|p| p.suggested.is_none() && !decisions.contains_key(&p.id))
    }
}

/// What the file would change in `mine` (the same contract, by id), item by item.
pub fn plan_merge(mine: &Contract, theirs: &Contract, shared: &SharedVersions) -> MergePlan {
    let words = Vocabulary::of(&[mine, theirs]);
    let here: HashMap<(ItemKind, Id), Item> =
        items_of(mine).into_iter().map(|i| ((i.kind, i.id), i)).collect();
    let mut plan = MergePlan { proposals: Vec::new(), unchanged: 0, newer_here: 0 };
    for item in items_of(theirs) {
        let proposal = match here.get(&(item.kind, item.id)) {
            Some(mine) if mine.fingerprint == item.fingerprint => {
                plan.unchanged += 1;
                continue;
            }
            Some(mine) => match (
                shared.rank(item.id, mine.fingerprint),
                shared.rank(item.id, item.fingerprint),
            ) {
                (None, Some(_)) => None,
                (Some(ours), Some(their)) if their < ours => None,
                (Some(_), _) => Some((Status::ChangedThere, Some(Choice::TakeTheirs))),
                (None, None) => Some((Status::Conflict, None)),
            }
            .map(|(status, suggested)| Proposal {
                kind: item.kind,
                id: item.id,
                // The name it has here: the one the user knows it by.
                label: mine.label.clone(),
                status,
                changes: field_changes(&mine.value, &item.value, &words),
                suggested,
            }),
            None if shared.knows(item.id) && !here.keys().any(|(_, id)| *id == item.id) => {
                let unchanged_since = shared.rank(item.id, item.fingerprint).is_some();
                Some(Proposal {
                    kind: item.kind,
                    id: item.id,
                    label: item.label.clone(),
                    status: Status::DeletedHere,
                    changes: contents(&item.value, &words),
                    suggested: unchanged_since.then_some(Choice::KeepMine),
                })
            }
            None => Some(Proposal {
                kind: item.kind,
                id: item.id,
                label: item.label.clone(),
                status: Status::New,
                changes: contents(&item.value, &words),
                suggested: Some(Choice::TakeTheirs),
            }),
        };
        match proposal {
            Some(proposal) => plan.proposals.push(proposal),
            None => plan.newer_here += 1,
        }
    }
    plan
}

/// What an item absent here holds, as differences from nothing: the fields it fills in.
fn contents(value: &Value, words: &Vocabulary) -> Vec<FieldChange> {
    let mut filled = field_changes(&Value::Object(Default::default()), value, words);
    filled.retain(|change| change.theirs != "—");
    filled
}

/// What applying a plan did, for the message after the import.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub added: usize,
    pub replaced: usize,
    pub doubled: usize,
    pub kept: usize,
}

impl MergeSummary {
    pub fn changed_anything(self) -> bool {
        self.added + self.replaced + self.doubled > 0
    }

    /// "2 éléments ajoutés, 1 remplacé par la version du fichier, 1 gardé en double".
    pub fn describe(self) -> String {
        let plural = |n: usize, one: &str, many: &str| {
            if n > 1 {
                format!("{n} {many}")
            } else {
                format!("{n} {one}")
            }
        };
        let mut parts = Vec::new();
        if self.added > 0 {
            parts.push(plural(self.added, "élément ajouté", "éléments ajoutés"));
        }
        if self.replaced > 0 {
            parts.push(plural(
                self.replaced,
                "élément remplacé par la version du fichier",
                "éléments remplacés par la version du fichier",
            ));
        }
        if self.doubled > 0 {
            parts.push(plural(
                self.doubled,
                "élément gardé en double",
                "éléments gardés en double",
            ));
        }
        if self.kept > 0 {
            parts.push(plural(self.kept, "version gardée ici", "versions gardées ici"));
        }
        if parts.is_empty() {
            "aucun changement".into()
        } else {
            parts.join(", ")
        }
    }
}

/// `mine` with the plan applied: each proposal follows the user's decision, else its
/// suggestion, else "keep mine". `origin` names the partner in the names of doubled items.
pub fn apply_merge(
    mine: &Contract,
    theirs: &Contract,
    plan: &MergePlan,
    decisions: &HashMap<Id, Choice>,
    origin: &str,
    mut fresh: impl FnMut() -> Id,
    now: Timestamp,
) -> (Contract, MergeSummary) {
    let mut merged = json::to_tree(mine).expect("a contract always serialises");
    let their_json = json::to_tree(theirs).expect("a contract always serialises");
    let mut summary = MergeSummary::default();
    for proposal in &plan.proposals {
        let choice = decisions
            .get(&proposal.id)
            .copied()
            .or(proposal.suggested)
            .filter(|c| proposal.choices().contains(c))
            .unwrap_or(Choice::KeepMine);
        let applied = match proposal.kind {
            ItemKind::Identity => take_identity(&mut merged, &their_json, choice),
            kind => merge_list_item(
                &mut merged,
                &their_json,
                kind,
                proposal.id,
                choice,
                origin,
                &mut fresh,
                now,
            ),
        };
        match applied {
            Applied::Added => summary.added += 1,
            Applied::Replaced => summary.replaced += 1,
            Applied::Doubled => summary.doubled += 1,
            Applied::Kept => summary.kept += 1,
        }
    }
    let mut contract: Contract =
        json::from_tree(&merged).expect("items of two valid contracts make a valid contract");
    if summary.changed_anything() {
        contract.modified_at = now;
    }
    (contract, summary)
}

enum Applied {
    Added,
    Replaced,
    Doubled,
    Kept,
}

fn take_identity(merged: &mut Value, theirs: &Value, choice: Choice) -> Applied {
    if choice != Choice::TakeTheirs {
        return Applied::Kept;
    }
    if let (Value::Object(target), Value::Object(identity)) = (merged, identity_of(theirs)) {
        target.extend(identity);
    }
    Applied::Replaced
}

#[allow(clippy::too_many_arguments)]
fn merge_list_item(
    merged: &mut Value,
    theirs: &Value,
    kind: ItemKind,
    id: Id,
    choice: Choice,
    origin: &str,
    fresh: &mut impl FnMut() -> Id,
    now: Timestamp,
) -> Applied {
    let their_list = list_at(theirs, kind);
    let Some(their_item) = their_list.iter().find(|v| has_id(v, id)).cloned() else {
        return Applied::Kept;
    };
    let clashes = clashing_ids(merged, kind, id, &their_item);
    let Some(list) = list_at_mut(merged, kind) else { return Applied::Kept };
    let here = list.iter().position(|v| has_id(v, id));
    match (choice, here) {
        (Choice::KeepMine, _) => Applied::Kept,
        // Only a hand-made file reuses an id of another item: never let two items share one.
        (Choice::TakeTheirs, Some(_)) if clashes => Applied::Kept,
        (Choice::TakeTheirs, Some(index)) => {
            list[index] = their_item;
            Applied::Replaced
        }
        (Choice::TakeTheirs, None) => {
            let index = insertion_point(list, their_list, id);
            let item =
                if clashes { with_fresh_ids(&their_item, &mut *fresh, now) } else { their_item };
            list.insert(index, item);
            Applied::Added
        }
        (Choice::KeepBoth, _) => {
            let mut copy = with_fresh_ids(&their_item, &mut *fresh, now);
            if let Some(Value::String(name)) = copy.get_mut(kind.name_field()) {
                name.push_str(&format!(" (version de {})", origin.trim()));
            }
            let index = here.map_or_else(|| insertion_point(list, their_list, id), |i| i + 1);
            list.insert(index, copy);
            Applied::Doubled
        }
    }
}

/// Whether an id inside `item` is already used here by anything but the item it would replace.
fn clashing_ids(merged: &Value, kind: ItemKind, id: Id, item: &Value) -> bool {
    let mut used = ids_in(merged);
    if let Some(replaced) = list_at(merged, kind).iter().find(|v| has_id(v, id)) {
        for (inner, count) in ids_in(replaced) {
            if let Some(n) = used.get_mut(inner) {
                *n -= count.min(*n);
            }
        }
    }
    ids_in(item).keys().any(|inner| used.get(inner).is_some_and(|n| *n > 0))
}

/// Where an item new to this list goes: after the nearest item that precedes it in the file
/// and is here, else before the nearest that follows it, else at the end.
fn insertion_point(list: &[Value], their_list: &[Value], id: Id) -> usize {
    let position_here = |v: &Value| list.iter().position(|mine| same_id(mine, v));
    let Some(at) = their_list.iter().position(|v| has_id(v, id)) else { return list.len() };
    their_list[..at]
        .iter()
        .rev()
        .find_map(position_here)
        .map(|i| i + 1)
        .or_else(|| their_list[at + 1..].iter().find_map(position_here))
        .unwrap_or(list.len())
}

fn has_id(value: &Value, id: Id) -> bool {
    value.get("id").and_then(Value::as_str).and_then(Id::parse) == Some(id)
}

fn same_id(a: &Value, b: &Value) -> bool {
    a.get("id").is_some() && a.get("id") == b.get("id")
}

// ---------------------------------------------------------------------------------------------
// The workspace side: what an export or an import notes as shared.

/// What a received contract would change here: `None` when this browser does not have that
/// contract yet (it is then added whole), else the merge plan against the one it has.
pub fn plan_import(workspace: &Workspace, theirs: &Contract) -> Option<MergePlan> {
    let mine = workspace.contract(theirs.id)?;
    let none = SharedVersions::default();
    let shared = workspace.shared_versions.get(&theirs.id).unwrap_or(&none);
    Some(plan_merge(mine, theirs, shared))
}

/// Notes that every item of `exported` went out to a partner.
pub fn record_export(workspace: &mut Workspace, exported: &Contract) {
    let shared = workspace.shared_versions.entry(exported.id).or_default();
    record_shared(shared, &items_of(exported));
}

/// Adds a contract received from a partner (its id is not here yet) and opens it; everything in
/// it counts as shared.
pub fn add_received_contract(workspace: &mut Workspace, received: Contract) {
    record_export(workspace, &received);
    workspace.add_contract(received);
}

/// Applies a merge to the contract here with the same id and notes the file's items as shared.
/// `None` when that contract is no longer here.
#[allow(clippy::too_many_arguments)]
pub fn merge_into_workspace(
    workspace: &mut Workspace,
    theirs: &Contract,
    plan: &MergePlan,
    decisions: &HashMap<Id, Choice>,
    origin: &str,
    fresh: impl FnMut() -> Id,
    now: Timestamp,
) -> Option<MergeSummary> {
    let index = workspace.contracts.iter().position(|c| c.id == theirs.id)?;
    let (merged, summary) =
        apply_merge(&workspace.contracts[index], theirs, plan, decisions, origin, fresh, now);
    workspace.contracts[index] = merged;
    workspace.active_contract = Some(theirs.id);
    record_export(workspace, theirs);
    Some(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::example::example_contract;
    use crate::model::{ActionSheet, Priority};

    fn shared_after_export(contract: &Contract) -> SharedVersions {
        let mut ws = Workspace::default();
        record_export(&mut ws, contract);
        ws.shared_versions.remove(&contract.id).unwrap()
    }

    fn status_of(plan: &MergePlan, id: Id) -> Option<Status> {
        plan.proposals.iter().find(|p| p.id == id).map(|p| p.status)
    }

    #[test]
    fn a_change_made_there_only_is_taken_a_change_made_here_only_is_kept() {
        let base = example_contract();
        let shared = shared_after_export(&base);
        let (a, b) = (base.sheets[0].id, base.sheets[1].id);
        let mut mine = base.clone();
        mine.sheet_mut(a).unwrap().title = "Changée ici".into();
        let mut theirs = base.clone();
        theirs.sheet_mut(b).unwrap().priority = Priority::Low;

        let plan = plan_merge(&mine, &theirs, &shared);
        assert_eq!(status_of(&plan, a), None);
        assert_eq!(status_of(&plan, b), Some(Status::ChangedThere));
        assert_eq!(plan.newer_here, 1);
        let (merged, summary) =
            apply_merge(&mine, &theirs, &plan, &HashMap::new(), "CPAM", Id::random, 5);
        assert_eq!(merged.sheet(a).unwrap().title, "Changée ici");
        assert_eq!(merged.sheet(b).unwrap().priority, Priority::Low);
        assert_eq!(summary, MergeSummary { replaced: 1, ..Default::default() });
    }

    #[test]
    fn a_change_on_both_sides_is_a_conflict_the_user_settles() {
        let base = example_contract();
        let shared = shared_after_export(&base);
        let a = base.sheets[0].id;
        let mut mine = base.clone();
        mine.sheet_mut(a).unwrap().title = "Titre d’ici".into();
        let mut theirs = base.clone();
        theirs.sheet_mut(a).unwrap().title = "Titre du partenaire".into();

        let plan = plan_merge(&mine, &theirs, &shared);
        let conflict = plan.proposals.iter().find(|p| p.id == a).unwrap();
        assert_eq!((conflict.status, conflict.suggested), (Status::Conflict, None));
        assert_eq!(conflict.changes[0].field, "Intitulé");
        assert_eq!(
            (conflict.changes[0].mine.as_str(), conflict.changes[0].theirs.as_str()),
            ("Titre d’ici", "Titre du partenaire")
        );
        assert_eq!(plan.undecided(&HashMap::new()).count(), 1);

        let both = HashMap::from([(a, Choice::KeepBoth)]);
        let (merged, _) =
            apply_merge(&mine, &theirs, &plan, &both, "CPAM du Cantal", Id::random, 5);
        let titles: Vec<&str> = merged.sheets.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            &titles[..2],
            ["Titre d’ici", "Titre du partenaire (version de CPAM du Cantal)"]
        );
        assert_ne!(merged.sheets[1].id, a);
        assert_eq!(merged.sheets[1].axis_id, merged.sheets[0].axis_id);

        let theirs_wins = HashMap::from([(a, Choice::TakeTheirs)]);
        let (merged, _) = apply_merge(&mine, &theirs, &plan, &theirs_wins, "CPAM", Id::random, 5);
        assert_eq!(merged.sheet(a).unwrap().title, "Titre du partenaire");
        assert_eq!(merged.sheets.len(), base.sheets.len());
    }

    #[test]
    fn without_a_common_history_every_difference_is_a_conflict() {
        let base = example_contract();
        let mut theirs = base.clone();
        theirs.name = "Autre nom".into();
        let plan = plan_merge(&base, &theirs, &SharedVersions::default());
        assert_eq!(plan.proposals.len(), 1);
        assert_eq!(
            (plan.proposals[0].kind, plan.proposals[0].status),
            (ItemKind::Identity, Status::Conflict)
        );
    }

    #[test]
    fn new_items_are_added_in_their_place_and_deleted_ones_stay_deleted() {
        let base = example_contract();
        let shared = shared_after_export(&base);
        let mut theirs = base.clone();
        let new_sheet = ActionSheet::new(Id::from_u128(999), "Nouvelle fiche", 0);
        theirs.sheets.insert(1, new_sheet);
        let mut mine = base.clone();
        let deleted = mine.sheets.remove(2);

        let plan = plan_merge(&mine, &theirs, &shared);
        assert_eq!(status_of(&plan, Id::from_u128(999)), Some(Status::New));
        let new = plan.proposals.iter().find(|p| p.id == Id::from_u128(999)).unwrap();
        let shown: Vec<(&str, &str)> =
            new.changes.iter().map(|c| (c.field.as_str(), c.theirs.as_str())).collect();
        assert!(shown.contains(&("Intitulé", "Nouvelle fiche")), "{shown:?}");
        assert!(shown.iter().all(|(_, value)| *value != "—"));
        let deleted_here = plan.proposals.iter().find(|p| p.id == deleted.id).unwrap();
        assert_eq!(
            (deleted_here.status, deleted_here.suggested),
            (Status::DeletedHere, Some(Choice::KeepMine))
        );
        let (merged, summary) =
            apply_merge(&mine, &theirs, &plan, &HashMap::new(), "x", Id::random, 5);
        assert_eq!(merged.sheets[1].title, "Nouvelle fiche");
        assert!(merged.sheet(deleted.id).is_none());
        assert_eq!((summary.added, summary.kept), (1, 1));
    }

    #[test]
    fn what_was_taken_is_shared_so_the_same_file_twice_asks_nothing() {
        let base = example_contract();
        let mut ws = Workspace::default();
        ws.add_contract(base.clone());
        record_export(&mut ws, &base);
        let mut theirs = base.clone();
        theirs.sheets[0].title = "Du partenaire".into();
        let plan = plan_merge(ws.active().unwrap(), &theirs, &ws.shared_versions[&base.id]);
        merge_into_workspace(&mut ws, &theirs, &plan, &HashMap::new(), "x", Id::random, 5).unwrap();
        let again = plan_merge(ws.active().unwrap(), &theirs, &ws.shared_versions[&base.id]);
        assert!(again.is_empty(), "{again:?}");
    }

    #[test]
    fn a_file_reusing_an_id_of_another_item_never_makes_two_items_share_it() {
        let base = example_contract();
        let organisation = base.organisations[0].id;
        let mut theirs = base.clone();
        theirs.sheets.push(ActionSheet::new(organisation, "Fiche au faux identifiant", 0));
        let plan = plan_merge(&base, &theirs, &shared_after_export(&base));
        let (merged, summary) =
            apply_merge(&base, &theirs, &plan, &HashMap::new(), "x", Id::random, 5);
        assert_eq!(summary.added, 1);
        let added = merged.sheets.last().unwrap();
        assert_eq!(added.title, "Fiche au faux identifiant");
        assert_ne!(added.id, organisation);
    }

    #[test]
    fn the_summary_reads_in_french() {
        let summary = MergeSummary { added: 2, replaced: 1, doubled: 0, kept: 1 };
        assert_eq!(summary.describe(), "2 éléments ajoutés, 1 élément remplacé par la version du fichier, 1 version gardée ici");
        assert_eq!(MergeSummary::default().describe(), "aucun changement");
    }
}
