//! One Web Lock (`navigator.locks`) shared by every tab of the app, so that two tabs never
//! interleave reading the stored workspace and writing it: a tab reads, merges and writes
//! while holding it (`ui/platform/tabs.rs`).
//!
//! web-sys has the Lock Manager only behind its unstable-APIs flag, which would rebuild all of
//! web-sys with other flags: two declarations here do. A browser without Web Locks (or a page
//! where the request is refused) runs the work at once, without the lock: as before, two tabs
//! may then interleave, and the merge on the storage event still makes up for it.
//!
//! One request at a time: a save asked for while a request waits replaces the waiting save
//! (which always saves the latest state), so typing never piles up requests. Other work (an
//! avenant numbered under the lock, `with_lock_kept`) is never replaced: it waits its turn with
//! the save, in the order asked.

use leptos::prelude::window;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    type LockManager;

    /// The promise of a lock request.
    type LockRequest;

    #[wasm_bindgen(method, catch)]
    fn request(
        this: &LockManager,
        name: &str,
        callback: &js_sys::Function,
    ) -> Result<LockRequest, JsValue>;

    #[wasm_bindgen(method, js_name = catch)]
    fn or_else(this: &LockRequest, callback: &js_sys::Function) -> JsValue;
}

type Work = Box<dyn FnOnce()>;

/// Work waiting for the lock, and whether a later save may replace it.
struct Waiting {
    work: Work,
    replaceable: bool,
}

thread_local! {
    /// The work waiting for the lock, in the order asked; not empty while a request is under way.
    static WAITING: RefCell<Vec<Waiting>> = const { RefCell::new(Vec::new()) };
    /// Runs the waiting work; called with the lock held (or, if the request was refused,
    /// without it). Made once, kept for the life of the page.
    static RUN_WAITING: JsValue = Closure::<dyn Fn(JsValue)>::new(|_: JsValue| run_waiting())
        .into_js_value();
}

fn run_waiting() {
    let waiting = WAITING.with(|w| std::mem::take(&mut *w.borrow_mut()));
    for Waiting { work, .. } in waiting {
        work();
    }
}

/// Runs `work` (a save) while holding the lock `name`, as soon as the browser grants it; a
/// save already waiting is replaced by this one.
pub fn with_lock(name: &str, work: impl FnOnce() + 'static) {
    request(name, Box::new(work), true);
}

/// Runs `work` while holding the lock `name`, after what already waits; never replaced.
pub fn with_lock_kept(name: &str, work: impl FnOnce() + 'static) {
    request(name, Box::new(work), false);
}

fn request(name: &str, work: Work, replaceable: bool) {
    let Some(locks) = lock_manager() else { return work() };
    let already_asked = WAITING.with(|w| {
        let mut waiting = w.borrow_mut();
        let asked = !waiting.is_empty();
        if replaceable {
            waiting.retain(|w| !w.replaceable);
        }
        waiting.push(Waiting { work, replaceable });
        asked
    });
    if already_asked {
        return;
    }
    let requested = RUN_WAITING.with(|run| {
        let run: &js_sys::Function = run.unchecked_ref();
        let request = locks.request(name, run).ok()?;
        // A refused request (a page being torn down) runs the work without the lock rather
        // than leaving an unhandled rejection.
        request.or_else(run);
        Some(())
    });
    if requested.is_none() {
        run_waiting();
    }
}

fn lock_manager() -> Option<LockManager> {
    let locks = js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("locks")).ok()?;
    locks.is_object().then(|| locks.unchecked_into())
}
