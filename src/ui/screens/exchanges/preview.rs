//! The preview of a received file: why it was refused, or what it brings (a whole new
//! contract, or item by item what is new, what the partner changed and what conflicts, field by
//! field) with a choice per item. An item changed on both sides and merged field by field lists
//! what each side changed, and asks only about the fields both changed, each on its own.
//! Applying takes a snapshot first and offers "Annuler l’import".

use super::restore::BackupPreview;
use super::snapshots::{local_date_time, offer_back, room_after, Shelf};
use crate::exchange::import::{Checked, ImportProblem};
use crate::exchange::merge::{
    add_received_contract, plan_import, ChangedBy, Choice, FieldMerge, MergePlan, MergeRequest,
    Proposal, Status,
};
use crate::model::Id;
use crate::ui::platform::inbox::{Inbox, Received};
use crate::ui::state::{focus_after_render, AppState};
use leptos::prelude::*;
use std::collections::HashMap;

#[component]
pub fn Preview(shelf: Shelf) -> impl IntoView {
    let inbox = Inbox::get();
    move || match inbox.0.get() {
        None => ().into_any(),
        Some(Received::Refused { name, problems }) => view! { <Refused name problems/> }.into_any(),
        Some(Received::Accepted { name, checked }) => {
            view! { <Accepted name checked=*checked shelf/> }.into_any()
        }
        Some(Received::Backup { name, checked }) => {
            view! { <BackupPreview name checked=*checked shelf/> }.into_any()
        }
    }
}

#[component]
fn Refused(name: String, problems: Vec<ImportProblem>) -> impl IntoView {
    let inbox = Inbox::get();
    view! {
        <div class="banner banner--error import-refused" role="alert">
            <p><strong>{format!("Le fichier « {name} » n’a pas été importé")}</strong>" : rien n’a changé dans vos contrats."</p>
            <ul>
                {problems.into_iter().map(|p| view! { <li><strong>{p.location}</strong>" : "{p.message}</li> }).collect_view()}
            </ul>
            <button type="button" class="secondary" on:click=move |_| inbox.clear()>"Fermer"</button>
        </div>
    }
}

#[component]
fn Accepted(name: String, checked: Checked, shelf: Shelf) -> impl IntoView {
    let state = AppState::get();
    let envelope = checked.envelope;
    let theirs = StoredValue::new(envelope.contract.clone());
    let plan =
        Memo::new(move |_| state.workspace.with(|ws| theirs.with_value(|c| plan_import(ws, c))));
    let origin = if envelope.exported_by.trim().is_empty() {
        "un partenaire".to_string()
    } else {
        envelope.exported_by.clone()
    };
    let sheets = match envelope.contract.sheets.len() {
        0 => "aucune fiche action".to_string(),
        1 => "1 fiche action".to_string(),
        n => format!("{n} fiches action"),
    };
    let about = format!(
        "Contrat « {} », exporté par {} le {} ({sheets}).",
        envelope.contract.name,
        origin,
        local_date_time(&envelope.exported_at),
    );
    let migrated = checked.migrated_from.map(|from| format!("Ce fichier venait d’une version plus ancienne d’Atelier CLS (format {from}) : il a été mis à jour."));
    let context =
        ApplyContext { state, shelf, file_name: name.clone(), origin, theirs, inbox: Inbox::get() };
    view! {
        <div class="import-preview" role="region" aria-labelledby="apercu">
            <h3 id="apercu" tabindex="-1">{format!("Aperçu du fichier « {name} »")}</h3>
            <p>{about}</p>
            {migrated.map(|m| view! { <p>{m}</p> })}
            {move || match plan.get() {
                None => view! { <NewContract context=context.clone()/> }.into_any(),
                Some(plan) if plan.is_empty() => view! { <NothingNew/> }.into_any(),
                Some(plan) => view! { <MergeChoices plan context=context.clone()/> }.into_any(),
            }}
        </div>
    }
}

