//! The record of a year's collection (« Collecte »), kept in the contract so that it travels in
//! the JSON export: who the coordinator changed in the list of recipients, and when each
//! recipient's spreadsheet was sent and its answer received.
//!
//! Only what cannot be derived is stored. The leads themselves come from the fiches and actions
//! (`recipients`), so a lead designated after the collection began is asked without anyone
//! adding them; a recipient appears here once the coordinator adds or removes them, or once a
//! date is recorded for them.

use crate::model::closed_list::closed_list;
use crate::model::{Contract, Id};
use serde::{Deserialize, Serialize};

closed_list! {
    /// Why a recipient is in the record.
    RecipientChoice {
        /// A lead, asked because they lead: in the record only for its dates.
        Lead => ("lead", "Pilote"),
        /// Not a lead of the year's rows, added by the coordinator with the fiches they
        /// answer for.
        Added => ("added", "Ajouté par la coordination"),
        /// A lead the coordinator does not ask this year.
        Removed => ("removed", "Retiré par la coordination"),
    }
}

/// One recipient of a year's collection: an organisation of the directory.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    pub organisation_id: Id,
    pub choice: RecipientChoice,
    /// For a recipient added by the coordinator: the fiches they answer for, as a co-lead
    /// would (the fiche, its actions without a lead of their own, its indicators and budget).
    pub sheet_ids: Vec<Id>,
    /// When their spreadsheet was sent (ISO date, as the mail link records it).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = crate::model::iso_date::SCHEMA_PATTERN)))]
    pub sent_on: Option<String>,
    /// When their answer was applied (ISO date); `None` while they have not answered.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = crate::model::iso_date::SCHEMA_PATTERN)))]
    pub received_on: Option<String>,
}

impl Recipient {
    pub fn new(organisation_id: Id, choice: RecipientChoice) -> Self {
        Recipient {
            organisation_id,
            choice,
            sheet_ids: Vec::new(),
            sent_on: None,
            received_on: None,
        }
    }
}

/// The collection of one year: the bilan of `year` asked of the leads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Collection {
    pub year: i32,
    /// At most one per organisation.
    pub recipients: Vec<Recipient>,
    /// The date the answers are asked by (ISO), said in the mail and on « Mode d’emploi ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = crate::model::iso_date::SCHEMA_PATTERN)))]
    pub answer_by: Option<String>,
}

impl Collection {
    pub fn new(year: i32) -> Self {
        Collection { year, recipients: Vec::new(), answer_by: None }
    }

    pub fn recipient(&self, organisation: Id) -> Option<&Recipient> {
        self.recipients.iter().find(|r| r.organisation_id == organisation)
    }

    /// The record of `organisation`, created with `choice` when missing.
    pub fn recipient_mut(&mut self, organisation: Id, choice: RecipientChoice) -> &mut Recipient {
        let index = match self.recipients.iter().position(|r| r.organisation_id == organisation) {
            Some(index) => index,
            None => {
                self.recipients.push(Recipient::new(organisation, choice));
                self.recipients.len() - 1
            }
        };
        &mut self.recipients[index]
    }
}

impl Contract {
    /// The collection of `year`, if it was started.
    pub fn collection(&self, year: i32) -> Option<&Collection> {
        self.collections.iter().find(|c| c.year == year)
    }

    /// The collection of `year`, created when missing; collections stay in year order.
    pub fn collection_mut(&mut self, year: i32) -> &mut Collection {
        let index = match self.collections.iter().position(|c| c.year == year) {
            Some(index) => index,
            None => {
                let at = self.collections.iter().position(|c| c.year > year);
                let at = at.unwrap_or(self.collections.len());
                self.collections.insert(at, Collection::new(year));
                at
            }
        };
        &mut self.collections[index]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json;

    #[test]
    fn a_contract_written_before_collections_reads_with_none_and_writes_none() {
        let contract = Contract::blank(Id::from_u128(1), "CLS", 0);
        let tree = json::to_tree(&contract).expect("serialises");
        assert!(tree.get("collections").is_none(), "an empty record is not written out");
        let read: Contract = json::from_tree(&tree).expect("still reads");
        assert!(read.collections.is_empty());
    }

    #[test]
    fn a_collection_round_trips_and_stays_in_year_order() {
        let mut contract = Contract::blank(Id::from_u128(1), "CLS", 0);
        let org = Id::from_u128(7);
        contract.collection_mut(2026);
        let recipient = contract.collection_mut(2025).recipient_mut(org, RecipientChoice::Added);
        recipient.sheet_ids.push(Id::from_u128(9));
        recipient.sent_on = Some("2026-01-15".into());
        assert_eq!(contract.collections.iter().map(|c| c.year).collect::<Vec<_>>(), [2025, 2026]);
        contract.collection_mut(2025).recipient_mut(org, RecipientChoice::Lead).received_on =
            Some("2026-02-01".into());
        let record = contract.collection(2025).unwrap();
        assert_eq!(record.recipients.len(), 1, "one record per organisation");
        assert_eq!(record.recipient(org).unwrap().choice, RecipientChoice::Added);
        let text = json::to_text(&contract).unwrap();
        assert!(text.contains("\"choice\":\"added\""), "{text}");
        assert_eq!(json::from_text::<Contract>(&text).unwrap(), contract);
    }

    /// « Dupliquer »: the copy's record names the copy's organisations and fiches.
    #[test]
    fn a_duplicated_contract_keeps_its_record_pointing_at_its_own_entities() {
        let mut contract = crate::model::collection::fixture::contract();
        let caf = Id::from_u128(4);
        let recipient = contract.collection_mut(2025).recipient_mut(caf, RecipientChoice::Added);
        recipient.sheet_ids.push(Id::from_u128(20));
        let copy = crate::model::copy::with_fresh_ids(&contract, Id::random, 1);
        let recipient = &copy.collection(2025).unwrap().recipients[0];
        assert_eq!(
            Some(recipient.organisation_id),
            copy.organisations.iter().find(|o| o.name == "CAF").map(|o| o.id)
        );
        assert_eq!(recipient.sheet_ids, [copy.sheets[1].id]);
        assert_ne!(recipient.organisation_id, caf);
    }
}
