//! The avenants, newest first: each one's fields, edited in place and saved like everything
//! else, what it changed since the version before it, and the link to its document.

use super::changes::ChangeList;
use crate::model::amendment::{adopting_meetings, amendments_newest_first};
use crate::model::validation::Subject;
use crate::model::{Amendment, Id};
use crate::ui::state::AppState;
use crate::ui::widgets::fields::{SelectField, TextField};
use crate::ui::widgets::issues::IssuesFor;
use crate::ui::widgets::links::href;
use crate::versions::since_signed::amendment_changes;
use leptos::prelude::*;
use leptos_router::components::A;

/// The key of « Autre décision » in the list of what adopted an avenant.
const OTHER: &str = "autre";

/// « Adopté par »: a meeting of the contract's governance, or « Autre décision » and its words.
#[component]
pub fn AdoptionFields(
    other: RwSignal<bool>,
    #[prop(into)] meeting: Signal<Option<Id>>,
    #[prop(into)] adopted_by: Signal<String>,
    on_meeting: Callback<Option<Id>>,
    on_adopted_by: Callback<String>,
) -> impl IntoView {
    let state = AppState::get();
    let options = Signal::derive(move || {
        let mut options = vec![(String::new(), "Non renseigné".to_string())];
        let meetings = state.with_contract(adopting_meetings).unwrap_or_default();
        options.extend(meetings.into_iter().map(|(id, label)| (id.to_string(), label)));
        options.push((OTHER.to_string(), "Autre décision".to_string()));
        options
    });
    let value = Signal::derive(move || match meeting.get() {
        Some(id) => id.to_string(),
        None if other.get() => OTHER.to_string(),
        None => String::new(),
    });
    let choose = move |key: String| {
        other.set(key == OTHER);
        let chosen = Id::parse(&key);
        on_meeting.run(chosen);
        if key != OTHER {
            on_adopted_by.run(String::new());
        }
    };
    view! {
        <SelectField label="Adopté par"
            help="La réunion du COPIL (ou d’une autre instance) qui l’a adopté, parmi les réunions de la gouvernance du contrat"
            options value on_change=choose/>
        <Show when=move || other.get()>
            <TextField label="Décision qui l’a adopté" help="Par exemple : délibération du comité syndical du 6 mars 2026"
                value=adopted_by on_input=on_adopted_by/>
        </Show>
    }
}

#[component]
pub fn AmendmentList() -> impl IntoView {
    let state = AppState::get();
    let ids = Memo::new(move |_| {
        state
            .with_contract(|c| amendments_newest_first(c).iter().map(|a| a.id).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    view! {
        <section aria-labelledby="avenants-titre">
            <h2 id="avenants-titre">"Avenants"</h2>
            <Show when=move || !ids.with(Vec::is_empty)
                fallback=|| view! { <p class="muted">"Aucun avenant pour l’instant : la version en vigueur est celle qui a été signée."</p> }>
                <For each=move || ids.get() key=|id| *id let:id>
                    <AmendmentItem id/>
                </For>
            </Show>
        </section>
    }
}

#[component]
fn AmendmentItem(id: Id) -> impl IntoView {
    let state = AppState::get();
    let read = move |get: fn(&Amendment) -> String| {
        Signal::derive(move || {
            state
                .with_contract(|c| c.amendments.iter().find(|a| a.id == id).map(get))
                .flatten()
                .unwrap_or_default()
        })
    };
    let write = move |set: fn(&mut Amendment, String)| {
        Callback::new(move |value: String| {
            state.edit_contract(|c, now| {
                if let Some(a) = c.amendments.iter_mut().find(|a| a.id == id) {
                    set(a, value);
                    a.modified_at = now;
                }
            })
        })
    };
    let number = Memo::new(move |_| {
        state
            .with_contract(|c| c.amendments.iter().find(|a| a.id == id).map(|a| a.number))
            .flatten()
    });
    let meeting = Memo::new(move |_| {
        state
            .with_contract(|c| c.amendments.iter().find(|a| a.id == id).and_then(|a| a.meeting_id))
            .flatten()
    });
    let adopted_by = read(|a| a.adopted_by.clone());
    let other =
        RwSignal::new(meeting.get_untracked().is_none() && !adopted_by.get_untracked().is_empty());
    let on_meeting = Callback::new(move |chosen: Option<Id>| {
        state.edit_contract(|c, now| {
            if let Some(a) = c.amendments.iter_mut().find(|a| a.id == id) {
                a.meeting_id = chosen;
                a.modified_at = now;
            }
        })
    });
    let changes = Memo::new(move |_| {
        number
            .get()
            .and_then(|n| state.with_contract(|c| amendment_changes(c, n)))
            .unwrap_or_default()
    });
    let n = move || number.get().unwrap_or_default();
    let heading_id = format!("avenant-{id}");
    let labelled_by = heading_id.clone();
    view! {
        <article class="amendment" aria-labelledby=labelled_by>
            <h3 id=heading_id tabindex="-1">{move || format!("Avenant n°{}", n())}</h3>
            <TextField label=Signal::derive(move || format!("Date de l’avenant n°{}", n())) kind="date"
                value=read(|a| a.date.clone().unwrap_or_default())
                on_input=write(|a, v| a.date = (!v.is_empty()).then_some(v))/>
            <AdoptionFields other meeting adopted_by on_meeting on_adopted_by=write(|a, v| a.adopted_by = v)/>
            <TextField label=Signal::derive(move || format!("Objet de l’avenant n°{}", n())) multiline=true
                value=read(|a| a.object.clone()) on_input=write(|a, v| a.object = v)/>
            <TextField label=Signal::derive(move || format!("Ce que modifie l’avenant n°{}", n())) multiline=true
                value=read(|a| a.changes.clone()) on_input=write(|a, v| a.changes = v)/>
            <IssuesFor subject=Subject::Amendment(id)/>
            <h4>{move || format!("Modifications depuis la version précédente (avenant n°{})", n())}</h4>
            <ChangeList groups=changes level=5 empty=String::from("Aucune modification par rapport à la version précédente.")/>
            <p><A href=move || href(&format!("/document/?avenant={}", n()))>{move || format!("Voir et imprimer l’avenant n°{}", n())}</A></p>
        </article>
    }
}
