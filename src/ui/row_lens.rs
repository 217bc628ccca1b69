//! One row of a list in the open contract (an action of a sheet, a member of the COPIL, an
//! organisation of the directory...), found by its id: the reads and writes its fields need.
//!
//! Every row reads the one workspace signal (README, « Speed »), so each read is a `Memo`:
//! a keystroke anywhere re-runs it, and only a value that really changed reaches the page.
//! An edit stamps the row, the sheet or axis holding it (if any) and the contract, so that
//! merging sees what changed; a move stamps the holder and the contract.
//!
//! When to use it: for the short lists edited in forms (a fiche's actions, the axes, the COPIL,
//! the directory: tens of rows), where its writes (`edit`, `shift`, `remove_with_undo`) are the
//! point. Each of its memos subscribes to the workspace, and every subscriber costs each
//! keystroke a little (in the square of their number, `row_signals` says why), so a list that
//! can hold hundreds of rows (« Suivi »'s tables) reads its rows through `row_signals` instead.

#![cfg(target_arch = "wasm32")]

use super::state::AppState;
use crate::model::entity::{edit_by_id, Entity};
use crate::model::list_edit::{restore_at, take_where};
use crate::model::order::move_by;
use crate::model::{
    Action, Axis, Contract, FormerItem, FormerSheet, FundingLine, GovernanceBody, Id, Indicator,
    Meeting, Member, Organisation, SpecificObjective, StrategicObjective, Timestamp,
};
use leptos::prelude::*;
use std::marker::PhantomData;

/// A kind of row, and where its list lives: in the contract itself (no `owner`), or in the
/// sheet or axis `owner`.
pub trait Listed: Entity + Clone + Send + Sync + 'static {
    fn list(contract: &Contract, owner: Option<Id>) -> Option<&Vec<Self>>;
    fn list_mut(contract: &mut Contract, owner: Option<Id>) -> Option<&mut Vec<Self>>;
    /// Stamps the owner as modified when one of its rows is edited or moved (a sheet is the
    /// unit partners exchange). Lists of the contract itself have no owner to stamp.
    fn touch_owner(_contract: &mut Contract, _owner: Option<Id>, _now: Timestamp) {}
}

/// Rows listed in the contract itself: `Kind: path.to.list`.
macro_rules! in_contract {
    ($($kind:ty: $($field:ident).+;)+) => {$(
        impl Listed for $kind {
            fn list(contract: &Contract, _: Option<Id>) -> Option<&Vec<Self>> {
                Some(&contract.$($field).+)
            }
            fn list_mut(contract: &mut Contract, _: Option<Id>) -> Option<&mut Vec<Self>> {
                Some(&mut contract.$($field).+)
            }
        }
    )+};
}

/// Rows listed in a sheet: `Kind: list`.
macro_rules! in_sheet {
    ($($kind:ty: $field:ident;)+) => {$(
        impl Listed for $kind {
            fn list(contract: &Contract, sheet: Option<Id>) -> Option<&Vec<Self>> {
                contract.sheet(sheet?).map(|s| &s.$field)
            }
            fn list_mut(contract: &mut Contract, sheet: Option<Id>) -> Option<&mut Vec<Self>> {
                contract.sheet_mut(sheet?).map(|s| &mut s.$field)
            }
            fn touch_owner(contract: &mut Contract, sheet: Option<Id>, now: Timestamp) {
                if let Some(sheet) = sheet {
                    edit_by_id(&mut contract.sheets, sheet, now, |_| ());
                }
            }
        }
    )+};
}

in_contract! {
    Organisation: organisations;
    GovernanceBody: governance.bodies;
    FormerSheet: previous_review.sheets;
    Member: governance.members;
    Meeting: governance.meetings;
    Axis: axes;
}

in_sheet! {
    SpecificObjective: specific_objectives;
    Action: actions;
    FundingLine: funding;
}

/// A row of the previous contract's bilan, owned by its former fiche.
impl Listed for FormerItem {
    fn list(contract: &Contract, sheet: Option<Id>) -> Option<&Vec<Self>> {
        contract.previous_review.sheets.iter().find(|s| Some(s.id) == sheet).map(|s| &s.items)
    }
    fn list_mut(contract: &mut Contract, sheet: Option<Id>) -> Option<&mut Vec<Self>> {
        let sheets = &mut contract.previous_review.sheets;
        sheets.iter_mut().find(|s| Some(s.id) == sheet).map(|s| &mut s.items)
    }
}

/// Indicators live in two places: a sheet's (owner: the sheet) and the contract's own
/// evaluation indicators (no owner), so that one editor serves the « Évaluation » step and the
/// « Contrat » screen.
impl Listed for Indicator {
    fn list(contract: &Contract, sheet: Option<Id>) -> Option<&Vec<Self>> {
        match sheet {
            Some(sheet) => contract.sheet(sheet).map(|s| &s.indicators),
            None => Some(&contract.indicators),
        }
    }
    fn list_mut(contract: &mut Contract, sheet: Option<Id>) -> Option<&mut Vec<Self>> {
        match sheet {
            Some(sheet) => contract.sheet_mut(sheet).map(|s| &mut s.indicators),
            None => Some(&mut contract.indicators),
        }
    }
    fn touch_owner(contract: &mut Contract, sheet: Option<Id>, now: Timestamp) {
        if let Some(sheet) = sheet {
            edit_by_id(&mut contract.sheets, sheet, now, |_| ());
        }
    }
}

