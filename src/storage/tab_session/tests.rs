//! The tab protocol over a map standing for local storage: two tabs editing in turn and at the
//! same time, a stale read, a browser closed in the middle of a save, a full storage.

use super::*;
use crate::exchange::tab_merge::Restored;
use crate::exchange::tab_merge::{merge_tabs, restore};
use crate::model::amendment::frozen;
use crate::model::example::example_contract;
use crate::model::Contract;
use crate::storage::codec::{decode_with, Loaded};
use crate::storage::frozen::FROZEN_PREFIX;
use crate::storage::store::MemoryStore;

/// One tab of the browser: its session, its page's memory, its workspace and whether all of
/// it is saved, as `ui::platform::tabs` keeps them.
struct Tab {
    session: TabSession,
    page: Page,
    workspace: Workspace,
    saved: bool,
    /// Texts this tab was offered back.
    offers: Vec<Offer>,
}

impl Tab {
    /// A tab opened (or reloaded) on what `store` holds; the stored data must read.
    fn open(store: &MemoryStore, id: &str) -> Tab {
        let mut page = Page::new(store.clone());
        let workspace = match decode_with(store.get(WORKSPACE_KEY).as_deref(), &mut page.copies) {
            Ok(Loaded::Fresh) => Workspace::default(),
            Ok(Loaded::Current(workspace)) => workspace,
            other => panic!("stored data does not read as it was written: {other:?}"),
        };
        let mut session = TabSession::new(id.into(), page.encode(&workspace));
        session.set_merger(merge_tabs);
        Tab { session, page, workspace, saved: true, offers: Vec::new() }
    }

    /// An edit of the open contract at `now`, stamped as the screens stamp it.
    fn edit(&mut self, now: Timestamp, edit: impl FnOnce(&mut Contract)) {
        let contract = self.workspace.active_mut().expect("a contract is open");
        edit(contract);
        contract.modified_at = now;
        self.saved = false;
    }

    /// Saves as the UI does, and keeps what was merged.
    fn save(&mut self, store: &dyn Store, now: Timestamp) -> SaveOutcome {
        let ours = Ours { workspace: &self.workspace, saved: self.saved };
        let mut outcome = self.session.save(store, &mut self.page, ours, now);
        self.apply(&mut outcome.found);
        if matches!(outcome.wrote, Wrote::Saved | Wrote::Unchanged) {
            self.saved = true;
        }
        outcome
    }

    /// The browser's storage event for `key`, as another tab's write of it raises it here.
    fn hear(&mut self, store: &MemoryStore, key: &str) -> Heard {
        let ours = Ours { workspace: &self.workspace, saved: self.saved };
        let mut heard =
            self.session.heard(store, &mut self.page, Some(key), store.get(key), ours, 0);
        match &mut heard {
            Heard::Workspace(found) => self.apply(found),
            Heard::Notes(offers) => self.offers.extend(offers.iter().cloned()),
            Heard::Nothing => {}
        }
        heard
    }

    fn apply(&mut self, found: &mut Found) {
        if let Found::Merged(taken) = found {
            if let Some(merged) = taken.workspace.take() {
                self.workspace = merged;
            }
            self.offers.extend(taken.replaced_here.iter().cloned());
        }
    }

    fn contract(&self) -> &Contract {
        self.workspace.active().expect("a contract is open")
    }
}

/// A browser whose storage holds the example contract, open, saved by a first tab.
fn browser_with_a_contract() -> MemoryStore {
    let store = MemoryStore::new();
    let mut first = Tab::open(&store, "premier");
    first.workspace.add_contract(example_contract());
    first.saved = false;
    assert_eq!(first.save(&store, 1).wrote, Wrote::Saved);
    store
}

const NAME_A: &str = "Nom choisi dans A";
const TITLE_B: &str = "Fiche retitrée dans B";

/// Two tabs open on the example contract: A renames it, B retitles its first fiche.
fn two_tabs() -> (MemoryStore, Tab, Tab) {
    let store = browser_with_a_contract();
    let a = Tab::open(&store, "a");
    let b = Tab::open(&store, "b");
    (store, a, b)
}

fn rename_in_a(a: &mut Tab, now: Timestamp) {
    a.edit(now, |c| c.name = NAME_A.into());
}

fn retitle_in_b(b: &mut Tab, now: Timestamp) {
    b.edit(now, |c| c.sheets[0].title = TITLE_B.into());
}

