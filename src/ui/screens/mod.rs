//! One file per screen.

mod contract;
mod contracts;
mod documents;
mod exchanges;
mod follow_up;
mod indicators;
pub mod issues;
mod no_contract;
mod not_found;
mod planning;
pub mod sheet;
mod sheets;
pub mod signature;

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
