//! Who is asked in a year's collection: the leads and co-leads of the fiches and the leads of
//! the actions, as the directory knows them, minus those the coordinator removed, plus those
//! they added; with when each was sent the spreadsheet and answered, and how many of their
//! rows have a status, for the follow-up table and the reminders.

use super::record::{Recipient, RecipientChoice};
use super::rows::rows_for;
use crate::model::{Contract, Id};

/// One line of the collection's table.
#[derive(Clone, Debug, PartialEq)]
pub struct RecipientLine {
    pub organisation_id: Id,
    /// Leads a fiche or an action (else added by the coordinator).
    pub is_lead: bool,
    pub choice: RecipientChoice,
    /// Asked this year: false once removed by the coordinator.
    pub asked: bool,
    pub sent_on: Option<String>,
    pub received_on: Option<String>,
    /// Rows asked (bilans, indicators, funding lines), and how many of them are answered: a
    /// bilan with a status for the year, an indicator with a result, a line with its amount
    /// spent.
    pub rows_asked: usize,
    pub rows_answered: usize,
}

/// Every organisation of the directory that leads or co-leads a fiche or leads an action, in
/// the contract's reading order, each once. A lead deleted from the directory is left out: there
/// is nobody to write to (validation reports it).
pub fn lead_organisations(contract: &Contract) -> Vec<Id> {
    let mut ids: Vec<Id> = Vec::new();
    for sheet in contract.sheets_in_axis_order() {
        let actions = sheet.actions.iter().filter_map(|a| a.lead_id);
        for id in sheet.lead_ids().into_iter().chain(actions) {
            if !ids.contains(&id) && contract.organisation(id).is_some() {
                ids.push(id);
            }
        }
    }
    ids
}

/// The table of `year`: the leads first, in reading order, then the recipients added by the
/// coordinator in the order they were added. Removed leads stay, not asked, so that they can be
/// asked again.
pub fn recipients(contract: &Contract, year: i32) -> Vec<RecipientLine> {
    let record = contract.collection(year);
    let leads = lead_organisations(contract);
    let added = record.into_iter().flat_map(|c| &c.recipients).filter(|r| {
        r.choice == RecipientChoice::Added
            && !leads.contains(&r.organisation_id)
            && contract.organisation(r.organisation_id).is_some()
    });
    let added: Vec<Id> = added.map(|r| r.organisation_id).collect();
    let line = |organisation_id: Id, is_lead: bool| {
        let recipient = record.and_then(|c| c.recipient(organisation_id));
        let choice = match recipient.map(|r| r.choice) {
            Some(RecipientChoice::Removed) => RecipientChoice::Removed,
            _ if is_lead => RecipientChoice::Lead,
            _ => RecipientChoice::Added,
        };
        let rows = rows_for(contract, year, organisation_id);
        RecipientLine {
            organisation_id,
            is_lead,
            choice,
            asked: choice != RecipientChoice::Removed,
            sent_on: recipient.and_then(|r| r.sent_on.clone()),
            received_on: recipient.and_then(|r| r.received_on.clone()),
            rows_asked: rows.len(),
            rows_answered: rows.answered(),
        }
    };
    let leads = leads.into_iter().map(|id| line(id, true));
    leads.chain(added.into_iter().map(|id| line(id, false))).collect()
}

/// The recipients asked who have not answered yet: who to remind.
pub fn awaiting_answer(contract: &Contract, year: i32) -> Vec<Id> {
    let lines = recipients(contract, year).into_iter();
    lines.filter(|r| r.asked && r.received_on.is_none()).map(|r| r.organisation_id).collect()
}

/// Asks `organisation` in `year`: a removed lead is asked again; anyone else is added, answering
/// for `sheet_ids` as a co-lead would. Returns whether anything changed.
pub fn add_recipient(
    contract: &mut Contract,
    year: i32,
    organisation: Id,
    sheet_ids: &[Id],
) -> bool {
    if contract.organisation(organisation).is_none() {
        return false;
    }
    let is_lead = lead_organisations(contract).contains(&organisation);
    let collection = contract.collection_mut(year);
    let before = collection.clone();
    if is_lead {
        if let Some(r) =
            collection.recipients.iter_mut().find(|r| r.organisation_id == organisation)
        {
            r.choice = RecipientChoice::Lead;
        }
    } else {
        let recipient = collection.recipient_mut(organisation, RecipientChoice::Added);
        recipient.choice = RecipientChoice::Added;
        for id in sheet_ids {
            if !recipient.sheet_ids.contains(id) {
                recipient.sheet_ids.push(*id);
            }
        }
    }
    *collection != before
}

