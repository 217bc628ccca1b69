//! The import checks, from the bytes of a file: valid files round-trip, every refusal says
//! where and why in French, and no input makes checking panic.

use super::*;
use crate::model::example::example_contract;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::json;

fn example_envelope() -> Envelope {
    Envelope::new(
        example_contract(),
        "2026-11-23T10:00:00Z".into(),
        "ARS Auvergne-Rhône-Alpes".into(),
    )
}

/// The example has no actions yet: two per sheet (fixed, distinct ids), with dates.
fn rich_envelope() -> Envelope {
    let mut envelope = example_envelope();
    for (n, sheet) in envelope.contract.sheets.iter_mut().enumerate() {
        for k in 0..2u128 {
            let id = crate::model::Id::from_u128(0xac00 + 10 * n as u128 + k);
            let mut action = crate::model::Action::new(id, format!("Action {n}.{k}"), 0);
            action.start = crate::model::YearMonth::new(2025, 3);
            sheet.actions.push(action);
        }
    }
    envelope
}

fn example_value() -> Value {
    serde_json::to_value(rich_envelope()).unwrap()
}

fn check_value(value: &Value) -> Result<Checked, Vec<ImportProblem>> {
    check_file(serde_json::to_string_pretty(value).unwrap().as_bytes())
}

fn only_problem(result: Result<Checked, Vec<ImportProblem>>) -> ImportProblem {
    let problems = result.expect_err("the file should be refused");
    assert_eq!(problems.len(), 1, "{problems:#?}");
    problems.into_iter().next().unwrap()
}

#[test]
fn a_valid_export_round_trips_exactly() {
    let envelope = example_envelope();
    let checked = check_file(envelope.to_pretty_json().as_bytes()).unwrap();
    assert_eq!(checked.migrated_from, None);
    assert_eq!(checked.envelope, envelope);
}

/// An export opened and saved again in a Windows editor gains a byte order mark: the same file.
#[test]
fn an_export_saved_again_with_a_byte_order_mark_is_the_same_file() {
    let envelope = example_envelope();
    let with_mark = format!("\u{FEFF}{}", envelope.to_pretty_json());
    let checked = check_file(with_mark.as_bytes()).unwrap();
    assert_eq!(checked.envelope, envelope);
    // Only at the start: anywhere else it is a character like another, and JSON refuses it.
    let inside = format!("{{\u{FEFF}{}", &envelope.to_pretty_json()[1..]);
    assert!(check_file(inside.as_bytes()).is_err());
}

#[test]
fn refuses_a_file_too_big_before_parsing() {
    let problem = only_problem(check_file(&vec![b' '; MAX_FILE_BYTES + 1]));
    assert_eq!(problem.message, "Le fichier est trop gros (32,0 Mo ; au plus 32 Mo).");
}

#[test]
fn refuses_what_is_not_utf8_text() {
    let problem = only_problem(check_file(&[0x7b, 0xff, 0xfe, 0x7d]));
    assert_eq!(problem.message, "Le fichier n’est pas un fichier texte (UTF-8).");
}

#[test]
fn malformed_json_says_where_in_french() {
    let text = example_envelope().to_pretty_json();
    let cut = &text[..text.len() / 2];
    let problem = only_problem(check_file(cut.as_bytes()));
    assert!(problem.message.starts_with("Le fichier n’est pas du JSON valide : "));
    assert!(problem.message.contains("coupé avant la fin"), "{}", problem.message);
    assert!(problem.location.starts_with("ligne "), "{}", problem.location);

    let problem = only_problem(check_file(b"{\n  \"type\": \"x\",\n  oups\n}"));
    assert_eq!(problem.location, "ligne 3, colonne 3");
    assert!(problem.message.contains("un nom de champ doit être un texte"), "{}", problem.message);

    let problem = only_problem(check_file(b"{} {}"));
    assert!(problem.message.contains("il reste du texte après la fin"), "{}", problem.message);

    let problem = only_problem(check_file(b"[1, ]"));
    assert!(problem.message.contains("virgule en trop"), "{}", problem.message);
}

