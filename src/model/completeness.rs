//! Completeness of a fiche action: the checklist shown at the « Relecture » step of the form.
//!
//! Validation ([`super::validation`]) reports what is wrong or doubtful across the whole
//! contract; this module answers a narrower question a workshop asks before closing a sheet:
//! « does this fiche hold everything a COPIL expects? ». It is the same seven points for every
//! sheet, always listed in the same order so people learn where to look, each with a short
//! French hint saying what is still missing.
//!
//! Blank text (spaces, tabs, new lines) never counts as filled: a field cleared to a space in
//! a workshop is still empty.

use super::{ActionSheet, IndicatorKind};

/// One point of the checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Criterion {
    /// A general objective and at least one specific objective, both written.
    MeasurableObjective,
    /// A lead organisation chosen in the directory.
    Lead,
    /// At least one target audience.
    Audience,
    /// At least one action, every action dated from start to end.
    Calendar,
    /// A process indicator with its target and its source.
    ProcessIndicator,
    /// An outcome indicator with its target and its source.
    OutcomeIndicator,
    /// A budget, or the explicit statement that none is needed.
    Funding,
}

impl Criterion {
    /// Every criterion, in the order of the checklist (the order of the form's steps).
    pub const ALL: [Criterion; 7] = [
        Self::MeasurableObjective,
        Self::Lead,
        Self::Audience,
        Self::Calendar,
        Self::ProcessIndicator,
        Self::OutcomeIndicator,
        Self::Funding,
    ];

    /// The checklist line, in French.
    pub fn label(self) -> &'static str {
        match self {
            Self::MeasurableObjective => "Objectif mesurable",
            Self::Lead => "Pilote désigné",
            Self::Audience => "Public cible",
            Self::Calendar => "Calendrier",
            Self::ProcessIndicator => "Indicateur de processus avec cible et source",
            Self::OutcomeIndicator => "Indicateur de résultat avec cible et source",
            Self::Funding => "Financement ou « aucun financement nécessaire »",
        }
    }

    /// What is still missing for this criterion, or `None` when the sheet meets it.
    fn missing(self, sheet: &ActionSheet) -> Option<String> {
        match self {
            Self::MeasurableObjective => missing_objective(sheet),
            Self::Lead => missing_lead(sheet),
            Self::Audience => missing_audience(sheet),
            Self::Calendar => missing_calendar(sheet),
            Self::ProcessIndicator => missing_indicator(sheet, IndicatorKind::Process),
            Self::OutcomeIndicator => missing_indicator(sheet, IndicatorKind::Outcome),
            Self::Funding => missing_funding(sheet),
        }
    }
}

/// One line of the checklist as the review step shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub criterion: Criterion,
    pub done: bool,
    /// The checklist line (the criterion's label).
    pub label: &'static str,
    /// A short French sentence saying what is missing; empty when the criterion is met.
    pub hint: String,
}

/// The seven checks of a sheet, always all of them and in the order of [`Criterion::ALL`], so
/// the list does not move while people fill the sheet.
pub fn checklist(sheet: &ActionSheet) -> Vec<Check> {
    Criterion::ALL.iter().map(|&criterion| check(criterion, sheet)).collect()
}

/// Whether the sheet meets every criterion.
pub fn is_complete(sheet: &ActionSheet) -> bool {
    Criterion::ALL.iter().all(|criterion| criterion.missing(sheet).is_none())
}

/// How many criteria are met, out of how many: `(done, total)`, for a « 5 / 7 » badge.
pub fn completion(sheet: &ActionSheet) -> (usize, usize) {
    let done = Criterion::ALL.iter().filter(|criterion| criterion.missing(sheet).is_none()).count();
    (done, Criterion::ALL.len())
}

fn check(criterion: Criterion, sheet: &ActionSheet) -> Check {
    let missing = criterion.missing(sheet);
    Check {
        criterion,
        done: missing.is_none(),
        label: criterion.label(),
        hint: missing.unwrap_or_default(),
    }
}

// ---------------------------------------------------------------------------------------------
// The rules, one function per criterion. Each hint names the field to fill, as the form does.
// ---------------------------------------------------------------------------------------------

