//! The reminder to back up: when to show « Dernière copie de sauvegarde : il y a N jours », and
//! what the browser remembers to decide it (when each contract was last written to a file, and
//! when the reminder was last put away).
//!
//! Why per contract: exporting one contract is a copy of that contract only, so it must not
//! silence the reminder for another contract changed since. Every JSON export of a whole
//! contract counts (« Télécharger le contrat (JSON) », « Copier dans le presse-papiers », and
//! « Télécharger une sauvegarde », which covers every contract); an export of a selection of
//! fiches does not, since it is not a copy of the whole contract. Restoring a backup file
//! counts as a copy of what it restored, made when the file was written. The example or the
//! demonstration just loaded is not the user's work: it brings no reminder until changed.

use super::{Id, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One day in milliseconds (the unit of [`Timestamp`]).
pub const DAY_MS: Timestamp = 24 * 60 * 60 * 1000;

/// A copy older than this many days, of a contract changed since, brings the reminder back.
pub const REMINDER_AFTER_DAYS: Timestamp = 7;

/// What the browser remembers about copies, kept in local storage beside the workspace (not in
/// it: a copy is a fact about this browser, not about the contracts that travel in files).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupRecord {
    /// When each contract was last exported whole, by contract id.
    pub exported: BTreeMap<Id, Timestamp>,
    /// When the reminder was last put away (« Masquer le rappel »): it stays hidden until a
    /// contract changes after that.
    pub dismissed_at: Option<Timestamp>,
    /// Contracts loaded from the example or the demonstration, with when. Until changed after
    /// that, such a contract is not the user's own work (the app rebuilds it at a click) and
    /// calls for no copy: the reminder waits for a change.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub loaded_examples: BTreeMap<Id, Timestamp>,
}

impl BackupRecord {
    /// Notes that these contracts were just written to a file. Contracts no longer in the
    /// workspace (`present`) are forgotten, so that the record does not grow for ever.
    pub fn record_export(&mut self, ids: &[Id], at: Timestamp, present: &[Id]) {
        for id in ids {
            self.exported.insert(*id, at);
        }
        self.forget_absent(present);
    }

    /// Notes that this contract was just loaded from the example or the demonstration, stamped
    /// `at` (its `modified_at`). Contracts no longer in the workspace are forgotten.
    pub fn record_loaded_example(&mut self, id: Id, at: Timestamp, present: &[Id]) {
        self.loaded_examples.insert(id, at);
        self.forget_absent(present);
    }

    fn forget_absent(&mut self, present: &[Id]) {
        self.exported.retain(|id, _| present.contains(id));
        self.loaded_examples.retain(|id, _| present.contains(id));
    }
}

/// What the reminder says, if it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reminder {
    Hidden,
    /// A contract changed that was never written to a file from this browser.
    NeverBackedUp,
    /// The oldest copy among the contracts changed since their copy, in whole days.
    DaysAgo(Timestamp),
}

impl Reminder {
    /// The notice's first sentence.
    pub fn headline(self) -> Option<String> {
        match self {
            Reminder::Hidden => None,
            Reminder::NeverBackedUp => {
                Some("Aucune copie de sauvegarde n’a encore été faite.".to_string())
            }
            Reminder::DaysAgo(1) => Some("Dernière copie de sauvegarde : il y a 1 jour.".into()),
            Reminder::DaysAgo(days) => {
                Some(format!("Dernière copie de sauvegarde : il y a {days} jours."))
            }
        }
    }
}

/// Why the copy matters, said beside the headline.
pub const WHY_BACK_UP: &str = "Vos contrats ne sont que dans ce navigateur, et certains \
    navigateurs effacent les données d’un site qui n’a pas été ouvert depuis quelques jours.";

