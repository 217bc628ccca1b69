//! « Rapport annuel »: the report of one year for the COPIL, reached from « Suivi » for the
//! year shown there (`?annee=` in the address).

use super::DocumentPage;
use crate::document::annual_report;
use crate::exchange::file_name::{document_file_name, DocumentFile};
use crate::model::follow_up::shown_year;
use crate::ui::address::replacing_navigation;
use crate::ui::platform::clock::this_year;
use crate::ui::platform::download::today_iso;
use crate::ui::state::AppState;
use crate::ui::widgets::fields::SelectField;
use crate::ui::widgets::no_contract::RequireContract;
use crate::ui::widgets::options::years;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ReportScreen() -> impl IntoView {
    view! {
        <div class="document-screen">
            <RequireContract>
                <Report/>
            </RequireContract>
        </div>
    }
}

#[component]
fn Report() -> impl IntoView {
    let state = AppState::get();
    let query = use_query_map();
    let today = this_year();
    let year = Memo::new(move |_| {
        let period = state.with_contract(|c| c.period).unwrap_or_default();
        shown_year(
            period,
            query.with(|q| q.get("annee").and_then(|y| y.trim().parse().ok())),
            today,
        )
    });
    let date = today_iso();
    let document = Memo::new(move |_| {
        let year = year.get();
        state.with_contract(|c| annual_report(c, year, &date))
    });
    let file_name = Memo::new(move |_| {
        let year = year.get();
        state
            .with_contract(|c| document_file_name(c, DocumentFile::AnnualReport(year)))
            .unwrap_or_default()
    });
    let years = years(state);
    let go = replacing_navigation();
    let choose = move |text: String| go.run(format!("/rapport/?annee={}", text.trim()));
    view! {
        <h1>{move || format!("Rapport annuel {}", year.get())}</h1>
        <DocumentPage document file_name>
            <div class="filters no-print">
                <SelectField label="Année du rapport" options=years
                    value=Signal::derive(move || year.get().to_string()) on_change=choose/>
            </div>
        </DocumentPage>
    }
}
