//! Field-by-field differences between two versions of an item, in words a coordinator reads:
//! "Actions › Atelier cuisine › Fin : juin 2026 → septembre 2026", with organisations named
//! rather than shown as ids and closed-list values shown by their French label.
//!
//! Works on the JSON of the items, so every field of the model is covered; lists of entities
//! are matched by id (or, for yearly reviews and values, by year) so that a reordered list is
//! not reported as a change of every element. A frozen copy of the contract (the signed
//! version, the version an avenant left) is one line, « Version figée : différente », rather
//! than hundreds: what changed inside it is the avenant screens' business.

use crate::model::amendment::FROZEN_COPY_KEY;
use crate::model::collection::RecipientChoice;
use crate::model::indicator::IndicatorScale;
use crate::model::iso_date::{french_date, is_iso_date};
use crate::model::reference::{Determinant, HealthField, PlanLink};
use crate::model::review::NOT_FILLED_LABEL;
use crate::model::text::shorten;
use crate::model::{
    Body, Contract, FindingCategory, Frequency, FundingKind, IndicatorKind, OrganisationKind,
    Participation, Priority, ReviewStatus, SheetKind, YearMonth,
};
use serde_json::Value;
use std::collections::HashMap;

/// One field that differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// "Pilote › Personne", "Actions › Atelier cuisine › Fin".
    pub field: String,
    /// Here, as shown to the user ("—" when empty or absent).
    pub mine: String,
    /// In the file.
    pub theirs: String,
}

/// The tests' view of changes: field, here, in the file.
#[cfg(test)]
pub(crate) fn shown(changes: &[FieldChange]) -> Vec<(&str, &str, &str)> {
    changes.iter().map(|c| (c.field.as_str(), c.mine.as_str(), c.theirs.as_str())).collect()
}

/// The names shown instead of ids (organisations, axes, objectives, findings) and the French
/// labels of closed-list values, gathered from both versions of the contract.
pub struct Vocabulary {
    names: HashMap<String, String>,
}

impl Vocabulary {
    pub fn of(contracts: &[&Contract]) -> Self {
        let mut names = HashMap::new();
        for contract in contracts {
            for o in &contract.organisations {
                names.insert(o.id.to_string(), o.name.clone());
            }
            for axis in &contract.axes {
                names.insert(axis.id.to_string(), axis.title.clone());
                for objective in &axis.objectives {
                    names.insert(objective.id.to_string(), objective.title.clone());
                }
            }
            for finding in &contract.diagnostic {
                names.insert(finding.id.to_string(), shorten(&finding.text, 60));
            }
            // An avenant names the meeting that adopted it.
            for meeting in &contract.governance.meetings {
                let name = format!("{} du {}", meeting.body.label(), french_date(&meeting.date));
                names.insert(meeting.id.to_string(), name);
            }
            // A note moved to another group, or attributed to someone else, says to which.
            for workshop in &contract.workshops {
                names.insert(workshop.id.to_string(), workshop.title.clone());
                for group in &workshop.groups {
                    names.insert(group.id.to_string(), group.label().to_string());
                }
                for p in &workshop.participants {
                    names.insert(p.id.to_string(), p.display_name(contract));
                }
                for note in &workshop.notes {
                    names.insert(note.id.to_string(), shorten(&note.text, 60));
                }
            }
            for sheet in &contract.sheets {
                names.entry(sheet.id.to_string()).or_insert_with(|| sheet.title.clone());
            }
        }
        Vocabulary { names }
    }

    fn show_text(&self, text: &str) -> String {
        if let Some(name) = self.names.get(text) {
            return name.clone();
        }
        if is_iso_date(text) {
            // A date as every screen writes it: « 20 novembre 2025 », never « 2025-11-20 ».
            return french_date(text);
        }
        enum_label(text).map_or_else(|| text.to_string(), str::to_string)
    }
}

/// What differs between `mine` and `theirs`, in the order of the fields' labels below.
pub fn field_changes(mine: &Value, theirs: &Value, words: &Vocabulary) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    compare(&mut Vec::new(), mine, theirs, words, &mut changes);
    changes
}

