//! What the mutations start from: real files and workspaces. The exchange files of the example
//! (Bassin d'Aurillac) and of the demonstration, each of their fiches alone in a file (as « les
//! fiches d'un pilote » exports), generated contracts with their follow-up and a blank one; the
//! stored workspaces and snapshot lists holding them. Small seeds are picked far more often
//! than the two big files, so that a million inputs run in minutes.
//!
//! Stored workspaces are seeded in both layouts (frozen copies inline, as older versions
//! stored them, and apart, as the app stores them now), with a signed contract among them; the
//! frozen copies stored apart are in `STORED_COPIES`, the fuzzer's local storage, and the
//! stored copies themselves are seeds (`copies`) of their own.
//!
//! Each file comes with the workspace it is imported into (`homes`): one holding the same
//! contract with other fiches, with what was shared of it or not, so that a mutated file is
//! merged item by item against a contract of about its size (a merge into the whole example
//! for every input would slow the run tenfold); now and then a file goes to another workspace,
//! where it is added whole.

use super::answers::AnswerSeeds;
use super::rng::Rng;
use atelier_cls::exchange::backup::Backup;
use atelier_cls::exchange::demonstration::demonstration_contract;
use atelier_cls::exchange::envelope::with_only_sheets;
use atelier_cls::exchange::merge::record_export;
use atelier_cls::exchange::Envelope;
use atelier_cls::model::amendment::{create_amendment, frozen};
use atelier_cls::model::example::example_contract;
use atelier_cls::model::follow_up::with_follow_up;
use atelier_cls::model::json::to_tree;
use atelier_cls::model::planning::generated_contract;
use atelier_cls::model::{Contract, Id, Workspace};
use atelier_cls::storage::compressed::{compress, decompress};
use atelier_cls::storage::frozen::FrozenCopies;
use atelier_cls::storage::snapshots::{encode_list, Snapshot};
use atelier_cls::storage::{encode, encode_apart};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The frozen copies the stored seeds name, by key: the fuzzer's local storage.
pub static STORED_COPIES: OnceLock<HashMap<String, String>> = OnceLock::new();

/// Frozen copies read from `STORED_COPIES`, and `extra` (key, stored form) before them.
pub fn stored_copies(extra: Option<(String, String)>) -> FrozenCopies {
    FrozenCopies::new(Box::new(move |key| match &extra {
        Some((k, stored)) if k == key => Some(stored.clone()),
        _ => STORED_COPIES.get()?.get(key).cloned(),
    }))
}

const DEMONSTRATION: &[u8] =
    include_bytes!("../../../../examples/cls-demonstration-2024-2028.json");

/// One starting point: its tree and its text.
pub struct Seed {
    pub tree: Value,
    pub text: String,
}

impl Seed {
    fn of(tree: Value, pretty: bool) -> Self {
        let text = if pretty {
            serde_json::to_string_pretty(&tree).expect("a tree serialises")
        } else {
            tree.to_string()
        };
        Seed { tree, text }
    }
}

/// Seeds of one kind, small ones apart from big ones.
pub struct Seeds {
    pub small: Vec<Seed>,
    pub big: Vec<Seed>,
}

/// Which seed was picked.
#[derive(Clone, Copy)]
pub struct Picked {
    pub big: bool,
    pub index: usize,
}

impl Seeds {
    /// A seed, one of the big ones once in fifty.
    pub fn pick(&self, rng: &mut Rng) -> &Seed {
        self.get(self.draw(rng))
    }

    pub fn draw(&self, rng: &mut Rng) -> Picked {
        let big = !self.big.is_empty() && rng.one_in(50);
        let index = rng.below(if big { self.big.len() } else { self.small.len() });
        Picked { big, index }
    }

    pub fn get(&self, picked: Picked) -> &Seed {
        if picked.big {
            &self.big[picked.index]
        } else {
            &self.small[picked.index]
        }
    }

