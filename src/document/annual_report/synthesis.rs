//! The annual report's synthesis: the actions by status and axis (the dashboard's chart and
//! its figures in a table), and three sentences that state the figures (the share réalisées
//! in the year, the share so far, what slipped and what nobody filled in), without judging.

use super::super::parts::{count_of, counts_table, plural, status_chart};
use super::super::{Document, ParagraphKind};
use crate::model::follow_up::{column_of, status_counts, DoneShare, StatusCounts};
use crate::model::numbering::Numbering;
use crate::model::{Contract, ReviewStatus};

pub(super) fn write(
    doc: &mut Document,
    contract: &Contract,
    numbers: &Numbering,
    year: i32,
    followed: bool,
) {
    doc.heading(1, "Synthèse");
    if !contract.period.contains_year(year) {
        let period = contract.period.label();
        let text = format!("{year} est en dehors de la période du contrat ({period}).");
        doc.paragraph_of(ParagraphKind::Notice, text);
    }
    if !followed {
        doc.paragraph_of(ParagraphKind::Notice, not_followed(year));
    }
    let counts = status_counts(contract, numbers, year);
    if counts.actions() == 0 {
        let text = "Le contrat ne compte encore aucune action : il n’y a rien à compter.";
        doc.paragraph_of(ParagraphKind::Notice, text);
        return;
    }
    for sentence in sentences(&counts) {
        doc.paragraph(sentence);
    }
    doc.push(status_chart(counts.describe(), &counts.axes));
    doc.push(counts_table(format!("Actions par statut et par axe en {year}"), &counts.axes));
}

/// What a year nobody filled in reads, at the top of its report.
pub(super) fn not_followed(year: i32) -> String {
    format!(
        "Aucun suivi n’a été saisi pour {year} : aucune fiche ni aucune action n’a de bilan \
         pour cette année. Toutes les actions sont donc comptées « Non renseigné »."
    )
}

/// The three sentences: the year's share, the share so far, what slipped and what is missing.
fn sentences(counts: &StatusCounts) -> [String; 3] {
    let year = counts.year;
    let totals = counts.totals();
    let slipped: usize = ReviewStatus::ALL
        .iter()
        .filter(|s| s.needs_decision())
        .map(|s| totals[column_of(Some(*s))])
        .sum();
    let unfilled = totals[column_of(None)];
    let missing = match unfilled {
        0 => "toutes les actions ont un statut renseigné".to_string(),
        1 => "1 action n’a pas de statut renseigné".to_string(),
        n => format!("{n} actions n’ont pas de statut renseigné"),
    };
    [
        format!("En {year}, {}.", done(counts.year_share)),
        format!(
            "Depuis le début du contrat et jusqu’en {year}, selon leur dernier statut renseigné, \
             {}.",
            done(counts.so_far_share)
        ),
        format!(
            "En {year}, {} {} reportée{s}, non réalisée{s} ou abandonnée{s} ; {missing}.",
            count_of(slipped, "action", "actions"),
            is(slipped),
            s = plural(slipped)
        ),
    ]
}

/// « 26 actions sur 47 sont réalisées ou partiellement réalisées (55 %) »; with none, « aucune
/// des 47 actions n’est réalisée ni partiellement réalisée (0 %) ».
fn done(share: DoneShare) -> String {
    let DoneShare { done, total } = share;
    if done == 0 {
        let which = match total {
            1 => "la seule action".to_string(),
            total => format!("aucune des {total} actions"),
        };
        let verb = if total == 1 { "n’est ni réalisée ni" } else { "n’est réalisée ni" };
        return format!("{which} {verb} partiellement réalisée ({}\u{a0}%)", share.percent());
    }
    format!(
        "{} sur {total} {} réalisée{s} ou partiellement réalisée{s} ({}\u{a0}%)",
        count_of(done, "action", "actions"),
        is(done),
        share.percent(),
        s = plural(done)
    )
}

/// The verb « être » agreeing with a count: « aucune action n’est », « 1 action est »,
/// « 3 actions sont ».
fn is(n: usize) -> &'static str {
    match n {
        0 => "n’est",
        1 => "est",
        _ => "sont",
    }
}
