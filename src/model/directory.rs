//! Directory operations: the organisations offered wherever one is chosen (lead, partner,
//! funder, member, filters), and merging two entries that name the same organisation (typed
//! twice in two workshops). Every reference to the merged entry is pointed at the one kept, so
//! nothing that cited it is lost.

use super::text::fold;
use super::{Contract, Id, Timestamp};

/// The directory as `(id, name)` choices, in alphabetical order (ignoring case and accents;
/// entries with the same name keep the directory's order): every select and checklist of
/// organisations offers them so, whatever order they were typed in.
pub fn organisation_options(contract: &Contract) -> Vec<(String, String)> {
    let mut organisations: Vec<_> = contract.organisations.iter().collect();
    organisations.sort_by_cached_key(|o| fold(&o.name));
    organisations.into_iter().map(|o| (o.id.to_string(), o.name.clone())).collect()
}

/// Merges organisation `duplicate` into `kept`: references follow, roles and contact are
/// combined (the kept entry's non-empty fields win), then `duplicate` leaves the directory.
pub fn merge_organisations(
    contract: &mut Contract,
    kept: Id,
    duplicate: Id,
    now: Timestamp,
) -> bool {
    if kept == duplicate {
        return false;
    }
    let Some(removed_at) = contract.organisations.iter().position(|o| o.id == duplicate) else {
        return false;
    };
    if contract.organisation(kept).is_none() {
        return false;
    }
    let removed = contract.organisations.remove(removed_at);
    if let Some(target) = contract.organisations.iter_mut().find(|o| o.id == kept) {
        if target.signatory.is_none() {
            target.signatory = removed.signatory;
        }
        target.partner |= removed.partner;
        fill_if_empty(&mut target.contact.name, removed.contact.name);
        fill_if_empty(&mut target.contact.email, removed.contact.email);
        fill_if_empty(&mut target.contact.phone, removed.contact.phone);
        target.modified_at = now;
    }
    repoint_references(contract, kept, duplicate, now);
    true
}

fn fill_if_empty(field: &mut String, other: String) {
    if field.trim().is_empty() {
        *field = other;
    }
}

fn repoint_references(contract: &mut Contract, kept: Id, duplicate: Id, now: Timestamp) {
    let swap = |id: &mut Option<Id>| {
        if *id == Some(duplicate) {
            *id = Some(kept);
        }
    };
    for member in &mut contract.governance.members {
        swap(&mut member.organisation_id);
    }
    for sheet in &mut contract.sheets {
        let before = sheet.clone();
        sheet.leads.iter_mut().for_each(|lead| swap(&mut lead.organisation_id));
        for partner in &mut sheet.partner_ids {
            if *partner == duplicate {
                *partner = kept;
            }
        }
        let mut seen = std::collections::HashSet::new();
        sheet.partner_ids.retain(|p| seen.insert(*p));
        sheet.actions.iter_mut().for_each(|a| swap(&mut a.lead_id));
        sheet.funding.iter_mut().for_each(|f| swap(&mut f.funder_id));
        if *sheet != before {
            sheet.modified_at = now;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionSheet, Organisation, OrganisationKind};

    #[test]
    fn references_follow_the_kept_entry() {
        let mut c = Contract::blank(Id::from_u128(1), "CLS", 0);
        let ars = Id::from_u128(10);
        let ars_bis = Id::from_u128(11);
        let cpam = Id::from_u128(12);
        c.organisations.push(Organisation::new(
            ars,
            "ARS Auvergne-Rhône-Alpes",
            OrganisationKind::Ars,
            0,
        ));
        let mut dup = Organisation::new(ars_bis, "ARS ARA", OrganisationKind::Ars, 0);
        dup.signatory = Some(crate::model::Signatory::default());
        dup.contact.email = "dt15@ars.fr".into();
        c.organisations.push(dup);
        c.organisations.push(Organisation::new(cpam, "CPAM", OrganisationKind::Cpam, 0));
        let mut sheet = ActionSheet::new(Id::from_u128(20), "Fiche", 0);
        sheet.lead_mut().organisation_id = Some(ars_bis);
        sheet.partner_ids = vec![ars, ars_bis, cpam];
        c.sheets.push(sheet);

        assert!(merge_organisations(&mut c, ars, ars_bis, 7));
        assert_eq!(c.organisations.len(), 2);
        let kept = c.organisation(ars).unwrap();
        assert!(kept.is_signatory());
        assert_eq!(kept.contact.email, "dt15@ars.fr");
        assert_eq!(c.sheets[0].leads[0].organisation_id, Some(ars));
        assert_eq!(c.sheets[0].partner_ids, vec![ars, cpam]);
        assert_eq!(c.sheets[0].modified_at, 7);
    }

    #[test]
    fn organisations_are_offered_by_name_ignoring_case_and_accents() {
        let mut c = Contract::blank(Id::from_u128(1), "CLS", 0);
        for (n, name) in [(1, "Mairie"), (2, "ARS"), (3, "école de Vic"), (4, "Centre"), (5, "ARS")]
        {
            c.organisations.push(Organisation::new(
                Id::from_u128(n),
                name,
                OrganisationKind::Other,
                0,
            ));
        }
        let options = organisation_options(&c);
        let names: Vec<&str> = options.iter().map(|(_, name)| name.as_str()).collect();
        assert_eq!(names, ["ARS", "ARS", "Centre", "école de Vic", "Mairie"]);
        assert_eq!(options[0].0, Id::from_u128(2).to_string());
        assert_eq!(options[1].0, Id::from_u128(5).to_string());
    }

    #[test]
    fn merging_with_itself_or_a_missing_entry_does_nothing() {
        let mut c = Contract::blank(Id::from_u128(1), "CLS", 0);
        c.organisations.push(Organisation::new(Id::from_u128(10), "ARS", OrganisationKind::Ars, 0));
        let before = c.clone();
        assert!(!merge_organisations(&mut c, Id::from_u128(10), Id::from_u128(10), 1));
        assert!(!merge_organisations(&mut c, Id::from_u128(10), Id::from_u128(99), 1));
        assert_eq!(c, before);
    }
}