    fn sizes(&self) -> String {
        let size = |seeds: &[Seed]| seeds.iter().map(|s| s.text.len()).max().unwrap_or(0);
        format!(
            "{} small (≤ {} bytes), {} big (≤ {} bytes)",
            self.small.len(),
            size(&self.small),
            self.big.len(),
            size(&self.big)
        )
    }
}

pub struct Corpus {
    pub files: Seeds,
    /// The workspace each file is imported into, in the order of `files`.
    pub homes: Homes,
    pub workspaces: Seeds,
    pub snapshots: Seeds,
    /// The JSON of stored frozen copies (small seeds only), each with its key and a stored
    /// workspace (frozen copies apart) that names it, in `copy_homes`.
    pub copies: Seeds,
    pub copy_homes: Vec<(String, String)>,
    /// The collection's answers in CSV, and the contract they answer.
    pub answers: AnswerSeeds,
}

/// The workspaces files are imported into, one per file seed.
pub struct Homes {
    pub small: Vec<Workspace>,
    pub big: Vec<Workspace>,
}

impl Homes {
    /// The workspace where a file built from `seed` goes: most often the seed's own, now and
    /// then another one (a file of another contract is then added whole).
    pub fn of(&self, seed: Picked, rng: &mut Rng) -> &Workspace {
        let homes = if seed.big { &self.big } else { &self.small };
        if rng.one_in(10) {
            rng.pick(&self.small)
        } else {
            &homes[seed.index]
        }
    }
}

/// A workspace in storage holding `contracts`, with their items noted as shared or not.
fn stored(contracts: &[&Contract], shared: bool) -> Workspace {
    let mut workspace = Workspace::default();
    for contract in contracts {
        if shared {
            record_export(&mut workspace, contract);
        }
        workspace.add_contract((*contract).clone());
    }
    workspace
}

/// `contract` signed, with `avenants` avenants.
fn signed(contract: &Contract, avenants: u32) -> Contract {
    let mut contract = contract.clone();
    contract.signing.date = Some("2025-03-11".into());
    contract.signing.frozen_copy = Some(frozen(&contract));
    for n in 1..=avenants {
        contract.name = format!("{} (avenant n°{n})", contract.name);
        let id = Id::from_u128(0xa7e0 + u128::from(n));
        create_amendment(&mut contract, id, i64::from(n), Default::default()).expect("signed");
    }
    contract
}

