//! The contract itself, as the partners sign it (issue 12, §3): identity and period,
//! territory, parties, governance, diagnostic, axes and strategic objectives, the contract's
//! own evaluation indicators; then each fiche action as an annex on its own pages (the blocks
//! of `fiche`, shared with a fiche exported alone); then the signature page.
//!
//! Signatories: until the model has signatories of their own (issue 13), a signature block is
//! written for each organisation of the directory marked « signataire », in the directory's
//! order; who signs for it is the organisation's member of the COPIL (name and role) when the
//! governance names one, else left blank to be written by hand.

#[cfg(test)]
mod tests;

use super::fiche::{fiche_sections, indicators_table};
use super::parts::{cover, list_or, or_dash, DASH};
use super::{Block, Document, ParagraphKind, Signatory};
use crate::model::iso_date::french_date;
use crate::model::numbering::Numbering;
use crate::model::text::group_thousands;
use crate::model::{Body, Contract, FindingCategory, Organisation};

/// The whole contract, fiches annexed, ready to sign.
pub fn contract_document(contract: &Contract) -> Document {
    let numbers = Numbering::of(contract);
    let title = match contract.name.trim() {
        "" => "Contrat local de santé",
        name => name,
    };
    let mut doc = Document::new(title, contract.name.trim());
    cover(&mut doc, contract, [generation(contract.generation)]);
    doc.push(Block::PageBreak);
    identity(&mut doc, contract);
    territory(&mut doc, contract);
    parties(&mut doc, contract);
    governance(&mut doc, contract);
    diagnostic(&mut doc, contract);
    axes(&mut doc, contract, &numbers);
    if !contract.indicators.is_empty() {
        doc.heading(1, "Indicateurs d’évaluation du contrat");
        let caption = "Indicateurs d’évaluation du contrat".to_string();
        doc.push(indicators_table(caption, &contract.indicators));
    }
    for sheet in contract.sheets_in_axis_order() {
        doc.push(Block::PageBreak);
        doc.heading(1, sheet.label(&numbers));
        doc.blocks.extend(fiche_sections(contract, &numbers, sheet, 2));
    }
    signatures(&mut doc, contract);
    doc
}

/// « Contrat local de santé », or « … de 2e génération (CLS 2) » for a renewal.
fn generation(generation: u8) -> String {
    match generation {
        0 | 1 => "Contrat local de santé".to_string(),
        n => format!("Contrat local de santé de {n}e génération (CLS {n})"),
    }
}

fn identity(doc: &mut Document, contract: &Contract) {
    doc.heading(1, "Identité et période");
    let period = contract.period;
    let years = usize::try_from(period.length()).unwrap_or(usize::MAX);
    let c = &contract.coordinator;
    let coordination = [&c.name, &c.organisation, &c.email, &c.phone]
        .into_iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    doc.push(Block::List(vec![
        format!("Nom : {}", or_dash(&contract.name)),
        format!("Période : {} ({years} an{})", period.label(), super::parts::plural(years)),
        format!("Génération : {}", generation(contract.generation)),
        format!("Coordination : {}", or_dash(&coordination)),
    ]));
}

fn territory(doc: &mut Document, contract: &Contract) {
    doc.heading(1, "Territoire");
    let t = &contract.territory;
    let join = |items: &[String]| or_dash(&items.join(", "));
    let population = t
        .population
        .map_or(DASH.to_string(), |p| format!("{} habitants", group_thousands(&p.to_string())));
    doc.push(Block::List(vec![
        format!("Nom : {}", or_dash(&t.name)),
        format!("Intercommunalités : {}", join(&t.epcis)),
        format!("Communes : {}", join(&t.communes)),
        format!("Population : {population}"),
        format!(
            "Quartiers prioritaires de la politique de la ville : {}",
            join(&t.priority_neighbourhoods)
        ),
    ]));
}

/// The signatories, then the partners who do not sign.
fn parties(doc: &mut Document, contract: &Contract) {
    doc.heading(1, "Parties au contrat");
    let names = |keep: fn(&Organisation) -> bool| -> Vec<String> {
        contract
            .organisations
            .iter()
            .filter(|o| keep(o))
            .map(|o| o.name.trim().to_string())
            .collect()
    };
    doc.heading(2, "Signataires");
    doc.push(list_or(names(|o| o.signatory), "Aucun signataire n’est encore désigné."));
    let partners = names(|o| o.partner && !o.signatory);
    if !partners.is_empty() {
        doc.heading(2, "Partenaires");
        doc.push(Block::List(partners));
    }
}