fn compare(
    path: &mut Vec<String>,
    mine: &Value,
    theirs: &Value,
    words: &Vocabulary,
    out: &mut Vec<FieldChange>,
) {
    if mine == theirs {
        return;
    }
    match (mine, theirs) {
        (Value::Object(a), Value::Object(b)) if !is_year_month(mine) => {
            let mut keys: Vec<&String> =
                a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))).collect();
            keys.retain(|k| k.as_str() != "id" && k.as_str() != "modified_at");
            keys.sort_by_key(|k| field_rank(k));
            for key in keys {
                path.push(field_label(key));
                if key == FROZEN_COPY_KEY {
                    out.extend(frozen_copy_change(path, a.get(key), b.get(key)));
                } else {
                    let (mine, theirs) =
                        (field_value(a.get(key), key), field_value(b.get(key), key));
                    compare(path, &mine, &theirs, words, out);
                }
                path.pop();
            }
        }
        (Value::Array(a), Value::Array(b)) if keyed(a) && keyed(b) => {
            compare_keyed(path, a, b, words, out)
        }
        _ => out.push(FieldChange {
            field: path.join(" › "),
            mine: show(mine, words),
            theirs: show(theirs, words),
        }),
    }
}

/// A frozen copy as one line: present or not, and whether the file's differs from the one here.
fn frozen_copy_change(
    path: &[String],
    mine: Option<&Value>,
    theirs: Option<&Value>,
) -> Option<FieldChange> {
    let present = |v: Option<&Value>| v.is_some_and(|v| !v.is_null());
    let (mine_text, theirs_text) = match (present(mine), present(theirs)) {
        (false, false) => return None,
        (true, true) if mine == theirs => return None,
        (true, true) => ("présente", "différente"),
        (true, false) => ("présente", "—"),
        (false, true) => ("—", "présente"),
    };
    Some(FieldChange {
        field: path.join(" › "),
        mine: mine_text.into(),
        theirs: theirs_text.into(),
    })
}

/// A field's value as compared and shown: a review without a status says « Non renseigné »,
/// the words the follow-up uses, rather than looking empty.
fn field_value(value: Option<&Value>, key: &str) -> Value {
    match value {
        Some(Value::Null) if key == "status" => Value::String(NOT_FILLED_LABEL.into()),
        None => Value::Null,
        Some(value) => value.clone(),
    }
}

/// Lists of entities (with an id) or of yearly entries (with a year) are compared element by
/// element; other lists as a whole.
pub(crate) fn keyed(items: &[Value]) -> bool {
    !items.is_empty() && items.iter().all(|item| key_of(item).is_some())
}

pub(crate) fn key_of(item: &Value) -> Option<String> {
    item.get("id").or_else(|| item.get("year")).map(Value::to_string)
}

fn compare_keyed(
    path: &mut Vec<String>,
    mine: &[Value],
    theirs: &[Value],
    words: &Vocabulary,
    out: &mut Vec<FieldChange>,
) {
    let find =
        |list: &[Value], key: &Option<String>| list.iter().find(|v| &key_of(v) == key).cloned();
    for item in mine {
        let key = key_of(item);
        path.push(element_label(item));
        match find(theirs, &key) {
            Some(other) => compare(path, item, &other, words, out),
            None => out.push(FieldChange {
                field: path.join(" › "),
                mine: show(item, words),
                theirs: "(retiré)".into(),
            }),
        }
        path.pop();
    }
    for item in theirs.iter().filter(|item| find(mine, &key_of(item)).is_none()) {
        path.push(element_label(item));
        out.push(FieldChange {
            field: path.join(" › "),
            mine: "(absent)".into(),
            theirs: show(item, words),
        });
        path.pop();
    }
}

