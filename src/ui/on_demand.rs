//! Screens loaded on demand (issue 27, README « Speed »). The release wasm is split after
//! linking (`scripts/wasm-split.sh`): the first visit downloads the shell, the contract list and
//! what reading the stored workspace needs; each other area's code is a part of its own, fetched
//! the first time one of its screens opens, then kept by the browser and the service worker.
//!
//! A split point is a function marked `#[wasm_split(<part>, …, fallible)]` that returns the
//! screen's view: its body, and all it alone reaches, goes into the part. It is `fallible` on
//! purpose: a part that cannot be fetched (offline before the worker kept it, a server gone)
//! comes back as `Err`, and the screen says so in French with « Réessayer »; the non-fallible
//! form, which Leptos 0.8's `#[lazy_route]` uses, would abort the whole app (leptos#4785).

use super::platform::stylesheet::screens_stylesheet;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use send_wrapper::SendWrapper;
use std::future::Future;
use std::pin::Pin;

/// A part could not be fetched or started. Nothing is lost: asking again fetches it again
/// (the loader does not remember failures).
pub struct PartUnavailable;

impl From<SplitLoaderError> for PartUnavailable {
    fn from(_: SplitLoaderError) -> Self {
        Self
    }
}

/// What a split point gives: the screen's view, once its part is there.
pub type PartView = Result<AnyView, PartUnavailable>;

/// A split point's call: boxed, so that one `OnDemand` serves every screen (a generic component
/// was compiled once per screen, 37 KB of the first part).
pub type PartLoad = fn() -> Pin<Box<dyn Future<Output = PartView>>>;

/// Shows a screen whose code is in a part loaded on demand: while the part (and the screens'
/// stylesheet, `platform::stylesheet`) loads, the screen's title and a progress line (never a
/// blank page); if either fails, the French message and « Réessayer ». Once the part is there,
/// loading again costs nothing (it is kept in memory).
#[component]
pub fn OnDemand(
    /// The screen's title, shown while its part loads (the screen's own `<h1>` then replaces it).
    title: &'static str,
    /// The split point that gives the screen's view.
    load: PartLoad,
    /// A section of a screen rather than a whole screen: its title is a second-level heading.
    #[prop(optional)]
    section: bool,
) -> impl IntoView {
    let attempt = RwSignal::new(0_u32);
    let body = move || {
        attempt.track();
        Suspend::new(SendWrapper::new(async move {
            // The stylesheet starts first, so that both come down the line together.
            let styled = screens_stylesheet();
            let part = load().await;
            match (part, styled.await) {
                (Ok(view), Ok(())) => view,
                _ => view! { <Unavailable title section attempt/> }.into_any(),
            }
        }))
    };
    view! {
        <Suspense fallback=move || view! { <Loading title section/> }>{body}</Suspense>
    }
}

/// Where the user is going, and a line that moves while the part arrives.
#[component]
fn Loading(title: &'static str, section: bool) -> impl IntoView {
    view! {
        <Title title section/>
        <div class="part-loading" role="status">
            <p>"Chargement de l’écran « " {title} " »…"</p>
            <progress aria-label=format!("Chargement de l’écran « {title} »")></progress>
        </div>
    }
}

/// The part could not be fetched: say so, and offer to try again.
#[component]
fn Unavailable(title: &'static str, section: bool, attempt: RwSignal<u32>) -> impl IntoView {
    view! {
        <Title title section/>
        <div class="banner banner--error" role="alert">
            <p>
                "L’écran « " {title} " » n’a pas pu être chargé : la connexion semble coupée, "
                "et cet écran n’a pas encore été gardé pour un usage hors ligne. Vos données "
                "sont intactes. Réessayez une fois la connexion revenue."
            </p>
            <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>
                "Réessayer"
            </button>
        </div>
    }
}

/// The screen's title, or the section's.
#[component]
fn Title(title: &'static str, section: bool) -> impl IntoView {
    if section {
        view! { <h2>{title}</h2> }.into_any()
    } else {
        view! { <h1>{title}</h1> }.into_any()
    }
}
