//! The two-tab merge: what each side changed is kept, the same field keeps the most recent
//! edit and says what it replaced, and restoring puts it back.

use super::*;
use crate::model::example::example_contract;
use crate::model::review::edit_review;
use crate::model::{Action, ActionSheet, ReviewStatus, Timestamp, YearMonth};
use proptest::prelude::*;

/// The example with two actions in its first fiche, open, as both tabs last saw it.
fn base() -> Workspace {
    let mut contract = example_contract();
    let sheet = &mut contract.sheets[0];
    sheet.actions.push(Action::new(Id::from_u128(0xa1), "Accueillir les internes", 0));
    sheet.actions.push(Action::new(Id::from_u128(0xa2), "Former au repérage", 0));
    sheet.actions[0].start = YearMonth::new(2024, 1);
    sheet.actions[0].end = YearMonth::new(2025, 12);
    let mut workspace = Workspace::default();
    workspace.add_contract(contract);
    workspace
}

/// An edit of the open contract at `now`, as the screens make it: the contract and the edited
/// entities are stamped.
fn edited(workspace: &Workspace, now: Timestamp, edit: impl FnOnce(&mut Contract)) -> Workspace {
    let mut workspace = workspace.clone();
    let contract = workspace.active_mut().unwrap();
    edit(contract);
    contract.modified_at = now;
    workspace
}

fn sheet(contract: &mut Contract, index: usize, now: Timestamp) -> &mut ActionSheet {
    let sheet = &mut contract.sheets[index];
    sheet.modified_at = now;
    sheet
}

fn action(contract: &mut Contract, index: usize, now: Timestamp) -> &mut Action {
    let sheet = sheet(contract, 0, now);
    let action = &mut sheet.actions[index];
    action.modified_at = now;
    action
}

fn open(workspace: &Workspace) -> &Contract {
    workspace.active().unwrap()
}

fn append(text: &str) -> impl Fn(&mut String) + '_ {
    move |title: &mut String| title.push_str(text)
}

#[test]
fn a_side_left_as_it_was_takes_the_other() {
    let base = base();
    let theirs = edited(&base, 10, |c| append("AAAA")(&mut sheet(c, 0, 10).title));
    assert_eq!(merge_tabs(&base, &base, &theirs).workspace, theirs);
    assert_eq!(merge_tabs(&base, &theirs, &base).workspace, theirs);
    let merged = merge_tabs(&base, &theirs, &theirs);
    assert_eq!(merged.workspace, theirs);
    assert!(merged.replaced_here.is_empty() && merged.replaced_there.is_empty());
}

#[test]
fn two_fiches_edited_in_two_tabs_are_both_kept() {
    let base = base();
    let ours = edited(&base, 10, |c| append("AAAA")(&mut sheet(c, 0, 10).title));
    let theirs = edited(&base, 11, |c| append("BBBB")(&mut sheet(c, 1, 11).title));
    let merged = merge_tabs(&base, &ours, &theirs);
    let contract = open(&merged.workspace);
    assert_eq!(contract.sheets[0].title, "Attractivité du territoireAAAA");
    assert_eq!(contract.sheets[1].title, "Santé mentale-précaritéBBBB");
    assert_eq!((contract.sheets[0].modified_at, contract.sheets[1].modified_at), (10, 11));
    assert_eq!(contract.modified_at, 11, "the later of the two stamps");
    assert!(merged.replaced_here.is_empty() && merged.replaced_there.is_empty());
    // The same merge made by the other tab comes to the same contract.
    assert_eq!(open(&merge_tabs(&base, &theirs, &ours).workspace), contract);
}

#[test]
fn two_fields_of_one_fiche_are_both_kept() {
    let base = base();
    let ours = edited(&base, 10, |c| sheet(c, 0, 10).general_objective = "Ici".into());
    let theirs = edited(&base, 11, |c| append(" (révisé)")(&mut sheet(c, 0, 11).title));
    let merged = merge_tabs(&base, &ours, &theirs);
    let contract = open(&merged.workspace);
    assert_eq!(contract.sheets[0].general_objective, "Ici");
    assert_eq!(contract.sheets[0].title, "Attractivité du territoire (révisé)");
    assert!(merged.replaced_here.is_empty());
}

