//! Avenants in a merge: each is an item, and a number is never held twice — two partners who
//! both wrote « avenant n°2 » get a conflict, never two avenants n°2.

use super::*;
use crate::model::amendment::{frozen, Amendment};
use crate::model::example::example_contract;
use crate::model::{Contract, SharedVersions, Workspace};
use proptest::strategy::Strategy as _;

fn avenant(n: u128, number: u32, object: &str, contract: &Contract) -> Amendment {
    let mut amendment = Amendment::new(Id::from_u128(n), number, 5);
    amendment.object = object.into();
    amendment.date = Some("2026-03-12".into());
    amendment.frozen_copy = Some(frozen(contract));
    amendment
}

/// The example, signed, with its avenant n°1 (id 501): what both partners shared.
fn signed() -> Contract {
    let mut contract = example_contract();
    contract.signing.frozen_copy = Some(frozen(&contract));
    let first = avenant(501, 1, "Calendrier de la fiche 1", &contract);
    contract.amendments.push(first);
    contract
}

fn numbers(contract: &Contract) -> Vec<(u32, &str)> {
    contract.amendments.iter().map(|a| (a.number, a.object.as_str())).collect()
}

fn proposal(plan: &MergePlan, id: u128) -> &Proposal {
    plan.proposals.iter().find(|p| p.id == Id::from_u128(id)).expect("a proposal")
}

#[test]
fn an_avenant_only_in_the_file_is_added() {
    let base = signed();
    let shared = shared_after_export(&base);
    let mut theirs = base.clone();
    theirs.amendments.push(avenant(502, 2, "Nouvelle fiche santé mentale", &base));
    let plan = plan_merge(&base, &theirs, &shared);
    assert_eq!(plan.proposals.len(), 1, "{plan:#?}");
    let new = proposal(&plan, 502);
    assert_eq!(
        (new.kind, new.status, new.suggested),
        (ItemKind::Amendment, Status::New, Some(Choice::TakeTheirs))
    );
    assert_eq!(new.label, "Avenant n°2 — Nouvelle fiche santé mentale");
    assert_eq!(new.title(), "Avenant n°2 — Nouvelle fiche santé mentale — Nouveau");
    assert!(new.changes.iter().any(|c| c.field == "Version figée" && c.theirs == "présente"));
    assert!(new.changes.len() < 10, "the frozen copy is one line: {:?}", new.changes);
    let (merged, summary) = apply_merge(&base, &theirs, &plan, &HashMap::new(), "x", Id::random, 9);
    assert_eq!(
        numbers(&merged),
        [(1, "Calendrier de la fiche 1"), (2, "Nouvelle fiche santé mentale")]
    );
    assert_eq!(merged.amendments[1].frozen_copy, theirs.amendments[1].frozen_copy);
    assert_eq!(summary, MergeSummary { added: 1, ..Default::default() });
}

/// Both partners wrote an « avenant n°2 », each with its own id.
fn two_second_avenants() -> (Contract, Contract, SharedVersions) {
    let base = signed();
    let shared = shared_after_export(&base);
    let mut mine = base.clone();
    mine.amendments.push(avenant(600, 2, "Ajout d’une action", &base));
    let mut theirs = base.clone();
    theirs.sheets[0].title = "Titre changé par l’avenant".into();
    let frozen_there = avenant(700, 2, "Report de la fiche 3", &theirs);
    theirs.amendments.push(frozen_there);
    (mine, theirs, shared)
}

