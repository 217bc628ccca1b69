//! JSON paths such as `contract.sheets[3].actions[0].start.month`: the path of the value at a
//! position of the text (serde reports positions, people read paths), writing it, and removing
//! the field at a path.

use serde_json::Value;

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Segment {
    Key(String),
    Index(usize),
}

pub(super) enum Frame {
    Object { key: Option<String>, expect_key: bool },
    Array { index: usize, started: bool },
}

/// The JSON path of the value read last before byte `offset` of `text` (valid JSON): serde_json
/// reports a wrong value or an unknown field just after reading it, and a missing field just
/// after the closing brace of its object.
pub(super) fn path_at(text: &str, offset: usize) -> Vec<Segment> {
    fn value_starts(stack: &mut [Frame]) {
        if let Some(Frame::Array { started, .. }) = stack.last_mut() {
            *started = true;
        }
    }
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => {
                value_starts(&mut stack);
                stack.push(Frame::Object { key: None, expect_key: true });
            }
            b'[' => {
                value_starts(&mut stack);
                stack.push(Frame::Array { index: 0, started: false });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                Some(Frame::Array { index, started }) => {
                    *index += 1;
                    *started = false;
                }
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = false;
                }
            }
            b'"' => {
                let mut j = i + 1;
                while j < end && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if j >= end {
                    break; // the position is inside this string
                }
                match stack.last_mut() {
                    Some(Frame::Object { key, expect_key: true }) => {
                        let raw = text.get(i..=j).unwrap_or_default();
                        let decoded = serde_json::from_str::<String>(raw)
                            .unwrap_or_else(|_| raw.trim_matches('"').to_string());
                        *key = Some(decoded);
                    }
                    _ => value_starts(&mut stack),
                }
                i = j;
            }
            b' ' | b'\n' | b'\r' | b'\t' => {}
            _ => value_starts(&mut stack),
        }
        i += 1;
    }
    stack
        .iter()
        .filter_map(|frame| match frame {
            Frame::Object { key: Some(key), .. } => Some(Segment::Key(key.clone())),
            Frame::Array { index, started: true } => Some(Segment::Index(*index)),
            _ => None,
        })
        .collect()
}

pub(super) fn render_path(path: &[Segment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Index(index) => out.push_str(&format!("[{index}]")),
        }
    }
    out
}

/// Removes the field at `path` (ending with a key); false when there is no such field.
pub(super) fn remove_at(value: &mut Value, path: &[Segment]) -> bool {
    let Some((Segment::Key(last), parents)) = path.split_last() else { return false };
    let mut current = value;
    for segment in parents {
        let next = match segment {
            Segment::Key(key) => current.get_mut(key.as_str()),
            Segment::Index(index) => current.get_mut(*index),
        };
        match next {
            Some(next) => current = next,
            None => return false,
        }
    }
    current.as_object_mut().and_then(|map| map.remove(last)).is_some()
}
