//! The frame around every screen: skip link, header (product and open contract, save status),
//! the main navigation, the banner that says a fictional contract is open, and the reminder to
//! back up (`backup.rs`).

use super::backup::BackupReminder;
use super::links::href;
use super::screen::Screen;
use super::state::{AppState, SaveStatus};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Shell() -> impl IntoView {
    let state = AppState::get();
    let contract_name = Memo::new(move |_| state.with_contract(|c| c.name.clone()));
    view! {
        // rel="external": a same-page anchor the router must leave to the browser.
        <a class="skip-link" href="#contenu" rel="external">"Aller au contenu"</a>
        <header class="app-header">
            <div class="app-header__inner">
                <A href=href("/") attr:class="app-header__product">"Atelier CLS"</A>
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
    }
}

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
