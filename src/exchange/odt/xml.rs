//! The XML writer every part of the package uses: quick-xml's writer (which escapes `<&>"'`)
//! behind a few calls that cannot forget a character XML 1.0 forbids.
//!
//! Texts come from people: a comment pasted from a PDF may hold a form feed or a stray NUL, and
//! one such character makes the whole file unreadable (LibreOffice refuses it as corrupt). So
//! every text and attribute value goes through [`clean`] here, not at each call site.

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::borrow::Cow;
use std::io;

/// An XML document being written in memory.
pub struct Xml {
    writer: Writer<Vec<u8>>,
    /// Writing to memory does not fail; should it ever, the first error is kept and returned
    /// by [`Xml::finish`] instead of threading a `Result` through every element.
    error: Option<io::Error>,
}

impl Xml {
    /// A new document, with its `<?xml version="1.0" encoding="UTF-8"?>` declaration.
    pub fn new() -> Self {
        let mut xml = Xml { writer: Writer::new(Vec::new()), error: None };
        xml.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        xml
    }

    /// A part of a document, to be put into another with [`Xml::raw`]: no declaration.
    pub fn fragment() -> Self {
        Xml { writer: Writer::new(Vec::new()), error: None }
    }

    /// Well-formed XML written elsewhere ([`Xml::fragment`]), as it is.
    pub fn raw(&mut self, xml: &[u8]) {
        self.writer.get_mut().extend_from_slice(xml);
    }

    fn event(&mut self, event: Event) {
        if let Err(error) = self.writer.write_event(event) {
            self.error.get_or_insert(error);
        }
    }

    fn start(name: &str, attributes: &[(&str, &str)]) -> BytesStart<'static> {
        let mut start = BytesStart::new(name.to_owned());
        for (key, value) in attributes {
            start.push_attribute((*key, clean(value).as_ref()));
        }
        start
    }

    /// Opens an element; [`Xml::close`] closes it.
    pub fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.event(Event::Start(Self::start(name, attributes)));
    }

    pub fn close(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    /// An element with no content: `<name a="v"/>`.
    pub fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.event(Event::Empty(Self::start(name, attributes)));
    }

    /// Text, escaped, as it is (XML collapses nothing outside ODF's paragraphs).
    pub fn text(&mut self, text: &str) {
        let text = clean(text);
        if !text.is_empty() {
            self.event(Event::Text(BytesText::new(&text)));
        }
    }

    /// An element holding only text: `<name a="v">text</name>`.
    pub fn element(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.open(name, attributes);
        self.text(text);
        self.close(name);
    }

    /// Text inside an ODF paragraph or heading, where a reader collapses runs of white space:
    /// spaces beyond the first become `<text:s/>`, tabs `<text:tab/>`, line ends
    /// `<text:line-break/>`, so that what someone typed reads the same.
    pub fn paragraph_text(&mut self, text: &str) {
        let text = clean(text);
        let mut run = String::new();
        // A space is kept as it is only after a character that is not white space.
        let mut space_kept = false;
        for c in text.chars() {
            let element = match c {
                ' ' if space_kept => {
                    run.push(' ');
                    space_kept = false;
                    continue;
                }
                ' ' => "text:s",
                '\t' => "text:tab",
                '\n' => "text:line-break",
                _ => {
                    run.push(c);
                    space_kept = true;
                    continue;
                }
            };
            self.text(&run);
            run.clear();
            self.empty(element, &[]);
            space_kept = false;
        }
        self.text(&run);
    }

    /// The bytes written, or the first error met.
    pub fn finish(self) -> io::Result<Vec<u8>> {
        match self.error {
            Some(error) => Err(error),
            None => Ok(self.writer.into_inner()),
        }
    }
}

/// Whether XML 1.0 allows a character: tab, line feed, carriage return, then everything from
/// the space on but the two non-characters U+FFFE and U+FFFF (Rust strings hold no surrogate).
pub fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{FFFD}' | '\u{10000}'..)
}

/// The text with the characters XML 1.0 forbids dropped and line ends made `\n` (a lone `\r`
/// included, as old Mac files have them). Borrows when there is nothing to change.
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| allowed(c) && c != '\r') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_dropped_and_line_ends_made_line_feeds() {
        assert_eq!(clean("a\u{0}b\u{c}c\u{1f}d\u{FFFE}e\u{FFFF}"), "abcde");
        assert_eq!(clean("un\r\ndeux\rtrois\n"), "un\ndeux\ntrois\n");
        assert!(matches!(clean("déjà « vu »\t😀"), Cow::Borrowed(_)));
    }

    fn written(text: &str) -> String {
        let mut xml = Xml::fragment();
        xml.paragraph_text(text);
        String::from_utf8(xml.finish().unwrap()).unwrap()
    }

    #[test]
    fn white_space_a_reader_would_collapse_is_written_as_odf_elements() {
        assert_eq!(written("a b"), "a b");
        assert_eq!(written(" a  b "), "<text:s/>a <text:s/>b ");
        assert_eq!(written("a\tb\nc"), "a<text:tab/>b<text:line-break/>c");
        assert_eq!(written("a\n b"), "a<text:line-break/><text:s/>b");
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(written("<a & \"b\" 'c'>"), "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;");
    }
}
