//! Who is asked in the year's collection, and how far each is: the table of recipients (sent
//! on, received on, rows answered out of rows asked) with, per lead, their spreadsheet, the
//! « Écrire au pilote » mail that records the date sent, and asking them or not; the date the
//! answers are asked by; those who have not answered yet; adding someone who leads nothing.

use super::downloads::save_lead_file;
use crate::exchange::collection::{lead_file_name, lead_mail, SheetFormat};
use crate::model::collection::{
    add_recipient, answer_by_words, awaiting_answer, recipients, record_sent, remove_recipient,
    set_answer_by, RecipientChoice, RecipientLine,
};
use crate::model::iso_date::numeric_french_date;
use crate::model::{Contract, Id};
use crate::ui::platform::download::today_iso;
use crate::ui::state::AppState;
use crate::ui::widgets::fields::unique_id;
use leptos::prelude::*;

/// One line of the table, as shown.
#[derive(Clone, Debug, PartialEq)]
struct Shown {
    id: Id,
    name: String,
    role: &'static str,
    asked: bool,
    sent_on: String,
    received_on: String,
    rows: String,
    mail: String,
}

impl Shown {
    /// `by`: the date answers are asked by, in words (`answer_by_words`), the same for all.
    fn of(
        contract: &Contract,
        year: i32,
        format: SheetFormat,
        by: &str,
        line: RecipientLine,
    ) -> Shown {
        let id = line.organisation_id;
        let file = lead_file_name(contract, year, id, format);
        let date = |d: &Option<String>| d.as_deref().map_or("—".into(), numeric_french_date);
        Shown {
            id,
            name: contract.organisation_name(id).to_string(),
            role: match (line.choice, line.is_lead) {
                (RecipientChoice::Removed, _) => "Pilote, non sollicité cette année",
                (_, true) => "Pilote",
                _ => "Ajouté par la coordination",
            },
            asked: line.asked,
            sent_on: date(&line.sent_on),
            received_on: date(&line.received_on),
            rows: format!("{} / {}", line.rows_answered, line.rows_asked),
            mail: lead_mail(contract, year, id, &file, by).href,
        }
    }
}

#[component]
pub fn Recipients(year: Memo<i32>, format: RwSignal<SheetFormat>) -> impl IntoView {
    let state = AppState::get();
    let lines = Memo::new(move |_| {
        let (year, format) = (year.get(), format.get());
        let shown = |c: &Contract| {
            let by = answer_by_words(c, year);
            let lines = recipients(c, year).into_iter();
            lines.map(|l| Shown::of(c, year, format, &by, l)).collect::<Vec<_>>()
        };
        state.with_contract(shown).unwrap_or_default()
    });
    // Who has not answered yet, as the model says (`awaiting_answer`), for the reminders.
    let awaiting = Memo::new(move |_| {
        let year = year.get();
        let names = |c: &Contract| {
            let awaiting = awaiting_answer(c, year).into_iter();
            awaiting.map(|id| c.organisation_name(id).to_string()).collect::<Vec<_>>()
        };
        state.with_contract(names).unwrap_or_default()
    });
    view! {
        <AnswerBy year/>
        <Show when=move || !lines.with(Vec::is_empty)
            fallback=|| view! { <p class="empty-state">"Aucun pilote à solliciter : désignez les pilotes des fiches et des actions, ou ajoutez un destinataire ci-dessous."</p> }>
            <div class="table-scroll" role="region" aria-label="Destinataires de la collecte" tabindex="0">
                <table class="collection-table">
                    <caption>{move || format!("Destinataires de la collecte {}", year.get())}</caption>
                    <thead><tr>
                        <th scope="col">"Destinataire"</th>
                        <th scope="col">"Qualité"</th>
                        <th scope="col">"Lignes renseignées"</th>
                        <th scope="col">"Envoyé le"</th>
                        <th scope="col">"Réponse reçue le"</th>
                        <th scope="col">"Actions"</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || lines.get() key=|l| format!("{l:?}") let:line>
                            <Line line year format/>
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
        <p class="collection-awaiting" role="status">{move || awaiting_text(&awaiting.get())}</p>
        <AddRecipient year/>
    }
}

/// « En attente de réponse (2) : CPAM, MSA. », for the reminders.
fn awaiting_text(names: &[String]) -> String {
    match names.len() {
        0 => "Toutes les réponses demandées sont arrivées.".into(),
        n => format!("En attente de réponse ({n}) : {}.", names.join(", ")),
    }
}