/// The rule. `contracts` gives each contract's id and last modification. The reminder shows
/// when some contract changed after its last copy (or has none), that copy is more than
/// [`REMINDER_AFTER_DAYS`] old (or never happened), and nothing changed since it was put away.
/// An example or demonstration not changed since it was loaded is not a change.
pub fn reminder(
    contracts: impl IntoIterator<Item = (Id, Timestamp)>,
    record: &BackupRecord,
    now: Timestamp,
) -> Reminder {
    let mut latest_change = None::<Timestamp>;
    // The oldest copy among the changed contracts; `None` inside once one was never copied.
    let mut oldest_copy = None::<Option<Timestamp>>;
    for (id, modified_at) in contracts {
        let copied = record.exported.get(&id).copied();
        if copied.is_some_and(|at| modified_at <= at) {
            continue;
        }
        if record.loaded_examples.get(&id).is_some_and(|at| modified_at <= *at) {
            continue;
        }
        latest_change = latest_change.max(Some(modified_at));
        oldest_copy = Some(match (oldest_copy, copied) {
            (None, copied) => copied,
            (Some(Some(a)), Some(b)) => Some(a.min(b)),
            _ => None,
        });
    }
    let (Some(latest_change), Some(oldest_copy)) = (latest_change, oldest_copy) else {
        return Reminder::Hidden;
    };
    if record.dismissed_at.is_some_and(|at| latest_change <= at) {
        return Reminder::Hidden;
    }
    match oldest_copy {
        None => Reminder::NeverBackedUp,
        Some(at) if now.saturating_sub(at) > REMINDER_AFTER_DAYS * DAY_MS => {
            Reminder::DaysAgo(now.saturating_sub(at) / DAY_MS)
        }
        Some(_) => Reminder::Hidden,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NOW: Timestamp = 1_800_000_000_000;

    fn id(n: u128) -> Id {
        Id::from_u128(n)
    }

    fn copied(pairs: &[(u128, Timestamp)]) -> BackupRecord {
        BackupRecord {
            exported: pairs.iter().map(|(n, at)| (id(*n), *at)).collect(),
            ..BackupRecord::default()
        }
    }

    #[test]
    fn no_contract_no_reminder() {
        assert_eq!(reminder([], &BackupRecord::default(), NOW), Reminder::Hidden);
    }

    #[test]
    fn a_contract_never_copied_brings_the_never_message() {
        let shown = reminder([(id(1), NOW - 10)], &BackupRecord::default(), NOW);
        assert_eq!(shown, Reminder::NeverBackedUp);
        assert_eq!(
            shown.headline().as_deref(),
            Some("Aucune copie de sauvegarde n’a encore été faite.")
        );
    }

    #[test]
    fn a_changed_contract_whose_copy_is_over_a_week_old_says_how_many_days() {
        let record = copied(&[(1, NOW - 10 * DAY_MS - 5)]);
        let shown = reminder([(id(1), NOW - DAY_MS)], &record, NOW);
        assert_eq!(shown, Reminder::DaysAgo(10));
        assert_eq!(
            shown.headline().as_deref(),
            Some("Dernière copie de sauvegarde : il y a 10 jours.")
        );
    }

    #[test]
    fn a_week_exactly_is_not_more_than_a_week() {
        let record = copied(&[(1, NOW - 7 * DAY_MS)]);
        assert_eq!(reminder([(id(1), NOW)], &record, NOW), Reminder::Hidden);
        let record = copied(&[(1, NOW - 7 * DAY_MS - 1)]);
        assert_eq!(reminder([(id(1), NOW)], &record, NOW), Reminder::DaysAgo(7));
    }

    #[test]
    fn an_old_copy_of_an_unchanged_contract_needs_no_reminder() {
        let record = copied(&[(1, NOW - 30 * DAY_MS)]);
        assert_eq!(reminder([(id(1), NOW - 31 * DAY_MS)], &record, NOW), Reminder::Hidden);
    }

    #[test]
    fn exporting_one_contract_does_not_silence_another() {
        let record = copied(&[(1, NOW)]);
        let contracts = [(id(1), NOW - 5), (id(2), NOW - 5)];
        assert_eq!(reminder(contracts, &record, NOW), Reminder::NeverBackedUp);
    }

    #[test]
    fn the_oldest_copy_among_changed_contracts_is_the_one_told() {
        let record =
            copied(&[(1, NOW - 9 * DAY_MS), (2, NOW - 20 * DAY_MS), (3, NOW - 40 * DAY_MS)]);
        // Contract 3 has not changed since its copy: its older copy does not count.
        let contracts = [(id(1), NOW), (id(2), NOW), (id(3), NOW - 50 * DAY_MS)];
        assert_eq!(reminder(contracts, &record, NOW), Reminder::DaysAgo(20));
    }

    #[test]
    fn putting_it_away_hides_it_until_the_next_change() {
        let mut record = BackupRecord { dismissed_at: Some(NOW - 100), ..BackupRecord::default() };
        assert_eq!(reminder([(id(1), NOW - 200)], &record, NOW), Reminder::Hidden);
        assert_eq!(reminder([(id(1), NOW - 50)], &record, NOW), Reminder::NeverBackedUp);
        record.dismissed_at = None;
        assert_eq!(reminder([(id(1), NOW - 200)], &record, NOW), Reminder::NeverBackedUp);
    }

    #[test]
    fn an_example_just_loaded_needs_no_copy_until_it_changes() {
        let mut record = BackupRecord::default();
        record.record_loaded_example(id(1), NOW - 10, &[id(1)]);
        assert_eq!(reminder([(id(1), NOW - 10)], &record, NOW), Reminder::Hidden);
        // The user's own contract beside it still counts.
        let both = [(id(1), NOW - 10), (id(2), NOW - 5)];
        assert_eq!(reminder(both, &record, NOW), Reminder::NeverBackedUp);
        // Once changed, the example is the user's work like any other.
        assert_eq!(reminder([(id(1), NOW - 9)], &record, NOW), Reminder::NeverBackedUp);
        let record =
            BackupRecord { exported: copied(&[(1, NOW - 20 * DAY_MS)]).exported, ..record };
        assert_eq!(reminder([(id(1), NOW - 9)], &record, NOW), Reminder::DaysAgo(20));
    }

    #[test]
    fn recording_an_example_forgets_contracts_that_are_gone() {
        let mut record = copied(&[(1, 5), (2, 5)]);
        record.record_loaded_example(id(1), 3, &[id(1), id(3)]);
        record.record_loaded_example(id(3), 7, &[id(1), id(3)]);
        assert_eq!(record.exported, copied(&[(1, 5)]).exported);
        assert_eq!(record.loaded_examples, BTreeMap::from([(id(1), 3), (id(3), 7)]));
        record.record_export(&[id(3)], 9, &[id(3)]);
        assert_eq!(record.loaded_examples, BTreeMap::from([(id(3), 7)]));
    }

    #[test]
    fn recording_an_export_forgets_contracts_that_are_gone() {
        let mut record = copied(&[(1, 5), (2, 5)]);
        record.record_export(&[id(3)], 9, &[id(1), id(3)]);
        assert_eq!(record, copied(&[(1, 5), (3, 9)]));
    }

    #[test]
    fn the_record_reads_back_what_it_wrote_and_tolerates_missing_fields() {
        let mut record = BackupRecord { dismissed_at: Some(3), ..copied(&[(1, 5)]) };
        record.loaded_examples.insert(id(2), 4);
        let text = crate::model::json::to_text(&record).unwrap();
        assert_eq!(crate::model::json::from_text::<BackupRecord>(&text).unwrap(), record);
        assert_eq!(
            crate::model::json::from_text::<BackupRecord>("{}").unwrap(),
            BackupRecord::default()
        );
    }

    fn at() -> impl Strategy<Value = Timestamp> {
        NOW - 60 * DAY_MS..NOW + DAY_MS
    }

    proptest! {
        /// The rule, said another way: shown exactly when some contract changed after its copy
        /// (or has none) and after the dismissal, and that copy is over a week old or missing;
        /// the days told are those of the oldest such copy.
        #[test]
        fn the_reminder_follows_its_rule(
            contracts in prop::collection::vec((0u128..6, at()), 0..6),
            copies in prop::collection::vec((0u128..6, at()), 0..6),
            dismissed in prop::option::of(at()),
        ) {
            let mut record = copied(&copies);
            record.dismissed_at = dismissed;
            let contracts: Vec<(Id, Timestamp)> =
                contracts.into_iter().map(|(n, m)| (id(n), m)).collect();
            let changed: Vec<(Timestamp, Option<Timestamp>)> = contracts
                .iter()
                .map(|(i, m)| (*m, record.exported.get(i).copied()))
                .filter(|(m, c)| c.is_none_or(|c| *m > c))
                .collect();
            let shown = reminder(contracts.iter().copied(), &record, NOW);
            let latest = changed.iter().map(|(m, _)| *m).max();
            let put_away = match (latest, dismissed) {
                (Some(l), Some(d)) => l <= d,
                _ => false,
            };
            if changed.is_empty() || put_away {
                prop_assert_eq!(shown, Reminder::Hidden);
            } else if changed.iter().any(|(_, c)| c.is_none()) {
                prop_assert_eq!(shown, Reminder::NeverBackedUp);
            } else {
                let oldest = changed.iter().filter_map(|(_, c)| *c).min().unwrap();
                let age = NOW - oldest;
                if age > 7 * DAY_MS {
                    prop_assert_eq!(shown, Reminder::DaysAgo(age / DAY_MS));
                    prop_assert!(age / DAY_MS >= 7);
                } else {
                    prop_assert_eq!(shown, Reminder::Hidden);
                }
            }
            // Exporting every contract now always hides it.
            let ids: Vec<Id> = contracts.iter().map(|(i, _)| *i).collect();
            let mut after = record.clone();
            after.record_export(&ids, NOW + DAY_MS, &ids);
            prop_assert_eq!(reminder(contracts.iter().copied(), &after, NOW + DAY_MS), Reminder::Hidden);
        }
    }
}
