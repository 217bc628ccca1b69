//! The compte rendu of a workshop: the date, place and axes; who came, by organisation; the
//! groups ranked by votes; the ideas of each group with their votes (and those left ungrouped);
//! what each group became in the contract; then « Suites », the work each outcome leaves to do
//! and the groups nobody decided about. Whatever is missing is said in French rather than left
//! as an empty heading.

use super::attendance::cover_lines;
use crate::document::parts::list_or;
use crate::document::{Block, Cell, Document, ParagraphKind, Table};
use crate::model::numbering::Numbering;
use crate::model::workshop::{Became, Note, VoteTarget, Workshop};
use crate::model::{Contract, Id};

/// The compte rendu of workshop `id`; `None` when the contract has no such workshop.
pub fn workshop_report(contract: &Contract, id: Id) -> Option<Document> {
    let workshop = contract.workshop(id)?;
    let title = match workshop.title.trim() {
        "" => "Compte rendu d’atelier".to_string(),
        name => format!("Compte rendu de l’atelier « {name} »"),
    };
    let mut doc = Document::new(title, contract.name.trim());
    cover(&mut doc, contract, workshop);
    participants(&mut doc, contract, workshop);
    priorities(&mut doc, workshop);
    ideas(&mut doc, contract, workshop);
    outcomes(&mut doc, contract, workshop);
    follow_ups(&mut doc, contract, workshop);
    Some(doc)
}

fn cover(doc: &mut Document, contract: &Contract, workshop: &Workshop) {
    let mut lines = cover_lines(workshop);
    let numbering = Numbering::of(contract);
    let axes: Vec<String> = workshop
        .axis_ids
        .iter()
        .filter_map(|id| contract.axis(*id))
        .map(|axis| axis.label(&numbering))
        .collect();
    if !axes.is_empty() {
        lines.push(format!("Axes concernés : {}", axes.join(" ; ")));
    }
    for line in lines {
        doc.paragraph_of(ParagraphKind::Cover, line);
    }
}

/// One line per organisation, in the order they signed in, with its people and the kinds of
/// stakeholder they spoke as.
fn participants(doc: &mut Document, contract: &Contract, workshop: &Workshop) {
    doc.heading(1, "Participants");
    if workshop.participants.is_empty() {
        doc.paragraph_of(ParagraphKind::Notice, "Aucun participant n’est inscrit.");
        return;
    }
    let mut lines: Vec<(String, Vec<String>, Vec<&str>)> = Vec::new();
    for p in &workshop.participants {
        let organisation = match p.organisation_name(contract) {
            "" => "Sans organisation".to_string(),
            name => name.to_string(),
        };
        let at = match lines.iter().position(|(o, _, _)| *o == organisation) {
            Some(at) => at,
            None => {
                lines.push((organisation, Vec::new(), Vec::new()));
                lines.len() - 1
            }
        };
        let (_, people, kinds) = &mut lines[at];
        if !p.person.trim().is_empty() {
            people.push(p.person.trim().to_string());
        }
        if !kinds.contains(&p.kind.label()) {
            kinds.push(p.kind.label());
        }
    }
    let rows = lines.into_iter().map(|(organisation, people, kinds)| {
        let people = if people.is_empty() { "—".to_string() } else { people.join(", ") };
        vec![Cell::text(organisation), Cell::text(people), Cell::text(kinds.join(", "))]
    });
    let count = workshop.participants.len();
    doc.paragraph(if count > 1 {
        format!("{count} participants.")
    } else {
        "1 participant.".to_string()
    });
    doc.push(Block::Table(Table {
        caption: "Participants par organisation".into(),
        header: ["Organisation", "Participants", "Type d’acteur"].map(String::from).to_vec(),
        rows: rows.collect(),
    }));
}

/// The groups ranked by votes.
fn priorities(doc: &mut Document, workshop: &Workshop) {
    doc.heading(1, "Priorités");
    if workshop.groups.is_empty() {
        doc.paragraph_of(ParagraphKind::Notice, "Les idées n’ont pas été regroupées.");
        return;
    }
    let rows = workshop.ranked_groups().into_iter().map(|r| {
        vec![
            Cell::number(r.rank.to_string()),
            Cell::text(r.group.label()),
            Cell::number(r.ideas.to_string()),
            Cell::number(r.dots.to_string()),
        ]
    });
    doc.push(Block::Table(Table {
        caption: "Groupes classés par nombre de voix".into(),
        header: ["Rang", "Groupe", "Idées", "Voix"].map(String::from).to_vec(),
        rows: rows.collect(),
    }));
}

