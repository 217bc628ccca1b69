//! Validation of a contract: the problems a coordinator can act on, each pointing at the item
//! it concerns so the screens can show it right beside that item.
//!
//! Two severities:
//! - an **error** is something that is wrong and would make the contract or its export
//!   misleading: a period that makes no sense, an action dated outside the contract, a
//!   reference to an organisation, an axis or an objective that was deleted;
//! - a **warning** is something missing or doubtful that the coordinator should look at before
//!   the COPIL: a sheet without a lead or an axis, an indicator without a target, two items
//!   with the same title, the missing mental-health component required by law.
//!
//! Validation is a pure function of the contract (no clock, no browser): it is recomputed on
//! every change and tested natively. Locations (`Issue::path`) use the derived numbers of
//! [`Numbering`], so they read like the printed contract ("Axe 2 › Objectif 2.1").
//!
//! Issues come out in a stable order: contract-level issues first, then in document order
//! (directory, governance, axes and their objectives, sheets in reading order with their
//! specific objectives, actions, funding lines and indicators).

use super::numbering::Numbering;
use super::{ActionSheet, Axis, Body, Contract, Id, StrategicObjective, YearMonth};
use std::collections::{HashMap, HashSet};

/// How serious an issue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    /// Wrong: must be fixed before the contract is shared or signed.
    Error,
    /// Missing or doubtful: worth a look, but the contract stays usable.
    Warning,
}

/// Where an issue points, so the UI can show it beside the item it concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    Contract,
    Period,
    Territory,
    Organisation(Id),
    Axis(Id),
    Objective(Id),
    Sheet(Id),
    SpecificObjective { sheet: Id, id: Id },
    Action { sheet: Id, id: Id },
    Indicator { sheet: Id, id: Id },
    Funding { sheet: Id, id: Id },
    Member(Id),
    Meeting(Id),
}

impl Subject {
    /// The sheet this subject belongs to (the sheet itself or one of its parts), so a sheet
    /// editor can gather every issue of the sheet at once.
    pub fn sheet(self) -> Option<Id> {
        match self {
            Subject::Sheet(sheet)
            | Subject::SpecificObjective { sheet, .. }
            | Subject::Action { sheet, .. }
            | Subject::Indicator { sheet, .. }
            | Subject::Funding { sheet, .. } => Some(sheet),
            _ => None,
        }
    }
}

/// One problem found in a contract.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub severity: Severity,
    pub subject: Subject,
    /// A human-readable location, e.g. "Fiche action n°3 › Action 2".
    pub path: String,
    /// Plain French for the coordinator: what is wrong and how to fix it.
    pub message: String,
}

impl Issue {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// How many of the issues are errors.
pub fn errors(issues: &[Issue]) -> usize {
    issues.iter().filter(|i| i.is_error()).count()
}

/// The issues that point at one subject.
pub fn issues_for(issues: &[Issue], subject: Subject) -> impl Iterator<Item = &Issue> + '_ {
    issues.iter().filter(move |i| i.subject == subject)
}

/// Every issue of a contract, contract-level first, then in document order.
pub fn validate(contract: &Contract) -> Vec<Issue> {
    let mut check = Checker::new(contract);
    check_contract(&mut check);
    check_period(&mut check);
    check_mental_health(&mut check);
    check_meeting_dates(&mut check);
    check_titles(&mut check);
    check_duplicates(&mut check);
    check_placement(&mut check);
    check_references(&mut check);
    check_calendar(&mut check);
    check_completeness(&mut check);
    let mut issues = check.issues;
    sort_in_document_order(contract, &mut issues);
    issues
}

// ---------------------------------------------------------------------------------------------
// The rules, one function per family.
// ---------------------------------------------------------------------------------------------

/// The contract must have a name: it is how it is found in the list and titled in exports.
/// A signing date, when given, must be a real date (it is printed on the contract).
fn check_contract(check: &mut Checker) {
    let contract = check.contract;
    if contract.name.trim().is_empty() {
        check.error(
            Subject::Contract,
            "Contrat".into(),
            "Le contrat n'a pas de nom : donnez-lui un nom, par exemple « CLS du Pays de … 2024-2028 ».".into(),
        );
    }
    if let Some(date) = contract.signing.date.as_deref().filter(|d| !d.trim().is_empty()) {
        if !is_iso_date(date) {
            check.warning(
                Subject::Contract,
                "Contrat › Signature".into(),
                format!("La date de signature (« {date} ») n'est pas une date valide : choisissez-la à nouveau dans le calendrier."),
            );
        }
    }
}

/// The years every other date is checked against. A CLS lasts a few years (4 or 5 in
/// practice): an inverted, very long or far-off period is almost always a typing mistake.
fn check_period(check: &mut Checker) {
    let period = check.contract.period;
    let (first, last) = (period.first_year, period.last_year);
    if first > last {
        check.error(
            Subject::Period,
            PERIOD_PATH.into(),
            format!("La période du contrat commence en {first} et se termine en {last} : l'année de début doit précéder l'année de fin."),
        );
    } else {
        let years = i64::from(last) - i64::from(first) + 1;
        if years > MAX_YEARS {
            check.error(
                Subject::Period,
                PERIOD_PATH.into(),
                format!("La période du contrat couvre {years} ans ({first}-{last}) : un contrat local de santé dure au plus {MAX_YEARS} ans, le plus souvent 5."),
            );
        }
    }
    for (what, year) in [("de début", first), ("de fin", last)] {
        if !PLAUSIBLE_YEARS.contains(&year) {
            check.error(
                Subject::Period,
                PERIOD_PATH.into(),
                format!("L'année {what} du contrat ({year}) semble erronée : elle doit être comprise entre {} et {}.", PLAUSIBLE_YEARS.start(), PLAUSIBLE_YEARS.end()),
            );
        }
    }
}

/// Since loi 3DS every CLS must contain a mental-health component. It stays a warning (a
/// contract being drafted may not have it yet) until an axis or a sheet is tagged for it.
fn check_mental_health(check: &mut Checker) {
    if !check.contract.has_mental_health_component() {
        check.warning(
            Subject::Contract,
            "Contrat".into(),
            "Le contrat ne comporte pas encore de volet santé mentale, obligatoire depuis la loi 3DS (loi du 21 février 2022, article 122) : cochez « santé mentale » sur l'axe ou la fiche action qui le porte.".into(),
        );
    }
}

/// Meeting dates are stored as ISO dates (what `<input type="date">` gives); a date that is
/// not one (typed by hand in an imported file, say) would vanish from the planning.
fn check_meeting_dates(check: &mut Checker) {
    let contract = check.contract;
    for meeting in &contract.governance.meetings {
        let path = check.meeting_path(meeting.id, meeting.body);
        let date = meeting.date.trim();
        if date.is_empty() {
            check.warning(
                Subject::Meeting(meeting.id),
                path,
                "Cette réunion n'a pas de date : choisissez-la dans le calendrier.".into(),
            );
        } else if !is_iso_date(date) {
            check.warning(
                Subject::Meeting(meeting.id),
                path,
                format!("La date de cette réunion (« {date} ») n'est pas une date valide : choisissez-la à nouveau dans le calendrier."),
            );
        }
    }
}

