//! The planning's lines (group headers and one line per action) as one piece of HTML.
//!
//! Why a string: with 1,000 actions the chart has some 15,000 elements. Built one by one from
//! WebAssembly, each element, attribute and listener is a call across to JavaScript and a string
//! decoded on the way (5 to 8 times slower than plain JavaScript building the same DOM); as one
//! string, it is a single call and the browser's HTML parser. The lines are static anyway (they
//! are drawn anew whenever what they show changes), they carry no listener of their own (the
//! list listens for clicks and drags, and finds the group or action in `data-*` attributes), and
//! the one live part, the date editor, is mounted into the empty line left for it
//! (`data-editeur`). Every text from the user is escaped (`crate::document::html`), and every
//! character beyond Latin-1 written as a reference, so that the string stays one-byte in
//! JavaScript (`push_escaped_latin1` says why).

use crate::document::html::{escaped, push_escaped_latin1 as push_escaped};
use crate::model::planning::{bar_position, Compared, PlanRow, SignedDates};
use crate::model::{Id, ReviewStatus, YearMonth};
use std::collections::HashSet;
use std::fmt::Write;

/// How bars are coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColourBy {
    Axis,
    Status,
}

/// How action lines are drawn: the time window (first and last year) and the colours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    pub first: i32,
    pub last: i32,
    pub colour: ColourBy,
}

/// The action whose date editor is open: what the editor starts from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EditorAt {
    pub sheet: Id,
    pub action: Id,
    pub start: Option<YearMonth>,
    pub end: Option<YearMonth>,
}

/// The lines as HTML (the content of the `<ul>`), and the editor to mount in its empty line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartLines {
    pub html: String,
    pub editor: Option<EditorAt>,
}

/// The address of an action's sheet, at the actions step (without the router base).
pub fn sheet_path(sheet: &str) -> String {
    format!("/fiche/?id={sheet}&etape=4")
}

/// Draws the visible rows, grouped by axis then sheet, leaving out what is folded (`folded`
/// holds axis ids, "aucun" for the rows without axis, and sheet ids). `base` is the router base
/// put before links.
pub fn chart_lines(
    rows: &[PlanRow],
    folded: &HashSet<String>,
    look: Look,
    editing: Option<Id>,
    base: &str,
) -> ChartLines {
    chart_lines_beside(rows, folded, look, editing, base, None)
}

/// The same lines, with the signed version's dates beside each bar when `signed` is given
/// (« Comparer à la version signée », `baseline_mark`); without it, exactly [`chart_lines`].
pub fn chart_lines_beside(
    rows: &[PlanRow],
    folded: &HashSet<String>,
    look: Look,
    editing: Option<Id>,
    base: &str,
    signed: Option<&SignedDates>,
) -> ChartLines {
    // About 1,200 bytes a line: room enough not to copy the whole text while it grows.
    let mut out = ChartLines { html: String::with_capacity(rows.len() * 1536), editor: None };
    let mut name = String::new();
    let mut i = 0;
    while i < rows.len() {
        let axis_key = rows[i].axis_id.map_or("aucun".to_string(), |a| a.to_string());
        let axis_end = rows[i..]
            .iter()
            .position(|r| r.axis_id != rows[i].axis_id)
            .map_or(rows.len(), |p| i + p);
        let axis_folded = folded.contains(&axis_key);
        let count = axis_end - i;
        let text = format!(
            "{} {} ({count} action{})",
            arrow(axis_folded),
            rows[i].axis_label,
            if count > 1 { "s" } else { "" }
        );
        group(&mut out.html, "plan-group--axis", &axis_key, axis_folded, &text);
        let mut j = i;
        while j < axis_end && !axis_folded {
            let sheet_end = rows[j..axis_end]
                .iter()
                .position(|r| r.sheet_id != rows[j].sheet_id)
                .map_or(axis_end, |p| j + p);
            let sheet_key = rows[j].sheet_id.to_string();
            let sheet_folded = folded.contains(&sheet_key);
            let mut text =
                format!("{} {} ({})", arrow(sheet_folded), rows[j].sheet_label, sheet_end - j);
            if signed.is_some_and(|s| s.sheet(rows[j].sheet_id).is_none()) {
                text.push_str(" – nouvelle depuis la signature");
            }
            group(&mut out.html, "plan-group--sheet", &sheet_key, sheet_folded, &text);
            if !sheet_folded {
                let href = format!("{}{}", escaped(base), escaped(&sheet_path(&sheet_key)));
                for row in &rows[j..sheet_end] {
                    let edited = editing == Some(row.action_id);
                    let action = row.action_id.to_string();
                    let compared = signed.map(|s| s.row(row));
                    action_line(
                        &mut out.html,
                        Ids { sheet: &sheet_key, action: &action, href: &href },
                        row,
                        look,
                        edited,
                        &mut name,
                        compared.as_ref(),
                    );
                    if edited {
                        let _ = write!(
                            out.html,
                            r#"<li class="plan-row plan-row--editor" data-editeur="{action}"></li>"#
                        );
                        out.editor = Some(EditorAt {
                            sheet: row.sheet_id,
                            action: row.action_id,
                            start: row.start,
                            end: row.end,
                        });
                    }
                }
            }
            j = sheet_end;
        }
        i = axis_end;
    }
    out
}