#[test]
fn two_avenants_with_the_same_number_are_a_conflict_never_two() {
    let (mine, theirs, shared) = two_second_avenants();
    let plan = plan_merge(&mine, &theirs, &shared);
    let conflict = proposal(&plan, 700);
    assert_eq!((conflict.status, conflict.suggested), (Status::Conflict, None));
    assert_eq!(
        conflict.title(),
        "Avenant n°2 — Conflit : ce contrat et le fichier ont chacun un avenant n°2"
    );
    assert_eq!(conflict.choices(), [Choice::KeepMine, Choice::TakeTheirs, Choice::KeepBoth]);
    assert_eq!(conflict.choice_label(Choice::KeepMine), "Garder mon avenant n°2");
    assert_eq!(
        conflict.choice_label(Choice::TakeTheirs),
        "Prendre l’avenant n°2 du fichier à la place du mien"
    );
    assert_eq!(
        conflict.choice_label(Choice::KeepBoth),
        "Garder les deux : celui du fichier devient l’avenant n°3"
    );
    // Shown against the avenant n°2 here: the objects differ, and the frozen copies in one line.
    let fields = crate::versions::diff::shown(&conflict.changes);
    assert_eq!(
        fields,
        [
            ("Objet", "Ajout d’une action", "Report de la fiche 3"),
            ("Version figée", "présente", "différente")
        ]
    );
    assert_eq!(plan.undecided(&HashMap::new()).count(), 1);

    let apply = |choice| {
        let decisions = HashMap::from([(Id::from_u128(700), choice)]);
        apply_merge(&mine, &theirs, &plan, &decisions, "CPAM", Id::random, 9)
    };
    let (kept, _) = apply(Choice::KeepMine);
    assert_eq!(numbers(&kept), [(1, "Calendrier de la fiche 1"), (2, "Ajout d’une action")]);
    let (taken, summary) = apply(Choice::TakeTheirs);
    assert_eq!(numbers(&taken), [(1, "Calendrier de la fiche 1"), (2, "Report de la fiche 3")]);
    assert_eq!(taken.amendments[1].id, Id::from_u128(700));
    assert_eq!(summary.replaced, 2, "the avenant n°2 here, and the fiche the file changed");
    let (both, summary) = apply(Choice::KeepBoth);
    assert_eq!(
        numbers(&both),
        [(1, "Calendrier de la fiche 1"), (2, "Ajout d’une action"), (3, "Report de la fiche 3")]
    );
    assert_eq!(both.amendments[2].id, Id::from_u128(700), "its id stays: same file, no question");
    assert_eq!((summary.doubled, summary.renumbered), (1, 1));
    assert!(summary.describe().contains("1 avenant renuméroté"), "{}", summary.describe());
}

#[test]
fn keeping_both_then_importing_the_same_file_again_asks_nothing() {
    let (mine, theirs, _) = two_second_avenants();
    let mut ws = Workspace::default();
    ws.add_contract(signed());
    record_export(&mut ws, &signed());
    ws.contracts[0] = mine;
    let keep_both = HashMap::from([(Id::from_u128(700), Choice::KeepBoth)]);
    let plan = plan_import(&ws, &theirs).unwrap();
    merge_into_workspace(&mut ws, &theirs, &plan, &keep_both, "CPAM", 9);
    let again = plan_import(&ws, &theirs).unwrap();
    assert!(again.proposals.iter().all(|p| p.kind != ItemKind::Amendment), "{again:#?}");
    assert_eq!(ws.contracts[0].amendments.len(), 3);
}

/// The partner who kept both sends back their avenant n°2 and ours renumbered n°3: that file is
/// consistent, no conflict.
#[test]
fn an_avenant_the_file_renumbers_is_not_in_the_way() {
    let (mine, mut theirs, shared) = two_second_avenants();
    let ours = mine.amendments[1].clone();
    theirs.amendments.push(Amendment { number: 3, ..ours });
    let mut shared = shared;
    shared.record(
        Id::from_u128(600),
        crate::model::Fingerprint::of(&serde_json::to_value(&mine.amendments[1]).unwrap()),
    );
    let plan = plan_merge(&mine, &theirs, &shared);
    assert_eq!(proposal(&plan, 700).status, Status::New);
    assert_eq!(proposal(&plan, 600).status, Status::ChangedThere);
    let (merged, summary) = apply_merge(&mine, &theirs, &plan, &HashMap::new(), "x", Id::random, 9);
    assert_eq!(
        numbers(&merged),
        [(1, "Calendrier de la fiche 1"), (2, "Report de la fiche 3"), (3, "Ajout d’une action")]
    );
    assert_eq!(summary.renumbered, 0);
    // Keeping our number for ours while adding theirs would make two avenants n°2: the one
    // that arrived takes the next free number.
    let keep = HashMap::from([(Id::from_u128(600), Choice::KeepMine)]);
    let (merged, summary) = apply_merge(&mine, &theirs, &plan, &keep, "x", Id::random, 9);
    assert_eq!(
        numbers(&merged),
        [(1, "Calendrier de la fiche 1"), (3, "Report de la fiche 3"), (2, "Ajout d’une action")]
    );
    assert_eq!(summary.renumbered, 1);
}

