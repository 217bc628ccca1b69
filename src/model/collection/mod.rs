//! The yearly collection (« Collecte »): before the COPIL, the coordinator asks every lead of a
//! fiche or an action how the year went, what the indicators gave and what was spent.
//!
//! Here, the pure domain, with no file format: the record kept in the contract (`record`), who
//! is asked (`recipients`), and which rows each recipient is asked for, each with a reference
//! that finds it again (`rows`, `reference`). Writing the spreadsheets and reading the answers
//! back are files' business (`exchange::collection`).
//!
//! Choices worth knowing:
//! - the rows of a year are those of « Suivi » for that year (every fiche's own bilan and every
//!   action), so that what is asked is what the coordinator would otherwise type;
//! - a fiche's lead and co-leads get the same rows: the fiche, its actions without a lead of
//!   their own, its indicators and its funding lines of the year; an action with its own lead
//!   goes to that lead only;
//! - recipients are organisations of the directory: a lead named only by a person, or none,
//!   leaves its rows without a recipient, and `unassigned_rows` lists them so that the screen can
//!   say so rather than forget them;
//! - the contract's own indicators are the coordinator's: nobody is asked for them.

#[cfg(test)]
pub(crate) mod fixture;
mod recipients;
mod record;
mod reference;
mod rows;

pub use recipients::{
    add_recipient, answer_by_words, awaiting_answer, lead_organisations, recipients,
    record_received, record_sent, remove_recipient, set_answer_by, RecipientLine,
};
pub use record::{Collection, Recipient, RecipientChoice};
pub use reference::{Reference, Target};
pub use rows::{rows_for, unassigned_rows, AskedFunding, AskedIndicator, AskedReview, LeadRows};