/// How an element of a list is named in a path: its title, name, description or year.
fn element_label(item: &Value) -> String {
    for key in ["title", "name", "description", "text", "action", "object", "date"] {
        if let Some(text) = item.get(key).and_then(Value::as_str).filter(|t| !t.trim().is_empty()) {
            let text = if is_iso_date(text) { french_date(text) } else { text.to_string() };
            return format!("« {} »", shorten(&text, 50));
        }
    }
    match item.get("year") {
        Some(year) => year.to_string(),
        None => "(sans titre)".into(),
    }
}

pub(crate) fn is_year_month(value: &Value) -> bool {
    value
        .as_object()
        .is_some_and(|o| o.len() == 2 && o.contains_key("year") && o.contains_key("month"))
}

/// A value as the user reads it.
pub(crate) fn show(value: &Value, words: &Vocabulary) -> String {
    let text = match value {
        Value::Null => String::new(),
        Value::Bool(true) => "oui".into(),
        Value::Bool(false) => "non".into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => words.show_text(s),
        Value::Array(items) => items
            .iter()
            .map(|v| show(v, words))
            .filter(|s| s != "—")
            .collect::<Vec<_>>()
            .join(" ; "),
        Value::Object(_) if is_year_month(value) => {
            crate::model::json::from_tree::<YearMonth>(value)
                .map_or_else(|_| value.to_string(), |ym| ym.to_string())
        }
        Value::Object(fields) => fields
            .iter()
            .filter(|(k, _)| !["id", "modified_at", FROZEN_COPY_KEY].contains(&k.as_str()))
            .map(|(_, v)| show(v, words))
            .filter(|s| s != "—")
            .collect::<Vec<_>>()
            .join(" · "),
    };
    if text.trim().is_empty() {
        "—".into()
    } else {
        text
    }
}

