//! The workspace side of a merge: what an export or an import notes as shared, and a merge
//! applied to the contract kept in this browser.

use super::{apply_merge, plan_merge, Choice, MergePlan, MergeSummary};
use crate::model::{Contract, Id, SharedVersions, Timestamp, Workspace};
use crate::versions::items::{items_of, record_shared};
use std::collections::HashMap;

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
