//! Geometry of the chart: its columns at each scale and where bars and dates fall, in percent
//! of the width from January of the first year to December of the last one.

use crate::model::contract::MAX_LISTED_YEARS;
use crate::model::iso_date::{days_in_month, parse_iso_date};
use crate::model::YearMonth;

/// The time grain of the chart's columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Months,
    Quarters,
    Years,
}

impl Scale {
    pub const ALL: [Scale; 3] = [Scale::Months, Scale::Quarters, Scale::Years];

    /// The key used in the URL.
    pub fn key(self) -> &'static str {
        match self {
            Scale::Months => "mois",
            Scale::Quarters => "trimestres",
            Scale::Years => "annees",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Scale::Months => "Mois",
            Scale::Quarters => "Trimestres",
            Scale::Years => "Années",
        }
    }

    /// How many months one column covers.
    pub fn months(self) -> u32 {
        match self {
            Scale::Months => 1,
            Scale::Quarters => 3,
            Scale::Years => 12,
        }
    }
}

/// Short French month names, as in column headers ("janv. 2024").
pub const SHORT_MONTHS_FR: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

/// The last year drawn: at most `MAX_LISTED_YEARS` from the first, as `Period::years` (an
/// absurd period would otherwise ask for billions of columns).
fn last_drawn(first_year: i32, last_year: i32) -> i32 {
    last_year.min(first_year.saturating_add(MAX_LISTED_YEARS - 1))
}

/// The window as (index of its first month, number of months); `None` when inverted.
fn window(first_year: i32, last_year: i32) -> Option<(i64, i64)> {
    let last_year = last_drawn(first_year, last_year);
    (first_year <= last_year).then(|| {
        (i64::from(first_year) * 12, (i64::from(last_year) - i64::from(first_year) + 1) * 12)
    })
}

fn month_index(ym: YearMonth) -> i64 {
    i64::from(ym.year) * 12 + i64::from(ym.month) - 1
}

/// The chart's two-level time header: the years on top, and under them the columns of the
/// scale ("T1".."T4" for quarters, "janv.".."déc." for months; none for years, whose top row
/// says it all). Each cell is its label and its span in months. The labels under a year are
/// short because the year is written once above them: twenty « T1 2024 » cells do not fit a
/// laptop's width, twenty « T1 » do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    pub years: Vec<(String, u32)>,
    pub periods: Vec<(String, u32)>,
}

/// The header between two years (inclusive); empty when inverted.
pub fn header(first_year: i32, last_year: i32, scale: Scale) -> Header {
    let mut header = Header::default();
    if first_year > last_year {
        return header;
    }
    let span = scale.months();
    for year in first_year..=last_drawn(first_year, last_year) {
        header.years.push((year.to_string(), 12));
        match scale {
            Scale::Years => {}
            Scale::Quarters => header.periods.extend((1..=4).map(|q| (format!("T{q}"), span))),
            Scale::Months => {
                header.periods.extend(SHORT_MONTHS_FR.iter().map(|m| (m.to_string(), span)))
            }
        }
    }
    header
}

/// Horizontal placement of a bar, in percent of the chart width: `(left, width)`. A bar covers
/// its start month to its end month inclusive; a missing start or end uses the other one (one
/// month long); both missing gives `None`; a bar partly outside the window is clipped to it, a
/// bar entirely outside gives `None`. An inverted pair is drawn from the earlier month.
pub fn bar_position(
    start: Option<YearMonth>,
    end: Option<YearMonth>,
    first_year: i32,
    last_year: i32,
) -> Option<(f64, f64)> {
    let (from, to) = match (start, end) {
        (Some(a), Some(b)) => {
            (month_index(a).min(month_index(b)), month_index(a).max(month_index(b)))
        }
        (Some(one), None) | (None, Some(one)) => (month_index(one), month_index(one)),
        (None, None) => return None,
    };
    let (origin, months) = window(first_year, last_year)?;
    let last = origin + months - 1;
    if to < origin || from > last {
        return None;
    }
    let (from, to) = (from.max(origin), to.min(last));
    let total = months as f64;
    Some(((from - origin) as f64 / total * 100.0, (to - from + 1) as f64 / total * 100.0))
}

