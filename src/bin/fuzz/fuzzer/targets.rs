//! What each input goes through, as the app does it, and the promises checked on the way:
//!
//! - an exchange file: `check_file`, then, when accepted, one time in four what the screens
//!   compute from it (`screens`), and one time in three the merge preview against the contract
//!   of the same id (`plan_import`) and the merge with a choice per item (random among those
//!   offered), or the contract added when it is new; a refused file must leave the workspace
//!   exactly as it was, and every refusal has between 1 and `MAX_PROBLEMS` problems, each with
//!   a place and a message; an accepted file exported again reads back the same, and the
//!   workspace after the merge is saved and read back the same;
//! - a backup file (every contract of a browser): `check_any`, then, when accepted, `restore`
//!   into a copy of the workspace, which must then hold every contract of the file;
//! - stored data: `storage::decode_with` (older formats migrated, frozen copies inline or
//!   stored apart); what it reads is saved and read back the same in both layouts, its open
//!   contract goes through the screens now and then, and a refusal has a message;
//! - a frozen copy stored apart, mutated: read through the stored workspace that names it;
//! - a stored list of snapshots: `decode_list`, then `restore` of each snapshot;
//! - a lead's answer to the collection in CSV, `.xlsx` or `.ods`: `read_workbook` (found by its
//!   content; a zip checked before calamine reads it), `read_answers` against the
//!   demonstration, the preview, and the answer applied with every conflict taken; a refusal
//!   has its problems, every problem names the file (and a cell names its sheet), the same
//!   answer previewed again changes nothing, and, one time in eight, the contract applied to
//!   exports as a file the import accepts.
//!
//! A broken promise is an `Err` with what went wrong; a panic is caught by the caller.

use super::corpus::stored_copies;
use super::rng::Rng;
use atelier_cls::exchange::backup::{restore, Backup};
use atelier_cls::exchange::import::{
    check_any, check_file, CheckedFile, ImportProblem, MAX_PROBLEMS,
};
use atelier_cls::exchange::merge::{
    add_received_contract, plan_import, Choice, FieldMerge, MergeRequest,
};
use atelier_cls::exchange::Envelope;
use atelier_cls::model::{Contract, Id, Workspace};
use atelier_cls::storage::compressed::compress;
use atelier_cls::storage::frozen::FrozenCopies;
use atelier_cls::storage::snapshots::decode_list;
use atelier_cls::storage::{decode, decode_with, encode, encode_apart, Loaded};
use std::collections::HashMap;

/// Whether the code under test took the input or turned it down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Accepted,
    Refused,
}

/// An exchange file imported into a copy of `home`.
pub fn import(home: &Workspace, bytes: &[u8], rng: &mut Rng) -> Result<Verdict, String> {
    let mut workspace = home.clone();
    match import_into(&mut workspace, bytes, rng) {
        Err(problems) => {
            check_problems(&problems)?;
            if workspace != *home {
                return Err("a refused file changed the workspace".into());
            }
            Ok(Verdict::Refused)
        }
        Ok(Arrived::Backup(backup)) => {
            restored_whole(&workspace, &backup)?;
            if rng.one_in(16) {
                round_trip(&workspace).map_err(|e| format!("after the restore: {e}"))?;
            }
            Ok(Verdict::Accepted)
        }
        Ok(Arrived::Contract(envelope)) => {
            if rng.one_in(8) {
                let again = check_file(envelope.to_pretty_json().as_bytes());
                if again.as_ref().map(|c| &c.envelope) != Ok(&*envelope) {
                    return Err(format!("an accepted file exported again reads as {again:?}"));
                }
            }
            if rng.one_in(16) {
                round_trip(&workspace).map_err(|e| format!("after the merge: {e}"))?;
            }
            Ok(Verdict::Accepted)
        }
    }
}

/// What an accepted file brought.
enum Arrived {
    Contract(Box<Envelope>),
    Backup(Backup),
}

/// After a restore, every contract of the backup is in the workspace: as it was, or as a copy
/// beside a different one (then under another id, so only the count can be checked).
fn restored_whole(workspace: &Workspace, backup: &Backup) -> Result<(), String> {
    let missing = backup.contracts.iter().filter(|c| workspace.contract(c.id).is_none()).count();
    if missing > 0 {
        return Err(format!("a restore left {missing} contracts of the backup out"));
    }
    Ok(())
}

