//! Exports of the planning: a CSV for French spreadsheets and an iCalendar file of the
//! milestones and steering committee meetings.

use super::baseline::{signed_cells, SignedDates};
use super::rows::{plan_rows, PlanRow};
use crate::model::french_csv;
use crate::model::iso_date::{days_in_month, parse_iso_date};
use crate::model::{Body, Contract};

/// The CSV header (French spreadsheets: ';' separator).
pub const CSV_HEADER: [&str; 10] = [
    "Axe",
    "Fiche action",
    "Action",
    "Pilote",
    "Partenaires",
    "Début",
    "Fin",
    "Statut",
    "Début (version signée)",
    "Fin (version signée)",
];

/// CSV of the plan for French spreadsheets (see `french_csv`): dates as "03/2025", partners
/// joined with ", ", the status label or "", then the dates of the signed version (empty cells
/// before signature and for an action new since it), so that a delay shows in the file too.
pub fn plan_csv(contract: &Contract, rows: &[PlanRow]) -> String {
    let signed = SignedDates::of(contract);
    french_csv::write(
        &CSV_HEADER,
        rows.iter().map(|row| {
            let [signed_start, signed_end] =
                signed_cells(signed.as_ref().and_then(|s| s.action(row.action_id)));
            [
                row.axis_label.clone(),
                row.sheet_label.clone(),
                row.label.clone(),
                row.lead_name.clone(),
                french_csv::list(row.partner_ids.iter().map(|id| contract.organisation_name(*id))),
                french_csv::month(row.start),
                french_csv::month(row.end),
                row.status.map_or("", |s| s.label()).to_string(),
                signed_start,
                signed_end,
            ]
        }),
    )
}

/// An iCalendar (RFC 5545) file of the milestones (an all-day event spanning the whole end
/// month, or the start month if there is no end: a milestone is known to the month, so putting
/// it on the 1st would state a day nobody chose; undated milestones are left out) and of the
/// steering committee meetings with a valid date. `now_utc` is the DTSTAMP, e.g.
/// "20261123T101500Z".
pub fn milestones_ics(contract: &Contract, now_utc: &str) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Atelier CLS//Planning//FR".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", escape(&format!("Jalons – {}", contract.name.trim()))),
    ];
    for row in plan_rows(contract, contract.period.first_year).iter().filter(|r| r.milestone) {
        let Some(when) = row.end.or(row.start).filter(|ym| (1..=12).contains(&ym.month)) else {
            continue;
        };
        let Ok(year) = u16::try_from(when.year) else { continue };
        let (year, month) = (i32::from(year), u32::from(when.month));
        let description = format!(
            "Courant {}\n{}\n{}\nPilote : {}",
            when, row.axis_label, row.sheet_label, row.lead_name
        );
        let next_month = if month == 12 { (year + 1, 1, 1) } else { (year, month + 1, 1) };
        lines.extend(event(
            &row.action_id.to_string(),
            now_utc,
            ((year, month, 1), next_month),
            &format!("Jalon : {} ({})", row.label, row.sheet_label),
            &description,
        ));
    }
    let mut meetings: Vec<_> = contract
        .governance
        .meetings
        .iter()
        .filter(|m| m.body == Body::SteeringCommittee)
        .filter_map(|m| Some((parse_iso_date(&m.date)?, m)))
        .collect();
    meetings.sort_by_key(|(date, _)| *date);
    for (date, meeting) in meetings {
        let summary = format!("COPIL – {}", contract.name.trim());
        let (y, m, d) = date;
        let dates = (date, next_day(y, m, d));
        lines.extend(event(
            &meeting.id.to_string(),
            now_utc,
            dates,
            &summary,
            meeting.notes.trim(),
        ));
    }
    lines.push("END:VCALENDAR".to_string());
    let mut out = String::new();
    for line in &lines {
        fold_line(line, &mut out);
    }
    out
}