/// Whether A's and B's edits are both in `workspace`.
fn holds_both_edits(workspace: &Workspace) -> bool {
    let contract = workspace.active().expect("a contract is open");
    contract.name == NAME_A && contract.sheets[0].title == TITLE_B
}

/// The workspace stored now, as a reload reads it.
fn reloaded(store: &MemoryStore) -> Workspace {
    Tab::open(store, "rechargé").workspace
}

#[test]
fn a_tab_saves_its_edit_and_a_save_with_nothing_new_writes_nothing() {
    let store = browser_with_a_contract();
    let mut tab = Tab::open(&store, "a");
    tab.edit(10, |c| c.name = "CLS du Pays d’Aurillac".into());
    let outcome = tab.save(&store, 10);
    assert!(matches!(outcome.found, Found::Nothing));
    assert_eq!(outcome.wrote, Wrote::Saved);
    assert_eq!(reloaded(&store).active().unwrap().name, "CLS du Pays d’Aurillac");
    let writes = store.writes();
    assert_eq!(tab.save(&store, 11).wrote, Wrote::Unchanged);
    assert_eq!(store.writes(), writes, "nothing written again");
}

#[test]
fn two_tabs_editing_in_turn_each_start_from_the_others_write() {
    let (store, mut a, mut b) = two_tabs();
    rename_in_a(&mut a, 10);
    a.save(&store, 10);
    // B hears of A's write, with nothing of its own unsaved: it takes A's workspace as is.
    assert!(matches!(b.hear(&store, WORKSPACE_KEY), Heard::Workspace(Found::Merged(_))));
    assert_eq!(b.contract().name, NAME_A);
    retitle_in_b(&mut b, 20);
    assert!(matches!(b.save(&store, 20).found, Found::Nothing), "B already had A's write");
    a.hear(&store, WORKSPACE_KEY);
    for workspace in [&a.workspace, &b.workspace, &reloaded(&store)] {
        assert!(holds_both_edits(workspace));
    }
}

#[test]
fn a_tab_saving_after_another_merges_the_others_write_and_loses_nothing() {
    let (store, mut a, mut b) = two_tabs();
    rename_in_a(&mut a, 10);
    retitle_in_b(&mut b, 11);
    a.save(&store, 10);
    // B saves before hearing of A's write (the event comes later): its save reads A's first.
    let outcome = b.save(&store, 11);
    let Found::Merged(taken) = outcome.found else { panic!("B must merge A's write") };
    assert!(taken.replaced_here.is_empty() && taken.renumbered.is_empty());
    assert_eq!(outcome.wrote, Wrote::Saved);
    let stored = reloaded(&store);
    assert!(holds_both_edits(&stored));
    assert_eq!(b.workspace, stored, "B shows what it stored");
    // A, told of B's write, ends with both edits too and has nothing left to write.
    a.hear(&store, WORKSPACE_KEY);
    assert_eq!(a.workspace, stored);
    assert_eq!(a.save(&store, 12).wrote, Wrote::Unchanged);
}

#[test]
fn a_merge_needed_before_its_code_is_loaded_writes_nothing_until_it_is() {
    let (store, mut a, mut b) = two_tabs();
    b.session = TabSession::new("b".into(), b.page.encode(&b.workspace));
    rename_in_a(&mut a, 10);
    retitle_in_b(&mut b, 11);
    a.save(&store, 10);
    let written_by_a = store.get(WORKSPACE_KEY);
    // B must merge A's write with its own edit, and has no merge yet: nothing changes.
    let outcome = b.save(&store, 11);
    assert!(matches!(outcome.found, Found::MergeNeeded));
    assert_eq!(outcome.wrote, Wrote::Postponed);
    assert_eq!(store.get(WORKSPACE_KEY), written_by_a, "A's write stays whole");
    assert_eq!(b.contract().sheets[0].title, TITLE_B, "B keeps its edit");
    assert!(matches!(b.hear(&store, WORKSPACE_KEY), Heard::Workspace(Found::MergeNeeded)));
    // Once the merge is there, the same save merges both edits.
    assert!(!b.session.has_merger());
    b.session.set_merger(merge_tabs);
    let outcome = b.save(&store, 12);
    assert!(matches!(outcome.found, Found::Merged(_)));
    assert_eq!(outcome.wrote, Wrote::Saved);
    assert!(holds_both_edits(&reloaded(&store)));
}