fn arrow(folded: bool) -> &'static str {
    if folded {
        "▸"
    } else {
        "▾"
    }
}

/// A group header: its button folds or unfolds the group named by `data-groupe`.
fn group(html: &mut String, class: &str, key: &str, folded: bool, text: &str) {
    let _ = write!(
        html,
        r#"<li class="plan-group {class}"><button type="button" class="plan-group__toggle" aria-expanded="{}" data-groupe=""#,
        !folded
    );
    push_escaped(html, key);
    html.push_str(r#"">"#);
    push_escaped(html, text);
    html.push_str("</button></li>");
}

/// The class that colours a status, the same on the planning's bars and the follow-up chart
/// (`style/status.css`): `status--done`, `status--none` for « Non renseigné ».
pub fn status_class(status: Option<ReviewStatus>) -> &'static str {
    match status {
        Some(ReviewStatus::Upcoming) => "status--upcoming",
        Some(ReviewStatus::InProgress) => "status--in_progress",
        Some(ReviewStatus::Done) => "status--done",
        Some(ReviewStatus::PartlyDone) => "status--partly_done",
        Some(ReviewStatus::BarelyDone) => "status--barely_done",
        Some(ReviewStatus::NotDone) => "status--not_done",
        Some(ReviewStatus::Postponed) => "status--postponed",
        Some(ReviewStatus::Abandoned) => "status--abandoned",
        None => "status--none",
    }
}

/// Writes a percentage with four decimals ("41.6667%"), as `{:.4}%` would, with integers:
/// Rust's exact float formatting costs more than the rest of a line put together, and, used
/// anywhere in the app, its code weighs on the wasm (bench/SIZE.md): every percentage written
/// into a style goes through here or `percent`.
pub fn push_percent(html: &mut String, value: f64) {
    let ten_thousandths = (value * 10_000.0).round() as i64;
    let sign = if ten_thousandths < 0 { "-" } else { "" };
    let magnitude = ten_thousandths.unsigned_abs();
    let _ = write!(html, "{sign}{}.{:04}%", magnitude / 10_000, magnitude % 10_000);
}

/// A percentage with four decimals ("41.6667%"), for a style attribute.
pub fn percent(value: f64) -> String {
    let mut text = String::with_capacity(12);
    push_percent(&mut text, value);
    text
}

/// An action's ids as written in its line, formatted once: its sheet's, its own, and the
/// escaped address of its sheet.
struct Ids<'a> {
    sheet: &'a str,
    action: &'a str,
    href: &'a str,
}

/// Writes a month as `<input type="month">` does ("2026-03").
fn push_month(html: &mut String, month: YearMonth) {
    let _ = write!(html, "{:04}-{:02}", month.year, month.month);
}