/// An objective is measurable only once it is broken down: the general objective says where
/// to go, the specific objectives are what the indicators are checked against.
fn missing_objective(sheet: &ActionSheet) -> Option<String> {
    let general = is_filled(&sheet.general_objective);
    let specific = sheet.specific_objectives.iter().any(|o| is_filled(&o.text));
    match (general, specific) {
        (true, true) => None,
        (false, false) => {
            Some("Rédigez l’objectif général et au moins un objectif spécifique.".into())
        }
        (false, true) => Some("Rédigez l’objectif général de la fiche.".into()),
        (true, false) => Some("Ajoutez au moins un objectif spécifique.".into()),
    }
}

/// A person's name alone is not enough: the lead must be an organisation of the directory so
/// that the sheet is found when filtering by lead and counted in its bilan.
fn missing_lead(sheet: &ActionSheet) -> Option<String> {
    match sheet.lead_ids().is_empty() {
        false => None,
        true => Some("Choisissez l’organisation pilote dans l’annuaire.".into()),
    }
}

fn missing_audience(sheet: &ActionSheet) -> Option<String> {
    if sheet.audiences.iter().any(|a| is_filled(a)) {
        None
    } else {
        Some("Indiquez au moins un public cible.".into())
    }
}

/// An undated action vanishes from the planning, so one undated action is enough to fail.
fn missing_calendar(sheet: &ActionSheet) -> Option<String> {
    if sheet.actions.is_empty() {
        return Some("Ajoutez au moins une action avec ses dates de début et de fin.".into());
    }
    let undated = sheet.actions.iter().filter(|a| a.start.is_none() || a.end.is_none()).count();
    match undated {
        0 => None,
        1 => Some("Une action n’a pas de date de début ou de fin.".into()),
        n => Some(format!("{n} actions n’ont pas de date de début ou de fin.")),
    }
}

/// An indicator without a target cannot be judged, and one without a source will not be
/// measured: the yearly bilan needs both.
fn missing_indicator(sheet: &ActionSheet, kind: IndicatorKind) -> Option<String> {
    let mut of_kind = sheet.indicators.iter().filter(|i| i.kind == kind).peekable();
    let what = match kind {
        IndicatorKind::Process => "indicateur de processus",
        IndicatorKind::Outcome => "indicateur de résultat",
        IndicatorKind::NotStated => "indicateur",
    };
    if of_kind.peek().is_none() {
        return Some(format!("Ajoutez un {what} avec sa valeur cible et sa source."));
    }
    if of_kind.any(|i| is_filled(&i.target) && is_filled(&i.source)) {
        None
    } else {
        Some(format!("Renseignez la valeur cible et la source d’au moins un {what}."))
    }
}

/// An empty budget is ambiguous (forgotten, or nothing to pay?) until someone says which.
fn missing_funding(sheet: &ActionSheet) -> Option<String> {
    if !sheet.funding.is_empty() || sheet.no_funding_needed {
        None
    } else {
        Some("Ajoutez une ligne de financement, ou cochez « aucun financement nécessaire ».".into())
    }
}

fn is_filled(text: &str) -> bool {
    !text.trim().is_empty()
}

// ---------------------------------------------------------------------------------------------
// Filtering the sheet list by completeness.
// ---------------------------------------------------------------------------------------------

/// The completeness filter of the sheet list: before a COPIL, the coordinator looks for the
/// sheets that are not finished yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CompletenessFilter {
    #[default]
    All,
    Complete,
    Incomplete,
}

impl CompletenessFilter {
    /// Every option, in the order of the select.
    pub const ALL: [CompletenessFilter; 3] = [Self::All, Self::Complete, Self::Incomplete];