/// The lines of one all-day event, from its first day to the day after its last (DTEND is
/// exclusive for dates, RFC 5545 3.6.1).
fn event(
    uid: &str,
    now_utc: &str,
    ((y, m, d), (ny, nm, nd)): ((i32, u32, u32), (i32, u32, u32)),
    summary: &str,
    description: &str,
) -> Vec<String> {
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{uid}@atelier-cls"),
        format!("DTSTAMP:{}", now_utc.trim()),
        format!("DTSTART;VALUE=DATE:{y:04}{m:02}{d:02}"),
        format!("DTEND;VALUE=DATE:{ny:04}{nm:02}{nd:02}"),
        format!("SUMMARY:{}", escape(summary)),
    ];
    if !description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", escape(description)));
    }
    lines.push("TRANSP:TRANSPARENT".to_string());
    lines.push("END:VEVENT".to_string());
    lines
}

fn next_day(year: i32, month: u32, day: u32) -> (i32, u32, u32) {
    if day < days_in_month(year, month) {
        (year, month, day + 1)
    } else if month < 12 {
        (year, month + 1, 1)
    } else {
        (year + 1, 1, 1)
    }
}

/// TEXT escaping of RFC 5545 (3.3.11): backslash, ';', ',' and line breaks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Writes a content line folded at 75 octets (RFC 5545, 3.1), never inside a UTF-8 character,
/// continuation lines starting with one space; every line ends with CRLF.
fn fold_line(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{id, meeting, sample};
    use super::*;
    use crate::model::ReviewStatus;

    const NOW: &str = "20261123T101500Z";

    fn csv_of(contract: &Contract) -> String {
        plan_csv(contract, &plan_rows(contract, 2025))
    }

    #[test]
    fn csv_starts_with_the_bom_and_the_exact_header() {
        let text = csv_of(&sample());
        assert!(text.starts_with('\u{FEFF}'));
        assert!(text.starts_with(
            "\u{FEFF}Axe;Fiche action;Action;Pilote;Partenaires;Début;Fin;Statut;Début (version signée);Fin (version signée)\r\n"
        ));
        assert_eq!(text.matches("\r\n").count(), 6);
        assert_eq!(text.matches('\n').count(), 6);
    }

    #[test]
    fn csv_rows_use_french_months_partners_and_status() {
        let text = csv_of(&sample());
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(
            lines[3],
            "Axe 2 – Santé mentale;Fiche action n°2 – Prévention du suicide;Former des sentinelles;ARS Occitanie;\"Mutualité Française, CPTS du Sud; \"\"Nord\"\"\";03/2025;06/2026;Réalisé;;"
        );
        assert_eq!(lines[2], "Axe 1 – Offre de soins;Fiche action n°1 – Sans titre;Sans dates;Pilote non désigné;;;;;;");
        assert!(lines[5].contains(";\"Recruter le coordinateur, \"\"vite\"\"\";"));
        assert!(lines[5].ends_with(";01/2024;06/2024;;;"), "not signed: no signed dates");
    }

    #[test]
    fn csv_of_no_rows_is_the_header() {
        let c = sample();
        assert_eq!(
            plan_csv(&c, &[]),
            "\u{FEFF}Axe;Fiche action;Action;Pilote;Partenaires;Début;Fin;Statut;Début (version signée);Fin (version signée)\r\n"
        );
        let status_label = ReviewStatus::Done.label();
        assert!(csv_of(&c).contains(status_label));
    }

    #[test]
    fn csv_gives_the_signed_dates_beside_today_s() {
        let mut c = sample();
        c.signing.frozen_copy = Some(crate::model::amendment::frozen(&c));
        c.sheets[0].actions[0].end = Some(crate::model::YearMonth { year: 2026, month: 9 });
        c.sheets[0].actions.push(crate::model::Action::new(id(103), "Nouvelle action", 0));
        let text = csv_of(&c);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert!(lines[3].contains(";Former des sentinelles;"), "{}", lines[3]);
        assert!(lines[3].ends_with(";03/2025;09/2026;Réalisé;03/2025;06/2026"), "{}", lines[3]);
        assert!(lines[5].starts_with("Axe 2") && lines[5].ends_with(";Nouvelle action;ARS Occitanie;\"Mutualité Française, CPTS du Sud; \"\"Nord\"\"\";;;;;"), "{}", lines[5]);
        assert!(lines[6].ends_with(";01/2024;06/2024;;01/2024;06/2024"), "{}", lines[6]);
    }

    #[test]
    fn ics_is_a_calendar_with_crlf_only() {
        let text = milestones_ics(&sample(), NOW);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
        assert_eq!(text.matches('\r').count(), text.matches("\r\n").count());
        assert!(text.contains(&format!("DTSTAMP:{NOW}\r\n")));
    }

    #[test]
    fn ics_has_one_event_per_milestone_and_valid_copil() {
        let text = milestones_ics(&sample(), NOW);
        // Milestones 201 (ends 2028-12) and 102 (starts 2024-01, no end), COPIL 401; not the
        // COPIL with a bad date, nor the health commission.
        assert_eq!(text.matches("BEGIN:VEVENT\r\n").count(), 3);
        assert_eq!(text.matches("END:VEVENT\r\n").count(), 3);
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("UID:{}@atelier-cls\r\n", id(201))));
        // A milestone is known to the month: the event spans it, and says so.
        assert!(unfolded.contains("DTSTART;VALUE=DATE:20281201\r\nDTEND;VALUE=DATE:20290101\r\n"));
        assert!(unfolded.contains("DTSTART;VALUE=DATE:20240101\r\nDTEND;VALUE=DATE:20240201\r\n"));
        assert!(unfolded.contains("DESCRIPTION:Courant décembre 2028\\nAxe"));
        assert!(unfolded.contains(
            "SUMMARY:Jalon : Ouvrir une maison de santé (Fiche action n°1 – Sans titre)\r\n"
        ));
        assert!(unfolded.contains(&format!("UID:{}@atelier-cls\r\n", id(401))));
        assert!(unfolded.contains("DTSTART;VALUE=DATE:20250612\r\nDTEND;VALUE=DATE:20250613\r\n"));
        assert!(!unfolded.contains(&id(402).to_string()));
        assert!(!unfolded.contains(&id(403).to_string()));
    }

    #[test]
    fn ics_escapes_text() {
        let mut c = sample();
        c.name = "CLS a\\b; c,d".into();
        let unfolded = milestones_ics(&c, NOW).replace("\r\n ", "");
        assert!(unfolded.contains("SUMMARY:COPIL – CLS a\\\\b\\; c\\,d\r\n"));
        assert!(unfolded.contains("\\nAxe 1 – Offre de soins\\nFiche action n°1"));
        assert_eq!(escape("a\r\nb\rc"), "a\\nb\\nc");
    }

    #[test]
    fn ics_folds_long_lines_at_75_octets() {
        let mut c = sample();
        c.sheets[1].actions[0].description = "Très longue description accentuée ".repeat(8);
        let text = milestones_ics(&c, NOW);
        assert!(text.split("\r\n").all(|line| line.len() <= 75));
        assert!(text.contains("\r\n "));
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!(
            "SUMMARY:Jalon : {} (",
            "Très longue description accentuée ".repeat(8).trim()
        )));
    }

    #[test]
    fn ics_leaves_out_undated_milestones_and_sorts_meetings() {
        let mut c = sample();
        c.sheets[1].actions[0].start = None;
        c.sheets[1].actions[0].end = None;
        c.governance.meetings.push(meeting(
            404,
            crate::model::Body::SteeringCommittee,
            "2024-12-31",
        ));
        let text = milestones_ics(&c, NOW);
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 3);
        assert!(text.contains("DTSTART;VALUE=DATE:20241231\r\nDTEND;VALUE=DATE:20250101\r\n"));
        assert!(text.find(&id(404).to_string()) < text.find(&id(401).to_string()));
        assert_eq!(next_day(2024, 2, 28), (2024, 2, 29));
    }
}
