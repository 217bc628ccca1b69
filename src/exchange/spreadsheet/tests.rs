//! Tests of the three tables: headers, one row per item, French cells, per-year columns.

use super::*;
use crate::model::example::example_contract;
use crate::model::indicator::IndicatorValue;
use crate::model::planning::generated_contract;
use crate::model::{
    Action, ActionSheet, Axis, Frequency, FundingKind, FundingLine, Indicator, IndicatorKind,
    IndicatorScale, Lead, Organisation, OrganisationKind, Participation, Priority, ReviewStatus,
    SheetKind, StrategicObjective, YearMonth, YearReview,
};
use proptest::prelude::*;

fn id(n: u128) -> Id {
    Id::from_u128(n)
}

fn review(year: i32, status: ReviewStatus) -> YearReview {
    YearReview::with_status(year, status)
}

/// Reading order: sheet 200 (axis 1, empty), sheet 100 (axis 2, filled in), sheet 300 (no axis);
/// one indicator of the contract's own.
fn contract() -> Contract {
    let mut c = Contract::blank(id(1), "CLS du Pays de Test", 0);
    c.organisations = vec![
        Organisation::new(id(50), "ARS Occitanie", OrganisationKind::Ars, 0),
        Organisation::new(id(51), "Mutualité Française", OrganisationKind::Association, 0),
        Organisation::new(id(52), "CPTS du Sud; \"Nord\"", OrganisationKind::Cpts, 0),
    ];
    c.axes = vec![Axis::new(id(10), "Offre de soins", 0), Axis::new(id(20), "Santé mentale", 0)];
    c.axes[1].objectives = vec![
        StrategicObjective { id: id(21), modified_at: 0, title: "Repérer la souffrance".into() },
        StrategicObjective { id: id(22), modified_at: 0, title: "Prévenir le suicide".into() },
    ];

    let mut suicide = ActionSheet::new(id(100), " Prévention du suicide ", 0);
    suicide.axis_id = Some(id(20));
    suicide.objective_id = Some(id(22));
    suicide.kind = SheetKind::Partner;
    suicide.priority = Priority::High;
    suicide.mental_health = true;
    suicide.lead_mut().organisation_id = Some(id(50));
    suicide.lead_mut().person = "Mme Durand ".into();
    suicide.leads.push(Lead { organisation_id: Some(id(52)), person: "M. Roux".into() });
    suicide.partner_ids = vec![id(51), id(52)];
    suicide.audiences = vec!["Jeunes".into(), "Agriculteurs".into()];
    suicide.coverage.whole_territory = false;
    suicide.coverage.places = vec!["Aurillac".into(), "QPV Marmiers".into()];
    suicide.participation = Participation::CoConstruction;
    suicide.funding = [(2025, 12_000, Some(9_000)), (2025, 1_000, None), (2026, 500, None)]
        .into_iter()
        .map(|(year, euros, spent)| FundingLine {
            id: Id::random(),
            modified_at: 0,
            year,
            funder_id: Some(id(50)),
            kind: FundingKind::Operating,
            planned_euros: Some(euros),
            actual_euros: spent,
            in_kind_days: None,
        })
        .collect();
    suicide.reviews =
        vec![review(2025, ReviewStatus::PartlyDone), review(2024, ReviewStatus::Done)];
    let mut sentinels = Action::new(id(101), "Former des sentinelles\nen deux sessions ", 0);
    sentinels.start = YearMonth::new(2025, 3);
    sentinels.end = YearMonth::new(2026, 6);
    sentinels.reviews = vec![review(2025, ReviewStatus::NotDone)];
    sentinels.reviews[0].comment = " Une session sur deux ".into();
    let mut kickoff = Action::new(id(102), "Lancer le CLSM", 0);
    kickoff.start = YearMonth::new(2024, 11);
    kickoff.milestone = true;
    kickoff.lead_id = Some(id(51));
    kickoff.reviews = vec![YearReview { comment: "Date à fixer".into(), ..YearReview::new(2024) }];
    let mut later = Action::new(id(103), "Bilan", 0);
    later.end = YearMonth::new(2027, 12);
    suicide.actions = vec![sentinels, kickoff, later];
    let mut trained = Indicator::new(id(110), IndicatorKind::Outcome, "Personnes formées", 0);
    trained.definition = "Sentinelles ayant suivi\nles deux sessions".into();
    trained.unit = "personnes".into();
    trained.baseline = "0".into();
    trained.target = "120".into();
    trained.source = "Feuilles d’émargement".into();
    trained.frequency = Frequency::Quarterly;
    trained.collector = "La coordinatrice".into();
    trained.values = vec![
        IndicatorValue { target: "40".into(), result: "35".into(), ..IndicatorValue::new(2025) },
        IndicatorValue { result: "130".into(), ..IndicatorValue::new(2030) },
    ];
    suicide.indicators =
        vec![trained, Indicator::new(id(111), IndicatorKind::Process, "Sessions", 0)];

    let mut care = ActionSheet::new(id(200), "", 0);
    care.axis_id = Some(id(10));
    care.no_funding_needed = true;
    care.actions = vec![Action::new(id(201), "Sans dates", 0)];

    let coordination = ActionSheet::new(id(300), "Coordination", 0);
    c.sheets = vec![suicide, care, coordination];
    let mut informed = Indicator::new(id(400), IndicatorKind::Outcome, "Habitants informés", 0);
    informed.scale = IndicatorScale::AtLeast;
    informed.edit_value(2024, |v| v.target = "30 %".into());
    c.indicators = vec![informed];
    c
}