#[test]
fn refuses_other_json_files() {
    let problem = only_problem(check_file(b"[1, 2, 3]"));
    assert!(problem.message.starts_with("Ce fichier n’est pas un export d’Atelier CLS ("));
    let problem = only_problem(check_file(br#"{"name": "x"}"#));
    assert!(problem.message.contains("aucun type au lieu de « atelier-cls/contrat »"));
    let problem = only_problem(check_file(br#"{"type": "autre/chose"}"#));
    assert_eq!(
        problem.message,
        "Ce fichier n’est pas un export d’Atelier CLS (type « autre/chose » au lieu de « atelier-cls/contrat »)."
    );
}

#[test]
fn schema_version_must_be_a_number() {
    let mut value = example_value();
    value.as_object_mut().unwrap().remove("schema_version");
    let problem = only_problem(check_value(&value));
    assert_eq!(problem.location, "schema_version");
    assert!(problem.message.contains("est absente"));
    value["schema_version"] = json!("1");
    let problem = only_problem(check_value(&value));
    assert!(problem.message.contains("pas le texte « 1 »"), "{}", problem.message);
}

#[test]
fn refuses_a_file_from_a_newer_version() {
    let mut value = example_value();
    value["schema_version"] = json!(SCHEMA_VERSION + 1);
    let problem = only_problem(check_value(&value));
    assert_eq!(
        problem.message,
        MigrationError::FromTheFuture { version: SCHEMA_VERSION + 1 }.message_fr()
    );
    value["schema_version"] = json!(u64::MAX);
    assert!(check_value(&value).is_err());
}

#[test]
fn migrates_an_older_file_or_says_why_not() {
    let mut value = example_value();
    value["schema_version"] = json!(0);
    let result = check_value(&value);
    if crate::model::migration::MIGRATIONS.iter().any(|m| m.from == 0) {
        assert_eq!(result.unwrap().migrated_from, Some(0));
    } else {
        let problem = only_problem(result);
        assert_eq!(problem.message, MigrationError::NoPath { version: 0 }.message_fr());
    }
}

#[test]
fn an_unknown_field_deep_in_an_action_is_located() {
    let mut value = example_value();
    value["contract"]["sheets"][0]["actions"][0]["couleur"] = json!("rouge");
    let problem = only_problem(check_value(&value));
    assert!(
        problem.location.starts_with("contract.sheets[0].actions[0].couleur — ligne "),
        "{}",
        problem.location
    );
    assert!(problem.message.contains("Champ inconnu « couleur »"), "{}", problem.message);
}

#[test]
fn several_unknown_fields_are_all_reported() {
    let mut value = example_value();
    value["contract"]["indicators"][0]["extra"] = json!(1);
    value["contract"]["axes"][0]["extra"] = json!(2);
    value["autre"] = json!(3);
    let problems = check_value(&value).unwrap_err();
    let paths: Vec<&str> =
        problems.iter().map(|p| p.location.split(" — ").next().unwrap()).collect();
    // In the order of the file (the test writes keys in alphabetical order).
    assert_eq!(paths, ["autre", "contract.axes[0].extra", "contract.indicators[0].extra"]);
}

#[test]
fn a_missing_field_names_the_field_and_its_object() {
    let mut value = example_value();
    value["contract"]["sheets"][7]["leads"][0].as_object_mut().unwrap().remove("person");
    let problem = only_problem(check_value(&value));
    assert!(problem.location.starts_with("contract.sheets[7].leads[0] — "), "{}", problem.location);
    assert_eq!(problem.message, "Champ obligatoire manquant « person ».");

    let mut value = example_value();
    value.as_object_mut().unwrap().remove("contract");
    let problem = only_problem(check_value(&value));
    assert_eq!(problem.message, "Champ obligatoire manquant « contract ».");
}

#[test]
fn a_wrong_type_is_located_and_explained() {
    let mut value = example_value();
    value["contract"]["sheets"][0]["actions"][0]["start"] = json!({"year": 2025, "month": "mars"});
    let problem = only_problem(check_value(&value));
    assert!(
        problem.location.starts_with("contract.sheets[0].actions[0].start.month — "),
        "{}",
        problem.location
    );
    assert_eq!(
        problem.message,
        "Valeur du mauvais type : le texte \"mars\" au lieu d’un nombre entier entre 0 et 255."
    );

    let mut value = example_value();
    value["contract"]["period"]["first_year"] = json!(null);
    let problem = only_problem(check_value(&value));
    assert!(problem.location.starts_with("contract.period.first_year"), "{}", problem.location);
    assert!(problem.message.contains("une valeur vide (null) au lieu d’un nombre entier"));

    let mut value = example_value();
    value["contract"]["sheets"][3]["kind"] = json!("fantaisie");
    let problem = only_problem(check_value(&value));
    assert!(problem.location.starts_with("contract.sheets[3].kind"), "{}", problem.location);
    assert!(problem
        .message
        .starts_with("Valeur inconnue « fantaisie » (valeurs possibles : not_stated, thematic"));

    let mut value = example_value();
    value["contract"]["organisations"][1]["id"] = json!("pas-un-uuid");
    let problem = only_problem(check_value(&value));
    assert!(problem.location.starts_with("contract.organisations[1].id"), "{}", problem.location);
    assert!(problem.message.starts_with("Identifiant invalide"), "{}", problem.message);
}

#[test]
fn duplicated_ids_are_reported_with_both_paths() {
    let mut value = example_value();
    let id = value["contract"]["sheets"][0]["id"].clone();
    value["contract"]["sheets"][1]["actions"][0]["id"] = id.clone();
    let problem = only_problem(check_value(&value));
    assert_eq!(problem.location, "contract.sheets[1].actions[0].id");
    assert_eq!(
        problem.message,
        format!(
            "L’identifiant {} apparaît plusieurs fois (contract.sheets[0].id et contract.sheets[1].actions[0].id).",
            id.as_str().unwrap()
        )
    );
}

#[test]
fn a_month_outside_one_to_twelve_is_refused_where_it_is() {
    for month in [0, 13, 255] {
        let mut value = example_value();
        value["contract"]["sheets"][1]["actions"][0]["start"]["month"] = json!(month);
        let problem = only_problem(check_value(&value));
        assert!(problem.location.starts_with("contract.sheets[1].actions[0].start"), "{problem:?}");
        assert_eq!(
            problem.message,
            format!("Le mois {month} n’existe pas (de 1, janvier, à 12, décembre).")
        );
    }
}

/// The example, signed (a frozen copy at signature) with one avenant (its own frozen copy).
fn signed_value() -> Value {
    let mut envelope = rich_envelope();
    let contract = &mut envelope.contract;
    contract.signing.date = Some("2025-03-11".into());
    contract.signing.frozen_copy = Some(crate::model::amendment::frozen(contract));
    let mut amendment = crate::model::Amendment::new(crate::model::Id::from_u128(0xa1), 1, 0);
    amendment.frozen_copy = Some(crate::model::amendment::frozen(contract));
    contract.amendments.push(amendment);
    serde_json::to_value(envelope).unwrap()
}

#[test]
fn a_signed_file_with_its_frozen_copies_is_accepted() {
    assert!(check_value(&signed_value()).is_ok());
}

#[test]
fn impossible_dates_are_refused_even_inside_a_frozen_copy() {
    let mut value = signed_value();
    value["contract"]["amendments"][0]["frozen_copy"]["signing"]["date"] = json!("2025-02-30");
    let problem = only_problem(check_value(&value));
    assert_eq!(problem.location, "contract.amendments[0].frozen_copy.signing.date");
    assert_eq!(
        problem.message,
        "La date « 2025-02-30 » n’existe pas : une date réelle au format aaaa-mm-jj est attendue \
         (par exemple 2025-03-14), ou rien."
    );
    let mut empty = signed_value();
    empty["contract"]["amendments"][0]["date"] = json!("");
    assert!(check_value(&empty).is_ok(), "an empty date is a date not yet chosen");
}

#[test]
fn the_collection_dates_are_checked_like_the_others() {
    let mut value = signed_value();
    let organisation = value["contract"]["organisations"][0]["id"].clone();
    value["contract"]["collections"] = json!([{
        "year": 2025,
        "recipients": [{
            "organisation_id": organisation,
            "choice": "lead",
            "sheet_ids": [],
            "sent_on": "2026-01-15",
            "received_on": "2026-02-30"
        }]
    }]);
    let problem = only_problem(check_value(&value));
    assert_eq!(problem.location, "contract.collections[0].recipients[0].received_on");
    assert!(problem.message.starts_with("La date « 2026-02-30 » n’existe pas"), "{problem:?}");
    value["contract"]["collections"][0]["recipients"][0]["received_on"] = json!(null);
    assert!(check_value(&value).is_ok(), "not answered yet");
}

#[test]
fn a_frozen_copy_of_another_contract_is_refused() {
    let mut value = signed_value();
    let other = "67e55044-10b1-426f-9247-bb680e5fe0c8";
    value["contract"]["signing"]["frozen_copy"]["id"] = json!(other);
    let problem = only_problem(check_value(&value));
    assert_eq!(problem.location, "contract.signing.frozen_copy.id");
    let own = value["contract"]["id"].as_str().unwrap().to_string();
    assert_eq!(
        problem.message,
        format!(
            "Cette copie figée est celle d’un autre contrat (identifiant {other}, alors que le \
             contrat a l’identifiant {own})."
        )
    );
}

#[test]
fn a_frozen_copy_is_checked_for_repeated_ids_like_a_contract() {
    let mut value = signed_value();
    let copy = &mut value["contract"]["amendments"][0]["frozen_copy"];
    let id = copy["sheets"][0]["id"].clone();
    copy["sheets"][1]["id"] = id;
    let problem = only_problem(check_value(&value));
    assert_eq!(problem.location, "contract.amendments[0].frozen_copy.sheets[1].id");
    assert!(problem.message.contains("apparaît plusieurs fois"), "{problem:?}");
}

#[test]
fn frozen_copies_never_nest() {
    let mut value = signed_value();
    let avenant = value["contract"]["amendments"][0].clone();
    let copy = value["contract"]["signing"]["frozen_copy"].clone();
    value["contract"]["amendments"][0]["frozen_copy"]["amendments"] = json!([avenant]);
    value["contract"]["signing"]["frozen_copy"]["signing"]["frozen_copy"] = copy;
    let problems = check_value(&value).unwrap_err();
    let said = |location: &str, message: &str| {
        problems.iter().any(|p| p.location == location && p.message.starts_with(message))
    };
    assert!(
        said(
            "contract.signing.frozen_copy.signing",
            "Une copie figée ne peut pas contenir elle-même"
        ),
        "{problems:#?}"
    );
    assert!(
        said(
            "contract.amendments[0].frozen_copy.amendments",
            "Une copie figée ne peut pas contenir d’avenants"
        ),
        "{problems:#?}"
    );
}

/// Every file the app writes comes back: a contract as large as local storage can hold (its
/// stored text at the limit, its frozen copies on top), exported, is taken by the import.
#[test]
fn an_export_of_the_largest_contract_storage_holds_comes_back() {
    use crate::model::storage_use::LOCAL_STORAGE_LIMIT;
    let big = |sheets: usize| {
        let mut contract = crate::model::planning::generated_contract(sheets, 10);
        crate::model::follow_up::with_follow_up(&mut contract);
        contract
    };
    let size = |c: &crate::model::Contract| crate::model::json::to_text(c).unwrap().len();
    let per_sheet = size(&big(20)) / 20;
    let mut sheets = LOCAL_STORAGE_LIMIT / per_sheet;
    let mut contract = big(sheets);
    while size(&contract) < LOCAL_STORAGE_LIMIT {
        sheets += sheets / 20 + 1;
        contract = big(sheets);
    }
    contract.signing.frozen_copy = Some(crate::model::amendment::frozen(&contract));
    let envelope = Envelope::new(contract, "2026-12-07T08:00:00Z".into(), "ARS".into());
    let file = envelope.to_file_json();
    assert!(file.len() <= MAX_FILE_BYTES, "{} bytes", file.len());
    let back = check_file(file.as_bytes()).map(|checked| checked.envelope);
    assert!(back.is_ok_and(|back| back == envelope), "the export does not come back");
}

#[test]
fn problems_are_capped() {
    let mut value = example_value();
    let id = value["contract"]["id"].clone();
    for sheet in value["contract"]["sheets"].as_array_mut().unwrap() {
        sheet["id"] = id.clone();
        for action in sheet["actions"].as_array_mut().unwrap() {
            action["id"] = id.clone();
        }
    }
    assert_eq!(check_value(&value).unwrap_err().len(), MAX_PROBLEMS);
}

#[test]
fn paths_follow_nesting() {
    let text = r#"{"a": [1, {"b": [ {"c": 1}, {"d": "x"} ]}], "e": {"f": 2}}"#;
    let at = |needle: &str| text.find(needle).unwrap() + needle.len();
    assert_eq!(render_path(&path_at(text, at("\"x\""))), "a[1].b[1].d");
    assert_eq!(render_path(&path_at(text, at("\"c\""))), "a[1].b[0].c");
    assert_eq!(render_path(&path_at(text, at("\"x\"}"))), "a[1].b[1]");
    assert_eq!(render_path(&path_at(text, at("2"))), "e.f");
    assert_eq!(render_path(&path_at(text, at("2}"))), "e");
    assert_eq!(render_path(&path_at(text, at("[1"))), "a[0]");
}

/// One random edit of the text of a file.
#[derive(Debug, Clone)]
enum Edit {
    Delete(prop::sample::Index, usize),
    Insert(prop::sample::Index, String),
    Swap(prop::sample::Index, prop::sample::Index, usize),
    Truncate(prop::sample::Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    let index = any::<prop::sample::Index>();
    prop_oneof![
        3 => (index.clone(), 1usize..40).prop_map(|(at, len)| Edit::Delete(at, len)),
        3 => (index.clone(), "[\\{\\}\\[\\]\":,0-9a-zé\\\\ \n-]{1,6}").prop_map(|(at, s)| Edit::Insert(at, s)),
        2 => (index.clone(), index.clone(), 1usize..30).prop_map(|(a, b, len)| Edit::Swap(a, b, len)),
        1 => index.prop_map(Edit::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    let len = bytes.len();
    if len == 0 {
        return;
    }
    match edit {
        Edit::Delete(at, n) => {
            let start = at.index(len);
            bytes.drain(start..(start + n).min(len));
        }
        Edit::Insert(at, text) => {
            let at = at.index(len + 1);
            bytes.splice(at..at, text.bytes());
        }
        Edit::Swap(a, b, n) => {
            let (a, b) = (a.index(len), b.index(len));
            let (a, b) = (a.min(b), a.max(b));
            let n = (*n).min(b - a).min(len - b);
            let first = bytes[a..a + n].to_vec();
            let second = bytes[b..b + n].to_vec();
            bytes[a..a + n].copy_from_slice(&second);
            bytes[b..b + n].copy_from_slice(&first);
        }
        Edit::Truncate(at) => bytes.truncate(at.index(len)),
    }
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() })
}

#[test]
fn never_panics_on_arbitrary_bytes() {
    let tried = std::cell::Cell::new(0usize);
    let mut runner = runner(3000);
    let result = runner.run(&proptest::collection::vec(any::<u8>(), 0..2000), |bytes| {
        tried.set(tried.get() + 1);
        if let Err(problems) = check_file(&bytes) {
            prop_assert!(!problems.is_empty() && problems.len() <= MAX_PROBLEMS);
        }
        Ok(())
    });
    eprintln!("import fuzz: {} inputs", tried.get());
    result.unwrap();
}

#[test]
fn never_panics_on_mangled_json() {
    let text = rich_envelope().to_pretty_json();
    let tried = std::cell::Cell::new(0usize);
    let oks = std::cell::Cell::new(0usize);
    let mut runner = runner(1000);
    let result = runner.run(&proptest::collection::vec(edit(), 1..4), |edits| {
        tried.set(tried.get() + 1);
        let mut bytes = text.clone().into_bytes();
        for e in &edits {
            apply(&mut bytes, e);
        }
        match check_file(&bytes) {
            Ok(checked) => {
                oks.set(oks.get() + 1);
                let again = check_file(checked.envelope.to_pretty_json().as_bytes());
                prop_assert_eq!(again.map(|c| c.envelope), Ok(checked.envelope));
            }
            Err(problems) => {
                prop_assert!(!problems.is_empty() && problems.len() <= MAX_PROBLEMS);
                for p in &problems {
                    prop_assert!(!p.location.is_empty() && !p.message.is_empty());
                }
            }
        }
        Ok(())
    });
    eprintln!("import mangled: {} inputs, {} accepted", tried.get(), oks.get());
    result.unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn export_then_check_returns_the_same_contract(at in "2[0-9]{3}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z", by in "\\PC{0,30}") {
        let envelope = Envelope::new(example_contract(), at, by);
        let checked = check_file(envelope.to_pretty_json().as_bytes()).unwrap();
        prop_assert_eq!(&checked.envelope.contract, &example_contract());
        prop_assert_eq!(checked.envelope, envelope);
    }
}

#[test]
fn sizes_in_megabytes_read_the_french_way_rounded_to_a_tenth() {
    assert_eq!(super::megabytes(10 * 1024 * 1024), "10,0");
    assert_eq!(super::megabytes(10 * 1024 * 1024 + 512 * 1024), "10,5");
    assert_eq!(super::megabytes(1024 * 1024 - 1), "1,0");
    assert_eq!(super::megabytes(0), "0,0");
}

mod backups {
    use super::*;
    use crate::exchange::backup::{Backup, BACKUP_TYPE};
    use crate::exchange::import::{check_any, CheckedFile};
    use crate::model::{Id, Workspace};

    fn backup_of_two() -> Backup {
        let mut ws = Workspace::default();
        ws.add_contract(example_envelope().contract);
        ws.create_contract(Id::from_u128(7), "CLS du Pays de Mauriac", 5);
        Backup::of(&ws, "2026-12-03T10:00:00.000Z".into())
    }

    fn checked(bytes: &[u8]) -> Result<Backup, Vec<ImportProblem>> {
        match check_any(bytes)? {
            CheckedFile::Backup(checked) => Ok(checked.backup),
            CheckedFile::Contract(_) => panic!("a backup read as a contract"),
        }
    }

    #[test]
    fn a_backup_round_trips_exactly() {
        let backup = backup_of_two();
        assert_eq!(checked(backup.to_pretty_json().as_bytes()), Ok(backup));
    }

    #[test]
    fn a_contract_file_still_reads_as_a_contract() {
        let text = example_envelope().to_pretty_json();
        assert!(matches!(check_any(text.as_bytes()), Ok(CheckedFile::Contract(_))));
    }

    #[test]
    fn check_file_points_a_backup_to_the_exchanges_screen() {
        let problems = check_file(backup_of_two().to_pretty_json().as_bytes()).unwrap_err();
        assert_eq!(problems[0].location, "type");
        assert!(problems[0].message.contains(BACKUP_TYPE), "{}", problems[0].message);
    }

    #[test]
    fn a_faulty_contract_is_located_in_the_list() {
        let mut value = crate::model::json::to_tree(&backup_of_two()).unwrap();
        value["contracts"][1]["sheets"] = Value::from(3);
        value["contracts"][1]["organisations"] = value["contracts"][0]["organisations"].clone();
        let mut first = value["contracts"][0]["organisations"][0].clone();
        first["name"] = Value::from("Autre");
        value["contracts"][0]["organisations"].as_array_mut().unwrap().push(first);
        let problems = checked(value.to_string().as_bytes()).unwrap_err();
        let locations: Vec<&str> = problems.iter().map(|p| p.location.as_str()).collect();
        assert!(locations[0].starts_with("contracts[1].sheets"), "{locations:?}");
        assert!(
            locations.iter().any(|l| l.starts_with("contracts[0].organisations[")),
            "a repeated id within one contract: {locations:?}"
        );
        assert!(
            !locations.iter().any(|l| l.starts_with("contracts[1].organisations")),
            "ids may repeat from one contract to another: {locations:?}"
        );
    }

    #[test]
    fn an_older_backup_is_migrated_and_a_newer_one_refused() {
        let mut value = crate::model::json::to_tree(&backup_of_two()).unwrap();
        value["schema_version"] = Value::from(SCHEMA_VERSION + 1);
        let problems = checked(value.to_string().as_bytes()).unwrap_err();
        assert_eq!(problems[0].location, "schema_version");
    }

    #[test]
    fn never_panics_on_a_mangled_backup() {
        let text = backup_of_two().to_pretty_json();
        let mut runner = runner(300);
        let result = runner.run(&proptest::collection::vec(edit(), 1..4), |edits| {
            let mut bytes = text.clone().into_bytes();
            for e in &edits {
                apply(&mut bytes, e);
            }
            match check_any(&bytes) {
                Ok(CheckedFile::Backup(checked)) => {
                    let again = checked_again(&checked.backup);
                    prop_assert_eq!(again, Ok(checked.backup));
                }
                Ok(CheckedFile::Contract(_)) => {}
                Err(problems) => {
                    prop_assert!(!problems.is_empty() && problems.len() <= MAX_PROBLEMS);
                }
            }
            Ok(())
        });
        result.unwrap();
    }

    fn checked_again(backup: &Backup) -> Result<Backup, Vec<ImportProblem>> {
        checked(backup.to_pretty_json().as_bytes())
    }

    #[test]
    fn an_unknown_field_of_the_backup_is_reported() {
        let mut value = crate::model::json::to_tree(&backup_of_two()).unwrap();
        value["extra"] = Value::from(1);
        let problems = checked(value.to_string().as_bytes()).unwrap_err();
        assert!(problems[0].location.starts_with("extra"), "{problems:?}");
    }
}
