//! The choices of the selects and checklists that many screens share: organisations of the
//! directory, axes, and closed lists. Each is built from one model function, so that a list is
//! ordered and labelled the same way wherever it is offered.

use crate::model::directory;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// `(key, label)` choices, as `SelectField` and `ChoiceList` take them.
pub type Options = Vec<(String, String)>;

/// `items` after a first choice with an empty key ("— choisir —", "Tous les axes").
pub fn with_first(first: &str, items: Options) -> Options {
    let mut options = Vec::with_capacity(items.len() + 1);
    options.push((String::new(), first.to_string()));
    options.extend(items);
    options
}

/// The organisations of the directory, by name (see `directory::organisation_options`).
pub fn organisations(state: AppState) -> Signal<Options> {
    Signal::derive(move || directory_options(state))
}

/// The organisations of the directory after a first, empty, choice.
pub fn organisation_options(state: AppState, first: &'static str) -> Signal<Options> {
    Signal::derive(move || with_first(first, directory_options(state)))
}

fn directory_options(state: AppState) -> Options {
    state.with_contract(directory::organisation_options).unwrap_or_default()
}

/// The years of the open contract's period ("2024" … "2028").
pub fn years(state: AppState) -> Signal<Options> {
    Signal::derive(move || period_years(state))
}

/// The years of the period after a first, empty, choice.
pub fn year_options(state: AppState, first: &'static str) -> Signal<Options> {
    Signal::derive(move || with_first(first, period_years(state)))
}

fn period_years(state: AppState) -> Options {
    let years =
        |c: &crate::model::Contract| c.period.years().map(|y| (y.to_string(), y.to_string()));
    state.with_contract(|c| years(c).collect()).unwrap_or_default()
}

/// The axes of the open contract ("Axe 2 – Santé mentale") after a first, empty, choice.
pub fn axis_options(state: AppState, first: &'static str) -> Signal<Options> {
    Signal::derive(move || {
        let axes = state.numbering.with(|numbering| {
            state.with_contract(|c| {
                c.axes.iter().map(|a| (a.id.to_string(), a.label(numbering))).collect()
            })
        });
        with_first(first, axes.unwrap_or_default())
    })
}

/// `(key, label)` choices of a closed list (`closed_list!`: `ALL`, `key`, `label`).
pub fn key_options<T: Copy + Send + Sync + 'static>(
    all: &'static [T],
    key: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Signal<Options> {
    Signal::derive(move || {
        all.iter().map(|v| (key(*v).to_string(), label(*v).to_string())).collect()
    })
}
