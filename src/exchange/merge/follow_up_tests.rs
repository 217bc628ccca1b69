//! The merge of the yearly follow-up: a year's review of an action or a fiche, and an
//! indicator's yearly values, conflict with the partner's entry of the same year and never with
//! the rest of the fiche; they arrive with a new fiche, and never bring back a deleted action.

use super::*;
use crate::model::example::example_contract;
use crate::model::review::edit_review;
use crate::model::{
    Action, ActionSheet, Contract, Indicator, IndicatorKind, ReviewStatus, SharedVersions,
    YearReview,
};
use crate::versions::follow_up::item_id;

const ACTION: u128 = 500;

/// The example with one action in its first fiche, followed up in 2024.
fn base() -> Contract {
    let mut contract = example_contract();
    let mut action = Action::new(Id::from_u128(ACTION), "Former des sentinelles", 0);
    action.reviews.push(YearReview::with_status(2024, ReviewStatus::InProgress));
    contract.sheets[0].actions.push(action);
    contract
}

fn set_status(contract: &mut Contract, year: i32, status: ReviewStatus) {
    let action = &mut contract.sheets[0].actions[0];
    edit_review(&mut action.reviews, year, |r| r.status = Some(status));
}

/// The base, shared by an export, then the action's 2025 status set here and there.
fn statuses_of_2025(
    here: ReviewStatus,
    there: ReviewStatus,
) -> (Contract, SharedVersions, Contract, Contract) {
    let base = base();
    let shared = shared_after_export(&base);
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    set_status(&mut mine, 2025, here);
    set_status(&mut theirs, 2025, there);
    (base, shared, mine, theirs)
}

fn status_in(contract: &Contract, year: i32) -> Option<ReviewStatus> {
    let action = contract.sheets.iter().flat_map(|s| &s.actions).find(|a| a.id.as_u128() == 500);
    crate::model::review::status_of(&action?.reviews, year)
}

/// Equal but for the contract's time stamp, which a merge that changes anything sets.
fn assert_same(merged: &Contract, expected: &Contract) {
    let merged = Contract { modified_at: expected.modified_at, ..merged.clone() };
    assert_eq!(&merged, expected);
}

fn review_id(owner: Id, year: i32) -> Id {
    item_id(ItemKind::Review, owner, Some(year))
}

fn proposal(plan: &MergePlan, id: Id) -> &Proposal {
    plan.proposals.iter().find(|p| p.id == id).unwrap_or_else(|| panic!("{id} in {plan:#?}"))
}

fn merge(
    mine: &Contract,
    theirs: &Contract,
    plan: &MergePlan,
    decisions: &[(Id, Choice)],
) -> Contract {
    let decisions = decisions.iter().copied().collect();
    apply_merge(mine, theirs, plan, &decisions, "CPAM", Id::random, 5).0
}

#[test]
fn the_same_year_of_the_same_action_with_two_statuses_is_a_conflict_of_its_own() {
    let (_, shared, mine, theirs) = statuses_of_2025(ReviewStatus::Done, ReviewStatus::Postponed);

    let plan = plan_merge(&mine, &theirs, &shared);
    assert_eq!(plan.proposals.len(), 1, "the fiche itself is unchanged: {plan:#?}");
    let conflict = proposal(&plan, review_id(Id::from_u128(ACTION), 2025));
    assert_eq!(
        (conflict.kind, conflict.status, conflict.suggested),
        (ItemKind::Review, Status::Conflict, None)
    );
    assert_eq!(conflict.label, "Bilan 2025 — Former des sentinelles");
    assert_eq!(conflict.choices(), [Choice::KeepMine, Choice::TakeTheirs], "never doubled");
    let change = &conflict.changes[0];
    assert_eq!(
        (change.field.as_str(), change.mine.as_str(), change.theirs.as_str()),
        ("Statut", "Réalisé", "Reporté")
    );
    assert_eq!(plan.undecided(&HashMap::new()).count(), 1);

    let taken = merge(&mine, &theirs, &plan, &[(conflict.id, Choice::TakeTheirs)]);
    assert_eq!(status_in(&taken, 2025), Some(ReviewStatus::Postponed));
    assert_eq!(status_in(&taken, 2024), Some(ReviewStatus::InProgress));
    let kept = merge(&mine, &theirs, &plan, &[(conflict.id, Choice::KeepMine)]);
    assert_eq!(kept, mine);
}

