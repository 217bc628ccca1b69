//! What the versions of a contract are compared in: an item (the contract's identity, an
//! organisation, a fiche, a year's review...), its kind, and for a year's follow-up entry the key
//! it is known by. `items` reads a contract's items, `follow_up` its yearly entries; both, the
//! diff and the merge speak of these.

use crate::model::{Fingerprint, Id};
use serde_json::Value;

/// What kind of item; also where its list sits in the contract's JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    Identity,
    Organisation,
    /// A governance body (COPIL, commission santé, CLSM...) with its duties and frequency.
    GovernanceBody,
    Member,
    Meeting,
    Finding,
    Axis,
    Sheet,
    /// One of the contract's own evaluation indicators, without its yearly values.
    ContractIndicator,
    /// The review (bilan) of one year of a fiche or of an action.
    Review,
    /// The target and result of one year of an indicator (of a fiche or of the contract).
    YearValue,
    /// An avenant, with the copy of the contract it froze. Known by its id like any item, and
    /// also by its number: two avenants n°2 never sit side by side (`merge::plan`).
    Amendment,
    /// A workshop (« Atelier »), without its board.
    Workshop,
    /// A note of a workshop's board: an item of its own, known by its workshop.
    WorkshopNote,
    /// A group of a workshop's board, with what it became.
    WorkshopGroup,
    /// Dots given on a workshop's board: one participant's for one group or note, or a show of
    /// hands.
    WorkshopVote,
}

impl ItemKind {
    /// The lists, in the order a preview shows them (the identity comes first, on its own, and
    /// the follow-up last).
    pub const LISTS: [ItemKind; 10] = [
        Self::Organisation,
        Self::GovernanceBody,
        Self::Member,
        Self::Meeting,
        Self::Finding,
        Self::Axis,
        Self::Sheet,
        Self::ContractIndicator,
        Self::Amendment,
        Self::Workshop,
    ];

    /// A year's entry of a fiche, an action or an indicator: an item that lives inside another
    /// one, known by its owner and year ([`FollowUpKey`]).
    pub fn is_follow_up(self) -> bool {
        matches!(self, Self::Review | Self::YearValue)
    }

    /// A note, group or vote of a workshop's board: an item that lives inside its workshop
    /// (`versions::board`).
    pub fn is_board(self) -> bool {
        matches!(self, Self::WorkshopNote | Self::WorkshopGroup | Self::WorkshopVote)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Identity => "Identité du contrat",
            Self::Organisation => "Organisation",
            Self::GovernanceBody => "Instance",
            Self::Member => "Membre d’une instance",
            Self::Meeting => "Réunion",
            Self::Finding => "Constat du diagnostic",
            Self::Axis => "Axe",
            Self::Sheet => "Fiche action",
            Self::ContractIndicator => "Indicateur du contrat",
            Self::Review => "Suivi",
            Self::YearValue => "Cible et résultat",
            Self::Amendment => "Avenant",
            Self::Workshop => "Atelier",
            Self::WorkshopNote => "Idée d’atelier",
            Self::WorkshopGroup => "Groupe d’atelier",
            Self::WorkshopVote => "Votes d’atelier",
        }
    }

    /// The path of the list in the contract's JSON (none for the identity, the follow-up and
    /// the boards, which are not lists of the contract).
    pub fn path(self) -> &'static [&'static str] {
        match self {
            Self::Identity
            | Self::Review
            | Self::YearValue
            | Self::WorkshopNote
            | Self::WorkshopGroup
            | Self::WorkshopVote => &[],
            Self::Workshop => &["workshops"],
            Self::Organisation => &["organisations"],
            Self::GovernanceBody => &["governance", "bodies"],
            Self::Member => &["governance", "members"],
            Self::Meeting => &["governance", "meetings"],
            Self::Finding => &["diagnostic"],
            Self::Axis => &["axes"],
            Self::Sheet => &["sheets"],
            Self::ContractIndicator => &["indicators"],
            Self::Amendment => &["amendments"],
        }
    }

    /// The field that names an item of this kind: "(version de …)" is added to it when both
    /// versions are kept.
    pub fn name_field(self) -> &'static str {
        match self {
            Self::Identity
            | Self::Organisation
            | Self::GovernanceBody
            | Self::Member
            | Self::ContractIndicator
            | Self::WorkshopGroup => "name",
            Self::Workshop => "title",
            Self::WorkshopNote => "text",
            // A count: nothing to rename (a vote is never doubled).
            Self::WorkshopVote => "dots",
            Self::Meeting => "notes",
            Self::Finding | Self::Review | Self::YearValue => "text",
            Self::Axis | Self::Sheet => "title",
            Self::Amendment => "object",
        }
    }
}

/// One item of a contract, as JSON.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    pub id: Id,
    /// How a person recognises it: a sheet's title, an organisation's name...
    pub label: String,
    /// Without the follow-up it holds, for a fiche or contract indicator.
    pub value: Value,
    pub fingerprint: Fingerprint,
    /// For a year's review or value: whose and which year.
    pub follow_up: Option<FollowUpKey>,
}

/// Where a follow-up entry sits: what it belongs to (a fiche, an action or an indicator), its
/// year, and the item of the contract that holds that owner (the fiche, or the contract's
/// indicator itself), with which it arrives when it is new.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FollowUpKey {
    pub owner: Id,
    /// Always set for reviews; a hand-made file may leave an indicator value without a year.
    pub year: Option<i32>,
    pub container: Id,
}
