//! Names of the files the app writes (JSON exchange, CSV tables, iCalendar): the part that says
//! which contract a file holds, safe on every file system.

use crate::model::text::fold;
use crate::model::Contract;

/// The longest slug, so that a file name stays readable in a download bar.
const MAX_SLUG: usize = 40;

/// A file-name-safe slug of a territory name: "Bassin d’Aurillac" -> "bassin-d-aurillac".
/// Only `a-z`, `0-9` and single dashes between words, at most 40 characters, cut between
/// characters and never ending on a dash.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let cut: String = slug.chars().take(MAX_SLUG).collect();
    cut.trim_end_matches('-').to_string()
}

/// The part of an exported file's name that says which contract it is: the territory, or the
/// contract's name when the territory is not filled in.
pub fn contract_slug(contract: &Contract) -> String {
    let name = contract.territory.name.trim();
    slug(if name.is_empty() { &contract.name } else { name })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;
    use proptest::prelude::*;

    #[test]
    fn a_territory_becomes_a_slug() {
        assert_eq!(slug("Bassin d’Aurillac"), "bassin-d-aurillac");
        assert_eq!(slug("  Cœur de Savoie — Sud  "), "coeur-de-savoie-sud");
        assert_eq!(slug("«»"), "");
    }

    #[test]
    fn the_cut_at_forty_characters_never_leaves_a_dash() {
        // The 40th character of the whole slug is the dash before "jkl".
        let name = "abcdefghij abcdefghij abcdefghij abcdef jkl";
        assert_eq!(slug(name), "abcdefghij-abcdefghij-abcdefghij-abcdef");
        let name = "Communauté de communes du pays des communes rurales";
        assert_eq!(slug(name), "communaute-de-communes-du-pays-des-commu");
    }

    #[test]
    fn the_contract_is_named_by_its_territory_else_its_name() {
        let mut contract = Contract::blank(Id::from_u128(1), "CLS de Vic", 0);
        assert_eq!(contract_slug(&contract), "cls-de-vic");
        contract.territory.name = "Pays de Salers".into();
        assert_eq!(contract_slug(&contract), "pays-de-salers");
    }

    proptest! {
        #[test]
        fn a_slug_is_always_safe(text in "\\PC{0,80}") {
            let slug = slug(&text);
            prop_assert!(slug.chars().count() <= MAX_SLUG);
            prop_assert!(slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{}", slug);
            prop_assert!(!slug.starts_with('-') && !slug.ends_with('-'), "{}", slug);
            prop_assert!(!slug.contains("--"), "{}", slug);
        }

        #[test]
        fn words_and_dashes_keep_their_slug(text in "[a-zA-Z0-9 ,.'’éèàç-]{0,80}") {
            let slug = slug(&text);
            prop_assert!(slug.chars().count() <= MAX_SLUG);
            prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"), "{}", slug);
            prop_assert_eq!(super::slug(&slug), slug.clone());
        }
    }
}
