//! Writing French around the users' words: the article before an organisation's name
//! (« Pour l’ARS Auvergne-Rhône-Alpes », « Pour la Préfecture du Cantal »), the agreement of
//! « supprimé » with what was removed (« Action 4 : supprimée »), and the narrow no-break space
//! that French typography puts before ? ! ; : and inside « », so that a line never starts with
//! a question mark (« Pourquoi ? »).

use super::text::fold;
use std::borrow::Cow;

/// The grammatical gender and number of a noun, as far as agreement needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
    Plural,
}

/// First nouns of organisations' names, and nouns of what the screens remove, by gender
/// (folded: lowercase, no accents). Acronyms are read as their first noun: la CPAM (caisse),
/// le CCAS (centre).
const FEMININE: &[&str] = &[
    "academie",
    "action",
    "agence",
    "ars",
    "association",
    "assurance",
    "caf",
    "caisse",
    "carsat",
    "chambre",
    "clinique",
    "collectivite",
    "commune",
    "communaute",
    "confederation",
    "coordination",
    "cpam",
    "cpts",
    "ddets",
    "ddetspp",
    "delegation",
    "direction",
    "dreets",
    "ecole",
    "education",
    "equipe",
    "federation",
    "fiche",
    "fondation",
    "instance",
    "ligne",
    "ligue",
    "mairie",
    "maison",
    "mdph",
    "metropole",
    "mission",
    "msa",
    "municipalite",
    "mutualite",
    "mutuelle",
    "organisation",
    "plateforme",
    "pmi",
    "prefecture",
    "protection",
    "region",
    "reunion",
    "sous-prefecture",
    "structure",
    "union",
    "unite",
    "universite",
    "urssaf",
    "valeur",
    "ville",
];

const MASCULINE: &[&str] = &[
    "axe",
    "bailleur",
    "ccas",
    "centre",
    "ch",
    "chu",
    "cias",
    "clsm",
    "collectif",
    "comite",
    "conseil",
    "constat",
    "cmp",
    "cmpp",
    "dac",
    "departement",
    "dispositif",
    "ehpad",
    "epci",
    "etablissement",
    "gcs",
    "ght",
    "gip",
    "groupement",
    "hopital",
    "indicateur",
    "institut",
    "membre",
    "ministere",
    "objectif",
    "observatoire",
    "office",
    "ordre",
    "parc",
    "pays",
    "petr",
    "pole",
    "rectorat",
    "reseau",
    "scot",
    "sdis",
    "secretariat",
    "service",
    "syndicat",
];

const PLURAL: &[&str] = &[
    "acteurs",
    "associations",
    "benevoles",
    "communes",
    "elus",
    "etablissements",
    "habitants",
    "membres",
    "partenaires",
    "professionnels",
    "services",
    "structures",
    "usagers",
];

/// Words starting with a silent h, which take « l’ » like a vowel.
const SILENT_H: &[&str] = &["hopital", "habitat", "hotel", "hebergement"];

/// The first word of a text (up to a space or an apostrophe), folded; with the word itself.
fn first_word(text: &str) -> (&str, String) {
    let end = text.find([' ', '’', '\'', ',', '(']).unwrap_or(text.len());
    let word = &text[..end];
    (word, fold(word))
}

/// The gender of a noun (any case, accents or not); `None` when it is not one we know.
pub fn gender_of(word: &str) -> Option<Gender> {
    let word = fold(word);
    let word = word.as_str();
    if FEMININE.contains(&word) {
        Some(Gender::Feminine)
    } else if MASCULINE.contains(&word) {
        Some(Gender::Masculine)
    } else if PLURAL.contains(&word) {
        Some(Gender::Plural)
    } else {
        None
    }
}

/// Whether a folded word elides the article: it starts with a vowel, or a silent h.
fn elides(folded: &str) -> bool {
    folded.starts_with(['a', 'e', 'i', 'o', 'u', 'y']) || SILENT_H.contains(&folded)
}

