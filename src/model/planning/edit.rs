//! Changing an action's dates from the planning (dragging or resizing its bar).

use crate::model::{Contract, Id, Timestamp, YearMonth};

/// Changes an action's dates with the rules of the sheet form: both set, inside the contract
/// period, start <= end. On success the action and its sheet get `modified_at = now` (nothing is
/// touched when the dates do not change). Errors are French sentences for the user.
pub fn set_action_dates(
    contract: &mut Contract,
    sheet: Id,
    action: Id,
    start: YearMonth,
    end: YearMonth,
    now: Timestamp,
) -> Result<(), String> {
    let period = contract.period;
    let Some(target) = contract.sheet_mut(sheet) else {
        return Err("Cette fiche action n’existe plus : elle a peut-être été supprimée.".into());
    };
    let Some(position) = target.actions.iter().position(|a| a.id == action) else {
        return Err("Cette action n’existe plus : elle a peut-être été supprimée.".into());
    };
    for (what, date) in [("Le début", start), ("La fin", end)] {
        if !(1..=12).contains(&date.month) {
            return Err(format!("{what} n’est pas un mois valide : choisissez-le à nouveau."));
        }
        if date.year < period.first_year {
            return Err(format!(
                "{what} ({date}) est avant le début du contrat ({}).",
                period.first_year
            ));
        }
        if date.year > period.last_year {
            return Err(format!(
                "{what} ({date}) est après la fin du contrat ({}).",
                period.last_year
            ));
        }
    }
    if end < start {
        return Err(format!("La fin ({end}) est avant le début ({start})."));
    }
    let changed = &mut target.actions[position];
    if changed.start == Some(start) && changed.end == Some(end) {
        return Ok(());
    }
    changed.start = Some(start);
    changed.end = Some(end);
    changed.modified_at = now;
    target.modified_at = now;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{id, sample, ym};
    use super::*;

    #[test]
    fn valid_dates_are_set_with_the_time() {
        let mut c = sample();
        assert_eq!(
            set_action_dates(&mut c, id(100), id(101), ym(2024, 2), ym(2028, 12), 77),
            Ok(())
        );
        let sheet = c.sheet(id(100)).unwrap();
        let action = &sheet.actions[0];
        assert_eq!((action.start, action.end), (Some(ym(2024, 2)), Some(ym(2028, 12))));
        assert_eq!((action.modified_at, sheet.modified_at), (77, 77));
        assert_eq!(c.sheet(id(200)).unwrap().modified_at, 0);
        // A one-month action is fine.
        assert_eq!(
            set_action_dates(&mut c, id(100), id(102), ym(2025, 5), ym(2025, 5), 78),
            Ok(())
        );
    }

    #[test]
    fn unchanged_dates_touch_nothing() {
        let mut c = sample();
        assert_eq!(
            set_action_dates(&mut c, id(100), id(101), ym(2025, 3), ym(2026, 6), 77),
            Ok(())
        );
        assert_eq!(c, sample());
    }

    #[test]
    fn inverted_dates_are_refused_in_french() {
        let mut c = sample();
        assert_eq!(
            set_action_dates(&mut c, id(100), id(101), ym(2025, 6), ym(2025, 3), 77),
            Err("La fin (mars 2025) est avant le début (juin 2025).".to_string())
        );
        assert_eq!(c, sample());
    }

    #[test]
    fn dates_outside_the_period_are_refused_in_french() {
        let mut c = sample();
        assert_eq!(
            set_action_dates(&mut c, id(100), id(101), ym(2023, 11), ym(2025, 3), 77),
            Err("Le début (novembre 2023) est avant le début du contrat (2024).".to_string())
        );
        assert_eq!(
            set_action_dates(&mut c, id(100), id(101), ym(2025, 1), ym(2029, 1), 77),
            Err("La fin (janvier 2029) est après la fin du contrat (2028).".to_string())
        );
        assert_eq!(
            set_action_dates(&mut c, id(100), id(101), ym(2030, 1), ym(2030, 2), 77),
            Err("Le début (janvier 2030) est après la fin du contrat (2028).".to_string())
        );
        let bad_month = YearMonth { year: 2025, month: 13 };
        assert!(set_action_dates(&mut c, id(100), id(101), ym(2025, 1), bad_month, 77)
            .unwrap_err()
            .starts_with("La fin n’est pas un mois valide"));
        assert_eq!(c, sample());
    }

    #[test]
    fn unknown_sheet_or_action_is_refused() {
        let mut c = sample();
        assert!(set_action_dates(&mut c, id(999), id(101), ym(2025, 1), ym(2025, 2), 77).is_err());
        assert!(set_action_dates(&mut c, id(200), id(101), ym(2025, 1), ym(2025, 2), 77).is_err());
        assert_eq!(c, sample());
    }
}
