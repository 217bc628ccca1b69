//! Two tabs of the same browser working on the same workspace: what one tab does when the
//! workspace stored by the other differs from the one it last wrote or read (its base).
//!
//! A three-way merge of the base, this tab's workspace (ours) and the stored one (theirs),
//! field by field and item by item in every list of entities, at any depth (`three_way`):
//! what only one side changed is taken from that side, so two fiches edited at the same time,
//! or a fiche and the planning's dates, are both kept. A field both changed keeps the most
//! recent edit, judged by the `modified_at` of the nearest entity that holds it (the action,
//! the fiche, the indicator, else the contract): each edit stamps it, and it is the only clock
//! both tabs share. The losing side is described (`replaced`) so that its tab can say so and
//! give the text back.
//!
//! Unlike a partner's file (`exchange::merge`), there is a true common version here and no
//! one to ask: nothing waits for a choice, whole items are not doubled, and the merge goes
//! down to every field at any depth (a file's merge stops at an item's top-level fields, whose
//! shared versions it knows by fingerprint only), since two tabs are one person working in two
//! places.
//!
//! Which contract is open stays this tab's own choice. The versions shared with partners are
//! bookkeeping: merged the same way, their rare conflicts are settled without a word.

mod avenant_numbers;
mod replaced;
mod three_way;

#[cfg(test)]
mod tests;

pub use avenant_numbers::Renumbered;
pub use replaced::{restore, Replacement, Restored, Step};

use crate::model::{json, Contract, Id, Timestamp, Workspace};
use crate::versions::diff::Vocabulary;
use serde_json::Value;
use three_way::{Conflict, Merger, Stamps};

/// The merged workspace, and the edits that gave way on each side.
#[derive(Clone, Debug, PartialEq)]
pub struct TabMerge {
    pub workspace: Workspace,
    /// This tab's values replaced by the other tab's more recent ones: this tab says so.
    pub replaced_here: Vec<Replacement>,
    /// The other tab's values replaced by this tab's more recent ones: that tab is told.
    pub replaced_there: Vec<Replacement>,
    /// This tab's avenants renumbered: another tab made one with the same number meanwhile.
    pub renumbered: Vec<Renumbered>,
}

/// The three-way merge's signature: `storage::tab_session` is given `merge_tabs` as a value, from
/// the part loaded on demand that holds it (`ui::parts::tab_merge`).
pub type MergeTabs = fn(&Workspace, &Workspace, &Workspace) -> TabMerge;

/// The tab merge's code the first visit does not load: the merge, and putting a text back. Only
/// the split point that gives it names these functions, so that they stay out of the first part.
#[derive(Clone, Copy)]
pub struct TabMergeCode {
    pub merge: MergeTabs,
    pub restore: fn(&mut Workspace, &Replacement, Timestamp) -> Restored,
}

/// Merges `ours` (this tab) and `theirs` (stored by another tab) against `base`, the version
/// this tab last wrote or read.
pub fn merge_tabs(base: &Workspace, ours: &Workspace, theirs: &Workspace) -> TabMerge {
    let unchanged = |workspace: &Workspace| TabMerge {
        workspace: workspace.clone(),
        replaced_here: Vec::new(),
        replaced_there: Vec::new(),
        renumbered: Vec::new(),
    };
    if ours == base || ours == theirs {
        return unchanged(theirs);
    }
    if theirs == base {
        return unchanged(ours);
    }
    let tree = |workspace: &Workspace| json::to_tree(workspace).expect("a workspace serialises");
    let (b, o, t) = (tree(base), tree(ours), tree(theirs));
    let mut merger = Merger::default();
    let contracts =
        merger.merge(b.get("contracts"), o.get("contracts"), t.get("contracts"), Stamps::default());
    let shared = Merger::default().merge(
        b.get("shared_versions"),
        o.get("shared_versions"),
        t.get("shared_versions"),
        Stamps::default(),
    );
    let mut merged = o.clone();
    for (key, value) in [("contracts", contracts), ("shared_versions", shared)] {
        if let (Value::Object(fields), Some(value)) = (&mut merged, value) {
            fields.insert(key.into(), value);
        }
    }
    // Two valid workspaces merged field by field make a valid one: the model is made of
    // structs, lists and closed lists, never of variants with fields that could be mixed
    // (the property tests check it). Were it to fail, this tab would keep its own.
    let Ok(mut workspace) = json::from_tree::<Workspace>(&merged) else {
        return unchanged(ours);
    };
    if workspace.active_contract.is_some_and(|id| workspace.contract(id).is_none()) {
        workspace.active_contract = None;
    }
    let (replaced_here, replaced_there) = describe(&merger.conflicts, &workspace, ours, theirs);
    let renumbered = avenant_numbers::renumber_twins(&mut workspace, theirs);
    TabMerge { workspace, replaced_here, replaced_there, renumbered }
}

/// The conflicts as replacements on each side, in the words of the merged contract.
fn describe(
    conflicts: &[Conflict],
    merged: &Workspace,
    ours: &Workspace,
    theirs: &Workspace,
) -> (Vec<Replacement>, Vec<Replacement>) {
    let mut here = Vec::new();
    let mut there = Vec::new();
    for conflict in conflicts {
        let Some((Step::Item(key), path)) = conflict.path.split_first() else { continue };
        let Some(id) = Id::parse(key.trim_matches('"')) else { continue };
        let Some(contract) = merged.contract(id) else { continue };
        let versions: Vec<&Contract> =
            [ours.contract(id), theirs.contract(id)].into_iter().flatten().collect();
        let words = Vocabulary::of(&versions);
        let (lost, list) = if conflict.ours_won {
            (&conflict.theirs, &mut there)
        } else {
            (&conflict.ours, &mut here)
        };
        list.push(replaced::describe(contract, path, lost.clone(), &words));
    }
    (here, there)
}
