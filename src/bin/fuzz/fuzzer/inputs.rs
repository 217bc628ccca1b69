//! One input of the run: which kind, built how, from the corpus. Kinds and their shares:
//!
//! | kind            | share | built from                                                   |
//! |-----------------|------:|--------------------------------------------------------------|
//! | `file-text`     |  21 % | a file's text, 1 to 5 byte edits (`text`)                     |
//! | `file-tree`     |  21 % | a file's tree, 1 to 5 tree mutations (`tree`), sometimes bytes |
//! | `file-schema`   |  12 % | a file generated from the JSON Schema (`schema_gen`)           |
//! | `file-older`    |  10 % | a file written back in an older format (`older`), mutated      |
//! | `file-garbage`  |   3 % | random bytes, random JSON, deep nesting (`text::garbage`)     |
//! | `stored-text`   |   8 % | a stored workspace's text, byte edits                         |
//! | `stored-tree`   |  10 % | a stored workspace's tree, mutated, sometimes an older format |
//! | `snapshots`     |   7 % | a stored snapshot list, mutated as a tree or as text           |
//! | `stored-copy`   |   4 % | a frozen copy stored apart, mutated, read through a workspace  |
//! | `answer`        |   4 % | a lead's answer: CSV, `.xlsx` or `.ods`, edited (`answers`)    |

use super::corpus::{Corpus, Picked, Seeds};
use super::rng::Rng;
use super::schema_gen::Schema;
use super::{older, text, tree};
use atelier_cls::model::SCHEMA_VERSION;
use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    FileText,
    FileTree,
    FileSchema,
    FileOlder,
    FileGarbage,
    StoredText,
    StoredTree,
    Snapshots,
    /// A frozen copy stored apart, mutated, read through a stored workspace naming it.
    StoredCopy,
    /// A lead's answer to the collection, in CSV.
    Answer,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::FileText,
        Kind::FileTree,
        Kind::FileSchema,
        Kind::FileOlder,
        Kind::FileGarbage,
        Kind::StoredText,
        Kind::StoredTree,
        Kind::Snapshots,
        Kind::StoredCopy,
        Kind::Answer,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::FileText => "file-text",
            Kind::FileTree => "file-tree",
            Kind::FileSchema => "file-schema",
            Kind::FileOlder => "file-older",
            Kind::FileGarbage => "file-garbage",
            Kind::StoredText => "stored-text",
            Kind::StoredTree => "stored-tree",
            Kind::Snapshots => "snapshots",
            Kind::StoredCopy => "stored-copy",
            Kind::Answer => "answer",
        }
    }

    /// Out of 100.
    fn share(self) -> usize {
        match self {
            Kind::FileText | Kind::FileTree => 21,
            Kind::StoredCopy | Kind::Answer => 4,
            Kind::FileSchema => 12,
            Kind::FileOlder | Kind::StoredTree => 10,
            Kind::FileGarbage => 3,
            Kind::StoredText => 8,
            Kind::Snapshots => 7,
        }
    }

    fn draw(rng: &mut Rng) -> Kind {
        let mut ticket = rng.below(100);
        for kind in Kind::ALL {
            if ticket < kind.share() {
                return kind;
            }
            ticket -= kind.share();
        }
        Kind::FileText
    }
}

pub struct Input {
    pub kind: Kind,
    pub bytes: Vec<u8>,
    /// For an exchange file: the seed it was built from, whose workspace it is imported into.
    pub seed: Option<Picked>,
}

