//! Print headers: Chromium prints CSS page-margin boxes, so the running header of every A4
//! page (contract, sheet number) is an `@page` rule written for the page being printed.

use leptos::prelude::*;

fn css_string(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', " ")
}

/// Puts `text` at the top of every printed page, and the page number at the bottom.
#[component]
pub fn PrintHeader(#[prop(into)] text: Signal<String>) -> impl IntoView {
    view! {
        <style>{move || format!(
            "@page {{ @top-left {{ content: \"{}\"; font: 9pt system-ui, sans-serif; color: #333; }} \
             @bottom-right {{ content: \"Page \" counter(page) \" / \" counter(pages); font: 9pt system-ui, sans-serif; }} }}",
            css_string(&text.get())
        )}</style>
    }
}

/// Puts `text` (the contract and the document) at the foot of every printed page, beside the
/// page number: the documents partners file and sign.
#[component]
pub fn PrintFooter(#[prop(into)] text: Signal<String>) -> impl IntoView {
    view! {
        <style>{move || format!(
            "@page {{ @bottom-left {{ content: \"{}\"; font: 8.5pt system-ui, sans-serif; color: #333; }} \
             @bottom-right {{ content: \"Page \" counter(page) \" / \" counter(pages); font: 8.5pt system-ui, sans-serif; }} }}",
            css_string(&text.get())
        )}</style>
    }
}