impl Listed for StrategicObjective {
    fn list(contract: &Contract, axis: Option<Id>) -> Option<&Vec<Self>> {
        contract.axis(axis?).map(|a| &a.objectives)
    }
    fn list_mut(contract: &mut Contract, axis: Option<Id>) -> Option<&mut Vec<Self>> {
        let axis = axis?;
        contract.axes.iter_mut().find(|a| a.id == axis).map(|a| &mut a.objectives)
    }
    fn touch_owner(contract: &mut Contract, axis: Option<Id>, now: Timestamp) {
        if let Some(axis) = axis {
            edit_by_id(&mut contract.axes, axis, now, |_| ());
        }
    }
}

/// The ids of the rows of kind `T` under `owner`, in their order: what a `<For>` of rows is
/// keyed by. It changes only when rows are added, removed or moved.
pub fn row_ids<T: Listed>(state: AppState, owner: Option<Id>) -> Memo<Vec<Id>> {
    Memo::new(move |_| {
        state
            .with_contract(|c| T::list(c, owner).map(|list| list.iter().map(T::id).collect()))
            .flatten()
            .unwrap_or_default()
    })
}

/// Adds `item` at the end of the list of kind `T` under `owner`, stamping the owner.
pub fn push_row<T: Listed>(state: AppState, owner: Option<Id>, item: T) {
    state.edit_contract(|c, now| {
        if let Some(list) = T::list_mut(c, owner) {
            list.push(item);
        }
        T::touch_owner(c, owner, now);
    });
}

/// The row `id` of kind `T`, under `owner` (the sheet or axis; none for the contract's own
/// lists). It is `Copy`, so every field's closure can hold it.
pub struct RowLens<T> {
    state: AppState,
    owner: Option<Id>,
    id: Id,
    kind: PhantomData<fn() -> T>,
}

impl<T> Clone for RowLens<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for RowLens<T> {}

impl<T: Listed> RowLens<T> {
    /// A row of the sheet or axis `owner`.
    pub fn new(state: AppState, owner: Id, id: Id) -> Self {
        RowLens { state, owner: Some(owner), id, kind: PhantomData }
    }

    /// A row of the contract's own lists (organisations, members, meetings, axes).
    pub fn of_contract(state: AppState, id: Id) -> Self {
        RowLens { state, owner: None, id, kind: PhantomData }
    }

    /// A row under `owner`, or of the contract's own list when `None`: for a component that
    /// serves both (the indicators).
    pub fn under(state: AppState, owner: Option<Id>, id: Id) -> Self {
        RowLens { state, owner, id, kind: PhantomData }
    }

    /// The sheet or axis holding the row; `None` for the contract's own lists.
    pub fn owner(self) -> Option<Id> {
        self.owner
    }

    pub fn id(self) -> Id {
        self.id
    }

    /// Reads the row, tracking it; `None` once it is gone.
    fn with<V>(self, read: impl FnOnce(&T) -> V) -> Option<V> {
        let (owner, id) = (self.owner, self.id);
        self.state
            .with_contract(|c| T::list(c, owner)?.iter().find(|item| item.id() == id).map(read))
            .flatten()
    }

    /// One value of the row, notifying only when it changes (the default once the row is gone).
    pub fn read<V>(self, get: fn(&T) -> V) -> Memo<V>
    where
        V: Clone + Default + PartialEq + Send + Sync + 'static,
    {
        Memo::new(move |_| self.with(get).unwrap_or_default())
    }

    /// [`RowLens::read`] for a value that depends on more than the row (a year, say).
    pub fn read_by<V>(self, get: impl Fn(&T) -> V + Send + Sync + 'static) -> Memo<V>
    where
        V: Clone + Default + PartialEq + Send + Sync + 'static,
    {
        Memo::new(move |_| self.with(&get).unwrap_or_default())
    }

    /// The row's place in its list, counted from 1 as people do (0 once it is gone).
    pub fn position(self) -> Memo<usize> {
        let (state, owner, id) = (self.state, self.owner, self.id);
        Memo::new(move |_| {
            state
                .with_contract(|c| T::list(c, owner)?.iter().position(|item| item.id() == id))
                .flatten()
                .map_or(0, |index| index + 1)
        })
    }

    /// Changes the row and stamps it, its owner and the contract as modified now.
    pub fn edit(self, change: impl FnOnce(&mut T)) {
        let (owner, id) = (self.owner, self.id);
        self.state.edit_contract(|c, now| {
            if let Some(list) = T::list_mut(c, owner) {
                edit_by_id(list, id, now, change);
            }
            T::touch_owner(c, owner, now);
        });
    }

    /// The callback a field calls with its new value.
    pub fn write<V: 'static>(self, set: fn(&mut T, V)) -> Callback<V> {
        Callback::new(move |value: V| self.edit(|item| set(item, value)))
    }

    /// Moves the row `step` places up (negative) or down its list.
    pub fn shift(self, step: isize) {
        let (owner, id) = (self.owner, self.id);
        self.state.edit_contract(|c, now| {
            let Some(list) = T::list_mut(c, owner) else { return };
            if let Some(index) = list.iter().position(|item| item.id() == id) {
                move_by(list, index, step);
            }
            T::touch_owner(c, owner, now);
        });
    }

    /// Removes the row and offers to put it back; `what` names it (« L’action 2 »). Only the
    /// contract is stamped, as `AppState::remove_with_undo` does.
    pub fn remove_with_undo(self, what: String) {
        let (owner, id) = (self.owner, self.id);
        self.state.remove_with_undo(
            what,
            move |c| T::list_mut(c, owner).and_then(|list| take_where(list, |i| i.id() == id)),
            move |c, index, item| {
                if let Some(list) = T::list_mut(c, owner) {
                    restore_at(list, index, item);
                }
            },
        );
    }
}
