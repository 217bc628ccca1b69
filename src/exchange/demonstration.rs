//! The demonstration contract (« Charger la démonstration »): a made-up CLS, the Pays de
//! Val-Sorel 2024-2028, that shows every feature at once (eight fiches over the eight axes of
//! seed 001, dated actions and milestones, two years of follow-up with every status,
//! indicators with targets and results, budgets planned and spent, COPIL meetings). The
//! example rebuilt from the signed contract has none of that: the signed text holds no
//! actions and no follow-up.
//!
//! It is kept as `examples/cls-demonstration-2024-2028.json` in the exchange format. Unlike
//! the example it is not compiled into the app: that would add its 520 kB of text (28 kB in
//! brotli; the contract and the two frozen copies of its signature and avenant) to every
//! first visit for a button few people press. Trunk copies it beside the app (`index.html`,
//! `exemples/`) and the contracts screen fetches it when the button is pressed. Here: where it
//! is, how its bytes become a contract (the checks of any imported file) and what to tell the
//! user when that fails. The contract says it is fictional (`Contract::fictional`), so every
//! screen shows a banner while it is open. It is signed, with one avenant, made by the app's own
//! functions (`signed`, `cargo run --bin demonstration`).

use super::import::{check_file, ImportProblem};
use crate::model::Contract;

/// Where the file is published, under the folder the app is served from.
pub const PATH: &str = "/exemples/cls-demonstration-2024-2028.json";

/// Why the demonstration could not be loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadFailure {
    /// No answer: offline, or the request was blocked.
    Unreachable,
    /// The site answered with an HTTP error (404 when the file was not deployed).
    Status(u16),
    /// The answer is not a valid Atelier CLS file.
    Refused(Vec<ImportProblem>),
    /// A valid contract, but not one that says it is fictional: not the demonstration.
    NotFictional,
}

impl LoadFailure {
    /// What the user reads, in French: what happened, and that nothing changed.
    pub fn message_fr(&self) -> String {
        let why = match self {
            Self::Unreachable => {
                "le fichier n’a pas pu être téléchargé. Vérifiez votre connexion à internet, \
                 puis réessayez"
                    .to_string()
            }
            Self::Status(404) => {
                "le fichier est introuvable sur ce site (erreur 404). Signalez-le à la personne \
                 qui a installé Atelier CLS"
                    .to_string()
            }
            Self::Status(code) => format!("le site a répondu par une erreur (code {code})"),
            Self::Refused(problems) => match problems.first() {
                Some(problem) => format!("le fichier reçu n’est pas lisible ({})", problem.message),
                None => "le fichier reçu n’est pas lisible".to_string(),
            },
            Self::NotFictional => {
                "le fichier reçu n’est pas le contrat de démonstration".to_string()
            }
        };
        format!("La démonstration n’a pas pu être chargée : {why}. Vos contrats n’ont pas changé.")
    }
}

/// The demonstration contract from the bytes of its file, through the same checks as any
/// imported file (an older format is upgraded). Its ids are those of the file: callers give
/// it fresh ones, as for the example, so that loading it twice gives two distinct contracts.
pub fn demonstration_contract(bytes: &[u8]) -> Result<Contract, LoadFailure> {
    let contract = check_file(bytes).map_err(LoadFailure::Refused)?.envelope.contract;
    if contract.fictional {
        Ok(contract)
    } else {
        Err(LoadFailure::NotFictional)
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub mod signed;

#[cfg(test)]
mod tests;
