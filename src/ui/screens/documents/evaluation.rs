//! « Bilan du contrat »: the evaluation over every year of the period, at mid-term or at the
//! end, in the layout of the previous contract's bilan.

use super::DocumentPage;
use crate::document::evaluation;
use crate::exchange::file_name::{document_file_name, DocumentFile};
use crate::ui::platform::download::today_iso;
use crate::ui::state::AppState;
use crate::ui::widgets::no_contract::RequireContract;
use leptos::prelude::*;

#[component]
pub fn EvaluationScreen() -> impl IntoView {
    view! {
        <div class="document-screen">
            <h1>"Bilan du contrat"</h1>
            <RequireContract>
                <Evaluation/>
            </RequireContract>
        </div>
    }
}

#[component]
fn Evaluation() -> impl IntoView {
    let state = AppState::get();
    let date = today_iso();
    let document = Memo::new(move |_| state.with_contract(|c| evaluation(c, &date)));
    let file_name = Memo::new(move |_| {
        state.with_contract(|c| document_file_name(c, DocumentFile::Evaluation)).unwrap_or_default()
    });
    view! { <DocumentPage document file_name/> }
}
