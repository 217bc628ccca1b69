//! « Bilan du contrat »: the evaluation at mid-term or at the end, over every year of the
//! period, in the layout of the bilan that opens seed 001 (issue 12, §2). In order: the cover,
//! the totals per axis (actions by their latest status, chart and table), one table per fiche
//! (its overall bilan, then each action, with its latest status written out and colour-coded,
//! the year of that status and the comments of every year), and the indicators' trajectory, one column per
//! year.
//!
//! Only fiches and actions have yearly reviews; specific objectives do not. So a fiche with no
//! action is judged by its own bilan, and its specific objectives are listed under the table
//! as what that bilan covers.

#[cfg(test)]
mod tests;

use super::parts::{
    counts_table, indicator_name, or_dash, owner_label, review_cells, review_header, status_chart,
    DASH,
};
use super::{Block, Cell, Document, ParagraphKind, Table};
use crate::model::axis::NO_AXIS;
use crate::model::follow_up::{axis_counts, describe_counts, indicator_rows, SHEET_ROW_LABEL};
use crate::model::iso_date::french_date;
use crate::model::numbering::Numbering;
use crate::model::review::{latest_stated_review_until, latest_status};
use crate::model::{ActionSheet, Contract, YearReview};

/// The evaluation of the contract, dated `today` (ISO, as the browser gives it).
pub fn evaluation(contract: &Contract, today: &str) -> Document {
    let numbers = Numbering::of(contract);
    let title = format!("Bilan du contrat {}", contract.period.label());
    let mut doc = Document::new(title, contract.name.trim());
    let years = followed_years(contract);
    let followed = match years.as_slice() {
        [] => "Aucun suivi n’a encore été saisi.".to_string(),
        years => {
            let years: Vec<String> = years.iter().map(i32::to_string).collect();
            format!("Années suivies : {}.", years.join(", "))
        }
    };
    let lines = [format!("Bilan établi le {}", french_date(today)), followed];
    super::parts::cover(&mut doc, contract, lines);
    doc.push(Block::PageBreak);
    totals(&mut doc, contract, &numbers, years.is_empty());
    fiches(&mut doc, contract, &numbers);
    trajectory(&mut doc, contract, &numbers);
    doc
}

/// The years of the period for which someone wrote a review, of a fiche or an action.
fn followed_years(contract: &Contract) -> Vec<i32> {
    let reviews: Vec<&YearReview> = contract
        .sheets
        .iter()
        .flat_map(|s| s.reviews.iter().chain(s.actions.iter().flat_map(|a| &a.reviews)))
        .filter(|r| !r.is_blank())
        .collect();
    contract.period.years().filter(|y| reviews.iter().any(|r| r.year == *y)).collect()
}

/// The totals per axis: each action counted once, by its latest status.
fn totals(doc: &mut Document, contract: &Contract, numbers: &Numbering, unfollowed: bool) {
    doc.heading(1, "Synthèse par axe");
    if unfollowed {
        let text = "Aucun suivi n’a encore été saisi : toutes les actions sont « Non renseigné ».";
        doc.paragraph_of(ParagraphKind::Notice, text);
    }
    let axes = axis_counts(contract, numbers, latest_status);
    if axes.is_empty() {
        doc.paragraph_of(ParagraphKind::Notice, "Le contrat ne compte encore aucune action.");
        return;
    }
    doc.paragraph(
        "Chaque action est comptée une fois, selon son dernier statut renseigné, quelle que soit \
         l’année de ce statut.",
    );
    let description = describe_counts("Actions par dernier statut renseigné.", &axes);
    doc.push(status_chart(description, &axes));
    doc.push(counts_table("Actions par dernier statut et par axe".into(), &axes));
}

/// One section per axis and one table per fiche.
fn fiches(doc: &mut Document, contract: &Contract, numbers: &Numbering) {
    doc.heading(1, "Bilan par fiche action");
    if contract.sheets.is_empty() {
        doc.paragraph_of(ParagraphKind::Notice, "Le contrat n’a pas encore de fiche action.");
        return;
    }
    doc.paragraph(
        "Pour chaque fiche, son bilan d’ensemble puis chacune de ses actions, avec son dernier \
         statut renseigné, écrit en toutes lettres, l’année de ce statut et ce qui en a été dit \
         chaque année.",
    );
    for (axis, sheets) in contract.sheets_by_axis() {
        if sheets.is_empty() {
            continue;
        }
        doc.heading(2, axis.map_or(NO_AXIS.to_string(), |a| a.label(numbers)));
        for sheet in sheets {
            doc.heading(3, sheet.label(numbers));
            fiche(doc, numbers, sheet);
        }
    }
}

