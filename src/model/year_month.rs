//! A month of a year: the grain of an action's calendar ("de mars 2025 à juin 2026").

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar month. Ordered chronologically, so `start <= end` compares dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YearMonth {
    pub year: i32,
    /// 1 (janvier) to 12 (décembre). A file with any other month is refused as it is read (the
    /// planning would draw it in another year and label it with a third); stored data that an
    /// older version let in has such a date emptied, and says so (`storage::codec`).
    #[serde(deserialize_with = "month_of_year")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 12)))]
    pub month: u8,
}

/// The prefix of the messages of values the model refuses as it reads them; the import's
/// French wording passes them on as they are.
pub const REFUSED_VALUE: &str = "Valeur refusée : ";

fn month_of_year<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u8, D::Error> {
    let month = u8::deserialize(deserializer)?;
    if (1..=12).contains(&month) {
        Ok(month)
    } else {
        Err(serde::de::Error::custom(format!(
            "{REFUSED_VALUE}le mois {month} n’existe pas (de 1, janvier, à 12, décembre)."
        )))
    }
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

impl YearMonth {
    pub fn new(year: i32, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(YearMonth { year, month })
    }

    /// Months elapsed since year 0: makes spans and positions simple arithmetic.
    pub fn index(self) -> i32 {
        self.year * 12 + i32::from(self.month) - 1
    }

    /// The French name of the month ("mars").
    pub fn month_name(self) -> &'static str {
        MONTHS_FR[usize::from(self.month.clamp(1, 12) - 1)]
    }

    /// Parses the value of an `<input type="month">` ("2025-03").
    pub fn parse_iso(text: &str) -> Option<Self> {
        let (year, month) = text.trim().split_once('-')?;
        YearMonth::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// The value for an `<input type="month">`.
    pub fn to_iso(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.month_name(), self.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rejects_impossible_months() {
        assert!(YearMonth::new(2025, 0).is_none());
        assert!(YearMonth::new(2025, 13).is_none());
        assert_eq!(YearMonth::parse_iso("2025-3"), YearMonth::new(2025, 3));
        assert_eq!(YearMonth::parse_iso("mars"), None);
    }

    #[test]
    fn reading_refuses_impossible_months() {
        let read = |text: &str| serde_json::from_str::<YearMonth>(text);
        assert_eq!(read(r#"{"year": 2025, "month": 12}"#).ok(), YearMonth::new(2025, 12));
        for month in [0, 13, 255] {
            let error = read(&format!(r#"{{"year": 2025, "month": {month}}}"#)).unwrap_err();
            assert!(
                error.to_string().contains(&format!("le mois {month} n’existe pas")),
                "{error}"
            );
        }
    }

    #[test]
    fn displays_in_french() {
        assert_eq!(YearMonth::new(2026, 8).unwrap().to_string(), "août 2026");
    }

    proptest! {
        #[test]
        fn iso_form_round_trips(year in 1900i32..2200, month in 1u8..=12) {
            let ym = YearMonth::new(year, month).unwrap();
            prop_assert_eq!(YearMonth::parse_iso(&ym.to_iso()), Some(ym));
        }

        #[test]
        fn order_follows_index(a in (2000i32..2100, 1u8..=12), b in (2000i32..2100, 1u8..=12)) {
            let a = YearMonth::new(a.0, a.1).unwrap();
            let b = YearMonth::new(b.0, b.1).unwrap();
            prop_assert_eq!(a.cmp(&b), a.index().cmp(&b.index()));
        }
    }
}
