//! Text kept compressed in local storage: deflated (miniz_oxide, already in the app for the
//! ODT files), then base64, since local storage holds strings (UTF-16 text, where raw bytes
//! would make lone surrogates). The example's frozen copy goes from 77,885 UTF-16 units of JSON
//! to 27,371 this way (base64 included); larger contracts, more alike, shrink more.
//!
//! Reading refuses to inflate past a limit: stored data may have been written by a hostile
//! page of the same origin or damaged, and a few kilobytes can inflate to gigabytes.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// What starts a compressed text, so that it is told from JSON at a glance.
pub const MARK: &str = "deflate-base64:";

/// The most a compressed text may inflate to: far beyond any contract local storage can hold.
pub const MAX_INFLATED: usize = 256 * 1024 * 1024;

/// Level 6: nearly the ratio of the slowest level for a third of its time on JSON.
const LEVEL: u8 = 6;

pub fn compress(text: &str) -> String {
    let deflated = compress_to_vec(text.as_bytes(), LEVEL);
    let mut out = String::with_capacity(MARK.len() + deflated.len() * 4 / 3 + 4);
    out.push_str(MARK);
    STANDARD.encode_string(&deflated, &mut out);
    out
}

/// The text back; `None` when it is not a compressed text, is damaged, or inflates too far.
pub fn decompress(stored: &str) -> Option<String> {
    decompress_at_most(stored, MAX_INFLATED)
}

pub fn is_compressed(stored: &str) -> bool {
    stored.starts_with(MARK)
}

/// A stored JSON text back, compressed or not: a frozen copy met before the page had the
/// deflate code is stored as its JSON (`storage::frozen`). `None` when it is neither.
pub fn stored_text(stored: &str) -> Option<String> {
    match stored.starts_with('{') {
        true => Some(stored.to_string()),
        false => decompress(stored),
    }
}

fn decompress_at_most(stored: &str, limit: usize) -> Option<String> {
    let deflated = STANDARD.decode(stored.strip_prefix(MARK)?).ok()?;
    let bytes = decompress_to_vec_with_limit(&deflated, limit).ok()?;
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn json_shrinks() {
        let json = crate::storage::encode(&{
            let mut ws = crate::model::Workspace::default();
            ws.add_contract(crate::exchange::example::example_contract());
            ws
        });
        let stored = compress(&json);
        assert!(stored.len() * 4 < json.len(), "{} -> {}", json.len(), stored.len());
        assert_eq!(decompress(&stored).as_deref(), Some(json.as_str()));
    }

    #[test]
    fn stored_json_reads_compressed_or_not() {
        let json = r#"{"name":"CLS"}"#;
        assert_eq!(stored_text(json).as_deref(), Some(json));
        assert_eq!(stored_text(&compress(json)).as_deref(), Some(json));
        assert!(is_compressed(&compress(json)) && !is_compressed(json));
        assert_eq!(stored_text("pas du JSON"), None);
    }

    #[test]
    fn damaged_or_foreign_text_is_none() {
        assert_eq!(decompress("{\"schema_version\":3}"), None);
        assert_eq!(decompress(&format!("{MARK}pas du base64 !")), None);
        assert_eq!(decompress(&format!("{MARK}{}", STANDARD.encode(b"pas deflate"))), None);
    }

    #[test]
    fn a_bomb_is_refused() {
        let zeros = "0".repeat(1_000_000);
        let bomb = compress(&zeros);
        assert!(bomb.len() < 3_000, "{}", bomb.len());
        assert_eq!(decompress_at_most(&bomb, 999_999), None);
        assert_eq!(decompress_at_most(&bomb, 1_000_000).map(|t| t.len()), Some(1_000_000));
    }

    proptest! {
        #[test]
        fn round_trips(text in "\\PC{0,300}") {
            prop_assert_eq!(decompress(&compress(&text)), Some(text));
        }
    }
}
