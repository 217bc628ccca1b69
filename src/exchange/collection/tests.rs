//! The round trip of one answer, on cells: the workbook made for a lead, changed as a lead
//! would, read back, previewed against the contract and applied.

use super::*;
use crate::exchange::merge::Choice;
use crate::model::collection::fixture::{contract, org};
use crate::model::collection::{Reference, Target};
use crate::model::review::review_of;
use crate::model::{Contract, Id, ReviewStatus};
use proptest::prelude::*;
use std::collections::HashMap;

const FILE: &str = "cls-aurillac-suivi-2025-ars.xlsx";

fn book(contract: &Contract) -> Workbook {
    lead_workbook(contract, 2025, org(1), FILE)
}

fn sheet<'a>(book: &'a mut Workbook, name: &str) -> &'a mut SheetCells {
    book.sheets.iter_mut().find(|s| s.name == name).expect("sheet")
}

/// Types `value` in the column headed `header` of the row whose reference is `target`'s.
fn type_in(book: &mut Workbook, part: Part, target: Target, header: &str, value: &str) {
    let reference = Reference::new(2025, target).to_string();
    let sheet = sheet(book, part.name());
    let column = sheet.rows[0].iter().position(|h| h == header).expect("column");
    let row = sheet.rows.iter_mut().find(|r| r.contains(&reference)).expect("row");
    row[column] = value.to_string();
}

fn action(n: u128) -> Target {
    Target::Action(Id::from_u128(n))
}

fn read(book: &Workbook, contract: &Contract) -> Answers {
    read_answers(book, contract, 2025).expect("read")
}

fn kinds(preview: &LeadPreview) -> Vec<(String, ChangeKind, String, String)> {
    let changes = preview.changes.iter();
    changes
        .map(|c| {
            (c.field.label().to_string(), c.kind, c.change.mine.clone(), c.change.theirs.clone())
        })
        .collect()
}

