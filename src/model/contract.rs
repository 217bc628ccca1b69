//! The contract itself: identity, territory, period, co-leads, texts, signature and
//! coordination, plus the collections that hang off it (directory, governance, diagnostic and
//! the previous contract's bilan, axes, sheets, avenants).

use super::amendment::Amendment;
use super::collection::Collection;
use super::contract_texts::ContractTexts;
use super::previous_review::PreviousReview;
use super::workshop::Workshop;
use super::{ActionSheet, Axis, Finding, Governance, Id, Indicator, Lead, Organisation, Timestamp};
use serde::{Deserialize, Serialize};

/// First and last year of the contract, both included (the seeds use 2024-2028).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub first_year: i32,
    pub last_year: i32,
}

impl Default for Period {
    fn default() -> Self {
        Period { first_year: 2024, last_year: 2028 }
    }
}

/// `Period::years` lists at most this many years. A CLS lasts 4 or 5 years and validation
/// calls a period of more than 10 an error, but a year typed by mistake or a crafted file can
/// hold a period of billions of years: every screen that has a row or a column per year
/// (planning summary, « Suivi », documents, tables) would then run out of memory.
pub const MAX_LISTED_YEARS: i32 = 100;

impl Period {
    pub fn contains_year(self, year: i32) -> bool {
        (self.first_year..=self.last_year).contains(&year)
    }

    /// The years of the period in order, at most `MAX_LISTED_YEARS` of them (an absurd period
    /// is cut, and validation reports it).
    pub fn years(self) -> impl Iterator<Item = i32> {
        let last = self.last_year.min(self.first_year.saturating_add(MAX_LISTED_YEARS - 1));
        self.first_year..=last
    }

    /// How many years the period covers, first and last included (0 when inverted), counted
    /// without listing them.
    pub fn length(self) -> u64 {
        u64::try_from(i64::from(self.last_year) - i64::from(self.first_year) + 1).unwrap_or(0)
    }

    /// The period a new contract starts with, created in `month` (1-12) of `year`: five years
    /// from this one, or, in the last quarter, the next five full years (a contract created in
    /// December 2026 is for 2027-2031: its first year would be over before it is signed).
    pub fn for_new_contract(year: i32, month: u32) -> Period {
        let first_year = if month >= 10 { year.saturating_add(1) } else { year };
        Period { first_year, last_year: first_year.saturating_add(4) }
    }

    /// How the creation form explains `for_new_contract`'s choice.
    pub fn new_contract_note(year: i32, month: u32) -> String {
        let period = Self::for_new_contract(year, month);
        let why = if period.first_year > year {
            "les cinq prochaines années pleines, l’année en cours étant presque finie"
        } else {
            "cinq ans à partir de cette année"
        };
        format!(
            "Période proposée : {} ({why}). Elle se change ensuite dans « Contrat », « Identité et période ».",
            period.label()
        )
    }

    /// « 2024-2028 »: how messages and documents name the period.
    pub fn label(self) -> String {
        format!("{}-{}", self.first_year, self.last_year)
    }
}

/// The territory covered: its name, member intercommunalities and communes, population and
/// priority neighbourhoods (QPV).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Territory {
    pub name: String,
    pub epcis: Vec<String>,
    pub communes: Vec<String>,
    pub population: Option<u32>,
    pub priority_neighbourhoods: Vec<String>,
}

/// Where and when the contract was signed (« Fait à Aurillac, le 11/03/2025 »), and the
/// contract as it was then. The date is ISO (`2024-06-27`), as an `<input type="date">` gives
/// it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Signing {
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = crate::model::iso_date::SCHEMA_PATTERN)))]
    pub date: Option<String>,
    pub place: String,
    /// The contract as signed, kept once « Signer le contrat » is done (its own signature
    /// and avenants left out: see `amendment::frozen`).
    #[serde(serialize_with = "crate::model::amendment::frozen_form::serialize")]
    pub frozen_copy: Option<std::sync::Arc<Contract>>,
}

/// The person who runs the contract day to day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Coordinator {
    pub name: String,
    pub organisation: String,
    pub email: String,
    pub phone: String,
}

/// A Contrat local de santé.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contract {
    pub id: Id,
    pub modified_at: Timestamp,
    pub name: String,
    /// A made-up contract (the demonstration): every screen says its data are fictional while
    /// it is open. Absent in files written before it existed, hence the default: a real
    /// contract never has to say it is real.
    #[serde(default)]
    pub fictional: bool,
    /// 1 for a first contract, 2 for its renewal (CLS 2), and so on.
    pub generation: u8,
    pub period: Period,
    pub territory: Territory,
    /// The contract's leads (co-pilotage: seed 001 is co-piloted by the ARS and the SCoT).
    pub leads: Vec<Lead>,
    /// Legal references, preamble and clauses.
    pub texts: ContractTexts,
    pub signing: Signing,
    pub coordinator: Coordinator,
    /// The directory of organisations, referenced by id everywhere else.
    pub organisations: Vec<Organisation>,
    pub governance: Governance,
    pub diagnostic: Vec<Finding>,
    /// The previous contract's bilan, part of the diagnostic (empty for a first contract).
    pub previous_review: PreviousReview,
    /// Axes in their display order; numbering follows this order.
    pub axes: Vec<Axis>,
    /// Action sheets in their display order; each points at its axis and strategic objective.
    pub sheets: Vec<ActionSheet>,
    /// The contract's own evaluation indicators (« Indicateurs d’évaluation du contrat »),
    /// distinct from those of any fiche.
    pub indicators: Vec<Indicator>,
    /// The avenants, in the order they were made.
    pub amendments: Vec<Amendment>,
    /// The yearly collections of the leads' answers (« Collecte »), in year order. Absent from
    /// files written before it existed, and left out while empty, so that those files and the
    /// contracts that never collected anything read and write exactly as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub collections: Vec<Collection>,
    /// The workshops (« Ateliers ») held for the contract, with their boards, in the order they
    /// were created. Left out while empty, like the collections (format 4 added them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workshops: Vec<Workshop>,
}

