//! The contract itself, as the partners sign it (issue 12, §3): the legal references and the
//! preamble, identity and period, territory, parties (co-leads, signatories and their
//! commitments, partners), governance, diagnostic and the previous contract's bilan, axes and
//! strategic objectives, the contract's own evaluation indicators, the clauses on duration,
//! revision and termination; then each fiche action as an annex on its own pages (the blocks
//! of `fiche`, shared with a fiche exported alone); then the signature page.
//!
//! A text the contract leaves empty is left out, heading included. The signature page has one
//! block per signatory organisation, in the order of the signature page: « Pour … », « Par
//! délégation » where it applies, the capacity and the name; what is not known yet is left
//! blank, to be written by hand.

#[cfg(test)]
mod tests;

use super::fiche::{fiche_sections, indicators_table};
use super::parts::{cover, list_or, or_dash, DASH};
use super::{Block, Cell, Document, ParagraphKind, Signatory, Table};
use crate::model::amendment::{in_force_amendment, signed_version};
use crate::model::contract_texts::TextSection;
use crate::model::iso_date::{french_date, numeric_french_date};
use crate::model::numbering::Numbering;
use crate::model::organisation::signatories_in_order;
use crate::model::review::status_label;
use crate::model::text::group_thousands;
use crate::model::{Contract, FindingCategory, Organisation};

/// Which version of a signed contract its document shows (`version=` in the address).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ContractVersion {
    /// The version in force: the copy frozen by the latest avenant, else at signature.
    #[default]
    InForce,
    /// The contract as it stands today, with the changes nobody has adopted yet.
    Working,
}

impl ContractVersion {
    /// The value of `version=` that asks for the working version; any other value, or none,
    /// is the version in force.
    pub const WORKING_QUERY: &'static str = "travail";

    pub fn from_query(value: Option<&str>) -> Self {
        match value.map(str::trim) {
            Some(Self::WORKING_QUERY) => ContractVersion::Working,
            _ => ContractVersion::InForce,
        }
    }
}

/// What every page of the working version of a signed contract says.
pub const WORKING_MARK: &str = "Version de travail, non adoptée";

/// The contract's document in `version`. Before signature there is only the contract as it
/// stands, to be signed. Once signed, the version in force (what the partners signed, or the
/// latest avenant made of it), which the cover names; or the working version, which carries
/// [`WORKING_MARK`] on every page, since nobody adopted what changed since.
pub fn contract_version_document(contract: &Contract, version: ContractVersion) -> Document {
    let Some(in_force) = signed_version(contract) else { return contract_document(contract) };
    match version {
        ContractVersion::InForce => {
            let line = match in_force_amendment(contract) {
                Some(n) => format!("Version en vigueur : texte modifié par l’avenant n°{n}"),
                None => "Version en vigueur : texte signé".to_string(),
            };
            build(in_force, Some(line))
        }
        ContractVersion::Working => {
            let mut doc = build(contract, Some(WORKING_MARK.to_string()));
            doc.page_mark = Some(WORKING_MARK.to_string());
            doc
        }
    }
}

/// The whole contract, fiches annexed, ready to sign.
pub fn contract_document(contract: &Contract) -> Document {
    build(contract, None)
}

