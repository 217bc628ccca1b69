//! The guided fiche action form: eight steps with a progress bar, free navigation between
//! steps (the step is in the address, so a link opens the right one), every change saved at once.

mod access;
mod actions;
mod actors;
mod evaluation;
mod findings;
mod identification;
mod means;
mod objectives;
mod review;
mod steps;

use crate::model::Id;
use crate::ui::state::AppState;
use crate::ui::widgets::links::href;
use crate::ui::widgets::no_contract::RequireContract;
use crate::ui::widgets::signature_markers::SheetNotice;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use steps::Step;

#[component]
pub fn SheetScreen() -> impl IntoView {
    let state = AppState::get();
    let query = use_query_map();
    let id = Memo::new(move |_| query.with(|q| q.get("id")).and_then(|id| Id::parse(&id)));
    let exists = Memo::new(move |_| {
        id.get().is_some_and(|id| state.with_contract(|c| c.sheet(id).is_some()).unwrap_or(false))
    });
    let no_contract = Memo::new(move |_| state.workspace.with(|ws| ws.active().is_none()));
    view! {
        <Show when=move || no_contract.get()><h1>"Fiche action"</h1></Show>
        <RequireContract>
            {move || match (id.get(), exists.get()) {
                (Some(id), true) => view! { <SheetForm id/> }.into_any(),
                _ => view! {
                    <h1>"Fiche action"</h1>
                    <div class="empty-state">
                        <p>"Cette fiche action n’existe pas (ou plus) dans le contrat ouvert."</p>
                        <p><A href=href("/fiches/")>"Voir la liste des fiches action"</A></p>
                    </div>
                }.into_any(),
            }}
        </RequireContract>
    }
}

fn step_href(id: Id, step: Step) -> String {
    href(&format!("/fiche/?id={id}&etape={}", step.number()))
}

#[component]
fn SheetForm(id: Id) -> impl IntoView {
    let state = AppState::get();
    crate::ui::widgets::issues::provide_issues();
    let query = use_query_map();
    let step = Memo::new(move |_| {
        Step::from_number(query.with(|q| q.get("etape")).and_then(|n| n.parse().ok()).unwrap_or(1))
    });
    let heading = Memo::new(move |_| {
        state.numbering.with(|numbers| {
            state
                .with_contract(|c| c.sheet(id).map(|s| s.label(numbers)))
                .flatten()
                .unwrap_or_default()
        })
    });
    // « Étape précédente » and « Étape suivante » move the focus to the new step's heading: left
    // on the button, which now leads one step further, a second Entrée would skip a step.
    let step_heading = NodeRef::<leptos::html::H2>::new();
    let focus_heading = StoredValue::new(false);
    Effect::new(move |_| {
        step.track();
        if focus_heading.get_value() {
            focus_heading.set_value(false);
            if let Some(heading) = step_heading.get_untracked() {
                let _ = heading.focus();
            }
        }
    });
    let move_to = move |_: leptos::ev::MouseEvent| focus_heading.set_value(true);
    // Plain links, not the router's <A>: <A> marks every link to the current path as
    // aria-current="page", and all of these lead to /fiche/ (the step is in the query).
    view! {
        <h1 class="no-print">{move || heading.get()}</h1>
        <SheetNotice id/>
        <nav class="steps" aria-label="Étapes de la fiche">
            <progress max="8" value=move || step.get().number() aria-label=move || format!("Étape {} sur 8", step.get().number())></progress>
            <ol>
                {Step::ALL.into_iter().map(|s| view! {
                    <li><a href=step_href(id, s) aria-current=move || (step.get() == s).then_some("step")>
                        {format!("{}. {}", s.number(), s.title())}
                    </a></li>
                }).collect_view()}
            </ol>
        </nav>
        <section class="step" aria-labelledby="etape-titre">
            <h2 id="etape-titre" tabindex="-1" node_ref=step_heading>{move || format!("Étape {} sur 8 : {}", step.get().number(), step.get().title())}</h2>
            {move || match step.get() {
                Step::Identification => view! { <identification::Identification id/> }.into_any(),
                Step::Findings => view! { <findings::Findings id/> }.into_any(),
                Step::Objectives => view! { <objectives::Objectives id/> }.into_any(),
                Step::Actions => view! { <actions::Actions id/> }.into_any(),
                Step::Actors => view! { <actors::Actors id/> }.into_any(),
                Step::Means => view! { <means::Means id/> }.into_any(),
                Step::Evaluation => view! { <evaluation::Evaluation id/> }.into_any(),
                Step::Review => view! { <review::Review id/> }.into_any(),
            }}
        </section>
        <nav class="step-nav" aria-label="Étape précédente ou suivante">
            {move || {
                let n = step.get().number();
                view! {
                    {(n > 1).then(|| view! { <a href=step_href(id, Step::from_number(n - 1)) class="button secondary" on:click=move_to>"← Étape précédente"</a> })}
                    {(n < 8).then(|| view! { <a href=step_href(id, Step::from_number(n + 1)) class="button" on:click=move_to>"Étape suivante →"</a> })}
                }
            }}
        </nav>
    }
}
