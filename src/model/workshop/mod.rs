//! Workshops (« Ateliers »): a facilitator at a projector, partners speaking, ideas on sticky
//! notes grouped and voted, the best groups becoming objectives and fiches (seed 001, §2.3).
//!
//! Here, the pure domain, with no screen: the workshop and who came (`record`, `participant`,
//! `stakeholder`), its board (`note`, `group`, `vote`, `ranking`), and how a group becomes part
//! of the contract with its provenance kept both ways (`into_contract`, `became`). Documents
//! (compte rendu, attendance sheet) and the notes' CSV read these types; the exchange merges
//! workshops, notes, groups and votes as items of their own.
//!
//! Choices worth knowing:
//! - every operation takes the ids it creates and `now`, and says whether it changed anything,
//!   so that a screen can dispatch it on each key press and undo it by keeping the old value;
//! - votes are records (who, for what, how many dots), the totals derived: two laptops' votes
//!   then add up in a merge instead of one count overwriting the other;
//! - a group's votes are the dots given to it and to its notes;
//! - turning a group into the contract deletes nothing of the board.

mod became;
#[cfg(test)]
pub(crate) mod fixture;
mod generate;
mod group;
mod into_contract;
mod note;
mod participant;
#[cfg(test)]
pub(crate) mod properties;
mod ranking;
mod record;
mod stakeholder;
mod vote;

pub use became::{Became, WorkshopOrigin};
pub use generate::generated_workshop;
pub use group::Group;
pub use into_contract::{turn_into_contract, IntoContract, IntoContractRefused};
pub use note::{Note, Speaker};
pub use participant::Participant;
pub use ranking::RankedGroup;
pub use record::Workshop;
pub use stakeholder::StakeholderKind;
pub use vote::{vote_id, Vote, VoteRefused, VoteTarget};