#[test]
fn one_avenant_changed_on_one_side_or_both_follows_the_usual_rules() {
    let base = signed();
    let shared = shared_after_export(&base);
    let mut theirs = base.clone();
    theirs.amendments[0].changes = "Fiche 1 : fin reportée à 2027".into();
    let plan = plan_merge(&base, &theirs, &shared);
    let changed = proposal(&plan, 501);
    assert_eq!(
        (changed.status, changed.suggested),
        (Status::ChangedThere, Some(Choice::TakeTheirs))
    );
    assert_eq!(changed.changes.len(), 1);
    assert_eq!(changed.changes[0].field, "Modifications");
    let (merged, _) = apply_merge(&base, &theirs, &plan, &HashMap::new(), "x", Id::random, 9);
    assert_eq!(merged.amendments[0].changes, "Fiche 1 : fin reportée à 2027");

    let mut mine = base.clone();
    mine.amendments[0].object = "Objet d’ici".into();
    // Field by field, the object changed here and the changes there are both kept.
    let plan = plan_merge(&mine, &theirs, &shared);
    assert_eq!(proposal(&plan, 501).status, Status::ChangedThere);
    let (merged, summary) = apply_merge(&mine, &theirs, &plan, &HashMap::new(), "x", Id::random, 9);
    assert_eq!(numbers(&merged), [(1, "Objet d’ici")]);
    assert_eq!(merged.amendments[0].changes, "Fiche 1 : fin reportée à 2027");
    assert_eq!(summary.merged, 1);

    // Shared before field fingerprints: one conflict for the whole avenant.
    let plan = plan_merge(&mine, &theirs, &super::tests::shared_without_fields(&base));
    let conflict = proposal(&plan, 501);
    assert_eq!((conflict.status, conflict.suggested), (Status::Conflict, None));
    assert_eq!(conflict.title(), "Avenant n°1 — Objet d’ici — Conflit : modifié des deux côtés");
    assert_eq!(
        conflict.choice_label(Choice::KeepBoth),
        "Garder les deux : la copie du fichier devient l’avenant n°2"
    );
    let both = HashMap::from([(Id::from_u128(501), Choice::KeepBoth)]);
    let (merged, summary) = apply_merge(&mine, &theirs, &plan, &both, "CPAM", Id::random, 9);
    assert_eq!(
        numbers(&merged),
        [(1, "Objet d’ici"), (2, "Calendrier de la fiche 1 (version de CPAM)")]
    );
    assert_ne!(merged.amendments[1].id, Id::from_u128(501));
    assert_eq!(
        merged.amendments[1].frozen_copy, theirs.amendments[0].frozen_copy,
        "a frozen copy keeps the ids of the fiches it recorded"
    );
    assert_eq!(summary.renumbered, 1);
}

#[test]
fn a_changed_frozen_copy_reads_as_one_line() {
    let base = signed();
    let shared = shared_after_export(&base);
    let mut theirs = base.clone();
    let mut refrozen = base.clone();
    for sheet in &mut refrozen.sheets {
        sheet.title.push_str(" (modifiée)");
    }
    theirs.amendments[0].frozen_copy = Some(frozen(&refrozen));
    theirs.signing.frozen_copy = Some(frozen(&refrozen));
    let plan = plan_merge(&base, &theirs, &shared);
    let lines = |id: Id| -> Vec<(String, String, String)> {
        let p = plan.proposals.iter().find(|p| p.id == id).unwrap();
        p.changes.iter().map(|c| (c.field.clone(), c.mine.clone(), c.theirs.clone())).collect()
    };
    let line = |field: &str| (field.to_string(), "présente".to_string(), "différente".to_string());
    assert_eq!(lines(Id::from_u128(501)), [line("Version figée")]);
    assert_eq!(lines(base.id), [line("Signature › Version figée")]);
}

