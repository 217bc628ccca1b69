//! The merge of workshops' boards: sub-groups run the board of one workshop on several laptops
//! and bring it back to the facilitator's, whose board then holds every note of both, each
//! group and each vote; a note changed on both sides is a conflict like any other field, and a
//! workshop new here arrives with its whole board.

use super::*;
use crate::model::workshop::fixture::{contract, contract_with_board, id, WORKSHOP};
use crate::model::workshop::{Speaker, StakeholderKind, VoteTarget, Workshop};
use crate::model::{Contract, Workspace};

fn board(contract: &mut Contract) -> &mut Workshop {
    contract.workshop_mut(id(WORKSHOP)).expect("the fixture's workshop")
}

fn texts(contract: &Contract) -> Vec<String> {
    let workshop = contract.workshop(id(WORKSHOP)).expect("the workshop is there");
    let mut texts: Vec<String> = workshop.notes.iter().map(|n| n.text.clone()).collect();
    texts.sort();
    texts
}

fn resident() -> Speaker {
    Speaker::Kind(StakeholderKind::Resident)
}

/// A laptop's session: notes captured, a group made and voted for.
fn sub_group(contract: &mut Contract, first: u128, notes: &[&str], group: &str) {
    let w = board(contract);
    w.create_group(id(first), group, 10);
    for (n, text) in notes.iter().enumerate() {
        let note = id(first + 1 + n as u128);
        assert!(w.add_note(note, text, resident(), 10));
        assert!(w.move_note(note, Some(id(first)), 10));
    }
    w.give_dots(None, VoteTarget::Group(id(first)), 6, 10).expect("its own group");
}

#[test]
fn two_boards_of_one_workshop_exported_from_two_laptops_merge_into_one_without_loss() {
    // The facilitator exports the contract; two laptops receive it.
    let base = contract_with_board();
    let mut facilitator = workspace_after_export(base.clone(), &base);
    let (mut first, mut second) = (base.clone(), base.clone());
    sub_group(&mut first, 1000, &["Un bus santé", "Des permanences en mairie"], "Mobilité");
    sub_group(
        &mut second,
        2000,
        &["Une maison de santé", "La télémédecine", "Des internes"],
        "Accès aux soins",
    );
    // The second laptop also moves a note of the shared board into its new group.
    board(&mut second).move_note(id(299), Some(id(2000)), 11);

    for (laptop, origin) in [(&first, "Groupe 1"), (&second, "Groupe 2")] {
        let plan = plan_import(&facilitator, laptop).expect("the same contract");
        assert!(plan.pending(&HashMap::new()).is_empty(), "nothing to ask: {plan:#?}");
        merge_into_workspace(&mut facilitator, laptop, &plan, &HashMap::new(), origin, 20);
    }

    let merged = facilitator.contract(base.id).expect("still here");
    let mut expected: Vec<String> = texts(&base);
    expected.extend(["Un bus santé", "Des permanences en mairie"].map(String::from));
    expected.extend(["Une maison de santé", "La télémédecine", "Des internes"].map(String::from));
    expected.sort();
    assert_eq!(texts(merged), expected, "every note of both boards");
    let w = merged.workshop(id(WORKSHOP)).unwrap();
    let groups: Vec<&str> = w.groups.iter().map(|g| g.name.as_str()).collect();
    // Each new group goes right after the one it follows in its file (« Divers »).
    let shared = ["Bouger plus", "Se nourrir mieux", "Lien social", "Divers"];
    assert_eq!(groups, [&shared[..], &["Accès aux soins", "Mobilité"]].concat());
    assert_eq!(w.group_dots(id(1000)), 6);
    assert_eq!(w.group_dots(id(2000)), 6);
    assert_eq!(w.note(id(299)).unwrap().group_id, Some(id(2000)), "the move made there");
    assert_eq!(w.notes_in(Some(id(1000))).count(), 2);
    assert_eq!(w.votes.len(), base.workshops[0].votes.len() + 2);
}

