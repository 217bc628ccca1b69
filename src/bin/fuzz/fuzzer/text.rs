//! Byte-level mutations of a file's text, as a damaged download, a bad copy-paste or a hand
//! edit would leave it: a byte changed, a range cut, doubled or swapped with another, a JSON
//! token or an invalid UTF-8 sequence inserted, the end cut off, a piece of another file spliced
//! in, thousands of brackets opened. And inputs that are not JSON at all.

use super::rng::Rng;
use super::strings::{self, TOKENS};

/// Applies `edits` random edits to `bytes`; `other` is another file to splice from.
pub fn mutate(bytes: &mut Vec<u8>, edits: usize, other: &[u8], rng: &mut Rng) {
    for _ in 0..edits {
        edit(bytes, other, rng);
    }
}

fn edit(bytes: &mut Vec<u8>, other: &[u8], rng: &mut Rng) {
    let len = bytes.len();
    let at = rng.below(len + 1);
    // Most edits are short; a few reach far.
    let span = if rng.one_in(8) { rng.below(len + 1) } else { rng.below(16) };
    let end = at.saturating_add(span).min(len);
    match rng.below(11) {
        0 if at < len => bytes[at] ^= 1 << rng.below(8),
        1 if at < len => bytes[at] = rng.below(256) as u8,
        2 => {
            bytes.drain(at..end);
        }
        3 => {
            let copy = bytes[at..end].to_vec();
            bytes.splice(at..at, copy);
        }
        4 => bytes.truncate(at),
        5 => {
            let token = *rng.pick(TOKENS);
            bytes.splice(at..at, token.iter().copied());
        }
        6 => {
            let text = strings::text(rng);
            bytes.splice(at..end, text.bytes());
        }
        7 if !other.is_empty() => {
            let from = rng.below(other.len());
            let to = (from + rng.below(4096)).min(other.len());
            bytes.splice(at..end, other[from..to].iter().copied());
        }
        8 => {
            let token = *rng.pick(&[b"[".as_slice(), b"{\"a\":", b"[{\"id\":"]);
            let times = rng.below(3000);
            let deep: Vec<u8> = token.iter().copied().cycle().take(token.len() * times).collect();
            bytes.splice(at..at, deep);
        }
        9 => {
            let other_at = rng.below(len + 1);
            let (a, b) = (at.min(other_at), at.max(other_at));
            let n = span.min(b - a).min(len - b);
            for i in 0..n {
                bytes.swap(a + i, b + i);
            }
        }
        _ => {
            // A digit changed: numbers stay numbers, only their value moves.
            if let Some(digit) = bytes[at..].iter().position(u8::is_ascii_digit) {
                bytes[at + digit] = b'0' + rng.below(10) as u8;
            }
        }
    }
}

/// Something that is not an Atelier CLS file: random bytes, a random JSON value, deep nesting,
/// or an empty file.
pub fn garbage(rng: &mut Rng) -> Vec<u8> {
    match rng.below(5) {
        0 => (0..rng.below(3000)).map(|_| rng.below(256) as u8).collect(),
        1 => super::tree::random_value(rng, 0).to_string().into_bytes(),
        2 => {
            let depth = rng.below(100_000);
            let mut text = "[".repeat(depth);
            if rng.one_in(2) {
                text.push_str(&"]".repeat(depth));
            }
            text.into_bytes()
        }
        3 => {
            let n = 1 + rng.below(40);
            (0..n).flat_map(|_| rng.pick(TOKENS).iter().copied()).collect()
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_stay_within_the_text() {
        let mut rng = Rng::new(5);
        for _ in 0..2000 {
            let mut bytes = br#"{"a":[1,2,{"b":"c"}]}"#.to_vec();
            let n = rng.small(6);
            mutate(&mut bytes, n, b"[true]", &mut rng);
        }
        for _ in 0..200 {
            garbage(&mut rng);
        }
    }
}
