//! « Collecte » in « Suivi »: the yearly collection of the leads' answers. For the year shown,
//! who is asked and how far each is (`recipients`), their spreadsheets to download and the
//! mail that asks for them (`downloads`, `recipients`), then the answers that come back, read
//! and previewed lead by lead before anything changes (`answers`).
//!
//! Loaded on demand (`ui/parts.rs`, part `collecting`): the spreadsheets' writers and readers
//! weigh more than the rest of « Suivi », and only this part and dropped answers need them.

mod answers;
mod downloads;
mod recipients;

use super::FollowUpView;
use crate::exchange::collection::SheetFormat;
use leptos::prelude::*;

#[component]
pub fn CollectionScreen() -> impl IntoView {
    let year = FollowUpView::get().year;
    let format = RwSignal::new(SheetFormat::Xlsx);
    view! {
        <section class="collection" aria-labelledby="collecte">
            <h2 id="collecte">{move || format!("Collecte {}", year.get())}</h2>
            <p>
                "Chaque pilote reçoit un tableau fait pour lui : ses actions de l’année, ses indicateurs et ses "
                "dépenses, à remplir dans Excel ou LibreOffice. Ses réponses reviennent ici : un aperçu montre ce "
                "qu’elles changent avant que rien ne change dans le suivi."
            </p>
            <recipients::Recipients year format/>
            <downloads::AllFiles year format/>
            <answers::Answers year/>
        </section>
    }
}
