//! The chart of actions by status as an SVG image for the ODT (`Pictures/chart<n>.svg`): the
//! dashboard's bars (same geometry, `document::status_bars`), with the figures written at the
//! end of each bar and a legend that names every colour drawn.
//!
//! Plain presentation attributes, no stylesheet: office suites read those best.

use super::palette::{self, NONE_OUTLINE};
use super::xml::Xml;
use crate::document::status_bars::{segments, total_x, BAR_HEIGHT, ROW_HEIGHT, WIDTH};
use crate::document::StatusChart;
use crate::model::follow_up::{status_at, STATUS_COLUMNS};
use crate::model::review::status_label;
use crate::model::ReviewStatus;
use std::io;

/// The legend's statuses per line, and the height of a line.
const LEGEND_PER_LINE: usize = 3;
const LEGEND_LINE: usize = 22;

/// The statuses some bar counts, in list order: the ones the legend names.
fn drawn_columns(chart: &StatusChart) -> Vec<usize> {
    (0..STATUS_COLUMNS).filter(|c| chart.bars.iter().any(|bar| bar.counts[*c] > 0)).collect()
}

fn bars_height(chart: &StatusChart) -> usize {
    chart.bars.len().max(1) * ROW_HEIGHT + 4
}

/// The image's height in SVG units (its width is [`WIDTH`]).
pub fn height(chart: &StatusChart) -> usize {
    let lines = drawn_columns(chart).len().div_ceil(LEGEND_PER_LINE);
    bars_height(chart) + 8 + lines * LEGEND_LINE
}

/// A rectangle filled with a status's colour; « Non renseigné » is white with a dashed outline.
fn status_rect(
    xml: &mut Xml,
    status: Option<ReviewStatus>,
    geometry: [usize; 4],
    title: Option<&str>,
) {
    let [x, y, width, height] = geometry.map(|n| n.to_string());
    let mut attributes = vec![
        ("x", x.as_str()),
        ("y", y.as_str()),
        ("width", width.as_str()),
        ("height", height.as_str()),
        ("fill", palette::colour(status)),
    ];
    if status.is_none() {
        attributes.extend([("stroke", NONE_OUTLINE), ("stroke-dasharray", "4 3")]);
    } else {
        attributes.push(("stroke", "#ffffff"));
    }
    match title {
        Some(title) => {
            xml.open("rect", &attributes);
            xml.element("title", &[], title);
            xml.close("rect");
        }
        None => xml.empty("rect", &attributes),
    }
}

/// The SVG file of a chart.
pub fn svg(chart: &StatusChart) -> io::Result<Vec<u8>> {
    let longest = chart.bars.iter().map(|b| b.counts.iter().sum()).max().unwrap_or(0);
    let (width, height) = (WIDTH.to_string(), height(chart).to_string());
    let view_box = format!("0 0 {width} {height}");
    let mut xml = Xml::new();
    xml.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", &width),
            ("height", &height),
            ("viewBox", &view_box),
            ("font-family", "Arial, 'Liberation Sans', sans-serif"),
            ("font-size", "13"),
        ],
    );
    xml.element("title", &[], "Actions par statut");
    xml.element("desc", &[], &chart.description);
    for (rank, bar) in chart.bars.iter().enumerate() {
        let y = rank * ROW_HEIGHT + 4;
        let text_y = (y + 15).to_string();
        xml.element("text", &[("x", "0"), ("y", &text_y), ("fill", "#161616")], &bar.label);
        for segment in segments(&bar.counts, longest) {
            let status = segment.status;
            let title = format!("{} : {} {}", bar.label, segment.count, status_label(status));
            status_rect(&mut xml, status, [segment.x, y, segment.width, BAR_HEIGHT], Some(&title));
        }
        let total = bar.counts.iter().sum::<usize>();
        let x = total_x(total, longest).to_string();
        xml.element("text", &[("x", &x), ("y", &text_y), ("fill", "#161616")], &total.to_string());
    }
    let top = bars_height(chart) + 8;
    for (rank, column) in drawn_columns(chart).into_iter().enumerate() {
        let x = rank % LEGEND_PER_LINE * (WIDTH / LEGEND_PER_LINE);
        let y = top + rank / LEGEND_PER_LINE * LEGEND_LINE;
        let status = status_at(column);
        status_rect(&mut xml, status, [x + 1, y + 1, 14, 14], None);
        let (text_x, text_y) = ((x + 22).to_string(), (y + 13).to_string());
        let label = status_label(status);
        xml.element("text", &[("x", &text_x), ("y", &text_y), ("fill", "#161616")], label);
    }
    xml.close("svg");
    xml.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::StatusBar;
    use crate::model::follow_up::column_of;

    fn chart() -> StatusChart {
        let mut counts = [0; STATUS_COLUMNS];
        counts[column_of(Some(ReviewStatus::Done))] = 3;
        counts[column_of(None)] = 1;
        StatusChart {
            description: "Axe 1 : 3 réalisées, 1 non renseignée.".into(),
            bars: vec![StatusBar { label: "Axe 1".into(), counts }],
        }
    }

    #[test]
    fn the_image_draws_each_status_with_its_colour_and_names_it_in_the_legend() {
        let svg = String::from_utf8(svg(&chart()).unwrap()).unwrap();
        assert!(svg.contains("<desc>Axe 1 : 3 réalisées, 1 non renseignée.</desc>"));
        assert!(svg.contains(r##"fill="#18753c""##));
        assert!(svg.contains(r#"stroke-dasharray="4 3""#));
        assert!(svg.contains("<title>Axe 1 : 3 Réalisé</title>"));
        assert!(svg.contains(">Non renseigné</text>"));
        assert!(!svg.contains("Abandonné"), "the legend names only the colours drawn");
    }

    #[test]
    fn the_legend_adds_a_line_per_three_statuses() {
        let mut chart = chart();
        assert_eq!(height(&chart), ROW_HEIGHT + 4 + 8 + LEGEND_LINE);
        chart.bars[0].counts = [1; STATUS_COLUMNS];
        assert_eq!(height(&chart), ROW_HEIGHT + 4 + 8 + 3 * LEGEND_LINE);
    }
}
