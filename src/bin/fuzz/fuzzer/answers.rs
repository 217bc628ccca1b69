//! Spreadsheet inputs: the answers of the yearly collection (« Collecte ») as leads send them
//! back in CSV. Seeds: each sheet made for each lead of the demonstration's 2025 collection,
//! written as the app's CSV files are (UTF-8 with a BOM, `;`), as Excel saves them in France
//! (Windows-1252, `;`) and with commas; some with answers typed in (statuses in leads' words,
//! amounts with decimal commas). Inputs are those bytes mutated (`text`).

use super::rng::Rng;
use super::text;
use atelier_cls::exchange::collection::lead_workbook;
use atelier_cls::model::collection::lead_organisations;
use atelier_cls::model::french_csv;
use atelier_cls::model::Contract;

/// The year the seeds answer for.
pub const YEAR: i32 = 2025;

pub struct AnswerSeeds {
    /// The contract the answers are read against.
    pub contract: Contract,
    pub files: Vec<Vec<u8>>,
}

impl AnswerSeeds {
    pub fn build(contract: &Contract) -> Self {
        let mut files = Vec::new();
        for (n, lead) in lead_organisations(contract).into_iter().enumerate() {
            let book = lead_workbook(contract, YEAR, lead, "reponse.xlsx");
            for sheet in book.sheets.iter().skip(1) {
                let mut rows = sheet.rows.clone();
                if n % 2 == 0 {
                    typed_in(&mut rows);
                }
                let text = french_csv::write(&rows[0], rows[1..].iter());
                files.push(windows_1252(&text));
                files.push(text.replace(';', ",").into_bytes());
                files.push(text.into_bytes());
            }
        }
        AnswerSeeds { contract: contract.clone(), files }
    }

    /// A seed, mutated by 1 to 5 byte edits.
    pub fn generate(&self, rng: &mut Rng) -> Vec<u8> {
        let mut bytes = rng.pick(&self.files).clone();
        let other = rng.pick(&self.files);
        text::mutate(&mut bytes, 1 + rng.small(4), other, rng);
        bytes
    }
}

/// What a lead types: a word for the status, an amount with cents, a comment, in the columns
/// the header names.
fn typed_in(rows: &mut [Vec<String>]) {
    let Some((header, rows)) = rows.split_first_mut() else { return };
    let column = |name: &str| header.iter().position(|h| h == name);
    let answers = [
        ("Statut", "realisee"),
        ("Ce qui a été fait", "Fait à 80 %"),
        ("Résultat", "14"),
        ("Dépensé (€)", "1 250,50 €"),
    ];
    for (name, value) in answers {
        if let Some(c) = column(name) {
            rows.iter_mut().step_by(2).for_each(|row| row[c] = value.to_string());
        }
    }
}

/// The text in Windows-1252, a character it lacks written `?`, as Excel does.
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .filter(|c| *c != french_csv::BOM)
        .map(|c| match c {
            '€' => 0x80,
            '’' => 0x92,
            'œ' => 0x9C,
            c => u8::try_from(u32::from(c)).unwrap_or(b'?'),
        })
        .collect()
}
