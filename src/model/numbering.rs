//! Derived numbering. Numbers are never typed nor stored: they follow the order of axes,
//! objectives and sheets, so reordering renumbers everything at once.
//!
//! - axis: its rank (`2`);
//! - strategic objective: axis rank and its rank in the axis (`2.1`);
//! - specific objective: its strategic objective's number and its rank among the specific
//!   objectives attached to that strategic objective, across sheets in reading order (`2.1.1`);
//! - sheet: its rank in reading order (axis order, then sheet order), as "Fiche action n°3".

use super::{Contract, Id};
use std::collections::HashMap;

/// Every number of a contract, computed in one pass.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Numbering {
    numbers: HashMap<Id, String>,
}

impl Numbering {
    pub fn of(contract: &Contract) -> Self {
        let mut numbers = HashMap::new();
        for (a, axis) in contract.axes.iter().enumerate() {
            numbers.insert(axis.id, (a + 1).to_string());
            for (o, objective) in axis.objectives.iter().enumerate() {
                numbers.insert(objective.id, format!("{}.{}", a + 1, o + 1));
            }
        }
        let mut specific_count: HashMap<Id, usize> = HashMap::new();
        for (s, sheet) in contract.sheets_in_axis_order().into_iter().enumerate() {
            numbers.insert(sheet.id, (s + 1).to_string());
            for specific in &sheet.specific_objectives {
                let parent = specific.strategic_objective_id.and_then(|p| numbers.get(&p).cloned());
                if let (Some(parent_id), Some(parent)) = (specific.strategic_objective_id, parent) {
                    let count = specific_count.entry(parent_id).or_insert(0);
                    *count += 1;
                    numbers.insert(specific.id, format!("{parent}.{count}"));
                }
            }
        }
        Numbering { numbers }
    }

    /// The number of an axis, objective, sheet or specific objective; `None` for an item that
    /// has none (a specific objective not attached to a strategic objective).
    pub fn get(&self, id: Id) -> Option<&str> {
        self.numbers.get(&id).map(String::as_str)
    }

    /// The number or an empty string, for display.
    pub fn label(&self, id: Id) -> &str {
        self.get(id).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionSheet, Axis, SpecificObjective, StrategicObjective};

    fn objective(n: u128) -> StrategicObjective {
        StrategicObjective { id: Id::from_u128(n), modified_at: 0, title: format!("objectif {n}") }
    }

    fn specific(n: u128, parent: u128) -> SpecificObjective {
        SpecificObjective {
            id: Id::from_u128(n),
            modified_at: 0,
            strategic_objective_id: Some(Id::from_u128(parent)),
            text: String::new(),
        }
    }

    fn contract() -> Contract {
        let mut c = Contract::blank(Id::from_u128(1), "CLS", 0);
        let mut axis1 = Axis::new(Id::from_u128(10), "Offre de soins", 0);
        axis1.objectives.push(objective(11));
        let mut axis2 = Axis::new(Id::from_u128(20), "Santé mentale", 0);
        axis2.objectives.extend([objective(21), objective(22)]);
        c.axes = vec![axis1, axis2];
        let mut sheet_a = ActionSheet::new(Id::from_u128(100), "Santé mentale", 0);
        sheet_a.axis_id = Some(Id::from_u128(20));
        sheet_a.specific_objectives = vec![specific(101, 21), specific(102, 21), specific(103, 22)];
        let mut sheet_b = ActionSheet::new(Id::from_u128(200), "Attractivité", 0);
        sheet_b.axis_id = Some(Id::from_u128(10));
        sheet_b.specific_objectives = vec![specific(201, 11)];
        c.sheets = vec![sheet_a, sheet_b];
        c
    }

    #[test]
    fn numbers_follow_the_hierarchy() {
        let n = Numbering::of(&contract());
        assert_eq!(n.get(Id::from_u128(20)), Some("2"));
        assert_eq!(n.get(Id::from_u128(22)), Some("2.2"));
        assert_eq!(n.get(Id::from_u128(102)), Some("2.1.2"));
        assert_eq!(n.get(Id::from_u128(103)), Some("2.2.1"));
        assert_eq!(n.get(Id::from_u128(201)), Some("1.1.1"));
        // Sheets are numbered in axis order: the axis-1 sheet comes first.
        assert_eq!(n.get(Id::from_u128(200)), Some("1"));
        assert_eq!(n.get(Id::from_u128(100)), Some("2"));
    }

    #[test]
    fn reordering_renumbers() {
        let mut c = contract();
        c.axes.swap(0, 1);
        c.axes[0].objectives.swap(0, 1);
        let n = Numbering::of(&c);
        assert_eq!(n.get(Id::from_u128(20)), Some("1"));
        assert_eq!(n.get(Id::from_u128(22)), Some("1.1"));
        assert_eq!(n.get(Id::from_u128(103)), Some("1.1.1"));
        assert_eq!(n.get(Id::from_u128(11)), Some("2.1"));
        assert_eq!(n.get(Id::from_u128(100)), Some("1"));
    }

    #[test]
    fn unattached_specific_objectives_have_no_number() {
        let mut c = contract();
        c.sheets[0].specific_objectives[0].strategic_objective_id = None;
        let n = Numbering::of(&c);
        assert_eq!(n.get(Id::from_u128(101)), None);
        assert_eq!(n.get(Id::from_u128(102)), Some("2.1.1"));
    }
}
