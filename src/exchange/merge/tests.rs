//! The merge's own tests: what is taken, kept, doubled or asked, item by item.

use super::*;
use crate::model::example::example_contract;
use crate::model::{ActionSheet, Contract, Priority, SharedVersions, Workspace};

/// Who changed each field of `proposal`, each field named by `name` (its label or its key).
fn changed_by(proposal: &Proposal, name: fn(&FieldMerge) -> &String) -> Vec<(&str, ChangedBy)> {
    proposal.fields.iter().map(|f| (name(f).as_str(), f.changed_by)).collect()
}

fn status_of(plan: &MergePlan, id: Id) -> Option<Status> {
    plan.proposals.iter().find(|p| p.id == id).map(|p| p.status)
}

#[test]
fn a_change_made_there_only_is_taken_a_change_made_here_only_is_kept() {
    let base = example_contract();
    let shared = shared_after_export(&base);
    let (a, b) = (base.sheets[0].id, base.sheets[1].id);
    let mut mine = base.clone();
    mine.sheet_mut(a).unwrap().title = "Changée ici".into();
    let mut theirs = base.clone();
    theirs.sheet_mut(b).unwrap().priority = Priority::Low;

    let plan = plan_merge(&mine, &theirs, &shared);
    assert_eq!(status_of(&plan, a), None);
    assert_eq!(status_of(&plan, b), Some(Status::ChangedThere));
    assert_eq!(plan.newer_here, 1);
    let (merged, summary) =
        apply_merge(&mine, &theirs, &plan, &HashMap::new(), "CPAM", Id::random, 5);
    assert_eq!(merged.sheet(a).unwrap().title, "Changée ici");
    assert_eq!(merged.sheet(b).unwrap().priority, Priority::Low);
    assert_eq!(summary, MergeSummary { replaced: 1, ..Default::default() });
}

/// What versions before field fingerprints recorded: each item's fingerprint alone.
pub(super) fn shared_without_fields(contract: &Contract) -> SharedVersions {
    let mut shared = SharedVersions::default();
    for item in crate::versions::items::items_of(contract) {
        shared.record(item.id, item.fingerprint);
    }
    shared
}

/// Without the fingerprints of its fields (shared before they were kept), an item changed on
/// both sides is one conflict, settled whole.
#[test]
fn a_change_on_both_sides_is_a_conflict_the_user_settles() {
    let base = example_contract();
    let shared = shared_without_fields(&base);
    let a = base.sheets[0].id;
    let mut mine = base.clone();
    mine.sheet_mut(a).unwrap().title = "Titre d’ici".into();
    let mut theirs = base.clone();
    theirs.sheet_mut(a).unwrap().title = "Titre du partenaire".into();

    let plan = plan_merge(&mine, &theirs, &shared);
    let conflict = plan.proposals.iter().find(|p| p.id == a).unwrap();
    assert_eq!((conflict.status, conflict.suggested), (Status::Conflict, None));
    assert_eq!(conflict.changes[0].field, "Intitulé");
    assert_eq!(
        (conflict.changes[0].mine.as_str(), conflict.changes[0].theirs.as_str()),
        ("Titre d’ici", "Titre du partenaire")
    );
    assert_eq!(plan.undecided(&HashMap::new()).count(), 1);

    let both = HashMap::from([(a, Choice::KeepBoth)]);
    let (merged, _) = apply_merge(&mine, &theirs, &plan, &both, "CPAM du Cantal", Id::random, 5);
    let titles: Vec<&str> = merged.sheets.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(&titles[..2], ["Titre d’ici", "Titre du partenaire (version de CPAM du Cantal)"]);
    assert_ne!(merged.sheets[1].id, a);
    assert_eq!(merged.sheets[1].axis_id, merged.sheets[0].axis_id);

    let theirs_wins = HashMap::from([(a, Choice::TakeTheirs)]);
    let (merged, _) = apply_merge(&mine, &theirs, &plan, &theirs_wins, "CPAM", Id::random, 5);
    assert_eq!(merged.sheet(a).unwrap().title, "Titre du partenaire");
    assert_eq!(merged.sheets.len(), base.sheets.len());
}