/// JSON field names and their French labels, in the order the forms show them.
const FIELDS: &[(&str, &str)] = &[
    ("name", "Nom"),
    ("title", "Intitulé"),
    ("fictional", "Contrat fictif (démonstration)"),
    ("generation", "Génération"),
    ("period", "Période"),
    ("first_year", "Première année"),
    ("last_year", "Dernière année"),
    ("territory", "Territoire"),
    ("epcis", "EPCI"),
    ("communes", "Communes"),
    ("population", "Population"),
    ("priority_neighbourhoods", "Quartiers prioritaires (QPV)"),
    ("texts", "Textes du contrat"),
    ("legal_references", "Références juridiques"),
    ("preamble", "Préambule"),
    ("duration", "Durée"),
    ("revision", "Révision"),
    ("termination", "Résiliation"),
    ("signing", "Signature"),
    ("coordinator", "Coordination"),
    ("organisations", "Organisations"),
    ("organisation", "Organisation"),
    ("kind", "Type"),
    ("signatory", "Signataire"),
    ("signer", "Nom du signataire"),
    ("capacity", "Qualité"),
    ("by_delegation", "Par délégation"),
    ("rank", "Ordre sur la page des signatures"),
    ("commitments", "Engagements"),
    ("partner", "Partenaire"),
    ("contact", "Contact"),
    ("email", "Courriel"),
    ("phone", "Téléphone"),
    ("governance", "Gouvernance"),
    ("bodies", "Instances"),
    ("members", "Membres"),
    ("meetings", "Réunions"),
    ("body", "Instance"),
    ("duties", "Attributions"),
    ("meeting_frequency", "Fréquence des réunions"),
    ("organisation_id", "Organisation"),
    ("role", "Rôle"),
    ("date", "Date"),
    ("place", "Lieu"),
    ("notes", "Notes"),
    ("diagnostic", "Diagnostic"),
    ("category", "Catégorie"),
    ("previous_review", "Bilan du précédent contrat"),
    ("consultation", "Retour des partenaires"),
    ("sheets", "Fiches du précédent contrat"),
    ("items", "Actions du précédent contrat"),
    ("action", "Action"),
    ("recommendations", "Recommandations"),
    ("amendments", "Avenants"),
    ("number", "Numéro"),
    ("meeting_id", "Réunion"),
    ("adopted_by", "Adopté par"),
    ("object", "Objet"),
    ("changes", "Modifications"),
    ("frozen_copy", "Version figée"),
    ("text", "Texte"),
    ("mental_health", "Santé mentale"),
    ("axes", "Axes"),
    ("objectives", "Objectifs stratégiques"),
    ("axis_id", "Axe"),
    ("objective_id", "Objectif stratégique"),
    ("priority", "Priorité"),
    ("health_fields", "Champs de la santé"),
    ("determinants", "Déterminants de santé"),
    ("plan_links", "Liens avec d’autres plans"),
    ("finding_ids", "Constats du diagnostic"),
    ("local_findings", "Constats locaux"),
    ("general_objective", "Objectif général"),
    ("specific_objectives", "Objectifs spécifiques"),
    ("strategic_objective_id", "Objectif stratégique"),
    ("expected_results", "Résultats attendus"),
    ("actions", "Actions"),
    ("description", "Description"),
    ("start", "Début"),
    ("end", "Fin"),
    ("lead_id", "Porteur"),
    ("milestone", "Jalon"),
    ("leads", "Pilotes"),
    ("lead", "Pilote"),
    ("person", "Personne"),
    ("partner_ids", "Partenaires"),
    ("audiences", "Publics"),
    ("coverage", "Territoire couvert"),
    ("whole_territory", "Tout le territoire"),
    ("places", "Lieux"),
    ("participation", "Participation des habitants"),
    ("human_means", "Moyens humains"),
    ("material_means", "Moyens matériels"),
    ("funding", "Financements"),
    ("year", "Année"),
    ("funder_id", "Financeur"),
    ("planned_euros", "Montant prévu (€)"),
    ("actual_euros", "Dépensé (réalisé, €)"),
    ("in_kind_days", "Jours valorisés"),
    ("no_funding_needed", "Sans besoin de financement"),
    ("indicators", "Indicateurs"),
    ("definition", "Définition"),
    ("unit", "Unité"),
    ("baseline", "Valeur de départ"),
    ("target", "Cible"),
    ("target_comment", "Commentaire sur la cible"),
    ("result", "Résultat"),
    ("result_comment", "Commentaire sur le résultat"),
    ("scale", "Type de valeur"),
    ("source", "Source"),
    ("frequency", "Fréquence"),
    ("collector", "Qui collecte"),
    ("values", "Cibles et résultats par année"),
    ("value", "Valeur"),
    ("reviews", "Bilans annuels"),
    ("status", "Statut"),
    ("comment", "Ce qui a été fait"),
    ("reason", "Pourquoi ?"),
    ("next_steps", "Suite prévue"),
    ("to_confirm", "À confirmer"),
    ("collections", "Collectes"),
    ("recipients", "Destinataires"),
    ("choice", "Destinataire"),
    ("sheet_ids", "Fiches"),
    ("sent_on", "Envoyé le"),
    ("received_on", "Réponse reçue le"),
    ("workshops", "Ateliers"),
    ("remote", "À distance"),
    ("axis_ids", "Axes"),
    ("facilitator", "Animation"),
    ("participants", "Participants"),
    ("dots_per_participant", "Gommettes par participant"),
    ("groups", "Groupes"),
    ("votes", "Votes"),
    ("stakeholder", "Type d’acteur"),
    ("participant_id", "Participant"),
    ("finding_id", "Constat du diagnostic"),
    ("group_id", "Groupe"),
    ("merged_duplicates", "Doublons fusionnés"),
    ("became", "Devenu"),
    ("new_sheet", "Nouvelle fiche action"),
    ("strategic_objective", "Objectif stratégique"),
    ("specific_objective", "Objectif spécifique"),
    ("sheet_id", "Fiche action"),
    ("action_ids", "Actions"),
    ("group", "Groupe"),
    ("note", "Idée"),
    ("dots", "Voix"),
    ("origins", "Issue d’un atelier"),
    ("workshop_id", "Atelier"),
];

pub(crate) fn field_rank(key: &str) -> usize {
    FIELDS.iter().position(|(k, _)| *k == key).unwrap_or(FIELDS.len())
}