#[test]
fn a_fiche_here_and_the_planning_dates_there_are_both_kept() {
    let base = base();
    let ours = edited(&base, 10, |c| append("AAAA")(&mut sheet(c, 1, 10).title));
    let theirs = edited(&base, 11, |c| {
        let action = action(c, 0, 11);
        action.start = YearMonth::new(2026, 3);
        action.end = YearMonth::new(2027, 12);
    });
    let merged = merge_tabs(&base, &ours, &theirs);
    let contract = open(&merged.workspace);
    assert_eq!(contract.sheets[1].title, "Santé mentale-précaritéAAAA");
    assert_eq!(contract.sheets[0].actions[0].start, YearMonth::new(2026, 3));
    assert_eq!(contract.sheets[0].actions[0].end, YearMonth::new(2027, 12));
    assert!(merged.replaced_here.is_empty() && merged.replaced_there.is_empty());
}

#[test]
fn the_same_field_keeps_the_most_recent_edit_and_says_what_it_replaced() {
    let base = base();
    let ours = edited(&base, 10, |c| append("AAAA")(&mut sheet(c, 0, 10).title));
    let theirs = edited(&base, 11, |c| append("BBBB")(&mut sheet(c, 0, 11).title));
    let merged = merge_tabs(&base, &ours, &theirs);
    assert_eq!(open(&merged.workspace).sheets[0].title, "Attractivité du territoireBBBB");
    assert!(merged.replaced_there.is_empty());
    let [replaced] = merged.replaced_here.as_slice() else { panic!("{merged:?}") };
    assert_eq!((replaced.field.as_str(), replaced.place.as_str()), ("Intitulé", "de la fiche n°1"));
    assert_eq!(replaced.lost_text, "Attractivité du territoireAAAA");
    assert_eq!(
        replaced.message(),
        "Le champ « Intitulé » de la fiche n°1 a été modifié dans un autre onglet : votre texte \
         « Attractivité du territoireAAAA » a été remplacé."
    );
    // Seen from the other tab, its own edit is the more recent: it keeps it and tells this one.
    let seen_there = merge_tabs(&base, &theirs, &ours);
    assert_eq!(open(&seen_there.workspace).sheets[0].title, "Attractivité du territoireBBBB");
    assert_eq!(seen_there.replaced_there, merged.replaced_here);
}

#[test]
fn nested_places_are_named_from_the_innermost() {
    let base = base();
    let ours = edited(&base, 10, |c| action(c, 1, 10).description = "Former ici".into());
    let theirs = edited(&base, 12, |c| action(c, 1, 12).description = "Former là".into());
    let merged = merge_tabs(&base, &ours, &theirs);
    let [replaced] = merged.replaced_here.as_slice() else { panic!("{merged:?}") };
    assert_eq!(replaced.field, "Description");
    assert_eq!(replaced.place, "de l’action « Former là » de la fiche n°1");
    // The contract's own fields are judged by the contract's stamp.
    let ours = edited(&base, 20, |c| c.name = "Nom d’ici".into());
    let theirs = edited(&base, 15, |c| c.name = "Nom de là".into());
    let merged = merge_tabs(&base, &ours, &theirs);
    assert_eq!(open(&merged.workspace).name, "Nom d’ici");
    let [replaced] = merged.replaced_there.as_slice() else { panic!("{merged:?}") };
    assert_eq!((replaced.field.as_str(), replaced.place.as_str()), ("Nom", "du contrat"));
    assert_eq!(replaced.lost_text, "Nom de là");
}

#[test]
fn a_month_and_year_is_one_value_never_half_of_each() {
    let base = base();
    let ours = edited(&base, 10, |c| action(c, 0, 10).start = YearMonth::new(2024, 6));
    let theirs = edited(&base, 11, |c| action(c, 0, 11).start = YearMonth::new(2026, 1));
    let merged = merge_tabs(&base, &ours, &theirs);
    assert_eq!(open(&merged.workspace).sheets[0].actions[0].start, YearMonth::new(2026, 1));
    let [replaced] = merged.replaced_here.as_slice() else { panic!("{merged:?}") };
    assert_eq!((replaced.field.as_str(), replaced.lost_text.as_str()), ("Début", "juin 2024"));
}

