//! Counts for the COPIL: actions running, starting and ending each year, and the load of each
//! lead organisation over the years.

use super::rows::PlanRow;
use crate::model::text::fold;
use crate::model::{Id, Period};
use std::collections::HashMap;

/// The actions of one year.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct YearSummary {
    pub year: i32,
    /// Running during (overlapping) the year.
    pub running: usize,
    /// Starting in the year.
    pub starting: usize,
    /// Ending in the year.
    pub ending: usize,
}

/// For each year of the period: actions running during the year, starting in it, ending in
/// it. An action with one date counts as one month long; one without dates counts nowhere.
pub fn yearly_summary(rows: &[PlanRow], period: Period) -> Vec<YearSummary> {
    let spans: Vec<_> = rows.iter().filter_map(PlanRow::span).collect();
    period
        .years()
        .map(|year| YearSummary {
            year,
            running: spans.iter().filter(|(s, e)| s.year <= year && e.year >= year).count(),
            starting: spans.iter().filter(|(s, _)| s.year == year).count(),
            ending: spans.iter().filter(|(_, e)| e.year == year).count(),
        })
        .collect()
}

/// Load per lead organisation: `(lead_name, running actions per year of the period)`, sorted
/// by total descending, then by name. Leads are told apart by organisation (two organisations
/// with the same name stay separate); a lead with nothing running in the period is left out.
/// A co-piloted action counts in the load of each of its leads.
pub fn load_per_lead(rows: &[PlanRow], period: Period) -> Vec<(String, Vec<usize>)> {
    let years: Vec<i32> = period.years().collect();
    let mut loads: Vec<(String, Vec<usize>)> = Vec::new();
    let mut index: HashMap<Option<Id>, usize> = HashMap::new();
    for row in rows {
        let Some((start, end)) = row.span() else { continue };
        let leads: Vec<(Option<Id>, &str)> = match row.leads.is_empty() {
            true => vec![(None, row.lead_name.as_str())],
            false => row.leads.iter().map(|(id, name)| (Some(*id), name.as_str())).collect(),
        };
        for (lead, name) in leads {
            let slot = *index.entry(lead).or_insert_with(|| {
                loads.push((name.to_string(), vec![0; years.len()]));
                loads.len() - 1
            });
            for (count, year) in loads[slot].1.iter_mut().zip(&years) {
                if start.year <= *year && end.year >= *year {
                    *count += 1;
                }
            }
        }
    }
    loads.retain(|(_, counts)| counts.iter().any(|&c| c > 0));
    let total = |counts: &[usize]| counts.iter().sum::<usize>();
    loads.sort_by(|(a_name, a), (b_name, b)| {
        total(b)
            .cmp(&total(a))
            .then_with(|| fold(a_name).cmp(&fold(b_name)))
            .then_with(|| a_name.cmp(b_name))
    });
    loads
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{id, sample, ym};
    use super::super::rows::plan_rows;
    use super::*;

    /// Found by `make fuzz`: an imported period from `i32::MIN` to `i32::MAX` made this ask
    /// for four billion rows (the app ran out of memory).
    #[test]
    fn an_absurd_period_gives_a_bounded_summary() {
        let absurd = Period { first_year: i32::MIN, last_year: i32::MAX };
        let rows = plan_rows(&sample(), 2025);
        assert_eq!(yearly_summary(&rows, absurd).len(), 100);
        assert!(load_per_lead(&rows, absurd).iter().all(|(_, counts)| counts.len() == 100));
    }

    fn summary(year: i32, running: usize, starting: usize, ending: usize) -> YearSummary {
        YearSummary { year, running, starting, ending }
    }

    #[test]
    fn yearly_counts_on_the_sample() {
        let c = sample();
        assert_eq!(
            yearly_summary(&plan_rows(&c, 2025), c.period),
            vec![
                summary(2024, 2, 2, 2),
                summary(2025, 1, 1, 0),
                summary(2026, 1, 0, 1),
                summary(2027, 1, 1, 0),
                summary(2028, 1, 0, 1),
            ]
        );
    }

    #[test]
    fn actions_outside_the_period_count_only_where_they_run() {
        let c = sample();
        let mut rows = plan_rows(&c, 2025);
        rows[0].start = Some(ym(2020, 1));
        rows[0].end = Some(ym(2030, 1));
        let s = yearly_summary(&rows, c.period);
        assert!(s.iter().all(|y| y.running >= 1));
        assert_eq!(s.iter().map(|y| y.starting).sum::<usize>(), 3);
        assert!(yearly_summary(&rows, Period { first_year: 2028, last_year: 2024 }).is_empty());
    }

    #[test]
    fn load_per_lead_sorted_by_total_then_name() {
        let c = sample();
        let rows = plan_rows(&c, 2025);
        assert_eq!(
            load_per_lead(&rows, c.period),
            vec![
                ("ARS Occitanie".to_string(), vec![0, 1, 1, 0, 0]),
                ("Mutualité Française".to_string(), vec![2, 0, 0, 0, 0]),
                ("Pilote non désigné".to_string(), vec![0, 0, 0, 1, 1]),
            ]
        );
        let without_kickoff: Vec<_> = rows.into_iter().filter(|r| r.action_id != id(102)).collect();
        let loads = load_per_lead(&without_kickoff, c.period);
        assert_eq!(loads[2], ("Mutualité Française".to_string(), vec![1, 0, 0, 0, 0]));
    }

    #[test]
    fn leads_with_nothing_running_are_left_out() {
        let c = sample();
        let rows: Vec<_> =
            plan_rows(&c, 2025).into_iter().filter(|r| r.action_id == id(202)).collect();
        assert!(load_per_lead(&rows, c.period).is_empty());
    }
}
