//! Funding lines of a sheet: one amount per year, funder and kind, planned and actual. A line
//! may name its funder before anyone knows the amount (« montant à préciser »).

use super::amount::AmountSum;
use super::closed_list::closed_list;
use super::{Id, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

closed_list! {
    FundingKind {
        NotStated => ("not_stated", "Non renseigné"),
        /// Fonctionnement.
        Operating => ("operating", "Fonctionnement"),
        /// Investissement.
        Investment => ("investment", "Investissement"),
    }
}

/// What a funding line with no funder is called, in screens and documents.
pub const NO_FUNDER: &str = "Financeur non précisé";

/// One line of a sheet's budget. Amounts are whole euros: CLS budgets are never to the cent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FundingLine {
    pub id: Id,
    pub modified_at: Timestamp,
    pub year: i32,
    pub funder_id: Option<Id>,
    pub kind: FundingKind,
    /// `None`: the funder is named, the amount is not known yet (« montant à préciser »),
    /// which is not the same as 0 €.
    pub planned_euros: Option<u64>,
    pub actual_euros: Option<u64>,
    /// Staff time given in kind (valorisation), in days.
    pub in_kind_days: Option<u32>,
}

/// Planned euros over every line: the sheet's planned budget, counting the lines whose amount
/// is still to be specified (saturating, as imported files may hold any amount).
pub fn planned_total(lines: &[FundingLine]) -> AmountSum {
    lines.iter().map(|line| line.planned_euros).collect()
}

/// Planned euros per year, over every line, counting the amounts still to be specified.
pub fn planned_per_year(lines: &[FundingLine]) -> BTreeMap<i32, AmountSum> {
    let mut totals = BTreeMap::new();
    for line in lines {
        totals.entry(line.year).or_insert_with(AmountSum::default).add(line.planned_euros);
    }
    totals
}

/// Spent euros per year, over the lines whose spent amount is entered.
pub fn spent_per_year(lines: &[FundingLine]) -> BTreeMap<i32, u64> {
    let mut totals = BTreeMap::new();
    for line in lines {
        let total = totals.entry(line.year).or_insert(0u64);
        *total = total.saturating_add(line.actual_euros.unwrap_or(0));
    }
    totals
}

/// Spent euros per funder, over the lines whose spent amount is entered.
pub fn spent_per_funder(lines: &[FundingLine]) -> BTreeMap<Option<Id>, u64> {
    let mut totals = BTreeMap::new();
    for line in lines {
        let total = totals.entry(line.funder_id).or_insert(0u64);
        *total = total.saturating_add(line.actual_euros.unwrap_or(0));
    }
    totals
}

/// Planned euros per funder (lines without a funder are under `None`), counting the amounts
/// still to be specified.
pub fn planned_per_funder(lines: &[FundingLine]) -> BTreeMap<Option<Id>, AmountSum> {
    let mut totals = BTreeMap::new();
    for line in lines {
        totals.entry(line.funder_id).or_insert_with(AmountSum::default).add(line.planned_euros);
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(year: i32, funder: u128, euros: u64) -> FundingLine {
        FundingLine {
            id: Id::random(),
            modified_at: 0,
            year,
            funder_id: Some(Id::from_u128(funder)),
            kind: FundingKind::Operating,
            planned_euros: Some(euros),
            actual_euros: None,
            in_kind_days: None,
        }
    }

    #[test]
    fn spent_adds_up_the_amounts_entered() {
        let mut lines = vec![line(2024, 1, 1000), line(2024, 2, 500), line(2025, 1, 250)];
        lines[0].actual_euros = Some(900);
        lines[2].actual_euros = Some(300);
        assert_eq!(
            spent_per_year(&lines).into_iter().collect::<Vec<_>>(),
            [(2024, 900), (2025, 300)]
        );
        assert_eq!(spent_per_funder(&lines)[&Some(Id::from_u128(1))], 1200);
        assert_eq!(spent_per_funder(&lines)[&Some(Id::from_u128(2))], 0);
    }

    #[test]
    fn totals_add_up_per_year_and_per_funder() {
        let lines = [line(2024, 1, 1000), line(2024, 2, 500), line(2025, 1, 250)];
        let per_year = planned_per_year(&lines);
        assert_eq!(per_year[&2024].euros, 1500);
        assert_eq!(per_year[&2025].euros, 250);
        let per_funder = planned_per_funder(&lines);
        assert_eq!(per_funder[&Some(Id::from_u128(1))].euros, 1250);
        assert_eq!(per_funder.values().map(|t| t.euros).sum::<u64>(), 1750);
        assert_eq!(planned_total(&lines), AmountSum { euros: 1750, known: 3, unknown: 0 });
        assert_eq!(spent_per_year(&lines)[&2024], 0, "nothing spent is entered yet");
        assert_eq!(planned_total(&[]), AmountSum::default());
    }

    #[test]
    fn an_amount_to_specify_is_counted_never_taken_for_zero() {
        let mut lines = vec![line(2024, 1, 1000), line(2024, 2, 0), line(2025, 2, 0)];
        lines[1].planned_euros = None;
        lines[2].planned_euros = None;
        let total = planned_total(&lines);
        assert_eq!(total, AmountSum { euros: 1000, known: 1, unknown: 2 });
        assert_eq!(total.text(), "1\u{202f}000\u{a0}€ dont 2 montants à préciser");
        let per_year = planned_per_year(&lines);
        assert_eq!(per_year[&2024].text(), "1\u{202f}000\u{a0}€ dont 1 montant à préciser");
        assert_eq!(per_year[&2025].text(), "montant à préciser");
        let per_funder = planned_per_funder(&lines);
        assert_eq!(per_funder[&Some(Id::from_u128(2))].text(), "2 montants à préciser");
    }
}