#[component]
fn Line(line: Shown, year: Memo<i32>, format: RwSignal<SheetFormat>) -> impl IntoView {
    let state = AppState::get();
    let id = line.id;
    let download = move |_| save_lead_file(state, year.get_untracked(), id, format.get_untracked());
    // The mail client opens from the link; the date it was written is recorded meanwhile.
    let sent = move |_| {
        state.edit_contract(|c, _| {
            record_sent(c, year.get_untracked(), id, &today_iso());
        })
    };
    let asked = line.asked;
    let toggle = move |_| {
        state.edit_contract(|c, _| {
            let year = year.get_untracked();
            if asked {
                remove_recipient(c, year, id);
            } else {
                add_recipient(c, year, id, &[]);
            }
        })
    };
    let name = line.name.clone();
    view! {
        <tr class:collection-table__not-asked=!asked>
            <th scope="row">{line.name.clone()}</th>
            <td>{line.role}</td>
            <td>{line.rows}</td>
            <td>{line.sent_on}</td>
            <td>{line.received_on}</td>
            <td class="collection-table__actions">
                {asked.then(|| view! {
                    <button type="button" class="secondary" on:click=download
                        aria-label=format!("Télécharger le tableau de {name}")>"Télécharger le tableau"</button>
                    <a href=line.mail.clone() on:click=sent
                        aria-label=format!("Écrire au pilote {name} (le fichier est à joindre à la main)")>"Écrire au pilote"</a>
                })}
                <button type="button" class="secondary" on:click=toggle
                    aria-label=format!("{} {}", if asked { "Ne pas solliciter" } else { "Solliciter à nouveau" }, line.name)>
                    {if asked { "Ne pas solliciter" } else { "Solliciter à nouveau" }}
                </button>
            </td>
        </tr>
    }
}

/// The date the answers are asked by, which the mail and « Mode d’emploi » say.
#[component]
fn AnswerBy(year: Memo<i32>) -> impl IntoView {
    let state = AppState::get();
    let id = unique_id("collecte-date");
    let value = Memo::new(move |_| {
        let year = year.get();
        state
            .with_contract(|c| c.collection(year).and_then(|r| r.answer_by.clone()))
            .flatten()
            .unwrap_or_default()
    });
    let change = move |ev| {
        let date = event_target_value(&ev);
        state.edit_contract(|c, _| {
            set_answer_by(c, year.get_untracked(), &date);
        });
    };
    view! {
        <div class="field">
            <label for=id.clone()>"Réponses attendues avant le"</label>
            <input type="date" id=id prop:value=move || value.get() on:change=change/>
            <span class="field__help">"Écrit dans le courriel et sur la feuille « Mode d’emploi » de chaque tableau."</span>
        </div>
        <p class="field__help">"« Écrire au pilote » ouvre votre messagerie avec un message prêt : joignez-y vous-même le tableau téléchargé (un lien ne peut pas joindre de fichier). La date d’envoi est notée."</p>
    }
}

/// Asking someone who leads nothing this year, for the fiches they answer for.
#[component]
fn AddRecipient(year: Memo<i32>) -> impl IntoView {
    let state = AppState::get();
    let organisation = RwSignal::new(String::new());
    let sheet = RwSignal::new(String::new());
    let (org_id, sheet_id) = (unique_id("collecte-organisation"), unique_id("collecte-fiche"));
    let organisations = Memo::new(move |_| {
        let year = year.get();
        state
            .with_contract(|c| {
                let listed: Vec<Id> =
                    recipients(c, year).iter().map(|l| l.organisation_id).collect();
                let others = c.organisations.iter().filter(|o| !listed.contains(&o.id));
                others.map(|o| (o.id.to_string(), o.name.clone())).collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let sheets = Memo::new(move |_| {
        state.numbering.with(|numbers| {
            state
                .with_contract(|c| {
                    let sheets = c.sheets_in_axis_order().into_iter();
                    sheets
                        .map(|s| {
                            (s.id.to_string(), format!("{} – {}", numbers.label(s.id), s.title))
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let add = move |_| {
        let chosen = (Id::parse(&organisation.get_untracked()), Id::parse(&sheet.get_untracked()));
        if let (Some(organisation_id), Some(sheet_id)) = chosen {
            state.edit_contract(|c, _| {
                add_recipient(c, year.get_untracked(), organisation_id, &[sheet_id]);
            });
            organisation.set(String::new());
        }
    };
    let option = |(key, text): (String, String)| view! { <option value=key>{text}</option> };
    view! {
        <fieldset class="collection-add">
            <legend>"Ajouter un destinataire"</legend>
            <p class="field__help">"Une organisation de l’annuaire qui ne pilote rien cette année, pour une fiche dont elle rend compte comme un copilote."</p>
            <div class="field">
                <label for=org_id.clone()>"Organisation"</label>
                <select id=org_id prop:value=move || organisation.get() on:change=move |ev| organisation.set(event_target_value(&ev))>
                    <option value="">"Choisir…"</option>
                    {move || organisations.get().into_iter().map(option).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=sheet_id.clone()>"Pour la fiche"</label>
                <select id=sheet_id prop:value=move || sheet.get() on:change=move |ev| sheet.set(event_target_value(&ev))>
                    <option value="">"Choisir…"</option>
                    {move || sheets.get().into_iter().map(option).collect_view()}
                </select>
            </div>
            <div class="actions">
                <button type="button" class="secondary" on:click=add>"Ajouter"</button>
            </div>
        </fieldset>
    }
}
