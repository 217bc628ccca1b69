//! A sample document with every kind of block, for the test that has LibreOffice open what the
//! writer writes (`src/bin/odt-sample.rs`, `tests/documents/odt-sample.test.mjs`) and for the
//! writer's own tests. Native only: the app never writes it.

use crate::document::{Block, Cell, Document, ParagraphKind, Signatory, StatusBar, StatusChart};
use crate::document::{ParagraphKind::Cover, Table};
use crate::model::follow_up::{column_of, STATUS_COLUMNS};
use crate::model::ReviewStatus;

/// The sample's texts the test looks for in LibreOffice's plain text.
pub const TITLE: &str = "Rapport annuel 2025";
pub const CONTRACT: &str = "Contrat local de santé du Pays de Vic";
pub const HEADING: &str = "Fiche 1 – Accès aux soins de premier recours";
pub const CELL: &str = "Maison de santé pluriprofessionnelle";

fn bar(label: &str, statuses: &[(Option<ReviewStatus>, usize)]) -> StatusBar {
    let mut counts = [0; STATUS_COLUMNS];
    for (status, count) in statuses {
        counts[column_of(*status)] += count;
    }
    StatusBar { label: label.into(), counts }
}

/// The sample: a cover, headings of three levels, paragraphs of each kind, a list, a table
/// with status, number and total cells, the chart, a page break and signatures.
pub fn sample_document() -> Document {
    use ReviewStatus::*;
    let mut doc = Document::new(TITLE, CONTRACT);
    doc.paragraph_of(Cover, CONTRACT);
    doc.paragraph_of(Cover, "Période 2024–2028 · Territoire : Pays de Vic");
    doc.heading(1, "Synthèse");
    doc.paragraph("12 actions sur 20 sont réalisées ou partiellement réalisées en 2025 (60 %).");
    doc.push(Block::StatusChart(StatusChart {
        description: "Actions par statut en 2025 : axe 1, 3 réalisées, 1 en cours, 1 non \
                      renseignée ; axe 2, 2 partiellement réalisées, 1 reportée."
            .into(),
        bars: vec![
            bar("Axe 1", &[(Some(Done), 3), (Some(InProgress), 1), (None, 1)]),
            bar("Axe 2", &[(Some(PartlyDone), 2), (Some(Postponed), 1)]),
        ],
    }));
    doc.heading(2, HEADING);
    doc.heading(3, "Actions");
    doc.push(Block::Table(Table {
        caption: "Actions de la fiche 1 en 2025".into(),
        header: vec!["Action".into(), "Statut".into(), "Ce qui a été fait".into()],
        rows: vec![
            vec![Cell::text(CELL), Cell::status(Some(Done)), Cell::text("Ouverte en mars.")],
            vec![
                Cell::text("Permanence « santé » <mobile> & itinérante"),
                Cell::status(Some(NotDone)),
                Cell::text("Pas de médecin.\nÀ reprendre en 2026."),
            ],
            vec![Cell::text("Télémédecine"), Cell::status(None), Cell::text("")],
            vec![Cell::total("Total"), Cell::number("3"), Cell::total("1 réalisée")],
        ],
    }));
    doc.paragraph_of(ParagraphKind::Notice, "Aucun suivi n’a été saisi pour la fiche 2.");
    doc.heading(3, "Points pour la décision du COPIL");
    doc.push(Block::List(vec![
        "Permanence mobile : non réalisée".into(),
        "Fiche 2 : aucun suivi saisi".into(),
    ]));
    doc.push(Block::PageBreak);
    doc.heading(1, "Signatures");
    doc.paragraph("Fait à Vic-sur-Cère, le 11/03/2025");
    doc.push(Block::Signatures(vec![
        Signatory {
            party: "Agence régionale de santé".into(),
            capacity: "Le directeur général".into(),
            ..Default::default()
        },
        Signatory {
            party: "Communauté de communes du Pays de Vic".into(),
            by_delegation: true,
            capacity: "Monsieur le Vice-Président".into(),
            signer: "Jean DUPONT".into(),
        },
        Signatory { party: "Caisse primaire d’assurance maladie".into(), ..Default::default() },
    ]));
    doc
}