#[test]
fn without_a_common_history_every_difference_is_a_conflict() {
    let base = example_contract();
    let mut theirs = base.clone();
    theirs.name = "Autre nom".into();
    let plan = plan_merge(&base, &theirs, &SharedVersions::default());
    assert_eq!(plan.proposals.len(), 1);
    assert_eq!(
        (plan.proposals[0].kind, plan.proposals[0].status),
        (ItemKind::Identity, Status::Conflict)
    );
}

#[test]
fn new_items_are_added_in_their_place_and_deleted_ones_stay_deleted() {
    let base = example_contract();
    let shared = shared_after_export(&base);
    let mut theirs = base.clone();
    let new_sheet = ActionSheet::new(Id::from_u128(999), "Nouvelle fiche", 0);
    theirs.sheets.insert(1, new_sheet);
    let mut mine = base.clone();
    let deleted = mine.sheets.remove(2);

    let plan = plan_merge(&mine, &theirs, &shared);
    assert_eq!(status_of(&plan, Id::from_u128(999)), Some(Status::New));
    let new = plan.proposals.iter().find(|p| p.id == Id::from_u128(999)).unwrap();
    let shown: Vec<(&str, &str)> =
        new.changes.iter().map(|c| (c.field.as_str(), c.theirs.as_str())).collect();
    assert!(shown.contains(&("Intitulé", "Nouvelle fiche")), "{shown:?}");
    assert!(shown.iter().all(|(_, value)| *value != "—"));
    let deleted_here = plan.proposals.iter().find(|p| p.id == deleted.id).unwrap();
    assert_eq!(
        (deleted_here.status, deleted_here.suggested),
        (Status::DeletedHere, Some(Choice::KeepMine))
    );
    let (merged, summary) = apply_merge(&mine, &theirs, &plan, &HashMap::new(), "x", Id::random, 5);
    assert_eq!(merged.sheets[1].title, "Nouvelle fiche");
    assert!(merged.sheet(deleted.id).is_none());
    assert_eq!((summary.added, summary.kept), (1, 1));
}

#[test]
fn what_was_taken_is_shared_so_the_same_file_twice_asks_nothing() {
    let base = example_contract();
    let mut ws = workspace_after_export(base.clone(), &base);
    let mut theirs = base.clone();
    theirs.sheets[0].title = "Du partenaire".into();
    let plan = plan_merge(ws.active().unwrap(), &theirs, &ws.shared_versions[&base.id]);
    merge_into_workspace(&mut ws, &theirs, &plan, &HashMap::new(), "x", 5);
    let again = plan_merge(ws.active().unwrap(), &theirs, &ws.shared_versions[&base.id]);
    assert!(again.is_empty(), "{again:?}");
}

#[test]
fn a_file_reusing_an_id_of_another_item_never_makes_two_items_share_it() {
    let base = example_contract();
    let organisation = base.organisations[0].id;
    let mut theirs = base.clone();
    theirs.sheets.push(ActionSheet::new(organisation, "Fiche au faux identifiant", 0));
    let plan = plan_merge(&base, &theirs, &shared_after_export(&base));
    let (merged, summary) = apply_merge(&base, &theirs, &plan, &HashMap::new(), "x", Id::random, 5);
    assert_eq!(summary.added, 1);
    let added = merged.sheets.last().unwrap();
    assert_eq!(added.title, "Fiche au faux identifiant");
    assert_ne!(added.id, organisation);
}

#[test]
fn the_summary_reads_in_french() {
    let summary =
        MergeSummary { added: 2, replaced: 1, merged: 0, doubled: 0, kept: 1, renumbered: 0 };
    assert_eq!(
        summary.describe(),
        "2 éléments ajoutés, 1 élément remplacé par la version du fichier, 1 version gardée ici"
    );
    let merged = MergeSummary { merged: 1, ..Default::default() };
    assert_eq!(merged.describe(), "1 élément fusionné champ par champ");
    assert_eq!(MergeSummary::default().describe(), "aucun changement");
}

