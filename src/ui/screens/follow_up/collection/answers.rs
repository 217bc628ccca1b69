//! The leads' answers coming back: files picked here or dropped anywhere on the page
//! (`platform::inbox::AnswerInbox`) are read at once, each into why it is refused or into the
//! preview of one lead's answer, in the words of the import preview: what it fills in, what
//! it changes (« Avant / Après »), what conflicts with what was typed here since the sheet was
//! made (a choice per conflict, kept as here unless the answer is taken), and the rows and
//! cells it could not use. Nothing changes until « Appliquer »: a snapshot is taken first and
//! « Annuler » puts it back, as for imports; applying marks the lead's answer as received.
//!
//! The previews are made again whenever the contract changes, so that what is applied is what
//! is shown, even after another answer was applied or a value typed meanwhile.

use crate::exchange::collection::{
    answer_year, apply_answer, preview_answer, read_answers, read_workbook, Answers, ChangeKind,
    LeadPreview, Problem,
};
use crate::exchange::merge::Choice;
use crate::model::collection::recipients;
use crate::model::{Contract, Id};
use crate::ui::platform::clock::now;
use crate::ui::platform::download::today_iso;
use crate::ui::platform::inbox::{files_of, sort_files, AnswerInbox, Arrived, Inbox};
use crate::ui::screen::Screen;
use crate::ui::screens::exchanges::snapshots::{offer_back, Shelf};
use crate::ui::state::AppState;
use crate::ui::widgets::fields::unique_id;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// A file read: refused with why, or one lead's answer waiting to be applied.
#[derive(Clone, Debug, PartialEq)]
enum Received {
    Refused { key: u32, file: String, problems: Vec<Problem> },
    Answer { key: u32, answers: Answers },
}

impl Received {
    fn key(&self) -> u32 {
        match self {
            Received::Refused { key, .. } | Received::Answer { key, .. } => *key,
        }
    }
}

/// An answer as the coordinator settles it: whose it is, and the choice on each conflict.
#[derive(Clone, Copy)]
struct Settling {
    key: u32,
    answers: StoredValue<Answers>,
    lead: RwSignal<Option<Id>>,
    decisions: RwSignal<HashMap<Id, Choice>>,
}

/// Reads one file against the contract: the collection's year is the file's own (from its
/// references), else the year shown.
fn read_file(contract: &Contract, year: i32, key: u32, file: String, bytes: &[u8]) -> Received {
    if bytes.is_empty() {
        let message =
            "ce fichier est vide, trop gros ou illisible : il n’est pas lu et rien n’a changé.";
        return Received::Refused { key, problems: vec![Problem::of_file(&file, message)], file };
    }
    let book = match read_workbook(&file, bytes) {
        Ok(book) => book,
        Err(problem) => return Received::Refused { key, file, problems: vec![problem] },
    };
    let year = answer_year(&book).unwrap_or(year);
    match read_answers(&book, contract, year) {
        Ok(answers) => Received::Answer { key, answers },
        Err(problems) => Received::Refused { key, file, problems },
    }
}