impl Corpus {
    pub fn build() -> Self {
        let example = example_contract();
        let demonstration = demonstration_contract(DEMONSTRATION).expect("the demonstration loads");
        let mut generated = generated_contract(3, 3);
        with_follow_up(&mut generated);
        let blank = Contract::blank(Id::from_u128(0xB1A4C), "CLS vierge", 0);
        let answers = AnswerSeeds::build(&demonstration);

        // A file, and the workspace it is imported into: one holding `here`, shared or not.
        let file = |contract: &Contract, pretty, here: &Contract, shared: bool| {
            let envelope =
                Envelope::new(contract.clone(), "2026-11-23T10:00:00.000Z".into(), "ARS".into());
            let seed = Seed::of(to_tree(&envelope).expect("an envelope serialises"), pretty);
            (seed, stored(&[here], shared))
        };
        let mut small = vec![
            file(&generated, true, &generated, true),
            file(&generated, false, &generated, false),
            file(&blank, true, &generated, true),
            file(&generated_contract(1, 1), true, &generated, true),
        ];
        for contract in [&example, &demonstration] {
            // Fiches alone, without the rest of the contract's big texts (nor the signed
            // demonstration's frozen copies of the whole contract), imported into the contract
            // with that fiche and the next one (merged fiche by fiche, quickly).
            let alone = |ids: &[Id]| {
                let mut alone = with_only_sheets(contract, ids);
                alone.diagnostic = Default::default();
                alone.governance = Default::default();
                alone.signing.frozen_copy = None;
                alone.amendments.clear();
                alone
            };
            for (n, sheet) in contract.sheets.iter().enumerate() {
                let next = contract.sheets[(n + 1) % contract.sheets.len()].id;
                let here = alone(&[sheet.id, next]);
                small.push(file(&alone(&[sheet.id]), true, &here, n % 2 == 0));
            }
        }
        // Backups (every contract of a browser in one file), restored into a browser that
        // holds some of them, the same or changed.
        let backup = |contracts: &[&Contract], here: Workspace| {
            let backup = Backup::of(&stored(contracts, true), "2026-11-23T10:00:00.000Z".into());
            (Seed::of(to_tree(&backup).expect("a backup serialises"), true), here)
        };
        small.push(backup(&[&blank, &generated], stored(&[&generated], true)));
        small.push(backup(&[&generated], stored(&[&blank], false)));
        // A signed contract with its avenants: frozen copies checked like contracts.
        small.push(file(&signed(&generated, 2), false, &generated, true));
        let big = vec![
            backup(&[&example, &generated], stored(&[&generated], true)),
            file(&example, true, &example, true),
            file(&demonstration, true, &demonstration, false),
        ];
        let (small, small_homes) = small.into_iter().unzip();
        let (big, big_homes) = big.into_iter().unzip();
        let files = Seeds { small, big };
        let homes = Homes { small: small_homes, big: big_homes };

        let signed_small = signed(&generated, 2);
        let small_workspaces = [
            stored(&[], false),
            stored(&[&blank], false),
            stored(&[&generated], true),
            stored(&[&blank, &generated], true),
            stored(&[&signed_small], true),
        ];
        let big_workspaces = [
            stored(&[&example], true),
            stored(&[&example, &demonstration, &generated], true),
            stored(&[&signed(&example, 3)], true),
        ];
        let copies = &mut FrozenCopies::in_memory();
        copies.set_deflate(compress);
        // Each workspace as older versions stored it (copies inline) and as stored now.
        let mut as_seeds = |workspaces: &[Workspace]| {
            let texts = workspaces.iter().flat_map(|w| [encode(w), encode_apart(w, copies)]);
            let as_seed =
                |text: String| Seed { tree: serde_json::from_str(&text).expect("JSON"), text };
            texts.map(as_seed).collect::<Vec<_>>()
        };
        let workspaces =
            Seeds { small: as_seeds(&small_workspaces), big: as_seeds(&big_workspaces) };

        let mut list = |workspaces: &[Workspace]| {
            let list: Vec<Snapshot> = workspaces
                .iter()
                .enumerate()
                .map(|(n, w)| {
                    let label = format!("Avant l’import n° {n}");
                    let mut snapshot = Snapshot::of(w, label, "2026-11-23", copies);
                    if n % 2 == 1 {
                        // As older versions kept it: the whole workspace as a tree.
                        snapshot.workspace = serde_json::from_str(&encode(w)).expect("JSON");
                        snapshot.frozen.clear();
                    }
                    snapshot
                })
                .collect();
            let text = encode_list(&list);
            Seed { tree: serde_json::from_str(&text).expect("snapshot JSON"), text }
        };
        let snapshots = Seeds {
            small: vec![list(&[]), list(&small_workspaces[1..3]), list(&small_workspaces)],
            big: vec![list(&big_workspaces[..1])],
        };
        let home = encode_apart(&small_workspaces[4], copies);
        let stored_copies: HashMap<String, String> = copies.take_unwritten().into_iter().collect();
        let (copies, copy_homes) = atelier_cls::storage::frozen::keys_named(&home)
            .into_iter()
            .map(|key| {
                let text = decompress(&stored_copies[&key]).expect("a stored copy inflates");
                let seed = Seed { tree: serde_json::from_str(&text).expect("JSON"), text };
                (seed, (key, home.clone()))
            })
            .unzip();
        let _ = STORED_COPIES.set(stored_copies);
        let copies = Seeds { small: copies, big: Vec::new() };
        Corpus { files, homes, workspaces, snapshots, copies, copy_homes, answers }
    }

    /// What the seeds are, for the report.
    pub fn describe(&self) -> String {
        format!(
            "files: {}; workspaces: {}; snapshot lists: {}; collection answers: {}",
            self.files.sizes(),
            self.workspaces.sizes(),
            self.snapshots.sizes(),
            self.answers.files.len()
        )
    }
}
