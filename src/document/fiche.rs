//! A fiche action as partners read and sign it (issue 12, §3): identification, constats,
//! objectives, actions and their calendar, actors, means and funding, evaluation indicators.
//!
//! [`fiche_sections`] builds these blocks once, for both uses: the contract's annexes (a page
//! each) and a fiche exported on its own ([`fiche_document`]), so the two never differ.
//! Nothing filled in reads « Non renseigné » or a dash, never an empty heading.

use super::parts::{cover, indicator_name, lead_text, list_or, or_dash, DASH, NO_FUNDER};
use super::{Block, Cell, Document, Table};
use crate::model::amount::{euros, AMOUNT_TO_SPECIFY};
use crate::model::numbering::Numbering;
use crate::model::review::NOT_FILLED_LABEL;
use crate::model::{ActionSheet, Contract, Id, Indicator};

/// One fiche on its own: the contract it belongs to on the cover, then its sections. `None`
/// when the contract has no such fiche.
pub fn fiche_document(contract: &Contract, fiche_id: Id) -> Option<Document> {
    let sheet = contract.sheet(fiche_id)?;
    let numbers = Numbering::of(contract);
    let mut doc = Document::new(sheet.label(&numbers), contract.name.trim());
    cover(&mut doc, contract, []);
    doc.blocks.extend(fiche_sections(contract, &numbers, sheet, 1));
    Some(doc)
}

/// The fiche's sections, their headings at `level` (1 on its own, 2 under the fiche's heading
/// in the contract's annexes).
pub(super) fn fiche_sections(
    contract: &Contract,
    numbers: &Numbering,
    sheet: &ActionSheet,
    level: u8,
) -> Vec<Block> {
    let mut doc = Document::default();
    doc.heading(level, "Identification");
    doc.push(identification(contract, numbers, sheet));
    doc.heading(level, "Constats");
    let findings = sheet
        .finding_ids
        .iter()
        .filter_map(|id| contract.diagnostic.iter().find(|f| f.id == *id))
        .map(|f| f.text.trim().to_string())
        .chain([sheet.local_findings.trim().to_string()]);
    let not_filled = format!("{NOT_FILLED_LABEL}.");
    doc.push(list_or(findings.filter(|t| !t.is_empty()).collect(), &not_filled));
    doc.heading(level, "Objectifs");
    objectives(&mut doc, numbers, sheet);
    doc.heading(level, "Actions et calendrier");
    actions(&mut doc, contract, numbers, sheet);
    doc.heading(level, "Acteurs");
    doc.push(actors(contract, sheet));
    doc.heading(level, "Moyens et financement");
    means(&mut doc, contract, numbers, sheet);
    doc.heading(level, "Évaluation");
    if sheet.indicators.is_empty() {
        doc.paragraph("Aucun indicateur n’est défini pour cette fiche.");
    } else {
        let caption = format!("Indicateurs – {}", sheet.label(numbers));
        doc.push(indicators_table(caption, &sheet.indicators));
    }
    doc.blocks
}

/// « Rubrique : valeur » lines, as the fiche's identity card reads.
fn pairs<const N: usize>(items: [(&str, String); N]) -> Block {
    Block::List(items.into_iter().map(|(key, value)| format!("{key} : {value}")).collect())
}

/// The items joined with commas, or a dash.
fn joined(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.filter(|s| !s.trim().is_empty()).collect();
    if items.is_empty() {
        DASH.to_string()
    } else {
        items.join(", ")
    }
}

fn identification(contract: &Contract, numbers: &Numbering, sheet: &ActionSheet) -> Block {
    let axis = contract.axis_of(sheet);
    let objective = axis.and_then(|a| sheet.objective_id.and_then(|o| a.objective(o)));
    pairs([
        ("Axe", axis.map_or(DASH.to_string(), |a| a.label(numbers))),
        (
            "Objectif stratégique",
            objective
                .map_or(DASH.to_string(), |o| format!("{} – {}", numbers.label(o.id), o.title)),
        ),
        ("Type", sheet.kind.label().to_string()),
        ("Priorité", sheet.priority.label().to_string()),
        ("Volet santé mentale", if sheet.mental_health { "Oui" } else { "Non" }.to_string()),
        ("Champs", joined(sheet.health_fields.iter().map(|f| f.label().to_string()))),
        ("Déterminants", joined(sheet.determinants.iter().map(|d| d.label().to_string()))),
        (
            "Liens avec d’autres plans",
            joined(sheet.plan_links.iter().map(|p| p.label().to_string())),
        ),
    ])
}