/// An organisation's name with its definite article, as a signature block says it after
/// « Pour »: « l’ARS Auvergne-Rhône-Alpes », « la Préfecture du Cantal », « le Conseil
/// départemental du Cantal ». A name that starts with an article keeps it; a name whose first
/// word we do not know (a person, a town, an unknown acronym) is given back without one rather
/// than with a wrong one.
pub fn with_article(name: &str) -> String {
    let name = name.trim();
    let (word, folded) = first_word(name);
    let starts_with_article = matches!(folded.as_str(), "le" | "la" | "les" | "l")
        && name[word.len()..].starts_with([' ', '’', '\'']);
    if starts_with_article {
        return name.to_string();
    }
    match gender_of(word) {
        Some(Gender::Plural) => format!("les {name}"),
        Some(_) if elides(&folded) => format!("l’{name}"),
        Some(Gender::Feminine) => format!("la {name}"),
        Some(Gender::Masculine) => format!("le {name}"),
        None => name.to_string(),
    }
}

/// « Pour l’ARS Auvergne-Rhône-Alpes »: the first line of a signature block.
pub fn for_party(name: &str) -> String {
    match with_article(name) {
        party if party.is_empty() => "Pour".to_string(),
        party => format!("Pour {party}"),
    }
}

/// What the notice says once something is removed, « supprimé » agreeing with it: « Action 4 :
/// supprimée. », « L’axe « Prévention » : supprimé. ». `what` starts with its noun, after
/// « Le », « La », « Les » or « L’ » when it has one; a noun we do not know reads masculine.
pub fn removed_notice(what: &str) -> String {
    let what = what.trim();
    let (word, folded) = first_word(what);
    let noun = match folded.as_str() {
        "la" => Some(Gender::Feminine),
        "le" => Some(Gender::Masculine),
        "les" => Some(Gender::Plural),
        _ => {
            let rest = what[word.len()..].trim_start_matches(['’', '\'']);
            let noun = if folded == "l" { first_word(rest).0 } else { word };
            gender_of(noun)
        }
    };
    let ending = match noun {
        Some(Gender::Feminine) => "supprimée",
        Some(Gender::Plural) => "supprimés",
        Some(Gender::Masculine) | None => "supprimé",
    };
    format!("{what} : {ending}.")
}

/// The narrow no-break space (U+202F) French typography puts before ? ! ; : and inside « ».
pub const NARROW_NO_BREAK_SPACE: char = '\u{202f}';

