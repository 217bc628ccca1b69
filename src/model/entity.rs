//! What every shareable entity has: a stable id and a modification time. Merging compares
//! them; editing an entity in a list goes through `edit_by_id`, which stamps the time.

use super::{
    Action, ActionSheet, Axis, Finding, FormerItem, FormerSheet, FundingLine, GovernanceBody, Id,
    Indicator, Meeting, Member, Organisation, SpecificObjective, StrategicObjective, Timestamp,
};

pub trait Entity {
    fn id(&self) -> Id;
    fn touch(&mut self, now: Timestamp);
}

macro_rules! entities {
    ($($kind:ty),+ $(,)?) => {
        $(impl Entity for $kind {
            fn id(&self) -> Id {
                self.id
            }
            fn touch(&mut self, now: Timestamp) {
                self.modified_at = now;
            }
        })+
    };
}

entities!(
    Organisation,
    GovernanceBody,
    FormerSheet,
    FormerItem,
    Member,
    Meeting,
    Finding,
    Axis,
    StrategicObjective,
    ActionSheet,
    SpecificObjective,
    Action,
    FundingLine,
    Indicator
);

/// Changes the entity with this id in `items` and stamps it; false when it is not there.
pub fn edit_by_id<T: Entity>(
    items: &mut [T],
    id: Id,
    now: Timestamp,
    change: impl FnOnce(&mut T),
) -> bool {
    match items.iter_mut().find(|item| item.id() == id) {
        Some(item) => {
            change(item);
            item.touch(now);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_and_stamps_only_the_named_entity() {
        let mut actions =
            vec![Action::new(Id::from_u128(1), "a", 0), Action::new(Id::from_u128(2), "b", 0)];
        assert!(edit_by_id(&mut actions, Id::from_u128(2), 9, |a| a.milestone = true));
        assert_eq!((actions[1].milestone, actions[1].modified_at), (true, 9));
        assert_eq!(actions[0].modified_at, 0);
        assert!(!edit_by_id(&mut actions, Id::from_u128(3), 9, |a| a.milestone = true));
    }
}
