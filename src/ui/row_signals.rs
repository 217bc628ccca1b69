//! One signal per row of a list that can be long, kept current by one effect per list, so
//! that a change wakes only the rows whose content changed. « Suivi »'s tables (follow-up,
//! indicators, budget) read their rows this way.
//!
//! Why not a memo per row over the contract (`row_lens`): each such memo subscribes to the
//! workspace signal and re-runs on every change, and each re-run takes it out of the
//! workspace's subscriber set and puts it back. That removal is linear in the number of
//! subscribers, so with 1,100 rows (the 1,000-action benchmark contract), plus the indicators
//! and funding lines, every keystroke cost time in the square of the rows: hundreds of
//! milliseconds (`make bench`, bench/RESULTS.md). Here the list's effect is the only
//! subscriber: it reads every row's value, compares it with the row's signal and writes only
//! those that differ.
//!
//! When to use which: this one for any list whose length grows with the contract's size (every
//! action, every funding line, every indicator); `row_lens` for short lists edited in forms,
//! where the row's writes matter more than the cost of reading. A row's value is read through
//! the model's own functions (`RowOwner::reviews_in`, `IndicatorOwner::indicators_in`), given
//! the fiche that `Sheets` found, never a copy of them written here.

#![cfg(target_arch = "wasm32")]

use crate::model::{ActionSheet, Contract, Id};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::collections::HashMap;
use std::hash::Hash;

/// The contract as rows read it, with its fiches found by id. The effect that reads every row
/// indexes them first (a thousand rows would otherwise each walk the fiches); a row read alone
/// just looks.
pub struct Sheets<'a> {
    pub contract: &'a Contract,
    index: Option<HashMap<Id, usize>>,
}

impl<'a> Sheets<'a> {
    fn indexed(contract: &'a Contract) -> Self {
        let index = contract.sheets.iter().enumerate().map(|(rank, s)| (s.id, rank)).collect();
        Sheets { contract, index: Some(index) }
    }

    fn plain(contract: &'a Contract) -> Self {
        Sheets { contract, index: None }
    }

    pub fn sheet(&self, id: Id) -> Option<&'a ActionSheet> {
        match &self.index {
            Some(index) => index.get(&id).map(|rank| &self.contract.sheets[*rank]),
            None => self.contract.sheet(id),
        }
    }
}

/// How a table reads a row for a year: its new value when it differs from `old`, `None` when
/// it is the same (so that unchanged rows, nearly all of them, are compared, not cloned). A row
/// whose owner is gone reads as the default value: its row is about to go too.
pub type ReadRow<K, T> = fn(sheets: &Sheets<'_>, year: i32, key: K, old: &T) -> Option<T>;

/// The signals of one table's rows, by row key, each holding what `read` gives for the year.
pub struct RowSignals<K: 'static, T: 'static> {
    signals: StoredValue<HashMap<K, ArcRwSignal<T>>>,
    state: AppState,
    year: Memo<i32>,
    read: ReadRow<K, T>,
}

impl<K: 'static, T: 'static> Clone for RowSignals<K, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: 'static, T: 'static> Copy for RowSignals<K, T> {}

impl<K, T> RowSignals<K, T>
where
    K: Copy + Eq + Hash + Send + Sync + 'static,
    T: Clone + PartialEq + Default + Send + Sync + 'static,
{
    /// The signals of a table shown for `year`, with the effect that keeps them current; both
    /// live as long as the component that calls this.
    pub fn new(state: AppState, year: Memo<i32>, read: ReadRow<K, T>) -> Self {
        let rows = RowSignals { signals: StoredValue::new(HashMap::new()), state, year, read };
        Effect::new(move |_| {
            let year = year.get();
            // The changed rows are collected first and written once no lock is held: writing
            // wakes the rows, which may read the contract or ask for a signal of their own.
            let changed: Vec<(ArcRwSignal<T>, T)> = state
                .workspace
                .with(|ws| {
                    let sheets = Sheets::indexed(ws.active()?);
                    rows.signals.try_with_value(|signals| {
                        signals
                            .iter()
                            .filter_map(|(key, signal)| {
                                let value =
                                    signal.with_untracked(|old| read(&sheets, year, *key, old));
                                Some((signal.clone(), value?))
                            })
                            .collect()
                    })
                })
                .unwrap_or_default();
            for (signal, value) in changed {
                signal.set(value);
            }
        });
        rows
    }

    /// The signal of one row, created with its current value the first time it is asked for.
    pub fn get(self, key: K) -> ReadSignal<T> {
        let existing = self.signals.with_value(|signals| signals.get(&key).cloned());
        let signal = existing.unwrap_or_else(|| {
            let year = self.year.get_untracked();
            let read = |c: &Contract| (self.read)(&Sheets::plain(c), year, key, &T::default());
            let value = self.state.workspace.with_untracked(|ws| ws.active().and_then(read));
            let signal = ArcRwSignal::new(value.unwrap_or_default());
            self.signals.update_value(|signals| {
                signals.insert(key, signal.clone());
            });
            signal
        });
        ReadSignal::from(signal.read_only())
    }
}
