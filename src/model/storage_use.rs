//! What Échanges says about the browser's storage: whether it is persistent, how much is used
//! out of what is available (« 1,2 Mo sur 300 Go »), and what that means for the contracts, in
//! French. The browser's answers are read in `ui::platform::persistence`; the words are chosen here.

/// The browser's answer to `navigator.storage.persisted()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// The browser will not erase the site's data on its own.
    Granted,
    /// Best effort: the browser may erase it under storage pressure or after a long absence.
    NotGranted,
    /// The browser has no Storage API (older browsers, a page not served over HTTPS).
    Unknown,
}

impl Persistence {
    /// « Stockage persistant : … ».
    pub fn label(self) -> &'static str {
        match self {
            Persistence::Granted => "oui",
            Persistence::NotGranted => "non",
            Persistence::Unknown => "inconnu (ce navigateur ne le dit pas)",
        }
    }

    /// What it means, in one sentence; never an error: refusing is the browser's right.
    pub fn meaning(self) -> &'static str {
        match self {
            Persistence::Granted => {
                "Le navigateur garde vos contrats : il ne les effacera pas de lui-même, seule \
                 une suppression des données du site par vous les efface."
            }
            Persistence::NotGranted => {
                "Le navigateur n’a pas accordé le stockage persistant (il en décide seul, souvent \
                 selon vos visites ; ce n’est pas une erreur) : il pourrait effacer vos contrats \
                 s’il manque de place, alors gardez une sauvegarde hors du navigateur."
            }
            Persistence::Unknown => {
                "Ce navigateur ne permet pas de savoir si vos contrats sont protégés de \
                 l’effacement (ce n’est pas une erreur) : gardez une sauvegarde hors du \
                 navigateur."
            }
        }
    }
}

/// « 1,2 Mo sur 300 Go », or « 1,2 Mo » when the browser does not say what is available.
pub fn usage_text(used: u64, available: Option<u64>) -> String {
    match available {
        Some(quota) => format!("{} sur {}", french_size(used), french_size(quota)),
        None => french_size(used),
    }
}

/// What local storage holds at most for one site, in the UTF-16 code units browsers count
/// (keys and values): 5 Mi in Firefox, 10 MiB of UTF-16 text in Chromium. Every contract, its
/// frozen copies and the snapshots share it; the browser's estimate (`usage_text`) does not
/// count it.
pub const LOCAL_STORAGE_LIMIT: usize = 5 * 1024 * 1024;

/// Kept free for the small keys a save also writes (notes between tabs, versions, the
/// planning's preferences), so that an operation that just fits leaves room to keep working.
pub const SPARE_UNITS: usize = 64 * 1024;

/// « 3,1 Mo sur environ 5 Mo »: local storage's own use against its own limit (a code unit
/// counted as a byte, as browsers state the limit).
pub fn local_storage_text(used_units: usize) -> String {
    format!(
        "{} sur environ {}",
        french_size(used_units as u64),
        french_size(LOCAL_STORAGE_LIMIT as u64)
    )
}

/// An operation that does not fit in local storage: what it needs, and what is left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortfall {
    pub needed: usize,
    pub left: usize,
}

impl Shortfall {
    /// Why it is refused, and what to do, once nothing has changed.
    pub fn message_fr(self, what: &str) -> String {
        format!(
            "{what} ne peut pas être enregistré dans ce navigateur : il faut {} et il reste {} \
             dans le stockage local (environ {} en tout). Rien n’a été modifié. Pour faire de \
             la place, exportez puis supprimez un contrat dont vous n’avez plus besoin ici.",
            french_size(self.needed as u64),
            french_size(self.left as u64),
            french_size(LOCAL_STORAGE_LIMIT as u64)
        )
    }
}

/// Whether writing `written` units in place of `replaced` (what the operation rewrites) fits
/// beside what is `used` now, leaving `SPARE_UNITS` free.
pub fn check_room(used: usize, replaced: usize, written: usize) -> Result<(), Shortfall> {
    let left = LOCAL_STORAGE_LIMIT
        .saturating_sub(SPARE_UNITS)
        .saturating_sub(used.saturating_sub(replaced));
    if written <= left {
        Ok(())
    } else {
        Err(Shortfall { needed: written, left })
    }
}

/// How many things a workspace holds (contracts, fiches, actions, indicators, reviews,
/// avenants, partners…): a cheap sign of a removal. After a save refused for want of room,
/// autosave waits for this to fall (or for room to be made) rather than re-encoding the
/// whole workspace at every typing pause for a write that would fail again.
pub fn weight(workspace: &crate::model::Workspace) -> usize {
    let contract = |c: &crate::model::Contract| {
        let sheets: usize = c
            .sheets
            .iter()
            .map(|s| 1 + s.actions.len() + s.indicators.len() + s.reviews.len() + s.funding.len())
            .sum();
        1 + sheets
            + c.indicators.len()
            + c.amendments.len()
            + c.organisations.len()
            + c.axes.len()
            + c.diagnostic.len()
    };
    workspace.contracts.iter().map(contract).sum::<usize>() + workspace.shared_versions.len()
}

const UNITS: [&str; 5] = ["octets", "Ko", "Mo", "Go", "To"];

