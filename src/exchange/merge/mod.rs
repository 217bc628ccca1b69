//! Merging a partner's file into the contract kept here.
//!
//! First a plan (`plan`): for every item of the file (see `items`), is it new, changed only
//! there since the last common version (take it), changed on both sides (a conflict the user
//! settles), or deleted here since we shared it? The versions shared earlier (`SharedVersions`)
//! tell which side changed what; without them every difference is a conflict, never a silent
//! overwrite. Then the user's choices are applied (`apply`): keep mine, take theirs, or keep
//! both (theirs becomes a copy with fresh ids, named "… (version de <organisation>)").
//!
//! An item changed on both sides is merged field by field (`FieldMerge`) when the fingerprints
//! of its fields were shared: a field only the partner changed is taken, one only changed here
//! is kept, and only a field both changed is a conflict, with its own choice (« Garder la
//! mienne » / « Prendre celle du fichier »): a fiche whose « Constats » the partner rewrote
//! while « Moyens humains » was edited on both sides asks about « Moyens humains » alone, and is
//! never doubled. Items shared before field fingerprints existed conflict whole, as before.
//!
//! A year's review or an indicator's yearly value is an item of its own (`follow_up`): it
//! conflicts with the partner's entry of the same year, never with the rest of its fiche. An
//! entry whose fiche, action or indicator is not here arrives with that one, or not at all.
//!
//! An avenant is an item too, also known by its number: an avenant of the file that is not here
//! but whose number one here already has (both partners wrote « avenant n°2 ») is a conflict,
//! never a second avenant n°2. Keeping both gives the file's the next free number, and says so.
//!
//! A workshop's board is apart from the workshop too: each note, group and vote is an item of
//! its own (`versions::board`), so that two laptops' boards of one workshop add up, and only a
//! note (or group, or vote) changed on both sides is asked about. A board item whose workshop
//! is not here arrives with it, like a year's entry with its fiche.
//!
//! A merge never removes anything: an item missing from the file stays (the file may hold only
//! some sheets), and an item deleted here comes back only if the user says so. The one
//! exception is asked for: « Prendre l’avenant du fichier » puts the file's avenant n°2 in place
//! of the one here.

mod apply;
mod plan;
mod workspace;

#[cfg(test)]
mod amendment_tests;
#[cfg(test)]
mod follow_up_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod workshop_tests;

pub use apply::MergeRequest;
pub use plan::plan_merge;
pub use workspace::{add_received_contract, plan_import, record_export};

/// The tests' shorthand for `MergeRequest::apply`, its parts in the request's order.
#[cfg(test)]
pub(crate) fn apply_merge(
    mine: &crate::model::Contract,
    theirs: &crate::model::Contract,
    plan: &MergePlan,
    decisions: &HashMap<Id, Choice>,
    origin: &str,
    fresh: impl FnMut() -> Id,
    now: crate::model::Timestamp,
) -> (crate::model::Contract, MergeSummary) {
    MergeRequest { theirs, plan, decisions, origin, fresh, now }.apply(mine)
}

/// The tests' shorthand for `MergeRequest::into_workspace`, fresh ids drawn at random.
#[cfg(test)]
pub(crate) fn merge_into_workspace(
    workspace: &mut crate::model::Workspace,
    theirs: &crate::model::Contract,
    plan: &MergePlan,
    decisions: &HashMap<Id, Choice>,
    origin: &str,
    now: crate::model::Timestamp,
) -> MergeSummary {
    let request = MergeRequest { theirs, plan, decisions, origin, fresh: Id::random, now };
    request.into_workspace(workspace).expect("the contract is in the workspace")
}

/// A workspace holding `mine`, after an export of `shared`: where an import of the partner's
/// file starts in the merge's tests.
#[cfg(test)]
pub(crate) fn workspace_after_export(
    mine: crate::model::Contract,
    shared: &crate::model::Contract,
) -> crate::model::Workspace {
    let mut workspace = crate::model::Workspace::default();
    workspace.add_contract(mine);
    record_export(&mut workspace, shared);
    workspace
}

/// The common history the merge's tests start from: what an export of `contract` records.
#[cfg(test)]
pub(crate) fn shared_after_export(
    contract: &crate::model::Contract,
) -> crate::model::SharedVersions {
    let mut workspace = crate::model::Workspace::default();
    record_export(&mut workspace, contract);
    workspace.shared_versions.remove(&contract.id).unwrap()
}

use crate::model::shared_versions::Fnv;
use crate::model::Id;
use crate::versions::diff::FieldChange;
use crate::versions::item::ItemKind;
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

impl Choice {
    /// What a year's entry does when the sheet or indicator it comes with gets this choice: it
    /// arrives with the file's version, and nothing else can bring it (a copy takes its own).
    fn for_entry(self) -> Choice {
        if self == Choice::TakeTheirs {
            Choice::TakeTheirs
        } else {
            Choice::KeepMine
        }
    }
}

