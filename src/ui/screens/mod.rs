//! The screens, one module each: a file for a screen that fits in one (`contracts`, `sheets`,
//! `not_found`), a folder for one with parts (`contract/`, `sheet/`, `planning/`, `follow_up/`,
//! `exchanges/`, `signature/`; `documents/` holds the three document screens, which share their
//! rendering). What several screens share is in `ui::widgets`.

#![cfg(target_arch = "wasm32")]

mod contract;
mod contracts;
mod documents;
pub(crate) mod exchanges;
pub mod follow_up;
mod not_found;
mod planning;
pub mod sheet;
mod sheets;
mod signature;

pub use contract::ContractScreen;
pub use contracts::ContractsScreen;
pub use documents::{ContractDocumentScreen, EvaluationScreen, ReportScreen};
pub use exchanges::ExchangesScreen;
pub use follow_up::FollowUpScreen;
pub use not_found::NotFound;
pub use planning::PlanningScreen;
pub use sheet::SheetScreen;
pub use sheets::SheetsScreen;
pub use signature::SignatureScreen;
