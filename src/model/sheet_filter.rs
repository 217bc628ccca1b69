//! Filtering the list of sheets: free-text search and the filters a coordinator uses when
//! preparing a COPIL (one axis, one lead, one partner, a review status, incomplete sheets).

use super::completeness::CompletenessFilter;
use super::review::latest_status;
use super::text::fold;
use super::{ActionSheet, Contract, Id, ReviewStatus};

/// The review status a sheet is filtered by: the latest yearly review, or none yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusFilter {
    Any,
    NotReviewed,
    Is(ReviewStatus),
}

impl StatusFilter {
    pub fn options() -> Vec<(String, String)> {
        let mut options = vec![
            ("".to_string(), "Tous".to_string()),
            ("none".to_string(), "Sans bilan".to_string()),
        ];
        options
            .extend(ReviewStatus::ALL.iter().map(|s| (s.key().to_string(), s.label().to_string())));
        options
    }

    pub fn from_key(key: &str) -> Self {
        match key {
            "none" => Self::NotReviewed,
            _ => ReviewStatus::ALL
                .iter()
                .copied()
                .find(|s| s.key() == key)
                .map_or(Self::Any, Self::Is),
        }
    }

    fn accepts(self, sheet: &ActionSheet) -> bool {
        match self {
            Self::Any => true,
            Self::NotReviewed => sheet.reviews.is_empty(),
            Self::Is(status) => latest_status(&sheet.reviews) == Some(status),
        }
    }
}

/// Every filter of the sheet list; `None` means "any".
#[derive(Clone, Debug, PartialEq)]
pub struct SheetFilter {
    pub text: String,
    pub axis: Option<Id>,
    pub lead: Option<Id>,
    pub partner: Option<Id>,
    pub status: StatusFilter,
    pub complete: CompletenessFilter,
}

impl Default for SheetFilter {
    fn default() -> Self {
        SheetFilter {
            text: String::new(),
            axis: None,
            lead: None,
            partner: None,
            status: StatusFilter::Any,
            complete: CompletenessFilter::All,
        }
    }
}

impl SheetFilter {
    pub fn accepts(&self, contract: &Contract, sheet: &ActionSheet) -> bool {
        self.axis.is_none_or(|axis| sheet.axis_id == Some(axis))
            && self.lead.is_none_or(|lead| sheet.is_led_by(lead))
            && self.partner.is_none_or(|partner| sheet.partner_ids.contains(&partner))
            && self.status.accepts(sheet)
            && self.complete.accepts(sheet)
            && self.matches_text(contract, sheet)
    }

    /// Case- and accent-insensitive search in the title, objectives, actions and leads' names.
    fn matches_text(&self, contract: &Contract, sheet: &ActionSheet) -> bool {
        let needle = fold(&self.text);
        if needle.is_empty() {
            return true;
        }
        let leads = sheet.leads.iter().flat_map(|lead| {
            let name = lead.organisation_id.map(|id| contract.organisation_name(id)).unwrap_or("");
            [name, lead.person.as_str()]
        });
        std::iter::once(sheet.title.as_str())
            .chain([sheet.general_objective.as_str()])
            .chain(leads)
            .chain(sheet.specific_objectives.iter().map(|o| o.text.as_str()))
            .chain(sheet.actions.iter().map(|a| a.description.as_str()))
            .any(|text| fold(text).contains(&needle))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Organisation, OrganisationKind, YearReview};

    fn contract() -> Contract {
        let mut c = Contract::blank(Id::from_u128(1), "CLS", 0);
        c.organisations.push(Organisation::new(
            Id::from_u128(50),
            "Mutualité Française",
            OrganisationKind::Association,
            0,
        ));
        let mut a = ActionSheet::new(Id::from_u128(10), "Prévention des maladies chroniques", 0);
        a.axis_id = Some(Id::from_u128(100));
        a.lead_mut().organisation_id = Some(Id::from_u128(50));
        a.reviews.push(YearReview::with_status(2025, ReviewStatus::Done));
        let mut b = ActionSheet::new(Id::from_u128(11), "Santé mentale", 0);
        b.axis_id = Some(Id::from_u128(200));
        b.partner_ids.push(Id::from_u128(50));
        c.sheets = vec![a, b];
        c
    }

    fn titles(c: &Contract, f: &SheetFilter) -> Vec<String> {
        c.sheets.iter().filter(|s| f.accepts(c, s)).map(|s| s.title.clone()).collect()
    }

    #[test]
    fn no_filter_keeps_everything() {
        assert_eq!(titles(&contract(), &SheetFilter::default()).len(), 2);
    }

    #[test]
    fn text_search_ignores_case_and_accents_and_sees_the_lead() {
        let c = contract();
        let f = SheetFilter { text: "SANTE ment".into(), ..Default::default() };
        assert_eq!(titles(&c, &f), ["Santé mentale"]);
        let f = SheetFilter { text: "mutualite".into(), ..Default::default() };
        assert_eq!(titles(&c, &f), ["Prévention des maladies chroniques"]);
    }

    #[test]
    fn each_filter_narrows() {
        let c = contract();
        assert_eq!(
            titles(&c, &SheetFilter { axis: Some(Id::from_u128(200)), ..Default::default() }),
            ["Santé mentale"]
        );
        assert_eq!(
            titles(&c, &SheetFilter { lead: Some(Id::from_u128(50)), ..Default::default() }),
            ["Prévention des maladies chroniques"]
        );
        assert_eq!(
            titles(&c, &SheetFilter { partner: Some(Id::from_u128(50)), ..Default::default() }),
            ["Santé mentale"]
        );
        assert_eq!(
            titles(
                &c,
                &SheetFilter { status: StatusFilter::from_key("done"), ..Default::default() }
            ),
            ["Prévention des maladies chroniques"]
        );
        assert_eq!(
            titles(
                &c,
                &SheetFilter { status: StatusFilter::from_key("none"), ..Default::default() }
            ),
            ["Santé mentale"]
        );
        assert_eq!(
            titles(
                &c,
                &SheetFilter { complete: CompletenessFilter::Complete, ..Default::default() }
            ),
            Vec::<String>::new()
        );
    }
}
