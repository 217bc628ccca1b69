//! Budget planned against spent (« Réalisé ») for one year: the funding lines of that year,
//! and their totals per fiche, per funder and for the contract.
//!
//! A line whose spent amount nobody has entered counts for nothing in the spent totals, and the
//! totals say how many such lines there are; a planned amount still to be specified
//! (« montant à préciser ») is counted the same way (`AmountSum`): an unknown amount is not a
//! zero.
//!
//! Also the lines of « Suivi »'s budget table ([`budget_table`]), each known by the ids of
//! what it shows.

use crate::model::amount::{euros, AmountSum, AMOUNT_TO_SPECIFY};
use crate::model::funding::NO_FUNDER;
use crate::model::numbering::Numbering;
use crate::model::{Contract, Id};

/// A funding line of the year, as « Suivi » lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetLine {
    pub sheet_id: Id,
    pub line_id: Id,
    pub funder_id: Option<Id>,
    /// `None`: « montant à préciser ».
    pub planned: Option<u64>,
    pub spent: Option<u64>,
}

/// Planned and spent euros over some lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Planned {
    pub planned: AmountSum,
    pub spent: u64,
    /// Lines whose spent amount is not entered yet.
    pub missing: usize,
}

impl Planned {
    fn add(&mut self, line: &BudgetLine) {
        self.planned.add(line.planned);
        match line.spent {
            Some(spent) => self.spent = self.spent.saturating_add(spent),
            None => self.missing += 1,
        }
    }

    /// The amount spent, saying how many lines have no amount yet: « 1 200 € (1 ligne non
    /// renseignée) ». An unknown amount is not a zero, so a total never hides one.
    pub fn spent_text(self) -> String {
        spent_text(self.spent, self.missing)
    }

    /// Spent as a whole percentage of the known planned amounts, rounded down (`None` when no
    /// amount is planned).
    pub fn spent_percent(self) -> Option<u64> {
        let planned = self.planned.euros;
        (planned > 0).then(|| self.spent.saturating_mul(100) / planned)
    }
}

/// Spent euros, saying how many lines have no amount yet (see [`Planned::spent_text`]).
pub fn spent_text(spent: u64, missing: usize) -> String {
    match missing {
        0 => euros(spent),
        1 => format!("{} (1 ligne non renseignée)", euros(spent)),
        n => format!("{} ({n} lignes non renseignées)", euros(spent)),
    }
}

/// The totals of one year.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct BudgetTotals {
    pub lines: Vec<BudgetLine>,
    /// Per fiche, in reading order (fiches with no line of the year are left out).
    pub per_sheet: Vec<(Id, Planned)>,
    /// Per funder, in the directory's order; lines with no funder last, under `None`.
    pub per_funder: Vec<(Option<Id>, Planned)>,
    pub contract: Planned,
}

/// The budget of `year`.
pub fn budget_of_year(contract: &Contract, year: i32) -> BudgetTotals {
    let mut totals = BudgetTotals::default();
    for sheet in contract.sheets_in_axis_order() {
        let mut sheet_total = Planned::default();
        for line in sheet.funding.iter().filter(|l| l.year == year) {
            let line = BudgetLine {
                sheet_id: sheet.id,
                line_id: line.id,
                funder_id: line.funder_id,
                planned: line.planned_euros,
                spent: line.actual_euros,
            };
            sheet_total.add(&line);
            totals.contract.add(&line);
            totals.lines.push(line);
        }
        if sheet_total != Planned::default() {
            totals.per_sheet.push((sheet.id, sheet_total));
        }
    }
    let funder_rank = |funder: Option<Id>| {
        funder
            .and_then(|id| contract.organisations.iter().position(|o| o.id == id))
            .unwrap_or(usize::MAX)
    };
    for line in &totals.lines {
        match totals.per_funder.iter_mut().find(|(f, _)| *f == line.funder_id) {
            Some((_, total)) => total.add(line),
            None => {
                let mut total = Planned::default();
                total.add(line);
                totals.per_funder.push((line.funder_id, total));
            }
        }
    }
    totals.per_funder.sort_by_key(|(funder, _)| funder_rank(*funder));
    totals
}

/// A line of « Suivi »'s budget table: a funding line of the year (its amount spent is typed
/// in place), or a fiche's subtotal after its lines.
#[derive(Clone, Debug, PartialEq)]
pub enum BudgetTableLine {
    /// « Fiche action n°3 – Titre — Funder », and the planned amount (« 12 500 € » or
    /// « montant à préciser »).
    Funding { sheet: Id, line: Id, label: String, planned: String },
    /// « Total de la fiche n°3 », with its planned and spent totals.
    Subtotal { sheet: Id, label: String, planned: String, spent: String },
}

/// What identifies a line of the budget table: the funding line's id, or the fiche's for its
/// subtotal (a keyed list's key).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BudgetLineKey {
    Funding(Id),
    Subtotal(Id),
}

impl BudgetTableLine {
    /// The fiche the line belongs to: a page holds whole fiches.
    pub fn sheet(&self) -> Id {
        match self {
            Self::Funding { sheet, .. } | Self::Subtotal { sheet, .. } => *sheet,
        }
    }

    pub fn key(&self) -> BudgetLineKey {
        match self {
            Self::Funding { line, .. } => BudgetLineKey::Funding(*line),
            Self::Subtotal { sheet, .. } => BudgetLineKey::Subtotal(*sheet),
        }
    }
}