/// Position (percent) of an ISO date `yyyy-mm-dd` in the window: its month, plus the elapsed
/// fraction of that month (the 1st is at the month's left edge). `None` if outside or unreadable.
pub fn date_position(iso_date: &str, first_year: i32, last_year: i32) -> Option<f64> {
    let (year, month, day) = parse_iso_date(iso_date)?;
    let (origin, months) = window(first_year, last_year)?;
    let index = i64::from(year) * 12 + i64::from(month) - 1 - origin;
    if !(0..months).contains(&index) {
        return None;
    }
    let within = f64::from(day - 1) / f64::from(days_in_month(year, month));
    Some((index as f64 + within) / months as f64 * 100.0)
}

/// The month under a horizontal position in percent (for dragging a bar's end), clamped to the
/// window. The inverse of the left edge given by [`bar_position`].
pub fn month_at(percent: f64, first_year: i32, last_year: i32) -> YearMonth {
    let Some((origin, months)) = window(first_year, last_year) else {
        return YearMonth { year: first_year, month: 1 };
    };
    let raw = (percent / 100.0 * months as f64 + 1e-9).floor();
    let offset = if raw.is_nan() { 0 } else { (raw.max(0.0) as i64).min(months - 1) };
    let index = origin + offset;
    YearMonth { year: index.div_euclid(12) as i32, month: (index.rem_euclid(12) + 1) as u8 }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::ym;
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn scale_keys_round_trip() {
        for scale in Scale::ALL {
            assert_eq!(Scale::from_key(scale.key()), Some(scale));
        }
        assert_eq!(Scale::Years.key(), "annees");
        assert_eq!(Scale::Years.label(), "Années");
        assert_eq!(Scale::from_key("semaines"), None);
    }

    /// The planning of an absurd period (`i32::MIN` to `i32::MAX`, from a crafted file) draws
    /// its first hundred years instead of asking for billions of columns.
    #[test]
    fn an_absurd_period_draws_a_bounded_number_of_columns() {
        let head = header(i32::MIN, i32::MAX, Scale::Months);
        assert_eq!((head.years.len(), head.periods.len()), (100, 1200));
        let start = YearMonth { year: i32::MIN, month: 1 };
        let (left, width) = bar_position(Some(start), Some(start), i32::MIN, i32::MAX).unwrap();
        assert!(close(left, 0.0) && close(width, 100.0 / 1200.0));
    }

    #[test]
    fn five_years_give_5_years_over_20_quarters_or_60_months() {
        for (scale, count) in [(Scale::Years, 0), (Scale::Quarters, 20), (Scale::Months, 60)] {
            let head = header(2024, 2028, scale);
            assert_eq!(head.years.len(), 5, "{scale:?}");
            assert_eq!(head.years.iter().map(|c| c.1).sum::<u32>(), 60, "{scale:?}");
            assert_eq!(head.periods.len(), count, "{scale:?}");
            if count > 0 {
                assert_eq!(head.periods.iter().map(|c| c.1).sum::<u32>(), 60, "{scale:?}");
            }
        }
        assert_eq!(header(2024, 2028, Scale::Years).years[0], ("2024".to_string(), 12));
        assert_eq!(header(2024, 2028, Scale::Years).years[4].0, "2028");
        let quarters = header(2024, 2028, Scale::Quarters).periods;
        assert_eq!(quarters[0].0, "T1");
        assert_eq!(quarters[19].0, "T4");
        let months = header(2024, 2028, Scale::Months).periods;
        assert_eq!(months[0].0, "janv.");
        assert_eq!(months[1].0, "févr.");
        assert_eq!(months[7].0, "août");
        assert_eq!(months[59].0, "déc.");
        assert_eq!(header(2028, 2024, Scale::Months), Header::default());
    }

    #[test]
    fn bars_at_the_window_edges() {
        let (left, width) =
            bar_position(Some(ym(2024, 1)), Some(ym(2028, 12)), 2024, 2028).unwrap();
        assert!(close(left, 0.0) && close(width, 100.0));
        let (left, width) = bar_position(Some(ym(2024, 1)), Some(ym(2024, 1)), 2024, 2028).unwrap();
        assert!(close(left, 0.0) && close(width, 100.0 / 60.0));
        let (left, width) =
            bar_position(Some(ym(2028, 12)), Some(ym(2028, 12)), 2024, 2028).unwrap();
        assert!(close(left + width, 100.0) && close(width, 100.0 / 60.0));
        let (left, width) =
            bar_position(Some(ym(2025, 1)), Some(ym(2025, 12)), 2024, 2028).unwrap();
        assert!(close(left, 20.0) && close(width, 20.0));
    }

    #[test]
    fn bars_are_clipped_to_the_window() {
        let (left, width) =
            bar_position(Some(ym(2022, 6)), Some(ym(2024, 12)), 2024, 2028).unwrap();
        assert!(close(left, 0.0) && close(width, 20.0));
        let (left, width) = bar_position(Some(ym(2028, 1)), Some(ym(2031, 3)), 2024, 2028).unwrap();
        assert!(close(left, 80.0) && close(width, 20.0));
        assert_eq!(bar_position(Some(ym(2020, 1)), Some(ym(2023, 12)), 2024, 2028), None);
        assert_eq!(bar_position(Some(ym(2029, 1)), None, 2024, 2028), None);
        assert_eq!(bar_position(Some(ym(2025, 1)), None, 2028, 2024), None);
    }

    #[test]
    fn a_missing_date_makes_a_one_month_bar() {
        let one = bar_position(Some(ym(2026, 7)), None, 2024, 2028).unwrap();
        assert_eq!(bar_position(None, Some(ym(2026, 7)), 2024, 2028), Some(one));
        assert!(close(one.0, 30.0 / 60.0 * 100.0) && close(one.1, 100.0 / 60.0));
        assert_eq!(bar_position(None, None, 2024, 2028), None);
        // An inverted pair is drawn from the earlier month.
        assert_eq!(
            bar_position(Some(ym(2026, 1)), Some(ym(2025, 1)), 2024, 2028),
            bar_position(Some(ym(2025, 1)), Some(ym(2026, 1)), 2024, 2028)
        );
    }

    #[test]
    fn dates_fall_by_month_and_day() {
        assert!(close(date_position("2024-01-01", 2024, 2028).unwrap(), 0.0));
        assert!(close(date_position("2025-01-01", 2024, 2028).unwrap(), 20.0));
        let mid = date_position("2024-02-15", 2024, 2028).unwrap();
        assert!(close(mid, (1.0 + 14.0 / 29.0) / 60.0 * 100.0));
        let last = date_position("2028-12-31", 2024, 2028).unwrap();
        assert!(last < 100.0 && last > 99.9);
        assert_eq!(date_position("2023-12-31", 2024, 2028), None);
        assert_eq!(date_position("2029-01-01", 2024, 2028), None);
        assert_eq!(date_position("2025-02-30", 2024, 2028), None);
        assert_eq!(date_position("12/06/2025", 2024, 2028), None);
        assert_eq!(date_position("", 2024, 2028), None);
    }

    #[test]
    fn month_at_is_clamped() {
        assert_eq!(month_at(-5.0, 2024, 2028), ym(2024, 1));
        assert_eq!(month_at(0.0, 2024, 2028), ym(2024, 1));
        assert_eq!(month_at(100.0, 2024, 2028), ym(2028, 12));
        assert_eq!(month_at(250.0, 2024, 2028), ym(2028, 12));
        assert_eq!(month_at(f64::NAN, 2024, 2028), ym(2024, 1));
        assert_eq!(month_at(20.5, 2024, 2028), ym(2025, 1));
        assert_eq!(month_at(19.99, 2024, 2028), ym(2024, 12));
    }

    proptest! {
        #[test]
        fn month_at_inverts_the_left_edge(first in 2000i32..2050, years in 1i32..12, offset in 0i32..144) {
            let last = first + years - 1;
            let month = offset % (years * 12);
            let start = YearMonth::new(first + month / 12, (month % 12 + 1) as u8).unwrap();
            let (left, _) = bar_position(Some(start), None, first, last).unwrap();
            prop_assert_eq!(month_at(left, first, last), start);
        }

        #[test]
        fn bars_stay_inside_the_chart(a in (2020i32..2032, 1u8..=12), b in (2020i32..2032, 1u8..=12)) {
            let (a, b) = (YearMonth::new(a.0, a.1).unwrap(), YearMonth::new(b.0, b.1).unwrap());
            if let Some((left, width)) = bar_position(Some(a), Some(b), 2024, 2028) {
                prop_assert!(left >= 0.0 && width > 0.0 && left + width <= 100.0 + 1e-9);
            }
        }
    }
}
