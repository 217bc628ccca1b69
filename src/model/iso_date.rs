//! Calendar dates written as ISO text, `yyyy-mm-dd`: what `<input type="date">` produces and
//! how meeting and signing dates are stored. Checking them, reading them, writing them out in
//! French for documents, and the length of a month (leap years included) for placing a day on
//! the planning or in a calendar file.

use super::YearMonth;

/// The shape of a date field in the published schema: empty (not chosen yet) or `yyyy-mm-dd`
/// (the import also checks that the day exists).
pub const SCHEMA_PATTERN: &str = r"^(\d{4}-\d{2}-\d{2})?$";

/// Whether `text` is an ISO calendar date `yyyy-mm-dd` that exists (leap years included),
/// which is what `<input type="date">` produces.
pub fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return false;
    }
    match numbers(text) {
        Some((year, month, day)) => {
            (1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)
        }
        None => false,
    }
}

/// (year, month, day) of a valid ISO date, surrounding spaces ignored; `None` for anything else.
pub fn parse_iso_date(text: &str) -> Option<(i32, u32, u32)> {
    let text = text.trim();
    if !is_iso_date(text) {
        return None;
    }
    numbers(text)
}

/// An ISO date written out the French way, « 4 décembre 2025 », « 1er mars 2025 », as documents
/// date things; a text that is not a valid date is given back trimmed, as typed, rather than
/// lost.
pub fn french_date(text: &str) -> String {
    let Some((year, month, day)) = parse_iso_date(text) else { return text.trim().to_string() };
    let month = u8::try_from(month).ok().and_then(|m| YearMonth::new(year, m));
    let month = month.map_or("", YearMonth::month_name);
    match day {
        1 => format!("1er {month} {year}"),
        day => format!("{day} {month} {year}"),
    }
}

/// An ISO date as signature pages write it, « 11/03/2025 »; a text that is not a valid date is
/// given back trimmed.
pub fn numeric_french_date(text: &str) -> String {
    match parse_iso_date(text) {
        Some((year, month, day)) => format!("{day:02}/{month:02}/{year}"),
        None => text.trim().to_string(),
    }
}

/// The three numbers of a text already known to have the `dddd-dd-dd` shape.
fn numbers(text: &str) -> Option<(i32, u32, u32)> {
    Some((text[0..4].parse().ok()?, text[5..7].parse().ok()?, text[8..10].parse().ok()?))
}

/// How many days `month` (1 to 12) has in `year`, by the Gregorian rule: a leap year is a
/// multiple of 4, except centuries that are not multiples of 400.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn iso_dates_are_checked_for_shape_and_calendar() {
        for ok in ["2025-03-14", "2024-02-29", "2000-02-29", "2025-12-31", "2025-01-01"] {
            assert!(is_iso_date(ok), "{ok}");
        }
        for bad in [
            "",
            "2025-3-14",
            "14/03/2025",
            "2025-13-01",
            "2025-00-10",
            "2025-04-31",
            "2023-02-29",
            "2100-02-29",
            "2025-02-00",
            "2025-03-14T10:00",
            "+025-03-14",
            "２０２５-03-14",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert_eq!(days_in_month(2024, 2), 29, "a multiple of 4");
        assert_eq!(days_in_month(2025, 2), 28);
        assert_eq!(days_in_month(1900, 2), 28, "a century");
        assert_eq!(days_in_month(2100, 2), 28, "a century");
        assert_eq!(days_in_month(2000, 2), 29, "a multiple of 400");
    }

    #[test]
    fn months_have_their_length() {
        let lengths: Vec<u32> = (1..=12).map(|month| days_in_month(2025, month)).collect();
        assert_eq!(lengths, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
        assert_eq!(lengths.iter().sum::<u32>(), 365);
        assert_eq!((1..=12).map(|month| days_in_month(2024, month)).sum::<u32>(), 366);
    }

    #[test]
    fn the_first_and_last_days_are_the_bounds() {
        for (first, last, after) in [
            ("2025-01-01", "2025-01-31", "2025-01-32"),
            ("2025-04-01", "2025-04-30", "2025-04-31"),
            ("2024-02-01", "2024-02-29", "2024-02-30"),
            ("2025-12-01", "2025-12-31", "2025-12-32"),
        ] {
            assert!(is_iso_date(first) && is_iso_date(last), "{first} {last}");
            assert!(!is_iso_date(after), "{after}");
        }
        assert!(is_iso_date("0000-01-01") && is_iso_date("9999-12-31"));
    }

    #[test]
    fn dates_are_written_out_in_french() {
        assert_eq!(french_date("2025-12-04"), "4 décembre 2025");
        assert_eq!(french_date(" 2025-03-01 "), "1er mars 2025");
        assert_eq!(numeric_french_date("2025-03-11"), "11/03/2025");
        assert_eq!(numeric_french_date(" le 11 "), "le 11");
        assert_eq!(french_date(" pas une date "), "pas une date");
    }

    #[test]
    fn parsing_gives_the_numbers_of_a_valid_date_only() {
        assert_eq!(parse_iso_date("2025-03-14"), Some((2025, 3, 14)));
        assert_eq!(parse_iso_date("  2024-02-29 "), Some((2024, 2, 29)));
        assert_eq!(parse_iso_date("2023-02-29"), None);
        assert_eq!(parse_iso_date("14/03/2025"), None);
        assert_eq!(parse_iso_date(""), None);
    }

    proptest! {
        #[test]
        fn well_formed_dates_round_trip(year in 1000u32..=9999, month in 1u32..=12, day in 1u32..=28) {
            let text = format!("{year:04}-{month:02}-{day:02}");
            prop_assert!(is_iso_date(&text));
            let bad_month = format!("{year:04}-{:02}-{day:02}", month + 12);
            let bad_day = format!("{year:04}-{month:02}-{:02}", day + 31);
            prop_assert!(!is_iso_date(&bad_month));
            prop_assert!(!is_iso_date(&bad_day));
        }
    }
}
