//! An avenant (amendment) as the partners sign it (issue 13): its parties, the « Vu… » that
//! ground it (the contract's signature, the earlier avenants, the decision that adopted it),
//! « Article 1 — Objet », « Article 2 — Modifications » (what it changes, fiche by fiche and
//! field by field, from `versions::amendment_changes`: the same differences the avenant screen
//! shows), « Article 3 — Autres dispositions », then « Fait à …, le … » and the signature
//! blocks of the contract's signatories.
//!
//! The changes are those between the version before the avenant (the previous avenant's frozen
//! copy, else the copy frozen at signature) and the avenant's own frozen copy. The signature
//! blocks are the live contract's: an avenant is signed by today's representatives of the
//! parties, whom the contract's directory names. Whatever is missing is said in French rather
//! than left as an empty heading.

#[cfg(test)]
mod tests;

use super::contract_text::signing_blocks;
use super::parts::list_or;
use super::{Block, Cell, Document, ParagraphKind, Table};
use crate::model::amendment::version_before;
use crate::model::iso_date::french_date;
use crate::model::organisation::signatories_in_order;
use crate::model::{Amendment, Body, Contract};
use crate::versions::amendment_changes::{changes_between, Change, ChangeGroup};

/// The document of avenant n°`number`; `None` when the contract has no such avenant.
pub fn amendment_document(contract: &Contract, number: u32) -> Option<Document> {
    let amendment = contract.amendments.iter().find(|a| a.number == number)?;
    let mut doc = Document::new(title(number, &contract.name), contract.name.trim());
    let date = amendment.date.as_deref().map(str::trim).filter(|d| !d.is_empty());
    let date_line = date.map_or("Date de l’avenant : à préciser".to_string(), |d| {
        format!("Date de l’avenant : {}", french_date(d))
    });
    cover(&mut doc, contract, date_line);
    parties(&mut doc, contract);
    grounds(&mut doc, contract, amendment);
    doc.heading(1, "Article 1 — Objet");
    let object = lines(&amendment.object);
    if object.is_empty() {
        doc.paragraph_of(ParagraphKind::Notice, "L’objet de l’avenant n’est pas renseigné.");
    }
    object.into_iter().for_each(|line| doc.paragraph(line));
    modifications(&mut doc, contract, amendment);
    doc.heading(1, "Article 3 — Autres dispositions");
    doc.paragraph("Les autres dispositions du contrat demeurent inchangées.");
    doc.heading(1, "Signatures");
    signing_blocks(&mut doc, contract, &contract.signing.place, date);
    Some(doc)
}

/// The lines under the title: the period, the territory unless the contract's name (which the
/// title already gives) says it, the avenant's date.
fn cover(doc: &mut Document, contract: &Contract, date_line: String) {
    doc.paragraph_of(ParagraphKind::Cover, format!("Période : {}", contract.period.label()));
    let territory = contract.territory.name.trim();
    if !territory.is_empty() && !contract.name.contains(territory) {
        doc.paragraph_of(ParagraphKind::Cover, format!("Territoire : {territory}"));
    }
    doc.paragraph_of(ParagraphKind::Cover, date_line);
}

/// « Avenant n°1 au Contrat local de santé du Bassin d’Aurillac… »: a name that already says
/// it is a contract (or a CLS) is not told so twice.
fn title(number: u32, name: &str) -> String {
    let name = name.trim();
    let says_contract = ["contrat ", "cls "]
        .iter()
        .any(|start| name.get(..start.len()).is_some_and(|head| head.eq_ignore_ascii_case(start)));
    match name {
        "" => format!("Avenant n°{number} au contrat local de santé"),
        name if says_contract => format!("Avenant n°{number} au {name}"),
        name => format!("Avenant n°{number} au contrat local de santé {name}"),
    }
}

/// The non-empty lines of a text, trimmed.
fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

/// The signatory organisations, in the order of the signature page.
fn parties(doc: &mut Document, contract: &Contract) {
    doc.heading(1, "Entre les parties");
    let names: Vec<String> = signatories_in_order(&contract.organisations)
        .into_iter()
        .map(|(o, _)| o.name.trim().to_string())
        .collect();
    doc.push(list_or(names, "Aucun signataire n’est encore désigné."));
}