#[component]
pub fn Answers(year: Memo<i32>) -> impl IntoView {
    let state = AppState::get();
    let inbox = AnswerInbox::get();
    let received = RwSignal::new(Vec::<Received>::new());
    let settling = RwSignal::new(Vec::<Settling>::new());
    let next_key = StoredValue::new(0_u32);
    // Each answer's signals belong to the section, not to the effect: an effect's run disposes
    // of what the run before it made, and taking the files out of the inbox runs it again.
    let owner = Owner::current().expect("« Collecte » is rendered under an owner");
    // Whatever arrives in the inbox (picked here, or dropped anywhere) is read at once.
    Effect::new(move |_| {
        if inbox.0.with(Vec::is_empty) {
            return;
        }
        let files = inbox.take();
        let year = year.get_untracked();
        let read: Vec<Received> = state
            .with_contract(|c| {
                files
                    .into_iter()
                    .map(|(file, bytes)| {
                        let key = next_key.get_value();
                        next_key.set_value(key + 1);
                        read_file(c, year, key, file, &bytes)
                    })
                    .collect()
            })
            .unwrap_or_default();
        for entry in &read {
            if let Received::Answer { key, answers } = entry {
                let settled = owner.with(|| Settling {
                    key: *key,
                    answers: StoredValue::new(answers.clone()),
                    lead: RwSignal::new(answers.lead),
                    decisions: RwSignal::new(HashMap::new()),
                });
                settling.update(|list| list.push(settled));
            }
        }
        received.update(|list| list.extend(read));
    });
    let shelf = Shelf::load();
    let done = move |keys: &[u32]| {
        received.update(|list| list.retain(|r| !keys.contains(&r.key())));
        settling.update(|list| list.retain(|s| !keys.contains(&s.key)));
    };
    let apply_all = move |_| {
        let ready: Vec<Settling> = settling
            .get_untracked()
            .into_iter()
            .filter(|s| s.lead.get_untracked().is_some())
            .collect();
        if let Some(keys) = apply(state, shelf, &ready) {
            done(&keys);
        }
    };
    let refused = move || {
        received.with(|list| {
            list.iter()
                .filter_map(|r| match r {
                    Received::Refused { key, file, problems } => {
                        Some((*key, file.clone(), problems.clone()))
                    }
                    Received::Answer { .. } => None,
                })
                .collect::<Vec<_>>()
        })
    };
    let answer_count = move || settling.with(Vec::len);
    let finished = move |keys: Vec<u32>| done(&keys);
    view! {
        <section class="collection-answers" aria-labelledby="reponses-pilotes">
            <h3 id="reponses-pilotes">"Réponses des pilotes"</h3>
            <FilePicker/>
            <For each=refused key=|(key, _, _)| *key let:refusal>
                <Refusal file=refusal.1 problems=refusal.2 on_close=move || done(&[refusal.0])/>
            </For>
            <For each=move || settling.get() key=|s| s.key let:answer>
                <AnswerPreview answer shelf on_done=finished/>
            </For>
            <Show when=move || { answer_count() > 1 }>
                <div class="actions">
                    <button type="button" on:click=apply_all>
                        {move || format!("Appliquer toutes les réponses ({})", answer_count())}
                    </button>
                </div>
            </Show>
        </section>
    }
}

/// Applies `answers` in one step after one snapshot, and offers « Annuler ». Gives the keys of
/// the answers applied, `None` when nothing was (no room in local storage: said by the shelf).
fn apply(state: AppState, shelf: Shelf, answers: &[Settling]) -> Option<Vec<u32>> {
    if answers.is_empty() {
        return None;
    }
    let chosen: Vec<(Answers, Id, HashMap<Id, Choice>)> = answers
        .iter()
        .filter_map(|s| {
            let lead = s.lead.get_untracked()?;
            Some((s.answers.get_value(), lead, s.decisions.get_untracked()))
        })
        .collect();
    let names: Vec<String> = state
        .with_contract(|c| {
            chosen.iter().map(|(_, lead, _)| c.organisation_name(*lead).to_string()).collect()
        })
        .unwrap_or_default();
    let label = format!("Avant la réponse de {}", names.join(", "));
    let (today, at) = (today_iso(), now());
    let applied = shelf.apply(state, label, "Le suivi avec ces réponses", move |ws| {
        let Some(contract) = ws.active_mut() else { return Vec::new() };
        chosen
            .iter()
            .map(|(answers, lead, decisions)| {
                let preview = preview_answer(contract, answers);
                apply_answer(contract, &preview, *lead, decisions, &today, at)
            })
            .collect::<Vec<_>>()
    });
    let (before, results) = applied?;
    let said: Vec<String> = names
        .iter()
        .zip(&results)
        .map(|(name, applied)| format!("{name} : {}", applied.describe()))
        .collect();
    let text = match said.len() {
        1 => format!("Réponse appliquée — {}.", said[0]),
        n => format!("{n} réponses appliquées — {}.", said.join(" ; ")),
    };
    offer_back(state, text, "Annuler", before);
    Some(answers.iter().map(|s| s.key).collect())
}