/// The lines of the budget table of `year`, in reading order, with the totals they come from.
pub fn budget_table(
    contract: &Contract,
    numbers: &Numbering,
    year: i32,
) -> (Vec<BudgetTableLine>, BudgetTotals) {
    let budget = budget_of_year(contract, year);
    let mut lines = Vec::new();
    for (sheet, total) in &budget.per_sheet {
        let fiche = contract.sheet(*sheet).map(|s| s.label(numbers)).unwrap_or_default();
        for line in budget.lines.iter().filter(|l| l.sheet_id == *sheet) {
            let funder = line.funder_id.map_or(NO_FUNDER, |f| contract.organisation_name(f));
            lines.push(BudgetTableLine::Funding {
                sheet: *sheet,
                line: line.line_id,
                label: format!("{fiche} — {funder}"),
                planned: line.planned.map_or(AMOUNT_TO_SPECIFY.to_string(), euros),
            });
        }
        lines.push(BudgetTableLine::Subtotal {
            sheet: *sheet,
            label: format!("Total de la fiche n°{}", numbers.label(*sheet)),
            planned: total.planned.text(),
            spent: total.spent_text(),
        });
    }
    (lines, budget)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::planning::fixture::{id, sample};
    use crate::model::{FundingKind, FundingLine};

    fn line(
        n: u128,
        year: i32,
        funder: Option<u128>,
        planned: u64,
        spent: Option<u64>,
    ) -> FundingLine {
        FundingLine {
            id: id(n),
            modified_at: 0,
            year,
            funder_id: funder.map(id),
            kind: FundingKind::Operating,
            planned_euros: Some(planned),
            actual_euros: spent,
            in_kind_days: None,
        }
    }

    #[test]
    fn planned_and_spent_add_up_per_fiche_per_funder_and_for_the_contract() {
        let mut c = sample();
        c.sheets[0].funding = vec![
            line(900, 2025, Some(51), 1000, Some(800)),
            line(901, 2025, Some(50), 500, None),
            line(902, 2026, Some(50), 9999, Some(1)),
        ];
        c.sheets[2].funding = vec![line(903, 2025, None, 200, Some(250))];
        let budget = budget_of_year(&c, 2025);
        assert_eq!(budget.lines.len(), 3);
        assert_eq!(budget.contract, planned(1700, 3, 0, 1050, 1));
        assert_eq!(budget.contract.spent_percent(), Some(61));
        // Reading order: the suicide fiche (axis 2) comes after the care fiche (axis 1), which has
        // no line; coordination (no axis) last.
        let sheets: Vec<Id> = budget.per_sheet.iter().map(|(s, _)| *s).collect();
        assert_eq!(sheets, [id(100), id(300)]);
        assert_eq!(budget.per_sheet[1].1, planned(200, 1, 0, 250, 0));
        // Directory order: ARS (50) before the Mutualité (51), no funder last.
        let funders: Vec<Option<Id>> = budget.per_funder.iter().map(|(f, _)| *f).collect();
        assert_eq!(funders, [Some(id(50)), Some(id(51)), None]);
        assert_eq!(budget.per_funder[0].1, planned(500, 1, 0, 0, 1));
    }

    fn planned(euros: u64, known: usize, unknown: usize, spent: u64, missing: usize) -> Planned {
        Planned { planned: AmountSum { euros, known, unknown }, spent, missing }
    }

    #[test]
    fn an_amount_to_specify_stays_unknown_in_every_total() {
        let mut c = sample();
        c.sheets[0].funding =
            vec![line(900, 2025, Some(51), 1000, None), line(901, 2025, Some(50), 0, None)];
        c.sheets[0].funding[1].planned_euros = None;
        let budget = budget_of_year(&c, 2025);
        assert_eq!(budget.lines[1].planned, None);
        assert_eq!(budget.contract.planned.text(), "1\u{202f}000\u{a0}€ dont 1 montant à préciser");
        assert_eq!(budget.per_sheet[0].1, planned(1000, 1, 1, 0, 2));
        assert_eq!(budget.per_funder[0].1.planned.text(), "montant à préciser");
        assert_eq!(budget.contract.spent_percent(), Some(0));
    }

    #[test]
    fn the_table_names_each_fiche_as_everywhere_and_keys_lines_by_id() {
        let mut c = sample();
        c.sheets[0].funding = vec![line(900, 2025, Some(51), 1000, None)];
        c.sheets[2].funding = vec![line(903, 2025, None, 200, Some(250))];
        c.sheets[0].title = "  ".into();
        let numbers = Numbering::of(&c);
        let (lines, _) = budget_table(&c, &numbers, 2025);
        let BudgetTableLine::Funding { label, planned, .. } = &lines[0] else { panic!() };
        assert_eq!(*label, format!("{} — Mutualité Française", c.sheets[0].label(&numbers)));
        assert!(label.starts_with("Fiche action n°2 – Sans titre — "), "{label}");
        assert_eq!(planned, "1\u{202f}000\u{a0}€");
        let BudgetTableLine::Funding { label, .. } = &lines[2] else { panic!() };
        assert!(label.ends_with(" — Financeur non précisé"), "{label}");
        let keys: Vec<BudgetLineKey> = lines.iter().map(BudgetTableLine::key).collect();
        assert_eq!(
            keys,
            [
                BudgetLineKey::Funding(id(900)),
                BudgetLineKey::Subtotal(id(100)),
                BudgetLineKey::Funding(id(903)),
                BudgetLineKey::Subtotal(id(300)),
            ]
        );
        let BudgetTableLine::Subtotal { label, spent, .. } = &lines[1] else { panic!() };
        assert_eq!(
            (label.as_str(), spent.as_str()),
            ("Total de la fiche n°2", "0\u{a0}€ (1 ligne non renseignée)")
        );
    }

    #[test]
    fn a_year_without_lines_has_empty_totals() {
        let budget = budget_of_year(&sample(), 2025);
        assert!(budget.lines.is_empty());
        assert_eq!(budget.contract.spent_percent(), None);
    }
}
