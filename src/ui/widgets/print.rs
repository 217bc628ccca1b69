//! Running headers and footers of printed pages: Chromium prints CSS page-margin boxes, so the
//! text of every A4 page (contract, sheet number, document) is an `@page` rule written for the
//! page being printed, with the page number at the bottom right.

use leptos::prelude::*;

fn css_string(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', " ")
}

/// The `@page` rule putting `text` in the margin box `place` (`top-left`, `bottom-left`) and
/// « Page n / m » at the bottom right.
fn page_rule(place: &'static str, text: Signal<String>) -> impl IntoView {
    view! {
        <style>{move || format!(
            "@page {{ @{place} {{ content: \"{}\"; font: 9pt system-ui, sans-serif; color: #333; }} \
             @bottom-right {{ content: \"Page \" counter(page) \" / \" counter(pages); font: 9pt system-ui, sans-serif; }} }}",
            css_string(&text.get())
        )}</style>
    }
}

/// Puts `text` at the top of every printed page, and the page number at the bottom.
#[component]
pub fn PrintHeader(#[prop(into)] text: Signal<String>) -> impl IntoView {
    page_rule("top-left", text)
}

/// Puts `text` (the contract and the document) at the foot of every printed page, beside the
/// page number: the documents partners file and sign.
#[component]
pub fn PrintFooter(#[prop(into)] text: Signal<String>) -> impl IntoView {
    page_rule("bottom-left", text)
}