/// Issue 13's parts merge like the rest: a governance body and a signature block are items of
/// their own, the contract's texts and previous bilan part of its identity.
#[test]
fn bodies_signature_blocks_and_texts_from_a_partner_are_taken() {
    let base = example_contract();
    let shared = shared_after_export(&base);
    let mine = base.clone();
    let mut theirs = base.clone();
    let clsm =
        crate::model::GovernanceBody::new(Id::random(), crate::model::Body::MentalHealthCouncil, 9);
    theirs.governance.bodies.push(clsm.clone());
    let prefecture = theirs.organisations[2].id;
    theirs.organisations[2].signatory.as_mut().unwrap().signer = "Jeanne MARTIN".into();
    theirs.texts.preamble.push_str("\nAjout du partenaire.");

    let plan = plan_merge(&mine, &theirs, &shared);
    assert_eq!(status_of(&plan, clsm.id), Some(Status::New));
    let signer = plan.proposals.iter().find(|p| p.id == prefecture).unwrap();
    assert_eq!(signer.status, Status::ChangedThere);
    assert_eq!(signer.changes[0].field, "Signataire › Nom du signataire");
    assert_eq!(status_of(&plan, base.id), Some(Status::ChangedThere));
    let (merged, _) = apply_merge(&mine, &theirs, &plan, &HashMap::new(), "CPAM", Id::random, 5);
    assert!(merged.governance.bodies.iter().any(|b| b.id == clsm.id));
    assert_eq!(merged.organisations[2].signatory.as_ref().unwrap().signer, "Jeanne MARTIN");
    assert!(merged.texts.preamble.ends_with("Ajout du partenaire."));
}

/// The case: the partner rewrote a fiche's « Constats » and « Moyens humains », I
/// rewrote its « Moyens humains ». « Constats » is taken without asking, « Moyens humains » is
/// the only question, with both values; the fiche is never doubled.
fn both_edit_one_fiche() -> (Contract, Contract, Contract, SharedVersions) {
    let base = example_contract();
    let shared = shared_after_export(&base);
    let a = base.sheets[0].id;
    let mut mine = base.clone();
    mine.sheet_mut(a).unwrap().human_means = "Une coordinatrice à mi-temps".into();
    mine.sheet_mut(a).unwrap().priority = Priority::High;
    let mut theirs = base.clone();
    theirs.sheet_mut(a).unwrap().local_findings = "Constat de la CPAM".into();
    theirs.sheet_mut(a).unwrap().human_means = "Deux animateurs".into();
    (base, mine, theirs, shared)
}

