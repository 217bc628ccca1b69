//! Governance: the bodies (COPIL, commission santé, CLSM, working groups...) with their duties
//! and meeting frequency, their members, and the dates of their meetings (shown later as
//! markers on the planning). A member's or meeting's « Instance » lists the bodies described
//! above, by name (`Governance::body_options`), so that two working groups are two choices.

use crate::model::iso_date::french_date;
use crate::model::validation::Subject;
use crate::model::{Body, Governance, GovernanceBody, Id, Meeting, Member};
use crate::ui::row_lens::{row_ids, RowLens};
use crate::ui::state::AppState;
use crate::ui::widgets::fields::{SelectField, TextField};
use crate::ui::widgets::issues::IssuesFor;
use crate::ui::widgets::options::organisation_options;
use crate::ui::widgets::row_buttons::RemoveButton;
use leptos::prelude::*;

fn bodies() -> Signal<Vec<(String, String)>> {
    Signal::derive(|| {
        Body::ALL.iter().map(|b| (b.key().to_string(), b.label().to_string())).collect()
    })
}

/// The « Instance » of a member or meeting: the option it shows, and the list it chooses from.
fn body_select(
    state: AppState,
    shown: impl Fn(&Governance) -> String + Copy + Send + Sync + 'static,
) -> (Signal<String>, Signal<Vec<(String, String)>>) {
    let value = Signal::derive(move || {
        state.workspace.with(|ws| ws.active().map(|c| shown(&c.governance))).unwrap_or_default()
    });
    let options = Signal::derive(move || {
        let shown = value.get();
        state
            .workspace
            .with(|ws| ws.active().map(|c| c.governance.body_options(&shown)))
            .unwrap_or_default()
    });
    (value, options)
}

