//! Writing HTML by hand, for the few views drawn as one string rather than element by element
//! (the planning's 1,000 lines: see `chart_lines`). Everything that comes from the user goes
//! through `push_escaped`, so that a title such as `<b>"Tom & Jerry"</b>` stays text.

/// Appends `text` with the five characters that mean something in HTML replaced by their
/// entities: safe both as element content and inside a quoted attribute value.
pub fn push_escaped(out: &mut String, text: &str) {
    let mut plain = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[plain..i]);
        out.push_str(entity);
        plain = i + 1;
    }
    out.push_str(&text[plain..]);
}

/// `text`, escaped (see `push_escaped`).
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_five_special_characters_become_entities() {
        assert_eq!(
            escaped(r#"<b>"Tom & Jerry's"</b>"#),
            "&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;/b&gt;"
        );
    }

    #[test]
    fn other_text_is_left_as_it_is() {
        assert_eq!(escaped("Santé mentale – « CLSM » ◆ 2024"), "Santé mentale – « CLSM » ◆ 2024");
        assert_eq!(escaped(""), "");
        assert_eq!(escaped("&&"), "&amp;&amp;");
    }

    #[test]
    fn an_entity_already_written_is_escaped_again() {
        // User text is text: "&amp;" typed by someone must show as "&amp;", not as "&".
        assert_eq!(escaped("&amp;"), "&amp;amp;");
    }
}
