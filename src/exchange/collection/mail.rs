//! « Écrire au pilote »: the `mailto:` link that opens the coordinator's mail client with a
//! subject and a body in French. A link cannot attach a file, so the body and the screen say
//! that the spreadsheet is to be attached by hand.

use crate::model::{Contract, Id};

/// What the link holds, and the link itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeadMail {
    /// The organisation's contact address; empty when the directory has none (the mail client
    /// then asks for it).
    pub to: String,
    pub subject: String,
    pub body: String,
    pub href: String,
}

/// The mail asking `lead` for the bilan of `year`, their spreadsheet being `file_name`, to send
/// back by `deadline` (free text, « le 15 mars 2026 »; nothing said when empty).
pub fn lead_mail(
    contract: &Contract,
    year: i32,
    lead: Id,
    file_name: &str,
    deadline: &str,
) -> LeadMail {
    let organisation = contract.organisation(lead);
    let to = organisation.map(|o| o.contact.email.trim().to_string()).unwrap_or_default();
    let greeting = match organisation.map(|o| o.contact.name.trim()).unwrap_or("") {
        "" => "Bonjour,".to_string(),
        name => format!("Bonjour {name},"),
    };
    let subject = format!("{} : bilan {year} de vos actions", contract.name.trim());
    let by = match deadline.trim() {
        "" => String::new(),
        deadline => format!(" avant {deadline}"),
    };
    let signature = contract.coordinator.name.trim();
    let body = format!(
        "{greeting}\n\nPour préparer le comité de pilotage, je vous remercie de remplir le tableau \
         joint ({file_name}) : le statut {year} de chacune de vos actions, les résultats des \
         indicateurs et les montants dépensés, puis de me le renvoyer{by}.\n\nLe mode d’emploi \
         est sur la première feuille. Merci de ne pas modifier la colonne « Référence ».\n\n\
         [Pensez à joindre le fichier {file_name} : ce message ne le contient pas encore.]\n\n\
         Bien cordialement,\n{signature}"
    );
    let href =
        format!("mailto:{}?subject={}&body={}", encode(&to), encode(&subject), encode(&body));
    LeadMail { to, subject, body, href }
}

/// Percent-encodes every byte but the unreserved ones (RFC 3986), as a `mailto:` link needs:
/// spaces as `%20` (never `+`, which mail clients show as is), line breaks as `%0D%0A`.
fn encode(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\n', "\r\n");
    let mut encoded = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                encoded.push(char::from(byte))
            }
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::collection::fixture::{contract, org};

    #[test]
    fn the_mail_says_what_to_fill_by_when_and_that_the_file_is_attached_by_hand() {
        let mut c = contract();
        c.name = "CLS du Bassin d’Aurillac".into();
        c.coordinator.name = "Claire Martin".into();
        let ars = c.organisations.iter_mut().find(|o| o.id == org(1)).unwrap();
        ars.contact.email = "pilote@ars.example".into();
        ars.contact.name = "Dr Lefèvre".into();
        let mail = lead_mail(&c, 2025, org(1), "cls-suivi-2025-ars.xlsx", "le 15 mars 2026");
        assert_eq!(mail.to, "pilote@ars.example");
        assert_eq!(mail.subject, "CLS du Bassin d’Aurillac : bilan 2025 de vos actions");
        assert!(mail.body.starts_with("Bonjour Dr Lefèvre,\n\n"));
        assert!(mail.body.contains("me le renvoyer avant le 15 mars 2026."));
        assert!(mail.body.contains("Pensez à joindre le fichier cls-suivi-2025-ars.xlsx"));
        assert!(mail.body.ends_with("Bien cordialement,\nClaire Martin"));
        assert!(mail.href.starts_with(
            "mailto:pilote%40ars.example?subject=CLS%20du%20Bassin%20d%E2%80%99Aurillac%20"
        ));
        assert!(mail.href.contains("&body=Bonjour%20Dr%20Lef%C3%A8vre%2C%0D%0A%0D%0APour"));
        assert!(!mail.href.contains(' ') && !mail.href.contains('\n'));
        let unknown = lead_mail(&c, 2025, org(3), "f.xlsx", "");
        assert_eq!(unknown.to, "");
        assert!(unknown.href.starts_with("mailto:?subject="));
        assert!(
            unknown.body.starts_with("Bonjour,\n") && unknown.body.contains("me le renvoyer.\n")
        );
    }
}
