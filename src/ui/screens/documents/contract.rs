//! The contract as partners sign it, with its fiches annexed and a signature page; or one fiche
//! action alone (`?fiche=<id>`), to send to its lead; or one avenant (`?avenant=<number>`),
//! to print and sign. Once signed, the contract shows the version in force unless the
//! working version is asked for (`?version=travail`), which says on every page that nobody
//! adopted it.

use super::DocumentPage;
use crate::document::{
    amendment_document, contract_version_document, fiche_document, ContractVersion,
};
use crate::exchange::file_name::{document_file_name, DocumentFile};
use crate::model::amendment::is_signed;
use crate::model::Id;
use crate::ui::address::replacing_navigation;
use crate::ui::state::AppState;
use crate::ui::widgets::fields::SelectField;
use crate::ui::widgets::links::href;
use crate::ui::widgets::no_contract::RequireContract;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ContractDocumentScreen() -> impl IntoView {
    view! {
        <div class="document-screen">
            <RequireContract>
                <ContractDocument/>
            </RequireContract>
        </div>
    }
}

/// Which document the address asks for.
#[derive(Clone, Copy, PartialEq)]
enum Which {
    Contract,
    Fiche(Id),
    /// An avenant by its number; `None` when `avenant=` is not a number.
    Amendment(Option<u32>),
}

#[component]
fn ContractDocument() -> impl IntoView {
    let state = AppState::get();
    let query = use_query_map();
    let which = Memo::new(move |_| {
        query.with(|q| {
            if let Some(number) = q.get("avenant") {
                Which::Amendment(number.trim().parse().ok())
            } else {
                q.get("fiche")
                    .and_then(|v| Id::parse(v.trim()))
                    .map_or(Which::Contract, Which::Fiche)
            }
        })
    });
    let version = Memo::new(move |_| {
        query.with(|q| ContractVersion::from_query(q.get("version").as_deref()))
    });
    let signed = Memo::new(move |_| state.with_contract(is_signed).unwrap_or(false));
    let document = Memo::new(move |_| {
        let (which, version) = (which.get(), version.get());
        state
            .with_contract(|c| match which {
                Which::Fiche(id) => fiche_document(c, id),
                Which::Amendment(number) => number.and_then(|n| amendment_document(c, n)),
                Which::Contract => Some(contract_version_document(c, version)),
            })
            .flatten()
    });
    let file_name = Memo::new(move |_| {
        let which = which.get();
        state.numbering.with(|numbers| {
            state
                .with_contract(|c| match which {
                    Which::Fiche(id) => {
                        document_file_name(c, DocumentFile::Fiche(numbers.label(id)))
                    }
                    Which::Amendment(number) => {
                        let number = number.unwrap_or_default();
                        let amendment = c.amendments.iter().find(|a| a.number == number);
                        let date = amendment.and_then(|a| a.date.as_deref());
                        document_file_name(c, DocumentFile::Amendment { number, date })
                    }
                    Which::Contract
                        if is_signed(c) && version.get() == ContractVersion::Working =>
                    {
                        document_file_name(c, DocumentFile::ContractWorkingVersion)
                    }
                    Which::Contract => document_file_name(c, DocumentFile::Contract),
                })
                .unwrap_or_default()
        })
    });
    let found = move || document.with(Option::is_some);
    let title = move || match (which.get(), found()) {
        (Which::Fiche(_), false) => "Fiche introuvable".to_string(),
        (Which::Amendment(_), false) => "Avenant introuvable".to_string(),
        (Which::Contract, _) => "Le contrat à signer".to_string(),
        (_, true) => document.with(|d| d.as_ref().map(|d| d.title.clone()).unwrap_or_default()),
    };
    let missing = move || {
        match which.get() {
        Which::Amendment(number) => {
            let which = number.map_or("Cet avenant".to_string(), |n| format!("L’avenant n°{n}"));
            view! {
                <div class="empty-state">
                    <p>{which}" n’existe pas dans ce contrat. Il a peut-être été supprimé, ou le lien est incomplet."</p>
                    <p><A href=href("/signature/")>"Signature et avenants"</A></p>
                </div>
            }
            .into_any()
        }
        _ => view! { <p class="empty-state">"Cette fiche action n’existe pas dans ce contrat. Elle a peut-être été supprimée."</p> }
            .into_any(),
    }
    };
    let go = replacing_navigation();
    let choose = Callback::new(move |key: String| {
        let address = match ContractVersion::from_query(Some(&key)) {
            ContractVersion::Working => {
                format!("/document/?version={}", ContractVersion::WORKING_QUERY)
            }
            ContractVersion::InForce => "/document/".to_string(),
        };
        go.run(address);
    });
    let versions = Signal::derive(|| {
        vec![
            (String::new(), "Version en vigueur (signée, ou modifiée par le dernier avenant)".to_string()),
            (ContractVersion::WORKING_QUERY.to_string(), "Version de travail, non adoptée (avec les modifications depuis la version en vigueur)".to_string()),
        ]
    });
    let chosen = Signal::derive(move || match version.get() {
        ContractVersion::Working => ContractVersion::WORKING_QUERY.to_string(),
        ContractVersion::InForce => String::new(),
    });
    let offers_versions = move || which.get() == Which::Contract && signed.get();
    view! {
        <h1>{title}</h1>
        <Show when=found fallback=missing>
            <DocumentPage document file_name>
                <Show when=offers_versions>
                    <div class="filters no-print">
                        <SelectField label="Version du contrat"
                            help="Le contrat est signé : la version en vigueur est celle que les partenaires ont adoptée. La version de travail montre les modifications faites depuis, que personne n’a encore adoptées."
                            options=versions value=chosen on_change=choose/>
                    </div>
                </Show>
            </DocumentPage>
        </Show>
    }
}
