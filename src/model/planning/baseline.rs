//! The signed baseline: the dates of the version in force as last signed (the signature's frozen
//! copy, or the latest avenant's), set beside today's, so that a delayed action is visible at a
//! glance (« Comparer à la version signée ») and the CSV exports can give both.
//!
//! Actions and fiches are matched by id: an action moved to another fiche is still the same
//! action. A fiche has no dates of its own; its calendar is that of its actions (first and last
//! month), as in the spreadsheet tables. What was removed since the signature is simply not on
//! the planning any more, so only what is there today is compared.
//!
//! Dates are compared on the months the planning draws ([`PlanRow::span`]: a missing date uses
//! the other one, an inverted pair is put back in order). The end says whether a row is late:
//! an action that ends three months later is « décalée de 3 mois », whatever its start did, or
//! « prolongée de 3 mois » when its start did not move (« raccourcie » when only its end came
//! earlier); when the end has not moved, the start says it.

use super::rows::PlanRow;
use crate::model::amendment::signed_version;
use crate::model::{ActionSheet, Contract, Id, YearMonth};
use std::collections::HashMap;
use std::fmt::Write;

/// A start and an end month, as an action holds them.
pub type Dates = (Option<YearMonth>, Option<YearMonth>);

/// How today's dates of a row stand against the signed ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shift {
    /// The row is not in the signed version.
    New,
    /// Same months as signed.
    Unchanged,
    /// Later than signed, by this many months (the end's shift, else the start's).
    Delayed(u32),
    /// Earlier than signed, by this many months.
    Advanced(u32),
    /// Same start, ending this many months later.
    Extended(u32),
    /// Same start, ending this many months earlier.
    Shortened(u32),
    /// Dated when signed, without dates today.
    DatesRemoved,
    /// Without dates when signed, dated today.
    DatesAdded,
}

impl Shift {
    /// What a person reads: « décalée de 3 mois », « nouvelle depuis la signature »... (the
    /// words agree with « action » and « fiche », both feminine).
    pub fn label(self) -> String {
        let months = |n: u32| if n > 1 { format!("{n} mois") } else { "1 mois".to_string() };
        match self {
            Shift::New => "nouvelle depuis la signature".to_string(),
            Shift::Unchanged => "dates inchangées depuis la signature".to_string(),
            Shift::Delayed(n) => format!("décalée de {}", months(n)),
            Shift::Advanced(n) => format!("avancée de {}", months(n)),
            Shift::Extended(n) => format!("prolongée de {}", months(n)),
            Shift::Shortened(n) => format!("raccourcie de {}", months(n)),
            Shift::DatesRemoved => "sans dates depuis la signature".to_string(),
            Shift::DatesAdded => "datée depuis la signature".to_string(),
        }
    }

    /// Whether the row is late (« décalée » or « prolongée »: it ends later than signed): the
    /// chart marks its baseline as such.
    pub fn is_late(self) -> bool {
        matches!(self, Shift::Delayed(_) | Shift::Extended(_))
    }
}

/// The months `dates` cover, earlier first (as [`PlanRow::span`]).
pub fn span(dates: Dates) -> Option<(YearMonth, YearMonth)> {
    match dates {
        (Some(a), Some(b)) => Some((a.min(b), a.max(b))),
        (Some(one), None) | (None, Some(one)) => Some((one, one)),
        (None, None) => None,
    }
}

/// Months from `from` to `to` (negative when `to` is earlier); never overflows.
fn months_between(from: YearMonth, to: YearMonth) -> i64 {
    let index = |ym: YearMonth| i64::from(ym.year) * 12 + i64::from(ym.month);
    index(to) - index(from)
}

/// How `current` stands against `signed` (`None`: the row was not in the signed version).
pub fn shift(current: Dates, signed: Option<Dates>) -> Shift {
    let Some(signed) = signed else { return Shift::New };
    match (span(current), span(signed)) {
        (None, None) => Shift::Unchanged,
        (None, Some(_)) => Shift::DatesRemoved,
        (Some(_), None) => Shift::DatesAdded,
        (Some((start, end)), Some((signed_start, signed_end))) => {
            let by_end = months_between(signed_end, end);
            let by_start = months_between(signed_start, start);
            let moved = if by_end != 0 { by_end } else { by_start };
            let months = u32::try_from(moved.unsigned_abs()).unwrap_or(u32::MAX);
            match (moved, by_end != 0 && by_start == 0) {
                (0, _) => Shift::Unchanged,
                (m, true) if m > 0 => Shift::Extended(months),
                (_, true) => Shift::Shortened(months),
                (m, false) if m > 0 => Shift::Delayed(months),
                (_, false) => Shift::Advanced(months),
            }
        }
    }
}

