//! Before signing: the date and place, what is still missing (each linked to where it is
//! filled in), and « Signer le contrat » behind a confirmation that says what it does.

use crate::model::amendment::{
    missing_before_signing, set_signing_date, set_signing_place, sign, Missing, SignRefusal,
};
use crate::ui::platform::tabs::edit_fresh;
use crate::ui::state::{contract_edit, contract_text};
use crate::ui::state::{focus_after_render, AppState};
use crate::ui::widgets::fields::TextField;
use crate::ui::widgets::links::href;
use crate::ui::widgets::notices::Level;
use leptos::prelude::*;
use leptos_router::components::A;

/// Where each missing thing is filled in.
fn place_of(missing: Missing) -> &'static str {
    match missing {
        Missing::Name | Missing::Period => "/contrat/#identite",
        Missing::Date | Missing::Place => "/signature/#signature-champs",
        Missing::Signatory => "/contrat/#annuaire",
    }
}

#[component]
pub fn Unsigned() -> impl IntoView {
    let state = AppState::get();
    let missing =
        Memo::new(move |_| state.with_contract(missing_before_signing).unwrap_or_default());
    let confirming = RwSignal::new(false);
    let do_sign = move |_| {
        confirming.set(false);
        // Decided on the contract as stored now, under the lock the tabs share: another tab
        // may have signed it a moment ago, and a contract is signed once.
        edit_fresh(move || {
            let mut outcome = None;
            state.edit_contract(|c, now| {
                let date = c.signing.date.clone().unwrap_or_default();
                let place = c.signing.place.clone();
                outcome = Some(sign(c, &date, &place, now));
            });
            match outcome {
                Some(Ok(_)) => {
                    state.notices.push(
                        Level::Info,
                        "Contrat signé : une copie figée du contrat signé est gardée dans ses données.",
                    );
                    focus_after_render("signature-etat".into());
                }
                Some(Err(SignRefusal::AlreadySigned)) => state.notices.push(
                    Level::Warning,
                    "Le contrat était déjà signé (dans un autre onglet) : sa signature est gardée telle quelle.",
                ),
                _ => {}
            }
        });
    };
    view! {
        <section aria-labelledby="signer-titre">
            <h2 id="signer-titre">"Signer le contrat"</h2>
            <p>"Le contrat n’est pas encore signé dans l’atelier. Signer enregistre la date et le lieu de signature et garde une copie figée du contrat tel qu’il est signé, dans ses données : elle voyage avec le fichier exporté. Le contrat reste modifiable ensuite, et chaque écran dit ce qui a changé depuis la version signée, jusqu’au prochain avenant."</p>
            <fieldset id="signature-champs">
                <legend>"Date et lieu de signature"</legend>
                <TextField label="Date de signature" kind="date"
                    value=contract_text(state, |c| c.signing.date.clone().unwrap_or_default())
                    on_input=contract_edit(state, |c, v| { let _ = set_signing_date(c, v); })/>
                <TextField label="Lieu de signature" help="Par exemple : Aurillac"
                    value=contract_text(state, |c| c.signing.place.clone())
                    on_input=contract_edit(state, |c, v| { let _ = set_signing_place(c, v); })/>
            </fieldset>
            <Show when=move || !missing.with(Vec::is_empty)
                fallback=|| view! { <p>"Tout ce qu’une signature demande est renseigné."</p> }>
                <div class="banner banner--warning" role="group" aria-labelledby="manque-titre">
                    <p id="manque-titre">"Avant de signer, il reste à renseigner :"</p>
                    <ul>
                        {move || missing.get().into_iter().map(|m| view! {
                            <li><A href=href(place_of(m))>{m.label()}</A></li>
                        }).collect_view()}
                    </ul>
                </div>
            </Show>
            <div class="actions">
                <button type="button" disabled=move || !missing.with(Vec::is_empty)
                    aria-expanded=move || confirming.get().to_string()
                    id="signer-bouton" on:click=move |_| {
                        confirming.set(true);
                        focus_after_render("signer-oui".into());
                    }>"Signer le contrat"</button>
            </div>
            <Show when=move || confirming.get()>
                <div class="banner banner--info" role="alertdialog" aria-labelledby="signer-question" aria-describedby="signer-explication">
                    <p id="signer-question"><strong>"Signer le contrat maintenant ?"</strong></p>
                    <p id="signer-explication">"Une copie du contrat tel qu’il est maintenant sera figée dans ses données, avec la date et le lieu de signature. Vous pourrez toujours modifier le contrat ensuite : les modifications seront signalées et pourront faire l’objet d’un avenant. Tant qu’aucun avenant n’existe, la signature peut être annulée pour corriger sa date ou son lieu."</p>
                    <div class="actions">
                        <button type="button" id="signer-oui" on:click=do_sign>"Oui, signer le contrat"</button>
                        <button type="button" class="secondary" on:click=move |_| {
                            confirming.set(false);
                            focus_after_render("signer-bouton".into());
                        }>"Annuler"</button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
