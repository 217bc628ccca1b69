//! The contract as tables for people who work in a spreadsheet rather than in the app (the
//! ARS, a funder, a COPIL member preparing the yearly review): the fiches action, their actions
//! and their indicators, as three CSV files that French spreadsheets open right
//! (`model::french_csv`).
//!
//! Choices worth knowing:
//! - one row per item, sheets in reading order (axis order, then sheet order) and their
//!   actions and indicators in the sheet's order; sheet numbers are those of the app;
//! - the three files start with the same three columns (fiche number, title, axis), so a
//!   spreadsheet can sort, filter or put them side by side without a lookup;
//! - a missing value is an empty cell (never "—" nor "Sans titre"), so that filters show
//!   "(vides)"; free text is written trimmed, line breaks kept;
//! - enum values are written with their French `label()`, as the screens show them.

use crate::model::french_csv::{self, euros, list, month, yes_no};
use crate::model::funding::planned_total;
use crate::model::numbering::Numbering;
use crate::model::review::{latest_review, status_label};
use crate::model::{ActionSheet, Contract, Id, YearMonth, YearReview};
use std::collections::BTreeSet;

/// The columns of the fiches action file.
pub const SHEETS_HEADER: [&str; 20] = [
    "N° fiche",
    "Fiche action",
    "Axe",
    "Objectif stratégique",
    "Type",
    "Priorité",
    "Volet santé mentale",
    "Pilote",
    "Personne pilote",
    "Partenaires",
    "Publics cibles",
    "Territoire concerné",
    "Participation des habitants",
    "Budget prévu (€)",
    "Début",
    "Fin",
    "Nombre d’actions",
    "Nombre d’indicateurs",
    "Dernier bilan",
    "Année du dernier bilan",
];

/// The columns of the actions file.
pub const ACTIONS_HEADER: [&str; 10] = [
    "N° fiche",
    "Fiche action",
    "Axe",
    "Action",
    "Pilote",
    "Début",
    "Fin",
    "Jalon",
    "Dernier bilan",
    "Année du dernier bilan",
];

/// The first columns of the indicators file; "Valeur 2024", "Valeur 2025"... follow, one per
/// year of the contract (and per other year an indicator has a value for).
pub const INDICATORS_HEADER: [&str; 12] = [
    "N° fiche",
    "Fiche action",
    "Axe",
    "Type d’indicateur",
    "Indicateur",
    "Définition",
    "Unité",
    "Valeur de départ",
    "Valeur cible",
    "Source des données",
    "Fréquence de recueil",
    "Personne chargée du recueil",
];

/// What the coverage cell says when the sheet covers the whole contract.
pub const WHOLE_TERRITORY: &str = "Tout le territoire du contrat";

/// One row per fiche action: where it sits in the contract, who carries it, for whom and where,
/// its planned budget, its calendar (first and last month of its actions), how many actions and
/// indicators it has, and its latest yearly review.
pub fn sheets_csv(contract: &Contract) -> String {
    let numbers = Numbering::of(contract);
    let rows = contract.sheets_in_axis_order().into_iter().map(|sheet| {
        let (first, last) = calendar(sheet);
        let review = latest_review(&sheet.reviews);
        let mut row = Vec::from(sheet_columns(contract, &numbers, sheet));
        row.extend([
            strategic_objective(contract, &numbers, sheet),
            sheet.kind.label().to_string(),
            sheet.priority.label().to_string(),
            yes_no(sheet.mental_health).to_string(),
            organisation(contract, sheet.lead.organisation_id),
            sheet.lead.person.trim().to_string(),
            list(sheet.partner_ids.iter().map(|id| contract.organisation_name(*id))),
            list(sheet.audiences.iter().map(|a| a.trim())),
            coverage(sheet),
            sheet.participation.label().to_string(),
            budget(sheet),
            month(first),
            month(last),
            sheet.actions.len().to_string(),
            sheet.indicators.len().to_string(),
        ]);
        row.extend(review_columns(review));
        row
    });
    french_csv::write(&SHEETS_HEADER, rows)
}

