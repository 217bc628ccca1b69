//! Words the generators and mutators put into inputs: odd unicode (combining marks, right-to-left
//! override, a byte-order mark, characters whose capital is longer, emoji sequences, the last
//! code points of planes), JSON escapes and tokens, dates, ids, enum keys, boundary numbers.
//! Anything that slices text by bytes, counts columns or changes case meets them.

use super::rng::Rng;
use serde_json::{Number, Value};

/// Texts that are valid UTF-8 but odd.
pub const ODD_TEXTS: &[&str] = &[
    "",
    " ",
    "é",
    "e\u{301}",
    "\u{0}",
    "\u{7f}",
    "\u{202e}droite à gauche",
    "\u{feff}",
    "\u{200b}",
    "\u{fffd}",
    "\u{ffff}",
    "\u{10ffff}",
    "𝕏𝕐",
    "👩‍👩‍👧‍👦",
    "🇫🇷",
    "İstanbul",
    "ß",
    "ǅ",
    "ﬃ",
    "Σ",
    "\r\n",
    "\n\n\n",
    "\t",
    "\\",
    "\"",
    "\"\\u0000\"",
    "</script><script>",
    "<&>'\"",
    ";,\"=+-@",
    "=1+1",
    "Comité de pilotage",
    "Agence régionale de santé",
    "2024-13-45",
    "2026-11-23T10:00:00.000Z",
    "0000-00-00T99:99:99Z",
    "12,5",
    "1 000 000",
    "-0",
    "NaN",
    "∞",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "not-a-uuid",
    "steering_committee",
    "done",
    "at_least",
    "text",
    "atelier-cls/contrat",
    "atelier-cls/contrats",
];

/// Pieces of JSON and of broken text, inserted into the bytes of a file.
pub const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b",",
    b":",
    b"\\",
    b"null",
    b"true",
    b"false",
    b"0",
    b"-1",
    b"1e999",
    b"-0.0",
    b"18446744073709551616",
    b"-9223372036854775809",
    b"1.5",
    b"\\u0000",
    b"\\ud800",
    b"\\udc00\\ud800",
    b"\\uD83D\\uDE00",
    b"\\x",
    b"\"id\":",
    b"\"id\":\"00000000-0000-0000-0000-000000000001\",",
    b"\"schema_version\":1,",
    b"\"extra\":0,",
    b"{}",
    b"[]",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xfe",
    b"\xc0\x80",
    b"\xed\xa0\x80",
    b"\x80",
    b"\xe2\x82",
    b"\xf4\x90\x80\x80",
    b"\r\n",
    b"\t",
    b"\x00",
    b"/*",
    b"//",
];

/// A text from the pool, now and then repeated many times or glued to another.
pub fn text(rng: &mut Rng) -> String {
    let base = *rng.pick(ODD_TEXTS);
    match rng.below(12) {
        0 => base.repeat(1 + rng.below(2000)),
        1 => format!("{base}{}", rng.pick(ODD_TEXTS)),
        2 => "x".repeat(rng.below(70_000)),
        _ => base.to_string(),
    }
}

/// An integer from the edges of every integer type the model uses, or an ordinary one.
pub fn boundary_number(rng: &mut Rng) -> Value {
    const EDGES: &[i128] = &[
        0,
        1,
        -1,
        12,
        13,
        255,
        256,
        2024,
        2028,
        9999,
        i32::MAX as i128,
        i32::MIN as i128,
        i32::MAX as i128 + 1,
        u32::MAX as i128,
        u32::MAX as i128 + 1,
        i64::MAX as i128,
        i64::MIN as i128,
        u64::MAX as i128,
    ];
    let edge = *rng.pick(EDGES);
    match rng.below(10) {
        0 => float(rng),
        _ if edge < 0 => Value::from(edge as i64),
        _ => Value::from(edge as u64),
    }
}

/// A number that no integer field accepts: a fraction, a float's edges, or beyond `u64`.
pub fn float(rng: &mut Rng) -> Value {
    const FLOATS: &[f64] = &[0.5, -0.0, 1.5, 2024.0, 1e19, 1.8446744073709552e19, 1e308, -1e308];
    Number::from_f64(*rng.pick(FLOATS)).map_or(Value::Null, Value::Number)
}

/// An entity's own id: from `id`'s small pool only now and then. A file holds many entities
/// (more again since workshops' boards, each note, group and vote with its id), and one repeated
/// id refuses the whole file: drawn as references are, ids would almost always repeat.
pub fn own_id(rng: &mut Rng) -> String {
    if rng.one_in(16) {
        id(rng)
    } else {
        format!("00000000-0000-0000-0001-{:012x}", rng.below(1 << 40))
    }
}

/// One of a few ids, so that a generated value sometimes reuses an id (a duplicate) or
/// points at one that exists.
pub fn id(rng: &mut Rng) -> String {
    let n = if rng.one_in(2) { rng.below(6) } else { rng.below(1 << 40) };
    format!("00000000-0000-0000-0000-{n:012x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use atelier_cls::model::Id;

    #[test]
    fn ids_are_uuids() {
        let mut rng = Rng::new(3);
        for _ in 0..20 {
            assert!(serde_json::from_value::<Id>(Value::String(id(&mut rng))).is_ok());
        }
    }
}
