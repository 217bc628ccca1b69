//! Closed lists: enums whose every value has a stable key (its JSON name, also the value of a
//! `<option>` or of an address parameter) and a French label. `closed_list!` declares one, so
//! that the key written in files and the key a select uses can never drift apart.

/// Declares a closed list with a stable JSON key and a French label for each value, and gives
/// it `ALL` (in display order), `key`, `from_key` and `label`.
macro_rules! closed_list {
    (
        $(#[$meta:meta])*
        $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident => ($key:literal, $label:literal)),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        pub enum $name {
            $($(#[$variant_meta])* #[serde(rename = $key)] $variant),+
        }

        impl $name {
            /// Every value, in the order a select or a checklist shows them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The value's name in JSON files, also used as the key of a select's `<option>`.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }
        }
    };
}

pub(crate) use closed_list;

#[cfg(test)]
mod tests {
    use crate::model::reference::{Determinant, HealthField, PlanLink};
    use crate::model::{Frequency, FundingKind, IndicatorKind, Participation, Priority, SheetKind};

    /// Every value's key reads back as that value, and is exactly its JSON text.
    fn keys_round_trip<T>(all: &[T], key: fn(T) -> &'static str, from_key: fn(&str) -> Option<T>)
    where
        T: Copy + PartialEq + std::fmt::Debug + serde::Serialize,
    {
        for value in all {
            let json = serde_json::to_string(value).unwrap();
            assert_eq!(json, format!("\"{}\"", key(*value)), "{value:?}");
            assert_eq!(from_key(key(*value)), Some(*value));
        }
        assert_eq!(from_key("inconnu"), None);
    }

    #[test]
    fn every_closed_list_has_keys_that_round_trip_and_equal_its_json() {
        keys_round_trip(HealthField::ALL, HealthField::key, HealthField::from_key);
        keys_round_trip(Determinant::ALL, Determinant::key, Determinant::from_key);
        keys_round_trip(PlanLink::ALL, PlanLink::key, PlanLink::from_key);
        keys_round_trip(SheetKind::ALL, SheetKind::key, SheetKind::from_key);
        keys_round_trip(Priority::ALL, Priority::key, Priority::from_key);
        keys_round_trip(Participation::ALL, Participation::key, Participation::from_key);
        keys_round_trip(IndicatorKind::ALL, IndicatorKind::key, IndicatorKind::from_key);
        keys_round_trip(Frequency::ALL, Frequency::key, Frequency::from_key);
        keys_round_trip(FundingKind::ALL, FundingKind::key, FundingKind::from_key);
    }

    #[test]
    fn keys_are_the_json_names_files_already_hold() {
        assert_eq!(Participation::CoConstruction.key(), "co_construction");
        assert_eq!(Frequency::EndOfContract.key(), "end_of_contract");
        assert_eq!(FundingKind::from_key("investment"), Some(FundingKind::Investment));
        assert_eq!(Frequency::ALL.len(), 5, "four frequencies and « Non renseigné »");
    }
}