/// What the Échanges screen does with a file: check it, then merge it into the contract of
/// the same id or add it (a backup: restore it). Every choice is made at random among those
/// the preview offers.
fn import_into(
    workspace: &mut Workspace,
    bytes: &[u8],
    rng: &mut Rng,
) -> Result<Arrived, Vec<ImportProblem>> {
    let checked = match check_any(bytes)? {
        CheckedFile::Contract(checked) => *checked,
        CheckedFile::Backup(checked) => {
            let mut next = 1u128 << 100;
            let fresh = move || {
                next += 1;
                Id::from_u128(next)
            };
            restore(workspace, &checked.backup, fresh, 1_000);
            return Ok(Arrived::Backup(checked.backup));
        }
    };
    if rng.one_in(4) {
        super::screens::open(&checked.envelope.contract, rng);
    }
    // A merge costs more than the checks; one accepted file in three is enough to find what
    // a merge does with odd contracts, and keeps the run at a million inputs in minutes.
    if !rng.one_in(3) {
        return Ok(Arrived::Contract(Box::new(checked.envelope)));
    }
    let theirs = checked.envelope.contract.clone();
    match plan_import(workspace, &theirs) {
        None => add_received_contract(workspace, theirs),
        Some(plan) => {
            let all_suggested = rng.one_in(3);
            let mut decisions: HashMap<Id, Choice> = plan
                .proposals
                .iter()
                .filter(|p| !all_suggested || p.suggested.is_none())
                .filter(|p| !p.choices().is_empty())
                .map(|p| (p.id, *rng.pick(p.choices())))
                .collect();
            // A field changed on both sides has its own choice, always asked.
            for field in plan.proposals.iter().flat_map(|p| &p.fields) {
                decisions.insert(field.id, *rng.pick(&FieldMerge::CHOICES));
            }
            let mut next = 1u128 << 100;
            let fresh = move || {
                next += 1;
                Id::from_u128(next)
            };
            let origin = checked.envelope.exported_by.as_str();
            let request = MergeRequest {
                theirs: &theirs,
                plan: &plan,
                decisions: &decisions,
                origin,
                fresh,
                now: 1_000,
            };
            request.into_workspace(workspace);
        }
    }
    Ok(Arrived::Contract(Box::new(checked.envelope)))
}

fn check_problems(problems: &[ImportProblem]) -> Result<(), String> {
    if problems.is_empty() || problems.len() > MAX_PROBLEMS {
        return Err(format!("a refusal with {} problems", problems.len()));
    }
    match problems.iter().find(|p| p.location.is_empty() || p.message.is_empty()) {
        Some(problem) => Err(format!("a problem without place or message: {problem:?}")),
        None => Ok(()),
    }
}

/// Stored data read as the app reads it at start.
pub fn storage(bytes: &[u8], rng: &mut Rng) -> Result<Verdict, String> {
    // Local storage holds strings: what it gives back is always valid UTF-8.
    let raw = String::from_utf8_lossy(bytes);
    stored_workspace(&raw, &mut stored_copies(None), rng)
}

/// A frozen copy stored apart (its JSON mutated), read through the stored workspace naming it.
pub fn stored_copy(bytes: &[u8], key: &str, home: &str, rng: &mut Rng) -> Result<Verdict, String> {
    let text = String::from_utf8_lossy(bytes);
    let copies = &mut stored_copies(Some((key.to_string(), compress(&text))));
    stored_workspace(home, copies, rng)
}

fn stored_workspace(
    raw: &str,
    copies: &mut FrozenCopies,
    rng: &mut Rng,
) -> Result<Verdict, String> {
    match decode_with(Some(raw), copies) {
        Ok(Loaded::Fresh) => Err("stored data read as nothing stored".into()),
        Ok(
            Loaded::Current(workspace)
            | Loaded::Migrated { workspace, .. }
            | Loaded::Repaired { workspace, .. },
        ) => {
            if rng.one_in(8) {
                round_trip(&workspace)?;
            }
            if let Some(contract) = workspace.active().filter(|_| rng.one_in(4)) {
                super::screens::open(contract, rng);
            }
            Ok(Verdict::Accepted)
        }
        Err(error) if error.message_fr().is_empty() => Err("a refusal without message".into()),
        Err(_) => Ok(Verdict::Refused),
    }
}

