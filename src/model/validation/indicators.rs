//! Rules on the yearly values of indicators (cible and résultat per year), for the indicators
//! of each sheet and for the contract's own: every entry has a year, inside the period, at
//! most one per year, and a numeric indicator holds numbers.
//!
//! Each issue points at the entry itself (`Subject::IndicatorValue`), so that the screens show
//! it on the year's row, or on the row of an entry the table cannot show (no year, outside
//! the period, a second one for a year).

use super::checker::{Checker, QUOTED_IN_PATH};
use super::Subject;
use crate::model::text::shorten;
use crate::model::{ActionSheet, Indicator, IndicatorScale, IndicatorValue};

/// How much of a mistyped value a message quotes.
const QUOTED_VALUE: usize = 40;

pub(super) fn check_yearly_values(check: &mut Checker) {
    let contract = check.contract;
    for (rank, indicator) in contract.indicators.iter().enumerate() {
        check_indicator(check, None, rank, indicator);
    }
    for sheet in contract.sheets_in_axis_order() {
        for (rank, indicator) in sheet.indicators.iter().enumerate() {
            check_indicator(check, Some(sheet), rank, indicator);
        }
    }
}

/// "l’indicateur « Taux »", or "l’indicateur 2" when it has no name, inside a sentence.
fn named(rank: usize, indicator: &Indicator) -> String {
    match indicator.name.trim() {
        "" => format!("l’indicateur {}", rank + 1),
        name => format!("l’indicateur « {} »", shorten(name, QUOTED_IN_PATH)),
    }
}

fn check_indicator(
    check: &mut Checker,
    sheet: Option<&ActionSheet>,
    rank: usize,
    indicator: &Indicator,
) {
    let period = check.contract.period;
    // An inverted period is reported once on the period; every year would be outside it.
    let usable = period.first_year <= period.last_year;
    for (index, value) in indicator.values.iter().enumerate() {
        let mut messages = Vec::new();
        match value.year {
            None => messages.push(format!(
                "Une valeur de {} n’a pas d’année. Supprimez-la, ou corrigez le fichier d’où elle vient.",
                named(rank, indicator)
            )),
            Some(year) if usable && !period.contains_year(year) => messages.push(format!(
                "La valeur {year} de {} est en dehors de la période du contrat ({}-{}) : corrigez son année dans le fichier d’où elle vient, ou supprimez-la.",
                named(rank, indicator),
                period.first_year,
                period.last_year
            )),
            Some(year) if indicator.values[..index].iter().any(|v| v.year == Some(year)) => {
                messages.push(format!(
                    "Deux valeurs de {} portent sur {year} : gardez-en une seule (celle-ci n’apparaît pas dans le tableau).",
                    named(rank, indicator)
                ))
            }
            Some(_) => {}
        }
        messages.extend(not_numbers(rank, indicator, value));
        if messages.is_empty() {
            continue;
        }
        let path = check.indicator_path(sheet, rank, indicator);
        let subject =
            Subject::IndicatorValue { sheet: sheet.map(|s| s.id), id: indicator.id, index };
        for message in messages {
            check.error(subject, path.clone(), message);
        }
    }
}