#[test]
fn the_same_field_edited_in_two_tabs_keeps_the_latest_and_offers_the_other_back() {
    let (store, mut a, mut b) = two_tabs();
    a.edit(10, |c| c.name = "Plus ancien (A)".into());
    b.edit(20, |c| c.name = "Plus récent (B)".into());
    a.save(&store, 10);
    b.save(&store, 20);
    assert_eq!(reloaded(&store).active().unwrap().name, "Plus récent (B)");
    // B leaves A a note before its workspace; A hears of both.
    assert!(store.get(NOTES_KEY).is_some());
    a.hear(&store, NOTES_KEY);
    a.hear(&store, WORKSPACE_KEY);
    assert_eq!(a.contract().name, "Plus récent (B)");
    assert_eq!(a.offers.len(), 1, "A is offered its text once: {:?}", a.offers);
    assert_eq!(a.offers[0].from, "b");
    assert_eq!(a.offers[0].replaced.lost_text, "Plus ancien (A)");
    assert!(matches!(a.hear(&store, NOTES_KEY), Heard::Notes(offers) if offers.is_empty()));
    // « Rétablir mon texte » in A: the text comes back, and B is told in its turn.
    let offer = a.offers.remove(0);
    let Restored::Done(reverse) = restore(&mut a.workspace, &offer.replaced, 30) else {
        panic!("the text can be put back")
    };
    a.saved = false;
    a.session.gave_back(&offer.from, reverse, 30);
    a.save(&store, 30);
    b.hear(&store, NOTES_KEY);
    b.hear(&store, WORKSPACE_KEY);
    assert_eq!(b.contract().name, "Plus ancien (A)");
    assert_eq!(b.offers.len(), 1);
    assert_eq!(b.offers[0].replaced.lost_text, "Plus récent (B)");
}

/// Local storage as a tab given a stale read sees it: reads come from an earlier state of the
/// browser's storage, writes go to the real one (Chromium passes a write on to each tab's
/// process a moment later).
struct StaleRead<'a> {
    earlier: MemoryStore,
    real: &'a MemoryStore,
}

impl Store for StaleRead<'_> {
    fn get(&self, key: &str) -> Option<String> {
        self.earlier.get(key)
    }
    fn set(&self, key: &str, text: &str) -> Result<(), SaveError> {
        self.real.set(key, text)
    }
    fn remove(&self, key: &str) -> bool {
        self.real.remove(key)
    }
    fn keys(&self) -> Vec<String> {
        self.earlier.keys()
    }
}

fn copy_of(store: &MemoryStore) -> MemoryStore {
    let copy = MemoryStore::new();
    for (key, text) in store.contents() {
        copy.set(&key, &text).unwrap();
    }
    copy
}

#[test]
fn a_tab_given_a_stale_read_writes_without_the_others_edit_which_the_other_keeps() {
    let (store, mut a, mut b) = two_tabs();
    let before_a = copy_of(&store);
    rename_in_a(&mut a, 10);
    a.save(&store, 10);
    // B's base is behind: it reads storage as it was before A's write, and writes over it.
    retitle_in_b(&mut b, 20);
    let stale = StaleRead { earlier: before_a, real: &store };
    let outcome = b.save(&stale, 20);
    assert!(matches!(outcome.found, Found::Nothing), "B saw no write of A's");
    assert_eq!(outcome.wrote, Wrote::Saved);
    assert_ne!(reloaded(&store).active().unwrap().name, NAME_A, "A's edit is not stored");
    // A hears of B's write: B's write came from the version before A's, so A's name is A's own
    // edit, not something B removed.
    a.hear(&store, WORKSPACE_KEY);
    assert!(holds_both_edits(&a.workspace));
    assert!(a.offers.is_empty(), "nothing of A's was replaced");
    // A's workspace holds more than what is stored: it writes it again.
    assert_eq!(a.save(&store, 21).wrote, Wrote::Saved);
    let stored = reloaded(&store);
    assert!(holds_both_edits(&stored));
    b.hear(&store, WORKSPACE_KEY);
    assert_eq!(b.workspace, stored);
}

/// A browser whose stored contract is signed: its save writes a frozen copy apart.
fn signed_edit(tab: &mut Tab, now: Timestamp) {
    tab.edit(now, |c| {
        c.name = "Signé".into();
        c.signing.frozen_copy = Some(frozen(c));
    });
}

