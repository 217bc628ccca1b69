//! Names of the files the app writes (JSON exchange, CSV tables, iCalendar, ODT documents): the
//! part that says which contract a file holds, safe on every file system, and the whole name of
//! each ODT document.

use crate::model::iso_date::parse_iso_date;
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

/// The name of the spreadsheet made for one lead in the collection of `year`:
/// `cls-<territoire>-suivi-2025-<pilote>.xlsx` (or `.ods`, `.csv`), the lead's name as a slug so
/// that every lead's file of a folder (or a `.zip`) is told apart; the parts nobody filled in
/// are left out rather than leave a double dash.
pub fn collection_file_name(contract: &Contract, year: i32, lead: &str, extension: &str) -> String {
    let parts = [contract_slug(contract), format!("suivi-{year}"), slug(lead)];
    let named: Vec<&str> = parts.iter().map(String::as_str).filter(|p| !p.is_empty()).collect();
    format!("cls-{}.{extension}", named.join("-"))
}

/// Which document an ODT file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentFile<'a> {
    /// The annual report of a year.
    AnnualReport(i32),
    /// The evaluation (« Bilan du contrat »).
    Evaluation,
    /// The contract with its fiches annexed.
    Contract,
    /// The working version of a signed contract, which nobody adopted: a file name of its own,
    /// so that it is never taken for the signed one in a folder.
    ContractWorkingVersion,
    /// One fiche, by its number as `model::numbering` gives it (« 3 »).
    Fiche(&'a str),
    /// Avenant n°`number`, with its ISO date when it has one.
    Amendment { number: u32, date: Option<&'a str> },
}

/// The name of a document's ODT file, like the other exports: `cls-<territoire>-rapport-2025.odt`,
/// `cls-<territoire>-bilan.odt`, `cls-<territoire>-contrat.odt`, `cls-<territoire>-fiche-3.odt`,
/// `cls-<territoire>-avenant-1-2026-04-02.odt` (the avenant's date, when it is a valid one, so
/// that the signed file and a later draft are told apart in a folder).
/// A contract with neither territory nor name leaves its part out (`cls-bilan.odt`) rather
/// than write a double dash.
pub fn document_file_name(contract: &Contract, file: DocumentFile) -> String {
    let what = match file {
        DocumentFile::AnnualReport(year) => format!("rapport-{year}"),
        DocumentFile::Evaluation => "bilan".to_string(),
        DocumentFile::Contract => "contrat".to_string(),
        DocumentFile::ContractWorkingVersion => "contrat-version-de-travail".to_string(),
        DocumentFile::Fiche(number) => match slug(number) {
            number if number.is_empty() => "fiche".to_string(),
            number => format!("fiche-{number}"),
        },
        DocumentFile::Amendment { number, date } => {
            match date.map(str::trim).filter(|d| parse_iso_date(d).is_some()) {
                Some(date) => format!("avenant-{number}-{date}"),
                None => format!("avenant-{number}"),
            }
        }
    };
    match contract_slug(contract) {
        territory if territory.is_empty() => format!("cls-{what}.odt"),
        territory => format!("cls-{territory}-{what}.odt"),
    }
}

/// The name of a file about one workshop: `cls-<territoire>-atelier-<titre>-<date>-<what>.<ext>`
/// (`what`: `compte-rendu`, `emargement`, `idees`), the date when it is a valid one, so that two
/// workshops on one theme are told apart; parts nobody filled in are left out.
pub fn workshop_file_name(
    contract: &Contract,
    workshop: &crate::model::Workshop,
    what: &str,
    extension: &str,
) -> String {
    let date = workshop.date.as_deref().map(str::trim).filter(|d| parse_iso_date(d).is_some());
    let parts = [contract_slug(contract), "atelier".into(), slug(&workshop.title)];
    let parts = parts.into_iter().chain(date.map(str::to_string)).chain([what.to_string()]);
    let name: Vec<String> = parts.filter(|p| !p.is_empty()).collect();
    format!("cls-{}.{extension}", name.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;
    use proptest::prelude::*;

    #[test]
    fn a_workshop_s_file_says_the_territory_the_theme_the_date_and_what_it_holds() {
        let mut contract = Contract::blank(Id::from_u128(1), "CLS", 0);
        contract.territory.name = "Riom Limagne".into();
        let mut workshop = crate::model::Workshop::new(Id::from_u128(2), "Sport santé", 0);
        workshop.date = Some("2024-03-12".into());
        assert_eq!(
            workshop_file_name(&contract, &workshop, "compte-rendu", "odt"),
            "cls-riom-limagne-atelier-sport-sante-2024-03-12-compte-rendu.odt"
        );
        workshop.title.clear();
        workshop.date = Some("12/03".into());
        assert_eq!(
            workshop_file_name(&contract, &workshop, "idees", "csv"),
            "cls-riom-limagne-atelier-idees.csv"
        );
    }

    #[test]
    fn a_collection_file_says_the_territory_the_year_and_the_lead() {
        let mut contract = Contract::blank(Id::from_u128(1), "CLS", 0);
        contract.territory.name = "Bassin d’Aurillac".into();
        let name = collection_file_name(&contract, 2025, "CPAM du Cantal", "xlsx");
        assert_eq!(name, "cls-bassin-d-aurillac-suivi-2025-cpam-du-cantal.xlsx");
        assert_eq!(
            collection_file_name(&contract, 2025, "  ", "ods"),
            "cls-bassin-d-aurillac-suivi-2025.ods"
        );
    }

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

    #[test]
    fn documents_are_named_like_the_other_exports() {
        let mut contract = Contract::blank(Id::from_u128(1), "CLS de Vic", 0);
        contract.territory.name = "Bassin d’Aurillac".into();
        let name = |file| document_file_name(&contract, file);
        assert_eq!(
            name(DocumentFile::AnnualReport(2025)),
            "cls-bassin-d-aurillac-rapport-2025.odt"
        );
        assert_eq!(name(DocumentFile::Evaluation), "cls-bassin-d-aurillac-bilan.odt");
        assert_eq!(name(DocumentFile::Contract), "cls-bassin-d-aurillac-contrat.odt");
        assert_eq!(
            name(DocumentFile::ContractWorkingVersion),
            "cls-bassin-d-aurillac-contrat-version-de-travail.odt"
        );
        assert_eq!(name(DocumentFile::Fiche("3")), "cls-bassin-d-aurillac-fiche-3.odt");
        assert_eq!(name(DocumentFile::Fiche("")), "cls-bassin-d-aurillac-fiche.odt");
        let avenant = |number, date| DocumentFile::Amendment { number, date };
        assert_eq!(
            name(avenant(1, Some("2026-04-02"))),
            "cls-bassin-d-aurillac-avenant-1-2026-04-02.odt"
        );
        assert_eq!(name(avenant(2, None)), "cls-bassin-d-aurillac-avenant-2.odt");
        // A date that is not one never reaches the file system.
        assert_eq!(name(avenant(3, Some("../x"))), "cls-bassin-d-aurillac-avenant-3.odt");
        let nameless = Contract::blank(Id::from_u128(2), " ", 0);
        assert_eq!(document_file_name(&nameless, DocumentFile::Evaluation), "cls-bilan.odt");
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