/// An axis, objective or sheet without a title cannot be told apart in lists and exports.
fn check_titles(check: &mut Checker) {
    let contract = check.contract;
    for axis in &contract.axes {
        if axis.title.trim().is_empty() {
            let path = check.axis_path(axis);
            check.warning(Subject::Axis(axis.id), path, "Cet axe n'a pas de titre.".into());
        }
        for objective in &axis.objectives {
            if objective.title.trim().is_empty() {
                let path = check.objective_path(axis, objective);
                check.warning(
                    Subject::Objective(objective.id),
                    path,
                    "Cet objectif stratégique n'a pas de titre.".into(),
                );
            }
        }
    }
    for sheet in contract.sheets_in_axis_order() {
        if sheet.title.trim().is_empty() {
            let path = check.sheet_path(sheet);
            check.warning(
                Subject::Sheet(sheet.id),
                path,
                "Cette fiche action n'a pas de titre.".into(),
            );
        }
    }
}

/// Two items with the same title (ignoring case, accents and spacing) are usually a copy made
/// twice in a workshop; two organisations with the same name split their sheets and funding.
/// The later item is flagged and the message names the earlier one.
fn check_duplicates(check: &mut Checker) {
    let contract = check.contract;
    for (later, earlier) in duplicates(contract.axes.iter().map(|a| a.title.as_str())) {
        let (axis, first) = (&contract.axes[later], &contract.axes[earlier]);
        let path = check.axis_path(axis);
        let message = format!(
            "L'axe {} porte déjà ce titre : renommez l'un des deux ou regroupez-les.",
            check.numbers.label(first.id)
        );
        check.warning(Subject::Axis(axis.id), path, message);
    }
    for axis in &contract.axes {
        for (later, earlier) in duplicates(axis.objectives.iter().map(|o| o.title.as_str())) {
            let (objective, first) = (&axis.objectives[later], &axis.objectives[earlier]);
            let path = check.objective_path(axis, objective);
            let message = format!(
                "L'objectif {} de cet axe porte déjà ce titre : renommez l'un des deux ou regroupez-les.",
                check.numbers.label(first.id)
            );
            check.warning(Subject::Objective(objective.id), path, message);
        }
    }
    let sheets = contract.sheets_in_axis_order();
    for (later, earlier) in duplicates(sheets.iter().map(|s| s.title.as_str())) {
        let path = check.sheet_path(sheets[later]);
        let message = format!(
            "La fiche action n°{} porte déjà ce titre : renommez l'une des deux ou regroupez-les.",
            check.numbers.label(sheets[earlier].id)
        );
        check.warning(Subject::Sheet(sheets[later].id), path, message);
    }
    for (later, earlier) in duplicates(contract.organisations.iter().map(|o| o.name.as_str())) {
        let (organisation, first) =
            (&contract.organisations[later], &contract.organisations[earlier]);
        let path = organisation_path(&organisation.name, later);
        let message = format!(
            "Une autre organisation de l'annuaire porte déjà ce nom (« {} ») : fusionnez-les pour que les fiches et les financements pointent vers une seule.",
            first.name.trim()
        );
        check.warning(Subject::Organisation(organisation.id), path, message);
    }
}

/// A sheet hangs under an axis and one of its strategic objectives, and each specific objective
/// under a strategic objective of that axis: that is what numbers them. A reference to a deleted
/// axis or objective, or to an objective of another axis, breaks the numbering.
///
/// When the sheet has no axis, its objectives are only checked for existence: the missing axis
/// is already a warning of its own.
fn check_placement(check: &mut Checker) {
    let contract = check.contract;
    for sheet in contract.sheets_in_axis_order() {
        let axis = match sheet.axis_id {
            Some(id) if contract.axis(id).is_none() => {
                let path = check.sheet_path(sheet);
                check.error(
                    Subject::Sheet(sheet.id),
                    path,
                    "L'axe de cette fiche a été supprimé : choisissez à nouveau son axe stratégique.".into(),
                );
                None
            }
            Some(id) => contract.axis(id),
            None => None,
        };
        if let Some(objective) = sheet.objective_id {
            if let Some(message) = placement_problem(check, axis, objective, "de cette fiche") {
                let path = check.sheet_path(sheet);
                check.error(Subject::Sheet(sheet.id), path, message);
            }
        }
        for (rank, specific) in sheet.specific_objectives.iter().enumerate() {
            let Some(objective) = specific.strategic_objective_id else { continue };
            if let Some(message) =
                placement_problem(check, axis, objective, "de cet objectif spécifique")
            {
                let path = check.specific_path(sheet, rank);
                check.error(
                    Subject::SpecificObjective { sheet: sheet.id, id: specific.id },
                    path,
                    message,
                );
            }
        }
    }
}

/// What is wrong with pointing at `objective` from an item of a sheet under `axis`, if anything.
fn placement_problem(
    check: &Checker,
    axis: Option<&Axis>,
    objective: Id,
    of_what: &str,
) -> Option<String> {
    let numbers = &check.numbers;
    match check.contract.axes.iter().find(|a| a.objective(objective).is_some()) {
        None => Some(format!(
            "L'objectif stratégique {of_what} a été supprimé : choisissez-le à nouveau."
        )),
        Some(owner) => match axis {
            Some(axis) if axis.id != owner.id => Some(format!(
                "L'objectif stratégique {of_what} ({}) appartient à l'axe {}, pas à l'axe {} de la fiche : choisissez un objectif de l'axe {} ou changez l'axe de la fiche.",
                numbers.label(objective),
                numbers.label(owner.id),
                numbers.label(axis.id),
                numbers.label(axis.id)
            )),
            _ => None,
        },
    }
}

