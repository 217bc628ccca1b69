//! Governance: the bodies (COPIL, commission santé, CLSM, working groups...) with their duties
//! and how often they meet, who sits on them, and when they met. Members and meetings name the
//! body of the contract they belong to (`body_id`), so that two working groups are told apart,
//! and keep its kind (`body`), which is what files from before `body_id` hold and what the
//! planning's COPIL markers and the documents read. COPIL dates also appear as markers on the
//! planning.

use super::closed_list::closed_list;
use super::{Id, Timestamp};
use serde::{Deserialize, Serialize};

closed_list! {
    /// The kind of a governance body of the contract.
    Body {
        NotStated => ("not_stated", "Non renseigné"),
        /// Comité de pilotage: the signatories, at least once a year.
        SteeringCommittee => ("steering_committee", "Comité de pilotage (COPIL)"),
        /// Commission santé: coordinator, elected referents and technicians.
        HealthCommission => ("health_commission", "Commission santé"),
        /// Conseil local de santé mentale.
        MentalHealthCouncil => ("mental_health_council", "Conseil local de santé mentale (CLSM)"),
        WorkingGroup => ("working_group", "Groupe de travail"),
        /// Any other body: its name says which.
        Other => ("other", "Autre instance"),
    }
}

/// A governance body as the contract describes it: its kind, its own name where the kind is
/// not enough (« Groupe de travail addictions »), its duties and how often it meets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GovernanceBody {
    pub id: Id,
    pub modified_at: Timestamp,
    pub kind: Body,
    /// Its name; empty for a COPIL or a commission santé, which their kind names.
    pub name: String,
    /// « Attributions » or « rôle », one per line.
    pub duties: String,
    /// « Au minimum une fois par an »: in words, as contracts state it.
    pub meeting_frequency: String,
}

impl GovernanceBody {
    pub fn new(id: Id, kind: Body, now: Timestamp) -> Self {
        GovernanceBody {
            id,
            modified_at: now,
            kind,
            name: String::new(),
            duties: String::new(),
            meeting_frequency: String::new(),
        }
    }

    /// Its name, else its kind's label.
    pub fn title(&self) -> &str {
        match self.name.trim() {
            "" => self.kind.label(),
            name => name,
        }
    }
}

/// A person sitting on a governance body, for an organisation of the directory (or none).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub id: Id,
    pub modified_at: Timestamp,
    /// The kind of body; that of `body_id` when it names one.
    pub body: Body,
    /// The body of the contract (in `governance.bodies`) the member sits on, when chosen.
    /// Absent from files written before bodies could be told apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_id: Option<Id>,
    pub name: String,
    pub organisation_id: Option<Id>,
    /// "Présidente", "référent élu santé"...
    pub role: String,
}

/// A meeting of a governance body. The date is ISO (`2025-03-14`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub id: Id,
    pub modified_at: Timestamp,
    /// The kind of body; that of `body_id` when it names one.
    pub body: Body,
    /// The body of the contract (in `governance.bodies`) that met, when chosen. Absent from
    /// files written before bodies could be told apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_id: Option<Id>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = crate::model::iso_date::SCHEMA_PATTERN)))]
    pub date: String,
    pub notes: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Governance {
    /// The bodies, in the order the contract presents them.
    pub bodies: Vec<GovernanceBody>,
    pub members: Vec<Member>,
    pub meetings: Vec<Meeting>,
}

