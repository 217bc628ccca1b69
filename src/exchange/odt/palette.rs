//! The status colours of `style/status.css`, for the ODT's cells and chart: a file has no
//! stylesheet to borrow them from. A test holds the two palettes equal.

use crate::model::ReviewStatus;

/// « Non renseigné »: white, drawn with a dashed grey outline so that it reads as no colour.
pub const NONE_OUTLINE: &str = "#666666";

/// The colour of a status, `#rrggbb`; white for « Non renseigné ».
pub fn colour(status: Option<ReviewStatus>) -> &'static str {
    match status {
        Some(ReviewStatus::Upcoming) => "#6a6af4",
        Some(ReviewStatus::InProgress) => "#0063cb",
        Some(ReviewStatus::Done) => "#18753c",
        Some(ReviewStatus::PartlyDone) => "#5e8a10",
        Some(ReviewStatus::BarelyDone) => "#b34000",
        Some(ReviewStatus::NotDone) => "#ce0500",
        Some(ReviewStatus::Postponed) => "#a558a0",
        Some(ReviewStatus::Abandoned) => "#3a3a3a",
        None => "#ffffff",
    }
}

/// The key of a status in style names: `Status_done`, `Status_none`.
pub fn key(status: Option<ReviewStatus>) -> &'static str {
    status.map_or("none", ReviewStatus::key)
}

/// A pale tint of a status colour (four parts white to one of colour), for a cell's
/// background: black text stays readable on every tint (not so white text on the colours,
/// two of which pass only 3:1), while a border of the full colour keeps the code visible.
pub fn tint(status: Option<ReviewStatus>) -> String {
    let hex = colour(status);
    let mut out = String::from("#");
    for at in [1, 3, 5] {
        let channel = u32::from_str_radix(&hex[at..at + 2], 16).unwrap_or(255);
        let pale = channel + (255 - channel) * 4 / 5;
        for digit in [pale / 16, pale % 16] {
            out.push(char::from_digit(digit, 16).unwrap_or('f'));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_is_the_one_of_the_stylesheet() {
        let css = include_str!("../../../style/status.css");
        for status in ReviewStatus::ALL.iter().copied() {
            let rule = format!("--status-{}: {};", status.key(), colour(Some(status)));
            assert!(css.contains(&rule), "style/status.css n’a pas {rule}");
        }
        assert!(css.contains(&format!(".status--none {{ background: {}", colour(None))));
        assert!(css.contains(&format!("dashed {NONE_OUTLINE}")));
    }

    #[test]
    fn a_tint_is_paler_than_its_colour_and_white_stays_white() {
        assert_eq!(tint(None), "#ffffff");
        assert_eq!(tint(Some(ReviewStatus::Done)), "#d0e3d8");
    }
}