/// How a year's review or value whose fiche, action or indicator is not here could arrive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carrier {
    /// With this item of the file (its fiche, or the contract's indicator), when that one is
    /// taken: it follows the choice made for it, unless chosen otherwise.
    Item(Id),
    /// Its fiche, action or indicator was deleted here and the file does not propose it again:
    /// it cannot come back on its own.
    Gone,
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
    /// For a year's entry whose owner is not here: how it could arrive.
    pub carried: Option<Carrier>,
    /// For an avenant that could be kept beside the one here: how numbers then go.
    pub renumbering: Option<Renumbering>,
    /// For an item changed on both sides whose fields' shared versions are known: each field
    /// that differs, with who changed it. Empty when the item is taken, kept or doubled whole.
    pub fields: Vec<FieldMerge>,
}

/// Who changed a field since the last common version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangedBy {
    /// Changed here only (or the file has an older value): ours stays.
    Here,
    /// Changed in the file only: theirs is taken with the item.
    There,
    /// Changed on both sides: the user chooses.
    Both,
}

impl ChangedBy {
    pub fn label(self) -> &'static str {
        match self {
            Self::Here => "Modifié ici",
            Self::There => "Modifié dans le fichier",
            Self::Both => "Modifié des deux côtés",
        }
    }
}

/// One field of an item merged field by field: a top-level field of its JSON (a fiche's
/// « Constats locaux », its « Moyens humains », its actions as a whole).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldMerge {
    /// Its JSON key (`human_means`).
    pub key: String,
    /// What its choice is recorded under, beside the items' ones (`field_id`).
    pub id: Id,
    /// Its French label (« Moyens humains »).
    pub label: String,
    pub changed_by: ChangedBy,
    /// What differs inside it, line by line, here and in the file.
    pub changes: Vec<FieldChange>,
}

/// The id a field's choice is recorded under: derived from the item's id and the field's key,
/// so that the choices of items and of fields share one map and never meet.
pub fn field_id(item: Id, key: &str) -> Id {
    let mut hash = Fnv::new();
    hash.write(b"champ:");
    hash.write(key.as_bytes());
    let low = hash.0;
    hash.write(&item.as_u128().to_le_bytes());
    let bits = (u128::from(hash.0) << 64) | u128::from(low);
    Id::from_u128(item.as_u128().rotate_left(17) ^ bits)
}

/// What keeping an avenant of the file beside one here does to its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Renumbering {
    /// The number both have (the file's avenant and the one here it conflicts with).
    pub number: u32,
    /// Another avenant here with the same number and another id, which « Prendre l’avenant du
    /// fichier » replaces; `None` when the conflict is between two versions of one avenant.
    pub replaces: Option<Id>,
    /// The number the file's avenant takes when both are kept: the next free one.
    pub kept_both_as: u32,
}

impl Proposal {
    /// Whether this item is merged field by field.
    pub fn by_field(&self) -> bool {
        !self.fields.is_empty()
    }

    /// The choices that make sense for this item, the most common first. None for an item
    /// merged field by field with fields changed on both sides: each such field has its own
    /// choice (`FieldMerge::CHOICES`), and the rest of the item is merged without asking.
    pub fn choices(&self) -> &'static [Choice] {
        let single = matches!(self.kind, ItemKind::Identity | ItemKind::WorkshopVote)
            || self.kind.is_follow_up();
        match (self.status, self.carried) {
            (Status::Conflict, _) if self.by_field() => &[],
            (_, Some(Carrier::Gone)) => &[Choice::KeepMine],
            (Status::New, _) => &[Choice::TakeTheirs, Choice::KeepMine],
            (Status::DeletedHere, _) => &[Choice::KeepMine, Choice::TakeTheirs],
            // A year's review or value, the contract's identity, or one participant's dots for
            // one group, exists once: never doubled.
            _ if single => &[Choice::KeepMine, Choice::TakeTheirs],
            _ => &[Choice::KeepMine, Choice::TakeTheirs, Choice::KeepBoth],
        }
    }

    /// How the preview heads this item: « Fiche action « Nutrition » — Nouveau »; an avenant
    /// is named by its number (« Avenant n°2 — Prolongation — Modifié par le partenaire »), and
    /// two avenants with one number say so.
    pub fn title(&self) -> String {
        match (self.kind, self.renumbering) {
            (_, Some(Renumbering { number, replaces: Some(_), .. })) => format!(
                "Avenant n°{number} — Conflit : ce contrat et le fichier ont chacun un avenant n°{number}"
            ),
            (ItemKind::Amendment, _) => format!("{} — {}", self.label, self.status.label()),
            _ => format!("{} « {} » — {}", self.kind.label(), self.label, self.status.label()),
        }
    }

    /// The words of a choice for this item.
    pub fn choice_label(&self, choice: Choice) -> String {
        if let Some(Renumbering { number, replaces, kept_both_as }) = self.renumbering {
            let other = if replaces.is_some() { "celui du fichier" } else { "la copie du fichier" };
            match (replaces, choice) {
                (Some(_), Choice::KeepMine) => return format!("Garder mon avenant n°{number}"),
                (Some(_), Choice::TakeTheirs) => {
                    return format!("Prendre l’avenant n°{number} du fichier à la place du mien")
                }
                (_, Choice::KeepBoth) => {
                    return format!("Garder les deux : {other} devient l’avenant n°{kept_both_as}")
                }
                _ => {}
            }
        }
        let words = match (self.status, choice) {
            (Status::New, Choice::TakeTheirs) => "Ajouter",
            (Status::New, _) => "Ne pas ajouter",
            (Status::DeletedHere, Choice::TakeTheirs) => "Rétablir la version du fichier",
            (Status::DeletedHere, _) => "Laisser supprimé",
            (_, Choice::KeepMine) => "Garder ma version",
            (_, Choice::TakeTheirs) => "Prendre la version du fichier",
            (_, Choice::KeepBoth) => "Garder les deux",
        };
        words.to_string()
    }
}

