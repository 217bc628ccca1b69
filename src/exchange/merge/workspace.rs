//! The workspace side of a merge: what an export or an import notes as shared, and a merge
//! applied to the contract kept in this browser.

use super::{plan_merge, MergePlan, MergeRequest, MergeSummary};
use crate::model::{Contract, Id, SharedVersions, Workspace};
use crate::versions::items::{items_of, record_shared};

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

impl<F: FnMut() -> Id> MergeRequest<'_, F> {
    /// Applies the merge to the contract here with the same id and notes the file's items as
    /// shared. `None` when that contract is no longer here.
    pub fn into_workspace(self, workspace: &mut Workspace) -> Option<MergeSummary> {
        let theirs = self.theirs;
        let index = workspace.contracts.iter().position(|c| c.id == theirs.id)?;
        let (merged, summary) = self.apply(&workspace.contracts[index]);
        workspace.contracts[index] = merged;
        workspace.active_contract = Some(theirs.id);
        record_export(workspace, theirs);
        Some(summary)
    }
}