#[test]
fn only_a_field_changed_on_both_sides_is_a_conflict() {
    let (base, mine, theirs, shared) = both_edit_one_fiche();
    let a = base.sheets[0].id;
    let plan = plan_merge(&mine, &theirs, &shared);
    assert_eq!(plan.proposals.len(), 1, "{plan:?}");
    let fiche = &plan.proposals[0];
    assert_eq!((fiche.id, fiche.status), (a, Status::Conflict));
    assert!(fiche.choices().is_empty(), "no choice for the whole fiche, nor « Garder les deux »");
    assert_eq!(
        changed_by(fiche, |f| &f.label),
        [
            ("Priorité", ChangedBy::Here),
            ("Constats locaux", ChangedBy::There),
            ("Moyens humains", ChangedBy::Both),
        ]
    );
    let means = &fiche.fields[2];
    assert_eq!(means.changes.len(), 1);
    assert_eq!(
        (means.changes[0].mine.as_str(), means.changes[0].theirs.as_str()),
        ("Une coordinatrice à mi-temps", "Deux animateurs")
    );
    assert_eq!(plan.pending(&HashMap::new()), [means.id]);
    assert_eq!(plan.undecided(&HashMap::new()).count(), 1);

    // Keeping mine: the partner's « Constats » arrive, my « Moyens humains » and priority stay.
    let keep = HashMap::from([(means.id, Choice::KeepMine)]);
    assert!(plan.pending(&keep).is_empty());
    let (merged, summary) = apply_merge(&mine, &theirs, &plan, &keep, "CPAM", Id::random, 5);
    let sheet = merged.sheet(a).unwrap();
    assert_eq!(sheet.local_findings, "Constat de la CPAM");
    assert_eq!(sheet.human_means, "Une coordinatrice à mi-temps");
    assert_eq!(sheet.priority, Priority::High);
    assert_eq!(merged.sheets.len(), base.sheets.len());
    assert_eq!(summary, MergeSummary { merged: 1, ..Default::default() });

    // Taking theirs for that field only.
    let take = HashMap::from([(means.id, Choice::TakeTheirs)]);
    let (merged, _) = apply_merge(&mine, &theirs, &plan, &take, "CPAM", Id::random, 5);
    let sheet = merged.sheet(a).unwrap();
    assert_eq!(
        (sheet.local_findings.as_str(), sheet.human_means.as_str(), sheet.priority),
        ("Constat de la CPAM", "Deux animateurs", Priority::High)
    );
    // A choice for the whole item is no choice here: the field still waits.
    let whole = HashMap::from([(a, Choice::KeepBoth)]);
    assert_eq!(plan.pending(&whole), [means.id]);
}

/// After the merge, what was merged is shared: the same file again asks nothing, and a later
/// change of the partner to another field is theirs alone, while the « Moyens humains » kept
/// here stay newer here.
#[test]
fn after_a_field_merge_the_same_file_asks_nothing() {
    let (base, mine, theirs, _) = both_edit_one_fiche();
    let mut ws = workspace_after_export(mine, &base);
    let plan = plan_import(&ws, &theirs).unwrap();
    let means = plan.proposals[0].fields[2].id;
    let keep = HashMap::from([(means, Choice::KeepMine)]);
    merge_into_workspace(&mut ws, &theirs, &plan, &keep, "CPAM", 5);
    assert!(plan_import(&ws, &theirs).unwrap().is_empty());

    let mut later = theirs.clone();
    later.sheets[0].title = "Titre revu par la CPAM".into();
    let plan = plan_import(&ws, &later).unwrap();
    assert_eq!(plan.proposals.len(), 1);
    let fiche = &plan.proposals[0];
    assert_eq!(fiche.status, Status::ChangedThere);
    assert_eq!(
        changed_by(fiche, |f| &f.key),
        [
            ("title", ChangedBy::There),
            ("priority", ChangedBy::Here),
            ("human_means", ChangedBy::Here)
        ]
    );
    merge_into_workspace(&mut ws, &later, &plan, &HashMap::new(), "CPAM", 6);
    let sheet = &ws.contracts[0].sheets[0];
    assert_eq!(
        (sheet.title.as_str(), sheet.human_means.as_str()),
        ("Titre revu par la CPAM", "Une coordinatrice à mi-temps")
    );
}

/// A field whose value in the file is one shared earlier, while ours was shared since (sent to
/// another partner after a change), is newer here: never a reason to take the older value.
#[test]
fn an_older_shared_value_in_the_file_does_not_undo_a_later_one() {
    let base = example_contract();
    let a = base.sheets[0].id;
    let mut ws = Workspace::default();
    record_export(&mut ws, &base);
    let mut mine = base.clone();
    mine.sheet_mut(a).unwrap().human_means = "Envoyé au second partenaire".into();
    record_export(&mut ws, &mine);
    let mut theirs = base.clone();
    theirs.sheet_mut(a).unwrap().title = "Titre du premier partenaire".into();
    let plan = plan_merge(&mine, &theirs, &ws.shared_versions[&base.id]);
    let fields: Vec<(&str, ChangedBy)> =
        plan.proposals[0].fields.iter().map(|f| (f.key.as_str(), f.changed_by)).collect();
    assert_eq!(fields, [("title", ChangedBy::There), ("human_means", ChangedBy::Here)]);
    let (merged, summary) = apply_merge(&mine, &theirs, &plan, &HashMap::new(), "x", Id::random, 5);
    let sheet = merged.sheet(a).unwrap();
    assert_eq!(
        (sheet.title.as_str(), sheet.human_means.as_str()),
        ("Titre du premier partenaire", "Envoyé au second partenaire")
    );
    assert_eq!(summary.merged, 1);
}