/// Stops asking `organisation` in `year`: a lead is marked removed (and keeps its dates); an
/// added recipient leaves the record. Returns whether anything changed.
pub fn remove_recipient(contract: &mut Contract, year: i32, organisation: Id) -> bool {
    let is_lead = lead_organisations(contract).contains(&organisation);
    let collection = contract.collection_mut(year);
    let before = collection.clone();
    if is_lead {
        collection.recipient_mut(organisation, RecipientChoice::Removed).choice =
            RecipientChoice::Removed;
    } else {
        collection.recipients.retain(|r| r.organisation_id != organisation);
    }
    let changed = *collection != before;
    drop_if_empty(contract, year);
    changed
}

/// Records that `organisation`'s spreadsheet of `year` was sent on `date` (ISO).
pub fn record_sent(contract: &mut Contract, year: i32, organisation: Id, date: &str) -> bool {
    record_date(contract, year, organisation, |r| &mut r.sent_on, date)
}

/// Records that `organisation`'s answer for `year` was received (applied) on `date` (ISO).
pub fn record_received(contract: &mut Contract, year: i32, organisation: Id, date: &str) -> bool {
    record_date(contract, year, organisation, |r| &mut r.received_on, date)
}

/// Sets one date of a recipient asked in `year`; nothing for an organisation that is not.
fn record_date(
    contract: &mut Contract,
    year: i32,
    organisation: Id,
    field: impl FnOnce(&mut Recipient) -> &mut Option<String>,
    date: &str,
) -> bool {
    let asked = recipients(contract, year).into_iter().any(|r| r.organisation_id == organisation);
    if !asked || !crate::model::iso_date::is_iso_date(date) {
        return false;
    }
    let recipient =
        contract.collection_mut(year).recipient_mut(organisation, RecipientChoice::Lead);
    let slot = field(recipient);
    let changed = slot.as_deref() != Some(date);
    *slot = Some(date.to_string());
    changed
}

/// A collection left with no record says nothing: it is dropped, so that the file stays as it
/// was before anyone touched « Collecte ».
fn drop_if_empty(contract: &mut Contract, year: i32) {
    contract
        .collections
        .retain(|c| c.year != year || !c.recipients.is_empty() || c.answer_by.is_some());
}

/// Sets the date the answers of `year` are asked by (ISO; empty clears it). Returns whether
/// anything changed.
pub fn set_answer_by(contract: &mut Contract, year: i32, date: &str) -> bool {
    let date = crate::model::iso_date::is_iso_date(date.trim()).then(|| date.trim().to_string());
    let collection = contract.collection_mut(year);
    let changed = collection.answer_by != date;
    collection.answer_by = date;
    drop_if_empty(contract, year);
    changed
}

