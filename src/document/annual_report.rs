//! « Rapport annuel <année> »: what the coordinator presents to the COPIL once a year, built
//! from the follow-up alone (issue 12, §1). In order: the cover (the contract, the year, the
//! date of the report, the year's COPIL meetings), the synthesis (actions by status and axis,
//! the share réalisées, three sentences that state the figures), one section per axis and
//! fiche (its lead, the fiche's and each action's review), the indicators, the budget, and the
//! points the COPIL has to decide on.
//!
//! Every figure comes from `model::follow_up` (status counts, rows, indicators, budget), so the
//! report says what « Suivi » says. A year nobody has filled in gives a report that says so in
//! one sentence, with its synthesis of zero counts, and no section full of « Non renseigné ».

mod decisions;
mod fiches;
mod figures;
mod synthesis;
#[cfg(test)]
mod tests;

use super::parts::cover;
use super::{Block, Document, ParagraphKind};
use crate::model::follow_up::{follow_up_rows, FollowUpRow};
use crate::model::iso_date::{french_date, parse_iso_date};
use crate::model::numbering::Numbering;
use crate::model::{Body, Contract};

/// The annual report of `year`, dated `today` (ISO, `2026-01-15`, as the browser gives it).
/// Any year can be asked for: one outside the period says so, and is still a report.
pub fn annual_report(contract: &Contract, year: i32, today: &str) -> Document {
    let numbers = Numbering::of(contract);
    let rows = follow_up_rows(contract, &numbers, year);
    let followed = has_follow_up(&rows);
    let mut doc = Document::new(format!("Rapport annuel {year}"), contract.name.trim());
    cover_page(&mut doc, contract, year, today);
    synthesis::write(&mut doc, contract, &numbers, year, followed);
    if followed {
        fiches::write(&mut doc, contract, &rows, year);
    }
    figures::indicators(&mut doc, contract, &numbers, year);
    figures::budget(&mut doc, contract, &numbers, year);
    decisions::write(&mut doc, &rows, &numbers, year, followed);
    doc
}

/// Whether anyone wrote anything for the year, on a fiche or an action.
fn has_follow_up(rows: &[FollowUpRow]) -> bool {
    rows.iter().any(|row| row.review.as_ref().is_some_and(|r| !r.is_blank()))
}

/// The cover, on a page of its own: the contract, the year, the date of the report and the
/// COPIL meetings held (or planned) in the year, with what each was about.
fn cover_page(doc: &mut Document, contract: &Contract, year: i32, today: &str) {
    let lines = [
        format!("Rapport annuel {year} au comité de pilotage"),
        format!("Rapport établi le {}", french_date(today)),
    ];
    cover(doc, contract, lines);
    let meetings: Vec<String> = contract
        .governance
        .meetings
        .iter()
        .filter(|m| m.body == Body::SteeringCommittee)
        .filter(|m| parse_iso_date(&m.date).is_some_and(|(y, _, _)| y == year))
        .map(|m| match m.notes.trim() {
            "" => french_date(&m.date),
            notes => format!("{} : {notes}", french_date(&m.date)),
        })
        .collect();
    let heading = match meetings.len() {
        0 => format!("Aucune réunion du comité de pilotage n’est enregistrée pour {year}."),
        _ => format!("Réunions du comité de pilotage en {year} :"),
    };
    doc.paragraph_of(ParagraphKind::Cover, heading);
    if !meetings.is_empty() {
        doc.push(Block::List(meetings));
    }
    doc.push(Block::PageBreak);
}