fn objectives(doc: &mut Document, numbers: &Numbering, sheet: &ActionSheet) {
    doc.paragraph(format!("Objectif général : {}", or_dash(&sheet.general_objective)));
    let specific = sheet.specific_objectives.iter().map(|o| {
        let number = numbers.get(o.id).unwrap_or(DASH);
        format!("{number} – {}", or_dash(&o.text))
    });
    let specific: Vec<String> = specific.collect();
    if !specific.is_empty() {
        doc.paragraph("Objectifs spécifiques :");
        doc.push(Block::List(specific));
    }
    doc.paragraph(format!("Résultats attendus : {}", or_dash(&sheet.expected_results)));
}

/// The actions with their calendar and who carries each (the fiche's lead unless named).
fn actions(doc: &mut Document, contract: &Contract, numbers: &Numbering, sheet: &ActionSheet) {
    if sheet.actions.is_empty() {
        doc.paragraph("Aucune action n’est encore définie.");
        return;
    }
    let rows = sheet
        .actions
        .iter()
        .map(|action| {
            let mut text = or_dash(&action.description);
            if action.milestone {
                text.push_str(" (jalon)");
            }
            let carrier =
                action.lead_id.map_or("Pilote de la fiche", |id| contract.organisation_name(id));
            vec![Cell::text(text), Cell::text(action.calendar_label()), Cell::text(carrier)]
        })
        .collect();
    let header = ["Action", "Calendrier", "Porteur"].map(String::from).to_vec();
    let caption = format!("Actions et calendrier – {}", sheet.label(numbers));
    doc.push(Block::Table(Table { caption, header, rows }));
}

fn actors(contract: &Contract, sheet: &ActionSheet) -> Block {
    let territory = if sheet.coverage.whole_territory {
        "Tout le territoire du contrat".to_string()
    } else {
        joined(sheet.coverage.places.iter().cloned())
    };
    pairs([
        ("Pilote", lead_text(contract, sheet)),
        (
            "Partenaires",
            joined(sheet.partner_ids.iter().map(|p| contract.organisation_name(*p).to_string())),
        ),
        ("Publics cibles", joined(sheet.audiences.iter().cloned())),
        ("Territoire concerné", territory),
        ("Participation des habitants", sheet.participation.label().to_string()),
    ])
}

/// Human and material means, then the funding planned per year and funder, with its total.
fn means(doc: &mut Document, contract: &Contract, numbers: &Numbering, sheet: &ActionSheet) {
    doc.push(pairs([
        ("Moyens humains", or_dash(&sheet.human_means)),
        ("Moyens matériels", or_dash(&sheet.material_means)),
    ]));
    if sheet.funding.is_empty() {
        doc.paragraph(if sheet.no_funding_needed {
            "Aucun financement n’est nécessaire."
        } else {
            "Financement à préciser."
        });
        return;
    }
    let mut rows: Vec<Vec<Cell>> = sheet
        .funding
        .iter()
        .map(|line| {
            let funder = line.funder_id.map_or(NO_FUNDER, |id| contract.organisation_name(id));
            vec![
                Cell::text(line.year.to_string()),
                Cell::text(funder),
                Cell::text(line.kind.label()),
                match line.planned_euros {
                    Some(amount) => Cell::number(euros(amount)),
                    None => Cell::text(AMOUNT_TO_SPECIFY),
                },
            ]
        })
        .collect();
    let total = crate::model::funding::planned_total(&sheet.funding);
    rows.push(vec![
        Cell::total("Total"),
        Cell::total(""),
        Cell::total(""),
        Cell::total(total.text()),
    ]);
    let header = ["Année", "Financeur", "Nature", "Montant prévu"].map(String::from).to_vec();
    let caption = format!("Financement prévu – {}", sheet.label(numbers));
    doc.push(Block::Table(Table { caption, header, rows }));
}

/// Indicators as a contract defines them: kind, name, baseline, target, source, frequency.
/// The contract's own evaluation indicators read the same.
pub(super) fn indicators_table(caption: String, indicators: &[Indicator]) -> Block {
    let rows = indicators
        .iter()
        .map(|i| {
            vec![
                Cell::text(i.kind.label()),
                Cell::text(indicator_name(i)),
                Cell::text(or_dash(&i.baseline)),
                Cell::text(or_dash(&i.target)),
                Cell::text(or_dash(&i.source)),
                Cell::text(i.frequency.label()),
            ]
        })
        .collect();
    let header = ["Type", "Indicateur", "Valeur de départ", "Cible", "Source", "Fréquence"];
    Block::Table(Table { caption, header: header.map(String::from).to_vec(), rows })
}
