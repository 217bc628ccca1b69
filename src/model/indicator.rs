//! Evaluation indicators of a sheet: process indicators (was it done?) and outcome indicators
//! (did it change anything?), each with its target and where the figure comes from.

use super::closed_list::closed_list;
use super::figure::Figure;
use super::{Id, Period, Timestamp};
use serde::{Deserialize, Serialize};

closed_list! {
    IndicatorKind {
        NotStated => ("not_stated", "Non renseigné"),
        Process => ("process", "Indicateur de processus"),
        Outcome => ("outcome", "Indicateur de résultat"),
    }
}

closed_list! {
    Frequency {
        NotStated => ("not_stated", "Non renseigné"),
        Monthly => ("monthly", "Mensuelle"),
        Quarterly => ("quarterly", "Trimestrielle"),
        Yearly => ("yearly", "Annuelle"),
        EndOfContract => ("end_of_contract", "En fin de contrat"),
    }
}

closed_list! {
    /// How an indicator's figures read: a text, or a number that should go up or stay low.
    /// Only numbers can be checked against their target.
    IndicatorScale {
        Text => ("text", "Qualitatif (texte libre)"),
        AtLeast => ("at_least", "Chiffré : atteindre au moins la cible"),
        AtMost => ("at_most", "Chiffré : ne pas dépasser la cible"),
    }
}

impl IndicatorScale {
    pub fn is_numeric(self) -> bool {
        self != Self::Text
    }

    /// Whether `text` is a figure this scale cannot read: a numeric scale and a value typed
    /// that is not a number (« une dizaine »). An empty value is not filled in, not wrong.
    pub fn rejects(self, text: &str) -> bool {
        self.is_numeric() && !text.trim().is_empty() && parse_number(text).is_none()
    }
}

/// One year of an indicator: the target set for that year and the result measured, each with
/// a comment. `year` is optional only because a hand-made file may omit it; validation says so.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IndicatorValue {
    pub year: Option<i32>,
    /// « Cible » for the year.
    pub target: String,
    pub target_comment: String,
    /// « Résultat » measured for the year.
    pub result: String,
    pub result_comment: String,
}

impl IndicatorValue {
    pub fn new(year: i32) -> Self {
        IndicatorValue { year: Some(year), ..Default::default() }
    }

    pub fn is_blank(&self) -> bool {
        [&self.target, &self.target_comment, &self.result, &self.result_comment]
            .iter()
            .all(|text| text.trim().is_empty())
    }

    pub fn has_result(&self) -> bool {
        !self.result.trim().is_empty()
    }
}

/// Reads a figure as people type it in French: « 1 200 », « 12,5 », « 45 % », « -3 ». `None`
/// for anything else, which is how validation tells a non-numeric value. Digits are read one by
/// one rather than with `str::parse::<f64>`, whose exact decimal algorithm and tables would
/// weigh on the wasm for figures that are only ever compared with their target.
pub fn parse_number(text: &str) -> Option<f64> {
    let Figure { negative, whole, fraction } = Figure::read(text)?;
    let mut value = whole.bytes().fold(0.0, |value, b| value * 10.0 + f64::from(b - b'0'));
    let mut unit = 1.0;
    for b in fraction.bytes() {
        unit /= 10.0;
        value += f64::from(b - b'0') * unit;
    }
    Some(if negative { -value } else { value })
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: Id,
    pub modified_at: Timestamp,
    pub kind: IndicatorKind,
    pub name: String,
    pub definition: String,
    pub unit: String,
    pub baseline: String,
    /// The target value ("valeur cible"); empty when not yet set, which validation reports.
    pub target: String,
    /// Whether figures are numbers, and which way is better.
    pub scale: IndicatorScale,
    pub source: String,
    pub frequency: Frequency,
    /// Who collects the figure.
    pub collector: String,
    /// Target and result per year, in year order, at most one per year.
    pub values: Vec<IndicatorValue>,
}

impl Indicator {
    pub fn new(id: Id, kind: IndicatorKind, name: impl Into<String>, now: Timestamp) -> Self {
        Indicator {
            id,
            modified_at: now,
            kind,
            name: name.into(),
            definition: String::new(),
            unit: String::new(),
            baseline: String::new(),
            target: String::new(),
            scale: IndicatorScale::Text,
            source: String::new(),
            frequency: Frequency::NotStated,
            collector: String::new(),
            values: Vec::new(),
        }
    }
}

impl Indicator {
    /// The entry of `year`, if any.
    pub fn value_of(&self, year: i32) -> Option<&IndicatorValue> {
        self.values.iter().find(|v| v.year == Some(year))
    }

    /// Sets the entry of `year` with `edit`, creating it in year order when missing and
    /// dropping it when left blank. Returns whether anything changed.
    pub fn edit_value(&mut self, year: i32, edit: impl FnOnce(&mut IndicatorValue)) -> bool {
        let index = match self.values.iter().position(|v| v.year == Some(year)) {
            Some(index) => index,
            None => {
                let at = self
                    .values
                    .iter()
                    .position(|v| v.year.is_some_and(|y| y > year))
                    .unwrap_or(self.values.len());
                self.values.insert(at, IndicatorValue::new(year));
                at
            }
        };
        let before = self.values[index].clone();
        edit(&mut self.values[index]);
        let changed = self.values[index] != before;
        if self.values[index].is_blank() {
            self.values.remove(index);
            return !before.is_blank();
        }
        changed
    }