/// The contract's identity and a year's review merge field by field too.
#[test]
fn the_identity_and_a_review_merge_field_by_field() {
    let mut base = example_contract();
    let a = base.sheets[0].id;
    base.sheets[0]
        .reviews
        .push(crate::model::YearReview::with_status(2025, crate::model::ReviewStatus::ALL[1]));
    let shared = shared_after_export(&base);
    let mut mine = base.clone();
    mine.name = "Nom d’ici".into();
    mine.sheets[0].reviews[0].comment = "Fait ici".into();
    let mut theirs = base.clone();
    theirs.texts.preamble = "Préambule du partenaire".into();
    theirs.sheets[0].reviews[0].next_steps = "Suite du partenaire".into();

    let plan = plan_merge(&mine, &theirs, &shared);
    assert!(plan.pending(&HashMap::new()).is_empty(), "{plan:?}");
    let (merged, _) = apply_merge(&mine, &theirs, &plan, &HashMap::new(), "x", Id::random, 5);
    assert_eq!(merged.name, "Nom d’ici");
    assert_eq!(merged.texts.preamble, "Préambule du partenaire");
    let review = &merged.sheet(a).unwrap().reviews[0];
    assert_eq!(
        (review.comment.as_str(), review.next_steps.as_str()),
        ("Fait ici", "Suite du partenaire")
    );
}

/// What the fingerprints of fields cost in the stored workspace, on the demonstration contract
/// (47 fiches, two years of follow-up) after one export: printed (`cargo test -- --nocapture`)
/// and bounded, so that a change that multiplies it is seen.
#[test]
fn field_fingerprints_cost_a_bounded_share_of_storage() {
    let bytes = include_bytes!("../../../examples/cls-demonstration-2024-2028.json");
    let contract = crate::exchange::demonstration::demonstration_contract(bytes).unwrap();
    let contract_size = serde_json::to_string(&contract).unwrap().len();
    let with_fields = shared_after_export(&contract);
    let without = shared_without_fields(&contract);
    let size = |shared: &SharedVersions| serde_json::to_string(shared).unwrap().len();
    println!(
        "contract {contract_size} bytes; shared versions: {} bytes with field fingerprints, {} without",
        size(&with_fields),
        size(&without)
    );
    assert!(size(&with_fields) < contract_size, "{} ≥ {contract_size}", size(&with_fields));
}

/// The collection's record (« Collecte ») travels with the contract: a partner's dates and
/// recipients come in as a field of the contract's identity, in French, and are taken.
#[test]
fn the_collection_record_travels_with_the_contract() {
    let base = example_contract();
    let shared = shared_after_export(&base);
    let mut theirs = base.clone();
    let organisation = theirs.organisations[0].id;
    let recipient = theirs
        .collection_mut(2025)
        .recipient_mut(organisation, crate::model::collection::RecipientChoice::Lead);
    recipient.sent_on = Some("2026-01-15".into());
    let plan = plan_merge(&base, &theirs, &shared);
    let proposal = plan.proposals.iter().find(|p| p.kind == ItemKind::Identity).expect("proposed");
    assert_eq!(proposal.status, Status::ChangedThere);
    assert!(
        proposal
            .changes
            .iter()
            .any(|c| c.field.starts_with("Collectes") && c.theirs.contains("15 janvier 2026")),
        "{:?}",
        proposal.changes
    );
    let (merged, _) = apply_merge(&base, &theirs, &plan, &HashMap::new(), "CPAM", Id::random, 5);
    assert_eq!(merged.collections, theirs.collections);
}