/// The header of a table for a contract of 2024-2028 with nothing outside the period.
fn full_header(first: &[&str], per_year: &[&str]) -> String {
    let years = (2024..=2028).flat_map(|y| per_year.iter().map(move |c| format!("{c} {y}")));
    let columns: Vec<String> = first.iter().map(|c| c.to_string()).chain(years).collect();
    format!("\u{FEFF}{}\r\n", columns.join(";"))
}

/// Every row's four date columns from `from` on: « Début », « Fin », and the signed version's.
fn date_columns(csv: &str, from: usize) -> Vec<Vec<String>> {
    let (header, rows) = parse(csv);
    let columns = from..from + 4;
    let names = ["Début", "Fin", "Début (version signée)", "Fin (version signée)"];
    assert_eq!(&header[columns.clone()], names);
    rows.iter().map(|r| r[columns.clone()].to_vec()).collect()
}

fn parse(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
    let header = reader.headers().expect("a header").iter().map(String::from).collect();
    let rows =
        reader.records().map(|r| r.expect("a record").iter().map(String::from).collect()).collect();
    (header, rows)
}

#[test]
fn every_file_starts_with_the_bom_and_its_french_header() {
    let c = Contract::blank(id(1), "Vide", 0);
    let reviews = ["Statut", "Commentaire", "Pourquoi ?", "Suite prévue"];
    assert_eq!(sheets_csv(&c), full_header(&SHEETS_HEADER, &["Prévu", "Dépensé"]));
    assert_eq!(actions_csv(&c), full_header(&ACTIONS_HEADER, &reviews));
    assert_eq!(indicators_csv(&c), full_header(&INDICATORS_HEADER, &["Cible", "Résultat"]));
    let sheets = full_header(&SHEETS_HEADER, &["Prévu", "Dépensé"]);
    assert!(sheets_csv(&contract()).starts_with(&sheets));
    let actions = full_header(&ACTIONS_HEADER, &reviews);
    assert!(actions_csv(&contract()).starts_with(&actions));
}

#[test]
fn sheets_are_numbered_in_reading_order() {
    let (_, rows) = parse(&sheets_csv(&contract()));
    let firsts: Vec<[&str; 3]> = rows.iter().map(|r| [r[0].as_str(), &r[1], &r[2]]).collect();
    assert_eq!(
        firsts,
        [
            ["1", "", "Axe 1 – Offre de soins"],
            ["2", "Prévention du suicide", "Axe 2 – Santé mentale"],
            ["3", "Coordination", ""],
        ]
    );
}

