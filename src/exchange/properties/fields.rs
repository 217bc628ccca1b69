//! The field-by-field merge of two partners' copies: for any two sequences of edits made from
//! the same shared version, each side touching fields the other leaves alone, merging the
//! partner's file asks nothing and gives the contract with both sequences applied.
//!
//! A "field" is what the merge compares on its own: a top-level field of an item (a fiche's
//! title, « Constats locaux », « Moyens humains », its list of actions; an organisation's name;
//! the contract's name or texts; a year's status or comment of a review; a year's target or
//! result of an indicator). Each edit names the field it touches; an edit of a field the other
//! side touched first is left out, so that the two sequences are disjoint.

use crate::exchange::merge::{apply_merge, plan_merge, record_export, Status};
use crate::model::review::edit_review;
use crate::model::{Action, ActionSheet, Contract, Id, Priority, ReviewStatus, Workspace};
use crate::versions::edits::base;
use crate::versions::item::ItemKind;
use crate::versions::items::items_of;
use proptest::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A text field of a fiche.
#[derive(Clone, Copy, Debug)]
enum SheetText {
    Title,
    LocalFindings,
    GeneralObjective,
    ExpectedResults,
    HumanMeans,
    MaterialMeans,
}

impl SheetText {
    const ALL: [SheetText; 6] = [
        Self::Title,
        Self::LocalFindings,
        Self::GeneralObjective,
        Self::ExpectedResults,
        Self::HumanMeans,
        Self::MaterialMeans,
    ];

    fn key(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::LocalFindings => "local_findings",
            Self::GeneralObjective => "general_objective",
            Self::ExpectedResults => "expected_results",
            Self::HumanMeans => "human_means",
            Self::MaterialMeans => "material_means",
        }
    }

    fn of(self, sheet: &mut ActionSheet) -> &mut String {
        match self {
            Self::Title => &mut sheet.title,
            Self::LocalFindings => &mut sheet.local_findings,
            Self::GeneralObjective => &mut sheet.general_objective,
            Self::ExpectedResults => &mut sheet.expected_results,
            Self::HumanMeans => &mut sheet.human_means,
            Self::MaterialMeans => &mut sheet.material_means,
        }
    }
}

/// One edit of one field, on either side.
#[derive(Clone, Debug)]
enum FieldEdit {
    ContractName(String),
    Preamble(String),
    SheetText {
        sheet: usize,
        field: SheetText,
        text: String,
    },
    SheetPriority {
        sheet: usize,
        priority: usize,
    },
    /// Changes the fiche's actions as a whole: the field « Actions ».
    AddAction {
        sheet: usize,
        text: String,
    },
    OrganisationName {
        organisation: usize,
        name: String,
    },
    ContractIndicatorName {
        indicator: usize,
        name: String,
    },
    /// A field of a review of the base (a fiche's 2024, an action's 2024 or 2025).
    Review {
        sheet: usize,
        action: Option<usize>,
        late: bool,
        status: bool,
        text: String,
    },
    /// The target or the result of a year of one of the contract's indicators the base fills.
    Value {
        indicator: usize,
        result: bool,
        text: String,
    },
}

fn text() -> impl Strategy<Value = String> {
    "\\PC{0,16}"
}

fn field_edit() -> impl Strategy<Value = FieldEdit> {
    // Few items, so that both sides often edit the same item (and then other fields of it).
    let sheet = || 0..3usize;
    prop_oneof![
        1 => text().prop_map(FieldEdit::ContractName),
        1 => text().prop_map(FieldEdit::Preamble),
        6 => (sheet(), prop::sample::select(SheetText::ALL.to_vec()), text())
            .prop_map(|(sheet, field, text)| FieldEdit::SheetText { sheet, field, text }),
        1 => (sheet(), 0..Priority::ALL.len())
            .prop_map(|(sheet, priority)| FieldEdit::SheetPriority { sheet, priority }),
        1 => (sheet(), text()).prop_map(|(sheet, text)| FieldEdit::AddAction { sheet, text }),
        1 => (0..3usize, text())
            .prop_map(|(organisation, name)| FieldEdit::OrganisationName { organisation, name }),
        1 => (0..3usize, text())
            .prop_map(|(indicator, name)| FieldEdit::ContractIndicatorName { indicator, name }),
        2 => (0..2usize, prop::option::of(0..2usize), any::<bool>(), any::<bool>(), text())
            .prop_map(|(sheet, action, late, status, text)| FieldEdit::Review { sheet, action, late, status, text }),
        1 => (0..3usize, any::<bool>(), text())
            .prop_map(|(indicator, result, text)| FieldEdit::Value { indicator, result, text }),
    ]
}