impl Governance {
    /// The choices of « Instance » for a member or a meeting: « Non renseigné », each body of
    /// the contract by its name, else its kind (numbered when two read the same), then each
    /// kind of body the contract does not describe yet, so that one can still be stated.
    /// A body's option is its id, a kind's its key (they never look alike). `shown` is the
    /// option shown now (`body_choice`): a kind the contract describes with several bodies is
    /// listed too while it is the one shown, a member written before bodies were named.
    pub fn body_options(&self, shown: &str) -> Vec<(String, String)> {
        let mut options =
            vec![(Body::NotStated.key().to_string(), Body::NotStated.label().to_string())];
        let titles: Vec<&str> = self.bodies.iter().map(GovernanceBody::title).collect();
        for (index, body) in self.bodies.iter().enumerate() {
            let title = titles[index];
            let same = titles.iter().filter(|t| **t == title).count();
            let label = if same > 1 {
                let rank = titles[..=index].iter().filter(|t| **t == title).count();
                format!("{title} ({rank})")
            } else {
                title.to_string()
            };
            options.push((body.id.to_string(), label));
        }
        let described = |kind: Body| self.bodies.iter().any(|b| b.kind == kind);
        let listed = |kind: Body| !described(kind) || kind.key() == shown;
        for kind in Body::ALL.iter().copied().filter(|k| *k != Body::NotStated && listed(*k)) {
            options.push((kind.key().to_string(), kind.label().to_string()));
        }
        options
    }

    /// The option shown for a member or meeting: its body, else the one body of its kind when
    /// the contract has exactly one (what it meant before bodies were named), else its kind.
    pub fn body_choice(&self, body_id: Option<Id>, kind: Body) -> String {
        if let Some(body) = body_id.and_then(|id| self.bodies.iter().find(|b| b.id == id)) {
            return body.id.to_string();
        }
        let mut of_kind = self.bodies.iter().filter(|b| b.kind == kind);
        match (of_kind.next(), of_kind.next()) {
            (Some(only), None) if kind != Body::NotStated => only.id.to_string(),
            _ => kind.key().to_string(),
        }
    }

    /// What choosing an option of `body_options` records: the body named, with its kind, or
    /// a kind alone.
    pub fn chosen_body(&self, option: &str) -> Option<(Option<Id>, Body)> {
        if let Some(body) = Id::parse(option).and_then(|id| self.bodies.iter().find(|b| b.id == id))
        {
            return Some((Some(body.id), body.kind));
        }
        Body::from_key(option).map(|kind| (None, kind))
    }

    /// Sets the body of a member; returns whether the option was known.
    pub fn set_member_body(&mut self, member: Id, option: &str, now: Timestamp) -> bool {
        let Some((body_id, kind)) = self.chosen_body(option) else { return false };
        let Some(member) = self.members.iter_mut().find(|m| m.id == member) else { return false };
        (member.body_id, member.body, member.modified_at) = (body_id, kind, now);
        true
    }

    /// Sets the body of a meeting; returns whether the option was known.
    pub fn set_meeting_body(&mut self, meeting: Id, option: &str, now: Timestamp) -> bool {
        let Some((body_id, kind)) = self.chosen_body(option) else { return false };
        let Some(meeting) = self.meetings.iter_mut().find(|m| m.id == meeting) else {
            return false;
        };
        (meeting.body_id, meeting.body, meeting.modified_at) = (body_id, kind, now);
        true
    }