pub(crate) fn field_label(key: &str) -> String {
    FIELDS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or_else(|| key.to_string(), |(_, label)| label.to_string())
}

/// The French label of a closed-list value written in the file ("partly_done" → "Partiellement
/// réalisé"): every closed list's `key` is its JSON name (tested with each list).
fn enum_label(key: &str) -> Option<&'static str> {
    fn find<T: Copy>(
        all: &[T],
        key_of: fn(T) -> &'static str,
        label: fn(T) -> &'static str,
        key: &str,
    ) -> Option<&'static str> {
        all.iter().find(|v| key_of(**v) == key).map(|v| label(*v))
    }
    find(ReviewStatus::ALL, ReviewStatus::key, ReviewStatus::label, key)
        .or_else(|| find(Priority::ALL, Priority::key, Priority::label, key))
        .or_else(|| find(SheetKind::ALL, SheetKind::key, SheetKind::label, key))
        .or_else(|| find(Participation::ALL, Participation::key, Participation::label, key))
        .or_else(|| find(Body::ALL, Body::key, Body::label, key))
        .or_else(|| find(&FindingCategory::ALL, FindingCategory::key, FindingCategory::label, key))
        .or_else(|| {
            find(&OrganisationKind::ALL, OrganisationKind::key, OrganisationKind::label, key)
        })
        .or_else(|| find(FundingKind::ALL, FundingKind::key, FundingKind::label, key))
        .or_else(|| find(IndicatorKind::ALL, IndicatorKind::key, IndicatorKind::label, key))
        .or_else(|| find(Frequency::ALL, Frequency::key, Frequency::label, key))
        .or_else(|| find(IndicatorScale::ALL, IndicatorScale::key, IndicatorScale::label, key))
        .or_else(|| find(HealthField::ALL, HealthField::key, HealthField::label, key))
        .or_else(|| find(Determinant::ALL, Determinant::key, Determinant::label, key))
        .or_else(|| find(PlanLink::ALL, PlanLink::key, PlanLink::label, key))
        .or_else(|| find(RecipientChoice::ALL, RecipientChoice::key, RecipientChoice::label, key))
        .or_else(|| {
            use crate::model::workshop::StakeholderKind;
            find(StakeholderKind::ALL, StakeholderKind::key, StakeholderKind::label, key)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, ActionSheet, Id, Organisation};
    use serde_json::json;

    /// `enum_label` finds a value by its `key`: that key must be what the file holds.
    /// Every field a contract can hold reads in French in a diff: the example (signature
    /// blocks, texts, bodies, the previous bilan) with an avenant and a frozen copy added.
    #[test]
    fn every_field_of_the_model_has_a_french_label() {
        fn keys(value: &Value, found: &mut std::collections::BTreeSet<String>) {
            match value {
                Value::Object(map) => {
                    for (key, child) in map {
                        found.insert(key.clone());
                        keys(child, found);
                    }
                }
                Value::Array(items) => items.iter().for_each(|v| keys(v, found)),
                _ => {}
            }
        }
        let mut contract = crate::model::example::example_contract();
        contract.signing.frozen_copy = Some(crate::model::amendment::frozen(&contract));
        contract.amendments.push(crate::model::Amendment::new(
            crate::model::Id::from_u128(9),
            1,
            0,
        ));
        let (organisation, sheet) = (contract.organisations[0].id, contract.sheets[0].id);
        let recipient =
            contract.collection_mut(2025).recipient_mut(organisation, RecipientChoice::Added);
        recipient.sheet_ids.push(sheet);
        recipient.sent_on = Some("2026-01-15".into());
        // A workshop whose groups became each thing a group can become.
        let mut board = crate::model::workshop::fixture::contract_with_board();
        let workshop = board.workshops[0].id;
        let groups: Vec<_> = board.workshops[0].groups.iter().map(|g| g.id).collect();
        let (axis_id, sheet_id) = (board.axes[0].id, board.sheets[0].id);
        use crate::model::workshop::{turn_into_contract, IntoContract};
        for (group, how) in groups.into_iter().zip([
            IntoContract::NewSheet { objectives: Vec::new() },
            IntoContract::StrategicObjective { axis_id },
            IntoContract::SpecificObjective { sheet_id },
        ]) {
            turn_into_contract(&mut board, workshop, group, how, Id::random, 0).unwrap();
        }
        let how = IntoContract::Actions { sheet_id, notes: Vec::new() };
        let group = board.workshops[0].groups[0].id;
        turn_into_contract(&mut board, workshop, group, how, Id::random, 0).unwrap();
        let participant = Some(board.workshops[0].participants[0].id);
        let note = crate::model::workshop::VoteTarget::Note(board.workshops[0].notes[0].id);
        board.workshops[0].give_dots(participant, note, 1, 0).unwrap();
        board.workshops[0].notes[0].merged_duplicates = 1;
        board.workshops[0].dots_per_participant = Some(3);
        contract.workshops = board.workshops;
        contract.sheets.extend(board.sheets);
        let mut found = std::collections::BTreeSet::new();
        keys(&serde_json::to_value(&contract).unwrap(), &mut found);
        let missing: Vec<&String> = found
            .iter()
            .filter(|k| !["id", "modified_at"].contains(&k.as_str()))
            .filter(|k| !FIELDS.iter().any(|(key, _)| key == k))
            .collect();
        assert!(missing.is_empty(), "no French label for {missing:?}");
    }

    #[test]
    fn every_closed_list_key_is_its_json_name() {
        fn check<T: serde::Serialize + Copy>(all: &[T], key: fn(T) -> &'static str) {
            for value in all {
                assert_eq!(serde_json::to_value(value).unwrap(), json!(key(*value)));
            }
        }
        check(ReviewStatus::ALL, ReviewStatus::key);
        check(Priority::ALL, Priority::key);
        check(SheetKind::ALL, SheetKind::key);
        check(Participation::ALL, Participation::key);
        check(Body::ALL, Body::key);
        check(&FindingCategory::ALL, FindingCategory::key);
        check(&OrganisationKind::ALL, OrganisationKind::key);
        check(FundingKind::ALL, FundingKind::key);
        check(IndicatorKind::ALL, IndicatorKind::key);
        check(Frequency::ALL, Frequency::key);
        check(IndicatorScale::ALL, IndicatorScale::key);
        check(HealthField::ALL, HealthField::key);
        check(Determinant::ALL, Determinant::key);
        check(PlanLink::ALL, PlanLink::key);
        check(RecipientChoice::ALL, RecipientChoice::key);
        assert_eq!(enum_label("partly_done"), Some("Partiellement réalisé"));
    }

    fn contract_with_org() -> Contract {
        let mut c = Contract::blank(Id::from_u128(1), "CLS", 0);
        c.organisations.push(Organisation::new(
            Id::from_u128(7),
            "Mairie d’Aurillac",
            OrganisationKind::Commune,
            0,
        ));
        c
    }

    #[test]
    fn nested_changes_are_named_in_french_with_names_not_ids() {
        let contract = contract_with_org();
        let mut mine = ActionSheet::new(Id::from_u128(2), "Nutrition", 0);
        mine.actions.push(Action::new(Id::from_u128(3), "Atelier cuisine", 0));
        let mut theirs = mine.clone();
        theirs.priority = Priority::High;
        theirs.lead_mut().organisation_id = Some(Id::from_u128(7));
        theirs.actions[0].end = YearMonth::new(2026, 9);
        theirs.modified_at = 99;
        let changes = field_changes(
            &serde_json::to_value(&mine).unwrap(),
            &serde_json::to_value(&theirs).unwrap(),
            &Vocabulary::of(&[&contract]),
        );
        let change = |field: &str| changes.iter().find(|c| c.field == field).cloned();
        assert_eq!(
            change("Priorité").map(|c| (c.mine, c.theirs)),
            Some(("Non renseigné".into(), "Haute".into()))
        );
        assert_eq!(change("Pilotes").map(|c| c.theirs), Some("Mairie d’Aurillac".into()));
        assert_eq!(
            change("Actions › « Atelier cuisine » › Fin").map(|c| (c.mine, c.theirs)),
            Some(("—".into(), "septembre 2026".into()))
        );
        assert_eq!(changes.len(), 3, "{changes:?}");
        assert_eq!(changes[0].field, "Priorité", "fields come in the forms' order");
    }

    #[test]
    fn added_and_removed_elements_are_named() {
        let words = Vocabulary::of(&[]);
        let mine = json!({"actions": [{"id": "a", "description": "Forum"}]});
        let theirs = json!({"actions": [{"id": "b", "description": "Permanence"}]});
        let changes = field_changes(&mine, &theirs, &words);
        assert_eq!(changes[0].field, "Actions › « Forum »");
        assert_eq!(changes[0].theirs, "(retiré)");
        assert_eq!(changes[1].field, "Actions › « Permanence »");
        assert_eq!(changes[1].mine, "(absent)");
    }

    #[test]
    fn dates_are_written_out_in_french() {
        let words = Vocabulary::of(&[]);
        let mine = json!({"date": "2025-11-20", "meetings": [{"id": "m", "date": "2025-11-20", "notes": ""}]});
        let theirs = json!({"date": "2025-12-01", "meetings": [{"id": "m", "date": "2025-11-20", "notes": "Relevé"}]});
        let changes = field_changes(&mine, &theirs, &words);
        let shown = shown(&changes);
        assert_eq!(
            shown,
            [
                ("Réunions › « 20 novembre 2025 » › Notes", "—", "Relevé"),
                ("Date", "20 novembre 2025", "1er décembre 2025"),
            ]
        );
        // A text that only looks like a date is left as typed.
        assert_eq!(show(&json!("2025-13-01"), &words), "2025-13-01");
    }

    #[test]
    fn reordering_a_list_of_entities_is_not_a_change() {
        let words = Vocabulary::of(&[]);
        let mine = json!({"actions": [{"id": "a"}, {"id": "b"}]});
        let theirs = json!({"actions": [{"id": "b"}, {"id": "a"}]});
        assert!(field_changes(&mine, &theirs, &words).is_empty());
    }

    /// A frozen copy that differs is one line, however many fields differ inside it.
    #[test]
    fn a_changed_frozen_copy_is_one_line() {
        let mut contract = crate::model::example::example_contract();
        let words = Vocabulary::of(&[&contract]);
        contract.signing.frozen_copy = Some(crate::model::amendment::frozen(&contract));
        let mine = serde_json::to_value(&contract.signing).unwrap();
        let mut other = contract.clone();
        other.sheets.reverse();
        other.name = "Autre".into();
        other.sheets[0].title = "Autre titre".into();
        contract.signing.frozen_copy = Some(crate::model::amendment::frozen(&other));
        contract.signing.place = "Arpajon-sur-Cère".into();
        let theirs = serde_json::to_value(&contract.signing).unwrap();
        let changes = field_changes(&mine, &theirs, &words);
        let shown = shown(&changes);
        assert_eq!(
            shown,
            [("Lieu", "Aurillac", "Arpajon-sur-Cère"), ("Version figée", "présente", "différente")]
        );
        let mut unsigned = mine.clone();
        unsigned["frozen_copy"] = Value::Null;
        let added = field_changes(&unsigned, &mine, &words);
        assert_eq!(added.len(), 1);
        assert_eq!((added[0].mine.as_str(), added[0].theirs.as_str()), ("—", "présente"));
        assert!(field_changes(&mine, &mine, &words).is_empty());
        assert!(!show(&mine, &words).contains(&contract.sheets[0].title));
    }

    #[test]
    fn closed_list_values_show_their_label() {
        assert_eq!(enum_label("partly_done"), Some("Partiellement réalisé"));
        assert_eq!(enum_label("steering_committee"), Some("Comité de pilotage (COPIL)"));
        assert_eq!(enum_label("Mairie"), None);
    }
}