#[test]
fn items_added_on_both_sides_are_all_kept_in_their_places() {
    let base = base();
    let ours = edited(&base, 10, |c| {
        c.sheets.insert(1, ActionSheet::new(Id::from_u128(1), "Ajoutée ici", 10));
    });
    let theirs = edited(&base, 11, |c| {
        c.sheets.push(ActionSheet::new(Id::from_u128(2), "Ajoutée là", 11));
        action(c, 1, 11).description = "Former là".into();
    });
    let merged = merge_tabs(&base, &ours, &theirs);
    let titles: Vec<&str> =
        open(&merged.workspace).sheets.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles.len(), base.contracts[0].sheets.len() + 2);
    assert_eq!(titles[1], "Ajoutée ici");
    assert_eq!(titles.last(), Some(&"Ajoutée là"));
    assert_eq!(open(&merged.workspace).sheets[0].actions[1].description, "Former là");
}

#[test]
fn a_deletion_gives_way_to_a_change_and_stays_otherwise() {
    let base = base();
    let removed = base.contracts[0].sheets[2].id;
    let ours = edited(&base, 10, |c| {
        c.sheets.remove(2);
    });
    let theirs = edited(&base, 11, |c| append("BBBB")(&mut sheet(c, 1, 11).title));
    let merged = merge_tabs(&base, &ours, &theirs);
    assert!(open(&merged.workspace).sheet(removed).is_none(), "deleted, changed by no one");
    assert_eq!(open(&merged.workspace).sheets[1].title, "Santé mentale-précaritéBBBB");
    let theirs = edited(&base, 11, |c| append(" (revue)")(&mut sheet(c, 2, 11).title));
    let merged = merge_tabs(&base, &ours, &theirs);
    assert_eq!(
        open(&merged.workspace).sheet(removed).map(|s| s.title.as_str()),
        Some("Parcours de santé et bien vivre (revue)")
    );
}

#[test]
fn reorders_of_one_side_are_kept() {
    let base = base();
    let theirs = edited(&base, 11, |c| c.sheets.swap(0, 1));
    let ours = edited(&base, 10, |c| append("AAAA")(&mut sheet(c, 3, 10).title));
    let merged = merge_tabs(&base, &ours, &theirs);
    let contract = open(&merged.workspace);
    assert_eq!(contract.sheets[0].id, base.contracts[0].sheets[1].id);
    assert!(contract.sheets[3].title.ends_with("AAAA"));
}

#[test]
fn each_year_of_the_follow_up_merges_on_its_own() {
    let base = base();
    let ours = edited(&base, 10, |c| {
        edit_review(&mut action(c, 0, 10).reviews, 2024, |r| r.status = Some(ReviewStatus::Done));
    });
    let theirs = edited(&base, 11, |c| {
        edit_review(&mut action(c, 0, 11).reviews, 2025, |r| r.comment = "En cours".into());
    });
    let merged = merge_tabs(&base, &ours, &theirs);
    let reviews = &open(&merged.workspace).sheets[0].actions[0].reviews;
    assert_eq!(reviews.iter().map(|r| r.year).collect::<Vec<_>>(), [2024, 2025]);
    assert!(merged.replaced_here.is_empty() && merged.replaced_there.is_empty());
}

#[test]
fn which_contract_is_open_stays_this_tabs_choice() {
    let mut base = base();
    base.create_contract(Id::from_u128(77), "Deuxième", 0);
    let mut ours = base.clone();
    ours.active_contract = Some(base.contracts[0].id);
    let mut theirs = base.clone();
    theirs.rename_contract(Id::from_u128(77), "Deuxième, renommé", 11);
    let merged = merge_tabs(&base, &ours, &theirs).workspace;
    assert_eq!(merged.active_contract, Some(base.contracts[0].id));
    assert_eq!(merged.contracts[1].name, "Deuxième, renommé");
    // A contract deleted there, and left as it was here, is gone; the one open here stays open.
    let mut theirs = base.clone();
    theirs.remove_contract(Id::from_u128(77));
    let merged = merge_tabs(&base, &ours, &theirs).workspace;
    assert_eq!(merged.contracts.len(), 1);
    assert_eq!(merged.active_contract, Some(base.contracts[0].id));
}