/// What applying needs, whichever the kind of import.
#[derive(Clone)]
struct ApplyContext {
    state: AppState,
    shelf: Shelf,
    file_name: String,
    /// Who exported the file, for the names of items kept in both versions.
    origin: String,
    theirs: StoredValue<crate::model::Contract>,
    inbox: Inbox,
}

impl ApplyContext {
    /// Takes the snapshot, changes the workspace, and offers to undo; refuses, changing
    /// nothing, when the result and the snapshot would not fit in local storage.
    fn apply(&self, change: impl FnOnce(&mut crate::model::Workspace) -> String) {
        let label = format!("Avant l’import de « {} »", self.file_name);
        let applied = self.shelf.apply(self.state, label, "Le résultat de cet import", change);
        let Some((before, outcome)) = applied else { return };
        self.inbox.clear();
        offer_back(
            self.state,
            format!("Import de « {} » appliqué : {outcome}.", self.file_name),
            "Annuler l’import",
            before,
        );
    }
}

#[component]
fn NewContract(context: ApplyContext) -> impl IntoView {
    let inbox = Inbox::get();
    let theirs = context.theirs;
    let room = room_after(context.state, move |ws| add_received_contract(ws, theirs.get_value()));
    let refusal = room.err().map(|shortfall| shortfall.message_fr("Ce contrat"));
    let cannot = refusal.is_some();
    let add = move |_| {
        let contract = context.theirs.get_value();
        context.apply(move |ws| {
            add_received_contract(ws, contract);
            "le contrat est ajouté et ouvert".into()
        });
    };
    view! {
        <p>"Ce contrat n’est pas encore dans ce navigateur : il sera ajouté à vos contrats, tel quel."</p>
        {refusal.map(|m| view! { <p class="banner banner--error" role="alert">{m}</p> })}
        <div class="actions">
            <button type="button" disabled=cannot on:click=add>"Ajouter ce contrat"</button>
            <button type="button" class="secondary" on:click=move |_| inbox.clear()>"Ne pas importer"</button>
        </div>
    }
}

#[component]
fn NothingNew() -> impl IntoView {
    let inbox = Inbox::get();
    view! {
        <p role="status">"Ce fichier n’apporte rien de nouveau : tout ce qu’il contient est déjà dans votre contrat, ou plus récent ici."</p>
        <div class="actions">
            <button type="button" class="secondary" on:click=move |_| inbox.clear()>"Fermer"</button>
        </div>
    }
}

#[component]
fn MergeChoices(plan: MergePlan, context: ApplyContext) -> impl IntoView {
    let inbox = Inbox::get();
    let decisions = RwSignal::new(HashMap::<Id, Choice>::new());
    let missing = RwSignal::new(None::<String>);
    let plan = StoredValue::new(plan);
    let apply = move |_| {
        let chosen = decisions.get_untracked();
        let undecided: Vec<Id> = plan.with_value(|p| p.pending(&chosen));
        if let Some(first) = undecided.first() {
            missing.set(Some(format!(
                "Choisissez une version pour chaque conflit avant d’appliquer : {} restant{}.",
                undecided.len(),
                if undecided.len() > 1 { "s" } else { "" }
            )));
            focus_after_render(format!("choix-{first}-0"));
            return;
        }
        let theirs = context.theirs.get_value();
        let origin = context.origin.clone();
        context.apply(move |ws| {
            plan.with_value(|plan| {
                MergeRequest {
                    theirs: &theirs,
                    plan,
                    decisions: &chosen,
                    origin: &origin,
                    fresh: Id::random,
                    now: crate::ui::platform::clock::now(),
                }
                .into_workspace(ws)
            })
            .map_or_else(|| "le contrat n’est plus là".into(), |summary| summary.describe())
        });
    };
    let summary = plan.with_value(describe_plan);
    view! {
        <p>{summary}</p>
        <ul class="proposals">
            {plan.with_value(|p| p.proposals.clone()).into_iter().map(|proposal| view! {
                <li><ProposalChoice proposal plan decisions/></li>
            }).collect_view()}
        </ul>
        {move || missing.get().map(|m| view! { <p class="banner banner--error" role="alert">{m}</p> })}
        <div class="actions">
            <button type="button" on:click=apply>"Appliquer la fusion"</button>
            <button type="button" class="secondary" on:click=move |_| inbox.clear()>"Ne pas importer"</button>
        </div>
    }
}