#[test]
fn the_same_entry_on_both_sides_is_unchanged_and_one_changed_there_only_is_taken() {
    let (base, shared, mine, theirs) = statuses_of_2025(ReviewStatus::Done, ReviewStatus::Done);
    assert!(plan_merge(&mine, &theirs, &shared).is_empty());

    // There: the 2024 review changes; here: the fiche's title. Neither conflicts.
    let mut theirs = base.clone();
    set_status(&mut theirs, 2024, ReviewStatus::Done);
    let mut mine = base.clone();
    mine.sheets[0].title = "Titre d’ici".into();
    let plan = plan_merge(&mine, &theirs, &shared);
    let changed = proposal(&plan, review_id(Id::from_u128(ACTION), 2024));
    assert_eq!(
        (changed.status, changed.suggested),
        (Status::ChangedThere, Some(Choice::TakeTheirs))
    );
    assert_eq!((plan.proposals.len(), plan.newer_here), (1, 1));
    let merged = merge(&mine, &theirs, &plan, &[]);
    assert_eq!(status_in(&merged, 2024), Some(ReviewStatus::Done));
    assert_eq!(merged.sheets[0].title, "Titre d’ici");
}

#[test]
fn a_review_and_a_value_filled_in_there_are_added_in_year_order() {
    let mut base = base();
    base.indicators[0].edit_value(2024, |v| v.target = "10".into());
    let shared = shared_after_export(&base);
    let mut theirs = base.clone();
    set_status(&mut theirs, 2026, ReviewStatus::Upcoming);
    set_status(&mut theirs, 2025, ReviewStatus::PartlyDone);
    let sheet = theirs.sheets[1].id;
    theirs.sheets[1].reviews.push(YearReview::new(2025));
    theirs.sheets[1].reviews[0].comment = "Deux réunions".into();
    theirs.indicators[0].edit_value(2025, |v| v.result = "12".into());

    let plan = plan_merge(&base, &theirs, &shared);
    assert!(plan.proposals.iter().all(|p| p.status == Status::New), "{plan:#?}");
    let sheet_review = proposal(&plan, review_id(sheet, 2025));
    assert!(sheet_review.label.starts_with("Bilan 2025 — fiche "), "{}", sheet_review.label);
    let shown: Vec<(&str, &str)> =
        sheet_review.changes.iter().map(|c| (c.field.as_str(), c.theirs.as_str())).collect();
    assert!(shown.contains(&("Statut", "Non renseigné")), "{shown:?}");
    assert!(shown.contains(&("Ce qui a été fait", "Deux réunions")), "{shown:?}");
    let value = proposal(&plan, item_id(ItemKind::YearValue, theirs.indicators[0].id, Some(2025)));
    assert_eq!(value.label, "Nombre de professionnels participant à l’ensemble du CLS (pi… — 2025");
    assert_eq!(value.changes[1].field, "Résultat");

    let (merged, summary) =
        apply_merge(&base, &theirs, &plan, &HashMap::new(), "CPAM", Id::random, 5);
    assert_eq!(summary.added, 4);
    assert_eq!(merged.sheets[0].actions[0].reviews, theirs.sheets[0].actions[0].reviews);
    let years: Vec<i32> = merged.sheets[0].actions[0].reviews.iter().map(|r| r.year).collect();
    assert_eq!(years, [2024, 2025, 2026]);
    assert_same(&merged, &theirs);
}