/// One row against the signed version: the signed dates (`None` for a row new since the
/// signature) and how today's stand against them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Compared {
    pub signed: Option<Dates>,
    pub shift: Shift,
}

impl Compared {
    /// The text alternative's part about the signed version: « version signée : de mars 2026 à
    /// décembre 2026, décalée de 3 mois », or « nouvelle depuis la signature ».
    pub fn describe(&self, out: &mut String) {
        if let Some(dates) = self.signed {
            out.push_str("version signée : ");
            push_dates(out, dates);
            out.push_str(", ");
        }
        out.push_str(&self.shift.label());
    }
}

/// « de mars 2026 à décembre 2026 », « à partir de mars 2026 », « jusqu’à juin 2026 », « sans
/// dates » (as the planning's bars say their dates).
pub fn push_dates(out: &mut String, dates: Dates) {
    let _ = match dates {
        (Some(s), Some(e)) => write!(out, "de {s} à {e}"),
        (Some(s), None) => write!(out, "à partir de {s}"),
        (None, Some(e)) => write!(out, "jusqu’à {e}"),
        (None, None) => write!(out, "sans dates"),
    };
}

/// The signed version's dates, by action and by fiche; built once per drawing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SignedDates {
    actions: HashMap<Id, Dates>,
    sheets: HashMap<Id, Dates>,
}

impl SignedDates {
    /// The dates of `contract`'s signed version; `None` before « Signer le contrat ».
    pub fn of(contract: &Contract) -> Option<SignedDates> {
        signed_version(contract).map(SignedDates::from_version)
    }

    /// The dates a version holds (the signed copy itself).
    pub fn from_version(signed: &Contract) -> SignedDates {
        let actions = signed.sheets.iter().flat_map(|s| &s.actions);
        SignedDates {
            actions: actions.map(|a| (a.id, (a.start, a.end))).collect(),
            sheets: signed.sheets.iter().map(|s| (s.id, sheet_calendar(s))).collect(),
        }
    }

    /// The signed dates of an action; `None` when it is new since the signature.
    pub fn action(&self, id: Id) -> Option<Dates> {
        self.actions.get(&id).copied()
    }

    /// The signed calendar of a fiche; `None` when it is new since the signature.
    pub fn sheet(&self, id: Id) -> Option<Dates> {
        self.sheets.get(&id).copied()
    }

    /// A planning row against the signed version.
    pub fn row(&self, row: &PlanRow) -> Compared {
        let signed = self.action(row.action_id);
        Compared { signed, shift: shift((row.start, row.end), signed) }
    }

    /// A fiche against the signed version, by its calendar.
    pub fn of_sheet(&self, sheet: &ActionSheet) -> Compared {
        let signed = self.sheet(sheet.id);
        Compared { signed, shift: shift(sheet_calendar(sheet), signed) }
    }
}

/// A fiche's calendar: the first and last month of its actions (an action with one date counts
/// at that date, as on the planning); `(None, None)` when none is dated.
pub fn sheet_calendar(sheet: &ActionSheet) -> Dates {
    let dates = || sheet.actions.iter().flat_map(|a| [a.start, a.end]).flatten();
    (dates().min(), dates().max())
}