/// The two-tab merge and a backup's restore work on JSON: an avenant made in one tab while the
/// other edits a fiche is kept, frozen copy and all.
#[test]
fn two_tabs_keep_an_avenant_made_in_one_of_them() {
    let base = signed();
    let mut ws = Workspace::default();
    ws.add_contract(base.clone());
    let mut ours = ws.clone();
    ours.contracts[0].sheets[0].title = "Édité dans cet onglet".into();
    let mut other = ws.clone();
    let second = avenant(800, 2, "Fait dans l’autre onglet", &base);
    other.contracts[0].amendments.push(second.clone());
    let merged = crate::exchange::tab_merge::merge_tabs(&ws, &ours, &other).workspace;
    let contract = &merged.contracts[0];
    assert_eq!(contract.sheets[0].title, "Édité dans cet onglet");
    assert_eq!(contract.amendments.last(), Some(&second));
    assert_eq!(contract.signing.frozen_copy, base.signing.frozen_copy);
}

proptest::proptest! {
    /// Whatever each side numbered and whatever the user chooses, no two avenants leave the
    /// merge with one number, and none is lost unless « take theirs » replaced it.
    #[test]
    fn a_merge_never_leaves_two_avenants_with_one_number(
        // Each side's own duplicates are not the merge's business: each side's numbers are
        // distinct (drawn, not filtered, so that no run gives up on too many rejects).
        mine_numbers in proptest::sample::subsequence(vec![1u32, 2, 3, 4], 0..4).prop_shuffle(),
        their_numbers in proptest::sample::subsequence(vec![1u32, 2, 3, 4], 0..4).prop_shuffle(),
        shared_ids in 0usize..3,
        picks in proptest::collection::vec(0usize..3, 8),
    ) {
        let base = Contract::blank(Id::from_u128(1), "CLS", 0);
        let mut mine = base.clone();
        let mut theirs = base.clone();
        // The first `shared_ids` avenants of each side are one avenant (same id), maybe
        // numbered differently; the others are each side's own.
        for (rank, number) in mine_numbers.iter().enumerate() {
            mine.amendments.push(avenant(100 + rank as u128, *number, "Ici", &base));
        }
        for (rank, number) in their_numbers.iter().enumerate() {
            let id = if rank < shared_ids { 100 + rank as u128 } else { 200 + rank as u128 };
            theirs.amendments.push(avenant(id, *number, "Là-bas", &base));
        }
        let distinct = |c: &Contract| {
            let mut n: Vec<u32> = c.amendments.iter().map(|a| a.number).collect();
            n.sort_unstable();
            n.windows(2).all(|w| w[0] != w[1])
        };
        let plan = plan_merge(&mine, &theirs, &SharedVersions::default());
        let decisions: HashMap<Id, Choice> = plan
            .proposals
            .iter()
            .zip(picks.iter().cycle())
            .map(|(p, pick)| (p.id, p.choices()[pick % p.choices().len()]))
            .collect();
        let (merged, _) = apply_merge(&mine, &theirs, &plan, &decisions, "x", Id::random, 9);
        proptest::prop_assert!(distinct(&merged), "{:?}", numbers(&merged));
        let replaced = plan.proposals.iter().filter(|p| {
            p.renumbering.is_some_and(|r| r.replaces.is_some())
                && plan.choice_of(p, &decisions) == Some(Choice::TakeTheirs)
        });
        proptest::prop_assert!(merged.amendments.len() + replaced.count() >= mine.amendments.len());
    }
}
