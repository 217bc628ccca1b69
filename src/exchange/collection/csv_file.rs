//! A CSV answer read into cells: what a lead's spreadsheet saved as CSV holds, as French
//! offices save it. The text is UTF-8 with or without a byte order mark, UTF-16 with one
//! (LibreOffice's « Unicode »), or else Windows-1252 (Excel's « CSV (séparateur : point-virgule) »
//! on a French Windows); the separator is `;`, `,` or a tab, whichever the first lines use
//! most (the `csv` crate reads the quoting). A cell our own CSV files wrote with an apostrophe
//! before `=`, `+`, `-` or `@` (so that a spreadsheet shows it as text) reads without it.
//!
//! Windows-1252 is decoded by its table below rather than with `encoding_rs`: 32 code points
//! differ from Latin-1, and the app needs no other encoding.

use super::table::{Problem, SheetCells, Workbook, MAX_ROWS};

/// A CSV larger than this is refused unread: an answer of `MAX_ROWS` full rows is far smaller.
pub const MAX_CSV_BYTES: usize = 8 * 1024 * 1024;

/// The characters of Windows-1252's bytes 0x80 to 0x9F (the rest is Latin-1); the five bytes it
/// leaves undefined keep their own code point, as browsers decode them.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Reads a CSV file's bytes as one sheet, named after the file.
pub fn csv_workbook(file: &str, bytes: &[u8]) -> Result<Workbook, Problem> {
    if bytes.len() > MAX_CSV_BYTES {
        let message =
            "ce fichier CSV dépasse 8 Mo : ce n’est pas une réponse de pilote, il n’est pas lu.";
        return Err(Problem::of_file(file, message));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let message = "ce fichier est un classeur (.xlsx ou .ods), pas un CSV : déposez-le sous son vrai nom.";
        return Err(Problem::of_file(file, message));
    }
    let text = decode(bytes);
    if text.contains('\0') {
        return Err(Problem::of_file(file, "ce fichier n’est pas un fichier texte CSV."));
    }
    let separator = sniff_separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records().take(MAX_ROWS + 1) {
        let record = record.map_err(|_| {
            Problem::of_file(
                file,
                "ce fichier CSV est mal formé (guillemets non refermés ?) : il n’est pas lu.",
            )
        })?;
        rows.push(record.iter().map(unquoted).collect());
    }
    let name = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    Ok(Workbook { file: file.to_string(), sheets: vec![SheetCells::new(name, rows)] })
}

/// The text of the bytes: UTF-8 (a byte order mark dropped), UTF-16 with its mark, else
/// Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(units) = utf16(bytes) {
        return char::decode_utf16(units).map(|c| c.unwrap_or('\u{FFFD}')).collect();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// The code units of UTF-16 text that starts with its byte order mark.
fn utf16(bytes: &[u8]) -> Option<Vec<u16>> {
    let little = match bytes.get(..2)? {
        [0xFF, 0xFE] => true,
        [0xFE, 0xFF] => false,
        _ => return None,
    };
    let pairs = bytes[2..].chunks_exact(2).map(|p| [p[0], p[1]]);
    Some(
        pairs.map(|p| if little { u16::from_le_bytes(p) } else { u16::from_be_bytes(p) }).collect(),
    )
}

fn windows_1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => CP1252_HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The separator the first lines use most, outside quotes: `;` before a tab before `,` when
/// they are as many (a French file's decimal commas are inside its `;`-separated cells).
pub fn sniff_separator(text: &str) -> u8 {
    let mut counts = [(b';', 0usize), (b'\t', 0), (b',', 0)];
    let mut quoted = false;
    let mut lines = 0;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => {
                lines += 1;
                if lines == 10 {
                    break;
                }
            }
            _ if quoted => {}
            _ => {
                for (separator, count) in &mut counts {
                    if c == char::from(*separator) {
                        *count += 1;
                    }
                }
            }
        }
    }
    let most = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    counts.iter().find(|(_, n)| *n == most).map_or(b';', |(s, _)| *s)
}

