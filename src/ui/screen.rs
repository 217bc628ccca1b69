//! The screens of the app and where they live. Pure (no browser types) so that the mapping
//! between screens, URLs and the folders of `dist/` is tested natively.
//!
//! Each screen but the contract list has a folder of its own in `dist/` (listed in
//! `screens.txt`, which the build's post-build hook reads): reloading `/planning/` or opening a
//! link to it then works on any static host.

/// A screen of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Contracts,
    Contract,
    Sheets,
    Sheet,
    Planning,
    FollowUp,
    Exchanges,
    /// « Rapport annuel »: the COPIL's report of a year (from « Suivi »).
    Report,
    /// « Bilan du contrat »: the evaluation over the period (from « Suivi »).
    Evaluation,
    /// The contract to sign, or one fiche alone (from « Contrat » and the fiche).
    ContractDocument,
    /// « Signature et avenants »: signing the contract, what changed since, the avenants.
    Signature,
}

impl Screen {
    pub const ALL: [Screen; 11] = [
        Self::Contracts,
        Self::Contract,
        Self::Sheets,
        Self::Sheet,
        Self::Planning,
        Self::FollowUp,
        Self::Exchanges,
        Self::Report,
        Self::Evaluation,
        Self::ContractDocument,
        Self::Signature,
    ];

    /// The areas of the main navigation, in order.
    /// « Signature et avenants » comes between the planning and « Suivi », the order a contract
    /// lives in: written, planned, signed (then amended), followed up.
    pub const NAVIGATION: [Screen; 6] = [
        Self::Contract,
        Self::Sheets,
        Self::Planning,
        Self::Signature,
        Self::FollowUp,
        Self::Exchanges,
    ];

    /// The folder under the app's root (`None` for the root itself).
    pub fn folder(self) -> Option<&'static str> {
        match self {
            Self::Contracts => None,
            Self::Contract => Some("contrat"),
            Self::Sheets => Some("fiches"),
            Self::Sheet => Some("fiche"),
            Self::Planning => Some("planning"),
            Self::FollowUp => Some("suivi"),
            Self::Exchanges => Some("echanges"),
            Self::Report => Some("rapport"),
            Self::Evaluation => Some("bilan"),
            Self::ContractDocument => Some("document"),
            Self::Signature => Some("signature"),
        }
    }

    /// The path relative to the router base, always with its trailing slash so that it names
    /// the folder the static host serves.
    pub fn path(self) -> String {
        match self.folder() {
            Some(folder) => format!("/{folder}/"),
            None => "/".into(),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Contracts => "Mes contrats",
            Self::Contract => "Contrat",
            Self::Sheets => "Fiches action",
            Self::Sheet => "Fiche action",
            Self::Planning => "Planning",
            Self::FollowUp => "Suivi",
            Self::Exchanges => "Échanges",
            Self::Report => "Rapport annuel",
            Self::Evaluation => "Bilan du contrat",
            Self::ContractDocument => "Le contrat à signer",
            Self::Signature => "Signature et avenants",
        }
    }
}

impl Screen {
    /// The screen at this path of the window (`/sous-dossier/planning/`) under the router base
    /// (`/sous-dossier`); `None` for an address the app does not know.
    pub fn at(path: &str, base: &str) -> Option<Screen> {
        let path = path.strip_prefix(base).unwrap_or(path);
        let folder = path.trim_start_matches('/').split('/').next().unwrap_or_default();
        match folder {
            "" | "index.html" => Some(Self::Contracts),
            folder => Self::ALL.into_iter().find(|s| s.folder() == Some(folder)),
        }
    }
}

/// The tab's title: the screen, then the open contract, then the product (« Planning — CLS du
/// Bassin d’Aurillac — Atelier CLS »), so that a tab, a bookmark or the history says where it
/// leads. The contract list and an unknown address name no contract.
pub fn page_title(screen: Option<Screen>, contract: Option<&str>) -> String {
    const PRODUCT: &str = "Atelier CLS";
    match (screen, contract) {
        (None, _) => format!("Page introuvable — {PRODUCT}"),
        (Some(Screen::Contracts), _) => format!("{} — {PRODUCT}", Screen::Contracts.label()),
        (Some(screen), None) => format!("{} — {PRODUCT}", screen.label()),
        (Some(screen), Some(name)) => {
            let name = name.trim();
            let name = if name.is_empty() { "Contrat sans nom" } else { name };
            format!("{} — {name} — {PRODUCT}", screen.label())
        }
    }
}

/// The router base: the folder of the app's root, read from the document's base URI (which a
/// screen's copy of index.html points at its parent with `<base href="../">`). "" at the root
/// of a host, "/outils/cls" when deployed under /outils/cls/.
pub fn router_base(document_base_uri: &str) -> String {
    let without_scheme =
        document_base_uri.split_once("://").map_or(document_base_uri, |(_, rest)| rest);
    let path = without_scheme.find('/').map_or("/", |i| &without_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let folder = &path[..path.rfind('/').unwrap_or(0)];
    folder.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_folder_is_built() {
        let built: Vec<&str> =
            include_str!("screens.txt").lines().filter(|l| !l.is_empty()).collect();
        let folders: Vec<&str> = Screen::ALL.iter().filter_map(|s| s.folder()).collect();
        assert_eq!(built, folders);
    }

    #[test]
    fn base_is_the_folder_of_the_app() {
        assert_eq!(router_base("http://127.0.0.1:8080/"), "");
        assert_eq!(router_base("http://127.0.0.1:8080/index.html"), "");
        assert_eq!(router_base("https://ars.example/outils/cls/"), "/outils/cls");
        assert_eq!(router_base("https://ars.example/outils/cls/index.html?x=1#y"), "/outils/cls");
        assert_eq!(router_base("https://ars.example"), "");
    }

    #[test]
    fn the_screen_is_read_from_the_path_under_the_base() {
        assert_eq!(Screen::at("/sous-dossier/planning/", "/sous-dossier"), Some(Screen::Planning));
        assert_eq!(Screen::at("/fiche/", ""), Some(Screen::Sheet));
        assert_eq!(Screen::at("/suivi", ""), Some(Screen::FollowUp));
        assert_eq!(Screen::at("/sous-dossier/", "/sous-dossier"), Some(Screen::Contracts));
        assert_eq!(
            Screen::at("/sous-dossier/index.html", "/sous-dossier"),
            Some(Screen::Contracts)
        );
        assert_eq!(Screen::at("/", ""), Some(Screen::Contracts));
        assert_eq!(Screen::at("/nulle-part/", ""), None);
        for screen in Screen::ALL {
            assert_eq!(Screen::at(&format!("/cls{}", screen.path()), "/cls"), Some(screen));
        }
    }

    #[test]
    fn the_title_names_the_screen_and_the_contract() {
        assert_eq!(
            page_title(Some(Screen::Planning), Some("CLS du Bassin d’Aurillac")),
            "Planning — CLS du Bassin d’Aurillac — Atelier CLS"
        );
        assert_eq!(page_title(Some(Screen::Planning), None), "Planning — Atelier CLS");
        assert_eq!(
            page_title(Some(Screen::Sheets), Some("  ")),
            "Fiches action — Contrat sans nom — Atelier CLS"
        );
        assert_eq!(page_title(Some(Screen::Contracts), Some("CLS")), "Mes contrats — Atelier CLS");
        assert_eq!(page_title(None, Some("CLS")), "Page introuvable — Atelier CLS");
    }

    #[test]
    fn paths_name_folders() {
        assert_eq!(Screen::Planning.path(), "/planning/");
        assert_eq!(Screen::Contracts.path(), "/");
    }
}