/// One row per action of every sheet: its description in full, its lead (the action's own,
/// else the sheet's, as the planning shows it), its months, whether it is a milestone, and its
/// own latest review (the sheet's is in the fiches file).
pub fn actions_csv(contract: &Contract) -> String {
    let numbers = Numbering::of(contract);
    let mut rows = Vec::new();
    for sheet in contract.sheets_in_axis_order() {
        let columns = sheet_columns(contract, &numbers, sheet);
        for action in &sheet.actions {
            let mut row = Vec::from(columns.clone());
            row.extend([
                action.description.trim().to_string(),
                organisation(contract, action.lead_id.or(sheet.lead.organisation_id)),
                month(action.start),
                month(action.end),
                yes_no(action.milestone).to_string(),
            ]);
            row.extend(review_columns(latest_review(&action.reviews)));
            rows.push(row);
        }
    }
    french_csv::write(&ACTIONS_HEADER, rows)
}

/// One row per indicator of every sheet: every field of the evaluation step, then the measured
/// value of each year, one column per year so the yearly review can be filled in the file.
pub fn indicators_csv(contract: &Contract) -> String {
    let numbers = Numbering::of(contract);
    let years = value_years(contract);
    let mut header: Vec<String> = INDICATORS_HEADER.iter().map(|h| h.to_string()).collect();
    header.extend(years.iter().map(|year| format!("Valeur {year}")));
    let mut rows = Vec::new();
    for sheet in contract.sheets_in_axis_order() {
        let columns = sheet_columns(contract, &numbers, sheet);
        for indicator in &sheet.indicators {
            let mut row = Vec::from(columns.clone());
            row.extend([
                indicator.kind.label().to_string(),
                indicator.name.trim().to_string(),
                indicator.definition.trim().to_string(),
                indicator.unit.trim().to_string(),
                indicator.baseline.trim().to_string(),
                indicator.target.trim().to_string(),
                indicator.source.trim().to_string(),
                indicator.frequency.label().to_string(),
                indicator.collector.trim().to_string(),
            ]);
            row.extend(years.iter().map(|year| {
                let value = indicator.value_of(*year);
                value.map_or("", |v| v.result.trim()).to_string()
            }));
            rows.push(row);
        }
    }
    french_csv::write(&header, rows)
}

/// Number, title and axis of a sheet: the first three columns of every file.
fn sheet_columns(contract: &Contract, numbers: &Numbering, sheet: &ActionSheet) -> [String; 3] {
    let axis = sheet.axis_id.and_then(|id| contract.axis(id));
    [
        numbers.label(sheet.id).to_string(),
        sheet.title.trim().to_string(),
        axis.map(|a| a.label(numbers)).unwrap_or_default(),
    ]
}

/// "2.1 – Title" (or "2.1"), looked up in the sheet's own axis as the sheet's page does.
fn strategic_objective(contract: &Contract, numbers: &Numbering, sheet: &ActionSheet) -> String {
    let axis = sheet.axis_id.and_then(|id| contract.axis(id));
    let objective = axis.and_then(|a| sheet.objective_id.and_then(|id| a.objective(id)));
    objective.map_or_else(String::new, |o| match o.title.trim() {
        "" => numbers.label(o.id).to_string(),
        title => format!("{} – {title}", numbers.label(o.id)),
    })
}

fn organisation(contract: &Contract, id: Option<Id>) -> String {
    id.map(|id| contract.organisation_name(id).to_string()).unwrap_or_default()
}

fn coverage(sheet: &ActionSheet) -> String {
    if sheet.coverage.whole_territory {
        WHOLE_TERRITORY.to_string()
    } else {
        list(sheet.coverage.places.iter().map(|p| p.trim()))
    }
}

/// The planned total; "0" when the sheet says it needs no money, an empty cell when its budget
/// is simply not filled in yet (so the two do not look alike).
fn budget(sheet: &ActionSheet) -> String {
    if sheet.funding.is_empty() && !sheet.no_funding_needed {
        String::new()
    } else {
        euros(planned_total(&sheet.funding))
    }
}

/// The first and last month of the sheet's actions: an action with one date only counts at
/// that date, as on the planning.
fn calendar(sheet: &ActionSheet) -> (Option<YearMonth>, Option<YearMonth>) {
    let dates = || sheet.actions.iter().flat_map(|a| [a.start, a.end]).flatten();
    (dates().min(), dates().max())
}

/// Status label and year of a review, or two empty cells.
fn review_columns(review: Option<&YearReview>) -> [String; 2] {
    match review {
        Some(r) => [status_label(r.status).to_string(), r.year.to_string()],
        None => [String::new(), String::new()],
    }
}