/// The field an edit touches, named by the item's id and the field's key: two edits with the
/// same one are not disjoint.
fn field_of(edit: &FieldEdit, base: &Contract) -> (Id, String) {
    let sheet = |i: usize| base.sheets[i].id;
    let (id, key) = match edit {
        FieldEdit::ContractName(_) => (base.id, "name"),
        FieldEdit::Preamble(_) => (base.id, "texts"),
        FieldEdit::SheetText { sheet: s, field, .. } => (sheet(*s), field.key()),
        FieldEdit::SheetPriority { sheet: s, .. } => (sheet(*s), "priority"),
        FieldEdit::AddAction { sheet: s, .. } => (sheet(*s), "actions"),
        FieldEdit::OrganisationName { organisation, .. } => {
            (base.organisations[*organisation].id, "name")
        }
        FieldEdit::ContractIndicatorName { indicator, .. } => {
            (base.indicators[*indicator].id, "name")
        }
        FieldEdit::Review { sheet: s, action, late, status, .. } => {
            let owner = action.map_or(sheet(*s), |a| base.sheets[*s].actions[a].id);
            let year = if action.is_some() && *late { 2025 } else { 2024 };
            let key = if *status { "status" } else { "comment" };
            return (owner, format!("{year}:{key}"));
        }
        FieldEdit::Value { indicator, result, .. } => {
            (base.indicators[*indicator].id, if *result { "result" } else { "target" })
        }
    };
    (id, key.to_string())
}

/// Applies one edit; `added` numbers the actions added, apart on each side.
fn apply(contract: &mut Contract, edit: &FieldEdit, added: &mut u128) {
    match edit.clone() {
        FieldEdit::ContractName(name) => contract.name = name,
        FieldEdit::Preamble(text) => contract.texts.preamble = text,
        FieldEdit::SheetText { sheet, field, text } => {
            *field.of(&mut contract.sheets[sheet]) = text
        }
        FieldEdit::SheetPriority { sheet, priority } => {
            contract.sheets[sheet].priority = Priority::ALL[priority]
        }
        FieldEdit::AddAction { sheet, text } => {
            *added += 1;
            contract.sheets[sheet].actions.push(Action::new(Id::from_u128(*added), text, 1));
        }
        FieldEdit::OrganisationName { organisation, name } => {
            contract.organisations[organisation].name = name
        }
        FieldEdit::ContractIndicatorName { indicator, name } => {
            contract.indicators[indicator].name = name
        }
        FieldEdit::Review { sheet, action, late, status, text } => {
            let sheet = &mut contract.sheets[sheet];
            let (reviews, year) = match action {
                None => (&mut sheet.reviews, 2024),
                Some(a) => (&mut sheet.actions[a].reviews, if late { 2025 } else { 2024 }),
            };
            edit_review(reviews, year, |review| {
                // Never blank (a blank review is dropped, and a merge never deletes).
                if status {
                    let at = text.chars().count() % ReviewStatus::ALL.len();
                    review.status = Some(ReviewStatus::ALL[at]);
                } else {
                    review.comment = text;
                }
            });
        }
        FieldEdit::Value { indicator, result, text } => {
            let year = 2024 + indicator as i32;
            // Never blank, as above.
            let text = format!("n°{text}");
            contract.indicators[indicator].edit_value(year, |value| {
                if result {
                    value.result = text;
                } else {
                    value.target = text;
                }
            });
        }
    }
}

/// Every item of a contract with the fingerprint of its content (time stamps left out): two
/// contracts with the same items, each with the same content, are the same contract whatever
/// the place of an item new to a list.
fn contents(contract: &Contract) -> BTreeMap<(ItemKind, Id), crate::model::Fingerprint> {
    items_of(contract).into_iter().map(|i| ((i.kind, i.id), i.fingerprint)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn edits_of_disjoint_fields_on_both_sides_merge_into_both(
        edits in prop::collection::vec((any::<bool>(), field_edit()), 0..24),
    ) {
        let base = base();
        let mut ws = Workspace::default();
        record_export(&mut ws, &base);
        let shared = ws.shared_versions.remove(&base.id).unwrap();

        // Each field belongs to the side that edits it first.
        let mut owner: HashMap<(Id, String), bool> = HashMap::new();
        let disjoint: Vec<(bool, FieldEdit)> = edits
            .into_iter()
            .filter(|(side, edit)| *owner.entry(field_of(edit, &base)).or_insert(*side) == *side)
            .collect();
        let (mut mine, mut theirs, mut both) = (base.clone(), base.clone(), base.clone());
        let (mut ours_added, mut theirs_added) = (20_000u128, 30_000u128);
        for (_, edit) in disjoint.iter().filter(|(side, _)| *side) {
            apply(&mut mine, edit, &mut ours_added);
        }
        for (_, edit) in disjoint.iter().filter(|(side, _)| !*side) {
            apply(&mut theirs, edit, &mut theirs_added);
        }
        let (mut a, mut b) = (20_000u128, 30_000u128);
        for (side, edit) in &disjoint {
            apply(&mut both, edit, if *side { &mut a } else { &mut b });
        }

        let plan = plan_merge(&mine, &theirs, &shared);
        prop_assert!(plan.pending(&HashMap::new()).is_empty(), "asked: {:?}", plan.proposals);
        prop_assert!(plan.proposals.iter().all(|p| p.status != Status::Conflict || p.by_field()));
        let (merged, _) = apply_merge(&mine, &theirs, &plan, &HashMap::new(), "x", Id::random, 9);
        prop_assert_eq!(contents(&merged), contents(&both));
        let ids: HashSet<Id> = merged.sheets.iter().map(|s| s.id).collect();
        prop_assert_eq!(ids.len(), base.sheets.len(), "no fiche doubled nor lost");
    }
}