#[component]
pub fn GovernanceSection() -> impl IntoView {
    let state = AppState::get();
    let body_ids = row_ids::<GovernanceBody>(state, None);
    let add_body = move |_| {
        state.edit_contract(|c, now| {
            c.governance.bodies.push(GovernanceBody::new(Id::random(), Body::NotStated, now))
        })
    };
    let member_ids = row_ids::<Member>(state, None);
    let meeting_ids = row_ids::<Meeting>(state, None);
    let add_member = move |_| {
        state.edit_contract(|c, now| {
            c.governance.members.push(Member {
                id: Id::random(),
                modified_at: now,
                body: Body::NotStated,
                body_id: None,
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
                body: Body::NotStated,
                body_id: None,
                date: String::new(),
                notes: String::new(),
            })
        })
    };
    view! {
        <section id="gouvernance" aria-labelledby="gouvernance-titre">
            <h2 id="gouvernance-titre">"Gouvernance"</h2>
            <h3>"Instances"</h3>
            <ul class="rows">
                <For each=move || body_ids.get() key=|id| *id let:id>
                    <BodyRow id/>
                </For>
            </ul>
            <button type="button" class="secondary" on:click=add_body>"Ajouter une instance"</button>
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

#[component]
fn MemberRow(id: Id) -> impl IntoView {
    let state = AppState::get();
    let row = RowLens::<Member>::of_contract(state, id);
    let read = move |get: fn(&Member) -> String| row.read(get);
    let edit = move |set: fn(&mut Member, String)| row.write(set);
    let name = read(|m| m.name.clone());
    let (body, body_options) = body_select(state, move |g| {
        let member = g.members.iter().find(|m| m.id == id);
        member.map(|m| g.body_choice(m.body_id, m.body)).unwrap_or_default()
    });
    let label = move || {
        let name = name.get();
        if name.trim().is_empty() {
            "Nouveau membre".to_string()
        } else {
            name
        }
    };
    view! {
        <li class="row">
            <fieldset>
                <legend>{label}</legend>
                <SelectField label="Instance" options=body_options value=body
                    on_change=move |v: String| state.edit_contract(|c, now| { c.governance.set_member_body(id, &v, now); })/>
                <TextField label="Nom du membre" value=name on_input=edit(|m, v| m.name = v)/>
                <SelectField label="Organisation" options=organisation_options(state, "— aucune —")
                    value=read(|m| m.organisation_id.map(|id| id.to_string()).unwrap_or_default())
                    on_change=edit(|m, v| m.organisation_id = Id::parse(&v))/>
                <TextField label="Rôle" help="Par exemple : présidente, référent élu santé"
                    value=read(|m| m.role.clone()) on_input=edit(|m, v| m.role = v)/>
                <IssuesFor subject=Subject::Member(id)/>
                <RemoveButton name=Signal::derive(move || format!("le membre « {} »", label()))
                    on_remove=move || row.remove_with_undo(format!("Le membre « {} »", label()))/>
            </fieldset>
        </li>
    }
}

#[component]
fn MeetingRow(id: Id) -> impl IntoView {
    let state = AppState::get();
    let row = RowLens::<Meeting>::of_contract(state, id);
    let read = move |get: fn(&Meeting) -> String| row.read(get);
    let edit = move |set: fn(&mut Meeting, String)| row.write(set);
    let date = read(|m| m.date.clone());
    let (body, body_options) = body_select(state, move |g| {
        let meeting = g.meetings.iter().find(|m| m.id == id);
        meeting.map(|m| g.body_choice(m.body_id, m.body)).unwrap_or_default()
    });
    let label = move || {
        let date = date.get();
        if date.is_empty() {
            "Réunion sans date".to_string()
        } else {
            format!("Réunion du {}", french_date(&date))
        }
    };
    view! {
        <li class="row">
            <fieldset>
                <legend>{label}</legend>
                <SelectField label="Instance réunie" options=body_options value=body
                    on_change=move |v: String| state.edit_contract(|c, now| { c.governance.set_meeting_body(id, &v, now); })/>
                <TextField label="Date de la réunion" kind="date" value=date on_input=edit(|m, v| m.date = v)/>
                <TextField label="Notes" multiline=true help="Ordre du jour, décisions, avenants adoptés"
                    value=read(|m| m.notes.clone()) on_input=edit(|m, v| m.notes = v)/>
                <IssuesFor subject=Subject::Meeting(id)/>
                <RemoveButton name=Signal::derive(move || format!("la {}", label().to_lowercase()))
                    on_remove=move || row.remove_with_undo(label())/>
            </fieldset>
        </li>
    }
}

/// A body of the contract: its kind, its name, its duties and how often it meets.
#[component]
fn BodyRow(id: Id) -> impl IntoView {
    let state = AppState::get();
    let row = RowLens::<GovernanceBody>::of_contract(state, id);
    let title = row.read(|b| b.title().to_string());
    view! {
        <li class="row">
            <fieldset>
                <legend>{move || title.get()}</legend>
                <SelectField label="Type d’instance" options=bodies() value=row.read(|b| b.kind.key().to_string())
                    on_change=move |v: String| if let Some(kind) = Body::from_key(&v) {
                        state.edit_contract(|c, now| c.governance.set_body_kind(id, kind, now))
                    }/>
                <TextField label="Nom de l’instance" help="Utile pour un groupe de travail ou une autre instance : « Groupe de travail addictions »"
                    value=row.read(|b| b.name.clone()) on_input=row.write(|b, v| b.name = v)/>
                <TextField label="Attributions" multiline=true help="Son rôle, tel que le contrat le décrit, une attribution par ligne"
                    value=row.read(|b| b.duties.clone()) on_input=row.write(|b, v| b.duties = v)/>
                <TextField label="Fréquence des réunions" help="Par exemple : « au minimum une fois par an »"
                    value=row.read(|b| b.meeting_frequency.clone()) on_input=row.write(|b, v| b.meeting_frequency = v)/>
                <IssuesFor subject=Subject::GovernanceBody(id)/>
                <RemoveButton name=Signal::derive(move || format!("l’instance « {} »", title.get()))
                    on_remove=move || row.remove_with_undo(format!("L’instance « {} »", title.get_untracked()))/>
            </fieldset>
        </li>
    }
}