/// Organisations are typed once in the directory and referenced everywhere by id: deleting one
/// from the directory leaves holes that must be filled again. A cited diagnostic finding that
/// was deleted is only a **warning**: the sheet loses a citation, not a piece of its content,
/// and the fix is just to remove it or pick another finding.
fn check_references(check: &mut Checker) {
    let contract = check.contract;
    let known = |id: &Id| contract.organisation(*id).is_some();
    for member in &contract.governance.members {
        if member.organisation_id.is_some_and(|id| !known(&id)) {
            let path = check.member_path(member.body, &member.name, member.id);
            check.error(
                Subject::Member(member.id),
                path,
                deleted_organisation("L'organisation de ce membre"),
            );
        }
    }
    for sheet in contract.sheets_in_axis_order() {
        let subject = Subject::Sheet(sheet.id);
        if sheet.lead.organisation_id.is_some_and(|id| !known(&id)) {
            let path = check.sheet_path(sheet);
            check.error(
                subject,
                path,
                deleted_organisation("L'organisation pilote de cette fiche"),
            );
        }
        for _ in sheet.partner_ids.iter().filter(|id| !known(id)) {
            let path = check.sheet_path(sheet);
            check.error(
                subject,
                path,
                deleted_organisation("Une organisation partenaire de cette fiche"),
            );
        }
        for _ in
            sheet.finding_ids.iter().filter(|id| !contract.diagnostic.iter().any(|f| f.id == **id))
        {
            let path = check.sheet_path(sheet);
            check.warning(
                subject,
                path,
                "Un constat du diagnostic cité par cette fiche a été supprimé : retirez-le ou choisissez-en un autre.".into(),
            );
        }
        for (rank, action) in sheet.actions.iter().enumerate() {
            if action.lead_id.is_some_and(|id| !known(&id)) {
                let path = check.within(sheet, format!("Action {}", rank + 1));
                check.error(
                    Subject::Action { sheet: sheet.id, id: action.id },
                    path,
                    deleted_organisation("L'organisation qui porte cette action"),
                );
            }
        }
        for (rank, line) in sheet.funding.iter().enumerate() {
            if line.funder_id.is_some_and(|id| !known(&id)) {
                let path = check.within(sheet, format!("Ligne de financement {}", rank + 1));
                check.error(
                    Subject::Funding { sheet: sheet.id, id: line.id },
                    path,
                    deleted_organisation("Le financeur de cette ligne"),
                );
            }
        }
    }
}

fn deleted_organisation(who: &str) -> String {
    format!("{who} a été supprimée de l'annuaire : choisissez-la à nouveau.")
}

/// Every date of a sheet must fall inside the contract period: an action, a funding line or a
/// bilan outside it would not appear on the planning nor in the yearly review. Skipped when the
/// period itself is inverted (that error comes first, and every date would otherwise be
/// flagged); an action ending before it starts is checked regardless.
fn check_calendar(check: &mut Checker) {
    let contract = check.contract;
    let period = contract.period;
    let usable = period.first_year <= period.last_year;
    let span = format!("{}-{}", period.first_year, period.last_year);
    for sheet in contract.sheets_in_axis_order() {
        for (rank, action) in sheet.actions.iter().enumerate() {
            let subject = Subject::Action { sheet: sheet.id, id: action.id };
            let mut messages = Vec::new();
            if usable {
                if let Some(start) = action.start {
                    messages.extend(outside_period(check, "commence", start));
                }
                if let Some(end) = action.end {
                    messages.extend(outside_period(check, "se termine", end));
                }
                for review in action.reviews.iter().filter(|r| !period.contains_year(r.year)) {
                    messages.push(review_outside(review.year, &span));
                }
            }
            if let (Some(start), Some(end)) = (action.start, action.end) {
                if end < start {
                    messages.push(format!("L'action se termine en {end}, avant d'avoir commencé ({start}) : corrigez l'une des deux dates."));
                }
            }
            // The location is written only for an action that has something to say: this
            // runs for every action of the contract on every keystroke.
            if !messages.is_empty() {
                let path = check.within(sheet, format!("Action {}", rank + 1));
                for message in messages {
                    check.error(subject, path.clone(), message);
                }
            }
        }
        if !usable {
            continue;
        }
        for (rank, line) in sheet.funding.iter().enumerate() {
            if !period.contains_year(line.year) {
                let path = check.within(sheet, format!("Ligne de financement {}", rank + 1));
                check.error(
                    Subject::Funding { sheet: sheet.id, id: line.id },
                    path,
                    format!("Ce financement est prévu en {}, en dehors de la période du contrat ({span}).", line.year),
                );
            }
        }
        for review in sheet.reviews.iter().filter(|r| !period.contains_year(r.year)) {
            let path = check.within(sheet, format!("Bilan {}", review.year));
            check.error(Subject::Sheet(sheet.id), path, review_outside(review.year, &span));
        }
    }
}

/// The message for an action date outside the period, if it is.
fn outside_period(check: &Checker, verb: &str, when: YearMonth) -> Option<String> {
    let period = check.contract.period;
    let year = when.year;
    if year < period.first_year {
        Some(format!(
            "L'action {verb} en {when}, avant le début du contrat ({}).",
            period.first_year
        ))
    } else if year > period.last_year {
        Some(format!("L'action {verb} en {when}, après la fin du contrat ({}).", period.last_year))
    } else {
        None
    }
}

fn review_outside(year: i32, span: &str) -> String {
    format!("Le bilan de l'année {year} est en dehors de la période du contrat ({span}) : corrigez son année.")
}

