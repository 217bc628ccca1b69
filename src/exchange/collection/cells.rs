//! Reading the cells of an answer that are neither text nor a status: amounts spent, through the
//! app's one amount reader (`model::amount`: spaces of any kind, « € », decimal commas, cents
//! rounded and said), and dates as French spreadsheets write them (« 03/04/2025 »).

use crate::model::amount::{read_amount, Refusal};
use crate::model::iso_date::is_iso_date;

/// An amount cell: `Ok(None)` when empty, the euros kept with the rounding message if any, or
/// the refusal (its message says the amount kept is unchanged).
pub fn read_spent(text: &str) -> Result<Option<(u64, Option<String>)>, Refusal> {
    let reading = read_amount(text)?;
    Ok(reading.euros().map(|euros| (euros, reading.message())))
}

/// A date cell as ISO text (`2025-04-03`): « 03/04/2025 » (day first, as in France), « 3/4/2025 »,
/// « 03-04-2025 », « 03.04.2025 », « 03/04/25 » (this century), or ISO as a spreadsheet reader
/// may give it (« 2025-04-03 », « 2025-04-03T00:00:00 »). `None` for anything else, a day that
/// does not exist included.
pub fn read_date(text: &str) -> Option<String> {
    let text = text.trim();
    let date = text.split(['T', ' ']).next().unwrap_or(text);
    if is_iso_date(date) {
        return Some(date.to_string());
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let [day, month, year] = parts.as_slice() else { return None };
    let number = |part: &str, max_len: usize| -> Option<u32> {
        let ok =
            !part.is_empty() && part.len() <= max_len && part.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| part.parse().ok()).flatten()
    };
    let (day, month) = (number(day, 2)?, number(month, 2)?);
    let year = match year.len() {
        2 => 2000 + number(year, 2)?,
        4 => number(year, 4)?,
        _ => return None,
    };
    let iso = format!("{year:04}-{month:02}-{day:02}");
    is_iso_date(&iso).then_some(iso)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn amounts_spent_read_as_french_spreadsheets_write_them() {
        assert_eq!(read_spent("1 250,50 €").unwrap().map(|(e, _)| e), Some(1_251));
        assert!(read_spent("1 250,50 €").unwrap().unwrap().1.unwrap().contains("arrondi à"));
        assert_eq!(read_spent("1\u{202f}250\u{a0}€"), Ok(Some((1_250, None))));
        assert_eq!(
            read_spent("1250.5"),
            Ok(Some((1_251, read_amount("1250,5").unwrap().message())))
        );
        assert_eq!(read_spent(""), Ok(None));
        assert!(matches!(read_spent("environ mille"), Err(Refusal::NotAnAmount(_))));
        assert!(matches!(read_spent("1.250"), Err(Refusal::Ambiguous { .. })));
    }

    #[test]
    fn dates_are_read_day_first() {
        assert_eq!(read_date("03/04/2025").as_deref(), Some("2025-04-03"));
        assert_eq!(read_date(" 3/4/2025 ").as_deref(), Some("2025-04-03"));
        assert_eq!(read_date("03-04-2025").as_deref(), Some("2025-04-03"));
        assert_eq!(read_date("03.04.25").as_deref(), Some("2025-04-03"));
        assert_eq!(read_date("2025-04-03").as_deref(), Some("2025-04-03"));
        assert_eq!(read_date("2025-04-03T00:00:00").as_deref(), Some("2025-04-03"));
        assert_eq!(read_date("29/02/2024").as_deref(), Some("2024-02-29"));
        for wrong in [
            "29/02/2025",
            "31/04/2025",
            "13/13/2025",
            "",
            "avril 2025",
            "03/04",
            "1/2/3/4",
            "+3/4/2025",
        ] {
            assert_eq!(read_date(wrong), None, "{wrong}");
        }
    }

    proptest! {
        /// Every day written the French way reads back as that day.
        #[test]
        fn every_french_date_reads_back(year in 1900i32..2100, month in 1u32..=12, day in 1u32..=31) {
            prop_assume!(day <= crate::model::iso_date::days_in_month(year, month));
            let iso = format!("{year:04}-{month:02}-{day:02}");
            prop_assert_eq!(read_date(&format!("{day:02}/{month:02}/{year}")), Some(iso.clone()));
            prop_assert_eq!(read_date(&format!("{day}/{month}/{year}")), Some(iso));
        }
    }
}