/// An action's line: its label (a link to the sheet) and lead, its bar (or diamond) whose ends
/// can be dragged, and the « Dates » button that opens the editor under the line. `name` is a
/// buffer reused from line to line.
///
/// Few elements, few bytes: the link, the lead and the button are the line's grid cells
/// themselves (no wrappers), and the bar's accessible name is its `title` (also its tooltip),
/// written once. With 1,000 lines, every element and every byte is paid for in the string's
/// crossing to JavaScript and in the HTML parser (`bench/planning.mjs` draws the same lines).
fn action_line(
    html: &mut String,
    ids: Ids,
    row: &PlanRow,
    look: Look,
    editing: bool,
    name: &mut String,
    compared: Option<&Compared>,
) {
    html.push_str(r#"<li class="plan-row"><a href=""#);
    html.push_str(ids.href);
    html.push_str(r#"" class="plan-row__name">"#);
    push_escaped(html, &row.label);
    html.push_str(r#"</a><span class="plan-row__lead">"#);
    push_escaped(html, &row.lead_name);
    html.push_str(r#"</span><div class="plan-row__track">"#);

    if let Some((left, width)) = bar_position(row.start, row.end, look.first, look.last) {
        if row.milestone {
            html.push_str(r#"<button type="button" class="milestone" style="left:"#);
            push_percent(html, left + width);
        } else {
            match look.colour {
                ColourBy::Axis => {
                    let _ = write!(
                        html,
                        r#"<button type="button" class="bar bar--axis-{}" style="left:"#,
                        row.axis_rank % 8
                    );
                }
                ColourBy::Status => {
                    let _ = write!(
                        html,
                        r#"<button type="button" class="bar {}" style="left:"#,
                        status_class(row.status)
                    );
                }
            }
            push_percent(html, left);
            html.push_str(";width:");
            push_percent(html, width);
        }
        name.clear();
        name.push_str(&row.label);
        name.push_str(" – ");
        name.push_str(&row.sheet_label);
        let _ = match (row.start, row.end) {
            (Some(s), Some(e)) => write!(name, ", de {s} à {e}"),
            (Some(s), None) => write!(name, ", à partir de {s}"),
            (None, Some(e)) => write!(name, ", jusqu’à {e}"),
            (None, None) => write!(name, ", sans dates"),
        };
        name.push_str(", pilote : ");
        name.push_str(&row.lead_name);
        if let Some(compared) = compared {
            name.push_str(" ; ");
            compared.describe(name);
        }
        html.push_str(r#"" title=""#);
        push_escaped(html, name);
        let _ = write!(html, r#"" data-fiche="{}" data-action="{}""#, ids.sheet, ids.action);
        if let Some(start) = row.start {
            html.push_str(r#" data-debut=""#);
            push_month(html, start);
            html.push('"');
        }
        if let Some(end) = row.end {
            html.push_str(r#" data-fin=""#);
            push_month(html, end);
            html.push('"');
        }
        html.push('>');
        if !row.milestone {
            html.push_str(concat!(
                r#"<span class="bar__handle bar__handle--start" aria-hidden="true"></span>"#,
                r#"<span class="bar__handle bar__handle--end" aria-hidden="true"></span>"#
            ));
        }
        html.push_str("</button>");
        if let Some(compared) = compared {
            baseline_mark(html, row, look, compared, None);
        }
    } else if let Some(compared) = compared {
        // No bar today: the mark of the signed dates says it all, so it is the one read out.
        name.clear();
        name.push_str(&row.label);
        name.push_str(" – ");
        name.push_str(&row.sheet_label);
        name.push_str(", ");
        compared.describe(name);
        baseline_mark(html, row, look, compared, Some(name));
    }

    let _ = write!(
        html,
        r#"</div><button type="button" class="plan-row__dates secondary small no-print" aria-expanded="{editing}" aria-label="Modifier les dates de « "#
    );
    push_escaped(html, &row.label);
    let _ = write!(html, r#" »" data-dates="{}">Dates</button></li>"#, ids.action);
}

/// The signed version's dates of an action: a thin hatched, outlined bar under today's (a hollow
/// diamond for a milestone), `baseline--late` when today's dates are later. It repeats what the
/// bar's name says (`aria-hidden`), unless the action has no bar today: then `label` is its
/// text alternative. Nothing when the action is new, undated when signed, or out of the window.
fn baseline_mark(
    html: &mut String,
    row: &PlanRow,
    look: Look,
    compared: &Compared,
    label: Option<&str>,
) {
    let Some((start, end)) = compared.signed else { return };
    let Some((left, width)) = bar_position(start, end, look.first, look.last) else { return };
    let late = if compared.shift.is_late() { " baseline--late" } else { "" };
    if row.milestone {
        let _ = write!(html, r#"<span class="baseline baseline--milestone{late}" style="left:"#);
        push_percent(html, left + width);
    } else {
        let _ = write!(html, r#"<span class="baseline{late}" style="left:"#);
        push_percent(html, left);
        html.push_str(";width:");
        push_percent(html, width);
    }
    match label {
        Some(label) => {
            html.push_str(r#"" role="img" aria-label=""#);
            push_escaped(html, label);
            html.push_str(r#""></span>"#);
        }
        None => html.push_str(r#"" aria-hidden="true"></span>"#),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::planning::generated_contract;
    use crate::model::planning::plan_rows;

    const LOOK: Look = Look { first: 2024, last: 2028, colour: ColourBy::Axis };

    fn row(
        label: &str,
        start: Option<(i32, u8)>,
        end: Option<(i32, u8)>,
        milestone: bool,
    ) -> PlanRow {
        let contract = generated_contract(1, 1);
        let mut row = plan_rows(&contract, 2025).remove(0);
        row.label = label.to_string();
        row.start = start.map(|(year, month)| YearMonth { year, month });
        row.end = end.map(|(year, month)| YearMonth { year, month });
        row.milestone = milestone;
        row
    }

    #[test]
    fn user_text_is_escaped_everywhere() {
        let mut row = row(
            r#"<img src=x onerror="alert('x')"> & co"#,
            Some((2024, 1)),
            Some((2025, 12)),
            false,
        );
        row.lead_name = "<i>ARS</i>".into();
        row.sheet_label = r#"Fiche "1""#.into();
        row.axis_label = "Axe <1>".into();
        let html = chart_lines(&[row], &HashSet::new(), LOOK, None, "/cls").html;
        assert!(
            !html.contains("<img") && !html.contains("<i>") && !html.contains("Axe <1>"),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co"),
            "{html}"
        );
        assert!(
            html.contains("Fiche &quot;1&quot;")
                && html.contains("&lt;i&gt;ARS&lt;/i&gt;")
                && html.contains("Axe &lt;1&gt;"),
            "{html}"
        );
    }

    #[test]
    fn an_action_line_has_its_link_bar_and_dates_button() {
        let row = row("Former au repérage", Some((2026, 1)), Some((2026, 12)), false);
        let html =
            chart_lines(std::slice::from_ref(&row), &HashSet::new(), LOOK, None, "/cls").html;
        let (sheet, action) = (row.sheet_id, row.action_id);
        assert!(html.contains(&format!(r#"<a href="/cls/fiche/?id={sheet}&amp;etape=4" class="plan-row__name">Former au repérage</a>"#)), "{html}");
        // 2026-01 to 2026-12 is the third fifth of 2024-2028.
        assert!(
            html.contains(r#"class="bar bar--axis-0" style="left:40.0000%;width:20.0000%""#),
            "{html}"
        );
        assert!(html.contains(&format!(r#"data-fiche="{sheet}" data-action="{action}" data-debut="2026-01" data-fin="2026-12">"#)), "{html}");
        assert!(html.contains(r#"title="Former au repérage &#8211; "#), "{html}");
        assert!(html.chars().all(|c| u32::from(c) <= 0xFF), "Latin-1 only: {html}");
        assert!(!html.contains("<div class=\"planning__label-col"), "no wrapper: {html}");
        assert_eq!(html.matches("bar__handle--").count(), 2);
        assert!(html.contains(&format!(r#"aria-expanded="false" aria-label="Modifier les dates de « Former au repérage »" data-dates="{action}">Dates</button></li>"#)), "{html}");
        assert_eq!(html.matches("<li").count(), html.matches("</li>").count());
        assert_eq!(html.matches("<button").count(), html.matches("</button>").count());
    }

    #[test]
    fn a_milestone_is_a_diamond_without_grips_and_an_undated_action_has_no_bar() {
        let milestone = row("Lancer le CLSM", Some((2027, 6)), Some((2027, 6)), true);
        let html = chart_lines(&[milestone], &HashSet::new(), LOOK, None, "").html;
        // At the end of June 2027: 42 months out of 60.
        assert!(html.contains(r#"class="milestone" style="left:70.0000%""#), "{html}");
        assert!(!html.contains("bar__handle"));
        let undated = row("Plus tard", None, None, false);
        let html = chart_lines(&[undated], &HashSet::new(), LOOK, None, "").html;
        assert!(!html.contains("data-action=") && html.contains("data-dates="), "{html}");
    }

    #[test]
    fn groups_fold_and_the_editor_gets_an_empty_line_under_its_action() {
        let rows = plan_rows(&generated_contract(2, 3), 2025);
        let all = chart_lines(&rows, &HashSet::new(), LOOK, None, "");
        assert_eq!(all.html.matches(r#"class="plan-row""#).count(), 6);
        assert!(all.html.contains(r#"aria-expanded="true" data-groupe=""#));
        assert_eq!(all.editor, None);

        let folded: HashSet<String> = [rows[0].sheet_id.to_string()].into();
        let some = chart_lines(&rows, &folded, LOOK, None, "");
        assert_eq!(some.html.matches(r#"class="plan-row""#).count(), 3);
        assert!(some.html.contains(&format!(
            r#"aria-expanded="false" data-groupe="{}">&#9656; "#,
            rows[0].sheet_id
        )));

        let edited = &rows[4];
        let editing = chart_lines(&rows, &HashSet::new(), LOOK, Some(edited.action_id), "");
        let slot = format!(
            r#"<li class="plan-row plan-row--editor" data-editeur="{}"></li>"#,
            edited.action_id
        );
        let dates = format!(
            r#"aria-expanded="true" aria-label="Modifier les dates de « {} »" data-dates="{}">"#,
            edited.label, edited.action_id
        );
        assert!(editing.html.find(&dates).unwrap() < editing.html.find(&slot).unwrap());
        assert_eq!(
            editing.editor,
            Some(EditorAt {
                sheet: edited.sheet_id,
                action: edited.action_id,
                start: edited.start,
                end: edited.end
            })
        );
    }

    /// A signed contract of two fiches, then: the first action ends 3 months later, the second
    /// loses its dates, the third is unchanged, a new action and a new fiche.
    fn signed_then_changed() -> (Vec<PlanRow>, SignedDates) {
        let mut c = generated_contract(2, 3);
        for (i, action) in c.sheets[0].actions.iter_mut().enumerate() {
            action.milestone = false;
            action.start = YearMonth::new(2026, 1);
            action.end = YearMonth::new(2026, 12);
            action.description = format!("Action {i}");
        }
        c.signing.frozen_copy = Some(crate::model::amendment::frozen(&c));
        let actions = &mut c.sheets[0].actions;
        actions[0].end = YearMonth::new(2027, 3);
        actions[1].start = None;
        actions[1].end = None;
        let mut added = crate::model::Action::new(Id::from_u128(9001), "Nouvelle", 0);
        added.start = YearMonth::new(2025, 1);
        actions.push(added);
        let mut sheet = crate::model::ActionSheet::new(Id::from_u128(9000), "Ajoutée", 0);
        sheet.axis_id = c.sheets[0].axis_id;
        sheet.actions = vec![crate::model::Action::new(Id::from_u128(9002), "Sans dates", 0)];
        c.sheets.push(sheet);
        let signed = SignedDates::of(&c).unwrap();
        (plan_rows(&c, 2025), signed)
    }

    #[test]
    fn without_the_baseline_the_lines_are_exactly_today_s() {
        let (rows, _) = signed_then_changed();
        let editing = Some(rows[1].action_id);
        assert_eq!(
            chart_lines_beside(&rows, &HashSet::new(), LOOK, editing, "/cls", None),
            chart_lines(&rows, &HashSet::new(), LOOK, editing, "/cls")
        );
        let html = chart_lines(&rows, &HashSet::new(), LOOK, None, "").html;
        assert!(!html.contains("baseline") && !html.contains("signée"), "{html}");
    }

    #[test]
    fn the_baseline_shows_the_signed_dates_under_each_bar_and_says_the_delay() {
        let (rows, signed) = signed_then_changed();
        let html = chart_lines_beside(&rows, &HashSet::new(), LOOK, None, "", Some(&signed)).html;
        let line = |label: &str| {
            let start = html.find(&format!(">{label}</a>")).unwrap();
            let end = start + html[start..].find("</li>").unwrap();
            html[start..end].to_string()
        };
        let late = line("Action 0");
        assert!(late.contains("pilote : "), "{late}");
        assert!(
            late.contains(
                " ; version signée : de janvier 2026 à décembre 2026, prolongée de 3 mois\""
            ),
            "{late}"
        );
        assert!(
            late.contains(r#"<span class="baseline baseline--late" style="left:40.0000%;width:20.0000%" aria-hidden="true"></span>"#),
            "{late}"
        );
        let same = line("Action 2");
        assert!(
            same.contains(
                "de janvier 2026 à décembre 2026, dates inchangées depuis la signature\""
            ),
            "{same}"
        );
        assert!(
            same.contains(
                r#"<span class="baseline" style="left:40.0000%;width:20.0000%" aria-hidden="true">"#
            ),
            "{same}"
        );
        // Without dates today: no bar, the mark is read out.
        let undated = line("Action 1");
        assert!(!undated.contains("<button type=\"button\" class=\"bar"), "{undated}");
        assert!(undated.contains(r#"<span class="baseline" style="left:40.0000%;width:20.0000%" role="img" aria-label="Action 1 &#8211; "#), "{undated}");
        assert!(
            undated.contains("générée 1, version signée : de janvier 2026 à décembre 2026, sans dates depuis la signature\""),
            "{undated}"
        );
        let added = line("Nouvelle");
        assert!(
            added.contains(", pilote : ") && added.contains(" ; nouvelle depuis la signature\""),
            "{added}"
        );
        assert!(!added.contains("baseline"), "{added}");
        // Three under the first fiche, three under the second (unchanged); none for the new.
        assert_eq!(html.matches(r#"class="baseline"#).count(), 6, "{html}");
        assert!(
            html.contains("Ajoutée (1) &#8211; nouvelle depuis la signature</button>"),
            "{html}"
        );
        assert_eq!(html.matches("nouvelle depuis la signature</button>").count(), 1);
    }

    #[test]
    fn percentages_have_four_decimals_like_the_formatter() {
        for value in [0.0, 100.0, 41.666_666_7, 1.666_666_6, 58.333_333, 99.999_99, 0.000_04, 12.5]
        {
            let mut written = String::new();
            push_percent(&mut written, value);
            assert_eq!(written, format!("{value:.4}%"));
        }
    }

    #[test]
    fn colours_by_status() {
        let mut row = row("A", Some((2024, 1)), Some((2024, 6)), false);
        let look = Look { colour: ColourBy::Status, ..LOOK };
        row.status = None;
        assert!(chart_lines(std::slice::from_ref(&row), &HashSet::new(), look, None, "")
            .html
            .contains(r#"class="bar status--none""#));
        row.status = Some(ReviewStatus::PartlyDone);
        assert!(chart_lines(&[row], &HashSet::new(), look, None, "")
            .html
            .contains(r#"class="bar status--partly_done""#));
    }
}