/// « Vu le contrat … signé le … », the earlier avenants, the decision that adopted this one.
fn grounds(doc: &mut Document, contract: &Contract, amendment: &Amendment) {
    doc.heading(1, "Visas");
    let signing = &contract.signing;
    let date = signing.date.as_deref().map(str::trim).filter(|d| !d.is_empty());
    let signed = match (date, signing.place.trim()) {
        (Some(date), "") => format!(" signé le {}", french_date(date)),
        (Some(date), place) => format!(" signé le {} à {place}", french_date(date)),
        (None, "") => " (date de signature non renseignée)".to_string(),
        (None, place) => format!(" signé à {place} (date non renseignée)"),
    };
    let mut items = vec![format!("Vu le contrat local de santé{signed}")];
    let mut earlier: Vec<&Amendment> =
        contract.amendments.iter().filter(|a| a.number < amendment.number).collect();
    earlier.sort_by_key(|a| a.number);
    earlier.dedup_by_key(|a| a.number);
    items.extend(earlier.iter().map(|a| match a.date.as_deref().map(str::trim) {
        Some(date) if !date.is_empty() => {
            format!("Vu l’avenant n°{} du {}", a.number, french_date(date))
        }
        _ => format!("Vu l’avenant n°{}", a.number),
    }));
    let decision = decision(contract, amendment);
    let undecided = decision.is_none();
    items.extend(decision);
    doc.push(Block::List(items));
    if undecided {
        let text =
            "La décision qui adopte cet avenant (réunion du COPIL ou autre) n’est pas renseignée.";
        doc.paragraph_of(ParagraphKind::Notice, text);
    }
    doc.paragraph("Il est convenu ce qui suit :");
}

/// The decision that adopted the avenant: its meeting when it is among the contract's, with
/// the decision in words when given; else the words alone.
fn decision(contract: &Contract, amendment: &Amendment) -> Option<String> {
    let meeting = amendment
        .meeting_id
        .and_then(|id| contract.governance.meetings.iter().find(|m| m.id == id));
    let words = amendment.adopted_by.trim();
    let meeting = meeting.map(|m| match m.body {
        Body::SteeringCommittee => {
            format!("Vu la décision du comité de pilotage du {}", french_date(&m.date))
        }
        body => format!(
            "Vu la décision prise en réunion du {} ({})",
            french_date(&m.date),
            body.label()
        ),
    });
    match (meeting, words) {
        (Some(meeting), "") => Some(meeting),
        (Some(meeting), words) => Some(format!("{meeting} ({words})")),
        (None, "") => None,
        (None, words) => Some(format!("Vu la décision d’adoption : {words}")),
    }
}

/// « Article 2 »: the avenant's own words on what it changes, then each item it changes with
/// a table « Champ / Avant / Après ».
fn modifications(doc: &mut Document, contract: &Contract, amendment: &Amendment) {
    doc.heading(1, "Article 2 — Modifications");
    lines(&amendment.changes).into_iter().for_each(|line| doc.paragraph(line));
    let Some(after) = amendment.frozen_copy.as_deref() else {
        doc.paragraph_of(ParagraphKind::Notice, "Les modifications n’ont pas été figées.");
        return;
    };
    let Some(before) = version_before(contract, amendment.number) else {
        let text = "La version signée du contrat n’a pas été figée : les modifications ne peuvent pas être détaillées champ par champ.";
        doc.paragraph_of(ParagraphKind::Notice, text);
        return;
    };
    let groups = changes_between(before, after);
    if groups.is_empty() {
        let text = "Le contenu du contrat est le même que dans sa version précédente.";
        doc.paragraph_of(ParagraphKind::Notice, text);
    }
    for group in groups {
        change_group(doc, amendment.number, group);
    }
}

/// One item that changed: its heading (« Fiche action n°3 — … (modifiée) »), then its fields
/// before and after, or a sentence for an item removed (or added with nothing filled in).
fn change_group(doc: &mut Document, number: u32, group: ChangeGroup) {
    let label = group.change.label(group.kind);
    doc.heading(2, format!("{} ({label})", group.title));
    if group.fields.is_empty() {
        let said = match group.change {
            Change::Removed => "Retrait du contrat par le présent avenant.",
            Change::Added | Change::Changed => "Ajout au contrat par le présent avenant.",
        };
        doc.paragraph(said);
        return;
    }
    let rows = group
        .fields
        .into_iter()
        .map(|f| vec![Cell::text(f.field), Cell::text(f.mine), Cell::text(f.theirs)])
        .collect();
    doc.push(Block::Table(Table {
        caption: format!("{} : avant et après l’avenant n°{number}", group.title),
        header: ["Champ", "Avant", "Après"].map(str::to_string).to_vec(),
        rows,
    }));
}