impl Contract {
    /// A blank contract over the default period.
    pub fn blank(id: Id, name: impl Into<String>, now: Timestamp) -> Self {
        Contract {
            id,
            modified_at: now,
            name: name.into(),
            fictional: false,
            generation: 1,
            period: Period::default(),
            territory: Territory::default(),
            leads: Vec::new(),
            texts: ContractTexts::default(),
            signing: Signing::default(),
            coordinator: Coordinator::default(),
            organisations: Vec::new(),
            governance: Governance::default(),
            diagnostic: Vec::new(),
            previous_review: PreviousReview::default(),
            axes: Vec::new(),
            sheets: Vec::new(),
            indicators: Vec::new(),
            amendments: Vec::new(),
            collections: Vec::new(),
            workshops: Vec::new(),
        }
    }

    pub fn organisation(&self, id: Id) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }

    pub fn axis(&self, id: Id) -> Option<&Axis> {
        self.axes.iter().find(|a| a.id == id)
    }

    pub fn sheet(&self, id: Id) -> Option<&ActionSheet> {
        self.sheets.iter().find(|s| s.id == id)
    }

    pub fn sheet_mut(&mut self, id: Id) -> Option<&mut ActionSheet> {
        self.sheets.iter_mut().find(|s| s.id == id)
    }

    /// The display name of an organisation, or a French placeholder when it was deleted.
    pub fn organisation_name(&self, id: Id) -> &str {
        self.organisation(id).map_or("(organisation supprimée)", |o| o.name.as_str())
    }

    /// The axis a sheet is filed under: `None` when it has no axis or when its axis was deleted,
    /// as both kinds are shown together under « Sans axe » and move among each other.
    pub fn axis_of(&self, sheet: &ActionSheet) -> Option<&Axis> {
        sheet.axis_id.and_then(|id| self.axis(id))
    }

    /// The sheets as their list shows them: one group per axis, in axis order, then the group
    /// of sheets filed under no axis ([`Contract::axis_of`]); each group in sheet order, and
    /// every group present even when empty.
    pub fn sheets_by_axis(&self) -> Vec<(Option<&Axis>, Vec<&ActionSheet>)> {
        let mut groups: Vec<(Option<&Axis>, Vec<&ActionSheet>)> =
            self.axes.iter().map(|a| (Some(a), Vec::new())).chain([(None, Vec::new())]).collect();
        for sheet in &self.sheets {
            let rank =
                self.axis_of(sheet).and_then(|a| self.axes.iter().position(|b| b.id == a.id));
            groups[rank.unwrap_or(self.axes.len())].1.push(sheet);
        }
        groups
    }

    /// Sheets in reading order: by axis order, then by their own order; sheets with no axis last.
    pub fn sheets_in_axis_order(&self) -> Vec<&ActionSheet> {
        let rank = |sheet: &ActionSheet| {
            sheet
                .axis_id
                .and_then(|axis| self.axes.iter().position(|a| a.id == axis))
                .unwrap_or(usize::MAX)
        };
        let mut sheets: Vec<&ActionSheet> = self.sheets.iter().collect();
        // Cached: a rank is a walk through the axes, and this runs on every keystroke.
        sheets.sort_by_cached_key(|s| rank(s));
        sheets
    }

    /// Whether the contract has its legally required mental-health component (loi 3DS, art. 122).
    pub fn has_mental_health_component(&self) -> bool {
        self.axes.iter().any(|a| a.mental_health) || self.sheets.iter().any(|s| s.mental_health)
    }
}