/// Picking answers: one or many files; an exchange file (JSON) goes to « Échanges ».
#[component]
fn FilePicker() -> impl IntoView {
    let answers = AnswerInbox::get();
    let inbox = Inbox::get();
    let navigate = use_navigate();
    let picker = unique_id("reponses");
    let picked = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files = files_of(input.files());
        input.set_value("");
        if sort_files(files, inbox, answers) == Arrived::Exchange {
            navigate(&Screen::Exchanges.path(), Default::default());
        }
    };
    view! {
        <p>"Déposez les tableaux renvoyés par les pilotes, tels quels (Excel, LibreOffice ou CSV, même enregistrés "
           "autrement) : chacun est lu et vérifié, puis un aperçu montre ce qu’il apporte. Rien ne change dans le "
           "suivi avant « Appliquer »."</p>
        <div class="field">
            <label for=picker.clone()>"Choisir les tableaux des pilotes"</label>
            <input type="file" id=picker multiple=true
                accept=".xlsx,.xlsm,.ods,.csv,.tsv,.xls,.json,application/json" on:change=picked/>
            <span class="field__help">"Un ou plusieurs fichiers .xlsx, .ods ou .csv ; vous pouvez aussi les déposer n’importe où sur la page."</span>
        </div>
    }
}

#[component]
fn Refusal(file: String, problems: Vec<Problem>, on_close: impl Fn() + 'static) -> impl IntoView {
    view! {
        <div class="banner banner--error" role="alert">
            <p><strong>{format!("Le fichier « {file} » n’a pas été lu")}</strong>" : rien n’a changé dans le suivi."</p>
            <ul>{problems.into_iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}</ul>
            <button type="button" class="secondary" on:click=move |_| on_close()>"Fermer"</button>
        </div>
    }
}

/// « 2 valeurs à compléter, 1 modification, 1 conflit ; 3 inchangées. »
fn summary(preview: &LeadPreview) -> String {
    let count = |kind| preview.of_kind(kind).count();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n > 1 { many } else { one });
    let mut parts = vec![
        plural(count(ChangeKind::Fill), "valeur à compléter", "valeurs à compléter"),
        plural(count(ChangeKind::Change), "modification", "modifications"),
        plural(count(ChangeKind::Conflict), "conflit à trancher", "conflits à trancher"),
    ];
    parts.retain(|p| !p.starts_with("0 "));
    if parts.is_empty() {
        parts.push("Aucun changement".into());
    }
    format!("{} ; {} inchangée(s).", parts.join(", "), preview.unchanged)
}

#[component]
fn AnswerPreview(
    answer: Settling,
    shelf: Shelf,
    on_done: impl Fn(Vec<u32>) + Copy + 'static,
) -> impl IntoView {
    let state = AppState::get();
    let preview = Memo::new(move |_| {
        state.with_contract(|c| answer.answers.with_value(|a| preview_answer(c, a))).unwrap_or_else(
            || {
                answer
                    .answers
                    .with_value(|a| preview_answer(&Contract::blank(Id::from_u128(0), "", 0), a))
            },
        )
    });
    let lead_name = Memo::new(move |_| {
        let lead = answer.lead.get();
        lead.and_then(|id| state.with_contract(|c| c.organisation_name(id).to_string()))
            .unwrap_or_else(|| "pilote à préciser".into())
    });
    let heading = unique_id("reponse");
    let labelled_by = heading.clone();
    let file = answer.answers.with_value(|a| a.file.clone());
    let year = answer.answers.with_value(|a| a.year);
    let apply_this = move |_| {
        if let Some(keys) = apply(state, shelf, &[answer]) {
            on_done(keys);
        }
    };
    let key = answer.key;
    view! {
        <div class="answer-preview" role="region" aria-labelledby=labelled_by>
            <h4 id=heading tabindex="-1">{move || format!("Réponse de {} — bilan {year}", lead_name.get())}</h4>
            <p>{format!("Fichier « {file} »")}
               {move || preview.with(|p| p.answered_on.clone()).map(|d| format!(", daté du {}", crate::model::iso_date::numeric_french_date(&d)))}
               "."</p>
            <WhoseAnswer answer/>
            <p role="status">{move || preview.with(summary)}</p>
            <Changes preview lead_name/>
            <Conflicts preview decisions=answer.decisions/>
            <Unused preview/>
            <div class="actions">
                <button type="button" disabled=move || answer.lead.get().is_none() on:click=apply_this>
                    {move || format!("Appliquer la réponse de {}", lead_name.get())}
                </button>
                <button type="button" class="secondary" on:click=move |_| on_done(vec![key])>"Écarter"</button>
            </div>
        </div>
    }
}

