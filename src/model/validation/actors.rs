//! A fiche's actors: each organisation holds one role in a fiche. The lead ticked again as a
//! co-lead or as a partner, or a co-lead also ticked as a partner, is a slip of the pen that
//! the fiche list and the documents would repeat (« copilote » beside « pilote »).

use super::checker::Checker;
use super::Subject;

pub(super) fn check_actors(check: &mut Checker) {
    let contract = check.contract;
    for sheet in contract.sheets_in_axis_order() {
        let lead = sheet.leads.first().and_then(|l| l.organisation_id);
        let co_leads = sheet.leads.get(1..).unwrap_or_default();
        let mut messages = Vec::new();
        if let Some(lead) = lead {
            let name = contract.organisation_name(lead);
            if co_leads.iter().any(|l| l.organisation_id == Some(lead)) {
                messages.push(format!(
                    "L’organisation pilote « {name} » est aussi cochée parmi les copilotes : décochez-la, elle pilote déjà la fiche."
                ));
            }
            if sheet.partner_ids.contains(&lead) {
                messages.push(format!(
                    "L’organisation pilote « {name} » est aussi cochée parmi les partenaires : décochez-la, elle pilote déjà la fiche."
                ));
            }
        }
        for co_lead in sheet.co_lead_ids() {
            if sheet.partner_ids.contains(&co_lead) {
                let name = contract.organisation_name(co_lead);
                messages.push(format!(
                    "L’organisation « {name} » est cochée à la fois parmi les copilotes et parmi les partenaires : gardez l’un des deux."
                ));
            }
        }
        for message in messages {
            let path = check.within(sheet, "Acteurs".to_string());
            check.warning(Subject::Sheet(sheet.id), path, message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use crate::model::Lead;

    #[test]
    fn the_lead_ticked_again_as_co_lead_or_partner_is_pointed_out() {
        let mut c = clean();
        let lead = c.sheets[0].leads[0].organisation_id;
        c.sheets[0].leads.push(Lead { organisation_id: lead, person: String::new() });
        c.sheets[0].partner_ids.push(lead.unwrap());
        let issues = super::super::validate(&c);
        let messages: Vec<&str> = issues.iter().map(|i| i.message.as_str()).collect();
        assert_eq!(issues.len(), 2, "{messages:?}");
        assert!(
            messages[0].starts_with("L’organisation pilote « ")
                && messages[0].contains("parmi les copilotes")
        );
        assert!(messages[1].contains("parmi les partenaires"));
        assert!(issues.iter().all(|i| !i.is_error() && i.path.ends_with(" › Acteurs")));
    }

    #[test]
    fn a_co_lead_also_partner_is_pointed_out_once() {
        let mut c = clean();
        let partner = c.sheets[0].partner_ids[0];
        c.sheets[0].leads.push(Lead { organisation_id: Some(partner), person: String::new() });
        let issues = super::super::validate(&c);
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert!(issues[0]
            .message
            .contains("à la fois parmi les copilotes et parmi les partenaires"));
    }
}
