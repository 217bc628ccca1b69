//! The domain core: what a Contrat local de santé is made of, and the rules that hold on it.
//!
//! Nothing in this folder knows about the browser: every type is plain data (serde for the
//! exchange format and local storage) and every rule is a pure function, tested natively with
//! `cargo test`. Screens only render these types and dispatch the changes defined here.

pub mod action;
pub mod amendment;
pub mod amount;
pub mod axis;
pub mod backup_reminder;
pub mod closed_list;
pub mod collection;
pub mod completeness;
pub mod contract;
pub mod contract_texts;
pub mod copy;
pub mod diagnostic;
pub mod directory;
pub mod entity;
pub mod example;
pub mod figure;
pub mod follow_up;
pub mod french;
pub mod french_csv;
pub mod funding;
pub mod governance;
pub mod ids;
pub mod indicator;
pub mod iso_date;
pub mod json;
pub mod list_edit;
pub mod migration;
pub mod numbering;
pub mod order;
pub mod organisation;
pub mod planning;
pub mod previous_review;
pub mod reference;
pub mod review;
pub mod shared_versions;
pub mod sheet;
pub mod sheet_filter;
pub mod storage_use;
pub mod text;
#[cfg(test)]
pub(crate) mod typography;
pub mod validation;
pub mod workshop;
pub mod workspace;
pub mod year_month;

pub use action::Action;
pub use amendment::Amendment;
pub use axis::{Axis, StrategicObjective};
pub use contract::{Contract, Coordinator, Period, Signing, Territory};
pub use contract_texts::ContractTexts;
pub use diagnostic::{Finding, FindingCategory};
pub use funding::{FundingKind, FundingLine};
pub use governance::{Body, Governance, GovernanceBody, Meeting, Member};
pub use ids::{Id, Timestamp};
pub use indicator::{Frequency, Indicator, IndicatorKind, IndicatorScale, IndicatorValue};
pub use organisation::{Contact, Organisation, OrganisationKind, Signatory};
pub use previous_review::{FormerItem, FormerSheet, PreviousReview};
pub use review::{ReviewStatus, YearReview};
pub use shared_versions::{Fingerprint, SharedVersions};
pub use sheet::{ActionSheet, Lead, Participation, Priority, SheetKind, SpecificObjective};
pub use workshop::Workshop;
pub use workspace::{Workspace, SCHEMA_VERSION};
pub use year_month::YearMonth;
