//! Several tabs of the app in one browser share one stored workspace. The protocol (read,
//! merge what another tab wrote, write) is `storage::tab_session`'s; this file runs it under
//! the Web Lock the tabs share (so that no other tab writes between the read and the write),
//! when the browser tells this tab another one wrote (the storage event), and turns what it
//! found into the workspace signal, the save status and notices: « Rétablir mon texte » for a
//! text another tab's more recent edit replaced.
//!
//! The merge's code is in the « Échanges » part, which the first visit does not load: it is
//! fetched as soon as another tab shows up (a storage event), or when a step finds it must merge
//! (`Found::MergeNeeded`, after which the step runs again).

use crate::exchange::tab_merge::{merge_tabs, restore, Restored, TabMergeCode};
use crate::storage::local::{provide_deflate, with_copies, with_page, BrowserStore};
use crate::storage::page::Page;
use crate::storage::store::SaveError;
use crate::storage::tab_session::{Found, Heard, Offer, Ours, TabSession, Wrote};
use crate::ui::on_demand::PartUnavailable;
use crate::ui::platform::clock::now;
use crate::ui::platform::persistence;
use crate::ui::platform::web_lock::{with_lock, with_lock_kept};
use crate::ui::state::{AppState, SaveStatus};
use crate::ui::widgets::notices::Level;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use std::cell::RefCell;

/// Runs `edit` on the latest stored workspace under the tabs' lock (`Tabs::edit_fresh`), or at
/// once when nothing is saved (storage refused at start: there is no other tab's work to read).
pub fn edit_fresh(edit: impl FnOnce() + 'static) {
    match use_context::<Tabs>() {
        Some(tabs) => tabs.edit_fresh(edit),
        None => edit(),
    }
}

/// The Web Lock held while reading, merging and writing the workspace.
const LOCK: &str = "atelier-cls.v1.espace";
const SAVE_NOTICE: &str = "save";
const OTHER_TAB_NOTICE: &str = "other-tab";
const MERGE_NOTICE: &str = "tab-merge";

/// Said when another tab's write must be merged here and the merge's part cannot be fetched.
const MERGE_UNAVAILABLE: &str = "Un autre onglet a modifié ces données. Pour les réunir avec \
    les vôtres, Atelier CLS doit télécharger un complément, qui n’a pas pu l’être (la connexion \
    semble coupée). Vos modifications sont gardées dans cet onglet, et les données enregistrées \
    sont intactes : réessayez une fois la connexion revenue.";

/// The tab merge's code, from the « Échanges » part, which shares most of it with the import's
/// merge. Only this split point names it, so that the first visit does not load it.
#[wasm_split(exchanges, wasm_split_path = ::leptos::wasm_split, fallible)]
fn tab_merge_code() -> Result<TabMergeCode, PartUnavailable> {
    Ok(TabMergeCode { merge: merge_tabs, restore })
}

/// The frozen copies' deflate code (`storage::local::provide_deflate`, which every split point
/// calls), fetched on its own when a save does not fit without it (`Tabs::save_deflated`).
#[wasm_split(exchanges, wasm_split_path = ::leptos::wasm_split, fallible)]
fn deflate_code() -> Result<(), PartUnavailable> {
    provide_deflate();
    Ok(())
}

/// Work that needs the merge's code.
type NeedsMerge = Box<dyn FnOnce(TabMergeCode)>;

/// Where the merge's code is, for this page.
enum MergeCode {
    Absent,
    /// Being fetched; the work waiting for it.
    Fetching(Vec<NeedsMerge>),
    Here(TabMergeCode),
}

thread_local! {
    static MERGE_CODE: RefCell<MergeCode> = const { RefCell::new(MergeCode::Absent) };
}

#[derive(Clone, Copy)]
pub struct Tabs {
    state: AppState,
    session: StoredValue<TabSession>,
}

impl Tabs {
    pub fn new(state: AppState) -> Self {
        let text = state.workspace.with_untracked(|ws| with_page(|page| page.encode(ws)));
        Tabs { state, session: StoredValue::new(TabSession::open(text)) }
    }

    /// Runs a step of the protocol with this tab's workspace as it is now.
    fn run<R>(self, step: impl FnOnce(&mut TabSession, &mut Page, Ours) -> R) -> R {
        let saved = self.state.save_status.get_untracked() == SaveStatus::Saved;
        self.session
            .try_update_value(|session| {
                with_page(|page| {
                    self.state
                        .workspace
                        .with_untracked(|workspace| step(session, page, Ours { workspace, saved }))
                })
            })
            .expect("the tabs' session lives as long as the page")
    }