/// "2 nouveautés, 1 modification du partenaire, 1 conflit à trancher ; 40 éléments identiques."
/// An item merged field by field counts one conflict for each field changed on both sides.
fn describe_plan(plan: &MergePlan) -> String {
    let weight = |p: &Proposal| match (p.status, p.by_field()) {
        (Status::Conflict, true) => {
            p.fields.iter().filter(|f| f.changed_by == ChangedBy::Both).count()
        }
        _ => 1,
    };
    let count =
        |status| plan.proposals.iter().filter(|p| p.status == status).map(weight).sum::<usize>();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n > 1 { many } else { one });
    let mut parts = Vec::new();
    for (status, one, many) in [
        (Status::New, "nouveauté", "nouveautés"),
        (Status::ChangedThere, "modification du partenaire", "modifications du partenaire"),
        (Status::Conflict, "conflit à trancher", "conflits à trancher"),
        (
            Status::DeletedHere,
            "élément supprimé ici depuis le dernier échange",
            "éléments supprimés ici depuis le dernier échange",
        ),
    ] {
        let n = count(status);
        if n > 0 {
            parts.push(plural(n, one, many));
        }
    }
    let mut text = parts.join(", ");
    text.push_str(&format!(" ; {} identiques", plural(plan.unchanged, "élément", "éléments")));
    if plan.newer_here > 0 {
        text.push_str(&format!(
            ", {} plus récents ici (gardés)",
            plural(plan.newer_here, "élément", "éléments")
        ));
    }
    text.push('.');
    text
}

/// One item's choice. What is checked is the choice that applies (`MergePlan::choice_of`): a
/// year's entry that arrives with its fiche shows the fiche's choice until chosen otherwise.
#[component]
fn ProposalChoice(
    proposal: Proposal,
    plan: StoredValue<MergePlan>,
    decisions: RwSignal<HashMap<Id, Choice>>,
) -> impl IntoView {
    let id = proposal.id;
    let this = StoredValue::new(proposal.clone());
    let legend = proposal.title();
    let class = match proposal.status {
        Status::Conflict => "proposal proposal--conflict",
        _ => "proposal",
    };
    let applies = move |d: &HashMap<Id, Choice>| {
        plan.with_value(|plan| this.with_value(|p| plan.choice_of(p, d)))
    };
    let choices =
        choice_radios(id, proposal.choices(), |c| proposal.choice_label(c), applies, decisions);
    let by_field = proposal.by_field();
    let conflicts: Vec<FieldMerge> =
        proposal.fields.iter().filter(|f| f.changed_by == ChangedBy::Both).cloned().collect();
    view! {
        <fieldset class=class>
            <legend>{legend}</legend>
            {if by_field {
                view! { <OneSided proposal=proposal.clone()/> }.into_any()
            } else {
                view! { <Changes proposal=proposal.clone()/> }.into_any()
            }}
            {conflicts.into_iter().map(|field| view! { <FieldChoice field plan decisions/> }).collect_view()}
            {(!proposal.choices().is_empty()).then(|| view! { <div class="proposal__choices">{choices}</div> })}
        </fieldset>
    }
}