#[test]
fn a_review_of_an_action_deleted_here_does_not_bring_it_back() {
    let base = base();
    let shared = shared_after_export(&base);
    let mut mine = base.clone();
    mine.sheets[0].actions.clear();
    let mut theirs = base.clone();
    set_status(&mut theirs, 2024, ReviewStatus::Done);
    set_status(&mut theirs, 2025, ReviewStatus::NotDone);

    let plan = plan_merge(&mine, &theirs, &shared);
    assert_eq!(plan.newer_here, 1, "the fiche, changed here only");
    for year in [2024, 2025] {
        let orphan = proposal(&plan, review_id(Id::from_u128(ACTION), year));
        assert_eq!((orphan.status, orphan.carried), (Status::DeletedHere, Some(Carrier::Gone)));
        assert_eq!(orphan.choices(), [Choice::KeepMine]);
        assert_eq!(orphan.choice_label(Choice::KeepMine), "Laisser supprimé");
    }
    assert_eq!(plan.undecided(&HashMap::new()).count(), 0);
    let wanted: Vec<(Id, Choice)> =
        plan.proposals.iter().map(|p| (p.id, Choice::TakeTheirs)).collect();
    let merged = merge(&mine, &theirs, &plan, &wanted);
    assert_eq!(merged, mine, "nothing comes back, even when asked");
}

/// A fiche of the partner's, followed up and with an indicator.
fn followed_up_sheet() -> ActionSheet {
    let mut sheet = ActionSheet::new(Id::from_u128(999), "Fiche du partenaire", 0);
    sheet.reviews = vec![YearReview::with_status(2024, ReviewStatus::Done)];
    let mut action = Action::new(Id::from_u128(998), "Permanence", 0);
    action.reviews =
        vec![YearReview::with_status(2024, ReviewStatus::Abandoned), YearReview::new(2025)];
    action.reviews[1].reason = "Pas de local".into();
    sheet.actions.push(action);
    let mut indicator =
        Indicator::new(Id::from_u128(997), IndicatorKind::Process, "Permanences", 0);
    indicator.edit_value(2024, |v| v.result = "3".into());
    sheet.indicators.push(indicator);
    sheet
}

#[test]
fn a_new_fiche_arrives_whole_with_its_follow_up_or_not_at_all() {
    let base = base();
    let shared = shared_after_export(&base);
    let mut theirs = base.clone();
    theirs.sheets.insert(1, followed_up_sheet());
    let mut indicator = Indicator::new(Id::from_u128(996), IndicatorKind::Outcome, "Recours", 0);
    indicator.edit_value(2025, |v| v.target = "50 %".into());
    theirs.indicators.push(indicator);

    let plan = plan_merge(&base, &theirs, &shared);
    let kinds: Vec<(ItemKind, Status)> =
        plan.proposals.iter().map(|p| (p.kind, p.status)).collect();
    assert_eq!(
        kinds,
        [
            (ItemKind::Sheet, Status::New),
            (ItemKind::ContractIndicator, Status::New),
            (ItemKind::Review, Status::New),
            (ItemKind::Review, Status::New),
            (ItemKind::Review, Status::New),
            (ItemKind::YearValue, Status::New),
            (ItemKind::YearValue, Status::New),
        ]
    );
    assert!(plan.proposals[2..].iter().all(|p| matches!(p.carried, Some(Carrier::Item(_)))));
    let merged = merge(&base, &theirs, &plan, &[]);
    assert_same(&merged, &theirs);

    // Not adding the fiche leaves its follow-up out too; an entry can still be refused alone.
    let sheet = Id::from_u128(999);
    let without = merge(&base, &theirs, &plan, &[(sheet, Choice::KeepMine)]);
    assert_eq!(without.sheets.len(), base.sheets.len());
    assert_eq!(
        plan.choice_of(&plan.proposals[2], &HashMap::from([(sheet, Choice::KeepMine)])),
        Some(Choice::KeepMine)
    );
    let refused = review_id(sheet, 2024);
    let partial = merge(&base, &theirs, &plan, &[(refused, Choice::KeepMine)]);
    assert!(partial.sheet(sheet).unwrap().reviews.is_empty());
    assert_eq!(partial.sheet(sheet).unwrap().actions, theirs.sheet(sheet).unwrap().actions);
}