    /// Changes the kind of a body, and the kind its members and meetings record with it (what
    /// the planning's COPIL markers and the documents read).
    pub fn set_body_kind(&mut self, id: Id, kind: Body, now: Timestamp) {
        for body in self.bodies.iter_mut().filter(|b| b.id == id) {
            (body.kind, body.modified_at) = (kind, now);
        }
        for member in self.members.iter_mut().filter(|m| m.body_id == Some(id)) {
            (member.body, member.modified_at) = (kind, now);
        }
        for meeting in self.meetings.iter_mut().filter(|m| m.body_id == Some(id)) {
            (meeting.body, meeting.modified_at) = (kind, now);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(n: u128, name: &str) -> GovernanceBody {
        let mut body = GovernanceBody::new(Id::from_u128(n), Body::WorkingGroup, 0);
        body.name = name.into();
        body
    }

    fn member(body: Body) -> Member {
        Member {
            id: Id::from_u128(50),
            modified_at: 0,
            body,
            body_id: None,
            name: "Claire".into(),
            organisation_id: None,
            role: String::new(),
        }
    }

    /// The friction of issue 29: two working groups could not be told apart.
    #[test]
    fn two_working_groups_are_two_choices_by_their_names() {
        let mut governance = Governance {
            bodies: vec![
                GovernanceBody::new(Id::from_u128(1), Body::SteeringCommittee, 0),
                group(2, "Groupe de travail addictions"),
                group(3, "Groupe de travail nutrition"),
                group(4, ""),
                group(5, ""),
            ],
            ..Default::default()
        };
        let labels: Vec<String> =
            governance.body_options("not_stated").into_iter().map(|(_, l)| l).collect();
        assert_eq!(
            labels,
            [
                "Non renseigné",
                "Comité de pilotage (COPIL)",
                "Groupe de travail addictions",
                "Groupe de travail nutrition",
                "Groupe de travail (1)",
                "Groupe de travail (2)",
                "Commission santé",
                "Conseil local de santé mentale (CLSM)",
                "Autre instance",
            ]
        );

        governance.members.push(member(Body::WorkingGroup));
        let nutrition = Id::from_u128(3).to_string();
        assert!(governance.set_member_body(Id::from_u128(50), &nutrition, 7));
        let chosen = &governance.members[0];
        assert_eq!(
            (chosen.body_id, chosen.body, chosen.modified_at),
            (Some(Id::from_u128(3)), Body::WorkingGroup, 7)
        );
        assert_eq!(governance.body_choice(chosen.body_id, chosen.body), nutrition);

        // A kind alone is still a choice; an unknown option changes nothing.
        assert!(governance.set_member_body(Id::from_u128(50), "health_commission", 8));
        assert_eq!(
            (governance.members[0].body_id, governance.members[0].body),
            (None, Body::HealthCommission)
        );
        assert!(!governance.set_member_body(Id::from_u128(50), "inconnu", 9));
    }

    /// A member written before bodies were named shows the one body of its kind, or its kind
    /// when there are several (or none).
    #[test]
    fn a_member_of_a_kind_only_shows_its_body_when_there_is_one() {
        let governance = Governance {
            bodies: vec![
                GovernanceBody::new(Id::from_u128(1), Body::SteeringCommittee, 0),
                group(2, "A"),
                group(3, "B"),
            ],
            ..Default::default()
        };
        assert_eq!(
            governance.body_choice(None, Body::SteeringCommittee),
            Id::from_u128(1).to_string()
        );
        assert_eq!(governance.body_choice(None, Body::WorkingGroup), "working_group");
        let options = governance.body_options("working_group");
        assert!(options.contains(&("working_group".into(), "Groupe de travail".into())));
        assert!(!governance.body_options("not_stated").iter().any(|(k, _)| k == "working_group"));
        assert_eq!(governance.body_choice(None, Body::NotStated), "not_stated");
        // A body since deleted: its kind.
        assert_eq!(
            governance.body_choice(Some(Id::from_u128(9)), Body::WorkingGroup),
            "working_group"
        );
    }

    #[test]
    fn a_body_changing_kind_takes_its_members_and_meetings_along() {
        let mut governance =
            Governance { bodies: vec![group(2, "Santé mentale")], ..Default::default() };
        governance
            .members
            .push(Member { body_id: Some(Id::from_u128(2)), ..member(Body::WorkingGroup) });
        governance.meetings.push(Meeting {
            id: Id::from_u128(60),
            modified_at: 0,
            body: Body::WorkingGroup,
            body_id: Some(Id::from_u128(2)),
            date: "2025-03-14".into(),
            notes: String::new(),
        });
        governance.set_body_kind(Id::from_u128(2), Body::MentalHealthCouncil, 4);
        assert_eq!(governance.bodies[0].kind, Body::MentalHealthCouncil);
        assert_eq!(governance.members[0].body, Body::MentalHealthCouncil);
        assert_eq!(governance.meetings[0].body, Body::MentalHealthCouncil);
    }

    /// Files from before `body_id` read as they did, and a member without one writes none.
    #[test]
    fn files_without_body_ids_still_read_and_write_the_same() {
        let text = r#"{"id":"00000000-0000-0000-0000-000000000032","modified_at":0,"body":"working_group","name":"Claire","organisation_id":null,"role":""}"#;
        let read: Member = serde_json::from_str(text).unwrap();
        assert_eq!(read, member(Body::WorkingGroup));
        assert_eq!(serde_json::to_string(&read).unwrap(), text);
    }
}
