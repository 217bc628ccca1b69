//! Reading a status as a lead types it: « Réalisé », « realise », « Réalisée », « REALISES »,
//! « partiellement », « en cours ». Compared folded (case, accents, spaces), each word without
//! its feminine or plural ending, so that agreeing the status with « l’action » still reads;
//! a few words leads use for the same thing are known too. An unknown status is refused with
//! the closest one proposed, never guessed.

use crate::model::review::NOT_FILLED_LABEL;
use crate::model::text::fold;
use crate::model::ReviewStatus;

/// What a status cell says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatusReading {
    /// Empty, or « Non renseigné »: the lead says nothing (a status is never erased by it).
    Nothing,
    Status(ReviewStatus),
    /// Not a status; the closest one, to propose.
    Unknown {
        typed: String,
        closest: ReviewStatus,
    },
}

/// Other words for a status, in `key` form.
const SYNONYMS: [(&str, ReviewStatus); 9] = [
    ("fait", ReviewStatus::Done),
    ("termine", ReviewStatus::Done),
    ("acheve", ReviewStatus::Done),
    ("partiellement", ReviewStatus::PartlyDone),
    ("partiel", ReviewStatus::PartlyDone),
    ("peu", ReviewStatus::BarelyDone),
    ("pas realise", ReviewStatus::NotDone),
    ("non fait", ReviewStatus::NotDone),
    ("a faire", ReviewStatus::Upcoming),
];

/// A status as compared: folded, letters only, each word of more than three letters without a
/// final « s » and up to two « e » (« Réalisées » and « réalisé » meet).
fn key(text: &str) -> String {
    let letters: String =
        fold(text).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    let words = letters.split_whitespace().map(|word| {
        let mut word = word;
        for ending in ['s', 'e', 'e'] {
            if word.len() > 3 {
                word = word.strip_suffix(ending).unwrap_or(word);
            }
        }
        word.to_string()
    });
    words.collect::<Vec<_>>().join(" ")
}

/// Reads a status cell.
pub fn read_status(text: &str) -> StatusReading {
    let typed = key(text);
    if typed.is_empty() || typed == key(NOT_FILLED_LABEL) {
        return StatusReading::Nothing;
    }
    let known = ReviewStatus::ALL.iter().copied().find(|s| key(s.label()) == typed);
    let synonym = || SYNONYMS.iter().find(|(word, _)| key(word) == typed).map(|(_, s)| *s);
    match known.or_else(synonym) {
        Some(status) => StatusReading::Status(status),
        None => StatusReading::Unknown { typed: text.trim().to_string(), closest: closest(&typed) },
    }
}

/// The status meant, as far as can be told: the one whose words start what was typed
/// (« en cours de réalisation », « reporté à 2026 »), the longest first, else the one whose
/// label is the fewest edits away.
fn closest(typed: &str) -> ReviewStatus {
    let labels = ReviewStatus::ALL.iter().map(|s| (key(s.label()), *s));
    let all: Vec<(String, ReviewStatus)> =
        labels.chain(SYNONYMS.iter().map(|(w, s)| (key(w), *s))).collect();
    let starts = all.iter().filter(|(label, _)| typed.starts_with(&format!("{label} ")));
    if let Some((_, status)) = starts.max_by_key(|(label, _)| label.len()) {
        return *status;
    }
    let nearest = all.iter().min_by_key(|(label, _)| distance(typed, label));
    nearest.map_or(ReviewStatus::Done, |(_, s)| *s)
}

/// Levenshtein's distance, by characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// The message for an unknown status: what was typed, the closest status, the list.
pub fn unknown_status_message(typed: &str, closest: ReviewStatus) -> String {
    let all: Vec<&str> = ReviewStatus::ALL.iter().map(|s| s.label()).collect();
    format!(
        "« {} » n’est pas un statut connu : voulez-vous dire « {} » ? Les statuts possibles sont : {}. \
         Ce statut n’est pas repris.",
        crate::model::text::shorten(typed, 40),
        closest.label(),
        all.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn status(text: &str) -> Option<ReviewStatus> {
        match read_status(text) {
            StatusReading::Status(s) => Some(s),
            _ => None,
        }
    }

    #[test]
    fn statuses_are_read_whatever_the_case_accents_and_agreement() {
        for typed in
            ["Réalisé", "realise", "Réalisée", "RÉALISÉS", " réalisées ", "fait", "Terminé"]
        {
            assert_eq!(status(typed), Some(ReviewStatus::Done), "{typed}");
        }
        for typed in ["partiellement", "Partiellement réalisée", "PARTIELLEMENT REALISE", "partiel"]
        {
            assert_eq!(status(typed), Some(ReviewStatus::PartlyDone), "{typed}");
        }
        assert_eq!(status("peu réalisée"), Some(ReviewStatus::BarelyDone));
        assert_eq!(status("Non réalisée"), Some(ReviewStatus::NotDone));
        assert_eq!(status("en cours"), Some(ReviewStatus::InProgress));
        assert_eq!(status("A venir"), Some(ReviewStatus::Upcoming));
        assert_eq!(status("reportée"), Some(ReviewStatus::Postponed));
        assert_eq!(status("Abandonnées"), Some(ReviewStatus::Abandoned));
        assert_eq!(read_status(""), StatusReading::Nothing);
        assert_eq!(read_status("  "), StatusReading::Nothing);
        assert_eq!(read_status("Non renseigné"), StatusReading::Nothing);
    }

    #[test]
    fn an_unknown_status_is_refused_with_the_closest_proposed() {
        assert_eq!(
            read_status("Réalisér"),
            StatusReading::Unknown { typed: "Réalisér".into(), closest: ReviewStatus::Done }
        );
        let StatusReading::Unknown { closest, .. } = read_status("en cour de réalisation") else {
            panic!("not a status")
        };
        assert_eq!(closest, ReviewStatus::InProgress);
        let StatusReading::Unknown { closest, .. } = read_status("reporte a 2026") else {
            panic!()
        };
        assert_eq!(closest, ReviewStatus::Postponed);
        let message = unknown_status_message("Réalisér", ReviewStatus::Done);
        assert!(
            message.starts_with(
                "« Réalisér » n’est pas un statut connu : voulez-vous dire « Réalisé » ?"
            ),
            "{message}"
        );
        assert!(message.contains("Partiellement réalisé, Peu réalisé"));
    }

    proptest! {
        /// Every label, however its case and spacing were changed, reads back as its status.
        #[test]
        fn every_label_reads_back(index in 0usize..8, upper in any::<bool>(), pad in " {0,3}") {
            let status = ReviewStatus::ALL[index];
            let label = if upper { status.label().to_uppercase() } else { status.label().to_lowercase() };
            prop_assert_eq!(read_status(&format!("{pad}{label}{pad}")), StatusReading::Status(status));
        }

        /// Whatever is typed, reading gives an answer and never panics.
        #[test]
        fn anything_typed_reads_as_something(text in "\\PC{0,40}") {
            let _ = read_status(&text);
        }
    }
}
