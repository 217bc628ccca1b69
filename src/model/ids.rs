//! Stable identities and modification times.
//!
//! Copies of one contract are edited in different browsers and merged later: every shareable
//! entity therefore carries a random UUID that never changes, and the time it was last modified
//! so that a merge can tell which side changed what.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

/// Milliseconds since the Unix epoch (UTC). The domain never reads a clock: callers pass `now`.
pub type Timestamp = i64;

/// A stable, globally unique identifier (a random UUID v4, written as text in JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Id(Uuid);

impl Id {
    /// A fresh random identifier.
    pub fn random() -> Self {
        Id(Uuid::new_v4())
    }

    /// An identifier derived from a number: reproducible ids for tests and generated data.
    pub fn from_u128(n: u128) -> Self {
        Id(Uuid::from_u128(n))
    }

    /// The identifier as a number: what `from_u128` takes, for ids derived from another one.
    pub fn as_u128(self) -> u128 {
        self.0.as_u128()
    }

    /// Parses the text form (as found in a URL or a file).
    pub fn parse(text: &str) -> Option<Self> {
        Uuid::parse_str(text).ok().map(Id)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_form_round_trips() {
        let id = Id::random();
        assert_eq!(Id::parse(&id.to_string()), Some(id));
        assert_eq!(Id::parse("pas-un-uuid"), None);
    }

    #[test]
    fn random_ids_differ() {
        assert_ne!(Id::random(), Id::random());
    }
}