/// Each group (in rank order) with its ideas and their votes, then the ideas in no group.
fn ideas(doc: &mut Document, contract: &Contract, workshop: &Workshop) {
    doc.heading(1, "Idées par groupe");
    if workshop.notes.is_empty() {
        doc.paragraph_of(ParagraphKind::Notice, "Aucune idée n’a été notée.");
        return;
    }
    for ranked in workshop.ranked_groups() {
        let group = ranked.group;
        doc.heading(2, format!("{} — {}", group.label(), counts(ranked.ideas, ranked.dots)));
        let own = workshop.dots_for(VoteTarget::Group(group.id));
        if own > 0 {
            doc.paragraph(format!("Voix données au groupe lui-même : {own}."));
        }
        let notes = workshop.notes_in(Some(group.id));
        let lines: Vec<String> = notes.map(|n| note_line(contract, workshop, n)).collect();
        doc.push(list_or(lines, "Aucune idée dans ce groupe."));
    }
    let loose: Vec<String> =
        workshop.notes_in(None).map(|n| note_line(contract, workshop, n)).collect();
    if !loose.is_empty() {
        doc.heading(2, "Idées non classées");
        doc.push(Block::List(loose));
    }
}

/// « 4 idées, 5 voix ».
fn counts(ideas: u32, dots: u32) -> String {
    let ideas = if ideas > 1 { format!("{ideas} idées") } else { format!("{ideas} idée") };
    format!("{ideas}, {dots} voix")
}

/// « Un parcours sportif (Élu : Léa Maire, Mairie de Riom) — 2 voix, dite 3 fois — constat du
/// diagnostic ».
fn note_line(contract: &Contract, workshop: &Workshop, note: &Note) -> String {
    let who = note.participant_id.and_then(|p| workshop.participant(p)).map(|p| {
        let parts = [p.person.trim(), p.organisation_name(contract)];
        parts.into_iter().filter(|t| !t.is_empty()).collect::<Vec<_>>().join(", ")
    });
    let mut line = match who.filter(|w| !w.is_empty()) {
        Some(who) => format!("{} ({} : {who})", note.text.trim(), note.stakeholder.label()),
        None => format!("{} ({})", note.text.trim(), note.stakeholder.label()),
    };
    let dots = workshop.dots_for(VoteTarget::Note(note.id));
    if dots > 0 {
        line.push_str(&format!(" — {dots} voix"));
    }
    if note.merged_duplicates > 0 {
        line.push_str(&format!(", dite {} fois", Workshop::ideas_in(note)));
    }
    if note.finding_id.is_some() {
        line.push_str(" — constat du diagnostic");
    }
    line
}

/// What each group became, one row per outcome.
fn outcomes(doc: &mut Document, contract: &Contract, workshop: &Workshop) {
    doc.heading(1, "Ce que sont devenus les groupes");
    let rows: Vec<Vec<Cell>> = workshop
        .groups
        .iter()
        .flat_map(|g| g.became.iter().map(move |b| (g, b)))
        .map(|(g, b)| vec![Cell::text(g.label()), Cell::text(b.describe(contract))])
        .collect();
    if rows.is_empty() {
        let text = "Aucun groupe n’a encore été transformé en fiche, objectif ou actions.";
        doc.paragraph_of(ParagraphKind::Notice, text);
        return;
    }
    doc.push(Block::Table(Table {
        caption: "Groupes transformés dans le contrat".into(),
        header: ["Groupe", "Devenu"].map(String::from).to_vec(),
        rows,
    }));
}

/// « Suites »: the work each outcome leaves, and the groups still without a decision, in rank
/// order.
fn follow_ups(doc: &mut Document, contract: &Contract, workshop: &Workshop) {
    doc.heading(1, "Suites");
    let mut items: Vec<String> = Vec::new();
    for group in &workshop.groups {
        items.extend(group.became.iter().map(|b| next_step(contract, b)));
    }
    let undecided: Vec<&str> = workshop
        .ranked_groups()
        .into_iter()
        .filter(|r| r.group.became.is_empty())
        .map(|r| r.group.label())
        .collect();
    if !undecided.is_empty() {
        items.push(format!("Groupes sans suite décidée : {}.", undecided.join(", ")));
    }
    doc.push(list_or(items, "Aucune suite n’est encore décidée."));
}

