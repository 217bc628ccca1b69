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

/// As `push_escaped`, and every character beyond U+00FF (« – », « ’ », « ▾ ») written as a
/// numeric character reference (`&#8211;`): the whole markup then fits in Latin-1, which
/// JavaScript keeps as a one-byte string, decoded from WebAssembly's memory and read by the
/// HTML parser faster than a two-byte one (one such character anywhere makes the whole string
/// two-byte). The page shows the same characters: `innerHTML` reads them back as characters.
pub fn push_escaped_latin1(out: &mut String, text: &str) {
    // Byte by byte, not character by character (the planning writes about a megabyte): a
    // character beyond U+00FF is the only one whose UTF-8 starts with a byte above 0xC3, and
    // the bytes that follow a lead byte are all below it.
    let bytes = text.as_bytes();
    let (mut plain, mut i) = (0, 0);
    while i < bytes.len() {
        let entity = match bytes[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            0xC4.. => "",
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[plain..i]);
        match text[i..].chars().next() {
            Some(wide) if entity.is_empty() => {
                push_reference(out, u32::from(wide));
                i += wide.len_utf8();
            }
            _ => {
                out.push_str(entity);
                i += 1;
            }
        }
        plain = i;
    }
    out.push_str(&text[plain..]);
}

/// Writes `&#N;` with integers only (no formatting machinery).
fn push_reference(out: &mut String, code: u32) {
    let mut digits = [0u8; 7];
    let (mut n, mut len) = (code, 0);
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str("&#");
    for d in digits[..len].iter().rev() {
        out.push(char::from(*d));
    }
    out.push(';');
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
    fn latin1_escaping_writes_wider_characters_as_references() {
        let mut out = String::new();
        push_escaped_latin1(&mut out, "Santé – « l’été » ▾ <b> 😀 &");
        assert_eq!(out, "Santé &#8211; « l&#8217;été » &#9662; &lt;b&gt; &#128512; &amp;");
        assert!(out.chars().all(|c| u32::from(c) <= 0xFF));
        let mut plain = String::new();
        push_escaped_latin1(&mut plain, "Sans rien à changer, é à ÿ");
        assert_eq!(plain, "Sans rien à changer, é à ÿ");
        let mut edges = String::new();
        push_escaped_latin1(&mut edges, "\u{FF}\u{100}'\u{7FF}\u{800}\u{FFFF}\u{10000}");
        assert_eq!(edges, "\u{FF}&#256;&#39;&#2047;&#2048;&#65535;&#65536;");
    }

    proptest::proptest! {
        /// Byte by byte, the same as character by character.
        #[test]
        fn latin1_escaping_is_per_character(text in "\\PC*") {
            let mut expected = String::new();
            for c in text.chars() {
                match c {
                    '&' | '<' | '>' | '"' | '\'' => push_escaped(&mut expected, &c.to_string()),
                    _ if u32::from(c) > 0xFF => expected.push_str(&format!("&#{};", u32::from(c))),
                    _ => expected.push(c),
                }
            }
            let mut written = String::new();
            push_escaped_latin1(&mut written, &text);
            proptest::prop_assert_eq!(written, expected);
        }
    }

    #[test]
    fn an_entity_already_written_is_escaped_again() {
        // User text is text: "&amp;" typed by someone must show as "&amp;", not as "&".
        assert_eq!(escaped("&amp;"), "&amp;amp;");
    }
}