#[test]
fn a_sheet_row_says_what_a_coordinator_asks_about() {
    let (header, rows) = parse(&sheets_csv(&contract()));
    let row: Vec<(&str, &str)> =
        header.iter().map(String::as_str).zip(rows[1].iter().map(String::as_str)).collect();
    let (row, years) = row.split_at(SHEETS_HEADER.len());
    assert_eq!(
        row,
        [
            ("N° fiche", "2"),
            ("Fiche action", "Prévention du suicide"),
            ("Axe", "Axe 2 – Santé mentale"),
            ("Objectif stratégique", "2.2 – Prévenir le suicide"),
            ("Type", "Fiche partenaire"),
            ("Priorité", "Haute"),
            ("Volet santé mentale", "Oui"),
            ("Pilote", "ARS Occitanie"),
            ("Personne pilote", "Mme Durand"),
            ("Copilotes", "CPTS du Sud; \"Nord\" (M. Roux)"),
            ("Partenaires", "Mutualité Française, CPTS du Sud; \"Nord\""),
            ("Publics cibles", "Jeunes, Agriculteurs"),
            ("Territoire concerné", "Aurillac, QPV Marmiers"),
            ("Participation des habitants", "Co-construction"),
            ("Budget prévu (€)", "13500"),
            ("Montants à préciser", "0"),
            ("Début", "11/2024"),
            ("Fin", "12/2027"),
            ("Début (version signée)", ""),
            ("Fin (version signée)", ""),
            ("Nombre d’actions", "3"),
            ("Nombre d’indicateurs", "2"),
            ("Dernier bilan", "Partiellement réalisé"),
            ("Année du dernier bilan", "2025"),
        ]
    );
    assert_eq!(
        years,
        [
            ("Prévu 2024", ""),
            ("Dépensé 2024", ""),
            ("Prévu 2025", "13000"),
            ("Dépensé 2025", "9000"),
            ("Prévu 2026", "500"),
            ("Dépensé 2026", ""),
            ("Prévu 2027", ""),
            ("Dépensé 2027", ""),
            ("Prévu 2028", ""),
            ("Dépensé 2028", ""),
        ],
        "nothing spent is not zero spent, a year with no line is not zero planned"
    );
}

#[test]
fn an_amount_to_specify_is_counted_never_written_as_zero() {
    let mut c = contract();
    let lines = &mut c.sheets[0].funding;
    lines[1].planned_euros = None;
    lines[2].planned_euros = None;
    let (header, rows) = parse(&sheets_csv(&c));
    let cell = |name: &str| {
        let column = header.iter().position(|h| h == name).expect(name);
        rows[1][column].as_str()
    };
    assert_eq!(cell("Budget prévu (€)"), "12000");
    assert_eq!(cell("Montants à préciser"), "2");
    assert_eq!(cell("Prévu 2025"), "12000", "the amount known, beside its count of unknown");
    assert_eq!(cell("Prévu 2026"), "", "the year's only amount is unknown: not 0");
    c.sheets[0].funding.retain(|line| line.planned_euros.is_none());
    let (_, rows) = parse(&sheets_csv(&c));
    assert_eq!(rows[1][14..16], ["", "2"], "no amount known: an empty total");
}

#[test]
fn empty_sheets_leave_cells_empty_but_say_when_no_money_is_needed() {
    let (_, rows) = parse(&sheets_csv(&contract()));
    let care = &rows[0];
    // A new fiche states nothing it was not told: « Non renseigné », never a default.
    assert_eq!(&care[3..11], ["", "Non renseigné", "Non renseigné", "Non", "", "", "", ""]);
    assert_eq!(care[12], WHOLE_TERRITORY);
    assert_eq!(care[13], "Non renseigné");
    assert_eq!(&care[14..24], ["0", "", "", "", "", "", "1", "0", "", ""]);
    assert_eq!(&care[24..26], ["0", ""], "no money needed: nothing planned");
    assert_eq!(rows[2][14], "", "a budget not filled in is not a zero budget");
    assert!(rows[2][24..].iter().all(String::is_empty));
}

#[test]
fn actions_rows_carry_their_sheet_lead_months_and_own_review() {
    let (_, rows) = parse(&actions_csv(&contract()));
    let firsts: Vec<&[String]> = rows.iter().map(|r| &r[..ACTIONS_HEADER.len()]).collect();
    assert_eq!(
        firsts,
        [
            ["1", "", "Axe 1 – Offre de soins", "Sans dates", "", "", "", "", "", "Non", "", ""],
            [
                "2",
                "Prévention du suicide",
                "Axe 2 – Santé mentale",
                "Former des sentinelles\nen deux sessions",
                "ARS Occitanie, CPTS du Sud; \"Nord\"",
                "03/2025",
                "06/2026",
                "",
                "",
                "Non",
                "Non réalisé",
                "2025",
            ],
            [
                "2",
                "Prévention du suicide",
                "Axe 2 – Santé mentale",
                "Lancer le CLSM",
                "Mutualité Française",
                "11/2024",
                "",
                "",
                "",
                "Oui",
                "Non renseigné",
                "2024"
            ],
            [
                "2",
                "Prévention du suicide",
                "Axe 2 – Santé mentale",
                "Bilan",
                "ARS Occitanie, CPTS du Sud; \"Nord\"",
                "",
                "12/2027",
                "",
                "",
                "Non",
                "",
                ""
            ],
        ]
    );
}