/// `text` with each ordinary space before ? ! ; : and inside « » made a narrow no-break space,
/// so that no line of a document starts with « ? » or ends with « « ». Other spaces, and the
/// no-break spaces already there, are left as they are.
pub fn french_spacing(text: &str) -> Cow<'_, str> {
    let chars: Vec<char> = text.chars().collect();
    let binds = |at: usize| {
        let before = at.checked_sub(1).map(|i| chars[i]);
        let after = chars.get(at + 1).copied();
        matches!(after, Some('?' | '!' | ';' | ':' | '»')) || before == Some('«')
    };
    if !(0..chars.len()).any(|at| chars[at] == ' ' && binds(at)) {
        return Cow::Borrowed(text);
    }
    let spaced = (0..chars.len())
        .map(|at| if chars[at] == ' ' && binds(at) { NARROW_NO_BREAK_SPACE } else { chars[at] })
        .collect();
    Cow::Owned(spaced)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn signature_blocks_name_the_party_with_its_article() {
        assert_eq!(for_party("ARS Auvergne-Rhône-Alpes"), "Pour l’ARS Auvergne-Rhône-Alpes");
        assert_eq!(for_party("Préfecture du Cantal"), "Pour la Préfecture du Cantal");
        assert_eq!(
            for_party("Conseil Départemental du Cantal"),
            "Pour le Conseil Départemental du Cantal"
        );
        assert_eq!(
            for_party("Agence Régionale de Santé Auvergne-Rhône-Alpes"),
            "Pour l’Agence Régionale de Santé Auvergne-Rhône-Alpes"
        );
        assert_eq!(for_party("Éducation Nationale"), "Pour l’Éducation Nationale");
        assert_eq!(for_party("Ville d’Aurillac"), "Pour la Ville d’Aurillac");
        assert_eq!(for_party("CCAS de la ville d’Aurillac"), "Pour le CCAS de la ville d’Aurillac");
        assert_eq!(
            for_party("Centre Hospitalier d’Aurillac"),
            "Pour le Centre Hospitalier d’Aurillac"
        );
        assert_eq!(for_party("Hôpital de Mauriac"), "Pour l’Hôpital de Mauriac");
        assert_eq!(for_party("MSA Auvergne"), "Pour la MSA Auvergne");
        assert_eq!(for_party("Associations d’usagers"), "Pour les Associations d’usagers");
        assert_eq!(for_party("La Poste"), "Pour La Poste", "an article already there is kept");
        assert_eq!(for_party("L’Union départementale"), "Pour L’Union départementale");
        assert_eq!(
            for_party("Aurillac"),
            "Pour Aurillac",
            "unknown: no article rather than a wrong one"
        );
        assert_eq!(for_party("Lamartine et associés"), "Pour Lamartine et associés");
        assert_eq!(for_party("  "), "Pour");
    }

    #[test]
    fn supprime_agrees_with_what_was_removed() {
        assert_eq!(removed_notice("Action 4"), "Action 4 : supprimée.");
        assert_eq!(
            removed_notice("La ligne de financement 2"),
            "La ligne de financement 2 : supprimée."
        );
        assert_eq!(
            removed_notice("L’organisation « CPAM »"),
            "L’organisation « CPAM » : supprimée."
        );
        assert_eq!(removed_notice("L’axe « Prévention »"), "L’axe « Prévention » : supprimé.");
        assert_eq!(removed_notice("L’indicateur 2"), "L’indicateur 2 : supprimé.");
        assert_eq!(removed_notice("Le membre « Dr Roux »"), "Le membre « Dr Roux » : supprimé.");
        assert_eq!(
            removed_notice("Réunion du 20 novembre 2025"),
            "Réunion du 20 novembre 2025 : supprimée."
        );
        assert_eq!(
            removed_notice("Fiche action n°3 – Atelier"),
            "Fiche action n°3 – Atelier : supprimée."
        );
        assert_eq!(
            removed_notice("Objectif spécifique 1.2.1"),
            "Objectif spécifique 1.2.1 : supprimé."
        );
        assert_eq!(
            removed_notice("La valeur 2025 de l’indicateur 1"),
            "La valeur 2025 de l’indicateur 1 : supprimée."
        );
        assert_eq!(removed_notice("Le constat"), "Le constat : supprimé.");
        assert_eq!(removed_notice("L’instance « CLSM »"), "L’instance « CLSM » : supprimée.");
    }

    #[test]
    fn high_punctuation_is_bound_to_its_word() {
        assert_eq!(french_spacing("Pourquoi ?"), "Pourquoi\u{202f}?");
        assert_eq!(
            french_spacing("Si non réalisé, pourquoi ? Date : « fin » ; oui !"),
            "Si non réalisé, pourquoi\u{202f}? Date\u{202f}: «\u{202f}fin\u{202f}»\u{202f}; oui\u{202f}!"
        );
        assert_eq!(
            french_spacing("Signature\u{a0}:"),
            "Signature\u{a0}:",
            "a no-break space stays"
        );
        assert!(matches!(french_spacing("https://exemple.fr a:b"), Cow::Borrowed(_)));
    }

    proptest! {
        /// Only ordinary spaces change, each to a narrow no-break space; nothing is added or
        /// lost; doing it twice changes nothing more; no breakable space is left before ? ! ; :
        #[test]
        fn french_spacing_only_binds_spaces(text in "[a-z ?!;:«»\u{a0}]{0,30}") {
            let spaced = french_spacing(&text);
            prop_assert_eq!(spaced.chars().count(), text.chars().count());
            for (a, b) in text.chars().zip(spaced.chars()) {
                prop_assert!(a == b || (a == ' ' && b == NARROW_NO_BREAK_SPACE));
            }
            prop_assert_eq!(french_spacing(&spaced), spaced.clone());
            for bad in [" ?", " !", " ;", " :", " »", "« "] {
                prop_assert!(!spaced.contains(bad), "{:?}", spaced);
            }
        }
    }
}