/// The messages for a cible or a résultat that a numeric indicator cannot read.
fn not_numbers(rank: usize, indicator: &Indicator, value: &IndicatorValue) -> Vec<String> {
    let year = value.year.map_or_else(|| "sans année".to_string(), |y| y.to_string());
    [("La cible", &value.target), ("Le résultat", &value.result)]
        .into_iter()
        .filter(|(_, text)| indicator.scale.rejects(text))
        .map(|(what, text)| {
            format!(
                "{what} {year} de {} n’est pas un nombre : « {} ». Écrivez un nombre (par exemple 12 ou 12,5), ou choisissez « {} » comme type de valeur.",
                named(rank, indicator),
                shorten(text.trim(), QUOTED_VALUE),
                IndicatorScale::Text.label()
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use super::super::{validate, Subject};
    use crate::model::{Indicator, IndicatorKind, IndicatorScale, IndicatorValue};

    fn entry(year: Option<i32>, target: &str, result: &str) -> IndicatorValue {
        IndicatorValue { year, target: target.into(), result: result.into(), ..Default::default() }
    }

    fn of_sheet(index: usize) -> Subject {
        Subject::IndicatorValue { sheet: Some(id(1000)), id: id(1004), index }
    }

    #[test]
    fn well_formed_yearly_values_raise_nothing() {
        let mut c = clean();
        let indicator = &mut c.sheets[0].indicators[0];
        indicator.scale = IndicatorScale::AtLeast;
        indicator.values = vec![entry(Some(2024), "10", "12"), entry(Some(2025), "1 200", "45 %")];
        c.sheets[1].indicators[0].values = vec![entry(Some(2026), "une dizaine", "beaucoup")];
        assert!(validate(&c).is_empty(), "{:#?}", validate(&c));
    }

    #[test]
    fn a_value_without_a_year_is_an_error() {
        let mut c = clean();
        c.sheets[0].indicators[0].values = vec![entry(None, "", "12")];
        let issue = only_error(&c, of_sheet(0));
        assert_eq!(issue.path, "Fiche action n°1 › Indicateur « Nombre de participants »");
        assert!(issue
            .message
            .starts_with("Une valeur de l’indicateur « Nombre de participants » n’a pas d’année."));
    }

    #[test]
    fn a_year_outside_the_period_is_an_error_unless_the_period_is_inverted() {
        let mut c = clean();
        c.sheets[0].indicators[0].values =
            vec![entry(Some(2025), "1", ""), entry(Some(2031), "", "3")];
        let issue = only_error(&c, of_sheet(1));
        assert!(issue.message.starts_with(
            "La valeur 2031 de l’indicateur « Nombre de participants » est en dehors de la période du contrat (2024-2028)"
        ));
        c.period.last_year = 2020;
        let subjects: Vec<Subject> = validate(&c).into_iter().map(|i| i.subject).collect();
        assert_eq!(subjects, [Subject::Period], "only the period is reported");
    }

    #[test]
    fn a_word_where_a_number_is_expected_is_an_error() {
        let mut c = clean();
        let indicator = &mut c.sheets[0].indicators[0];
        indicator.scale = IndicatorScale::AtMost;
        indicator.values = vec![entry(Some(2025), "10", "une dizaine")];
        let issue = only_error(&c, of_sheet(0));
        assert!(issue.message.starts_with(
            "Le résultat 2025 de l’indicateur « Nombre de participants » n’est pas un nombre : « une dizaine »."
        ), "{}", issue.message);
        assert!(issue.message.contains("« Qualitatif (texte libre) »"));

        c.sheets[0].indicators[0].values[0].target = "environ dix".into();
        let messages: Vec<String> = validate(&c).into_iter().map(|i| i.message).collect();
        assert_eq!(messages.len(), 2);
        assert!(messages[0].starts_with("La cible 2025 de l’indicateur"));
        assert!(messages[1].starts_with("Le résultat 2025 de l’indicateur"));
    }

    #[test]
    fn two_values_for_one_year_are_an_error_on_the_second() {
        let mut c = clean();
        c.sheets[0].indicators[0].values =
            vec![entry(Some(2025), "1", ""), entry(Some(2025), "", "2")];
        let issue = only_error(&c, of_sheet(1));
        assert!(issue.message.starts_with(
            "Deux valeurs de l’indicateur « Nombre de participants » portent sur 2025"
        ));
    }

    #[test]
    fn the_contract_indicators_follow_the_same_rules_and_come_before_the_sheets() {
        let mut c = clean();
        let mut own = Indicator::new(id(500), IndicatorKind::Outcome, "", 0);
        own.scale = IndicatorScale::AtLeast;
        own.values = vec![entry(None, "", ""), entry(Some(2026), "beaucoup", "")];
        c.indicators = vec![Indicator::new(id(499), IndicatorKind::Process, "Rencontres", 0), own];
        c.sheets[0].indicators[0].values = vec![entry(None, "1", "")];
        let issues = validate(&c);
        let found: Vec<(Subject, &str, &str)> = issues
            .iter()
            .map(|i| (i.subject, i.path.as_str(), i.message.split(" n’").next().unwrap()))
            .collect();
        let own_value = |index| Subject::IndicatorValue { sheet: None, id: id(500), index };
        assert_eq!(
            found,
            [
                (
                    own_value(0),
                    "Indicateurs du contrat › Indicateur 2",
                    "Une valeur de l’indicateur 2"
                ),
                (
                    own_value(1),
                    "Indicateurs du contrat › Indicateur 2",
                    "La cible 2026 de l’indicateur 2"
                ),
                (
                    of_sheet(0),
                    "Fiche action n°1 › Indicateur « Nombre de participants »",
                    "Une valeur de l’indicateur « Nombre de participants »"
                ),
            ]
        );
        assert!(issues.iter().all(|i| i.is_error()));
        assert_eq!(issues[0].subject.sheet(), None);
        assert_eq!(issues[2].subject.sheet(), Some(id(1000)));
    }

    #[test]
    fn a_value_without_a_year_that_is_not_a_number_says_both() {
        let mut c = clean();
        c.sheets[0].indicators[0].scale = IndicatorScale::AtLeast;
        c.sheets[0].indicators[0].values = vec![entry(None, "", "une dizaine")];
        let messages: Vec<String> = validate(&c).into_iter().map(|i| i.message).collect();
        assert_eq!(messages.len(), 2);
        assert!(messages[1].starts_with("Le résultat sans année de l’indicateur"));
    }
}
