//! The yearly follow-up (bilan) of a sheet or an action: réalisé, partiellement réalisé or non
//! réalisé, with the reason and what comes next.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    Done,
    PartlyDone,
    NotDone,
}

impl ReviewStatus {
    pub const ALL: [ReviewStatus; 3] = [Self::Done, Self::PartlyDone, Self::NotDone];

    pub fn label(self) -> &'static str {
        match self {
            Self::Done => "Réalisé",
            Self::PartlyDone => "Partiellement réalisé",
            Self::NotDone => "Non réalisé",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::PartlyDone => "partly_done",
            Self::NotDone => "not_done",
        }
    }
}

/// The review of one year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YearReview {
    pub year: i32,
    pub status: ReviewStatus,
    pub comment: String,
    /// "Si non réalisé, pourquoi ?"
    pub reason: String,
    /// "Suite prévue".
    pub next_steps: String,
}

/// The review of the most recent year, if any.
pub fn latest_review(reviews: &[YearReview]) -> Option<&YearReview> {
    reviews.iter().max_by_key(|r| r.year)
}

/// The status of the most recent review, if any.
pub fn latest_status(reviews: &[YearReview]) -> Option<ReviewStatus> {
    latest_review(reviews).map(|r| r.status)
}
