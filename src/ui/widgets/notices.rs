//! Messages to the user: save failures, data set aside, changes from another tab (with « Rétablir
//! mon texte » when one replaced this tab's text), and the "Annuler" offered after every deletion. Errors are announced by screen readers at once
//! (role="alert"); the rest politely (role="status").
//!
//! A plain message (`push`: « Avenant n°1 créé », « Le contrat est copié… ») reports what was
//! just done on the screen shown, and is cleared when the screen changes, rather than following
//! the user elsewhere. What concerns the whole app stays until dismissed: the keyed ones (saving
//! failed), the offers to undo or give back, and `push_global` (what loading found).

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Info,
}

/// An "Annuler" button: its label and what it restores.
#[derive(Clone)]
pub struct Undo {
    pub label: String,
    pub run: Arc<dyn Fn() + Send + Sync>,
}

#[derive(Clone)]
pub struct Notice {
    id: u64,
    /// Notices with a key replace each other (one "save failed" message, not one per keystroke).
    key: Option<&'static str>,
    level: Level,
    text: String,
    undo: Option<Undo>,
    /// Its button gives back something lost (« Rétablir mon texte »): it stays offered beside
    /// others, each for its own text, where only the latest « Annuler » is.
    gives_back: bool,
    /// The path of the screen it reports on, cleared when another one is shown; `None` for a
    /// notice about the whole app.
    screen: Option<String>,
}

#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next_id: StoredValue<u64>,
    /// The router's path of the screen shown, kept by `NoticeArea` (the address bar's changes
    /// only once the new screen is drawn, so `window.location` would name the screen before).
    screen: StoredValue<Option<String>>,
}

impl Notices {
    pub fn new() -> Self {
        Notices {
            list: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
            screen: StoredValue::new(None),
        }
    }

    fn add(&self, key: Option<&'static str>, level: Level, text: String, undo: Option<Undo>) {
        self.add_notice(Notice { id: 0, key, level, text, undo, gives_back: false, screen: None });
    }

    fn add_notice(&self, mut notice: Notice) {
        notice.id = self.next_id.get_value();
        self.next_id.set_value(notice.id + 1);
        self.list.update(|list| {
            if notice.key.is_some() {
                list.retain(|n| n.key != notice.key);
            }
            // Only the latest undo stays offered: older ones would restore stale states.
            if notice.undo.is_some() && !notice.gives_back {
                list.retain(|n| n.undo.is_none() || n.gives_back);
            }
            list.push(notice);
        });
    }

    /// A message about what was just done on the screen shown: cleared when it changes.
    pub fn push(&self, level: Level, text: impl Into<String>) {
        let screen = self.screen.get_value();
        self.add_notice(Notice {
            id: 0,
            key: None,
            level,
            text: text.into(),
            undo: None,
            gives_back: false,
            screen,
        });
    }

    /// A message about the whole app, kept whatever screen is shown until dismissed.
    pub fn push_global(&self, level: Level, text: impl Into<String>) {
        self.add(None, level, text.into(), None);
    }

    /// Clears the messages of other screens than the one now shown (its path).
    fn screen_shown(&self, path: &str) {
        self.screen.set_value(Some(path.to_string()));
        let elsewhere = |n: &Notice| n.screen.as_deref().is_some_and(|s| s != path);
        if self.list.with_untracked(|l| l.iter().any(elsewhere)) {
            self.list.update(|l| l.retain(|n| !elsewhere(n)));
        }
    }

    pub fn set_keyed(&self, key: &'static str, level: Level, text: impl Into<String>) {
        self.add(Some(key), level, text.into(), None);
    }

    /// A keyed message with a button that runs `run` (« Réessayer l’enregistrement »), kept
    /// whatever else is reported meanwhile.
    pub fn set_keyed_action(
        &self,
        key: &'static str,
        level: Level,
        text: impl Into<String>,
        label: impl Into<String>,
        run: impl Fn() + Send + Sync + 'static,
    ) {
        self.add_kept_action(Some(key), level, text.into(), label.into(), Arc::new(run));
    }

    pub fn clear_keyed(&self, key: &'static str) {
        if self.list.with_untracked(|l| l.iter().any(|n| n.key == Some(key))) {
            self.list.update(|l| l.retain(|n| n.key != Some(key)));
        }
    }

    /// Reports a deletion with an "Annuler" button that runs `undo`.
    pub fn offer_undo(
        &self,
        text: impl Into<String>,
        label: impl Into<String>,
        undo: impl Fn() + Send + Sync + 'static,
    ) {
        self.add(
            None,
            Level::Info,
            text.into(),
            Some(Undo { label: label.into(), run: Arc::new(undo) }),
        );
    }

    /// Reports something lost with a button that gives it back (`run`), offered until used or
    /// dismissed, whatever else is reported meanwhile.
    pub fn offer_give_back(
        &self,
        level: Level,
        text: impl Into<String>,
        label: impl Into<String>,
        run: impl Fn() + Send + Sync + 'static,
    ) {
        self.add_kept_action(None, level, text.into(), label.into(), Arc::new(run));
    }

    /// A message with a button, kept beside others (an undo, by contrast, replaces the last).
    fn add_kept_action(
        &self,
        key: Option<&'static str>,
        level: Level,
        text: String,
        label: String,
        run: Arc<dyn Fn() + Send + Sync>,
    ) {
        let undo = Some(Undo { label, run });
        self.add_notice(Notice { id: 0, key, level, text, undo, gives_back: true, screen: None });
    }

    fn dismiss(&self, id: u64) {
        self.list.update(|l| l.retain(|n| n.id != id));
    }
}

#[component]
pub fn NoticeArea(notices: Notices) -> impl IntoView {
    let pathname = use_location().pathname;
    Effect::new(move |_| pathname.with(|path| notices.screen_shown(path)));
    view! {
        <div class="notices">
            <For each=move || notices.list.get() key=|n| n.id let:notice>
                <NoticeBanner notice notices/>
            </For>
        </div>
    }
}

#[component]
fn NoticeBanner(notice: Notice, notices: Notices) -> impl IntoView {
    let (class, role) = match notice.level {
        Level::Error => ("banner banner--error", "alert"),
        Level::Warning => ("banner banner--warning", "alert"),
        Level::Info => ("banner banner--info", "status"),
    };
    let id = notice.id;
    let undo = notice.undo.map(|undo| {
        let run = undo.run.clone();
        view! {
            <button type="button" class="secondary" on:click=move |_| { run(); notices.dismiss(id); }>
                {undo.label}
            </button>
        }
    });
    view! {
        <div class=class role=role>
            <p>{notice.text}</p>
            <div class="actions">
                {undo}
                <button type="button" class="secondary" on:click=move |_| notices.dismiss(id)>"Fermer le message"</button>
            </div>
        </div>
    }
}