/// Each body: who sits on it, then its meetings.
fn governance(doc: &mut Document, contract: &Contract) {
    doc.heading(1, "Gouvernance");
    let g = &contract.governance;
    for body in Body::ALL {
        doc.heading(2, body.label());
        let members: Vec<String> = g
            .members
            .iter()
            .filter(|m| m.body == body)
            .map(|m| {
                let who = [m.name.trim(), m.role.trim()].into_iter().filter(|t| !t.is_empty());
                let who = or_dash(&who.collect::<Vec<_>>().join(", "));
                match m.organisation_id {
                    Some(id) => format!("{who} ({})", contract.organisation_name(id)),
                    None => who,
                }
            })
            .collect();
        doc.push(list_or(members, "Aucun membre n’est encore désigné."));
        let meetings: Vec<String> = g
            .meetings
            .iter()
            .filter(|m| m.body == body)
            .map(|m| match m.notes.trim() {
                "" => french_date(&m.date),
                notes => format!("{} : {notes}", french_date(&m.date)),
            })
            .collect();
        if !meetings.is_empty() {
            doc.paragraph("Réunions :");
            doc.push(Block::List(meetings));
        }
    }
}

/// The findings by category, categories with none left out.
fn diagnostic(doc: &mut Document, contract: &Contract) {
    doc.heading(1, "Diagnostic local de santé");
    if contract.diagnostic.is_empty() {
        doc.paragraph_of(ParagraphKind::Notice, "Le diagnostic n’est pas encore saisi.");
        return;
    }
    for category in FindingCategory::ALL {
        let findings: Vec<String> = contract
            .diagnostic
            .iter()
            .filter(|f| f.category == category && !f.text.trim().is_empty())
            .map(|f| f.text.trim().to_string())
            .collect();
        if !findings.is_empty() {
            doc.heading(2, category.label());
            doc.push(Block::List(findings));
        }
    }
}

/// Each axis with its strategic objectives and the fiches that carry it.
fn axes(doc: &mut Document, contract: &Contract, numbers: &Numbering) {
    doc.heading(1, "Axes et objectifs stratégiques");
    if contract.axes.is_empty() {
        doc.paragraph_of(ParagraphKind::Notice, "Aucun axe n’est encore défini.");
        return;
    }
    for (axis, sheets) in contract.sheets_by_axis() {
        let Some(axis) = axis else { continue };
        let mut heading = axis.label(numbers);
        if axis.mental_health {
            heading.push_str(" (volet santé mentale)");
        }
        doc.heading(2, heading);
        let objectives: Vec<String> = axis
            .objectives
            .iter()
            .map(|o| format!("{} – {}", numbers.label(o.id), or_dash(&o.title)))
            .collect();
        doc.push(list_or(objectives, "Aucun objectif stratégique n’est encore défini."));
        let fiches: Vec<String> = sheets.iter().map(|s| s.label(numbers)).collect();
        if !fiches.is_empty() {
            doc.paragraph(format!("Fiches action (en annexe) : {}.", fiches.join(" ; ")));
        }
    }
}

/// Dots to write on by hand, where the place or date of signing is not known yet.
const TO_WRITE: &str = "……………………";

/// The signature page: where and when, then one block per signatory.
fn signatures(doc: &mut Document, contract: &Contract) {
    doc.push(Block::PageBreak);
    doc.heading(1, "Signatures");
    let place = match contract.signing.place.trim() {
        "" => TO_WRITE,
        place => place,
    };
    let date = contract.signing.date.as_deref().map(str::trim).filter(|d| !d.is_empty());
    let date = date.map_or(TO_WRITE.to_string(), french_date);
    doc.paragraph(format!("Fait à {place}, le {date}."));
    let signatories: Vec<Signatory> = contract
        .organisations
        .iter()
        .filter(|o| o.signatory)
        .map(|o| Signatory { party: o.name.trim().to_string(), signer: signer(contract, o) })
        .collect();
    if signatories.is_empty() {
        let text = "Aucun signataire n’est encore désigné dans l’annuaire du contrat.";
        doc.paragraph_of(ParagraphKind::Notice, text);
    } else {
        doc.push(Block::Signatures(signatories));
    }
}

/// Who signs for `organisation`: its member of the COPIL, with their role, when there is one.
fn signer(contract: &Contract, organisation: &Organisation) -> String {
    let member =
        contract.governance.members.iter().find(|m| {
            m.body == Body::SteeringCommittee && m.organisation_id == Some(organisation.id)
        });
    member.map_or(String::new(), |m| match (m.name.trim(), m.role.trim()) {
        (name, "") => name.to_string(),
        ("", role) => role.to_string(),
        (name, role) => format!("{role}, {name}"),
    })
}
