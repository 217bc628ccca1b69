//! The contract list: several contracts in one browser. Create a blank one, load the example
//! or the demonstration, open, rename, duplicate, delete (with confirmation, then "Annuler").
//! The example or the demonstration asked for again while a contract of its name is here offers
//! to open that one rather than silently adding a second contract of the same name.

use crate::exchange::demonstration::{self, LoadFailure};
use crate::model::{copy::with_fresh_ids, Contract, Id, Period, Timestamp, Workspace};
use crate::ui::parts;
use crate::ui::platform::backup::Backups;
use crate::ui::platform::clock::{now, this_month, this_year};
use crate::ui::platform::fetch::{fetch_bytes, FetchError};
use crate::ui::screen::Screen;
use crate::ui::state::{focus_after_render, AppState};
use crate::ui::widgets::fields::TextField;
use crate::ui::widgets::links::href;
use crate::ui::widgets::notices::Level;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn ContractsScreen() -> impl IntoView {
    let state = AppState::get();
    let ids = Memo::new(move |_| {
        state.workspace.with(|ws| ws.contracts.iter().map(|c| c.id).collect::<Vec<_>>())
    });
    view! {
        <h1>"Mes contrats locaux de santé"</h1>
        <p class="muted">"Vos contrats sont enregistrés dans ce navigateur, sur cet ordinateur. Rien n’est envoyé sur internet."</p>
        <NewContract/>
        <Show when=move || ids.with(Vec::is_empty)>
            <div class="empty-state">
                <p>"Aucun contrat pour l’instant. Créez-en un, chargez l’exemple pour découvrir un contrat réel, ou la démonstration pour voir un contrat fictif suivi pendant deux ans."</p>
                <p>"Un partenaire vous a envoyé un fichier de contrat, ou vous avez une sauvegarde de vos contrats ? "
                   "Déposez le fichier sur cette page, ou "
                   <A href=href(&Screen::Exchanges.path())>"importez-le depuis Échanges"</A>"."</p>
            </div>
        </Show>
        <ul class="contract-list" aria-label="Contrats">
            <For each=move || ids.get() key=|id| *id let:id>
                <ContractCard id/>
            </For>
        </ul>
    }
}

/// Why the example could not be loaded: its code is in a part not fetched yet (`ui/parts.rs`).
const EXAMPLE_UNAVAILABLE: &str = "L’exemple n’a pas pu être chargé : la connexion semble coupée, \
     et cette partie d’Atelier CLS n’a pas encore été gardée pour un usage hors ligne. Réessayez \
     une fois la connexion revenue.";