    pub fn label(self) -> &'static str {
        match self {
            Self::All => "Toutes",
            Self::Complete => "Complètes",
            Self::Incomplete => "Incomplètes",
        }
    }

    /// The value of the `<option>` (and of the URL parameter), stable across languages.
    pub fn key(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Complete => "complete",
            Self::Incomplete => "incomplete",
        }
    }

    /// The filter for a key; an unknown or empty key shows every sheet rather than none.
    pub fn from_key(key: &str) -> Self {
        Self::ALL.into_iter().find(|f| f.key() == key).unwrap_or_default()
    }

    /// The completeness wanted, `None` for any.
    pub fn wanted(self) -> Option<bool> {
        match self {
            Self::All => None,
            Self::Complete => Some(true),
            Self::Incomplete => Some(false),
        }
    }

    pub fn accepts(self, sheet: &ActionSheet) -> bool {
        self.wanted().is_none_or(|wanted| is_complete(sheet) == wanted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Action, FundingKind, FundingLine, Id, Indicator, SpecificObjective, YearMonth,
    };
    use proptest::prelude::*;

    fn ym(year: i32, month: u8) -> Option<YearMonth> {
        YearMonth::new(year, month)
    }

    fn blank() -> ActionSheet {
        ActionSheet::new(Id::from_u128(1), "Prévention du diabète", 0)
    }

    fn specific(text: &str) -> SpecificObjective {
        SpecificObjective {
            id: Id::random(),
            modified_at: 0,
            strategic_objective_id: None,
            text: text.into(),
        }
    }

    fn dated_action(description: &str) -> Action {
        let mut action = Action::new(Id::random(), description, 0);
        action.start = ym(2025, 3);
        action.end = ym(2026, 6);
        action
    }

    fn indicator(kind: IndicatorKind, target: &str, source: &str) -> Indicator {
        let mut indicator = Indicator::new(Id::random(), kind, "Nombre de participants", 0);
        indicator.target = target.into();
        indicator.source = source.into();
        indicator
    }

    fn funding_line() -> FundingLine {
        FundingLine {
            id: Id::random(),
            modified_at: 0,
            year: 2025,
            funder_id: Some(Id::from_u128(50)),
            kind: FundingKind::Operating,
            planned_euros: Some(5000),
            actual_euros: None,
            in_kind_days: None,
        }
    }

    fn full() -> ActionSheet {
        let mut sheet = blank();
        sheet.general_objective = "Réduire les complications du diabète".into();
        sheet.specific_objectives.push(specific("Dépister les personnes à risque"));
        sheet.lead_mut().organisation_id = Some(Id::from_u128(50));
        sheet.audiences.push("Personnes de plus de 45 ans".into());
        sheet.actions.push(dated_action("Ateliers de dépistage"));
        sheet.indicators.push(indicator(IndicatorKind::Process, "10 ateliers", "Comptes rendus"));
        sheet.indicators.push(indicator(IndicatorKind::Outcome, "200 personnes", "CPAM"));
        sheet.funding.push(funding_line());
        sheet
    }

    fn check_of(sheet: &ActionSheet, criterion: Criterion) -> Check {
        checklist(sheet).into_iter().find(|c| c.criterion == criterion).unwrap()
    }

    fn assert_done(sheet: &ActionSheet, criterion: Criterion) {
        let check = check_of(sheet, criterion);
        assert!(check.done, "{criterion:?} should be done: {}", check.hint);
        assert!(check.hint.is_empty(), "{}", check.hint);
    }

    /// Asserts the criterion is not met and returns its hint.
    fn assert_missing(sheet: &ActionSheet, criterion: Criterion) -> String {
        let check = check_of(sheet, criterion);
        assert!(!check.done, "{criterion:?} should not be done");
        assert!(!check.hint.is_empty(), "{criterion:?} has no hint");
        assert!(!is_complete(sheet));
        assert_eq!(completion(sheet), (6, 7), "{criterion:?} should be the only one missing");
        check.hint
    }

    // --- The whole checklist -------------------------------------------------------------

    #[test]
    fn a_full_sheet_is_complete() {
        let sheet = full();
        assert!(is_complete(&sheet));
        assert_eq!(completion(&sheet), (7, 7));
        assert!(checklist(&sheet).iter().all(|c| c.done && c.hint.is_empty()));
    }

    #[test]
    fn a_new_sheet_meets_no_criterion() {
        let sheet = blank();
        assert_eq!(completion(&sheet), (0, 7));
        assert!(!is_complete(&sheet));
        let checks = checklist(&sheet);
        assert!(checks.iter().all(|c| !c.done && !c.hint.is_empty()));
        assert!(checks[1].hint.contains("pilote"), "{}", checks[1].hint);
    }

    #[test]
    fn the_checklist_lists_every_criterion_in_order_with_its_label() {
        let checks = checklist(&blank());
        let criteria: Vec<Criterion> = checks.iter().map(|c| c.criterion).collect();
        assert_eq!(criteria, Criterion::ALL);
        assert!(checks.iter().all(|c| c.label == c.criterion.label()));
        assert_eq!(checks[0].label, "Objectif mesurable");
        assert_eq!(checks[6].label, "Financement ou « aucun financement nécessaire »");
    }

    // --- One test per criterion ----------------------------------------------------------

    #[test]
    fn measurable_objective_needs_a_general_and_a_specific_objective() {
        let criterion = Criterion::MeasurableObjective;
        assert_done(&full(), criterion);
        let mut sheet = full();
        sheet.general_objective = " \t\n".into();
        assert!(assert_missing(&sheet, criterion).contains("objectif général"));
        let mut sheet = full();
        sheet.specific_objectives = vec![specific("  "), specific("")];
        assert!(assert_missing(&sheet, criterion).contains("objectif spécifique"));
        sheet.specific_objectives.clear();
        assert_missing(&sheet, criterion);
        sheet.general_objective.clear();
        let hint = assert_missing(&sheet, criterion);
        assert!(hint.contains("général") && hint.contains("spécifique"), "{hint}");
        // One written specific objective among blank ones is enough.
        let mut sheet = full();
        sheet.specific_objectives.insert(0, specific(" "));
        assert_done(&sheet, criterion);
    }

    #[test]
    fn lead_needs_an_organisation_not_only_a_person() {
        let criterion = Criterion::Lead;
        assert_done(&full(), criterion);
        let mut sheet = full();
        sheet.leads.clear();
        sheet.lead_mut().person = "Mme Martin".into();
        assert!(assert_missing(&sheet, criterion).contains("annuaire"));
    }

    #[test]
    fn audience_needs_one_written_entry() {
        let criterion = Criterion::Audience;
        assert_done(&full(), criterion);
        let mut sheet = full();
        sheet.audiences = vec!["   ".into(), "\t".into()];
        assert!(assert_missing(&sheet, criterion).contains("public cible"));
        sheet.audiences.clear();
        assert_missing(&sheet, criterion);
        sheet.audiences = vec![" ".into(), "Aidants".into()];
        assert_done(&sheet, criterion);
    }

    #[test]
    fn calendar_needs_actions_all_dated_from_start_to_end() {
        let criterion = Criterion::Calendar;
        assert_done(&full(), criterion);
        let mut sheet = full();
        sheet.actions.clear();
        assert!(assert_missing(&sheet, criterion).contains("Ajoutez au moins une action"));
        let mut sheet = full();
        sheet.actions.push(dated_action("Forum santé"));
        sheet.actions[1].end = None;
        assert!(assert_missing(&sheet, criterion).starts_with("Une action"));
        sheet.actions.push(dated_action("Conférence"));
        sheet.actions[2].start = None;
        assert!(assert_missing(&sheet, criterion).starts_with("2 actions"));
    }

    #[test]
    fn process_indicator_needs_a_target_and_a_source() {
        indicator_needs_a_target_and_a_source(IndicatorKind::Process, Criterion::ProcessIndicator);
    }

    #[test]
    fn outcome_indicator_needs_a_target_and_a_source() {
        indicator_needs_a_target_and_a_source(IndicatorKind::Outcome, Criterion::OutcomeIndicator);
    }

    fn indicator_needs_a_target_and_a_source(kind: IndicatorKind, criterion: Criterion) {
        let without = |sheet: &mut ActionSheet| sheet.indicators.retain(|i| i.kind != kind);
        assert_done(&full(), criterion);
        let mut sheet = full();
        without(&mut sheet);
        assert!(assert_missing(&sheet, criterion).starts_with("Ajoutez un indicateur"));
        sheet.indicators.push(indicator(kind, " ", "CPAM"));
        sheet.indicators.push(indicator(kind, "80 %", "\t"));
        assert!(assert_missing(&sheet, criterion).starts_with("Renseignez la valeur cible"));
        // Target and source must be on the same indicator.
        sheet.indicators.push(indicator(kind, "80 %", "Questionnaire"));
        assert_done(&sheet, criterion);
    }

    #[test]
    fn an_indicator_of_the_other_kind_does_not_count() {
        let mut sheet = full();
        sheet.indicators.retain(|i| i.kind == IndicatorKind::Outcome);
        sheet.indicators.push(indicator(IndicatorKind::Outcome, "50", "ARS"));
        assert!(assert_missing(&sheet, Criterion::ProcessIndicator).contains("processus"));
    }

    #[test]
    fn funding_needs_a_line_or_the_explicit_statement() {
        let criterion = Criterion::Funding;
        assert_done(&full(), criterion);
        let mut sheet = full();
        sheet.funding.clear();
        assert!(assert_missing(&sheet, criterion).contains("aucun financement nécessaire"));
        sheet.no_funding_needed = true;
        assert_done(&sheet, criterion);
    }

    // --- Filter --------------------------------------------------------------------------

    #[test]
    fn the_filter_keeps_the_sheets_asked_for() {
        let (complete, incomplete) = (full(), blank());
        assert!(CompletenessFilter::All.accepts(&complete));
        assert!(CompletenessFilter::All.accepts(&incomplete));
        assert!(CompletenessFilter::Complete.accepts(&complete));
        assert!(!CompletenessFilter::Complete.accepts(&incomplete));
        assert!(!CompletenessFilter::Incomplete.accepts(&complete));
        assert!(CompletenessFilter::Incomplete.accepts(&incomplete));
    }

    #[test]
    fn filter_keys_round_trip_and_unknown_keys_show_everything() {
        for filter in CompletenessFilter::ALL {
            assert_eq!(CompletenessFilter::from_key(filter.key()), filter);
        }
        let keys: Vec<&str> = CompletenessFilter::ALL.iter().map(|f| f.key()).collect();
        assert_eq!(keys, ["all", "complete", "incomplete"]);
        let labels: Vec<&str> = CompletenessFilter::ALL.iter().map(|f| f.label()).collect();
        assert_eq!(labels, ["Toutes", "Complètes", "Incomplètes"]);
        assert_eq!(CompletenessFilter::from_key(""), CompletenessFilter::All);
        assert_eq!(CompletenessFilter::from_key("n'importe quoi"), CompletenessFilter::All);
        assert_eq!(CompletenessFilter::default(), CompletenessFilter::All);
        assert_eq!(CompletenessFilter::Incomplete.wanted(), Some(false));
    }

    // --- Properties ----------------------------------------------------------------------

    /// A sheet holding exactly the ingredients asked for (in the order of [`Criterion::ALL`]).
    /// With `near_miss`, each missing ingredient is replaced by something that looks like it
    /// but does not count (blank text, an undated action, an indicator without source…).
    fn sheet_with(present: [bool; 7], near_miss: bool) -> ActionSheet {
        let mut sheet = blank();
        let [objective, lead, audience, calendar, process, outcome, funding] = present;
        if objective {
            sheet.general_objective = "Réduire les complications".into();
            sheet.specific_objectives.push(specific("Dépister"));
        } else if near_miss {
            sheet.general_objective = "Réduire les complications".into();
            sheet.specific_objectives.push(specific(" \n"));
        }
        if lead {
            sheet.lead_mut().organisation_id = Some(Id::random());
        } else if near_miss {
            sheet.lead_mut().person = "M. Durand".into();
        }
        if audience {
            sheet.audiences.push("Jeunes".into());
        } else if near_miss {
            sheet.audiences.push("\t".into());
        }
        if calendar {
            sheet.actions.push(dated_action("Atelier"));
        } else if near_miss {
            sheet.actions.push(dated_action("Atelier"));
            sheet.actions.push(Action::new(Id::random(), "Forum", 0));
        }
        for (wanted, kind) in [(process, IndicatorKind::Process), (outcome, IndicatorKind::Outcome)]
        {
            if wanted {
                sheet.indicators.push(indicator(kind, "100", "Registre"));
            } else if near_miss {
                sheet.indicators.push(indicator(kind, "100", " "));
            }
        }
        if funding {
            if near_miss {
                sheet.no_funding_needed = true;
            } else {
                sheet.funding.push(funding_line());
            }
        }
        sheet
    }

    proptest! {
        #[test]
        fn completion_counts_exactly_the_ingredients_present(
            present in any::<[bool; 7]>(),
            near_miss in any::<bool>(),
        ) {
            let sheet = sheet_with(present, near_miss);
            let expected = present.iter().filter(|p| **p).count();
            prop_assert_eq!(completion(&sheet), (expected, 7));
            prop_assert_eq!(is_complete(&sheet), expected == 7);
            let done: Vec<bool> = checklist(&sheet).iter().map(|c| c.done).collect();
            prop_assert_eq!(done, present.to_vec());
            prop_assert!(checklist(&sheet).iter().all(|c| c.done == c.hint.is_empty()));
            prop_assert_eq!(CompletenessFilter::Complete.accepts(&sheet), expected == 7);
            prop_assert_eq!(CompletenessFilter::Incomplete.accepts(&sheet), expected < 7);
        }
    }
}