/// What a sheet needs to be followed: a lead who answers for it, an axis that places it in
/// the contract, and a target for each indicator so the bilan can say whether it was reached.
fn check_completeness(check: &mut Checker) {
    let contract = check.contract;
    for sheet in contract.sheets_in_axis_order() {
        if sheet.lead.organisation_id.is_none() {
            let path = check.sheet_path(sheet);
            check.warning(
                Subject::Sheet(sheet.id),
                path,
                "Cette fiche n'a pas de pilote : choisissez dans l'annuaire l'organisation qui la porte.".into(),
            );
        }
        if sheet.axis_id.is_none() {
            let path = check.sheet_path(sheet);
            check.warning(
                Subject::Sheet(sheet.id),
                path,
                "Cette fiche n'est rattachée à aucun axe stratégique : choisissez son axe pour la situer dans le contrat.".into(),
            );
        }
        for (rank, indicator) in sheet.indicators.iter().enumerate() {
            if indicator.target.trim().is_empty() {
                let what = match indicator.name.trim() {
                    "" => format!("Indicateur {}", rank + 1),
                    name => format!("Indicateur « {} »", shorten(name, QUOTED_IN_PATH)),
                };
                let path = check.within(sheet, what);
                check.warning(
                    Subject::Indicator { sheet: sheet.id, id: indicator.id },
                    path,
                    "Cet indicateur n'a pas de valeur cible : sans elle, le bilan ne pourra pas dire si l'objectif est atteint.".into(),
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Building blocks.
// ---------------------------------------------------------------------------------------------

const PERIOD_PATH: &str = "Période du contrat";
const MAX_YEARS: i64 = 10;
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Collects issues and writes their locations.
struct Checker<'a> {
    contract: &'a Contract,
    numbers: Numbering,
    issues: Vec<Issue>,
}

impl<'a> Checker<'a> {
    fn new(contract: &'a Contract) -> Self {
        Checker { contract, numbers: Numbering::of(contract), issues: Vec::new() }
    }

    fn error(&mut self, subject: Subject, path: String, message: String) {
        self.issues.push(Issue { severity: Severity::Error, subject, path, message });
    }

    fn warning(&mut self, subject: Subject, path: String, message: String) {
        self.issues.push(Issue { severity: Severity::Warning, subject, path, message });
    }

    fn axis_path(&self, axis: &Axis) -> String {
        format!("Axe {}", self.numbers.label(axis.id))
    }

    fn objective_path(&self, axis: &Axis, objective: &StrategicObjective) -> String {
        format!("{} › Objectif {}", self.axis_path(axis), self.numbers.label(objective.id))
    }

    fn sheet_path(&self, sheet: &ActionSheet) -> String {
        format!("Fiche action n°{}", self.numbers.label(sheet.id))
    }

    /// A part of a sheet: "Fiche action n°3 › Action 2".
    fn within(&self, sheet: &ActionSheet, what: String) -> String {
        format!("{} › {what}", self.sheet_path(sheet))
    }

    /// A specific objective by its number (2.1.1), or by its text when it has none.
    fn specific_path(&self, sheet: &ActionSheet, rank: usize) -> String {
        let specific = &sheet.specific_objectives[rank];
        let what = match (self.numbers.get(specific.id), specific.text.trim()) {
            (Some(number), _) => format!("Objectif spécifique {number}"),
            (None, "") => format!("Objectif spécifique (sans numéro, {}e de la fiche)", rank + 1),
            (None, text) => format!("Objectif spécifique « {} »", shorten(text, QUOTED_IN_PATH)),
        };
        self.within(sheet, what)
    }

    fn member_path(&self, body: Body, name: &str, id: Id) -> String {
        let who = match name.trim() {
            "" => {
                let members = &self.contract.governance.members;
                let rank = members.iter().filter(|m| m.body == body).position(|m| m.id == id);
                format!("Membre {}", rank.map_or(0, |r| r + 1))
            }
            name => name.to_string(),
        };
        format!("Gouvernance › {} › {who}", body.label())
    }

    /// "Gouvernance › Comité de pilotage (COPIL) › Réunion 2": its rank among its body's meetings.
    fn meeting_path(&self, id: Id, body: Body) -> String {
        let meetings = &self.contract.governance.meetings;
        let rank = meetings.iter().filter(|m| m.body == body).position(|m| m.id == id);
        format!("Gouvernance › {} › Réunion {}", body.label(), rank.map_or(0, |r| r + 1))
    }
}

fn organisation_path(name: &str, rank: usize) -> String {
    match name.trim() {
        "" => format!("Annuaire › Organisation {}", rank + 1),
        name => format!("Annuaire › {name}"),
    }
}

/// How much of a user's text a location quotes.
const QUOTED_IN_PATH: usize = 70;

/// At most `max` characters of `text` (cut on a character boundary), with "…" when cut: for
/// quoting a user's text in a location, a message or a list.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Pairs `(later, earlier)` of positions whose titles fold to the same non-empty text; each
/// repeat points at the first occurrence. Empty titles are left to `check_titles`.
fn duplicates<'t>(titles: impl Iterator<Item = &'t str>) -> Vec<(usize, usize)> {
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    let mut pairs = Vec::new();
    for (position, title) in titles.enumerate() {
        let key = fold(title);
        if key.is_empty() {
            continue;
        }
        match first_seen.get(&key) {
            Some(&earlier) => pairs.push((position, earlier)),
            None => {
                first_seen.insert(key, position);
            }
        }
    }
    pairs
}

/// Folds a title for comparison: trimmed, runs of whitespace collapsed to one space, lowercased,
/// common French accented letters mapped to ASCII (é → e, œ → oe...) and the typographic
/// apostrophe (’) to the plain one, since word processors swap them silently.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            match c {
                'é' | 'è' | 'ê' | 'ë' => folded.push('e'),
                'à' | 'â' | 'ä' => folded.push('a'),
                'î' | 'ï' => folded.push('i'),
                'ô' | 'ö' => folded.push('o'),
                'ù' | 'û' | 'ü' => folded.push('u'),
                'ÿ' => folded.push('y'),
                'ç' => folded.push('c'),
                'œ' => folded.push_str("oe"),
                'æ' => folded.push_str("ae"),
                '’' | 'ʼ' => folded.push('\''),
                other => folded.push(other),
            }
        }
    }
    folded
}