#[component]
fn NewContract() -> impl IntoView {
    let state = AppState::get();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let open_setup = move || navigate(&Screen::Contract.path(), Default::default());
    let create = {
        let open_setup = open_setup.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let title = name.get_untracked().trim().to_string();
            let title = if title.is_empty() {
                "Nouveau contrat local de santé".to_string()
            } else {
                title
            };
            let period = Period::for_new_contract(this_year(), this_month());
            let id = Id::random();
            state.workspace.update(|ws| {
                ws.create_contract(id, &title, now());
                if let Some(contract) = ws.contract_mut(id) {
                    contract.period = period;
                }
            });
            name.set(String::new());
            open_setup();
        }
    };
    // The example or the demonstration asked for while a contract of its name is here: the
    // choice offered (open that one, or add another copy), until made.
    let offer = RwSignal::new(None::<AlreadyHere>);
    // Taken here: the demonstration is added from an async task, where no context is at hand.
    let backups = Backups::get();
    let load = {
        let open_setup = open_setup.clone();
        move |kind: ReadyMade, source: &Contract| {
            let at = now();
            let contract = with_fresh_ids(source, Id::random, at);
            let existing = state.workspace.with_untracked(|ws| ws.contract_named(&contract.name));
            match existing {
                Some(existing) => {
                    offer.set(Some(AlreadyHere { kind, existing, contract, at }));
                    focus_after_render(OPEN_EXISTING.into());
                }
                None => {
                    let id = contract.id;
                    state.workspace.update(|ws| ws.add_contract(contract));
                    backups.loaded_example(state, id, at);
                    open_setup();
                }
            }
        }
    };
    // Either ready-made contract read, or why not: the list says so in the notice of its kind,
    // which a second failure replaces and a success takes away.
    let settle = {
        let load = load.clone();
        move |kind: ReadyMade, read: Result<Contract, String>| match read {
            Ok(contract) => {
                state.notices.clear_keyed(kind.notice_key());
                load(kind, &contract);
            }
            Err(text) => state.notices.set_keyed(kind.notice_key(), Level::Error, text),
        }
    };
    // The example is built by code of the « Échanges » part (`ui/parts.rs`), fetched the first
    // time; if it cannot be, the list says so and nothing changes.
    let load_example = {
        let settle = settle.clone();
        move |_| {
            let settle = settle.clone();
            leptos::task::spawn_local(async move {
                let read = parts::example().await.map_err(|_| EXAMPLE_UNAVAILABLE.to_string());
                settle(ReadyMade::Example, read);
            });
        }
    };
    // The demonstration is fetched, not compiled in (see `exchange::demonstration`); until it
    // is in, further presses are ignored and the status line says it is coming.
    let loading = RwSignal::new(false);
    let demonstration_url = href(demonstration::PATH);
    let load_demonstration = move |_| {
        if loading.get_untracked() {
            return;
        }
        loading.set(true);
        let (url, settle) = (demonstration_url.clone(), settle.clone());
        leptos::task::spawn_local(async move {
            let fetched = fetch_bytes(&url).await.map_err(|error| match error {
                FetchError::Unreachable => LoadFailure::Unreachable,
                FetchError::Status(code) => LoadFailure::Status(code),
            });
            let read = match fetched {
                // Its checks are in the « Échanges » part: unreachable too if it cannot be fetched.
                Ok(bytes) => {
                    parts::demonstration(bytes).await.unwrap_or(Err(LoadFailure::Unreachable))
                }
                Err(failure) => Err(failure),
            };
            settle(ReadyMade::Demonstration, read.map_err(|failure| failure.message_fr()));
            // The list may have been left meanwhile: its signal is then gone, and that is fine.
            let _ = loading.try_set(false);
        });
    };
    let open_existing = {
        let open_setup = open_setup.clone();
        move |_| {
            if let Some(AlreadyHere { existing, .. }) = offer.try_update(Option::take).flatten() {
                state.workspace.update(|ws| ws.active_contract = Some(existing));
                open_setup();
            }
        }
    };
    let add_copy = move |_| {
        if let Some(AlreadyHere { contract, at, .. }) = offer.try_update(Option::take).flatten() {
            let id = contract.id;
            state.workspace.update(|ws| ws.add_copy(contract));
            backups.loaded_example(state, id, at);
            open_setup();
        }
    };
    let cancel = move |_| {
        if let Some(AlreadyHere { kind, .. }) = offer.try_update(Option::take).flatten() {
            focus_after_render(kind.button_id().into());
        }
    };
    view! {
        <form class="new-contract" on:submit=create>
            <TextField label="Nom du nouveau contrat"
                help="Par exemple : Contrat local de santé du Pays de Saint-Flour 2025-2029"
                value=name on_input=move |v| name.set(v)/>
            <p class="muted">{Period::new_contract_note(this_year(), this_month())}</p>
            <div class="actions">
                <button type="submit">"Créer le contrat"</button>
                <button type="button" class="secondary" id=ReadyMade::Example.button_id()
                    on:click=load_example>"Charger l’exemple"</button>
                <button type="button" class="secondary" id=ReadyMade::Demonstration.button_id()
                    on:click=load_demonstration
                    aria-busy=move || loading.get().to_string()>"Charger la démonstration"</button>
                <span class="muted" role="status">
                    {move || if loading.get() { "Téléchargement de la démonstration…" } else { "" }}
                </span>
            </div>
            {move || offer.with(|o| o.as_ref().map(|o| {
                let (question, explanation) = state.workspace.with_untracked(|ws| o.words(ws));
                view! {
                    <div class="banner banner--info" role="alertdialog"
                        aria-labelledby="deja-la-question" aria-describedby="deja-la-explication">
                        <p id="deja-la-question"><strong>{question}</strong></p>
                        <p id="deja-la-explication">{explanation}</p>
                        <div class="actions">
                            <button type="button" id=OPEN_EXISTING on:click=open_existing.clone()>"Ouvrir le contrat déjà là"</button>
                            <button type="button" class="secondary" on:click=add_copy.clone()>"Ajouter une copie"</button>
                            <button type="button" class="secondary" on:click=cancel>"Annuler"</button>
                        </div>
                    </div>
                }
            }))}
        </form>
    }
}

/// The ready-made contracts of the list's buttons.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ReadyMade {
    Example,
    Demonstration,
}

impl ReadyMade {
    fn button_id(self) -> &'static str {
        match self {
            ReadyMade::Example => "charger-exemple",
            ReadyMade::Demonstration => "charger-demonstration",
        }
    }

    /// The key of the notice that says this one could not be loaded.
    fn notice_key(self) -> &'static str {
        match self {
            ReadyMade::Example => "example",
            ReadyMade::Demonstration => "demonstration",
        }
    }
}

/// The id of « Ouvrir le contrat déjà là », focused when the choice is offered.
const OPEN_EXISTING: &str = "ouvrir-deja-la";