#[test]
fn a_note_changed_on_both_sides_is_a_conflict_like_any_other_field() {
    let base = contract_with_board();
    let shared = shared_after_export(&base);
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    board(&mut mine).note_mut(id(201)).unwrap().text = "Un parcours de santé".into();
    board(&mut theirs).note_mut(id(201)).unwrap().text =
        "Un parcours sportif au bord du lac".into();
    // And a note changed there only, and one here only.
    board(&mut theirs).note_mut(id(202)).unwrap().text = "Des séances en salle, le soir".into();
    board(&mut mine).note_mut(id(203)).unwrap().stakeholder = StakeholderKind::Association;

    let plan = plan_merge(&mine, &theirs, &shared);
    let conflict = plan.proposals.iter().find(|p| p.id == id(201)).expect("a proposal");
    assert_eq!((conflict.kind, conflict.status), (ItemKind::WorkshopNote, Status::Conflict));
    assert_eq!(conflict.fields.len(), 1);
    assert_eq!(
        (conflict.fields[0].label.as_str(), conflict.fields[0].changed_by),
        ("Texte", ChangedBy::Both)
    );
    assert!(
        conflict
            .title()
            .starts_with("Idée d’atelier « Un parcours de santé — atelier Sport santé »"),
        "{}",
        conflict.title()
    );
    let changed = plan.proposals.iter().find(|p| p.id == id(202)).expect("a proposal");
    assert_eq!(changed.status, Status::ChangedThere);
    assert_eq!(plan.proposals.len(), 2, "the workshop itself is unchanged: {plan:#?}");
    assert_eq!(plan.pending(&HashMap::new()), [conflict.fields[0].id]);

    let choose = |choice| {
        let decisions = HashMap::from([(conflict.fields[0].id, choice)]);
        apply_merge(&mine, &theirs, &plan, &decisions, "Groupe 2", Id::random, 5).0
    };
    let taken = choose(Choice::TakeTheirs);
    let w = taken.workshop(id(WORKSHOP)).unwrap();
    assert_eq!(w.note(id(201)).unwrap().text, "Un parcours sportif au bord du lac");
    assert_eq!(w.note(id(202)).unwrap().text, "Des séances en salle, le soir");
    assert_eq!(w.note(id(203)).unwrap().stakeholder, StakeholderKind::Association);
    let kept = choose(Choice::KeepMine);
    assert_eq!(
        kept.workshop(id(WORKSHOP)).unwrap().note(id(201)).unwrap().text,
        "Un parcours de santé"
    );
}

#[test]
fn a_note_conflicting_whole_can_be_kept_twice_but_a_vote_never_is() {
    let base = contract_with_board();
    let shared = crate::exchange::merge::tests::shared_without_fields(&base);
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    board(&mut mine).note_mut(id(201)).unwrap().text = "Ici".into();
    board(&mut theirs).note_mut(id(201)).unwrap().text = "Là".into();
    board(&mut mine).give_dots(None, VoteTarget::Group(id(50)), 9, 3).unwrap();
    board(&mut theirs).give_dots(None, VoteTarget::Group(id(50)), 11, 3).unwrap();

    let plan = plan_merge(&mine, &theirs, &shared);
    let note = plan.proposals.iter().find(|p| p.id == id(201)).unwrap();
    assert_eq!(note.choices(), [Choice::KeepMine, Choice::TakeTheirs, Choice::KeepBoth]);
    let vote = plan.proposals.iter().find(|p| p.kind == ItemKind::WorkshopVote).unwrap();
    assert_eq!(
        (vote.status, vote.choices()),
        (Status::Conflict, &[Choice::KeepMine, Choice::TakeTheirs][..])
    );
    let decisions = HashMap::from([(note.id, Choice::KeepBoth), (vote.id, Choice::TakeTheirs)]);
    let (merged, summary) =
        apply_merge(&mine, &theirs, &plan, &decisions, "Groupe 2", Id::random, 5);
    let w = merged.workshop(id(WORKSHOP)).unwrap();
    let twins: Vec<&str> = w
        .notes
        .iter()
        .filter(|n| n.group_id == Some(id(50)))
        .map(|n| n.text.as_str())
        .take(2)
        .collect();
    assert_eq!(twins, ["Ici", "Là (version de Groupe 2)"], "side by side, in the same group");
    assert_eq!(w.dots_for(VoteTarget::Group(id(50))), 11);
    assert_eq!((summary.doubled, summary.replaced), (1, 1));
}

