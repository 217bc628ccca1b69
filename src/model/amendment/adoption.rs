//! Which decision adopted an avenant: a meeting of the contract's governance, chosen from a
//! list, or another decision written in words.

use super::Amendment;
use crate::model::iso_date::french_date;
use crate::model::review::NOT_FILLED_LABEL;
use crate::model::{Body, Contract, Id, Meeting};

/// A meeting as the list of choices names it: « Comité de pilotage (COPIL) du 12 mars 2026 ».
pub fn meeting_label(meeting: &Meeting) -> String {
    let body = match meeting.body {
        Body::NotStated => "Réunion",
        body => body.label(),
    };
    match meeting.date.trim() {
        "" => format!("{body} (sans date)"),
        date => format!("{body} du {}", french_date(date)),
    }
}

/// The meetings an avenant can name, COPIL meetings first, then by date, latest first.
pub fn adopting_meetings(contract: &Contract) -> Vec<(Id, String)> {
    let mut meetings: Vec<&Meeting> = contract.governance.meetings.iter().collect();
    meetings.sort_by(|a, b| {
        let copil = |m: &Meeting| m.body != Body::SteeringCommittee;
        copil(a).cmp(&copil(b)).then_with(|| b.date.cmp(&a.date))
    });
    meetings.into_iter().map(|m| (m.id, meeting_label(m))).collect()
}

/// What adopted `amendment`, in words: its meeting, else the decision typed, else « Non
/// renseigné ».
pub fn adopted_by_label(contract: &Contract, amendment: &Amendment) -> String {
    let meeting = amendment
        .meeting_id
        .and_then(|id| contract.governance.meetings.iter().find(|m| m.id == id).map(meeting_label));
    match (meeting, amendment.adopted_by.trim()) {
        (Some(meeting), _) => meeting,
        (None, "") => NOT_FILLED_LABEL.to_string(),
        (None, decision) => decision.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::planning::fixture::meeting;

    #[test]
    fn copil_meetings_come_first_latest_first() {
        let mut contract = Contract::blank(Id::from_u128(1), "CLS", 0);
        contract.governance.meetings = vec![
            meeting(2, Body::HealthCommission, "2026-05-01"),
            meeting(3, Body::SteeringCommittee, "2025-03-14"),
            meeting(4, Body::SteeringCommittee, "2026-03-12"),
        ];
        let labels: Vec<String> = adopting_meetings(&contract).into_iter().map(|m| m.1).collect();
        assert_eq!(
            labels,
            [
                "Comité de pilotage (COPIL) du 12 mars 2026",
                "Comité de pilotage (COPIL) du 14 mars 2025",
                "Commission santé du 1er mai 2026",
            ]
        );
        let mut amendment = Amendment::new(Id::from_u128(9), 1, 0);
        assert_eq!(adopted_by_label(&contract, &amendment), "Non renseigné");
        amendment.adopted_by = "Délibération du SCoT".into();
        assert_eq!(adopted_by_label(&contract, &amendment), "Délibération du SCoT");
        amendment.meeting_id = Some(Id::from_u128(4));
        assert_eq!(
            adopted_by_label(&contract, &amendment),
            "Comité de pilotage (COPIL) du 12 mars 2026"
        );
    }
}