/// The example or the demonstration asked for a second time, waiting for the user's choice:
/// open the contract of that name already here, or add this fresh copy beside it.
#[derive(Clone, Debug)]
struct AlreadyHere {
    kind: ReadyMade,
    existing: Id,
    /// The fresh copy (new ids, stamped `at`), added only if the user asks for it.
    contract: Contract,
    at: Timestamp,
}

impl AlreadyHere {
    /// The question and what each answer does, in a coordinator's words.
    fn words(&self, ws: &Workspace) -> (String, String) {
        let (question, what) = match self.kind {
            ReadyMade::Example => ("L’exemple est déjà dans vos contrats.", "l’exemple"),
            ReadyMade::Demonstration => {
                ("La démonstration est déjà dans vos contrats.", "la démonstration")
            }
        };
        let name = ws.contract(self.existing).map_or(self.contract.name.as_str(), |c| &c.name);
        let explanation = format!(
            "« {name} » est déjà dans ce navigateur, tel que vous l’avez laissé : ouvrez-le pour \
             reprendre où vous en étiez. « Ajouter une copie » ajoute {what} d’origine à côté, \
             sous le nom « {} », sans toucher au contrat déjà là.",
            ws.copy_name(&self.contract.name),
        );
        (question.to_string(), explanation)
    }
}

/// One contract of the list, with its actions.
#[component]
fn ContractCard(id: Id) -> impl IntoView {
    let state = AppState::get();
    let navigate = use_navigate();
    let summary = Memo::new(move |_| state.workspace.with(|ws| ws.contract(id).map(Summary::of)));
    let is_active = Memo::new(move |_| state.workspace.with(|ws| ws.active_contract == Some(id)));
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let name = move || summary.with(|s| s.as_ref().map(|s| s.name.clone()).unwrap_or_default());

    let open = move |_| {
        state.workspace.update(|ws| ws.active_contract = Some(id));
        navigate(&Screen::Contract.path(), Default::default());
    };
    let duplicate = move |_| {
        state.workspace.update(|ws| {
            ws.duplicate_contract(id, Id::random, now());
        });
    };
    let delete = move |_| {
        let removed = state.workspace.try_update(|ws| ws.remove_contract(id)).flatten();
        if let Some(removed) = removed {
            let text = format!("Contrat « {} » supprimé.", removed.contract.name);
            state.notices.offer_undo(text, "Annuler la suppression", move || {
                state.workspace.update(|ws| ws.restore_contract(removed.clone()));
            });
        }
    };

    view! {
        <li class="contract-card" class:contract-card--active=move || is_active.get()>
            <h2>{name}</h2>
            <p class="muted">{move || summary.with(|s| s.as_ref().map(Summary::describe).unwrap_or_default())}</p>
            <Show when=move || renaming.get()>
                <TextField label="Nom du contrat"
                    value=Signal::derive(name)
                    on_input=move |v: String| state.workspace.update(|ws| ws.rename_contract(id, &v, now()))/>
            </Show>
            <div class="actions">
                <button type="button" on:click=open aria-label=move || format!("Ouvrir « {} »", name())>"Ouvrir"</button>
                <button type="button" class="secondary" aria-expanded=move || renaming.get().to_string()
                    aria-label=move || format!("Renommer « {} »", name())
                    on:click=move |_| renaming.update(|r| *r = !*r)>
                    {move || if renaming.get() { "Terminer le renommage" } else { "Renommer" }}
                </button>
                <button type="button" class="secondary" on:click=duplicate
                    aria-label=move || format!("Dupliquer « {} »", name())>"Dupliquer"</button>
                <button type="button" class="danger" on:click=move |_| confirming.set(true)
                    aria-label=move || format!("Supprimer « {} »", name())>"Supprimer"</button>
            </div>
            <Show when=move || confirming.get()>
                <div class="banner banner--warning" role="alertdialog" aria-label="Confirmer la suppression">
                    <p>{move || format!("Supprimer le contrat « {} » et toutes ses fiches action ?", name())}</p>
                    <div class="actions">
                        <button type="button" class="danger" on:click=delete>"Oui, supprimer"</button>
                        <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"Non, garder"</button>
                    </div>
                </div>
            </Show>
        </li>
    }
}

/// What a card shows of a contract.
#[derive(Clone, PartialEq)]
struct Summary {
    name: String,
    first_year: i32,
    last_year: i32,
    axes: usize,
    sheets: usize,
}

impl Summary {
    fn of(contract: &Contract) -> Self {
        Summary {
            name: contract.name.clone(),
            first_year: contract.period.first_year,
            last_year: contract.period.last_year,
            axes: contract.axes.len(),
            sheets: contract.sheets.len(),
        }
    }

    fn describe(&self) -> String {
        format!(
            "{}-{} · {} axe{} · {} fiche{} action",
            self.first_year,
            self.last_year,
            self.axes,
            if self.axes > 1 { "s" } else { "" },
            self.sheets,
            if self.sheets > 1 { "s" } else { "" },
        )
    }
}