/// Once signed, each fiche and action has its signed dates beside today's; what is new since
/// the signature has empty cells.
#[test]
fn signed_dates_follow_today_s_once_signed() {
    let mut c = contract();
    c.signing.frozen_copy = Some(crate::model::amendment::frozen(&c));
    c.sheets[0].actions[0].end = YearMonth::new(2026, 9);
    c.sheets[0].actions.push(Action::new(id(104), "Nouvelle", 0));
    let mut added = ActionSheet::new(id(400), "Nouvelle fiche", 0);
    added.actions = vec![Action::new(id(401), "Datée", 0)];
    added.actions[0].start = YearMonth::new(2027, 1);
    c.sheets.push(added);
    assert_eq!(
        date_columns(&actions_csv(&c), 5),
        [
            ["", "", "", ""],
            ["03/2025", "09/2026", "03/2025", "06/2026"],
            ["11/2024", "", "11/2024", ""],
            ["", "12/2027", "", "12/2027"],
            ["", "", "", ""],
            ["01/2027", "", "", ""],
        ]
    );
    assert_eq!(
        date_columns(&sheets_csv(&c), 16),
        [
            ["", "", "", ""],
            ["11/2024", "12/2027", "11/2024", "12/2027"],
            ["", "", "", ""],
            ["01/2027", "01/2027", "", ""],
        ]
    );
}

#[test]
fn actions_have_a_status_comment_reason_and_next_step_per_year_never_a_default() {
    let mut c = contract();
    let review = &mut c.sheets[0].actions[0].reviews[0];
    review.reason = " Formatrice absente ".into();
    review.next_steps = "Seconde session en mars".into();
    let (header, rows) = parse(&actions_csv(&c));
    let years = ACTIONS_HEADER.len();
    assert_eq!(
        &header[years..years + 8],
        [
            "Statut 2024",
            "Commentaire 2024",
            "Pourquoi ? 2024",
            "Suite prévue 2024",
            "Statut 2025",
            "Commentaire 2025",
            "Pourquoi ? 2025",
            "Suite prévue 2025"
        ]
    );
    assert_eq!(header.len(), years + 20);
    let sentinels = &rows[1][years..years + 8];
    assert_eq!(
        sentinels,
        [
            "",
            "",
            "",
            "",
            "Non réalisé",
            "Une session sur deux",
            "Formatrice absente",
            "Seconde session en mars"
        ]
    );
    assert!(rows[1][years + 8..].iter().all(String::is_empty));
    let kickoff = &rows[2][years..];
    assert_eq!(&kickoff[..2], ["", "Date à fixer"], "a review without status says none");
    assert!(rows[0][years..].iter().chain(&rows[3][years..]).all(String::is_empty));
}

#[test]
fn a_review_outside_the_period_still_has_its_columns() {
    let mut c = contract();
    c.sheets[0].actions[0].reviews.push(YearReview::with_status(2031, ReviewStatus::Abandoned));
    let (header, rows) = parse(&actions_csv(&c));
    assert_eq!(
        header[header.len() - 4..],
        ["Statut 2031", "Commentaire 2031", "Pourquoi ? 2031", "Suite prévue 2031"]
    );
    assert_eq!(rows[1][header.len() - 4..], ["Abandonné", "", "", ""]);
}