/// The contract's document, with `version` said on its cover when given.
fn build(contract: &Contract, version: Option<String>) -> Document {
    let numbers = Numbering::of(contract);
    let title = match contract.name.trim() {
        "" => "Contrat local de santé",
        name => name,
    };
    let mut doc = Document::new(title, contract.name.trim());
    cover(&mut doc, contract, [generation(contract.generation)].into_iter().chain(version));
    doc.push(Block::PageBreak);
    texts(&mut doc, contract, &[TextSection::LegalReferences, TextSection::Preamble]);
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
    let clauses = [TextSection::Duration, TextSection::Revision, TextSection::Termination];
    texts(&mut doc, contract, &clauses);
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

/// The contract's texts among `sections`, each under its title, one paragraph per line (the
/// legal references as a list, one « Vu… » per item); empty ones left out.
fn texts(doc: &mut Document, contract: &Contract, sections: &[TextSection]) {
    for section in sections {
        let lines: Vec<String> = section
            .of(&contract.texts)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        if lines.is_empty() {
            continue;
        }
        doc.heading(1, section.title());
        match section {
            TextSection::LegalReferences => doc.push(Block::List(lines)),
            _ => lines.into_iter().for_each(|line| doc.paragraph(line)),
        }
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

/// The co-leads, the signatories in the order of the signature page, their commitments, then
/// the partners who do not sign.
fn parties(doc: &mut Document, contract: &Contract) {
    doc.heading(1, "Parties au contrat");
    let leads: Vec<String> = contract
        .leads
        .iter()
        .filter_map(|lead| {
            let name = lead.organisation_id.map(|id| contract.organisation_name(id).to_string());
            match (name, lead.person.trim()) {
                (None, "") => None,
                (None, person) => Some(person.to_string()),
                (Some(name), "") => Some(name),
                (Some(name), person) => Some(format!("{name} ({person})")),
            }
        })
        .collect();
    if !leads.is_empty() {
        doc.heading(2, "Pilotage du contrat");
        doc.push(Block::List(leads));
    }
    let signing = signatories_in_order(&contract.organisations);
    doc.heading(2, "Signataires");
    let names = signing.iter().map(|(o, _)| o.name.trim().to_string()).collect();
    doc.push(list_or(names, "Aucun signataire n’est encore désigné."));
    let committed: Vec<_> =
        signing.iter().filter(|(_, s)| !s.commitments.trim().is_empty()).collect();
    if !committed.is_empty() {
        doc.heading(2, "Engagements des signataires");
        for (organisation, signatory) in committed {
            doc.heading(3, organisation.name.trim());
            let items = signatory.commitments.lines().map(str::trim).filter(|l| !l.is_empty());
            doc.push(Block::List(items.map(str::to_string).collect()));
        }
    }
    let partners: Vec<String> = contract
        .organisations
        .iter()
        .filter(|o: &&Organisation| o.partner && !o.is_signatory())
        .map(|o| o.name.trim().to_string())
        .collect();
    if !partners.is_empty() {
        doc.heading(2, "Partenaires");
        doc.push(Block::List(partners));
    }
}

/// Each body the contract describes (its duties and how often it meets), or else each kind of
/// body its members and meetings name: who sits on it, then its meetings.
fn governance(doc: &mut Document, contract: &Contract) {
    doc.heading(1, "Gouvernance");
    let g = &contract.governance;
    let mut kinds: Vec<crate::model::Body> = g.bodies.iter().map(|b| b.kind).collect();
    for kind in g.members.iter().map(|m| m.body).chain(g.meetings.iter().map(|m| m.body)) {
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    if kinds.is_empty() {
        // Every CLS has these two, even before anyone describes them.
        kinds = vec![crate::model::Body::SteeringCommittee, crate::model::Body::HealthCommission];
    }
    kinds.sort();
    kinds.dedup();
    for body in kinds {
        let described: Vec<_> = g.bodies.iter().filter(|b| b.kind == body).collect();
        let title = match described.as_slice() {
            [one] => one.title().to_string(),
            _ => body.label().to_string(),
        };
        doc.heading(2, title);
        let several = described.len() > 1;
        for described in &described {
            if described.duties.trim().is_empty() && described.meeting_frequency.trim().is_empty() {
                continue;
            }
            let mut facts: Vec<String> = Vec::new();
            if !described.duties.trim().is_empty() {
                let duties = described.duties.lines().map(str::trim).filter(|l| !l.is_empty());
                facts.push(format!("Attributions : {}", duties.collect::<Vec<_>>().join(" ; ")));
            }
            if !described.meeting_frequency.trim().is_empty() {
                facts.push(format!("Se réunit : {}", described.meeting_frequency.trim()));
            }
            if several {
                doc.heading(3, described.title());
            }
            doc.push(Block::List(facts));
        }
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

/// The findings by category, categories with none left out; then the previous contract's
/// bilan when there is one.
fn diagnostic(doc: &mut Document, contract: &Contract) {
    doc.heading(1, "Diagnostic local de santé");
    previous_review(doc, contract);
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

/// The previous contract's bilan: the consultation, one table per former fiche (status
/// written and colour-coded), the recommendations.
fn previous_review(doc: &mut Document, contract: &Contract) {
    let review = &contract.previous_review;
    if review.is_empty() {
        return;
    }
    doc.heading(2, "Bilan du précédent contrat");
    let lines = |text: &str| -> Vec<String> {
        text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
    };
    if !review.consultation.trim().is_empty() {
        doc.heading(3, "Retour des partenaires");
        lines(&review.consultation).into_iter().for_each(|l| doc.paragraph(l));
    }
    for sheet in &review.sheets {
        let header =
            ["Actions", "Réalisé / non réalisé", "Si non réalisé, pourquoi ?", "Suite prévue"];
        let rows = sheet
            .items
            .iter()
            .map(|item| {
                let done = match item.comment.trim() {
                    "" => String::new(),
                    comment => comment.to_string(),
                };
                let mut status = Cell::status(item.status);
                if !done.is_empty() {
                    status.text = format!("{} – {done}", status_label(item.status));
                }
                vec![
                    Cell::text(or_dash(&item.action)),
                    status,
                    Cell::text(or_dash(&item.reason)),
                    Cell::text(or_dash(&item.next_steps)),
                ]
            })
            .collect();
        doc.push(Block::Table(Table {
            caption: or_dash(&sheet.title),
            header: header.map(str::to_string).to_vec(),
            rows,
        }));
    }
    let recommendations = lines(&review.recommendations);
    if !recommendations.is_empty() {
        doc.heading(3, "Recommandations");
        doc.push(Block::List(recommendations));
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

/// The signature page: where and when, then one block per signatory, in order.
fn signatures(doc: &mut Document, contract: &Contract) {
    doc.push(Block::PageBreak);
    doc.heading(1, "Signatures");
    signing_blocks(doc, contract, &contract.signing.place, contract.signing.date.as_deref());
}

/// « Fait à <place>, le <date> » (dots to write on where either is not known), then one
/// signature block per signatory of `contract`, in the order of the signature page, or a
/// notice when none is designated. Shared by the contract and its avenants, which the same
/// parties sign.
pub(super) fn signing_blocks(
    doc: &mut Document,
    contract: &Contract,
    place: &str,
    date: Option<&str>,
) {
    let place = match place.trim() {
        "" => TO_WRITE,
        place => place,
    };
    let date = date.map(str::trim).filter(|d| !d.is_empty());
    // As signature pages write it, « Fait à Aurillac, le 11/03/2025 ».
    let date = date.map_or(TO_WRITE.to_string(), numeric_french_date);
    doc.paragraph(format!("Fait à {place}, le {date}"));
    let signatories: Vec<Signatory> = signatories_in_order(&contract.organisations)
        .into_iter()
        .map(|(o, s)| Signatory {
            party: o.name.trim().to_string(),
            by_delegation: s.by_delegation,
            capacity: s.capacity.trim().to_string(),
            signer: s.signer.trim().to_string(),
        })
        .collect();
    if signatories.is_empty() {
        let text = "Aucun signataire n’est encore désigné dans l’annuaire du contrat.";
        doc.paragraph_of(ParagraphKind::Notice, text);
    } else {
        doc.push(Block::Signatures(signatories));
    }
}
