//! How the demonstration file is signed, with one avenant, so that « Signature et avenants »,
//! the planning's « Comparer à la version signée », the documents and every « modifiée depuis
//! la signature » have something to show. Its frozen copies are made here by the app's own
//! functions (`sign`, `create_amendment`), never written by hand: `cargo run --bin
//! demonstration` rewrites `examples/cls-demonstration-2024-2028.json` from itself, and a test
//! fails when the file is not what this makes.
//!
//! The story told, as a coordinator would have lived it in the tool:
//! - the contract is signed at Sorel-sur-Lende on 15 February 2024, before any follow-up or
//!   meeting: the signed copy holds no review, indicator result or meeting (see
//!   `without_follow_up` for the amounts spent), and has the calendar and budget of that day;
//! - the follow-up of 2024 and 2025 is typed, the governance meets;
//! - at the COPIL of 4 December 2025, the feasibility study of the Brésignac health centre has
//!   slipped: its support is extended by six months (to December 2026) and the Communauté de
//!   communes puts 5,000 € more in 2026; avenant n°1 records it and freezes the contract as it
//!   then stands, which is the contract of the file.
//!
//! Native only: the app never signs the demonstration, it loads it already signed.

use crate::exchange::Envelope;
use crate::model::amendment::{create_amendment, sign, AmendmentFields};
use crate::model::{Contract, Id, YearMonth};
use crate::versions::since_signed::{pending_changes, summary};

/// Where the file sits in the repository, and how to write it again.
pub const FILE: &str = "examples/cls-demonstration-2024-2028.json";
pub const REGENERATE: &str = "cargo run --bin demonstration";

/// The avenant's id, in the demonstration's own range of ids.
const AMENDMENT_ID: u128 = 0xde000000_0000_4000_8016_000000000001;
/// The action whose calendar the avenant extends, and the funding line it raises.
const ACTION_ID: u128 = 0xde000000_0000_4000_8009_000000000003;
const FUNDING_ID: u128 = 0xde000000_0000_4000_8010_000000000008;
/// The COPIL that adopted it (4 December 2025).
const MEETING_ID: u128 = 0xde000000_0000_4000_8003_000000000008;

/// What the avenant changed: the action's end and the line's planned amount, as signed and
/// as the contract now stands.
const END_AS_SIGNED: YearMonth = YearMonth { year: 2026, month: 6 };
const END_NOW: YearMonth = YearMonth { year: 2026, month: 12 };
const PLANNED_AS_SIGNED: u64 = 5_000;
const PLANNED_NOW: u64 = 10_000;

const OBJECT: &str = "Prolongation de l’accompagnement du projet de maison de santé \
    pluriprofessionnelle de Brésignac jusqu’en décembre 2026";
const CHANGES: &str = "L’étude de faisabilité de la maison de santé pluriprofessionnelle de \
    Brésignac a pris du retard : le cabinet retenu a rendu son diagnostic en septembre 2025 au \
    lieu de mars, et la concertation des professionnels reprend en 2026.\n\
    Fiche action n°1 — Attirer et accueillir les professionnels de santé : l’action « Accompagner \
    le projet de maison de santé pluriprofessionnelle de Brésignac » se termine en décembre 2026 \
    au lieu de juin 2026 (prolongée de 6 mois).\n\
    La participation de la Communauté de communes des Hautes-Terres à cette fiche pour 2026 \
    (investissement) passe de 5 000 € à 10 000 €, pour financer la seconde phase de l’étude.";

/// The demonstration as the file keeps it: `contract` (its signature and avenants set aside)
/// signed as it stood on the day of signature, then avenant n°1 created on it as it stands.
/// What `contract` holds of the avenant's two changes is set to their value after it.
pub fn signed(contract: &Contract) -> Contract {
    let mut now = contract.clone();
    now.signing.frozen_copy = None;
    now.amendments.clear();
    set_changes(&mut now, END_NOW, PLANNED_NOW);
    let stamp = now.modified_at;

    let mut at_signature = without_follow_up(&now);
    set_changes(&mut at_signature, END_AS_SIGNED, PLANNED_AS_SIGNED);
    let (date, place) = (at_signature.signing.date.clone(), at_signature.signing.place.clone());
    sign(&mut at_signature, date.as_deref().unwrap_or_default(), &place, stamp)
        .expect("the demonstration has everything a signature needs");
    now.signing = at_signature.signing;

    let pending = pending_changes(&now);
    assert_eq!(pending.len(), 1, "the avenant changes one fiche: {}", summary(&pending));
    let fields = AmendmentFields {
        date: Some("2025-12-04".into()),
        meeting_id: Some(Id::from_u128(MEETING_ID)),
        adopted_by: String::new(),
        object: OBJECT.into(),
        changes: CHANGES.into(),
    };
    create_amendment(&mut now, Id::from_u128(AMENDMENT_ID), stamp, fields)
        .expect("signed just above");
    now.modified_at = stamp;
    now
}

/// The file's text with its contract signed by [`signed`]; the envelope is kept.
pub fn signed_file(text: &str) -> String {
    let mut envelope: Envelope =
        crate::model::json::from_text(text).expect("the demonstration file reads");
    envelope.contract = signed(&envelope.contract);
    format!("{}\n", envelope.to_pretty_json())
}

/// Sets the action's end and the funding line's planned amount.
fn set_changes(contract: &mut Contract, end: YearMonth, planned: u64) {
    let (action_id, funding_id) = (Id::from_u128(ACTION_ID), Id::from_u128(FUNDING_ID));
    let sheet = contract.sheets.iter_mut().find(|s| s.actions.iter().any(|a| a.id == action_id));
    let sheet = sheet.expect("the demonstration has the Brésignac action");
    let action = sheet.actions.iter_mut().find(|a| a.id == action_id).expect("found above");
    action.end = Some(end);
    let line = sheet.funding.iter_mut().find(|l| l.id == funding_id);
    line.expect("the fiche has the Communauté de communes' line for 2026").planned_euros =
        Some(planned);
}

/// The contract before anything was followed: no review, no indicator result, no meeting held
/// (the yearly targets and planned amounts were set at signature). The amounts spent stay as
/// they are: no avenant comparison reads them (`versions::amendable`), so the signed version
/// and the avenant's show the same spending.
fn without_follow_up(contract: &Contract) -> Contract {
    let mut copy = contract.clone();
    for sheet in &mut copy.sheets {
        sheet.reviews.clear();
        sheet.actions.iter_mut().for_each(|a| a.reviews.clear());
    }
    let indicators = copy.sheets.iter_mut().flat_map(|s| &mut s.indicators);
    for indicator in indicators.chain(&mut copy.indicators) {
        for value in &mut indicator.values {
            value.result.clear();
            value.result_comment.clear();
        }
        indicator.values.retain(|v| !v.is_blank());
    }
    copy.governance.meetings.clear();
    copy
}
