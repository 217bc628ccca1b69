//! The root component: loads the workspace, starts autosave, and routes between screens (all
//! but the contract list loaded on demand, `ui/parts.rs`).

use super::on_demand::{OnDemand, PartLoad};
use super::parts;
use super::platform::autosave;
use super::platform::backup::Backups;
use super::platform::inbox::{AnswerInbox, DropAnywhere, Inbox};
use super::screen::router_base;
use super::screen::Screen;
use super::screens::{ContractsScreen, NotFound};
use super::shell::{Shell, MAIN_CONTENT};
use super::state::AppState;
use super::widgets::links::RouterBase;
use super::widgets::notices::{Level, NoticeArea};
use crate::storage::local::{self, StartupMessage};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    let startup = local::load(js_sys::Date::now());
    let state = AppState::new(startup.workspace);
    provide_context(state);
    if let Some(message) = startup.message {
        report_startup(state, message);
    }
    autosave::start(state, startup.can_save);
    let base = router_base(&document().base_uri().ok().flatten().unwrap_or_default());
    provide_context(RouterBase(base.clone()));
    Inbox::provide();
    AnswerInbox::provide();
    Backups::provide();

    view! {
        <Router base=base>
            <Shell/>
            <DropAnywhere/>
            <NoticeArea notices=state.notices/>
            <main id=MAIN_CONTENT tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=ContractsScreen/>
                    <Route path=path!("/index.html") view=ContractsScreen/>
                    <Route path=path!("/contrat") view=|| on_demand(Screen::Contract, || Box::pin(parts::contract()))/>
                    <Route path=path!("/fiches") view=|| on_demand(Screen::Sheets, || Box::pin(parts::sheets()))/>
                    <Route path=path!("/fiche") view=|| on_demand(Screen::Sheet, || Box::pin(parts::sheet()))/>
                    <Route path=path!("/planning") view=|| on_demand(Screen::Planning, || Box::pin(parts::planning()))/>
                    <Route path=path!("/suivi") view=|| on_demand(Screen::FollowUp, || Box::pin(parts::follow_up()))/>
                    <Route path=path!("/echanges") view=|| on_demand(Screen::Exchanges, || Box::pin(parts::exchanges()))/>
                    <Route path=path!("/rapport") view=|| on_demand(Screen::Report, || Box::pin(parts::report()))/>
                    <Route path=path!("/bilan") view=|| on_demand(Screen::Evaluation, || Box::pin(parts::evaluation()))/>
                    <Route path=path!("/document") view=|| on_demand(Screen::ContractDocument, || Box::pin(parts::contract_document()))/>
                    <Route path=path!("/signature") view=|| on_demand(Screen::Signature, || Box::pin(parts::signature()))/>
                </Routes>
            </main>
        </Router>
    }
}

/// A screen whose code is a part loaded on demand (`ui/parts.rs`).
fn on_demand(screen: Screen, load: PartLoad) -> impl IntoView {
    view! { <OnDemand title=screen.label() load/> }
}

fn report_startup(state: AppState, message: StartupMessage) {
    let (level, text) = match message {
        StartupMessage::Migrated(from) => (
            Level::Info,
            format!("Vos contrats ont été mis à jour depuis le format {from} d’une version précédente d’Atelier CLS."),
        ),
        StartupMessage::Repaired(emptied) => (
            Level::Warning,
            if emptied > 1 {
                format!("{emptied} dates d’action enregistrées avec un mois qui n’existe pas ont été effacées : vérifiez le calendrier des actions concernées (Planning).")
            } else {
                "Une date d’action enregistrée avec un mois qui n’existe pas a été effacée : vérifiez le calendrier des actions concernées (Planning).".to_string()
            },
        ),
        StartupMessage::SetAside { key, reason } => (
            Level::Warning,
            format!(
                "Les données enregistrées dans ce navigateur n’ont pas pu être lues : {reason}. Elles n’ont pas été \
                 effacées : elles sont conservées à part (clé « {key} » du stockage local) et Atelier CLS repart \
                 d’un espace vide."
            ),
        ),
        StartupMessage::Blocked(reason) => (
            Level::Error,
            format!(
                "Le stockage local de ce navigateur est inaccessible ({reason}). Pour ne rien écraser, Atelier CLS \
                 n’enregistrera rien pendant cette session : exportez votre travail avant de fermer la page."
            ),
        ),
    };
    state.notices.push_global(level, text);
}
