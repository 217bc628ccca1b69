//! Identity and period, signature, coordinator.

use crate::model::amendment::{is_signed, set_signing_date, set_signing_place};
use crate::model::iso_date::french_date;
use crate::model::validation::Subject;
use crate::model::Contract;
use crate::ui::state::{contract_edit, contract_text, AppState};
use crate::ui::widgets::fields::{NumberField, TextField};
use crate::ui::widgets::issues::IssuesFor;
use crate::ui::widgets::links::href;
use leptos::prelude::*;
use leptos_router::components::A;

/// A year as typed, digit by digit: not clamped (typing "2025" passes through 2, 20, 202), the
/// validation reports a year outside the plausible range instead.
fn year(value: i64) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

#[component]
pub fn Identity() -> impl IntoView {
    let state = AppState::get();
    let text = move |read| contract_text(state, read);
    let edit = move |write| contract_edit(state, write);
    let number =
        move |read: fn(&Contract) -> i64| Signal::derive(move || state.with_contract(read));
    let set_number = move |apply: fn(&mut Contract, i64)| {
        Callback::new(move |value: Option<i64>| {
            if let Some(value) = value {
                state.edit_contract(|c, _| apply(c, value));
            }
        })
    };
    let signed = Memo::new(move |_| state.with_contract(is_signed).unwrap_or(false));
    view! {
        <section id="identite" aria-labelledby="identite-titre">
            <h2 id="identite-titre">"Identité et période"</h2>
            <TextField label="Nom du contrat"
                help="Le nom officiel, par exemple : Contrat local de santé du Bassin d’Aurillac 2024-2028"
                value=text(|c| c.name.clone()) on_input=edit(|c, v| c.name = v)/>
            <IssuesFor subject=Subject::Contract/>
            <NumberField label="Génération du contrat"
                help="1 pour un premier contrat, 2 pour un CLS de deuxième génération, etc."
                value=number(|c| i64::from(c.generation))
                on_input=set_number(|c, v| c.generation = v.clamp(1, 99) as u8)/>
            <NumberField label="Première année"
                help="L’année de début, par exemple 2024"
                value=number(|c| i64::from(c.period.first_year))
                on_input=set_number(|c, v| c.period.first_year = year(v))/>
            <NumberField label="Dernière année"
                help="La dernière année couverte, par exemple 2028 pour un contrat de cinq ans"
                value=number(|c| i64::from(c.period.last_year))
                on_input=set_number(|c, v| c.period.last_year = year(v))/>
            <IssuesFor subject=Subject::Period/>
            <fieldset>
                <legend>"Signature"</legend>
                <Show when=move || !signed.get() fallback=move || view! { <Recorded/> }>
                    <p class="field__help">"« Signer le contrat » garde une copie figée du contrat signé ; les avenants se créent au même endroit : "
                        <A href=href("/signature/")>"Signature et avenants"</A></p>
                    <TextField label="Date de signature" kind="date"
                        help="Laissez vide tant que le contrat n’est pas signé"
                        value=text(|c| c.signing.date.clone().unwrap_or_default())
                        on_input=edit(|c, v| { let _ = set_signing_date(c, v); })/>
                    <TextField label="Lieu de signature" help="Par exemple : Aurillac"
                        value=text(|c| c.signing.place.clone())
                        on_input=edit(|c, v| { let _ = set_signing_place(c, v); })/>
                </Show>
            </fieldset>
            <fieldset>
                <legend>"Coordination"</legend>
                <TextField label="Nom du coordinateur ou de la coordinatrice"
                    value=text(|c| c.coordinator.name.clone()) on_input=edit(|c, v| c.coordinator.name = v)/>
                <TextField label="Structure porteuse de la coordination" help="Par exemple : Syndicat mixte du SCoT"
                    value=text(|c| c.coordinator.organisation.clone()) on_input=edit(|c, v| c.coordinator.organisation = v)/>
                <TextField label="Courriel de la coordination" kind="email"
                    value=text(|c| c.coordinator.email.clone()) on_input=edit(|c, v| c.coordinator.email = v)/>
                <TextField label="Téléphone de la coordination" kind="tel"
                    value=text(|c| c.coordinator.phone.clone()) on_input=edit(|c, v| c.coordinator.phone = v)/>
            </fieldset>
        </section>
    }
}

/// Once signed, the date and place the signature recorded, as text: they change only by
/// « Annuler la signature » on « Signature et avenants » (while no avenant exists).
#[component]
fn Recorded() -> impl IntoView {
    let state = AppState::get();
    let date = move || {
        state
            .with_contract(|c| c.signing.date.as_deref().map(french_date))
            .flatten()
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| "non renseignée".to_string())
    };
    let place = move || {
        state
            .with_contract(|c| c.signing.place.trim().to_string())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| "non renseigné".to_string())
    };
    view! {
        <dl class="summary-list">
            <dt>"Date de signature"</dt><dd>{date}</dd>
            <dt>"Lieu de signature"</dt><dd>{place}</dd>
        </dl>
        <p class="field__help">"Enregistrés par la signature du contrat : ils ne se modifient plus ici. Tant qu’aucun avenant n’existe, la signature peut être annulée depuis "
            <A href=href("/signature/#annuler-signature")>"Signature et avenants"</A>"."</p>
    }
}