/// A cell as typed: our own files' apostrophe before a formula-like start removed.
fn unquoted(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
        _ => cell.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cells(file: &[u8]) -> Vec<Vec<String>> {
        csv_workbook("reponse.csv", file).expect("read").sheets.remove(0).rows
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn utf8_with_or_without_bom_and_windows_1252_read_alike() {
        let expected = vec![row(&["Statut", "Dépensé (€)"]), row(&["Réalisée", "1 250,50 €"])];
        let utf8 = "Statut;Dépensé (€)\r\nRéalisée;1 250,50 €\r\n";
        assert_eq!(cells(utf8.as_bytes()), expected);
        assert_eq!(cells(format!("\u{FEFF}{utf8}").as_bytes()), expected);
        let cp1252: Vec<u8> =
            b"Statut;D\xE9pens\xE9 (\x80)\r\nR\xE9alis\xE9e;1 250,50 \x80\r\n".to_vec();
        assert_eq!(cells(&cp1252), expected);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(utf8.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(cells(&utf16), expected);
        assert_eq!(decode(b"\x92\x9C\x85"), "’œ…");
    }

    #[test]
    fn the_separator_is_sniffed() {
        assert_eq!(
            cells(b"a;b,c;d\n1;2,5;3\n"),
            [row(&["a", "b,c", "d"]), row(&["1", "2,5", "3"])]
        );
        assert_eq!(
            cells(b"a\tb\tc\n\"x\ty\"\t2\t3\n"),
            [row(&["a", "b", "c"]), row(&["x\ty", "2", "3"])]
        );
        assert_eq!(
            cells(b"a,b,c\n1,\"2;5\",3\n"),
            [row(&["a", "b", "c"]), row(&["1", "2;5", "3"])]
        );
        assert_eq!(sniff_separator("Bilan 2025, avant mars\nStatut;Suite;Pourquoi\n"), b';');
        assert_eq!(sniff_separator(""), b';');
    }

    #[test]
    fn quoted_line_breaks_and_our_formula_apostrophes_read_back() {
        let text = crate::model::french_csv::write(
            &["Ce qui a été fait"],
            [["deux\nlignes"], ["- liste"], ["=1+1"]],
        );
        assert_eq!(
            cells(text.as_bytes()),
            [
                row(&["Ce qui a été fait"]),
                row(&["deux\nlignes"]),
                row(&["- liste"]),
                row(&["=1+1"])
            ]
        );
    }

    #[test]
    fn what_is_not_a_csv_answer_is_refused_with_a_message() {
        let refused = |bytes: &[u8]| csv_workbook("r.csv", bytes).unwrap_err().to_string();
        assert!(refused(b"PK\x03\x04rest").contains("est un classeur (.xlsx ou .ods)"));
        assert!(refused(b"a;b\0c").contains("n’est pas un fichier texte"));
        assert!(refused(&vec![b'a'; MAX_CSV_BYTES + 1]).contains("dépasse 8 Mo"));
        let many = "x;y\n".repeat(20_000);
        let book = csv_workbook("gros.csv", many.as_bytes()).unwrap();
        assert!(
            super::super::table::check_size(&book).is_err(),
            "20,000 rows stop at the limit and are refused"
        );
    }

    proptest! {
        /// Whatever the bytes, decoding gives a workbook or a message, never a panic.
        #[test]
        fn any_bytes_read_or_are_refused(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = csv_workbook("x.csv", &bytes);
        }

        /// Every Windows-1252 text of Latin letters reads back as itself.
        #[test]
        fn windows_1252_reads_back(text in "[a-zA-Z0-9 ;éèàçùâêîôûëïœ€’«»]{0,40}") {
            let bytes: Vec<u8> = text.chars().map(|c| match c {
                '€' => 0x80, 'œ' => 0x9C, '’' => 0x92,
                c => u8::try_from(u32::from(c)).unwrap(),
            }).collect();
            prop_assume!(std::str::from_utf8(&bytes).is_err() || bytes.is_ascii());
            prop_assert_eq!(decode(&bytes), text);
        }
    }
}