/// A workspace saved then read back is the same.
fn round_trip(workspace: &Workspace) -> Result<(), String> {
    match decode(Some(&encode(workspace))) {
        Ok(Loaded::Current(back)) if back == *workspace => {}
        Ok(_) => return Err("a workspace saved then read back differs".into()),
        Err(error) => return Err(format!("a workspace saved cannot be read back: {error:?}")),
    }
    // Frozen copies apart: written by one page, read by another over the same storage. Half the
    // writers (by the first contract's id) deflate them, as a page does once a part loaded on
    // demand gave it the code; the others store their JSON, as a page does before.
    let writer = &mut FrozenCopies::in_memory();
    if workspace.contracts.first().is_some_and(|c| c.id.to_string().as_bytes()[0] % 2 == 0) {
        writer.set_deflate(compress);
    }
    let text = encode_apart(workspace, writer);
    let stored: HashMap<String, String> = writer.take_unwritten().into_iter().collect();
    let reader = &mut FrozenCopies::new(Box::new(move |key| stored.get(key).cloned()));
    match decode_with(Some(&text), reader) {
        Ok(Loaded::Current(back)) if back == *workspace => Ok(()),
        Ok(_) => Err("a workspace saved with its copies apart then read back differs".into()),
        Err(error) => {
            Err(format!("a workspace saved with its copies apart cannot be read back: {error:?}"))
        }
    }
}

/// The stored list of snapshots read, then each snapshot restored.
pub fn snapshots(bytes: &[u8]) -> Result<Verdict, String> {
    let raw = String::from_utf8_lossy(bytes);
    let Some(list) = decode_list(Some(&raw)) else { return Ok(Verdict::Refused) };
    let restored = list.iter().filter(|s| s.restore(&mut stored_copies(None)).is_ok()).count();
    Ok(if restored == list.len() { Verdict::Accepted } else { Verdict::Refused })
}

/// A lead's answer (CSV, `.xlsx`, `.ods`), read against `contract` and applied to a copy (see
/// the module's doc).
pub fn answer(contract: &Contract, bytes: &[u8], rng: &mut Rng) -> Result<Verdict, String> {
    use atelier_cls::exchange::collection::{
        apply_answer, preview_answer, read_answers, read_workbook,
    };
    const FILE: &str = "reponse.xlsx";
    let named = |p: &atelier_cls::exchange::collection::Problem| {
        p.to_string().starts_with(FILE)
            && !p.message.trim().is_empty()
            && (p.cell.is_none() || p.sheet.is_some())
    };
    let book = match read_workbook(FILE, bytes) {
        Ok(book) => book,
        Err(problem) if named(&problem) => return Ok(Verdict::Refused),
        Err(problem) => return Err(format!("a refusal that does not say where: {problem:?}")),
    };
    let answers = match read_answers(&book, contract, super::answers::YEAR) {
        Ok(answers) => answers,
        Err(problems) if !problems.is_empty() && problems.iter().all(named) => {
            return Ok(Verdict::Refused)
        }
        Err(problems) => return Err(format!("a refusal without its problems: {problems:?}")),
    };
    if let Some(p) = answers.problems.iter().chain(&answers.unmatched).find(|p| !named(p)) {
        return Err(format!("a problem that does not say where: {p:?}"));
    }
    let preview = preview_answer(contract, &answers);
    let decisions: HashMap<Id, Choice> =
        preview.changes.iter().map(|c| (c.id, Choice::TakeTheirs)).collect();
    let mut applied = contract.clone();
    let lead = answers.lead.unwrap_or(Id::from_u128(1));
    apply_answer(&mut applied, &preview, lead, &decisions, "2026-02-03", 1);
    let again = preview_answer(&applied, &answers);
    if !again.is_empty() {
        return Err(format!("an applied answer still changes {:?}", again.changes));
    }
    if !rng.one_in(8) {
        return Ok(Verdict::Accepted);
    }
    let envelope = Envelope::new(applied, "2026-11-23T10:00:00.000Z".into(), "ARS".into());
    if let Err(problems) = check_file(envelope.to_pretty_json().as_bytes()) {
        return Err(format!("the contract an answer was applied to is refused: {problems:?}"));
    }
    Ok(Verdict::Accepted)
}
