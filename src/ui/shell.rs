//! The frame around every screen: skip link, header (product and open contract, save status),
//! the main navigation, the banner that says a fictional contract is open, and the reminder to
//! back up (`platform/backup.rs`).

#![cfg(target_arch = "wasm32")]

use super::platform::backup::BackupReminder;
use super::screen::{page_title, Screen};
use super::state::{AppState, SaveStatus};
use super::widgets::links::{href, InPageLink, RouterBase};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

#[component]
pub fn Shell() -> impl IntoView {
    let state = AppState::get();
    let contract_name = Memo::new(move |_| state.with_contract(|c| c.name.clone()));
    view! {
        // To the content of the screen shown, whatever its folder (`InPageLink`).
        <InPageLink target=MAIN_CONTENT class="skip-link">"Aller au contenu"</InPageLink>
        <header class="app-header">
            <div class="app-header__inner">
                // A plain link: the router's <A> to the root marks itself aria-current="page"
                // on every screen, all of them being under it.
                <a href=href("/") class="app-header__product">"Atelier CLS"</a>
                <p class="app-header__contract">
                    {move || match contract_name.get() {
                        Some(name) if !name.trim().is_empty() => name,
                        Some(_) => "Contrat sans nom".to_string(),
                        None => "Aucun contrat ouvert".to_string(),
                    }}
                </p>
                <SaveIndicator/>
            </div>
        </header>
        <nav class="app-nav" aria-label="Navigation principale">
            <ul>
                <li><A href=href("/") exact=true>{Screen::Contracts.label()}</A></li>
                {Screen::NAVIGATION.into_iter().map(|screen| view! {
                    <li><A href=href(&screen.path())>{screen.label()}</A></li>
                }).collect_view()}
            </ul>
        </nav>
        <FictionalBanner/>
        <BackupReminder/>
        <TabTitle/>
    }
}

/// Keeps the tab's title on the screen shown and the open contract (`screen::page_title`).
#[component]
fn TabTitle() -> impl IntoView {
    let state = AppState::get();
    let pathname = use_location().pathname;
    let base = use_context::<RouterBase>().map(|b| b.0).unwrap_or_default();
    // The router's path: the address bar changes only once the new screen is drawn.
    let title = Memo::new(move |_| {
        let screen = pathname.with(|path| Screen::at(path, &base));
        let contract = state.with_contract(|c| c.name.clone());
        page_title(screen, contract.as_deref())
    });
    Effect::new(move |_| title.with(|title| document().set_title(title)));
}

/// The id of `<main>`, which « Aller au contenu » focuses.
pub const MAIN_CONTENT: &str = "contenu";

/// While the open contract is fictional (the demonstration), every screen says so, in print
/// too: a printed fiche of the demonstration must not pass for a real one.
#[component]
fn FictionalBanner() -> impl IntoView {
    let state = AppState::get();
    let fictional = Memo::new(move |_| state.with_contract(|c| c.fictional).unwrap_or(false));
    view! {
        <Show when=move || fictional.get()>
            <p class="fictional-banner" role="note">"Contrat de démonstration : données fictives"</p>
        </Show>
    }
}

#[component]
fn SaveIndicator() -> impl IntoView {
    let state = AppState::get();
    view! {
        <p class="save-status" role="status">
            {move || match state.save_status.get() {
                SaveStatus::Saved => "Modifications enregistrées dans ce navigateur",
                SaveStatus::Pending => "Enregistrement…",
                SaveStatus::Failed => "Échec de l’enregistrement",
                SaveStatus::Disabled => "Enregistrement suspendu",
            }}
        </p>
    }
}
