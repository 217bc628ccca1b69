//! Finding the row of the contract an answered row is about: by its reference, or, when the
//! lead deleted the reference column (or typed a row without one), by the fiche's number or
//! title and the action's number or title (an indicator by its name, a funding line by its
//! funder). Titles win over numbers when they disagree: a fiche added to the contract since the
//! sheet was made renumbers those after it, not their titles. A row two rows of the contract
//! fit equally is not guessed.

use super::columns::Part;
use crate::model::collection::{Reference, Target};
use crate::model::follow_up::{action_label, SHEET_ROW_LABEL};
use crate::model::numbering::Numbering;
use crate::model::text::fold;
use crate::model::{Contract, Id};

/// A row of the contract that an answer may be about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub target: Target,
    /// The fiche's number and folded title.
    pub sheet_number: String,
    pub sheet_title: String,
    /// The action's rank (« Action 2 »), for bilan rows of actions.
    pub number: Option<usize>,
    /// Folded: the action's first line (« bilan de la fiche » for the fiche's own row), the
    /// indicator's name, the funder's name.
    pub label: String,
    /// A human name for messages: « Fiche action n°1 – Santé mentale › Action 1 ».
    pub name: String,
}

/// What a row says of itself, when it has no usable reference.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowWords {
    pub sheet_number: String,
    pub sheet_title: String,
    pub number: String,
    pub label: String,
}

/// Every row of `part` in `contract` for `year`, in reading order.
pub fn candidates(contract: &Contract, year: i32, part: Part) -> Vec<Candidate> {
    let numbers = Numbering::of(contract);
    let mut all = Vec::new();
    for sheet in contract.sheets_in_axis_order() {
        let sheet_name = sheet.label(&numbers);
        let candidate = |target, number, label: &str, what: String| Candidate {
            target,
            sheet_number: numbers.label(sheet.id).to_string(),
            sheet_title: fold(&sheet.title),
            number,
            label: fold(label),
            name: format!("{sheet_name} › {what}"),
        };
        match part {
            Part::Reviews => {
                all.push(candidate(
                    Target::Sheet(sheet.id),
                    None,
                    SHEET_ROW_LABEL,
                    SHEET_ROW_LABEL.into(),
                ));
                for (rank, action) in sheet.actions.iter().enumerate() {
                    let label = action_label(action);
                    let what = format!("Action {} – {label}", rank + 1);
                    all.push(candidate(Target::Action(action.id), Some(rank + 1), &label, what));
                }
            }
            Part::Indicators => all.extend(sheet.indicators.iter().map(|i| {
                candidate(
                    Target::Indicator(i.id),
                    None,
                    &i.name,
                    format!("Indicateur « {} »", i.name.trim()),
                )
            })),
            Part::Funding => all.extend(sheet.funding.iter().filter(|l| l.year == year).map(|l| {
                let funder = l
                    .funder_id
                    .map_or(crate::model::funding::NO_FUNDER, |id| contract.organisation_name(id));
                candidate(Target::Funding(l.id), None, funder, format!("Financement « {funder} »"))
            })),
        }
    }
    all
}

/// Whether a reference's target belongs on this part's sheet.
pub fn fits(part: Part, target: Target) -> bool {
    matches!(
        (part, target),
        (Part::Reviews, Target::Sheet(_) | Target::Action(_))
            | (Part::Indicators, Target::Indicator(_))
            | (Part::Funding, Target::Funding(_))
    )
}

/// The candidate a reference names, if the contract has it.
pub fn by_reference(candidates: &[Candidate], reference: Reference) -> Option<&Candidate> {
    candidates.iter().find(|c| c.target == reference.target)
}