    /// Whether a change is worth saving (`TabSession::may_retry`).
    pub fn may_retry(self) -> bool {
        self.run(|session, page, ours| session.may_retry(ours.workspace, page))
    }

    /// Saves under the lock the tabs share, as soon as the browser grants it.
    pub fn save(self) {
        with_lock(LOCK, move || self.save_now());
    }

    /// Runs `edit` under the lock on the workspace as stored now (what another tab wrote is
    /// merged in first), then saves at once. What is decided once for all tabs, such as the
    /// next avenant's number or whether the contract is already signed, is decided there:
    /// two tabs pressing « Créer l’avenant » together make n°1 and n°2, never two n°1.
    pub fn edit_fresh(self, edit: impl FnOnce() + 'static) {
        with_lock_kept(LOCK, move || {
            let found =
                self.run(|session, page, ours| session.catch_up(&BrowserStore, page, ours, now()));
            if let Found::MergeNeeded = found {
                // Another tab's write is merged first, then all of this again.
                return self.with_merge_code(move |_| self.edit_fresh(edit));
            }
            self.show(found);
            edit();
            self.save_now();
        });
    }

    /// Reads the stored workspace, merges it in if another tab wrote since, and writes. Run
    /// under the lock, or at once when the page goes away (waiting for the lock then could
    /// lose the last keystroke).
    pub fn save_now(self) {
        let outcome =
            self.run(|session, page, ours| session.save(&BrowserStore, page, ours, now()));
        self.show(outcome.found);
        match outcome.wrote {
            Wrote::Unchanged => self.state.save_status.set(SaveStatus::Saved),
            Wrote::Saved => {
                persistence::ask_once();
                self.state.save_status.set(SaveStatus::Saved);
                self.state.notices.clear_keyed(SAVE_NOTICE);
            }
            Wrote::Full if !with_copies(|copies| copies.has_deflate()) => self.save_deflated(),
            Wrote::Full => self.show_full(),
            Wrote::Refused(error) => {
                self.state.save_status.set(SaveStatus::Failed);
                self.state.notices.set_keyed(SAVE_NOTICE, Level::Error, error.message_fr());
            }
            // `show` has asked for the merge, and saves again once it is here.
            Wrote::Postponed => {}
        }
    }

    /// Local storage had no room: say so, with « Réessayer l’enregistrement ».
    fn show_full(self) {
        self.state.save_status.set(SaveStatus::Failed);
        self.state.notices.set_keyed_action(
            SAVE_NOTICE,
            Level::Error,
            SaveError::Full.message_fr(),
            "Réessayer l’enregistrement",
            move || {
                self.session.update_value(TabSession::forget_full);
                self.state.save_status.set(SaveStatus::Pending);
                self.save();
            },
        );
    }

    /// A save did not fit while the page had no deflate code yet, so that frozen copies met
    /// since start (a signed contract duplicated from the list, copies moved out of older
    /// stored data) are held as their JSON (`storage::frozen`). Deflated they take a third or
    /// less (the example's copy: 77,885 units as JSON, 27,371 deflated): the code is fetched and
    /// the save tried again; the notice says storage is full only if it still does not fit, or
    /// if the code cannot be fetched.
    fn save_deflated(self) {
        leptos::task::spawn_local(async move {
            if deflate_code().await.is_ok() {
                self.session.update_value(TabSession::forget_full);
                self.save();
            } else {
                self.show_full();
            }
        });
    }

    /// Another tab wrote the workspace, or left notes.
    pub fn on_storage(self, event: web_sys::StorageEvent) {
        self.prefetch_merge_code();
        let key = event.key();
        let heard = self.run(|session, page, ours| {
            session.heard(&BrowserStore, page, key.as_deref(), event.new_value(), ours, now())
        });
        match heard {
            Heard::Workspace(found) => self.show(found),
            Heard::Notes(offers) => offers.into_iter().for_each(|offer| self.offer_back(offer)),
            Heard::Nothing => {}
        }
    }