/// The signed start and end of a row as two CSV cells (« 03/2025 »), empty when the contract is
/// not signed or the row is new since the signature.
pub fn signed_cells(signed: Option<Dates>) -> [String; 2] {
    let (start, end) = signed.unwrap_or_default();
    [crate::model::french_csv::month(start), crate::model::french_csv::month(end)]
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{id, sample, ym};
    use super::super::rows::plan_rows;
    use super::*;
    use crate::model::amendment::{frozen, Amendment};
    use proptest::prelude::*;

    fn dates(start: Option<(i32, u8)>, end: Option<(i32, u8)>) -> Dates {
        (start.map(|(y, m)| ym(y, m)), end.map(|(y, m)| ym(y, m)))
    }

    #[test]
    fn the_end_says_whether_a_row_is_late_else_the_start() {
        let signed = dates(Some((2026, 1)), Some((2026, 12)));
        assert_eq!(shift(signed, Some(signed)), Shift::Unchanged);
        let against_signed = [
            ((2026, 2), (2027, 3), Shift::Delayed(3)),
            // Only the end moved: the action is prolonged, or shortened.
            ((2026, 1), (2027, 3), Shift::Extended(3)),
            ((2026, 1), (2026, 6), Shift::Shortened(6)),
            ((2025, 1), (2026, 11), Shift::Advanced(1)),
            // The end did not move: the start says it.
            ((2026, 4), (2026, 12), Shift::Delayed(3)),
            ((2025, 10), (2026, 12), Shift::Advanced(3)),
            // Started earlier but ends later: late.
            ((2025, 1), (2027, 1), Shift::Delayed(1)),
        ];
        for (start, end, expected) in against_signed {
            let now = dates(Some(start), Some(end));
            assert_eq!(shift(now, Some(signed)), expected, "{start:?} to {end:?}");
        }
        assert_eq!(shift(signed, None), Shift::New);
        assert_eq!(shift((None, None), Some(signed)), Shift::DatesRemoved);
        assert_eq!(shift(signed, Some((None, None))), Shift::DatesAdded);
        assert_eq!(shift((None, None), Some((None, None))), Shift::Unchanged);
        // One date is a one-month span, an inverted pair is put back in order.
        assert_eq!(
            shift(dates(Some((2026, 12)), None), Some(dates(None, Some((2026, 12))))),
            Shift::Unchanged
        );
        assert_eq!(shift(dates(Some((2026, 12)), Some((2026, 1))), Some(signed)), Shift::Unchanged);
    }

    #[test]
    fn labels_say_the_months() {
        assert_eq!(Shift::Delayed(3).label(), "décalée de 3 mois");
        assert_eq!(Shift::Delayed(1).label(), "décalée de 1 mois");
        assert_eq!(Shift::Advanced(12).label(), "avancée de 12 mois");
        assert_eq!(Shift::Extended(6).label(), "prolongée de 6 mois");
        assert_eq!(Shift::Shortened(1).label(), "raccourcie de 1 mois");
        assert!(Shift::Extended(6).is_late() && !Shift::Shortened(6).is_late());
        assert_eq!(Shift::New.label(), "nouvelle depuis la signature");
        assert!(Shift::Delayed(2).is_late() && !Shift::Advanced(2).is_late());
        let mut text = String::new();
        Compared {
            signed: Some(dates(Some((2026, 1)), Some((2026, 12)))),
            shift: Shift::Extended(3),
        }
        .describe(&mut text);
        assert_eq!(text, "version signée : de janvier 2026 à décembre 2026, prolongée de 3 mois");
        text.clear();
        Compared { signed: None, shift: Shift::New }.describe(&mut text);
        assert_eq!(text, "nouvelle depuis la signature");
    }

    #[test]
    fn an_extreme_shift_does_not_overflow() {
        let far = dates(Some((i32::MIN, 1)), Some((i32::MIN, 1)));
        let late = dates(Some((i32::MAX, 12)), Some((i32::MAX, 12)));
        assert_eq!(shift(late, Some(far)), Shift::Delayed(u32::MAX));
        assert_eq!(shift(far, Some(late)), Shift::Advanced(u32::MAX));
    }

    /// The sample signed, then: action 101 ends 3 months later, 301 starts and ends 2 months
    /// earlier, a new action 103 in fiche 100, and action 202 moved to fiche 300.
    fn signed_then_changed() -> Contract {
        let mut c = sample();
        c.signing.frozen_copy = Some(frozen(&c));
        let sentinels = &mut c.sheets[0].actions[0];
        sentinels.end = Some(ym(2026, 9));
        let recruit = &mut c.sheets[2].actions[0];
        recruit.start = Some(ym(2023, 11));
        recruit.end = Some(ym(2024, 4));
        c.sheets[0].actions.push(crate::model::Action::new(id(103), "Nouvelle", 0));
        let moved = c.sheets[1].actions.remove(1);
        c.sheets[2].actions.push(moved);
        c
    }

    #[test]
    fn rows_are_matched_by_id_against_the_signed_version() {
        let c = signed_then_changed();
        let signed = SignedDates::of(&c).expect("signed");
        let by_id: HashMap<Id, Compared> =
            plan_rows(&c, 2025).iter().map(|r| (r.action_id, signed.row(r))).collect();
        assert_eq!(by_id[&id(101)].shift, Shift::Extended(3));
        assert_eq!(by_id[&id(101)].signed, Some(dates(Some((2025, 3)), Some((2026, 6)))));
        assert_eq!(by_id[&id(301)].shift, Shift::Advanced(2));
        assert_eq!(by_id[&id(103)], Compared { signed: None, shift: Shift::New });
        assert_eq!(by_id[&id(102)].shift, Shift::Unchanged);
        assert_eq!(by_id[&id(201)].shift, Shift::Unchanged);
        assert_eq!(by_id[&id(202)].shift, Shift::Unchanged, "moved to another fiche, same action");
        // Fiches by their calendar: fiche 100 now ends in 2026-09.
        let sheet = |n| c.sheets.iter().find(|s| s.id == id(n)).unwrap();
        assert_eq!(signed.of_sheet(sheet(100)).shift, Shift::Extended(3));
        assert_eq!(signed.of_sheet(sheet(300)).shift, Shift::Advanced(2));
        assert_eq!(signed.of_sheet(sheet(200)).shift, Shift::Unchanged);
        let mut new_sheet = ActionSheet::new(id(900), "Nouvelle fiche", 0);
        new_sheet.actions.clear();
        assert_eq!(signed.of_sheet(&new_sheet).shift, Shift::New);
    }

    #[test]
    fn the_latest_avenant_is_the_baseline_and_nothing_before_signature() {
        let mut c = sample();
        assert_eq!(SignedDates::of(&c), None);
        c.signing.frozen_copy = Some(frozen(&c));
        c.sheets[0].actions[0].end = Some(ym(2026, 9));
        let mut avenant = Amendment::new(id(700), 1, 0);
        avenant.frozen_copy = Some(frozen(&c));
        c.amendments.push(avenant);
        c.sheets[0].actions[0].end = Some(ym(2026, 10));
        let signed = SignedDates::of(&c).unwrap();
        assert_eq!(signed.action(id(101)), Some(dates(Some((2025, 3)), Some((2026, 9)))));
        let row = plan_rows(&c, 2025).into_iter().find(|r| r.action_id == id(101)).unwrap();
        assert_eq!(signed.row(&row).shift, Shift::Extended(1));
    }

    #[test]
    fn signed_cells_are_empty_for_a_new_row() {
        assert_eq!(signed_cells(None), [String::new(), String::new()]);
        assert_eq!(
            signed_cells(Some(dates(Some((2025, 3)), None))),
            ["03/2025".to_string(), String::new()]
        );
    }

    fn month() -> impl Strategy<Value = Option<YearMonth>> {
        prop::option::of((2020i32..2032, 1u8..=12).prop_map(|(y, m)| ym(y, m)))
    }

    proptest! {
        #[test]
        fn same_dates_are_unchanged_and_swapping_reverses_the_shift(
            a in month(), b in month(), c in month(), d in month()
        ) {
            prop_assert_eq!(shift((a, b), Some((a, b))), Shift::Unchanged);
            prop_assert_eq!(shift((a, b), Some((b, a))), Shift::Unchanged);
            let there = shift((a, b), Some((c, d)));
            let back = shift((c, d), Some((a, b)));
            let expected = match there {
                Shift::Delayed(n) => Shift::Advanced(n),
                Shift::Advanced(n) => Shift::Delayed(n),
                Shift::Extended(n) => Shift::Shortened(n),
                Shift::Shortened(n) => Shift::Extended(n),
                Shift::DatesRemoved => Shift::DatesAdded,
                Shift::DatesAdded => Shift::DatesRemoved,
                other => other,
            };
            prop_assert_eq!(back, expected);
        }

        #[test]
        fn moving_a_whole_span_later_delays_it_by_as_much(
            start in (2020i32..2030, 1u8..=12), length in 0i32..36, by in 1i32..48
        ) {
            let at = |offset: i32| {
                let index = start.0 * 12 + i32::from(start.1) - 1 + offset;
                ym(index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
            };
            let signed = (Some(at(0)), Some(at(length)));
            let later = (Some(at(by)), Some(at(length + by)));
            prop_assert_eq!(shift(later, Some(signed)), Shift::Delayed(by as u32));
            prop_assert_eq!(shift(signed, Some(later)), Shift::Advanced(by as u32));
            // Only the end moves: prolonged by as much, or shortened going back.
            let longer = (Some(at(0)), Some(at(length + by)));
            prop_assert_eq!(shift(longer, Some(signed)), Shift::Extended(by as u32));
            prop_assert_eq!(shift(signed, Some(longer)), Shift::Shortened(by as u32));
        }
    }
}