/// A fiche's table, or a sentence when nobody reviewed it; its specific objectives when it has
/// no action.
fn fiche(doc: &mut Document, numbers: &Numbering, sheet: &ActionSheet) {
    let own = (SHEET_ROW_LABEL.to_string(), sheet.reviews.as_slice());
    let actions = sheet.actions.iter().enumerate().map(|(rank, action)| {
        let words: Vec<&str> = action.description.split_whitespace().collect();
        let label = match words.as_slice() {
            [] => format!("Action {}", rank + 1),
            words => format!("Action {} – {}", rank + 1, words.join(" ")),
        };
        (label, action.reviews.as_slice())
    });
    let rows: Vec<(String, &[YearReview])> = std::iter::once(own).chain(actions).collect();
    if rows.iter().all(|(_, reviews)| reviews.iter().all(YearReview::is_blank)) {
        doc.paragraph_of(ParagraphKind::Notice, "Aucun bilan n’a été saisi pour cette fiche.");
    } else {
        let mut header = review_header("Fiche ou action", "Dernier statut".into());
        header.insert(2, "Année".into());
        doc.push(Block::Table(Table {
            caption: format!("Bilan – {}", sheet.label(numbers)),
            header,
            rows: rows.iter().map(|(label, reviews)| latest_row(label, reviews)).collect(),
        }));
    }
    if sheet.actions.is_empty() && !sheet.specific_objectives.is_empty() {
        doc.paragraph("Cette fiche n’a pas d’action : son bilan d’ensemble porte sur ses objectifs spécifiques.");
        let objectives = sheet
            .specific_objectives
            .iter()
            .map(|o| format!("{} – {}", numbers.get(o.id).unwrap_or(DASH), or_dash(&o.text)));
        doc.push(Block::List(objectives.collect()));
    }
}

/// A row of the fiche's table: the latest review that gives a status, else the latest that
/// says anything, with its year; then what was written every year (« Ce qui a été fait »,
/// « Pourquoi ? », « Suite prévue »), each text after its year unless it is the only one and
/// of the status's year: an evaluation reads the whole story, not only the last comment.
/// Every year counts, even one outside the period (an error validation reports): nothing
/// written is hidden.
fn latest_row(label: &str, reviews: &[YearReview]) -> Vec<Cell> {
    let said = || reviews.iter().filter(|r| !r.is_blank()).max_by_key(|r| r.year);
    let review = latest_stated_review_until(reviews, i32::MAX).or_else(said);
    let [status, ..] = review_cells(review);
    let year = review.map_or(DASH.to_string(), |r| r.year.to_string());
    let mut written: Vec<&YearReview> = reviews.iter().filter(|r| !r.is_blank()).collect();
    written.sort_by_key(|r| r.year);
    let every_year = |pick: fn(&YearReview) -> &str| {
        let texts: Vec<(i32, &str)> = written
            .iter()
            .map(|r| (r.year, pick(r).trim()))
            .filter(|(_, text)| !text.is_empty())
            .collect();
        match texts.as_slice() {
            [] => Cell::text(DASH),
            [(y, text)] if Some(*y) == review.map(|r| r.year) => Cell::text(*text),
            texts => {
                let lines: Vec<String> = texts.iter().map(|(y, t)| format!("{y} : {t}")).collect();
                Cell::text(lines.join("\n"))
            }
        }
    };
    let (done, why, next) = (every_year(comment), every_year(reason), every_year(next_steps));
    vec![Cell::text(label), status, Cell::number(year), done, why, next]
}

fn comment(review: &YearReview) -> &str {
    &review.comment
}

/// « Pourquoi ? », asked only when the year's status is not « Réalisé ».
fn reason(review: &YearReview) -> &str {
    match review.status {
        Some(status) if !status.asks_why() => "",
        _ => &review.reason,
    }
}

fn next_steps(review: &YearReview) -> &str {
    &review.next_steps
}

/// Every indicator, the contract's own first, with its target and result for each year.
fn trajectory(doc: &mut Document, contract: &Contract, numbers: &Numbering) {
    doc.heading(1, "Trajectoire des indicateurs");
    let period = contract.period;
    let rows: Vec<Vec<Cell>> = indicator_rows(contract, numbers, period.first_year)
        .into_iter()
        .filter_map(|row| {
            let list = row.owner.indicators(contract)?;
            let indicator = list.iter().find(|i| i.id == row.indicator_id)?;
            let years = period.years().map(|year| {
                let value = indicator.value_of(year);
                match value.map_or(("", ""), |v| (v.target.trim(), v.result.trim())) {
                    ("", "") => Cell::number(DASH),
                    (target, result) => {
                        Cell::number(format!("{} / {}", or_dash(target), or_dash(result)))
                    }
                }
            });
            let first = [
                Cell::text(owner_label(row.owner, numbers)),
                Cell::text(indicator_name(indicator)),
                Cell::number(or_dash(&indicator.target)),
            ];
            Some(first.into_iter().chain(years).collect())
        })
        .collect();
    if rows.is_empty() {
        doc.paragraph_of(ParagraphKind::Notice, "Ni le contrat ni ses fiches n’ont d’indicateur.");
        return;
    }
    let header = ["Indicateur de", "Indicateur", "Cible finale"]
        .into_iter()
        .map(String::from)
        .chain(period.years().map(|year| format!("{year} (cible / résultat)")))
        .collect();
    let caption = format!("Trajectoire des indicateurs {}", period.label());
    doc.push(Block::Table(Table { caption, header, rows }));
}