impl FieldMerge {
    /// The choices of a field changed on both sides.
    pub const CHOICES: [Choice; 2] = [Choice::KeepMine, Choice::TakeTheirs];

    pub fn choice_label(choice: Choice) -> &'static str {
        match choice {
            Choice::TakeTheirs => "Prendre celle du fichier",
            _ => "Garder la mienne",
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

    /// The proposals still waiting for a choice, of the item or of one of its fields. An entry
    /// that arrives with its fiche is not one of them: it waits for the fiche's.
    pub fn undecided<'a>(
        &'a self,
        decisions: &'a HashMap<Id, Choice>,
    ) -> impl Iterator<Item = &'a Proposal> {
        self.proposals.iter().filter(|p| {
            !matches!(p.carried, Some(Carrier::Item(_)))
                && (self.choice_of(p, decisions).is_none()
                    || p.fields.iter().any(|f| self.field_choice(f, decisions).is_none()))
        })
    }

    /// The ids of every choice still to make (an item's, or a field's), in the preview's order.
    pub fn pending(&self, decisions: &HashMap<Id, Choice>) -> Vec<Id> {
        let mut ids = Vec::new();
        for proposal in self.undecided(decisions) {
            if self.choice_of(proposal, decisions).is_none() {
                ids.push(proposal.id);
            }
            let fields = proposal.fields.iter();
            ids.extend(fields.filter(|f| self.field_choice(f, decisions).is_none()).map(|f| f.id));
        }
        ids
    }

    /// What applies to one field of an item merged field by field: a field changed on one side
    /// keeps that side's value, one changed on both the user's choice (`None` until made).
    pub fn field_choice(
        &self,
        field: &FieldMerge,
        decisions: &HashMap<Id, Choice>,
    ) -> Option<Choice> {
        match field.changed_by {
            ChangedBy::Here => Some(Choice::KeepMine),
            ChangedBy::There => Some(Choice::TakeTheirs),
            ChangedBy::Both => {
                decisions.get(&field.id).copied().filter(|c| FieldMerge::CHOICES.contains(c))
            }
        }
    }

    /// For an item merged field by field whose file version is taken, the keys of the fields
    /// that come from the file; `None` for an item taken whole.
    pub fn fields_taken(
        &self,
        proposal: &Proposal,
        decisions: &HashMap<Id, Choice>,
    ) -> Option<Vec<String>> {
        if !proposal.by_field() {
            return None;
        }
        let taken = proposal.fields.iter().filter(|f| {
            self.field_choice(f, decisions).unwrap_or(Choice::KeepMine) == Choice::TakeTheirs
        });
        Some(taken.map(|f| f.key.clone()).collect())
    }

    /// The choice that applies to a proposal: the user's, else for an entry that arrives with
    /// its fiche or indicator the choice made for that one, else the suggestion; `None` while
    /// the user has to choose.
    pub fn choice_of(
        &self,
        proposal: &Proposal,
        decisions: &HashMap<Id, Choice>,
    ) -> Option<Choice> {
        let own = decisions.get(&proposal.id).copied().filter(|c| proposal.choices().contains(c));
        own.or_else(|| match proposal.carried {
            Some(Carrier::Item(carrier)) => {
                let carrier =
                    self.proposals.iter().find(|p| p.id == carrier && !p.kind.is_follow_up())?;
                self.choice_of(carrier, decisions).map(Choice::for_entry)
            }
            _ => proposal.suggested,
        })
    }
}

/// What applying a plan did, for the message after the import.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub added: usize,
    pub replaced: usize,
    /// Items that took some of their fields from the file and kept others.
    pub merged: usize,
    pub doubled: usize,
    pub kept: usize,
    /// Avenants of the file given another number, so that no two share one.
    pub renumbered: usize,
}

impl MergeSummary {
    pub fn changed_anything(self) -> bool {
        self.added + self.replaced + self.merged + self.doubled > 0
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
        if self.merged > 0 {
            parts.push(plural(
                self.merged,
                "élément fusionné champ par champ",
                "éléments fusionnés champ par champ",
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
        if self.renumbered > 0 {
            parts.push(plural(self.renumbered, "avenant renuméroté", "avenants renumérotés"));
        }
        if parts.is_empty() {
            "aucun changement".into()
        } else {
            parts.join(", ")
        }
    }
}
