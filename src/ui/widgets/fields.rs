//! Labelled form controls. Every input has a visible label tied to it, and an optional one-line
//! help text tied with aria-describedby; each change is dispatched at once (autosave does the rest).
//!
//! What a control shows is read through a `Memo` (`settled`): the values come from the one
//! workspace signal, so every keystroke anywhere re-reads every field on screen, and only the
//! fields whose value really changed should touch the page (a contract of 1,000 actions keeps
//! a keystroke well under a frame this way; see bench/RESULTS.md).

use crate::model::amount::{euros_in_field, read_amount};
use crate::model::list_edit::parse_lines;
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A unique DOM id for tying a label to its control.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// `signal`, notifying only when its value changes.
fn settled<T: Clone + PartialEq + Send + Sync + 'static>(signal: Signal<T>) -> Memo<T> {
    Memo::new(move |_| signal.get())
}

#[component]
fn Help(id: String, text: Option<String>) -> impl IntoView {
    text.map(|text| view! { <span class="field__help" id=id>{text}</span> })
}

/// A one-line or multi-line text field.
#[component]
pub fn TextField(
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] help: Option<String>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional, into)] kind: Option<&'static str>,
    #[prop(optional, into)] invalid: Signal<bool>,
) -> impl IntoView {
    let (label, value, invalid) = (settled(label), settled(value), settled(invalid));
    let id = unique_id("champ");
    let help_id = format!("{id}-aide");
    let described = help.as_ref().map(|_| help_id.clone());
    let control = if multiline {
        view! {
            <textarea id=id.clone() aria-describedby=described.clone() aria-invalid=move || invalid.get().then_some("true")
                prop:value=move || value.get() on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type=kind.unwrap_or("text") id=id.clone() aria-describedby=described.clone()
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=move || value.get() on:input=move |ev| on_input.run(event_target_value(&ev))/>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            {control}
            <Help id=help_id text=help/>
        </div>
    }
}

/// A number field; an empty or unreadable entry gives `None`.
#[component]
pub fn NumberField(
    #[prop(into)] label: String,
    #[prop(optional, into)] help: Option<String>,
    #[prop(into)] value: Signal<Option<i64>>,
    #[prop(into)] on_input: Callback<Option<i64>>,
    #[prop(optional, into)] invalid: Signal<bool>,
) -> impl IntoView {
    let (value, invalid) = (settled(value), settled(invalid));
    let id = unique_id("nombre");
    let help_id = format!("{id}-aide");
    let described = help.as_ref().map(|_| help_id.clone());
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input type="number" inputmode="numeric" id=id aria-describedby=described
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=move || value.get().map(|v| v.to_string()).unwrap_or_default()
                on:input=move |ev| on_input.run(event_target_value(&ev).trim().parse().ok())/>
            <Help id=help_id text=help/>
        </div>
    }
}

/// An amount in euros, typed as text and read by `model::amount::read_amount` when the field is
/// left (on change, not on each keystroke, so that « 15 000,5 » is never stored half typed):
/// the same reading and the same messages in every amount field. An amount rounded to the euro
/// says so under the field; a refused one says why and leaves the stored amount as it was (the
/// text stays as typed, to be corrected). Not `type="number"`: a browser in English reads
/// « 15 000,50 » as 1500050 without a word.
#[component]
pub fn AmountInput(
    #[prop(into)] value: Signal<Option<u64>>,
    #[prop(into)] on_change: Callback<Option<u64>>,
    /// The input's id, for a `<label for>`; generated when `None`.
    #[prop(default = None)]
    id: Option<String>,
    /// Ids of what names the field when no `<label>` does (a table's column and row headers).
    #[prop(default = None)]
    labelled_by: Option<String>,
    /// The id of a help text, read after the name.
    #[prop(default = None)]
    help_id: Option<String>,
) -> impl IntoView {
    let value = settled(value);
    let id = id.unwrap_or_else(|| unique_id("montant"));
    let (note_id, error_id) = (format!("{id}-note"), format!("{id}-erreur"));
    let described = match help_id {
        Some(help) => format!("{help} {note_id} {error_id}"),
        None => format!("{note_id} {error_id}"),
    };
    let note = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let read = move |ev: web_sys::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        match read_amount(&input.value()) {
            Ok(reading) => {
                error.set(None);
                note.set(reading.message());
                on_change.run(reading.euros());
                input.set_value(&reading.euros().map(euros_in_field).unwrap_or_default());
            }
            Err(refusal) => {
                note.set(None);
                error.set(Some(refusal.message()));
            }
        }
    };
    view! {
        <input type="text" inputmode="decimal" class="amount-input" id=id aria-labelledby=labelled_by
            aria-describedby=described aria-invalid=move || error.with(Option::is_some).then_some("true")
            prop:value=move || value.get().map(euros_in_field).unwrap_or_default()
            on:change=read/>
        <span class="field__note" id=note_id role="status">{move || note.get()}</span>
        <span class="field__error" id=error_id role="alert">{move || error.get()}</span>
    }
}

