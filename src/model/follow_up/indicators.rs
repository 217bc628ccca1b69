//! Indicators in « Suivi » for one year: the contract's own first, then each fiche's, with the
//! year's target and result, and the dashboard's two figures (how many have a result, how many
//! reach their target).

use crate::model::numbering::Numbering;
use crate::model::{ActionSheet, Contract, Id, Indicator};

/// Where an indicator lives: the contract itself, or a fiche.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IndicatorOwner {
    Contract,
    Sheet(Id),
}

/// One indicator as « Suivi » shows it for a year.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorRow {
    pub owner: IndicatorOwner,
    pub indicator_id: Id,
    /// « Indicateurs du contrat » or « Fiche action n°3 – Titre ».
    pub group: String,
    pub name: String,
    pub has_result: bool,
    /// `None` when it cannot be told (see `Indicator::target_reached`).
    pub reached: Option<bool>,
}

/// The dashboard's indicator figures for a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct IndicatorSummary {
    pub indicators: usize,
    pub with_result: usize,
    pub reached: usize,
    /// Indicators whose reaching can be told (numeric, with a result and a target).
    pub measurable: usize,
}

impl IndicatorSummary {
    pub fn of(rows: &[IndicatorRow]) -> Self {
        IndicatorSummary {
            indicators: rows.len(),
            with_result: rows.iter().filter(|r| r.has_result).count(),
            reached: rows.iter().filter(|r| r.reached == Some(true)).count(),
            measurable: rows.iter().filter(|r| r.reached.is_some()).count(),
        }
    }
}

/// The group label of the contract's own indicators.
pub const CONTRACT_GROUP: &str = "Indicateurs du contrat";

/// Every indicator of the contract for `year`: the contract's own, then each fiche's in reading
/// order.
pub fn indicator_rows(contract: &Contract, numbers: &Numbering, year: i32) -> Vec<IndicatorRow> {
    let row = |owner, group: &str, indicator: &Indicator| IndicatorRow {
        owner,
        indicator_id: indicator.id,
        group: group.to_string(),
        name: indicator.name.trim().to_string(),
        has_result: indicator.value_of(year).is_some_and(|v| v.has_result()),
        reached: indicator.target_reached(year),
    };
    let mut rows: Vec<IndicatorRow> = contract
        .indicators
        .iter()
        .map(|i| row(IndicatorOwner::Contract, CONTRACT_GROUP, i))
        .collect();
    for sheet in contract.sheets_in_axis_order() {
        let group = sheet.label(numbers);
        rows.extend(
            sheet.indicators.iter().map(|i| row(IndicatorOwner::Sheet(sheet.id), &group, i)),
        );
    }
    rows
}

impl IndicatorOwner {
    /// The indicators this owner holds.
    pub fn indicators_mut(self, contract: &mut Contract) -> Option<&mut Vec<Indicator>> {
        match self {
            Self::Contract => Some(&mut contract.indicators),
            Self::Sheet(id) => contract.sheet_mut(id).map(|s| &mut s.indicators),
        }
    }

    pub fn indicators(self, contract: &Contract) -> Option<&[Indicator]> {
        self.indicators_in(contract, |id| contract.sheet(id))
    }

    /// [`IndicatorOwner::indicators`], with the fiche found by `sheet`: a table that reads every
    /// row finds the fiches through an index.
    pub fn indicators_in<'a>(
        self,
        contract: &'a Contract,
        sheet: impl FnOnce(Id) -> Option<&'a ActionSheet>,
    ) -> Option<&'a [Indicator]> {
        match self {
            Self::Contract => Some(&contract.indicators),
            Self::Sheet(id) => sheet(id).map(|s| s.indicators.as_slice()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::planning::fixture::{id, sample};
    use crate::model::{IndicatorKind, IndicatorScale};

    #[test]
    fn contract_indicators_come_first_and_targets_are_counted() {
        let mut c = sample();
        let mut trained = Indicator::new(id(700), IndicatorKind::Process, "Personnes formées", 0);
        trained.scale = IndicatorScale::AtLeast;
        trained.target = "30".into();
        trained.edit_value(2025, |v| v.result = "35".into());
        let mut waiting = Indicator::new(id(701), IndicatorKind::Outcome, "Délai d’attente", 0);
        waiting.scale = IndicatorScale::AtMost;
        waiting.edit_value(2025, |v| {
            v.target = "20".into();
            v.result = "24".into();
        });
        let words = Indicator::new(id(702), IndicatorKind::Outcome, "Satisfaction", 0);
        c.indicators = vec![waiting];
        c.sheets[0].indicators = vec![trained, words];
        let rows = indicator_rows(&c, &Numbering::of(&c), 2025);
        assert_eq!(rows[0].group, CONTRACT_GROUP);
        assert_eq!(rows[1].group, "Fiche action n°2 – Prévention du suicide");
        let summary = IndicatorSummary::of(&rows);
        assert_eq!(
            summary,
            IndicatorSummary { indicators: 3, with_result: 2, reached: 1, measurable: 2 }
        );
        let none = IndicatorSummary::of(&indicator_rows(&c, &Numbering::of(&c), 2026));
        assert_eq!((none.with_result, none.reached), (0, 0));
    }
}