/// The date the answers of `year` are asked by, in words (« le 15 mars 2026 »), empty when
/// none is set: what the mail and « Mode d’emploi » say.
pub fn answer_by_words(contract: &Contract, year: i32) -> String {
    let date = contract.collection(year).and_then(|c| c.answer_by.as_deref());
    date.map(|d| format!("le {}", crate::model::iso_date::french_date(d))).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::collection::fixture::{contract, org};
    use crate::model::collection::rows_for;

    #[test]
    fn the_answer_date_is_kept_said_in_words_and_cleared() {
        let mut c = contract();
        assert!(set_answer_by(&mut c, 2025, "2026-03-15"));
        assert_eq!(
            answer_by_words(&c, 2025),
            format!("le {}", crate::model::iso_date::french_date("2026-03-15"))
        );
        assert!(!set_answer_by(&mut c, 2025, "2026-03-15"));
        assert!(!set_answer_by(&mut c, 2024, "pas une date"));
        assert!(c.collection(2024).is_none());
        assert!(set_answer_by(&mut c, 2025, ""));
        assert!(c.collection(2025).is_none());
        assert_eq!(answer_by_words(&c, 2025), "");
    }

    #[test]
    fn the_leads_of_fiches_and_actions_are_asked_each_once() {
        let c = contract();
        assert_eq!(lead_organisations(&c), [org(1), org(2), org(3)]);
        let lines = recipients(&c, 2025);
        assert_eq!(
            lines.iter().map(|l| l.organisation_id).collect::<Vec<_>>(),
            [org(1), org(2), org(3)]
        );
        assert!(lines.iter().all(|l| l.asked && l.is_lead && l.choice == RecipientChoice::Lead));
        assert_eq!(lines[0].rows_asked, 4, "the fiche, its action without a lead, indicator, line");
        assert_eq!(lines[0].rows_answered, 0);
        assert_eq!(lines[2].rows_asked, 1, "MSA: its own action only");
        assert_eq!(awaiting_answer(&c, 2025), [org(1), org(2), org(3)]);
    }

    #[test]
    fn a_lead_deleted_from_the_directory_is_not_asked() {
        let mut c = contract();
        c.organisations.retain(|o| o.id != org(3));
        assert_eq!(lead_organisations(&c), [org(1), org(2)]);
        let missing = crate::model::collection::unassigned_rows(&c, 2025);
        assert_eq!(missing.len(), 3, "MSA's action and the whole of fiche 2: {missing:?}");
    }

    #[test]
    fn the_coordinator_removes_a_lead_and_asks_them_again() {
        let mut c = contract();
        assert!(remove_recipient(&mut c, 2025, org(2)));
        let lines = recipients(&c, 2025);
        assert_eq!(lines[1].choice, RecipientChoice::Removed);
        assert!(!lines[1].asked);
        assert_eq!(awaiting_answer(&c, 2025), [org(1), org(3)]);
        assert!(!remove_recipient(&mut c, 2025, org(2)), "already removed");
        assert!(add_recipient(&mut c, 2025, org(2), &[]));
        assert!(recipients(&c, 2025)[1].asked);
        assert!(recipients(&c, 2024).iter().all(|l| l.asked), "another year is untouched");
    }

    #[test]
    fn an_added_recipient_answers_for_the_fiches_given_as_a_co_lead_would() {
        let mut c = contract();
        assert!(add_recipient(&mut c, 2025, org(4), &[Id::from_u128(20)]));
        let lines = recipients(&c, 2025);
        assert_eq!(
            lines.last().map(|l| (l.organisation_id, l.is_lead, l.choice)),
            Some((org(4), false, RecipientChoice::Added))
        );
        let rows = rows_for(&c, 2025, org(4));
        let labels: Vec<&str> = rows.reviews.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Bilan de la fiche", "Ateliers cuisine"]);
        assert!(rows_for(&c, 2024, org(4)).is_empty(), "added for 2025 only");
        assert!(crate::model::collection::unassigned_rows(&c, 2025).is_empty());
        assert!(remove_recipient(&mut c, 2025, org(4)));
        assert!(c.collections.is_empty(), "nothing left to say");
        assert!(!add_recipient(&mut c, 2025, org(99), &[]), "not in the directory");
    }

    #[test]
    fn dates_are_recorded_for_recipients_asked_only() {
        let mut c = contract();
        assert!(record_sent(&mut c, 2025, org(1), "2026-01-15"));
        assert!(!record_sent(&mut c, 2025, org(1), "2026-01-15"), "same date again");
        assert!(record_received(&mut c, 2025, org(1), "2026-02-03"));
        assert!(!record_sent(&mut c, 2025, org(4), "2026-01-15"), "CAF is not asked");
        assert!(!record_sent(&mut c, 2025, org(2), "15/01/2026"), "ISO dates only");
        let line = &recipients(&c, 2025)[0];
        assert_eq!(line.sent_on.as_deref(), Some("2026-01-15"));
        assert_eq!(line.received_on.as_deref(), Some("2026-02-03"));
        assert_eq!(awaiting_answer(&c, 2025), [org(2), org(3)]);
        assert_eq!(c.collection(2025).unwrap().recipients[0].choice, RecipientChoice::Lead);
    }
}