/// The one candidate a row's words fit, if exactly one does (see the module's comment).
pub fn by_words<'a>(candidates: &'a [Candidate], words: &RowWords) -> Option<&'a Candidate> {
    let digits = |text: &str| -> String { text.chars().filter(char::is_ascii_digit).collect() };
    let (sheet_number, number) = (digits(&words.sheet_number), digits(&words.number));
    let (sheet_title, label) = (fold(&words.sheet_title), fold(&words.label));
    if sheet_number.is_empty() && sheet_title.is_empty() {
        return None;
    }
    let in_sheet = |c: &&Candidate| {
        (sheet_title.is_empty() || c.sheet_title == sheet_title)
            && (sheet_number.is_empty()
                || c.sheet_number == sheet_number
                || !sheet_title.is_empty())
    };
    let row: Vec<&Candidate> = candidates.iter().filter(in_sheet).collect();
    let fiche_row = number.is_empty() && (label.is_empty() || label == fold(SHEET_ROW_LABEL));
    let number_fits = |c: &Candidate| c.number.map(|n| n.to_string()) == Some(number.clone());
    let tries: [&dyn Fn(&Candidate) -> bool; 3] = [
        &|c| {
            (fiche_row && c.number.is_none() && matches!(c.target, Target::Sheet(_)))
                || (!fiche_row
                    && (number.is_empty() || number_fits(c))
                    && (label.is_empty() || c.label == label))
        },
        &|c| !label.is_empty() && c.label == label,
        &|c| !number.is_empty() && number_fits(c),
    ];
    for fits in tries {
        let found: Vec<&&Candidate> = row.iter().filter(|c| fits(c)).collect();
        match found.as_slice() {
            [one] => return Some(one),
            [] => continue,
            _ => return None,
        }
    }
    None
}

/// The ids the contract's answers may point at, whatever the part: to tell a file of another
/// contract, none of whose references is known here.
pub fn known_here(contract: &Contract, id: Id) -> bool {
    contract.organisation(id).is_some()
        || contract.sheets.iter().any(|s| {
            s.id == id
                || s.actions.iter().any(|a| a.id == id)
                || s.indicators.iter().any(|i| i.id == id)
                || s.funding.iter().any(|l| l.id == id)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::collection::fixture::contract;

    fn words(sheet_number: &str, sheet_title: &str, number: &str, label: &str) -> RowWords {
        RowWords {
            sheet_number: sheet_number.into(),
            sheet_title: sheet_title.into(),
            number: number.into(),
            label: label.into(),
        }
    }

    fn target(found: Option<&Candidate>) -> Option<Target> {
        found.map(|c| c.target)
    }

    #[test]
    fn rows_without_reference_are_found_by_number_and_title() {
        let c = contract();
        let all = candidates(&c, 2025, Part::Reviews);
        let action = |n| Some(Target::Action(Id::from_u128(n)));
        assert_eq!(
            target(by_words(&all, &words("1", "Santé mentale", "1", "Former les élus"))),
            action(11)
        );
        assert_eq!(target(by_words(&all, &words("1", "", "2", ""))), action(12));
        assert_eq!(
            target(by_words(&all, &words("", "santé MENTALE", "", "former les elus"))),
            action(11)
        );
        assert_eq!(
            target(by_words(&all, &words("1", "", "", ""))),
            Some(Target::Sheet(Id::from_u128(10)))
        );
        assert_eq!(
            target(by_words(&all, &words("n°2", "", "", "Bilan de la fiche"))),
            Some(Target::Sheet(Id::from_u128(20)))
        );
        // The number says action 2, the title action 1: the title wins.
        assert_eq!(target(by_words(&all, &words("1", "", "2", "Former les élus"))), action(11));
        assert_eq!(target(by_words(&all, &words("1", "", "9", "Inconnue"))), None);
        assert_eq!(
            target(by_words(&all, &words("", "", "1", "Former les élus"))),
            None,
            "no fiche named"
        );
    }

    #[test]
    fn indicators_and_funding_are_found_by_name_and_funder() {
        let c = contract();
        let indicators = candidates(&c, 2025, Part::Indicators);
        let found = by_words(&indicators, &words("1", "", "", "élus formés"));
        assert_eq!(target(found), Some(Target::Indicator(Id::from_u128(13))));
        let funding = candidates(&c, 2025, Part::Funding);
        assert_eq!(funding.len(), 1, "the lines of the year");
        assert_eq!(
            target(by_words(&funding, &words("1", "", "", "ARS"))),
            Some(Target::Funding(Id::from_u128(14)))
        );
        let mut two = c.clone();
        let mut line = two.sheets[0].funding[0].clone();
        line.id = Id::from_u128(16);
        two.sheets[0].funding.push(line);
        let funding = candidates(&two, 2025, Part::Funding);
        assert_eq!(by_words(&funding, &words("1", "", "", "ARS")), None, "two lines of one funder");
    }

    #[test]
    fn a_reference_fits_its_own_sheet_only() {
        let id = Id::from_u128(1);
        assert!(fits(Part::Reviews, Target::Action(id)));
        assert!(!fits(Part::Reviews, Target::Funding(id)));
        assert!(!fits(Part::Funding, Target::Lead(id)));
        assert!(known_here(&contract(), Id::from_u128(14)));
        assert!(!known_here(&contract(), Id::from_u128(999)));
    }
}