/// A file that does not say whose answer it is (a CSV retyped by hand): the coordinator says.
#[component]
fn WhoseAnswer(answer: Settling) -> impl IntoView {
    let state = AppState::get();
    if answer.answers.with_value(|a| a.lead.is_some()) {
        return ().into_any();
    }
    let year = answer.answers.with_value(|a| a.year);
    let options = state
        .with_contract(|c| {
            recipients(c, year)
                .into_iter()
                .map(|l| {
                    (
                        l.organisation_id.to_string(),
                        c.organisation_name(l.organisation_id).to_string(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let id = unique_id("reponse-pilote");
    let chosen = move |ev| answer.lead.set(Id::parse(&event_target_value(&ev)));
    view! {
        <div class="field">
            <label for=id.clone()>"De quel pilote est cette réponse ?"</label>
            <select id=id on:change=chosen>
                <option value="">"Choisir…"</option>
                {options.into_iter().map(|(key, name)| view! { <option value=key>{name}</option> }).collect_view()}
            </select>
            <span class="field__help">"Le fichier ne le dit pas : il sera marqué comme la réponse de ce pilote."</span>
        </div>
    }
    .into_any()
}

/// What the answer fills in or changes, « Avant / Après », with the cell it comes from.
#[component]
fn Changes(preview: Memo<LeadPreview>, lead_name: Memo<String>) -> impl IntoView {
    let rows = move || {
        preview.with(|p| {
            p.changes.iter().filter(|c| c.kind != ChangeKind::Conflict).cloned().collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !rows().is_empty()>
            <div class="table-scroll" role="region" aria-label=move || format!("Changements apportés par la réponse de {}", lead_name.get()) tabindex="0">
                <table class="changes">
                    <caption>{move || format!("Ce que la réponse de {} complète ou modifie", lead_name.get())}</caption>
                    <thead><tr>
                        <th scope="col">"Ligne et champ"</th>
                        <th scope="col">"Avant"</th>
                        <th scope="col">"Après"</th>
                        <th scope="col">"Cellule"</th>
                        <th scope="col">"Nature"</th>
                    </tr></thead>
                    <tbody>
                        {move || rows().into_iter().map(|c| view! {
                            <tr>
                                <th scope="row">{c.change.field}</th>
                                <td>{c.change.mine}</td>
                                <td>{c.change.theirs}</td>
                                <td>{c.place}</td>
                                <td>{c.kind.label()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </Show>
    }
}

/// Each value changed here since the sheet was made and in the answer: which to keep.
#[component]
fn Conflicts(
    preview: Memo<LeadPreview>,
    decisions: RwSignal<HashMap<Id, Choice>>,
) -> impl IntoView {
    let conflicts =
        move || preview.with(|p| p.of_kind(ChangeKind::Conflict).cloned().collect::<Vec<_>>());
    move || {
        conflicts()
            .into_iter()
            .map(|c| {
                let id = c.id;
                let group = unique_id("conflit");
                let radio = move |choice: Choice, label: &'static str| {
                    let checked = move || decisions.with(|d| d.get(&id).copied().unwrap_or(Choice::KeepMine)) == choice;
                    let pick = move |_| decisions.update(|d| {
                        d.insert(id, choice);
                    });
                    view! {
                        <label class="radio">
                            <input type="radio" name=group.clone() prop:checked=checked on:change=pick/>
                            {label}
                        </label>
                    }
                };
                view! {
                    <fieldset class="field-conflict">
                        <legend>{format!("« {} » : modifié ici depuis l’envoi et dans la réponse ({})", c.change.field, c.place)}</legend>
                        <p>"Ici : " <strong>{c.change.mine.clone()}</strong> " — dans la réponse : " <strong>{c.change.theirs.clone()}</strong></p>
                        <div class="proposal__choices">
                            {radio(Choice::KeepMine, "Garder la valeur d’ici")}
                            {radio(Choice::TakeTheirs, "Prendre celle du fichier")}
                        </div>
                    </fieldset>
                }
            })
            .collect_view()
    }
}

/// Rows that match nothing, and cells read otherwise than typed or left out.
#[component]
fn Unused(preview: Memo<LeadPreview>) -> impl IntoView {
    let lines = move || {
        preview.with(|p| {
            p.unmatched.iter().chain(&p.problems).map(ToString::to_string).collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !lines().is_empty()>
            <div class="banner banner--warning">
                <p><strong>"À vérifier"</strong>" : ce qui, dans ce fichier, n’est pas repris tel quel."</p>
                <ul>{move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </div>
        </Show>
    }
}