#[test]
fn restoring_puts_the_text_back_as_the_newest_edit_and_says_what_it_replaced() {
    let base = base();
    let ours = edited(&base, 10, |c| append("AAAA")(&mut sheet(c, 0, 10).title));
    let theirs = edited(&base, 11, |c| append("BBBB")(&mut sheet(c, 0, 11).title));
    let merged = merge_tabs(&base, &ours, &theirs);
    let mut workspace = merged.workspace.clone();
    let Restored::Done(reverse) = restore(&mut workspace, &merged.replaced_here[0], 20) else {
        panic!("not restored")
    };
    let contract = open(&workspace);
    assert_eq!(contract.sheets[0].title, "Attractivité du territoireAAAA");
    assert_eq!((contract.sheets[0].modified_at, contract.modified_at), (20, 20));
    assert_eq!(reverse.lost_text, "Attractivité du territoireBBBB");
    assert_eq!(restore(&mut workspace, &merged.replaced_here[0], 21), Restored::AlreadyThere);
    // The replacement travels between tabs as JSON.
    let text = json::to_text(&merged.replaced_here[0]).unwrap();
    assert_eq!(json::from_text::<Replacement>(&text).unwrap(), merged.replaced_here[0]);
    // A field whose fiche was deleted since cannot come back.
    let mut gone = merged.workspace;
    gone.active_mut().unwrap().sheets.remove(0);
    assert_eq!(restore(&mut gone, &merged.replaced_here[0], 22), Restored::Gone);
}

/// An edit a tab can make, on an index taken modulo the length of its list.
#[derive(Clone, Debug)]
enum Edit {
    Title(usize, String),
    Objective(usize, String),
    Description(usize, String),
    Start(usize, i32, u8),
    Review(usize, i32, String),
    Name(String),
    Add(u128, String),
    Remove(usize),
    MoveFirst(usize),
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    let text = "\\PC{0,12}";
    prop_oneof![
        (0..8usize, text).prop_map(|(i, t)| Edit::Title(i, t)),
        (0..8usize, text).prop_map(|(i, t)| Edit::Objective(i, t)),
        (0..2usize, text).prop_map(|(i, t)| Edit::Description(i, t)),
        (0..2usize, 2024..2029i32, 1..13u8).prop_map(|(i, y, m)| Edit::Start(i, y, m)),
        (0..2usize, 2024..2029i32, text).prop_map(|(i, y, t)| Edit::Review(i, y, t)),
        text.prop_map(Edit::Name),
        (1000..1010u128, text).prop_map(|(id, t)| Edit::Add(id, t)),
        (0..8usize).prop_map(Edit::Remove),
        (0..8usize).prop_map(Edit::MoveFirst),
    ]
}