/// The input of a run's given rank, drawn with that rank's generator.
pub fn generate(corpus: &Corpus, schema: &Schema, rng: &mut Rng) -> Input {
    let kind = Kind::draw(rng);
    let seed = corpus.files.draw(rng);
    let bytes = match kind {
        Kind::FileText => edited_text(&corpus.files, seed, rng),
        Kind::FileTree => edited_tree(&corpus.files, seed, rng, |_, _| {}),
        Kind::FileSchema => {
            let wrongness = *rng.pick(&[0, 0, 20, 60, 200]);
            let mut file = schema.envelope(wrongness, rng);
            if rng.percent(70) && file.is_object() {
                file["schema_version"] = Value::from(SCHEMA_VERSION);
            }
            serialised(&file, rng)
        }
        Kind::FileOlder => edited_tree(&corpus.files, seed, rng, |file, rng| {
            let version = older_version(rng);
            older::contract_as(&mut file["contract"], version);
            file["schema_version"] = Value::from(version);
        }),
        Kind::FileGarbage => text::garbage(rng),
        Kind::StoredText => edited_text(&corpus.workspaces, corpus.workspaces.draw(rng), rng),
        Kind::StoredTree => {
            edited_tree(&corpus.workspaces, corpus.workspaces.draw(rng), rng, |stored, rng| {
                if rng.one_in(2) {
                    let version = older_version(rng);
                    // Frozen copies stored apart: the workspace is one level down.
                    let stored = if stored.get("workspace").is_some() {
                        &mut stored["workspace"]
                    } else {
                        stored
                    };
                    if let Some(Value::Array(contracts)) = stored.get_mut("contracts") {
                        contracts.iter_mut().for_each(|c| older::contract_as(c, version));
                    }
                    stored["schema_version"] = Value::from(version);
                }
            })
        }
        Kind::StoredCopy => {
            let copy = corpus.copies.draw(rng);
            let bytes = if rng.one_in(2) {
                edited_text(&corpus.copies, copy, rng)
            } else {
                edited_tree(&corpus.copies, copy, rng, |_, _| {})
            };
            return Input { kind, bytes, seed: Some(copy) };
        }
        Kind::Answer => return Input { kind, bytes: corpus.answers.generate(rng), seed: None },
        Kind::Snapshots if rng.one_in(2) => {
            edited_text(&corpus.snapshots, corpus.snapshots.draw(rng), rng)
        }
        Kind::Snapshots => {
            edited_tree(&corpus.snapshots, corpus.snapshots.draw(rng), rng, |list, rng| {
                // An older app's snapshot: its workspace in an older format.
                if let Value::Array(snapshots) = list {
                    for snapshot in snapshots.iter_mut() {
                        if rng.one_in(2) {
                            continue;
                        }
                        let version = older_version(rng);
                        let workspace = &mut snapshot["workspace"];
                        if !workspace.is_object() {
                            continue; // Stored compressed: only older snapshots are trees.
                        }
                        if let Some(Value::Array(contracts)) = workspace.get_mut("contracts") {
                            contracts.iter_mut().for_each(|c| older::contract_as(c, version));
                        }
                        workspace["schema_version"] = Value::from(version);
                    }
                }
            })
        }
    };
    Input { kind, bytes, seed: Some(seed) }
}

fn older_version(rng: &mut Rng) -> u32 {
    older::OLDEST + rng.below((SCHEMA_VERSION - older::OLDEST) as usize) as u32
}

fn edited_text(seeds: &Seeds, seed: Picked, rng: &mut Rng) -> Vec<u8> {
    let mut bytes = seeds.get(seed).text.clone().into_bytes();
    let other = seeds.pick(rng).text.as_bytes();
    let edits = 1 + rng.small(4);
    text::mutate(&mut bytes, edits, other, rng);
    bytes
}

/// A seed's tree, first `prepare`d (an older format...), then mutated, then written as text.
fn edited_tree(
    seeds: &Seeds,
    seed: Picked,
    rng: &mut Rng,
    prepare: impl FnOnce(&mut Value, &mut Rng),
) -> Vec<u8> {
    let mut value = seeds.get(seed).tree.clone();
    prepare(&mut value, rng);
    let donor = &seeds.pick(rng).tree;
    let edits = rng.small(5);
    tree::mutate(&mut value, edits, donor, rng);
    let mut bytes = serialised(&value, rng);
    if rng.one_in(8) {
        text::mutate(&mut bytes, 1, &[], rng);
    }
    bytes
}

fn serialised(value: &Value, rng: &mut Rng) -> Vec<u8> {
    if rng.one_in(2) {
        serde_json::to_vec_pretty(value).expect("a tree serialises")
    } else {
        serde_json::to_vec(value).expect("a tree serialises")
    }
}