/// A size the French way, in units of 1,024 (as the import's size limit): « 0 octet »,
/// « 512 octets », « 1,2 Mo », « 12 Mo », « 300 Go ». One decimal below 10, none above;
/// the figure is always below 1 000, so no thousands separator is ever needed.
pub fn french_size(bytes: u64) -> String {
    if bytes < 2 {
        return format!("{bytes} octet");
    }
    if bytes < 1000 {
        return format!("{bytes} octets");
    }
    // In 64 bits (no 128-bit division in the wasm): tenths of bytes overflow only past 1.8 EB,
    // where the figure saturates, as no browser offers that much.
    let mut unit = 1;
    loop {
        let divisor = 1024u64.pow(unit as u32);
        let tenths = bytes.saturating_mul(10).saturating_add(divisor / 2) / divisor;
        if tenths < 9995 || unit == UNITS.len() - 1 {
            let name = UNITS[unit];
            return if tenths >= 100 {
                // Rounded once from the bytes: rounding the rounded tenths again made 10.45 To
                // read « 11 To ».
                format!("{} {name}", bytes.saturating_add(divisor / 2) / divisor)
            } else if tenths.is_multiple_of(10) {
                format!("{} {name}", tenths / 10)
            } else {
                format!("{},{} {name}", tenths / 10, tenths % 10)
            };
        }
        unit += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn local_storage_is_measured_against_its_own_limit() {
        assert_eq!(local_storage_text(3_250_586), "3,1 Mo sur environ 5 Mo");
    }

    #[test]
    fn an_operation_fits_when_what_it_writes_fits_beside_what_it_keeps() {
        let limit = LOCAL_STORAGE_LIMIT - SPARE_UNITS;
        assert_eq!(check_room(0, 0, limit), Ok(()));
        assert_eq!(check_room(0, 0, limit + 1), Err(Shortfall { needed: limit + 1, left: limit }));
        // Rewriting a 3 Mi workspace as 4 Mi beside 1 Mi of snapshots fits; as 4.5 Mi not.
        let mi = 1024 * 1024;
        assert_eq!(check_room(4 * mi, 3 * mi, 4 * mi - SPARE_UNITS), Ok(()));
        assert!(check_room(4 * mi, 3 * mi, 4 * mi + mi / 2).is_err());
        let message = Shortfall { needed: 6 * mi, left: mi }.message_fr("Ce contrat");
        assert!(
            message.starts_with(
                "Ce contrat ne peut pas être enregistré dans ce navigateur : il faut 6 Mo et il \
                 reste 1 Mo dans le stockage local (environ 5 Mo en tout). Rien n’a été modifié. \
                 Pour faire de la place,"
            ),
            "{message}"
        );
    }

    #[test]
    fn sizes_read_the_french_way() {
        let cases = [
            (0, "0 octet"),
            (1, "1 octet"),
            (512, "512 octets"),
            (999, "999 octets"),
            (1000, "1 Ko"),
            (1_258_291, "1,2 Mo"),
            (12 * 1024 * 1024, "12 Mo"),
            (300 * 1024 * 1024 * 1024, "300 Go"),
            (1023 * 1024, "1 Mo"),
            (5 * 1024u64.pow(5), "5120 To"),
            (11_489_896_510_260, "10 To"),
            (10_449 * 1024u64.pow(4) / 1000, "10 To"),
            (999_449 * 1024 / 1000, "999 Ko"),
        ];
        for (bytes, text) in cases {
            assert_eq!(french_size(bytes), text, "{bytes}");
        }
        assert_eq!(usage_text(1_258_291, Some(300 * 1024u64.pow(3))), "1,2 Mo sur 300 Go");
        assert_eq!(usage_text(2048, None), "2 Ko");
        assert!(french_size(u64::MAX).ends_with(" To"), "the largest size saturates, never panics");
    }

    #[test]
    fn every_answer_has_a_label_and_a_sentence() {
        for p in [Persistence::Granted, Persistence::NotGranted, Persistence::Unknown] {
            assert!(!p.label().is_empty());
            assert!(p.meaning().ends_with('.') && !p.meaning().contains("rreur :"));
        }
    }

    /// Reads back « 1,2 Mo » as a number of bytes.
    fn read_back(text: &str) -> f64 {
        let (figure, unit) = text.split_once(' ').unwrap();
        let power = UNITS.iter().position(|u| *u == unit).unwrap_or(0);
        figure.replace(',', ".").parse::<f64>().unwrap() * 1024f64.powi(power as i32)
    }

    proptest! {
        /// The text is the size within 5 % (rounding to a tenth or a unit), its figure has at
        /// most three digits before the comma up to terabytes.
        #[test]
        fn a_size_reads_back_close_to_itself(bytes in 1000u64..(1u64 << 49)) {
            let text = french_size(bytes);
            let read = read_back(&text);
            let error = (read - bytes as f64).abs() / bytes as f64;
            prop_assert!(error <= 0.05, "{} → {} ({})", bytes, text, error);
            let figure = text.split([' ', ',']).next().unwrap();
            prop_assert!(figure.len() <= 3, "{}", text);
        }
    }

    #[test]
    fn removing_a_fiche_or_a_contract_makes_the_workspace_lighter() {
        let mut workspace = crate::model::Workspace::default();
        workspace.add_contract(crate::model::planning::generated_contract(3, 2));
        workspace.add_contract(crate::model::planning::generated_contract(2, 2));
        let full = weight(&workspace);
        workspace.contracts[0].sheets[0].actions.pop();
        let one_action_less = weight(&workspace);
        assert!(one_action_less < full);
        workspace.contracts[0].sheets.pop();
        assert!(weight(&workspace) < one_action_less);
        let before = weight(&workspace);
        workspace.contracts.pop();
        assert!(weight(&workspace) < before);
        let untyped = weight(&workspace);
        workspace.contracts[0].name.push_str(" (texte ajouté)");
        assert_eq!(weight(&workspace), untyped, "typing removes nothing");
    }
}