/// The years of the value columns: every year of the contract period, and any other year an
/// indicator has a value for (so nothing is left out of the file), in order.
fn value_years(contract: &Contract) -> Vec<i32> {
    let mut years: BTreeSet<i32> = contract.period.years().collect();
    let values = contract.sheets.iter().flat_map(|s| &s.indicators).flat_map(|i| &i.values);
    years.extend(values.filter_map(|v| v.year));
    years.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::example::example_contract;
    use crate::model::indicator::IndicatorValue;
    use crate::model::planning::generated_contract;
    use crate::model::{
        Action, Axis, Frequency, FundingKind, FundingLine, Indicator, IndicatorKind, Organisation,
        OrganisationKind, Participation, Priority, ReviewStatus, SheetKind, StrategicObjective,
    };
    use proptest::prelude::*;

    fn id(n: u128) -> Id {
        Id::from_u128(n)
    }

    fn review(year: i32, status: ReviewStatus) -> YearReview {
        YearReview::with_status(year, status)
    }

    /// Reading order: sheet 200 (axis 1, empty), sheet 100 (axis 2, filled in), sheet 300 (no axis).
    fn contract() -> Contract {
        let mut c = Contract::blank(id(1), "CLS du Pays de Test", 0);
        c.organisations = vec![
            Organisation::new(id(50), "ARS Occitanie", OrganisationKind::Ars, 0),
            Organisation::new(id(51), "Mutualité Française", OrganisationKind::Association, 0),
            Organisation::new(id(52), "CPTS du Sud; \"Nord\"", OrganisationKind::Cpts, 0),
        ];
        c.axes =
            vec![Axis::new(id(10), "Offre de soins", 0), Axis::new(id(20), "Santé mentale", 0)];
        c.axes[1].objectives = vec![
            StrategicObjective {
                id: id(21),
                modified_at: 0,
                title: "Repérer la souffrance".into(),
            },
            StrategicObjective { id: id(22), modified_at: 0, title: "Prévenir le suicide".into() },
        ];

        let mut suicide = ActionSheet::new(id(100), " Prévention du suicide ", 0);
        suicide.axis_id = Some(id(20));
        suicide.objective_id = Some(id(22));
        suicide.kind = SheetKind::Partner;
        suicide.priority = Priority::High;
        suicide.mental_health = true;
        suicide.lead.organisation_id = Some(id(50));
        suicide.lead.person = "Mme Durand ".into();
        suicide.partner_ids = vec![id(51), id(52)];
        suicide.audiences = vec!["Jeunes".into(), "Agriculteurs".into()];
        suicide.coverage.whole_territory = false;
        suicide.coverage.places = vec!["Aurillac".into(), "QPV Marmiers".into()];
        suicide.participation = Participation::CoConstruction;
        suicide.funding = [(2025, 12_000), (2026, 500)]
            .into_iter()
            .map(|(year, euros)| FundingLine {
                id: Id::random(),
                modified_at: 0,
                year,
                funder_id: Some(id(50)),
                kind: FundingKind::Operating,
                planned_euros: euros,
                actual_euros: None,
                in_kind_days: None,
            })
            .collect();
        suicide.reviews =
            vec![review(2025, ReviewStatus::PartlyDone), review(2024, ReviewStatus::Done)];
        let mut sentinels = Action::new(id(101), "Former des sentinelles\nen deux sessions ", 0);
        sentinels.start = YearMonth::new(2025, 3);
        sentinels.end = YearMonth::new(2026, 6);
        sentinels.reviews = vec![review(2025, ReviewStatus::NotDone)];
        let mut kickoff = Action::new(id(102), "Lancer le CLSM", 0);
        kickoff.start = YearMonth::new(2024, 11);
        kickoff.milestone = true;
        kickoff.lead_id = Some(id(51));
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
            IndicatorValue { result: "35".into(), ..IndicatorValue::new(2025) },
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
        c
    }

    fn parse(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
        let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
        let header = reader.headers().expect("a header").iter().map(String::from).collect();
        let rows = reader
            .records()
            .map(|r| r.expect("a record").iter().map(String::from).collect())
            .collect();
        (header, rows)
    }

    fn header_line(columns: &[&str]) -> String {
        format!("\u{FEFF}{}\r\n", columns.join(";"))
    }

    #[test]
    fn every_file_starts_with_the_bom_and_its_french_header() {
        let c = Contract::blank(id(1), "Vide", 0);
        assert_eq!(sheets_csv(&c), header_line(&SHEETS_HEADER));
        assert_eq!(actions_csv(&c), header_line(&ACTIONS_HEADER));
        let indicators = indicators_csv(&c);
        assert!(indicators.starts_with(&format!("\u{FEFF}{};", INDICATORS_HEADER.join(";"))));
        assert!(indicators
            .ends_with(";Valeur 2024;Valeur 2025;Valeur 2026;Valeur 2027;Valeur 2028\r\n"));
        assert!(sheets_csv(&contract()).starts_with(&header_line(&SHEETS_HEADER)));
        assert!(actions_csv(&contract()).starts_with(&header_line(&ACTIONS_HEADER)));
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
                ("Partenaires", "Mutualité Française, CPTS du Sud; \"Nord\""),
                ("Publics cibles", "Jeunes, Agriculteurs"),
                ("Territoire concerné", "Aurillac, QPV Marmiers"),
                ("Participation des habitants", "Co-construction"),
                ("Budget prévu (€)", "12500"),
                ("Début", "11/2024"),
                ("Fin", "12/2027"),
                ("Nombre d’actions", "3"),
                ("Nombre d’indicateurs", "2"),
                ("Dernier bilan", "Partiellement réalisé"),
                ("Année du dernier bilan", "2025"),
            ]
        );
    }

    #[test]
    fn empty_sheets_leave_cells_empty_but_say_when_no_money_is_needed() {
        let (_, rows) = parse(&sheets_csv(&contract()));
        let care = &rows[0];
        assert_eq!(&care[3..10], ["", "Fiche thématique", "Moyenne", "Non", "", "", ""]);
        assert_eq!(care[11], WHOLE_TERRITORY);
        assert_eq!(care[12], "Aucune");
        assert_eq!(&care[13..], ["0", "", "", "1", "0", "", ""]);
        assert_eq!(rows[2][13], "", "a budget not filled in is not a zero budget");
    }

    #[test]
    fn actions_rows_carry_their_sheet_lead_months_and_own_review() {
        let (_, rows) = parse(&actions_csv(&contract()));
        assert_eq!(
            rows,
            [
                ["1", "", "Axe 1 – Offre de soins", "Sans dates", "", "", "", "Non", "", ""],
                [
                    "2",
                    "Prévention du suicide",
                    "Axe 2 – Santé mentale",
                    "Former des sentinelles\nen deux sessions",
                    "ARS Occitanie",
                    "03/2025",
                    "06/2026",
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
                    "Oui",
                    "",
                    ""
                ],
                [
                    "2",
                    "Prévention du suicide",
                    "Axe 2 – Santé mentale",
                    "Bilan",
                    "ARS Occitanie",
                    "",
                    "12/2027",
                    "Non",
                    "",
                    ""
                ],
            ]
        );
    }

    #[test]
    fn indicators_show_french_labels_and_one_value_column_per_year() {
        let (header, rows) = parse(&indicators_csv(&contract()));
        assert_eq!(&header[..12], INDICATORS_HEADER);
        assert_eq!(
            &header[12..],
            [
                "Valeur 2024",
                "Valeur 2025",
                "Valeur 2026",
                "Valeur 2027",
                "Valeur 2028",
                "Valeur 2030"
            ]
        );
        assert_eq!(
            rows[0],
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
                "Feuilles d’émargement",
                "Trimestrielle",
                "La coordinatrice",
                "",
                "35",
                "",
                "",
                "",
                "130",
            ]
        );
        assert_eq!(&rows[1][3..5], ["Indicateur de processus", "Sessions"]);
        assert_eq!(rows[1][10], "Annuelle");
        assert_eq!(rows.len(), 2);
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
            let indicators: usize = c.sheets.iter().map(|s| s.indicators.len()).sum();
            let (header, rows) = parse(&sheets_csv(c));
            assert_eq!((header.len(), rows.len()), (SHEETS_HEADER.len(), c.sheets.len()));
            let (header, rows) = parse(&actions_csv(c));
            assert_eq!((header.len(), rows.len()), (ACTIONS_HEADER.len(), actions));
            let (header, rows) = parse(&indicators_csv(c));
            assert_eq!((header.len(), rows.len()), (INDICATORS_HEADER.len() + 5, indicators));
        }
        assert_eq!(generated.sheets.iter().map(|s| s.actions.len()).sum::<usize>(), 60);
        let indicators: usize = example.sheets.iter().map(|s| s.indicators.len()).sum();
        assert!(indicators > 0, "the example has indicators to export");
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
            prop_assert_eq!(indicators.len(), 2);
            prop_assert_eq!(&indicators[0][4], &name);
        }
    }
}
