//! Governance: members of the steering committee (COPIL) and the commission santé, and the
//! dates of their meetings (shown later as markers on the planning).

use crate::model::entity::edit_by_id;
use crate::model::validation::Subject;
use crate::model::{Body, Id, Meeting, Member};
use crate::ui::fields::{SelectField, TextField};
use crate::ui::options::organisation_options;
use crate::ui::screens::issues::IssuesFor;
use crate::ui::state::{restore_at, take_where, AppState};
use leptos::prelude::*;

fn bodies() -> Signal<Vec<(String, String)>> {
    Signal::derive(|| {
        Body::ALL.iter().map(|b| (b.key().to_string(), b.label().to_string())).collect()
    })
}

#[component]
pub fn GovernanceSection() -> impl IntoView {
    let state = AppState::get();
    let member_ids = Memo::new(move |_| {
        state
            .with_contract(|c| c.governance.members.iter().map(|m| m.id).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let meeting_ids = Memo::new(move |_| {
        state
            .with_contract(|c| c.governance.meetings.iter().map(|m| m.id).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let add_member = move |_| {
        state.edit_contract(|c, now| {
            c.governance.members.push(Member {
                id: Id::random(),
                modified_at: now,
                body: Body::SteeringCommittee,
                name: String::new(),
                organisation_id: None,
                role: String::new(),
            })
        })
    };
    let add_meeting = move |_| {
        state.edit_contract(|c, now| {
            c.governance.meetings.push(Meeting {
                id: Id::random(),
                modified_at: now,
                body: Body::SteeringCommittee,
                date: String::new(),
                notes: String::new(),
            })
        })
    };
    view! {
        <section id="gouvernance" aria-labelledby="gouvernance-titre">
            <h2 id="gouvernance-titre">"Gouvernance"</h2>
            <h3>"Membres"</h3>
            <ul class="rows">
                <For each=move || member_ids.get() key=|id| *id let:id>
                    <MemberRow id/>
                </For>
            </ul>
            <button type="button" class="secondary" on:click=add_member>"Ajouter un membre"</button>
            <h3>"Réunions"</h3>
            <ul class="rows">
                <For each=move || meeting_ids.get() key=|id| *id let:id>
                    <MeetingRow id/>
                </For>
            </ul>
            <button type="button" class="secondary" on:click=add_meeting>"Ajouter une réunion"</button>
        </section>
    }
}

fn edit_member(state: AppState, id: Id, change: impl FnOnce(&mut Member)) {
    state.edit_contract(|c, now| {
        edit_by_id(&mut c.governance.members, id, now, change);
    });
}

fn edit_meeting(state: AppState, id: Id, change: impl FnOnce(&mut Meeting)) {
    state.edit_contract(|c, now| {
        edit_by_id(&mut c.governance.meetings, id, now, change);
    });
}

#[component]
fn MemberRow(id: Id) -> impl IntoView {
    let state = AppState::get();
    let read = move |f: fn(&Member) -> String| {
        Signal::derive(move || {
            state
                .with_contract(|c| c.governance.members.iter().find(|m| m.id == id).map(f))
                .flatten()
                .unwrap_or_default()
        })
    };
    let edit = move |write: fn(&mut Member, String)| {
        Callback::new(move |v: String| edit_member(state, id, |m| write(m, v)))
    };
    let name = read(|m| m.name.clone());
    let label = move || {
        let name = name.get();
        if name.trim().is_empty() {
            "Nouveau membre".to_string()
        } else {
            name
        }
    };
    let remove = move |_| {
        state.remove_with_undo(
            format!("Le membre « {} »", label()),
            |c| take_where(&mut c.governance.members, |m| m.id == id),
            |c, index, m| restore_at(&mut c.governance.members, index, m),
        )
    };
    view! {
        <li class="row">
            <fieldset>
                <legend>{label}</legend>
                <SelectField label="Instance" options=bodies() value=read(|m| m.body.key().to_string())
                    on_change=edit(|m, v| if let Some(body) = Body::from_key(&v) { m.body = body })/>
                <TextField label="Nom du membre" value=name on_input=edit(|m, v| m.name = v)/>
                <SelectField label="Organisation" options=organisation_options(state, "— aucune —")
                    value=read(|m| m.organisation_id.map(|id| id.to_string()).unwrap_or_default())
                    on_change=edit(|m, v| m.organisation_id = Id::parse(&v))/>
                <TextField label="Rôle" help="Par exemple : présidente, référent élu santé"
                    value=read(|m| m.role.clone()) on_input=edit(|m, v| m.role = v)/>
                <IssuesFor subject=Subject::Member(id)/>
                <button type="button" class="danger" on:click=remove
                    aria-label=move || format!("Supprimer le membre « {} »", label())>"Supprimer"</button>
            </fieldset>
        </li>
    }
}

#[component]
fn MeetingRow(id: Id) -> impl IntoView {
    let state = AppState::get();
    let read = move |f: fn(&Meeting) -> String| {
        Signal::derive(move || {
            state
                .with_contract(|c| c.governance.meetings.iter().find(|m| m.id == id).map(f))
                .flatten()
                .unwrap_or_default()
        })
    };
    let edit = move |write: fn(&mut Meeting, String)| {
        Callback::new(move |v: String| edit_meeting(state, id, |m| write(m, v)))
    };
    let date = read(|m| m.date.clone());
    let label = move || {
        let date = date.get();
        if date.is_empty() {
            "Réunion sans date".to_string()
        } else {
            format!("Réunion du {date}")
        }
    };
    let remove = move |_| {
        state.remove_with_undo(
            label(),
            |c| take_where(&mut c.governance.meetings, |m| m.id == id),
            |c, index, m| restore_at(&mut c.governance.meetings, index, m),
        )
    };
    view! {
        <li class="row">
            <fieldset>
                <legend>{label}</legend>
                <SelectField label="Instance réunie" options=bodies() value=read(|m| m.body.key().to_string())
                    on_change=edit(|m, v| if let Some(body) = Body::from_key(&v) { m.body = body })/>
                <TextField label="Date de la réunion" kind="date" value=date on_input=edit(|m, v| m.date = v)/>
                <TextField label="Notes" multiline=true help="Ordre du jour, décisions, avenants adoptés"
                    value=read(|m| m.notes.clone()) on_input=edit(|m, v| m.notes = v)/>
                <IssuesFor subject=Subject::Meeting(id)/>
                <button type="button" class="danger" on:click=remove
                    aria-label=move || format!("Supprimer la {}", label().to_lowercase())>"Supprimer"</button>
            </fieldset>
        </li>
    }
}