impl Contract {
    /// Moves a sheet before the previous (`step < 0`) or after the next (`step > 0`) sheet of
    /// the same axis: the list shows sheets grouped by axis, so that is what "Monter" means.
    pub fn move_sheet_within_axis(&mut self, id: Id, step: isize) -> bool {
        let Some(from) = self.sheets.iter().position(|s| s.id == id) else { return false };
        let axis_id = |sheet: &ActionSheet| self.axis_of(sheet).map(|a| a.id);
        let axis = axis_id(&self.sheets[from]);
        let neighbour = if step < 0 {
            self.sheets[..from].iter().rposition(|s| axis_id(s) == axis)
        } else {
            self.sheets[from + 1..].iter().position(|s| axis_id(s) == axis).map(|i| from + 1 + i)
        };
        match neighbour {
            Some(to) => {
                self.sheets.swap(from, to);
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by `make fuzz`: a file whose period ran from `i32::MIN` to `i32::MAX` passed the
    /// import, then the planning's summary asked for four billion rows and the app died.
    #[test]
    fn an_absurd_period_lists_a_bounded_number_of_years() {
        let absurd = Period { first_year: i32::MIN, last_year: i32::MAX };
        assert_eq!(absurd.years().count(), MAX_LISTED_YEARS as usize);
        assert_eq!(absurd.years().next(), Some(i32::MIN));
        assert_eq!(absurd.length(), 1 << 32);
        let late = Period { first_year: i32::MAX - 1, last_year: i32::MAX };
        assert_eq!(late.years().collect::<Vec<_>>(), [i32::MAX - 1, i32::MAX]);
        let usual = Period::default();
        assert_eq!(usual.years().collect::<Vec<_>>(), [2024, 2025, 2026, 2027, 2028]);
        assert_eq!(usual.length(), 5);
        assert_eq!(Period { first_year: 2028, last_year: 2024 }.years().count(), 0);
        assert_eq!(Period { first_year: 2028, last_year: 2024 }.length(), 0);
    }

    #[test]
    fn a_new_contract_covers_five_full_years_from_this_one_or_the_next() {
        let period = |year, month| Period::for_new_contract(year, month).label();
        assert_eq!(period(2026, 1), "2026-2030");
        assert_eq!(period(2026, 9), "2026-2030");
        assert_eq!(period(2026, 10), "2027-2031");
        assert_eq!(period(2026, 12), "2027-2031");
        assert_eq!(Period::for_new_contract(2026, 12).length(), 5);
        assert!(Period::new_contract_note(2026, 12)
            .starts_with("Période proposée : 2027-2031 (les cinq prochaines années pleines"));
        assert!(Period::new_contract_note(2026, 3)
            .starts_with("Période proposée : 2026-2030 (cinq ans à partir de cette année)"));
    }

    #[test]
    fn a_contract_written_before_the_fictional_flag_reads_as_a_real_one() {
        let mut tree = crate::model::json::to_tree(&Contract::blank(Id::from_u128(1), "CLS", 0))
            .expect("serialises");
        assert_eq!(tree.as_object_mut().and_then(|o| o.remove("fictional")), Some(false.into()));
        let contract: Contract = crate::model::json::from_tree(&tree).expect("still reads");
        assert!(!contract.fictional);
    }

    #[test]
    fn sheets_move_among_those_of_their_axis() {
        let mut c = Contract::blank(Id::from_u128(1), "CLS", 0);
        c.axes = vec![Axis::new(Id::from_u128(1), "A", 0), Axis::new(Id::from_u128(2), "B", 0)];
        let axis = |n| Some(Id::from_u128(n));
        for (n, a) in [(10, 1), (11, 2), (12, 1)] {
            let mut s = ActionSheet::new(Id::from_u128(n), format!("{n}"), 0);
            s.axis_id = axis(a);
            c.sheets.push(s);
        }
        assert!(c.move_sheet_within_axis(Id::from_u128(12), -1));
        let order: Vec<_> = c.sheets.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(order, ["12", "11", "10"]);
        assert!(!c.move_sheet_within_axis(Id::from_u128(11), 1));
        assert!(!c.move_sheet_within_axis(Id::from_u128(12), -1));
    }

    /// A sheet with no axis and one whose axis was deleted: both under « Sans axe ».
    fn contract_with_orphans() -> Contract {
        let mut c = Contract::blank(Id::from_u128(1), "CLS", 0);
        c.axes.push(Axis::new(Id::from_u128(5), "Offre de soins", 0));
        for (n, axis) in [(10, None), (11, Some(5)), (12, Some(99))] {
            let mut s = ActionSheet::new(Id::from_u128(n), format!("{n}"), 0);
            s.axis_id = axis.map(Id::from_u128);
            c.sheets.push(s);
        }
        c
    }

    #[test]
    fn a_sheet_whose_axis_was_deleted_moves_among_the_sheets_with_no_axis() {
        let mut c = contract_with_orphans();
        assert!(c.move_sheet_within_axis(Id::from_u128(12), -1));
        let order: Vec<_> = c.sheets.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(order, ["12", "11", "10"]);
        assert!(c.move_sheet_within_axis(Id::from_u128(12), 1));
        assert!(!c.move_sheet_within_axis(Id::from_u128(11), 1));
    }

    #[test]
    fn sheets_are_grouped_by_axis_with_deleted_axes_counted_as_none() {
        let c = contract_with_orphans();
        let groups: Vec<(Option<Id>, Vec<&str>)> = c
            .sheets_by_axis()
            .into_iter()
            .map(|(a, sheets)| (a.map(|a| a.id), sheets.iter().map(|s| s.title.as_str()).collect()))
            .collect();
        assert_eq!(groups, [(Some(Id::from_u128(5)), vec!["11"]), (None, vec!["10", "12"])]);
    }
}
