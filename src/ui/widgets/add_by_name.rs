//! The « add by name » form: a labelled text field and its « Ajouter… » button, for lists whose
//! new item needs only a name (organisations, axes, strategic objectives, partners). Enter in
//! the field adds too, as the field sits in a form; the field empties once the item is added.

use super::fields::TextField;
use leptos::prelude::*;

#[component]
pub fn AddByName(
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] help: Option<String>,
    /// The button's visible text (« Ajouter l’axe »).
    #[prop(into)]
    button: String,
    /// The button's accessible name, when its text alone would not tell which list it adds to.
    #[prop(optional, into)]
    button_label: Option<Signal<String>>,
    /// The button is a secondary one (the form sits among other fields).
    #[prop(optional)]
    secondary: bool,
    /// Called with the name typed, trimmed; never with an empty one.
    #[prop(into)]
    on_add: Callback<String>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked().trim().to_string();
        if typed.is_empty() {
            return;
        }
        on_add.run(typed);
        name.set(String::new());
    };
    let on_input = move |v| name.set(v);
    let field = match help {
        Some(help) => view! { <TextField label help value=name on_input/> }.into_any(),
        None => view! { <TextField label value=name on_input/> }.into_any(),
    };
    view! {
        <form class="add-form" on:submit=add>
            {field}
            <button type="submit" class=secondary.then_some("secondary")
                aria-label=move || button_label.map(|l| l.get())>{button}</button>
        </form>
    }
}
