//! What a row was made with. Each row of a collection spreadsheet carries, in a hidden column,
//! a short fingerprint of each value it was made with (the status, comments, result or amount
//! spent the contract held then). Reading the answer back, a value the lead left as it was made
//! is no answer, even if the coordinator has typed another since; a value the coordinator
//! changed since, which the lead changed too, is a conflict to settle; the rest is filled in or
//! changed. Fingerprints rather than the values themselves: the column stays short and says
//! nothing to whoever reads the file.
//!
//! Without the column (deleted by the lead, or a file made by hand), nothing tells who changed
//! what: every answer that differs from a value already here is a conflict, never a silent
//! overwrite (as the merge does without shared versions).

use crate::model::collection::{AskedFunding, AskedIndicator, AskedReview};
use crate::model::shared_versions::Fnv;

/// The fingerprint of one value, trimmed: 32 bits of FNV-1a.
pub fn value_print(text: &str) -> u32 {
    let mut hash = Fnv::new();
    hash.write(text.trim().as_bytes());
    (hash.0 >> 32) as u32
}

/// The cell's text: each value's fingerprint in eight hexadecimal digits, joined by « . ».
pub fn fingerprint(values: &[&str]) -> String {
    let prints: Vec<String> = values.iter().map(|v| format!("{:08x}", value_print(v))).collect();
    prints.join(".")
}

/// Reads the cell back: `count` fingerprints, else `None` (the cell was changed or emptied).
pub fn read_fingerprint(text: &str, count: usize) -> Option<Vec<u32>> {
    let prints: Option<Vec<u32>> =
        text.trim().split('.').map(|p| u32::from_str_radix(p.trim(), 16).ok()).collect();
    prints.filter(|p| p.len() == count)
}

/// A status as fingerprinted: its key, empty when none.
pub fn status_text(status: Option<crate::model::ReviewStatus>) -> &'static str {
    status.map_or("", |s| s.key())
}

/// An amount as fingerprinted: its digits, empty when none.
pub fn euros_text(euros: Option<u64>) -> String {
    euros.map(|e| e.to_string()).unwrap_or_default()
}

/// The fingerprint of a bilan row: status, « Ce qui a été fait », « Pourquoi ? », « Suite
/// prévue » (`Part::Reviews.answered()`'s order).
pub fn review_made_with(row: &AskedReview) -> String {
    let r = &row.current;
    fingerprint(&[status_text(r.status), &r.comment, &r.reason, &r.next_steps])
}

/// The fingerprint of an indicator row: result and its comment.
pub fn indicator_made_with(row: &AskedIndicator) -> String {
    fingerprint(&[&row.result, &row.result_comment])
}

/// The fingerprint of a funding row: the amount spent.
pub fn funding_made_with(row: &AskedFunding) -> String {
    fingerprint(&[&euros_text(row.spent)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_reads_back_and_a_spoiled_one_does_not() {
        let text = fingerprint(&["done", " deux sessions ", ""]);
        assert_eq!(text.len(), 26);
        let prints = read_fingerprint(&text, 3).unwrap();
        assert_eq!(prints, [value_print("done"), value_print("deux sessions"), value_print("")]);
        assert_ne!(value_print("done"), value_print("partly_done"));
        assert_eq!(read_fingerprint(&text, 4), None, "another kind of row");
        assert_eq!(read_fingerprint("", 1), None);
        assert_eq!(read_fingerprint("zz", 1), None);
        assert_eq!(
            read_fingerprint(&text.to_uppercase(), 3),
            Some(prints),
            "case changed by a spreadsheet"
        );
    }
}