#[test]
fn indicators_come_with_the_contracts_own_first_and_a_target_and_result_per_year() {
    let (header, rows) = parse(&indicators_csv(&contract()));
    assert_eq!(&header[..13], INDICATORS_HEADER);
    let years: Vec<String> = [2024, 2025, 2026, 2027, 2028, 2030]
        .iter()
        .flat_map(|y| [format!("Cible {y}"), format!("Résultat {y}")])
        .collect();
    assert_eq!(&header[13..], years);
    assert_eq!(rows.len(), 3);
    assert_eq!(
        &rows[0][..6],
        ["", CONTRACT_INDICATORS, "", "Indicateur de résultat", "Habitants informés", ""]
    );
    assert_eq!(rows[0][9], "Chiffré : atteindre au moins la cible");
    assert_eq!(&rows[0][13..15], ["30 %", ""]);
    assert_eq!(
        rows[1],
        [
            "2",
            "Prévention du suicide",
            "Axe 2 – Santé mentale",
            "Indicateur de résultat",
            "Personnes formées",
            "Sentinelles ayant suivi\nles deux sessions",
            "personnes",
            "0",
            "120",
            "Qualitatif (texte libre)",
            "Feuilles d’émargement",
            "Trimestrielle",
            "La coordinatrice",
            "",
            "",
            "40",
            "35",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "130",
        ]
    );
    assert_eq!(&rows[2][3..5], ["Indicateur de processus", "Sessions"]);
    assert_eq!(rows[2][11], "Non renseigné", "a frequency nobody chose");
}

#[test]
fn semicolons_quotes_and_line_breaks_are_quoted() {
    let mut c = contract();
    c.sheets[2].title = "Coordination; \"animation\"\r\ndu CLS".into();
    let text = sheets_csv(&c);
    assert!(text.contains("\r\n3;\"Coordination; \"\"animation\"\"\r\ndu CLS\";;"));
    assert!(text.contains(";\"Mutualité Française, CPTS du Sud; \"\"Nord\"\"\";"));
    let (_, rows) = parse(&text);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2][1], "Coordination; \"animation\"\r\ndu CLS");
}

#[test]
fn the_example_contract_reads_back_with_one_row_per_item() {
    let example = example_contract();
    let generated = generated_contract(12, 5);
    for c in [&example, &generated] {
        let actions: usize = c.sheets.iter().map(|s| s.actions.len()).sum();
        let indicators: usize =
            c.indicators.len() + c.sheets.iter().map(|s| s.indicators.len()).sum::<usize>();
        // Five years, two columns each (four for the actions' reviews).
        let (header, rows) = parse(&sheets_csv(c));
        assert_eq!((header.len(), rows.len()), (SHEETS_HEADER.len() + 10, c.sheets.len()));
        let (header, rows) = parse(&actions_csv(c));
        assert_eq!((header.len(), rows.len()), (ACTIONS_HEADER.len() + 20, actions));
        let (header, rows) = parse(&indicators_csv(c));
        assert_eq!((header.len(), rows.len()), (INDICATORS_HEADER.len() + 10, indicators));
    }
    assert_eq!(generated.sheets.iter().map(|s| s.actions.len()).sum::<usize>(), 60);
    let (_, rows) = parse(&indicators_csv(&example));
    assert_eq!(rows.len(), 10, "the example's ten indicators are the contract's own");
    assert!(rows.iter().all(|r| r[1] == CONTRACT_INDICATORS && r[0].is_empty()));
    let (_, rows) = parse(&sheets_csv(&example));
    let titles: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(titles[0], "Attractivité du territoire");
    assert_eq!(titles[7], "Animation du contrat local de santé");
    let numbers: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7", "8"]);
}

proptest! {
    #[test]
    fn any_title_survives_a_write_read_round_trip_as_text(title in any::<String>(), action in any::<String>(), name in any::<String>()) {
        let mut c = contract();
        c.sheets[0].title = title.clone();
        c.sheets[0].actions[0].description = action.clone();
        c.sheets[0].indicators[0].name = name.clone();
        let shown = |text: &str| {
            let text = text.trim();
            if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_string() }
        };
        let (title, action, name) = (shown(&title), shown(&action), shown(&name));
        let (_, sheets) = parse(&sheets_csv(&c));
        prop_assert_eq!(sheets.len(), 3);
        prop_assert_eq!(&sheets[1][1], &title);
        let (_, actions) = parse(&actions_csv(&c));
        prop_assert_eq!(actions.len(), 4);
        prop_assert_eq!(&actions[1][1], &title);
        prop_assert_eq!(&actions[1][3], &action);
        let (_, indicators) = parse(&indicators_csv(&c));
        prop_assert_eq!(indicators.len(), 3);
        prop_assert_eq!(&indicators[1][4], &name);
    }
}