/// The fields of an item merged field by field that only one side changed: who changed each,
/// with both values. The file's are taken with the item, ours stay.
#[component]
fn OneSided(proposal: Proposal) -> impl IntoView {
    let rows: Vec<(ChangedBy, crate::versions::diff::FieldChange)> = proposal
        .fields
        .iter()
        .filter(|f| f.changed_by != ChangedBy::Both)
        .flat_map(|f| f.changes.iter().map(move |c| (f.changed_by, c.clone())))
        .collect();
    if rows.is_empty() {
        return ().into_any();
    }
    view! {
        <p class="proposal__note">"Modifié d’un seul côté depuis le dernier échange, fusionné sans question : "
            "ce que le fichier modifie est pris, ce que vous avez modifié est gardé."</p>
        <table class="changes">
            <caption class="visually-hidden">{format!("Modifications d’un seul côté pour « {} »", proposal.label)}</caption>
            <thead><tr>
                <th scope="col">"Champ"</th>
                <th scope="col">"Ici"</th>
                <th scope="col">"Dans le fichier"</th>
                <th scope="col">"Qui l’a modifié"</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|(by, c)| view! {
                    <tr><th scope="row">{c.field}</th><td>{c.mine}</td><td>{c.theirs}</td><td>{by.label()}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// A field changed on both sides: both values, and its own choice.
#[component]
fn FieldChoice(
    field: FieldMerge,
    plan: StoredValue<MergePlan>,
    decisions: RwSignal<HashMap<Id, Choice>>,
) -> impl IntoView {
    let id = field.id;
    let this = StoredValue::new(field.clone());
    let applies = move |d: &HashMap<Id, Choice>| {
        plan.with_value(|p| this.with_value(|f| p.field_choice(f, d)))
    };
    let label = |c| FieldMerge::choice_label(c).to_string();
    let choices = choice_radios(id, &FieldMerge::CHOICES, label, applies, decisions);
    view! {
        <fieldset class="field-conflict">
            <legend>{format!("« {} » : modifié ici et dans le fichier", field.label)}</legend>
            <table class="changes">
                <caption class="visually-hidden">{format!("Les deux versions de « {} »", field.label)}</caption>
                <thead><tr>
                    <th scope="col">"Champ"</th>
                    <th scope="col">"Ici (modifié ici)"</th>
                    <th scope="col">"Dans le fichier (modifié par le partenaire)"</th>
                </tr></thead>
                <tbody>
                    {field.changes.into_iter().map(|c| view! {
                        <tr><th scope="row">{c.field}</th><td>{c.mine}</td><td>{c.theirs}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <div class="proposal__choices">{choices}</div>
        </fieldset>
    }
}

/// The radio buttons of one choice, an item's or a field's: `applies` says which one is
/// checked (the choice made, or the one it follows), a click records the choice for `id`.
fn choice_radios(
    id: Id,
    choices: &[Choice],
    label: impl Fn(Choice) -> String,
    applies: impl Fn(&HashMap<Id, Choice>) -> Option<Choice> + Copy + Send + Sync + 'static,
    decisions: RwSignal<HashMap<Id, Choice>>,
) -> AnyView {
    let group = format!("choix-{id}");
    choices
        .iter()
        .enumerate()
        .map(|(index, &choice)| {
            let input_id = format!("{group}-{index}");
            let label_for = input_id.clone();
            let checked = move || decisions.with(applies) == Some(choice);
            let pick = move |_| decisions.update(|d| {
                d.insert(id, choice);
            });
            view! {
                <label class="radio" for=label_for>
                    <input type="radio" id=input_id name=group.clone() prop:checked=checked on:change=pick/>
                    {label(choice)}
                </label>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
fn Changes(proposal: Proposal) -> impl IntoView {
    if proposal.changes.is_empty() {
        return ().into_any();
    }
    // An item absent here has nothing to compare with: only what the file holds.
    let here = !matches!(proposal.status, Status::New | Status::DeletedHere);
    let caption = if here { "Différences pour" } else { "Contenu de" };
    view! {
        <table class="changes">
            <caption class="visually-hidden">{format!("{caption} « {} »", proposal.label)}</caption>
            <thead><tr>
                <th scope="col">"Champ"</th>
                {here.then(|| view! { <th scope="col">"Ici"</th> })}
                <th scope="col">"Dans le fichier"</th>
            </tr></thead>
            <tbody>
                {proposal.changes.into_iter().map(|c| view! {
                    <tr><th scope="row">{c.field}</th>{here.then(|| view! { <td>{c.mine}</td> })}<td>{c.theirs}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