fn lines(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

/// What a lead typically does: statuses in their own words, accented comments, a result, an
/// amount with a decimal comma.
fn filled_in(contract: &Contract) -> Workbook {
    let mut book = book(contract);
    let fiche = Target::Sheet(Id::from_u128(10));
    type_in(&mut book, Part::Reviews, fiche, "Statut", "partiellement");
    type_in(&mut book, Part::Reviews, action(11), "Statut", "realisee");
    type_in(
        &mut book,
        Part::Reviews,
        action(11),
        "Ce qui a été fait",
        "Deux sessions à Aurillac, élus formés",
    );
    type_in(&mut book, Part::Reviews, action(11), "Suite prévue", "Une session à Mauriac");
    type_in(&mut book, Part::Indicators, Target::Indicator(Id::from_u128(13)), "Résultat", "14");
    type_in(
        &mut book,
        Part::Funding,
        Target::Funding(Id::from_u128(14)),
        "Dépensé (€)",
        "1 250,50 €",
    );
    book
}

#[test]
fn the_workbook_made_for_a_lead_has_its_rows_and_reads_back_as_no_answer() {
    let c = contract();
    let book = book(&c);
    let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Mode d’emploi", "Actions", "Indicateurs", "Dépenses"]);
    let actions = &book.sheets[1];
    assert_eq!(actions.rows.len(), 3, "header, the fiche, its action without a lead");
    assert_eq!(actions.rows[2][4], "Former les élus");
    assert_eq!(actions.rows[2][5], "En cours", "last year's status, read-only");
    assert_eq!(book.sheets[3].rows[1][4], "5000", "planned, plain digits");
    let answers = read(&book, &c);
    assert_eq!(answers.lead, Some(org(1)));
    assert!(answers.rows.is_empty() && answers.problems.is_empty() && answers.unmatched.is_empty());
    assert!(preview_answer(&c, &answers).is_empty());
}

#[test]
fn a_lead_fills_in_statuses_comments_results_and_amounts() {
    let mut c = contract();
    let answers = read(&filled_in(&c), &c);
    let preview = preview_answer(&c, &answers);
    assert_eq!(
        kinds(&preview),
        [
            ("Statut".into(), ChangeKind::Fill, "—".into(), "Partiellement réalisé".into()),
            ("Statut".into(), ChangeKind::Fill, "—".into(), "Réalisé".into()),
            (
                "Ce qui a été fait".into(),
                ChangeKind::Fill,
                "—".into(),
                "Deux sessions à Aurillac, élus formés".into()
            ),
            ("Suite prévue".into(), ChangeKind::Fill, "—".into(), "Une session à Mauriac".into()),
            ("Résultat".into(), ChangeKind::Fill, "—".into(), "14".into()),
            ("Dépensé (€)".into(), ChangeKind::Fill, "—".into(), "1\u{202f}251\u{a0}€".into()),
        ]
    );
    assert_eq!(
        preview.changes[1].change.field,
        "Fiche action n°1 – Santé mentale › Action 1 – Former les élus › Statut"
    );
    assert_eq!(preview.changes[1].place, "Actions, H3");
    assert_eq!(
        lines(&preview.problems),
        [format!("{FILE} — Dépenses, F2\u{a0}: 1\u{202f}250,50\u{a0}€ arrondi à 1\u{202f}251\u{a0}€ : les montants se comptent en euros entiers.")]
    );
    let applied = apply_answer(&mut c, &preview, org(1), &HashMap::new(), "2026-02-03", 77);
    assert_eq!(applied.describe(), "6 valeurs complétées");
    let sheet = c.sheet(Id::from_u128(10)).unwrap();
    assert_eq!(
        review_of(&sheet.reviews, 2025).and_then(|r| r.status),
        Some(ReviewStatus::PartlyDone)
    );
    let review = review_of(&sheet.actions[0].reviews, 2025).unwrap();
    assert_eq!(review.status, Some(ReviewStatus::Done));
    assert_eq!(review.comment, "Deux sessions à Aurillac, élus formés");
    assert_eq!(sheet.indicators[0].value_of(2025).unwrap().result, "14");
    assert_eq!(sheet.indicators[0].value_of(2025).unwrap().target, "12", "the target is kept");
    assert_eq!(sheet.funding[0].actual_euros, Some(1_251));
    assert_eq!(c.modified_at, 77);
    let line = &crate::model::collection::recipients(&c, 2025)[0];
    assert_eq!(line.received_on.as_deref(), Some("2026-02-03"));
    assert_eq!((line.rows_answered, line.rows_asked), (4, 4));
    // The same answer again changes nothing.
    let again = preview_answer(&c, &read(&filled_in(&contract()), &c));
    assert!(again.is_empty(), "{:?}", kinds(&again));
}

#[test]
fn columns_in_another_order_below_a_title_line_read_the_same() {
    let c = contract();
    let expected = kinds(&preview_answer(&c, &read(&filled_in(&c), &c)));
    let mut book = filled_in(&c);
    for sheet in book.sheets.iter_mut().skip(1) {
        for row in &mut sheet.rows {
            row.reverse();
        }
        sheet.rows.insert(0, vec!["Bilan 2025, à renvoyer avant le 15 mars".into()]);
    }
    assert_eq!(kinds(&preview_answer(&c, &read(&book, &c))), expected);
}

#[test]
fn without_the_reference_column_rows_are_found_by_number_and_title_and_it_is_said() {
    let c = contract();
    let expected = kinds(&preview_answer(&c, &read(&filled_in(&c), &c)));
    let mut book = filled_in(&c);
    for sheet in book.sheets.iter_mut().skip(1) {
        for row in &mut sheet.rows {
            row.remove(0);
        }
        let last = sheet.rows.len() - 1;
        sheet.rows.swap(1, last);
    }
    let answers = read(&book, &c);
    assert_eq!(kinds(&preview_answer(&c, &answers)), expected);
    let said = lines(&answers.problems);
    assert!(
        said.iter().any(|l| l.starts_with(&format!(
            "{FILE} — feuille « Actions »\u{a0}: la colonne « Référence » a été supprimée"
        ))),
        "{said:?}"
    );
}

#[test]
fn what_the_coordinator_typed_since_the_sheet_was_made_conflicts_and_is_kept_unless_chosen() {
    let mut c = contract();
    crate::model::review::edit_review(&mut c.sheets[0].actions[0].reviews, 2025, |r| {
        r.comment = "Une session".into();
    });
    let book = filled_in(&c);
    // Since the sheet was made: the coordinator sets a status and rewrites the comment.
    crate::model::review::edit_review(&mut c.sheets[0].actions[0].reviews, 2025, |r| {
        r.status = Some(ReviewStatus::InProgress);
        r.comment = "Une session, la seconde en mars".into();
    });
    let mut answered = book.clone();
    type_in(&mut answered, Part::Reviews, action(11), "Pourquoi ?", "");
    let preview = preview_answer(&c, &read(&answered, &c));
    let of_action: Vec<_> = kinds(&preview)
        .into_iter()
        .filter(|(f, ..)| f != "Résultat" && f != "Dépensé (€)")
        .skip(1)
        .collect();
    assert_eq!(
        of_action,
        [
            ("Statut".into(), ChangeKind::Conflict, "En cours".into(), "Réalisé".into()),
            (
                "Ce qui a été fait".into(),
                ChangeKind::Conflict,
                "Une session, la seconde en mars".into(),
                "Deux sessions à Aurillac, élus formés".into()
            ),
            ("Suite prévue".into(), ChangeKind::Fill, "—".into(), "Une session à Mauriac".into()),
        ]
    );
    let status = preview.changes.iter().find(|ch| ch.kind == ChangeKind::Conflict).unwrap();
    let decisions = HashMap::from([(status.id, Choice::TakeTheirs)]);
    let applied = apply_answer(&mut c, &preview, org(1), &decisions, "2026-02-03", 1);
    assert_eq!((applied.taken, applied.kept), (1, 1));
    assert_eq!(
        applied.describe(),
        "4 valeurs complétées, 1 valeur modifiée, 1 conflit : valeur d’ici gardée"
    );
    let review = review_of(&c.sheets[0].actions[0].reviews, 2025).unwrap();
    assert_eq!(review.status, Some(ReviewStatus::Done), "taken from the answer");
    assert_eq!(review.comment, "Une session, la seconde en mars", "kept as here");
}

#[test]
fn a_value_sent_and_left_as_it_was_is_no_answer_and_a_changed_one_is_taken() {
    let mut c = contract();
    crate::model::review::edit_review(&mut c.sheets[0].actions[0].reviews, 2025, |r| {
        r.status = Some(ReviewStatus::InProgress);
        r.reason = "Salle indisponible".into();
    });
    let mut book = book(&c);
    type_in(&mut book, Part::Reviews, action(11), "Statut", "Réalisé");
    // The coordinator changes the reason meanwhile; the lead left it as sent.
    crate::model::review::edit_review(&mut c.sheets[0].actions[0].reviews, 2025, |r| {
        r.reason = "Salle trouvée en mai".into();
    });
    let preview = preview_answer(&c, &read(&book, &c));
    assert_eq!(
        kinds(&preview),
        [("Statut".into(), ChangeKind::Change, "En cours".into(), "Réalisé".into())]
    );
    assert_eq!(preview.unchanged, 1, "the reason, left as sent");
}

#[test]
fn without_the_fingerprints_an_answer_that_differs_from_a_value_here_is_a_conflict() {
    let mut c = contract();
    crate::model::review::edit_review(&mut c.sheets[0].actions[0].reviews, 2025, |r| {
        r.comment = "Une session".into();
    });
    let mut book = book(&c);
    type_in(&mut book, Part::Reviews, action(11), "Ce qui a été fait", "Deux sessions");
    type_in(&mut book, Part::Reviews, action(11), "Suite prévue", "Mauriac");
    for row in &mut sheet(&mut book, "Actions").rows {
        row.pop();
    }
    let preview = preview_answer(&c, &read(&book, &c));
    assert_eq!(
        kinds(&preview),
        [
            (
                "Ce qui a été fait".into(),
                ChangeKind::Conflict,
                "Une session".into(),
                "Deux sessions".into()
            ),
            ("Suite prévue".into(), ChangeKind::Fill, "—".into(), "Mauriac".into()),
        ]
    );
}

#[test]
fn every_problem_is_one_line_naming_the_file_the_sheet_and_the_cell() {
    let c = contract();
    let mut book = book(&c);
    type_in(&mut book, Part::Reviews, action(11), "Statut", "Réalisér");
    type_in(
        &mut book,
        Part::Funding,
        Target::Funding(Id::from_u128(14)),
        "Dépensé (€)",
        "environ mille",
    );
    let guide = sheet(&mut book, GUIDE);
    let date = guide.rows.len() - 1;
    guide.rows[date][1] = "31/02/2026".into();
    let answers = read(&book, &c);
    let said = lines(&answers.problems);
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(
        said[0].starts_with(&format!(
            "{FILE} — Mode d’emploi, B12\u{a0}: « 31/02/2026 » n’est pas une date"
        )),
        "{said:?}"
    );
    assert!(said[1].starts_with(&format!("{FILE} — Actions, H3\u{a0}: « Réalisér » n’est pas un statut connu : voulez-vous dire « Réalisé » ?")), "{said:?}");
    assert!(
        said[2].starts_with(&format!(
            "{FILE} — Dépenses, F2\u{a0}: « environ mille » n’est pas un montant"
        )),
        "{said:?}"
    );
    assert!(answers.rows.is_empty(), "nothing unreadable is taken");
    assert!(said.iter().all(|l| !l.contains('\n')));
}

#[test]
fn a_sheet_of_the_lead_own_is_said_not_to_be_read() {
    let c = contract();
    let mut book = filled_in(&c);
    book.sheets.push(SheetCells::new("Mes notes", vec![vec!["Statut : fait".into()]]));
    book.sheets.push(SheetCells::new("Feuil3", vec![vec![String::new()]]));
    let answers = read(&book, &c);
    let said = lines(&answers.problems);
    let extra = format!("{FILE} — feuille « Mes notes »\u{a0}: cette feuille n’est pas lue");
    assert_eq!(said.iter().filter(|l| l.starts_with(&extra)).count(), 1, "{said:?}");
    assert!(
        said.iter().all(|l| !l.contains("Feuil3") && !l.contains("Mode d’emploi »")),
        "{said:?}"
    );
    assert_eq!(preview_answer(&c, &answers).changes.len(), 6, "the rest is read");
}

#[test]
fn the_answer_date_is_read_day_first() {
    let c = contract();
    let mut book = book(&c);
    let guide = sheet(&mut book, GUIDE);
    let date = guide.rows.len() - 1;
    guide.rows[date][1] = "03/04/2026".into();
    assert_eq!(read(&book, &c).answered_on.as_deref(), Some("2026-04-03"));
}

#[test]
fn rows_that_match_nothing_are_listed_and_nothing_else_of_them_is_taken() {
    let mut c = contract();
    let mut book = filled_in(&c);
    c.sheets[0].actions.remove(0);
    let actions = sheet(&mut book, "Actions");
    let mut stray = vec![String::new(); actions.rows[0].len()];
    stray[1] = "7".into();
    stray[4] = "Action ajoutée par le pilote".into();
    stray[7] = "Réalisé".into();
    actions.rows.push(stray);
    let answers = read(&book, &c);
    let unmatched = lines(&answers.unmatched);
    assert_eq!(unmatched.len(), 2, "{unmatched:?}");
    assert!(unmatched[0].starts_with(&format!(
        "{FILE} — Actions, A3\u{a0}: cette ligne ne correspond plus à rien"
    )));
    assert!(unmatched[1].starts_with(&format!(
        "{FILE} — Actions, A4\u{a0}: cette ligne ne correspond à aucune ligne du contrat"
    )));
    let preview = preview_answer(&c, &answers);
    assert!(preview.changes.iter().all(|ch| ch.target != action(11)));
    assert_eq!(preview.unmatched, answers.unmatched);
}

#[test]
fn a_file_of_another_year_another_contract_or_no_answer_at_all_is_refused() {
    let c = contract();
    let mut last_year = lead_workbook(&c, 2024, org(1), "suivi-2024.xlsx");
    let refusal = read_answers(&last_year, &c, 2025).unwrap_err();
    assert!(lines(&refusal)[0].starts_with("suivi-2024.xlsx — Mode d’emploi, B3\u{a0}: ce fichier est celui de la collecte 2024, pas de 2025"), "{refusal:?}");
    // Another contract: the same shape, none of its ids known here.
    let mut other = contract();
    other.id = Id::from_u128(999);
    for (n, o) in other.organisations.iter_mut().enumerate() {
        o.id = Id::from_u128(5000 + n as u128);
    }
    other.sheets[0].leads[0].organisation_id = Some(Id::from_u128(5000));
    other.sheets[0].actions[0].id = Id::from_u128(6000);
    other.sheets[0].id = Id::from_u128(6001);
    other.sheets[0].indicators[0].id = Id::from_u128(6002);
    other.sheets[0].funding[0].id = Id::from_u128(6003);
    let foreign = lead_workbook(&other, 2025, Id::from_u128(5000), "autre.xlsx");
    let refusal = read_answers(&foreign, &c, 2025).unwrap_err();
    assert!(lines(&refusal)[0].contains("il vient sans doute d’un autre contrat"), "{refusal:?}");
    let mut anonymous = foreign.clone();
    anonymous.sheets.remove(0);
    let refusal = read_answers(&anonymous, &c, 2025).unwrap_err();
    assert!(
        lines(&refusal)[0].contains("aucune de ses références ne correspond à ce contrat"),
        "{refusal:?}"
    );
    last_year.sheets.retain(|s| s.name == GUIDE);
    let refusal = read_answers(&last_year, &c, 2024).unwrap_err();
    assert!(lines(&refusal)[0].starts_with("suivi-2024.xlsx\u{a0}: aucune feuille « Actions », « Indicateurs » ou « Dépenses » n’y a été reconnue"));
}

#[test]
fn a_file_without_its_lead_reference_is_read_and_the_coordinator_says_whose() {
    let mut c = contract();
    let mut book = filled_in(&c);
    book.sheets.remove(0);
    let answers = read(&book, &c);
    assert_eq!(answers.lead, None);
    let preview = preview_answer(&c, &answers);
    assert_eq!(preview.changes.len(), 6);
    apply_answer(&mut c, &preview, org(2), &HashMap::new(), "2026-02-04", 1);
    let co_lead = &crate::model::collection::recipients(&c, 2025)[1];
    assert_eq!(co_lead.received_on.as_deref(), Some("2026-02-04"));
}

proptest! {
    /// Whatever a lead types in the cells to fill, reading never panics, every problem names a
    /// cell of an answer column, and a status or amount is taken only when it reads.
    #[test]
    fn whatever_is_typed_reading_never_panics_and_says_where(
        status in "\\PC{0,20}",
        spent in "[0-9 ,.€a-z\u{a0}\u{202f}-]{0,14}",
        comment in "\\PC{0,30}",
    ) {
        let c = contract();
        let mut book = book(&c);
        type_in(&mut book, Part::Reviews, action(11), "Statut", &status);
        type_in(&mut book, Part::Reviews, action(11), "Ce qui a été fait", &comment);
        type_in(&mut book, Part::Funding, Target::Funding(Id::from_u128(14)), "Dépensé (€)", &spent);
        let answers = read(&book, &c);
        for problem in &answers.problems {
            prop_assert!(matches!(problem.cell.as_deref(), Some("H3") | Some("F2")), "{}", problem);
        }
        let taken_status = answers.rows.iter().flat_map(|r| &r.cells).any(|cell| cell.field == Field::Status);
        prop_assert_eq!(taken_status, matches!(read_status(&status), StatusReading::Status(_)));
        let taken_spent = answers.rows.iter().flat_map(|r| &r.cells).any(|cell| cell.field == Field::Spent);
        prop_assert_eq!(taken_spent, matches!(read_spent(&spent), Ok(Some(_))));
        let _ = preview_answer(&c, &answers);
    }
}

/// The text in Windows-1252, as Excel saves « CSV (séparateur : point-virgule) » in France.
fn windows_1252(text: &str) -> Vec<u8> {
    let chars = text.chars().filter(|c| *c != '\u{FEFF}');
    chars
        .map(|c| match c {
            '€' => 0x80,
            '’' => 0x92,
            'œ' => 0x9C,
            c => u8::try_from(u32::from(c)).expect("a Latin-1 character"),
        })
        .collect()
}

#[test]
fn a_sheet_saved_as_csv_in_windows_1252_reads_as_the_workbook_did() {
    let c = contract();
    let book = filled_in(&c);
    let of_actions = |preview: &LeadPreview| {
        let reviews = preview
            .changes
            .iter()
            .filter(|ch| matches!(ch.target, Target::Sheet(_) | Target::Action(_)));
        reviews.map(|ch| (ch.field, ch.kind, ch.change.theirs.clone())).collect::<Vec<_>>()
    };
    let expected = of_actions(&preview_answer(&c, &read(&book, &c)));
    assert_eq!(expected.len(), 4);
    let actions = &book.sheets[1];
    let text = crate::model::french_csv::write(&actions.rows[0], actions.rows[1..].iter());
    for bytes in [text.clone().into_bytes(), windows_1252(&text)] {
        let csv = csv_workbook("reponse-ars.csv", &bytes).expect("decoded");
        let answers = read(&csv, &c);
        assert_eq!(
            answers.lead, None,
            "a CSV has no « Mode d’emploi »: the coordinator says whose"
        );
        assert_eq!(of_actions(&preview_answer(&c, &answers)), expected);
    }
}

/// On the demonstration (co-leads, actions with their own leads, two years followed up): every
/// lead's workbook of 2025, filled in as it was made, read back untouched, says nothing and
/// changes nothing; every row of « Suivi » is asked of someone, or listed as without recipient.
#[test]
fn every_workbook_of_the_demonstration_reads_back_as_no_answer() {
    let c = crate::model::example::demonstration();
    let lines = crate::model::collection::recipients(&c, 2025);
    assert!(lines.len() >= 5, "the demonstration has leads: {}", lines.len());
    let mut asked = std::collections::HashSet::new();
    for line in &lines {
        let book = lead_workbook(&c, 2025, line.organisation_id, "demo.xlsx");
        let answers = read_answers(&book, &c, 2025).expect("read");
        assert_eq!(answers.lead, Some(line.organisation_id));
        assert!(
            answers.problems.is_empty() && answers.unmatched.is_empty(),
            "{:?}",
            answers.problems
        );
        let preview = preview_answer(&c, &answers);
        assert!(preview.is_empty(), "{:?}", kinds(&preview));
        assert_eq!(preview.unchanged, answers.rows.iter().map(|r| r.cells.len()).sum::<usize>());
        let rows = crate::model::collection::rows_for(&c, 2025, line.organisation_id);
        asked.extend(rows.reviews.iter().map(|r| r.owner));
    }
    let unassigned = crate::model::collection::unassigned_rows(&c, 2025);
    let all = crate::model::follow_up::row_facts(&c, 2025);
    assert_eq!(asked.len() + unassigned.len(), all.len());
}

/// A 100-fiche contract: twenty leads' workbooks made and read back well within a second each,
/// natively (the browser's figures are for `make bench`).
#[test]
fn twenty_workbooks_of_a_hundred_fiche_contract_are_quick() {
    let c = crate::model::planning::generated_contract(100, 5);
    let leads: Vec<Id> =
        crate::model::collection::lead_organisations(&c).into_iter().take(20).collect();
    let started = std::time::Instant::now();
    let books: Vec<Workbook> =
        leads.iter().map(|l| lead_workbook(&c, 2025, *l, "x.xlsx")).collect();
    for book in &books {
        let answers = read_answers(book, &c, 2025).expect("read");
        assert!(preview_answer(&c, &answers).is_empty());
    }
    let rows: usize =
        books.iter().map(|b| b.sheets.iter().map(|s| s.rows.len()).sum::<usize>()).sum();
    assert!(rows > 100, "{rows}");
    assert!(started.elapsed().as_secs() < 20, "{:?} for {} leads", started.elapsed(), leads.len());
}

/// Every word the collection writes itself uses the typographic apostrophe, as the screens do.
#[test]
fn what_the_collection_writes_uses_typographic_apostrophes() {
    use crate::model::typography::assert_typographic;
    let c = contract();
    let mut texts: Vec<String> = Vec::new();
    for part in Part::ALL {
        texts.push(part.name().into());
        texts.extend(part.columns().iter().map(|col| col.header().to_string()));
    }
    for sheet in &book(&c).sheets[..1] {
        texts.extend(sheet.rows.iter().flatten().cloned());
    }
    let mut spoiled = book(&c);
    type_in(&mut spoiled, Part::Reviews, action(11), "Statut", "Réalisér");
    type_in(&mut spoiled, Part::Funding, Target::Funding(Id::from_u128(14)), "Dépensé (€)", "1,5");
    let actions = sheet(&mut spoiled, "Actions");
    actions.rows[2][0] = format!("action:2025:{}", Id::from_u128(777));
    for row in &mut actions.rows {
        row.remove(0);
    }
    let answers = read(&spoiled, &c);
    texts.extend(answers.problems.iter().chain(&answers.unmatched).map(ToString::to_string));
    let refused = read_answers(&lead_workbook(&c, 2024, org(1), "a.xlsx"), &c, 2025).unwrap_err();
    texts.extend(refused.iter().map(ToString::to_string));
    texts.extend(
        [ChangeKind::Fill, ChangeKind::Change, ChangeKind::Conflict].map(|k| k.label().to_string()),
    );
    let applied = Applied { filled: 1, changed: 2, kept: 2, taken: 0 };
    texts.push(applied.describe());
    texts.push(lead_mail(&c, 2025, org(1), "f.xlsx", "").body);
    texts.extend(
        crate::model::collection::RecipientChoice::ALL.iter().map(|r| r.label().to_string()),
    );
    assert!(texts.len() > 40, "{}", texts.len());
    for text in texts {
        assert_typographic("collecte", &text);
    }
}