#[test]
fn a_fiche_deleted_here_comes_back_with_its_follow_up_when_restored() {
    let mut base = base();
    base.sheets.push(followed_up_sheet());
    let shared = shared_after_export(&base);
    let mut mine = base.clone();
    mine.sheets.pop();
    let plan = plan_merge(&mine, &base, &shared);
    let sheet = Id::from_u128(999);
    assert_eq!(proposal(&plan, sheet).suggested, Some(Choice::KeepMine));
    assert!(plan
        .proposals
        .iter()
        .filter(|p| p.kind.is_follow_up())
        .all(|p| p.status == Status::DeletedHere));
    assert_eq!(merge(&mine, &base, &plan, &[]), mine);
    let restored = merge(&mine, &base, &plan, &[(sheet, Choice::TakeTheirs)]);
    assert_same(&restored, &base);
}

#[test]
fn the_partners_version_of_a_fiche_keeps_the_follow_up_entered_here() {
    let base = base();
    let shared = shared_after_export(&base);
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.sheets[0].title = "Titre d’ici".into();
    set_status(&mut mine, 2025, ReviewStatus::Done);
    theirs.sheets[0].title = "Titre du partenaire".into();
    theirs.sheets[0].actions[0].description = "Former des sentinelles (2 sessions)".into();

    let plan = plan_merge(&mine, &theirs, &shared);
    let sheet = theirs.sheets[0].id;
    assert_eq!(plan.proposals.len(), 1);
    assert_eq!(proposal(&plan, sheet).status, Status::Conflict);
    // Field by field: the title (changed on both sides) taken, the actions (changed there) too.
    let taken = merge(&mine, &theirs, &plan, &[(field_id(sheet, "title"), Choice::TakeTheirs)]);
    assert_eq!(taken.sheets[0].title, "Titre du partenaire");
    assert_eq!(taken.sheets[0].actions[0].description, "Former des sentinelles (2 sessions)");
    assert_eq!(taken.sheets[0].actions[0].reviews, mine.sheets[0].actions[0].reviews);

    // Shared before field fingerprints: the whole fiche, taken or doubled.
    let plan = plan_merge(&mine, &theirs, &super::tests::shared_without_fields(&base));
    let taken = merge(&mine, &theirs, &plan, &[(sheet, Choice::TakeTheirs)]);
    assert_eq!(taken.sheets[0].title, "Titre du partenaire");
    assert_eq!(taken.sheets[0].actions[0].reviews, mine.sheets[0].actions[0].reviews);
    let both = merge(&mine, &theirs, &plan, &[(sheet, Choice::KeepBoth)]);
    assert_eq!(both.sheets[0], mine.sheets[0]);
    let copy = &both.sheets[1];
    assert_eq!(copy.title, "Titre du partenaire (version de CPAM)");
    assert_eq!(copy.actions[0].reviews, theirs.sheets[0].actions[0].reviews);
    assert_ne!(copy.actions[0].id, Id::from_u128(ACTION));
}

#[test]
fn contract_indicators_are_items_of_their_own_apart_from_the_identity() {
    let base = base();
    let shared = shared_after_export(&base);
    let mut theirs = base.clone();
    theirs.indicators[2].name = "Indicateur renommé".into();
    let plan = plan_merge(&base, &theirs, &shared);
    assert_eq!(plan.proposals.len(), 1);
    let renamed = &plan.proposals[0];
    assert_eq!((renamed.kind, renamed.status), (ItemKind::ContractIndicator, Status::ChangedThere));
    assert_eq!(renamed.changes[0].field, "Nom");
    assert_same(&merge(&base, &theirs, &plan, &[]), &theirs);
}

#[test]
fn what_was_merged_is_shared_so_the_same_file_twice_asks_nothing() {
    let base = base();
    let mut ws = workspace_after_export(base.clone(), &base);
    let mut theirs = base.clone();
    set_status(&mut theirs, 2025, ReviewStatus::BarelyDone);
    theirs.sheets.push(followed_up_sheet());
    let plan = plan_import(&ws, &theirs).unwrap();
    merge_into_workspace(&mut ws, &theirs, &plan, &HashMap::new(), "x", 5);
    assert!(plan_import(&ws, &theirs).unwrap().is_empty());
    assert_same(ws.active().unwrap(), &theirs);
}