/// A labelled [`AmountInput`], with an optional help text.
#[component]
pub fn AmountField(
    #[prop(into)] label: String,
    #[prop(optional, into)] help: Option<String>,
    #[prop(into)] value: Signal<Option<u64>>,
    #[prop(into)] on_change: Callback<Option<u64>>,
) -> impl IntoView {
    let id = unique_id("montant");
    let help_id = format!("{id}-aide");
    let described = help.as_ref().map(|_| help_id.clone());
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <AmountInput value on_change id=Some(id) help_id=described/>
            <Help id=help_id text=help/>
        </div>
    }
}

/// A checkbox with its label after it.
#[component]
pub fn CheckField(
    #[prop(into)] label: String,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] on_change: Callback<bool>,
) -> impl IntoView {
    let checked = settled(checked);
    let id = unique_id("case");
    view! {
        <div class="checkbox">
            <input type="checkbox" id=id.clone() prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))/>
            <label for=id>{label}</label>
        </div>
    }
}

/// A drop-down list of `(key, label)` options.
#[component]
pub fn SelectField(
    #[prop(into)] label: String,
    #[prop(optional, into)] help: Option<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
) -> impl IntoView {
    let (options, value) = (settled(options), settled(value));
    let id = unique_id("liste");
    let help_id = format!("{id}-aide");
    let described = help.as_ref().map(|_| help_id.clone());
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id aria-describedby=described on:change=move |ev| on_change.run(event_target_value(&ev))
                prop:value=move || value.get()>
                {move || options.get().into_iter().map(|(key, text)| {
                    let selected = value.with_untracked(|v| *v == key);
                    view! { <option value=key selected=selected>{text}</option> }
                }).collect_view()}
            </select>
            <Help id=help_id text=help/>
        </div>
    }
}

/// A group of checkboxes (several choices from a list), in a fieldset whose legend names it.
#[component]
pub fn ChoiceList(
    #[prop(into)] legend: String,
    #[prop(optional, into)] help: Option<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] selected: Signal<Vec<String>>,
    #[prop(into)] on_toggle: Callback<(String, bool)>,
) -> impl IntoView {
    let (options, selected) = (settled(options), settled(selected));
    view! {
        <fieldset class="choices">
            <legend>{legend}</legend>
            {help.map(|help| view! { <p class="field__help">{help}</p> })}
            {move || options.get().into_iter().map(|(key, label)| {
                let id = unique_id("choix");
                let checked = {
                    let key = key.clone();
                    move || selected.with(|s| s.contains(&key))
                };
                view! {
                    <div class="checkbox">
                        <input type="checkbox" id=id.clone() prop:checked=checked
                            on:change=move |ev| on_toggle.run((key.clone(), event_target_checked(&ev)))/>
                        <label for=id>{label}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// A list typed one item per line (EPCIs, audiences...). The text being typed is kept as typed
/// (trailing space, empty new line) and only its parsed form goes to the model; the text is
/// replaced from the model only when the model changed from elsewhere (undo, another tab).
#[component]
pub fn LinesField(
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] help: Option<String>,
    #[prop(into)] value: Signal<Vec<String>>,
    #[prop(into)] on_input: Callback<Vec<String>>,
) -> impl IntoView {
    let text = RwSignal::new(value.get_untracked().join("\n"));
    Effect::new(move |_| {
        let items = value.get();
        if text.with_untracked(|t| parse_lines(t)) != items {
            text.set(items.join("\n"));
        }
    });
    let typed = Callback::new(move |typed: String| {
        on_input.run(parse_lines(&typed));
        text.set(typed);
    });
    match help {
        Some(help) => {
            view! { <TextField label multiline=true help value=text on_input=typed/> }.into_any()
        }
        None => view! { <TextField label multiline=true value=text on_input=typed/> }.into_any(),
    }
}