    /// Shows what was found in storage: another tab's write merged in, with what it changed
    /// here. An unreadable write is left out (the next save writes this tab's workspace).
    fn show(self, found: Found) {
        let taken = match found {
            Found::Merged(taken) => taken,
            Found::MergeNeeded => return self.with_merge_code(move |_| self.save()),
            Found::Nothing | Found::Unreadable => return,
        };
        if let Some(merged) = taken.workspace {
            self.state.workspace.set(merged);
            self.state.notices.set_keyed(
                OTHER_TAB_NOTICE,
                Level::Info,
                "Mis à jour avec les modifications faites dans un autre onglet.",
            );
        } else if taken.write_again {
            // The effect that saves runs only on a change.
            self.state.save_status.set(SaveStatus::Pending);
            self.save();
        }
        for renumbered in &taken.renumbered {
            self.state.notices.push(Level::Warning, renumbered.message());
        }
        for offer in taken.replaced_here {
            self.offer_back(offer);
        }
    }

    /// Says what another tab's edit replaced here, and offers to put it back.
    fn offer_back(self, offer: Offer) {
        let message = offer.replaced.message();
        self.state.notices.offer_give_back(
            Level::Warning,
            message,
            "Rétablir mon texte",
            move || {
                let offer = offer.clone();
                self.with_merge_code(move |code| self.give_back(code, &offer));
            },
        );
    }

    /// Puts a lost text back, as a new edit; the tab whose text it replaces is told in turn.
    fn give_back(self, code: TabMergeCode, offer: &Offer) {
        let mut restored = Restored::AlreadyThere;
        self.state.workspace.update(|ws| restored = (code.restore)(ws, &offer.replaced, now()));
        match restored {
            Restored::Done(reverse) => {
                self.session.update_value(|session| session.gave_back(&offer.from, reverse, now()));
            }
            Restored::AlreadyThere => {}
            Restored::Gone => self.state.notices.push(
                Level::Warning,
                "Ce texte ne peut plus être rétabli : ce qui le contenait a été supprimé depuis.",
            ),
        }
    }

    /// Another tab is open: its next write may need the merge, so its code is fetched now,
    /// quietly (a failure is said only when a merge waits for it).
    fn prefetch_merge_code(self) {
        self.wait_for_merge_code(None);
    }

    /// Runs `work` with the merge's code: at once when it is here, else once it is fetched.
    fn with_merge_code(self, work: impl FnOnce(TabMergeCode) + 'static) {
        let here = MERGE_CODE.with_borrow(|code| match code {
            MergeCode::Here(here) => Some(*here),
            _ => None,
        });
        match here {
            Some(code) => work(code),
            None => self.wait_for_merge_code(Some(Box::new(work))),
        }
    }

    /// Puts `work` (if any) among what waits for the merge's code, and starts fetching it
    /// unless it is being fetched or is here already (a prefetch, the only call then: work
    /// with the code at hand runs at once, in `with_merge_code`).
    fn wait_for_merge_code(self, work: Option<NeedsMerge>) {
        let start = MERGE_CODE.with_borrow_mut(|code| match code {
            MergeCode::Here(_) => false,
            MergeCode::Fetching(waiting) => {
                waiting.extend(work);
                false
            }
            MergeCode::Absent => {
                *code = MergeCode::Fetching(work.into_iter().collect());
                true
            }
        });
        if start {
            leptos::task::spawn_local(self.fetch_merge_code());
        }
    }

    /// Fetches the merge's part, gives the merge to the session and runs the work waiting for
    /// it. If it cannot be fetched, that work is dropped (nothing was changed for it) and the
    /// notice's « Réessayer » saves again, which asks for the merge again.
    async fn fetch_merge_code(self) {
        let fetched = tab_merge_code().await.ok();
        let waiting = MERGE_CODE.with_borrow_mut(|code| {
            let next = fetched.map_or(MergeCode::Absent, MergeCode::Here);
            match std::mem::replace(code, next) {
                MergeCode::Fetching(waiting) => waiting,
                _ => Vec::new(),
            }
        });
        match fetched {
            Some(code) => {
                self.session.update_value(|session| session.set_merger(code.merge));
                self.state.notices.clear_keyed(MERGE_NOTICE);
                waiting.into_iter().for_each(|work| work(code));
            }
            None if waiting.is_empty() => {}
            None => {
                self.state.save_status.set(SaveStatus::Failed);
                self.state.notices.set_keyed_action(
                    MERGE_NOTICE,
                    Level::Error,
                    MERGE_UNAVAILABLE,
                    "Réessayer",
                    move || self.save(),
                );
            }
        }
    }
}