#[test]
fn a_save_cut_off_after_any_write_leaves_stored_data_that_reads_and_the_next_save_completes() {
    let whole = {
        let store = browser_with_a_contract();
        let mut tab = Tab::open(&store, "a");
        signed_edit(&mut tab, 10);
        let before = store.writes();
        tab.save(&store, 10);
        store.writes() - before
    };
    assert!(whole >= 3, "the list of writes, the frozen copy, the workspace: {whole}");
    for cut_after in 0..whole {
        let store = browser_with_a_contract();
        let before = reloaded(&store);
        let mut tab = Tab::open(&store, "a");
        signed_edit(&mut tab, 10);
        store.close_after(cut_after);
        let outcome = tab.save(&store, 10);
        assert!(matches!(outcome.wrote, Wrote::Refused(_)), "cut after {cut_after}");
        // The browser opens again: the stored workspace is the previous one, whole, and reads
        // (a copy written without its workspace, or a list naming a write that is not stored,
        // mislead nobody).
        store.reopen();
        assert_eq!(reloaded(&store), before, "cut after {cut_after}");
        let mut other = Tab::open(&store, "b");
        other.edit(20, |c| c.sheets[0].title = "Après la coupure".into());
        assert_eq!(other.save(&store, 20).wrote, Wrote::Saved);
        // The tab that was cut off is still open (a save refused): it saves again and merges.
        assert!(matches!(tab.save(&store, 30).wrote, Wrote::Saved), "cut after {cut_after}");
        let stored = reloaded(&store);
        let contract = stored.active().unwrap();
        assert_eq!(contract.name, "Signé");
        assert!(contract.signing.frozen_copy.is_some());
        assert_eq!(contract.sheets[0].title, "Après la coupure");
        let copies = store.keys_with_prefix(FROZEN_PREFIX);
        assert_eq!(copies.len(), 1, "one copy, named by the workspace: {copies:?}");
    }
}

#[test]
fn a_lost_list_of_writes_makes_the_next_tab_read_the_workspace_rather_than_miss_a_write() {
    let (store, mut a, mut b) = two_tabs();
    rename_in_a(&mut a, 10);
    a.save(&store, 10);
    // The workspace written, the list of writes not (removed, as a list that cannot be written
    // is): B cannot trust the list and reads the workspace.
    store.remove(VERSIONS_KEY);
    retitle_in_b(&mut b, 20);
    assert!(matches!(b.save(&store, 20).found, Found::Merged(_)));
    let stored = reloaded(&store);
    assert!(holds_both_edits(&stored));
}

#[test]
fn a_full_storage_refuses_the_save_keeps_what_was_stored_and_waits_for_room() {
    let store = browser_with_a_contract();
    let mut tab = Tab::open(&store, "a");
    let stored_before = store.get(WORKSPACE_KEY);
    store.fill();
    // Longer than the list of writes, which a full storage makes this tab remove.
    tab.edit(10, |c| c.name.push_str(&" — un nom bien plus long qu’avant".repeat(20)));
    assert_eq!(tab.save(&store, 10).wrote, Wrote::Full);
    assert_eq!(store.get(WORKSPACE_KEY), stored_before, "the stored workspace stays whole");
    assert_eq!(reloaded(&store).active().unwrap().name, example_contract().name);
    // No retry at every keystroke: only a removal, or room made, makes it worth trying again.
    tab.edit(11, |c| c.name.push('!'));
    assert!(!tab.session.may_retry(&tab.workspace, &tab.page));
    tab.page.room_made();
    assert!(tab.session.may_retry(&tab.workspace, &tab.page));
    store.unlimit();
    assert_eq!(tab.save(&store, 12).wrote, Wrote::Saved);
    assert!(reloaded(&store).active().unwrap().name.ends_with('!'));
}

#[test]
fn another_tabs_unreadable_write_is_reported_not_merged() {
    let store = browser_with_a_contract();
    let mut tab = Tab::open(&store, "a");
    store.set(WORKSPACE_KEY, "{pas un espace de travail").unwrap();
    assert!(matches!(tab.hear(&store, WORKSPACE_KEY), Heard::Workspace(Found::Unreadable)));
    assert_eq!(tab.contract().name, example_contract().name, "this tab's workspace is kept");
}
