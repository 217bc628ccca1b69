//! The four parts of « Suivi » below the dashboard, one shown at a time: the actions' bilan,
//! the indicators, the budget, and the collection of the leads' answers (« Collecte »). Links,
//! so that each part has its own address.

use super::FollowUpView;
use crate::ui::widgets::links::href;
use leptos::prelude::*;

/// A part of « Suivi ».
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Actions,
    Indicators,
    Budget,
    Collection,
}

impl Part {
    const ALL: [Part; 4] = [Part::Actions, Part::Indicators, Part::Budget, Part::Collection];

    /// Its value in the address (`partie=`).
    pub fn key(self) -> &'static str {
        match self {
            Part::Actions => "actions",
            Part::Indicators => "indicateurs",
            Part::Budget => "budget",
            Part::Collection => "collecte",
        }
    }

    pub fn from_key(key: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.key() == key)
    }

    fn label(self) -> &'static str {
        match self {
            Part::Actions => "Bilan des actions",
            Part::Indicators => "Indicateurs",
            Part::Budget => "Budget",
            Part::Collection => "Collecte",
        }
    }
}

#[component]
pub fn PartLinks() -> impl IntoView {
    let views = FollowUpView::get();
    let base = href("");
    let link = move |part: Part| {
        let base = base.clone();
        let href =
            move || format!("{base}{}", views.view.get().changed(|v| v.part = part).address());
        let current = move || (views.view.with(|v| v.part) == part).then_some("page");
        view! { <li><a href=href aria-current=current>{part.label()}</a></li> }
    };
    view! {
        <nav class="follow-up-parts no-print" aria-label="Parties du suivi">
            <ul>{Part::ALL.into_iter().map(link).collect_view()}</ul>
        </nav>
    }
}