#[test]
fn a_workshop_new_here_arrives_with_its_whole_board_or_not_at_all() {
    let mine = contract();
    let shared = shared_after_export(&mine);
    let theirs = contract_with_board();

    let plan = plan_merge(&mine, &theirs, &shared);
    let workshop = plan.proposals.iter().find(|p| p.kind == ItemKind::Workshop).unwrap();
    assert_eq!((workshop.status, workshop.suggested), (Status::New, Some(Choice::TakeTheirs)));
    let board_items = plan.proposals.iter().filter(|p| p.kind.is_board());
    assert!(board_items.clone().all(|p| p.carried == Some(Carrier::Item(id(WORKSHOP)))));
    assert_eq!(
        board_items.count(),
        theirs.workshops[0].notes.len()
            + theirs.workshops[0].groups.len()
            + theirs.workshops[0].votes.len()
    );
    assert_eq!(plan.undecided(&HashMap::new()).count(), 0);

    let (merged, _) =
        apply_merge(&mine, &theirs, &plan, &HashMap::new(), "Groupe 2", Id::random, 5);
    assert_eq!(merged.workshops, theirs.workshops, "the board as the file has it, in its order");
    let refused = HashMap::from([(workshop.id, Choice::KeepMine)]);
    let (merged, _) = apply_merge(&mine, &theirs, &plan, &refused, "Groupe 2", Id::random, 5);
    assert!(merged.workshops.is_empty(), "no note without its workshop");
}

#[test]
fn a_workshop_taken_from_the_file_keeps_the_board_here() {
    let base = contract_with_board();
    let shared = crate::exchange::merge::tests::shared_without_fields(&base);
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    board(&mut theirs).title = "Sport santé et maladies chroniques".into();
    board(&mut mine).place = "Gymnase".into();
    assert!(board(&mut mine).add_note(id(3000), "Idée d’ici", resident(), 4));

    let plan = plan_merge(&mine, &theirs, &shared);
    let workshop = plan.proposals.iter().find(|p| p.kind == ItemKind::Workshop).unwrap();
    assert_eq!(workshop.status, Status::Conflict, "both changed it, without fields shared");
    let decisions = HashMap::from([(workshop.id, Choice::TakeTheirs)]);
    let (merged, _) = apply_merge(&mine, &theirs, &plan, &decisions, "Groupe 2", Id::random, 5);
    let w = merged.workshop(id(WORKSHOP)).unwrap();
    assert_eq!(w.title, "Sport santé et maladies chroniques");
    assert!(w.note(id(3000)).is_some(), "the note captured here stays");
    assert_eq!(w.notes.len(), mine.workshops[0].notes.len());
}

#[test]
fn a_workshop_received_whole_then_sent_back_asks_nothing() {
    let theirs = contract_with_board();
    let mut workspace = Workspace::default();
    add_received_contract(&mut workspace, theirs.clone());
    let plan = plan_import(&workspace, &theirs).unwrap();
    assert!(plan.is_empty());
}

#[test]
fn a_note_moved_on_both_sides_says_to_which_groups() {
    let base = contract_with_board();
    let shared = shared_after_export(&base);
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    board(&mut mine).move_note(id(299), Some(id(51)), 3);
    board(&mut theirs).move_note(id(299), Some(id(52)), 3);
    let plan = plan_merge(&mine, &theirs, &shared);
    let conflict = plan.proposals.iter().find(|p| p.id == id(299)).expect("a proposal");
    let change = &conflict.fields[0].changes[0];
    assert_eq!(
        (change.field.as_str(), change.mine.as_str(), change.theirs.as_str()),
        ("Groupe", "Se nourrir mieux", "Lien social")
    );
}