fn apply(workspace: &Workspace, edits: &[Edit], now: Timestamp) -> Workspace {
    edited(workspace, now, |c| {
        for edit in edits {
            let sheets = c.sheets.len();
            let actions = c.sheets.first().map_or(0, |s| s.actions.len());
            match edit.clone() {
                Edit::Title(i, t) if sheets > 0 => sheet(c, i % sheets, now).title = t,
                Edit::Objective(i, t) if sheets > 0 => {
                    sheet(c, i % sheets, now).general_objective = t;
                }
                Edit::Description(i, t) if actions > 0 => {
                    action(c, i % actions, now).description = t;
                }
                Edit::Start(i, y, m) if actions > 0 => {
                    action(c, i % actions, now).start = YearMonth::new(y, m);
                }
                Edit::Review(i, y, t) if actions > 0 => {
                    edit_review(&mut action(c, i % actions, now).reviews, y, |r| r.comment = t);
                }
                Edit::Name(t) => c.name = t,
                Edit::Add(id, t) if c.sheet(Id::from_u128(id)).is_none() => {
                    c.sheets.push(ActionSheet::new(Id::from_u128(id), t, now));
                }
                Edit::Remove(i) if sheets > 1 => {
                    c.sheets.remove(i % sheets);
                }
                Edit::MoveFirst(i) if sheets > 0 => {
                    let moved = c.sheets.remove(i % sheets);
                    c.sheets.insert(0, moved);
                }
                _ => {}
            }
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn merging_with_an_unchanged_side_returns_the_other(
        edits in proptest::collection::vec(edit_strategy(), 0..6),
    ) {
        let base = base();
        let changed = apply(&base, &edits, 10);
        let merged = merge_tabs(&base, &base, &changed);
        prop_assert_eq!(&merged.workspace, &changed);
        prop_assert_eq!(&merge_tabs(&base, &changed, &base).workspace, &changed);
        prop_assert!(merged.replaced_here.is_empty() && merged.replaced_there.is_empty());
    }

    #[test]
    fn edits_of_different_fiches_are_all_kept(
        ours in proptest::collection::vec((0..4usize, "\\PC{1,12}"), 1..5),
        theirs in proptest::collection::vec((4..8usize, "\\PC{1,12}"), 1..5),
    ) {
        let base = base();
        let to_edits = |list: &[(usize, String)]| -> Vec<Edit> {
            list.iter().map(|(i, t)| Edit::Title(*i, t.clone())).collect()
        };
        let (ours, theirs) = (apply(&base, &to_edits(&ours), 10), apply(&base, &to_edits(&theirs), 11));
        let merged = merge_tabs(&base, &ours, &theirs);
        let contract = open(&merged.workspace);
        for (i, sheet) in contract.sheets.iter().enumerate() {
            let expected = if i < 4 { &open(&ours).sheets[i] } else { &open(&theirs).sheets[i] };
            prop_assert_eq!(&sheet.title, &expected.title);
        }
        prop_assert!(merged.replaced_here.is_empty() && merged.replaced_there.is_empty());
    }

    #[test]
    fn any_two_tabs_merge_without_panic_into_a_valid_workspace_losing_nothing_unsaid(
        ours_edits in proptest::collection::vec(edit_strategy(), 0..6),
        theirs_edits in proptest::collection::vec(edit_strategy(), 0..6),
        ours_time in 5..15i64,
        theirs_time in 5..15i64,
    ) {
        let base = base();
        let ours = apply(&base, &ours_edits, ours_time);
        let theirs = apply(&base, &theirs_edits, theirs_time);
        let merged = merge_tabs(&base, &ours, &theirs);
        // A valid workspace: it goes through JSON and back, as storage writes it (the codec's
        // own tests, above, read what it writes).
        let text = crate::model::json::to_text(&merged.workspace).expect("serialises");
        let back: Result<crate::model::Workspace, _> = crate::model::json::from_text(&text);
        prop_assert!(back.is_ok_and(|ws| ws == merged.workspace));
        prop_assert_eq!(merged.workspace.schema_version, crate::model::SCHEMA_VERSION);
        // A title this tab changed is in the result (a fiche deleted there but changed here
        // comes back), or was replaced by the other tab's more recent one, and told.
        let contract = open(&merged.workspace);
        let before = open(&base);
        for sheet in &open(&ours).sheets {
            let changed_here = before.sheet(sheet.id).is_none_or(|b| b.title != sheet.title);
            if !changed_here {
                continue;
            }
            let kept = contract.sheet(sheet.id);
            prop_assert!(kept.is_some(), "a fiche changed here is never dropped");
            let kept = kept.unwrap();
            if kept.title != sheet.title {
                let other = open(&theirs).sheet(sheet.id).map(|s| s.title.clone());
                prop_assert_eq!(Some(kept.title.clone()), other);
                prop_assert!(merged.replaced_here.iter().any(|r| r.lost_text == show_text(&sheet.title)));
            }
        }
        // Both tabs settle it the same way: the same fiches, with the same titles.
        let mirrored = merge_tabs(&base, &theirs, &ours);
        let titles = |ws: &Workspace| -> std::collections::BTreeMap<Id, String> {
            open(ws).sheets.iter().map(|s| (s.id, s.title.clone())).collect()
        };
        prop_assert_eq!(titles(&mirrored.workspace), titles(&merged.workspace));
        prop_assert_eq!(mirrored.replaced_there.len(), merged.replaced_here.len());
    }
}

/// A text as a replacement shows it (an empty one as « — »).
fn show_text(text: &str) -> String {
    if text.trim().is_empty() {
        "—".into()
    } else {
        text.to_string()
    }
}
