//! Rules on the contract as a whole: its name and signing date, its period, the
//! mental-health component the law requires, and the dates of governance meetings.

use super::checker::Checker;
use super::Subject;
use crate::model::iso_date::is_iso_date;

/// Where period issues point.
const PERIOD_PATH: &str = "Période du contrat";
/// The longest a contract may last; most last five years.
const MAX_YEARS: i64 = 10;
/// Years outside these are typing mistakes.
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// The contract must have a name: it is how it is found in the list and titled in exports.
/// A signing date, when given, must be a real date (it is printed on the contract).
pub(super) fn check_contract(check: &mut Checker) {
    let contract = check.contract;
    if contract.name.trim().is_empty() {
        check.error(
            Subject::Contract,
            "Contrat".into(),
            "Le contrat n’a pas de nom : donnez-lui un nom, par exemple « CLS du Pays de … 2024-2028 ».".into(),
        );
    }
    if let Some(date) = contract.signing.date.as_deref().filter(|d| !d.trim().is_empty()) {
        if !is_iso_date(date) {
            check.warning(
                Subject::Contract,
                "Contrat › Signature".into(),
                format!("La date de signature (« {date} ») n’est pas une date valide : choisissez-la à nouveau dans le calendrier."),
            );
        }
    }
}

/// The years every other date is checked against. A CLS lasts a few years (4 or 5 in
/// practice): an inverted, very long or far-off period is almost always a typing mistake.
pub(super) fn check_period(check: &mut Checker) {
    let period = check.contract.period;
    let (first, last) = (period.first_year, period.last_year);
    if first > last {
        check.error(
            Subject::Period,
            PERIOD_PATH.into(),
            format!("La période du contrat commence en {first} et se termine en {last} : l’année de début doit précéder l’année de fin."),
        );
    } else {
        let years = i64::from(last) - i64::from(first) + 1;
        if years > MAX_YEARS {
            check.error(
                Subject::Period,
                PERIOD_PATH.into(),
                format!("La période du contrat couvre {years} ans ({first}-{last}) : un contrat local de santé dure au plus {MAX_YEARS} ans, le plus souvent 5."),
            );
        }
    }
    for (what, year) in [("de début", first), ("de fin", last)] {
        if !PLAUSIBLE_YEARS.contains(&year) {
            check.error(
                Subject::Period,
                PERIOD_PATH.into(),
                format!("L’année {what} du contrat ({year}) semble erronée : elle doit être comprise entre {} et {}.", PLAUSIBLE_YEARS.start(), PLAUSIBLE_YEARS.end()),
            );
        }
    }
}

/// Since loi 3DS every CLS must contain a mental-health component. It stays a warning (a
/// contract being drafted may not have it yet) until an axis or a sheet is tagged for it.
pub(super) fn check_mental_health(check: &mut Checker) {
    if !check.contract.has_mental_health_component() {
        check.warning(
            Subject::Contract,
            "Contrat".into(),
            "Le contrat ne comporte pas encore de volet santé mentale, obligatoire depuis la loi 3DS (loi du 21 février 2022, article 122) : cochez « santé mentale » sur l’axe ou la fiche action qui le porte.".into(),
        );
    }
}

/// Meeting dates are stored as ISO dates (what `<input type="date">` gives); a date that is
/// not one (typed by hand in an imported file, say) would vanish from the planning.
pub(super) fn check_meeting_dates(check: &mut Checker) {
    let contract = check.contract;
    for meeting in &contract.governance.meetings {
        let path = check.meeting_path(meeting.id, meeting.body);
        let date = meeting.date.trim();
        if date.is_empty() {
            check.warning(
                Subject::Meeting(meeting.id),
                path,
                "Cette réunion n’a pas de date : choisissez-la dans le calendrier.".into(),
            );
        } else if !is_iso_date(date) {
            check.warning(
                Subject::Meeting(meeting.id),
                path,
                format!("La date de cette réunion (« {date} ») n’est pas une date valide : choisissez-la à nouveau dans le calendrier."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use super::super::{validate, Subject};
    use crate::model::{Axis, Contract};

    // --- Contract and period -------------------------------------------------------------

    #[test]
    fn an_empty_contract_name_is_an_error() {
        let mut c = clean();
        c.name = "   ".into();
        let issue = only_error(&c, Subject::Contract);
        assert_eq!(issue.path, "Contrat");
    }

    #[test]
    fn an_invalid_signing_date_is_a_warning() {
        let mut c = clean();
        c.signing.date = Some("27/06/2024".into());
        assert_warning(&only(&c), Subject::Contract);
        c.signing.date = Some(String::new());
        assert!(validate(&c).is_empty(), "an empty signing date is just not filled in yet");
    }

    #[test]
    fn a_period_ending_before_it_starts_is_an_error() {
        let mut c = clean();
        c.period.first_year = 2029;
        c.period.last_year = 2025;
        let issue = only_error(&c, Subject::Period);
        assert!(
            issue.message.contains("2029") && issue.message.contains("2025"),
            "{}",
            issue.message
        );
    }

    #[test]
    fn an_inverted_period_does_not_flag_every_date() {
        let mut c = clean();
        c.period.first_year = 2028;
        c.period.last_year = 2024;
        // Only the period error: the dates inside it cannot be judged against it.
        assert_error(&only(&c), Subject::Period);
    }

    #[test]
    fn a_period_longer_than_ten_years_is_an_error() {
        let mut c = clean();
        c.period.last_year = 2024 + 9; // ten years, included: fine
        assert!(validate(&c).is_empty());
        c.period.last_year = 2024 + 10; // eleven years
        let issue = only_error(&c, Subject::Period);
        assert!(issue.message.contains("11 ans"), "{}", issue.message);
    }

    #[test]
    fn period_years_outside_2000_2100_are_errors() {
        let mut c = Contract::blank(id(1), "CLS", 0);
        c.axes = vec![{
            let mut a = Axis::new(id(10), "Santé mentale", 0);
            a.mental_health = true;
            a
        }];
        c.period.first_year = 1999;
        c.period.last_year = 2002;
        assert_error(&only(&c), Subject::Period);
        c.period.first_year = 2098;
        c.period.last_year = 2101;
        assert!(only(&c).message.contains("2101"));
        c.period.first_year = 2000;
        c.period.last_year = 2004;
        assert!(validate(&c).is_empty());
    }

    // --- Legal rule: mental health (loi 3DS) ----------------------------------------------

    #[test]
    fn a_contract_without_mental_health_component_gets_a_warning_citing_the_law() {
        let mut c = clean();
        c.axes[1].mental_health = false;
        let issue = only_warning(&c, Subject::Contract);
        assert!(
            issue.message.contains("loi 3DS") && issue.message.contains("article 122"),
            "{}",
            issue.message
        );
        // Tagging a sheet is enough.
        c.sheets[0].mental_health = true;
        assert!(validate(&c).is_empty());
    }

    // --- Meeting dates -------------------------------------------------------------------

    #[test]
    fn an_invalid_meeting_date_is_a_warning() {
        let mut c = clean();
        c.governance.meetings[0].date = "14/03/2025".into();
        let issue = only_warning(&c, Subject::Meeting(id(210)));
        assert_eq!(issue.path, "Gouvernance › Comité de pilotage (COPIL) › Réunion 1");
        c.governance.meetings[0].date = String::new();
        assert!(only(&c).message.contains("pas de date"));
    }
}
