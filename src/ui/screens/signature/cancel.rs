//! « Annuler la signature »: the only way to change what the signature recorded (its date and
//! place, the frozen copy), behind a confirmation, offered while no avenant rests on it; when
//! one does, the screen says why it is not offered.

use crate::model::amendment::{unsign, why_not_unsignable, UnsignRefusal};
use crate::ui::platform::tabs::edit_fresh;
use crate::ui::state::{focus_after_render, AppState};
use crate::ui::widgets::notices::Level;
use leptos::prelude::*;

#[component]
pub fn CancelSignature() -> impl IntoView {
    let state = AppState::get();
    let refused = Memo::new(move |_| state.with_contract(why_not_unsignable).flatten());
    let confirming = RwSignal::new(false);
    let do_cancel = move |_| {
        confirming.set(false);
        // Decided on the contract as stored now, under the lock the tabs share: another tab
        // may have created an avenant a moment ago, and then the signature stays.
        edit_fresh(move || {
            let mut outcome = None;
            state.edit_contract(|c, now| outcome = Some(unsign(c, now)));
            match outcome {
                Some(Ok(())) => {
                    state.notices.push(
                        Level::Info,
                        "Signature annulée : la date et le lieu de signature sont de nouveau modifiables.",
                    );
                    focus_after_render("signer-titre".into());
                }
                Some(Err(UnsignRefusal::Amendments(_))) => state.notices.push(
                    Level::Warning,
                    "Un avenant a été créé entre-temps (dans un autre onglet) : la signature est gardée.",
                ),
                _ => {}
            }
        });
    };
    view! {
        <section id="annuler-signature" aria-labelledby="annuler-signature-titre">
            <h2 id="annuler-signature-titre">"Annuler la signature"</h2>
            {move || match refused.get() {
                Some(reason) => view! { <p>{reason}</p> }.into_any(),
                None => view! {
                    <p class="muted">"La date, le lieu et la copie figée du contrat signé ne se modifient pas. S’ils sont faux, annulez la signature, corrigez-les, puis signez de nouveau."</p>
                    <div class="actions">
                        <button type="button" class="secondary" id="annuler-signature-bouton"
                            aria-expanded=move || confirming.get().to_string()
                            on:click=move |_| {
                                confirming.set(true);
                                focus_after_render("annuler-signature-oui".into());
                            }>"Annuler la signature"</button>
                    </div>
                    <Show when=move || confirming.get()>
                        <div class="banner banner--warning" role="alertdialog"
                            aria-labelledby="annuler-signature-question" aria-describedby="annuler-signature-explication">
                            <p id="annuler-signature-question"><strong>"Annuler la signature du contrat ?"</strong></p>
                            <p id="annuler-signature-explication">"La copie figée du contrat signé sera supprimée et le contrat ne sera plus signé dans l’atelier. La date et le lieu de signature redeviendront modifiables ; le contenu du contrat ne change pas."</p>
                            <div class="actions">
                                <button type="button" class="danger" id="annuler-signature-oui" on:click=do_cancel>"Oui, annuler la signature"</button>
                                <button type="button" class="secondary" on:click=move |_| {
                                    confirming.set(false);
                                    focus_after_render("annuler-signature-bouton".into());
                                }>"Non, garder la signature"</button>
                            </div>
                        </div>
                    </Show>
                }
                .into_any(),
            }}
        </section>
    }
}