fn next_step(contract: &Contract, became: &Became) -> String {
    let sheet = |id: &Id| contract.sheet(*id).map(|s| s.title.trim().to_string());
    match became {
        Became::NewSheet { sheet_id } => match sheet(sheet_id) {
            Some(title) => format!(
                "Compléter la fiche action « {title} » : pilotes, partenaires, calendrier, moyens et indicateurs."
            ),
            None => "La fiche action issue de l’atelier a été supprimée depuis.".into(),
        },
        Became::StrategicObjective { .. } => {
            format!("{} : y rattacher des fiches action.", became.describe(contract))
        }
        Became::SpecificObjective { sheet_id, .. } | Became::Actions { sheet_id, .. } => {
            match sheet(sheet_id) {
                Some(title) => format!(
                    "Faire valider par les pilotes de la fiche « {title} » ce que l’atelier y a ajouté."
                ),
                None => "La fiche complétée par l’atelier a été supprimée depuis.".into(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::test_support::{headings, table};
    use crate::model::workshop::fixture::{contract_with_board, id, WORKSHOP};
    use crate::model::workshop::{turn_into_contract, IntoContract};

    fn report_after_turning_groups() -> Document {
        let mut c = contract_with_board();
        let how = IntoContract::NewSheet { objectives: Vec::new() };
        turn_into_contract(&mut c, id(WORKSHOP), id(50), how, Id::random, 1).unwrap();
        let how = IntoContract::SpecificObjective { sheet_id: id(20) };
        turn_into_contract(&mut c, id(WORKSHOP), id(51), how, Id::random, 1).unwrap();
        let w = c.workshop_mut(id(WORKSHOP)).unwrap();
        w.give_dots(None, VoteTarget::Note(id(201)), 2, 1).unwrap();
        w.merge_notes(id(201), id(202), 1);
        workshop_report(&c, id(WORKSHOP)).unwrap()
    }

    #[test]
    fn the_report_tells_the_workshop_from_who_came_to_what_follows() {
        let doc = report_after_turning_groups();
        assert_eq!(doc.title, "Compte rendu de l’atelier « Sport santé »");
        assert_eq!(
            headings(&doc, 1),
            [
                "Participants",
                "Priorités",
                "Idées par groupe",
                "Ce que sont devenus les groupes",
                "Suites"
            ]
        );
        let texts: Vec<&str> = doc.texts().collect();
        assert!(texts.contains(&"Date : 12 mars 2024"));
        assert!(texts.contains(&"Axes concernés : Axe 1 – Personnes âgées"), "{texts:?}");
        let people = table(&doc, "Participants par organisation");
        let first: Vec<&str> = people.rows[1].iter().map(|c| c.text.as_str()).collect();
        assert_eq!(first, ["CPAM", "Dr Paul Martin", "Professionnel de santé"]);
        assert_eq!(people.rows[2][0].text, "Sans organisation");
        let ranks = table(&doc, "Groupes classés");
        let top: Vec<&str> = ranks.rows[0].iter().map(|c| c.text.as_str()).collect();
        assert_eq!(top, ["1", "Bouger plus", "4", "7"], "3 notes, one said twice; 5 + 2 voix");
        assert_eq!(headings(&doc, 2)[0], "Bouger plus — 4 idées, 7 voix");
        assert!(texts.contains(&"Un parcours sportif en plein air (Élu : Léa Maire, Mairie de Riom) — 2 voix, dite 2 fois"), "{texts:?}");
        assert!(texts.iter().any(|t| t.ends_with("— constat du diagnostic")));
        assert!(headings(&doc, 2).contains(&"Idées non classées"));
        assert!(headings(&doc, 2).contains(&"Divers — 0 idée, 0 voix"));
        let became = table(&doc, "Groupes transformés");
        assert_eq!(became.rows[0][1].text, "Nouvelle fiche action « Bouger plus »");
        assert_eq!(became.rows[1][1].text, "Objectif spécifique de la fiche « Santé mentale »");
        assert!(texts.iter().any(|t| t.starts_with("Compléter la fiche action « Bouger plus »")));
        assert!(texts.contains(&"Groupes sans suite décidée : Lien social, Divers."));
        for text in texts {
            crate::model::typography::assert_typographic("compte rendu", text);
        }
    }

    #[test]
    fn an_empty_workshop_says_what_is_missing() {
        let mut c = contract_with_board();
        c.workshops[0] = Workshop::new(id(WORKSHOP), "", 0);
        let doc = workshop_report(&c, id(WORKSHOP)).unwrap();
        assert_eq!(doc.title, "Compte rendu d’atelier");
        let notices = doc
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Paragraph { kind: ParagraphKind::Notice, .. }));
        assert_eq!(notices.count(), 4, "participants, groups, ideas, outcomes");
        assert!(doc.texts().any(|t| t == "Aucune suite n’est encore décidée."));
        assert!(doc.texts().any(|t| t == "Date : date à préciser"));
        assert!(workshop_report(&c, id(999)).is_none());
    }
}