    /// The positions in `values` of the entries the yearly table of `period` does not show:
    /// those without a year or outside the period (only a hand-made or older file has them),
    /// and the second and later entries of a year. The screens list them apart, read-only,
    /// with what validation says of them.
    pub fn stray_values(&self, period: Period) -> Vec<usize> {
        self.values
            .iter()
            .enumerate()
            .filter(|(index, value)| match value.year {
                None => true,
                Some(year) => {
                    !period.contains_year(year)
                        || self.values[..*index].iter().any(|v| v.year == Some(year))
                }
            })
            .map(|(index, _)| index)
            .collect()
    }

    /// The target that holds for `year`: the year's own, else the indicator's overall target
    /// (empty when neither is set).
    pub fn target_of(&self, year: i32) -> &str {
        match self.value_of(year).map(|v| v.target.trim()) {
            Some(target) if !target.is_empty() => target,
            _ => self.target.trim(),
        }
    }

    /// Whether the result of `year` reaches its target: `None` when that cannot be told (a
    /// qualitative indicator, no result, no target, or a figure that is not a number). The
    /// year's own target is used, else the indicator's overall target.
    pub fn target_reached(&self, year: i32) -> Option<bool> {
        let entry = self.value_of(year)?;
        let result = parse_number(&entry.result)?;
        let target = parse_number(self.target_of(year))?;
        match self.scale {
            IndicatorScale::Text => None,
            IndicatorScale::AtLeast => Some(result >= target),
            IndicatorScale::AtMost => Some(result <= target),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    #[test]
    fn french_figures_read_as_numbers() {
        assert_eq!(parse_number("1 200"), Some(1200.0));
        assert_eq!(parse_number("12,5"), Some(12.5));
        assert_eq!(parse_number(" 45 % "), Some(45.0));
        assert_eq!(parse_number("1\u{202f}000"), Some(1000.0));
        assert_eq!(parse_number("-3"), Some(-3.0));
        assert_eq!(parse_number("une dizaine"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("%"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("1e5"), None);
        assert_eq!(parse_number("1.2.3"), None);
        assert_eq!(parse_number("-"), None);
        assert_eq!(parse_number(",5"), Some(0.5));
        assert_eq!(parse_number("+7"), Some(7.0));
    }

    fn indicator(scale: IndicatorScale, target: &str) -> Indicator {
        let mut indicator = Indicator::new(Id::from_u128(1), IndicatorKind::Outcome, "Taux", 0);
        indicator.scale = scale;
        indicator.target = target.into();
        indicator
    }

    #[test]
    fn a_target_is_reached_in_the_indicator_direction() {
        let mut more = indicator(IndicatorScale::AtLeast, "100");
        more.edit_value(2025, |v| v.result = "120".into());
        more.edit_value(2026, |v| {
            v.target = "150".into();
            v.result = "120".into();
        });
        assert_eq!(more.target_reached(2025), Some(true));
        assert_eq!(more.target_reached(2026), Some(false), "the year's own target wins");
        assert_eq!(more.target_reached(2027), None);

        let mut less = indicator(IndicatorScale::AtMost, "10 %");
        less.edit_value(2025, |v| v.result = "8,5 %".into());
        assert_eq!(less.target_reached(2025), Some(true));

        let mut words = indicator(IndicatorScale::Text, "100");
        words.edit_value(2025, |v| v.result = "120".into());
        assert_eq!(words.target_reached(2025), None);
    }

    #[test]
    fn only_a_numeric_scale_rejects_words() {
        assert!(IndicatorScale::AtLeast.rejects("une dizaine"));
        assert!(IndicatorScale::AtMost.rejects("environ 10"));
        assert!(!IndicatorScale::AtLeast.rejects("1 200"));
        assert!(!IndicatorScale::AtLeast.rejects("  "), "empty is not filled, not wrong");
        assert!(!IndicatorScale::Text.rejects("une dizaine"));
    }

    #[test]
    fn values_the_yearly_table_cannot_show_are_set_apart() {
        let mut indicator = indicator(IndicatorScale::AtLeast, "");
        let entry = |year: Option<i32>, result: &str| IndicatorValue {
            year,
            result: result.into(),
            ..Default::default()
        };
        indicator.values = vec![
            entry(Some(2024), "1"),
            entry(None, "2"),
            entry(Some(2031), "3"),
            entry(Some(2024), "4"),
            entry(Some(2025), "5"),
        ];
        let period = Period { first_year: 2024, last_year: 2028 };
        assert_eq!(indicator.stray_values(period), [1, 2, 3]);
        assert_eq!(indicator.value_of(2024).unwrap().result, "1", "the table shows the first");
        indicator.values.retain(|v| v.year.is_some_and(|y| period.contains_year(y)));
        indicator.values.remove(1);
        assert!(indicator.stray_values(period).is_empty());
    }

    #[test]
    fn yearly_values_stay_in_order_and_blank_ones_go() {
        let mut indicator = indicator(IndicatorScale::AtLeast, "");
        indicator.edit_value(2026, |v| v.result = "3".into());
        indicator.edit_value(2024, |v| v.target = "1".into());
        let years: Vec<_> = indicator.values.iter().map(|v| v.year).collect();
        assert_eq!(years, [Some(2024), Some(2026)]);
        assert!(indicator.edit_value(2024, |v| v.target.clear()));
        assert_eq!(indicator.values.len(), 1);
        assert!(indicator.value_of(2026).unwrap().has_result());
    }
}