/// Whether `text` is an ISO calendar date `yyyy-mm-dd` that exists (leap years included),
/// which is what `<input type="date">` produces.
pub fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return false;
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    match (number(0..4), number(5..7), number(8..10)) {
        (Some(year), Some(month), Some(day)) => {
            (1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)
        }
        _ => false,
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Every subject of the contract in document order: contract-level items, the directory,
/// governance, axes with their objectives, then sheets in reading order with their parts.
fn document_order(contract: &Contract) -> Vec<Subject> {
    let mut order = vec![Subject::Contract, Subject::Period, Subject::Territory];
    order.extend(contract.organisations.iter().map(|o| Subject::Organisation(o.id)));
    order.extend(contract.governance.members.iter().map(|m| Subject::Member(m.id)));
    order.extend(contract.governance.meetings.iter().map(|m| Subject::Meeting(m.id)));
    for axis in &contract.axes {
        order.push(Subject::Axis(axis.id));
        order.extend(axis.objectives.iter().map(|o| Subject::Objective(o.id)));
    }
    for sheet in contract.sheets_in_axis_order() {
        let s = sheet.id;
        order.push(Subject::Sheet(s));
        order.extend(
            sheet
                .specific_objectives
                .iter()
                .map(|o| Subject::SpecificObjective { sheet: s, id: o.id }),
        );
        order.extend(sheet.actions.iter().map(|a| Subject::Action { sheet: s, id: a.id }));
        order.extend(sheet.funding.iter().map(|f| Subject::Funding { sheet: s, id: f.id }));
        order.extend(sheet.indicators.iter().map(|i| Subject::Indicator { sheet: s, id: i.id }));
    }
    order
}

/// Stable sort by document order: issues of one subject keep the order the rules produced them.
fn sort_in_document_order(contract: &Contract, issues: &mut [Issue]) {
    if issues.len() < 2 {
        return;
    }
    // Only the subjects that have issues are ranked: a large contract has thousands of
    // subjects and usually few issues.
    let concerned: HashSet<Subject> = issues.iter().map(|issue| issue.subject).collect();
    let mut rank: HashMap<Subject, usize> = HashMap::new();
    for (position, subject) in document_order(contract).into_iter().enumerate() {
        if concerned.contains(&subject) {
            rank.entry(subject).or_insert(position);
        }
    }
    issues.sort_by_key(|issue| rank.get(&issue.subject).copied().unwrap_or(usize::MAX));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::diagnostic::{Finding, FindingCategory};
    use crate::model::{
        Action, FundingKind, FundingLine, Indicator, IndicatorKind, Meeting, Member, Organisation,
        OrganisationKind, ReviewStatus, SpecificObjective, YearMonth, YearReview,
    };
    use proptest::prelude::*;

    fn id(n: u128) -> Id {
        Id::from_u128(n)
    }

    fn ym(year: i32, month: u8) -> Option<YearMonth> {
        YearMonth::new(year, month)
    }

    fn review(year: i32) -> YearReview {
        YearReview {
            year,
            status: ReviewStatus::Done,
            comment: String::new(),
            reason: String::new(),
            next_steps: String::new(),
        }
    }

    fn objective(n: u128, title: &str) -> StrategicObjective {
        StrategicObjective { id: id(n), modified_at: 0, title: title.into() }
    }

    /// A sheet `base` (ids base..base+6) under `axis`/`objective`, complete and within 2024-2028.
    fn sheet(base: u128, title: &str, axis: u128, objective: u128) -> ActionSheet {
        let mut sheet = ActionSheet::new(id(base), title, 0);
        sheet.axis_id = Some(id(axis));
        sheet.objective_id = Some(id(objective));
        sheet.finding_ids = vec![id(300)];
        sheet.specific_objectives = vec![SpecificObjective {
            id: id(base + 1),
            modified_at: 0,
            strategic_objective_id: Some(id(objective)),
            text: "Améliorer l'accès".into(),
        }];
        let mut action = Action::new(id(base + 2), "Organiser des rencontres", 0);
        action.start = ym(2024, 9);
        action.end = ym(2025, 6);
        action.lead_id = Some(id(101));
        action.reviews = vec![review(2025)];
        sheet.actions = vec![action];
        sheet.lead.organisation_id = Some(id(100));
        sheet.partner_ids = vec![id(101), id(102)];
        sheet.funding = vec![FundingLine {
            id: id(base + 3),
            modified_at: 0,
            year: 2025,
            funder_id: Some(id(100)),
            kind: FundingKind::Operating,
            planned_euros: 5000,
            actual_euros: None,
            in_kind_days: Some(3),
        }];
        let mut indicator =
            Indicator::new(id(base + 4), IndicatorKind::Process, "Nombre de participants", 0);
        indicator.target = "40".into();
        sheet.indicators = vec![indicator];
        sheet.reviews = vec![review(2024)];
        sheet
    }

    /// A complete, correct contract: validation must find nothing in it.
    fn clean() -> Contract {
        let mut c = Contract::blank(id(1), "CLS du Bassin d'Aurillac 2024-2028", 0);
        c.signing.date = Some("2024-06-27".into());
        c.organisations = vec![
            Organisation::new(id(100), "ARS Auvergne-Rhône-Alpes", OrganisationKind::Ars, 0),
            Organisation::new(id(101), "CPAM du Cantal", OrganisationKind::Cpam, 0),
            Organisation::new(id(102), "Ville d'Aurillac", OrganisationKind::Commune, 0),
        ];
        c.governance.members = vec![Member {
            id: id(200),
            modified_at: 0,
            body: Body::SteeringCommittee,
            name: "Marie Dupont".into(),
            organisation_id: Some(id(100)),
            role: "Présidente".into(),
        }];
        c.governance.meetings = vec![Meeting {
            id: id(210),
            modified_at: 0,
            body: Body::SteeringCommittee,
            date: "2025-03-14".into(),
            notes: String::new(),
        }];
        c.diagnostic = vec![Finding {
            id: id(300),
            modified_at: 0,
            category: FindingCategory::CareProvision,
            text: "Densité médicale faible".into(),
        }];
        let mut care = Axis::new(id(10), "Accès aux soins", 0);
        care.objectives =
            vec![objective(11, "Attirer des médecins"), objective(12, "Coordonner les soins")];
        let mut mental = Axis::new(id(20), "Santé mentale et précarité", 0);
        mental.mental_health = true;
        mental.objectives = vec![objective(21, "Prévenir le suicide")];
        c.axes = vec![care, mental];
        c.sheets = vec![
            sheet(1000, "Attractivité médicale", 10, 11),
            sheet(2000, "Santé mentale des jeunes", 20, 21),
        ];
        c
    }

    /// The single issue of `contract`, which must have exactly one.
    fn only(contract: &Contract) -> Issue {
        let issues = validate(contract);
        assert_eq!(issues.len(), 1, "expected exactly one issue, got {issues:#?}");
        issues.into_iter().next().unwrap()
    }

    fn assert_error(issue: &Issue, subject: Subject) {
        assert_eq!(issue.severity, Severity::Error, "{issue:#?}");
        assert_eq!(issue.subject, subject, "{issue:#?}");
    }

    fn assert_warning(issue: &Issue, subject: Subject) {
        assert_eq!(issue.severity, Severity::Warning, "{issue:#?}");
        assert_eq!(issue.subject, subject, "{issue:#?}");
    }

    // --- The reference case --------------------------------------------------------------

    #[test]
    fn a_complete_contract_has_no_issue() {
        assert_eq!(validate(&clean()), Vec::<Issue>::new());
    }

    // --- Contract and period -------------------------------------------------------------

    #[test]
    fn an_empty_contract_name_is_an_error() {
        let mut c = clean();
        c.name = "   ".into();
        let issue = only(&c);
        assert_error(&issue, Subject::Contract);
        assert_eq!(issue.path, "Contrat");
    }

    #[test]
    fn an_invalid_signing_date_is_a_warning() {
        let mut c = clean();
        c.signing.date = Some("27/06/2024".into());
        assert_warning(&only(&c), Subject::Contract);
        c.signing.date = Some(String::new());
        assert!(validate(&c).is_empty(), "an empty signing date is just not filled in yet");
    }

    #[test]
    fn a_period_ending_before_it_starts_is_an_error() {
        let mut c = clean();
        c.period.first_year = 2029;
        c.period.last_year = 2025;
        let issue = only(&c);
        assert_error(&issue, Subject::Period);
        assert!(
            issue.message.contains("2029") && issue.message.contains("2025"),
            "{}",
            issue.message
        );
    }

    #[test]
    fn an_inverted_period_does_not_flag_every_date() {
        let mut c = clean();
        c.period.first_year = 2028;
        c.period.last_year = 2024;
        // Only the period error: the dates inside it cannot be judged against it.
        assert_error(&only(&c), Subject::Period);
    }

    #[test]
    fn a_period_longer_than_ten_years_is_an_error() {
        let mut c = clean();
        c.period.last_year = 2024 + 9; // ten years, included: fine
        assert!(validate(&c).is_empty());
        c.period.last_year = 2024 + 10; // eleven years
        let issue = only(&c);
        assert_error(&issue, Subject::Period);
        assert!(issue.message.contains("11 ans"), "{}", issue.message);
    }

    #[test]
    fn period_years_outside_2000_2100_are_errors() {
        let mut c = Contract::blank(id(1), "CLS", 0);
        c.axes = vec![{
            let mut a = Axis::new(id(10), "Santé mentale", 0);
            a.mental_health = true;
            a
        }];
        c.period.first_year = 1999;
        c.period.last_year = 2002;
        assert_error(&only(&c), Subject::Period);
        c.period.first_year = 2098;
        c.period.last_year = 2101;
        assert!(only(&c).message.contains("2101"));
        c.period.first_year = 2000;
        c.period.last_year = 2004;
        assert!(validate(&c).is_empty());
    }

    // --- Legal rule: mental health (loi 3DS) ----------------------------------------------

    #[test]
    fn a_contract_without_mental_health_component_gets_a_warning_citing_the_law() {
        let mut c = clean();
        c.axes[1].mental_health = false;
        let issue = only(&c);
        assert_warning(&issue, Subject::Contract);
        assert!(
            issue.message.contains("loi 3DS") && issue.message.contains("article 122"),
            "{}",
            issue.message
        );
        // Tagging a sheet is enough.
        c.sheets[0].mental_health = true;
        assert!(validate(&c).is_empty());
    }

    // --- Calendar ------------------------------------------------------------------------

    #[test]
    fn an_action_starting_before_the_contract_is_an_error() {
        let mut c = clean();
        c.sheets[0].actions[0].start = ym(2023, 11);
        let issue = only(&c);
        assert_error(&issue, Subject::Action { sheet: id(1000), id: id(1002) });
        assert_eq!(
            issue.message,
            "L'action commence en novembre 2023, avant le début du contrat (2024)."
        );
    }

    #[test]
    fn an_action_ending_after_the_contract_is_an_error() {
        let mut c = clean();
        c.sheets[1].actions[0].end = ym(2030, 3);
        let issue = only(&c);
        assert_error(&issue, Subject::Action { sheet: id(2000), id: id(2002) });
        assert_eq!(
            issue.message,
            "L'action se termine en mars 2030, après la fin du contrat (2028)."
        );
        assert_eq!(issue.path, "Fiche action n°2 › Action 1");
    }

    #[test]
    fn an_action_starting_after_the_contract_is_an_error() {
        let mut c = clean();
        c.sheets[0].actions[0].start = ym(2029, 1);
        c.sheets[0].actions[0].end = None;
        assert!(only(&c).message.contains("après la fin du contrat"));
    }

    #[test]
    fn an_action_ending_before_it_starts_is_an_error() {
        let mut c = clean();
        c.sheets[0].actions[0].start = ym(2026, 6);
        c.sheets[0].actions[0].end = ym(2026, 3);
        let issue = only(&c);
        assert_error(&issue, Subject::Action { sheet: id(1000), id: id(1002) });
        assert!(issue.message.contains("avant d'avoir commencé"), "{}", issue.message);
    }

    #[test]
    fn a_funding_year_outside_the_period_is_an_error() {
        let mut c = clean();
        c.sheets[0].funding[0].year = 2031;
        let issue = only(&c);
        assert_error(&issue, Subject::Funding { sheet: id(1000), id: id(1003) });
        assert_eq!(issue.path, "Fiche action n°1 › Ligne de financement 1");
        assert!(issue.message.contains("2031") && issue.message.contains("2024-2028"));
    }

    #[test]
    fn a_sheet_review_outside_the_period_is_an_error() {
        let mut c = clean();
        c.sheets[0].reviews.push(review(2023));
        let issue = only(&c);
        assert_error(&issue, Subject::Sheet(id(1000)));
        assert_eq!(issue.path, "Fiche action n°1 › Bilan 2023");
    }

    #[test]
    fn an_action_review_outside_the_period_is_an_error() {
        let mut c = clean();
        c.sheets[0].actions[0].reviews.push(review(2029));
        assert_error(&only(&c), Subject::Action { sheet: id(1000), id: id(1002) });
    }

    // --- References to the directory -----------------------------------------------------

    fn without_organisation(n: u128) -> Contract {
        let mut c = clean();
        c.organisations.retain(|o| o.id != id(n));
        c
    }

    #[test]
    fn a_deleted_sheet_lead_is_an_error() {
        let mut c = clean();
        c.sheets[0].lead.organisation_id = Some(id(999));
        let issue = only(&c);
        assert_error(&issue, Subject::Sheet(id(1000)));
        assert!(
            issue.message.contains("supprimée")
                && issue.message.contains("choisissez-la à nouveau")
        );
    }

    #[test]
    fn a_deleted_partner_is_an_error() {
        let issue = only(&{
            let mut c = without_organisation(102);
            c.sheets[1].partner_ids.retain(|p| *p != id(102));
            c
        });
        // Org 102 is only a partner of sheet 1000 now.
        assert_error(&issue, Subject::Sheet(id(1000)));
        assert!(issue.message.contains("partenaire"));
    }

    #[test]
    fn a_deleted_action_lead_is_an_error() {
        let mut c = clean();
        c.sheets[1].actions[0].lead_id = Some(id(999));
        assert_error(&only(&c), Subject::Action { sheet: id(2000), id: id(2002) });
    }

    #[test]
    fn a_deleted_funder_is_an_error() {
        let mut c = clean();
        c.sheets[1].funding[0].funder_id = Some(id(999));
        let issue = only(&c);
        assert_error(&issue, Subject::Funding { sheet: id(2000), id: id(2003) });
        assert!(issue.message.contains("financeur"));
    }

    #[test]
    fn a_deleted_member_organisation_is_an_error() {
        let mut c = clean();
        c.governance.members[0].organisation_id = Some(id(999));
        let issue = only(&c);
        assert_error(&issue, Subject::Member(id(200)));
        assert_eq!(issue.path, "Gouvernance › Comité de pilotage (COPIL) › Marie Dupont");
    }

    #[test]
    fn deleting_a_shared_organisation_flags_every_place_it_was_used() {
        // Org 100 leads both sheets, funds both, and sits on the COPIL.
        let issues = validate(&without_organisation(100));
        assert_eq!(issues.len(), 5, "{issues:#?}");
        assert_eq!(errors(&issues), 5);
        assert_eq!(issues[0].subject, Subject::Member(id(200)));
    }

    #[test]
    fn a_deleted_diagnostic_finding_is_a_warning() {
        let mut c = clean();
        c.diagnostic.clear();
        let issues = validate(&c);
        assert_eq!(issues.len(), 2);
        assert!(issues
            .iter()
            .all(|i| i.severity == Severity::Warning && i.message.contains("constat")));
        assert_eq!(issues[0].subject, Subject::Sheet(id(1000)));
        assert_eq!(issues[1].subject, Subject::Sheet(id(2000)));
    }

    // --- Placement under axes and objectives ---------------------------------------------

    #[test]
    fn a_sheet_pointing_at_a_deleted_axis_is_an_error() {
        let mut c = clean();
        c.sheets[0].axis_id = Some(id(999));
        let issue = only(&c);
        assert_error(&issue, Subject::Sheet(id(1000)));
        assert!(issue.message.contains("axe") && issue.message.contains("supprimé"));
    }

    #[test]
    fn a_sheet_pointing_at_a_deleted_objective_is_an_error() {
        let mut c = clean();
        c.sheets[0].objective_id = Some(id(999));
        assert_error(&only(&c), Subject::Sheet(id(1000)));
    }

    #[test]
    fn a_sheet_objective_from_another_axis_is_an_error() {
        let mut c = clean();
        c.sheets[0].objective_id = Some(id(21));
        let issue = only(&c);
        assert_error(&issue, Subject::Sheet(id(1000)));
        assert!(
            issue.message.contains("(2.1) appartient à l'axe 2, pas à l'axe 1"),
            "{}",
            issue.message
        );
    }

    #[test]
    fn a_specific_objective_pointing_at_a_deleted_objective_is_an_error() {
        let mut c = clean();
        c.sheets[0].specific_objectives[0].strategic_objective_id = Some(id(999));
        let issue = only(&c);
        assert_error(&issue, Subject::SpecificObjective { sheet: id(1000), id: id(1001) });
        // It has lost its number, so it is named by its text.
        assert_eq!(issue.path, "Fiche action n°1 › Objectif spécifique « Améliorer l'accès »");
    }

    #[test]
    fn a_specific_objective_from_another_axis_is_an_error() {
        let mut c = clean();
        c.sheets[0].specific_objectives[0].strategic_objective_id = Some(id(21));
        assert_error(&only(&c), Subject::SpecificObjective { sheet: id(1000), id: id(1001) });
        // Another objective of the same axis is fine.
        c.sheets[0].specific_objectives[0].strategic_objective_id = Some(id(12));
        assert!(validate(&c).is_empty());
    }

    // --- Completeness --------------------------------------------------------------------

    #[test]
    fn a_sheet_without_lead_is_a_warning() {
        let mut c = clean();
        c.sheets[1].lead.organisation_id = None;
        let issue = only(&c);
        assert_warning(&issue, Subject::Sheet(id(2000)));
        assert!(issue.message.contains("pilote"));
    }

    #[test]
    fn a_sheet_without_axis_is_a_warning() {
        let mut c = clean();
        c.sheets[0].axis_id = None;
        let issue = only(&c);
        assert_warning(&issue, Subject::Sheet(id(1000)));
        // Without an axis it is read last, so it becomes n°2.
        assert_eq!(issue.path, "Fiche action n°2");
    }

    #[test]
    fn an_indicator_without_target_is_a_warning() {
        let mut c = clean();
        c.sheets[0].indicators[0].target = " \t ".into();
        let issue = only(&c);
        assert_warning(&issue, Subject::Indicator { sheet: id(1000), id: id(1004) });
        assert_eq!(issue.path, "Fiche action n°1 › Indicateur « Nombre de participants »");
        c.sheets[0].indicators[0].name.clear();
        assert_eq!(only(&c).path, "Fiche action n°1 › Indicateur 1");
    }

    // --- Titles and duplicates -----------------------------------------------------------

    #[test]
    fn empty_titles_are_warnings() {
        let mut c = clean();
        c.axes[0].title = " ".into();
        c.axes[1].objectives[0].title.clear();
        c.sheets[1].title.clear();
        let issues = validate(&c);
        let subjects: Vec<_> = issues.iter().map(|i| (i.severity, i.subject)).collect();
        assert_eq!(
            subjects,
            vec![
                (Severity::Warning, Subject::Axis(id(10))),
                (Severity::Warning, Subject::Objective(id(21))),
                (Severity::Warning, Subject::Sheet(id(2000))),
            ]
        );
        assert_eq!(issues[1].path, "Axe 2 › Objectif 2.1");
    }

    #[test]
    fn duplicate_axis_titles_are_a_warning_ignoring_case_accents_and_spaces() {
        let mut c = clean();
        c.axes[1].title = "  ACCÈS   aux soins ".into();
        let issue = only(&c);
        assert_warning(&issue, Subject::Axis(id(20)));
        assert!(issue.message.contains("L'axe 1"), "{}", issue.message);
    }

    #[test]
    fn duplicate_objective_titles_in_one_axis_are_a_warning() {
        let mut c = clean();
        c.axes[0].objectives[1].title = "attirer des Médecins".into();
        let issue = only(&c);
        assert_warning(&issue, Subject::Objective(id(12)));
        assert_eq!(issue.path, "Axe 1 › Objectif 1.2");
        // The same title under another axis is fine.
        let mut c = clean();
        c.axes[1].objectives[0].title = "Attirer des médecins".into();
        assert!(validate(&c).is_empty());
    }

    #[test]
    fn duplicate_sheet_titles_are_a_warning() {
        let mut c = clean();
        c.sheets[1].title = "ATTRACTIVITE MEDICALE".into();
        let issue = only(&c);
        assert_warning(&issue, Subject::Sheet(id(2000)));
        assert!(issue.message.contains("n°1"));
    }

    #[test]
    fn duplicate_organisation_names_suggest_merging() {
        let mut c = clean();
        c.organisations[2].name = "cpam du  cantal".into();
        let issue = only(&c);
        assert_warning(&issue, Subject::Organisation(id(102)));
        assert!(issue.message.contains("fusionnez"), "{}", issue.message);
        assert_eq!(issue.path, "Annuaire › cpam du  cantal");
    }

    // --- Meeting dates -------------------------------------------------------------------

    #[test]
    fn an_invalid_meeting_date_is_a_warning() {
        let mut c = clean();
        c.governance.meetings[0].date = "14/03/2025".into();
        let issue = only(&c);
        assert_warning(&issue, Subject::Meeting(id(210)));
        assert_eq!(issue.path, "Gouvernance › Comité de pilotage (COPIL) › Réunion 1");
        c.governance.meetings[0].date = String::new();
        assert!(only(&c).message.contains("pas de date"));
    }

    #[test]
    fn iso_dates_are_checked_for_shape_and_calendar() {
        for ok in ["2025-03-14", "2024-02-29", "2000-02-29", "2025-12-31", "2025-01-01"] {
            assert!(is_iso_date(ok), "{ok}");
        }
        for bad in [
            "",
            "2025-3-14",
            "14/03/2025",
            "2025-13-01",
            "2025-00-10",
            "2025-04-31",
            "2023-02-29",
            "2100-02-29",
            "2025-02-00",
            "2025-03-14T10:00",
            "+025-03-14",
            "２０２５-03-14",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }

    // --- Folding -------------------------------------------------------------------------

    #[test]
    fn fold_lowercases_removes_accents_and_collapses_spaces() {
        assert_eq!(fold("  Santé   MENTALE\tÉlèves "), "sante mentale eleves");
        assert_eq!(
            fold("Cœur, Ælia, ça, où, maïs, Noël, île, rôle"),
            "coeur, aelia, ca, ou, mais, noel, ile, role"
        );
        assert_eq!(fold("L’accès"), fold("l'acces"));
        assert_eq!(fold(" \n "), "");
    }

    // --- Order, paths and helpers --------------------------------------------------------

    #[test]
    fn issues_come_contract_first_then_in_document_order() {
        let mut c = clean();
        c.sheets[1].indicators[0].target.clear(); // sheet n°2
        c.sheets[0].actions[0].end = ym(2045, 1); // sheet n°1
        c.axes[1].title.clear(); // axis 2
        c.governance.meetings[0].date = "demain".into();
        c.organisations[1].name = "Ars Auvergne-Rhone-Alpes".into();
        c.axes[1].mental_health = false; // contract-level
        c.period.last_year = 2040; // period
        let subjects: Vec<Subject> = validate(&c).into_iter().map(|i| i.subject).collect();
        assert_eq!(
            subjects,
            vec![
                Subject::Contract,
                Subject::Period,
                Subject::Organisation(id(101)),
                Subject::Meeting(id(210)),
                Subject::Axis(id(20)),
                Subject::Action { sheet: id(1000), id: id(1002) },
                Subject::Indicator { sheet: id(2000), id: id(2004) },
            ]
        );
    }

    #[test]
    fn sheets_are_reported_in_reading_order_with_their_derived_numbers() {
        let mut c = clean();
        c.axes.swap(0, 1); // the mental-health sheet becomes n°1
        c.sheets[0].lead.organisation_id = None;
        c.sheets[1].lead.organisation_id = None;
        let issues = validate(&c);
        let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(paths, ["Fiche action n°1", "Fiche action n°2"]);
        assert_eq!(issues[0].subject, Subject::Sheet(id(2000)));
    }

    #[test]
    fn helpers_count_errors_and_filter_by_subject() {
        let mut c = clean();
        c.sheets[0].lead.organisation_id = None; // warning on sheet 1000
        c.sheets[0].funding[0].year = 2040; // error on a part of sheet 1000
        c.name.clear(); // error on the contract
        let issues = validate(&c);
        assert_eq!(issues.len(), 3);
        assert_eq!(errors(&issues), 2);
        assert!(issues[0].is_error());
        assert_eq!(issues_for(&issues, Subject::Sheet(id(1000))).count(), 1);
        assert_eq!(issues_for(&issues, Subject::Contract).count(), 1);
        assert_eq!(issues_for(&issues, Subject::Sheet(id(2000))).count(), 0);
        let of_sheet = issues.iter().filter(|i| i.subject.sheet() == Some(id(1000))).count();
        assert_eq!(of_sheet, 2);
    }

    #[test]
    fn long_texts_are_shortened_in_paths() {
        let long = "é".repeat(100);
        let short = shorten(&long, QUOTED_IN_PATH);
        assert_eq!(short.chars().count(), 71);
        assert!(short.ends_with('…'));
        assert_eq!(shorten("court", QUOTED_IN_PATH), "court");
    }

    // --- Properties ----------------------------------------------------------------------

    fn french_text() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9éèêëàâäîïôöùûüçœæÉÈÊÀÂÎÔÙÛÇŒÆ' ,-]{0,30}"
    }

    proptest! {
        #[test]
        fn fold_ignores_case_and_spacing_and_is_idempotent(text in french_text()) {
            let folded = fold(&text);
            prop_assert!(folded.is_ascii(), "{folded}");
            prop_assert_eq!(fold(&folded), folded.clone());
            prop_assert_eq!(fold(&text.to_uppercase()), folded.clone());
            prop_assert_eq!(fold(&format!("  {}\t", text.replace(' ', "  "))), folded);
        }

        #[test]
        fn actions_are_flagged_exactly_when_outside_the_period(
            first in 2000i32..2090,
            length in 0i32..10,
            start in (1995i32..2105, 1u8..=12),
            end in (1995i32..2105, 1u8..=12),
        ) {
            let mut c = clean();
            c.period.first_year = first;
            c.period.last_year = first + length;
            // Keep every other date of the contract inside the period.
            for sheet in &mut c.sheets {
                sheet.reviews.clear();
                sheet.funding.clear();
                for action in &mut sheet.actions {
                    action.start = None;
                    action.end = None;
                    action.reviews.clear();
                }
            }
            let (start, end) = (ym(start.0, start.1).unwrap(), ym(end.0, end.1).unwrap());
            c.sheets[0].actions[0].start = Some(start);
            c.sheets[0].actions[0].end = Some(end);
            let expected = usize::from(!c.period.contains_year(start.year))
                + usize::from(!c.period.contains_year(end.year))
                + usize::from(end < start);
            let issues = validate(&c);
            prop_assert_eq!(issues.len(), expected, "{:#?}", issues);
            let action = Subject::Action { sheet: id(1000), id: id(1002) };
            let all_on_the_action = issues.iter().all(|i| i.is_error() && i.subject == action);
            prop_assert!(all_on_the_action);
        }

        #[test]
        fn each_dangling_organisation_reference_is_one_error_in_document_order(
            deleted in proptest::sample::subsequence(vec![100u128, 101, 102], 0..=3),
            axes_swapped in any::<bool>(),
        ) {
            let mut c = clean();
            if axes_swapped {
                c.axes.swap(0, 1);
            }
            let references = |n: u128| {
                let o = Some(id(n));
                let members = c.governance.members.iter().filter(|m| m.organisation_id == o).count();
                let sheets: usize = c.sheets.iter().map(|s| {
                    usize::from(s.lead.organisation_id == o)
                        + s.partner_ids.iter().filter(|p| **p == id(n)).count()
                        + s.actions.iter().filter(|a| a.lead_id == o).count()
                        + s.funding.iter().filter(|f| f.funder_id == o).count()
                }).sum();
                members + sheets
            };
            let expected: usize = deleted.iter().map(|n| references(*n)).sum();
            c.organisations.retain(|o| !deleted.iter().any(|n| o.id == id(*n)));
            let issues = validate(&c);
            prop_assert_eq!(issues.len(), expected);
            prop_assert_eq!(errors(&issues), expected);
            prop_assert!(issues.iter().all(|i| i.message.contains("supprimée de l'annuaire")));
            // Sorted: ranks in document order never go back.
            let order = document_order(&c);
            let ranks: Vec<usize> = issues.iter()
                .map(|i| order.iter().position(|s| *s == i.subject).unwrap())
                .collect();
            prop_assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{:?}", ranks);
            // Deterministic.
            prop_assert_eq!(validate(&c), issues);
        }

        #[test]
        fn well_formed_dates_round_trip(year in 1000u32..=9999, month in 1u32..=12, day in 1u32..=28) {
            let text = format!("{year:04}-{month:02}-{day:02}");
            prop_assert!(is_iso_date(&text));
            let bad_month = format!("{year:04}-{:02}-{day:02}", month + 12);
            let bad_day = format!("{year:04}-{month:02}-{:02}", day + 31);
            prop_assert!(!is_iso_date(&bad_month));
            prop_assert!(!is_iso_date(&bad_day));
        }
    }
}
