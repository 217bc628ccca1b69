//! The ODF package: a zip whose first entry is `mimetype`, stored uncompressed so that a reader
//! recognises the file from its first bytes (ODF 1.2, part 3, § 3.3), then the manifest
//! listing every entry, the metadata (`meta.xml`, with the title) and the parts.

use super::xml::Xml;
use super::zip::{Method, Zip};
use super::ODF_VERSION;
use crate::document::Document;
use std::io;

/// One file of the package besides `mimetype` and the manifest.
pub struct Entry {
    pub path: String,
    pub bytes: Vec<u8>,
    pub media_type: &'static str,
}

const MANIFEST_NS: &str = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";

/// `META-INF/manifest.xml`: the package's own entry, then every entry with its media type.
fn manifest_xml(media_type: &str, entries: &[Entry]) -> io::Result<Vec<u8>> {
    let mut xml = Xml::new();
    let root = [("xmlns:manifest", MANIFEST_NS), ("manifest:version", ODF_VERSION)];
    xml.open("manifest:manifest", &root);
    let package = [
        ("manifest:full-path", "/"),
        ("manifest:version", ODF_VERSION),
        ("manifest:media-type", media_type),
    ];
    xml.empty("manifest:file-entry", &package);
    for entry in entries {
        let file = [
            ("manifest:full-path", entry.path.as_str()),
            ("manifest:media-type", entry.media_type),
        ];
        xml.empty("manifest:file-entry", &file);
    }
    xml.close("manifest:manifest");
    xml.finish()
}

/// `meta.xml`: the title the office suite shows, the language and what wrote the file.
pub fn meta_xml(doc: &Document) -> io::Result<Vec<u8>> {
    let mut xml = Xml::new();
    let mut root = super::NAMESPACES.to_vec();
    root.push(("office:version", ODF_VERSION));
    xml.open("office:document-meta", &root);
    xml.open("office:meta", &[]);
    xml.element("meta:generator", &[], "Atelier CLS");
    xml.element("dc:title", &[], &doc.title);
    if !doc.contract_name.trim().is_empty() {
        xml.element("dc:subject", &[], &doc.contract_name);
    }
    xml.element("dc:language", &[], "fr-FR");
    xml.close("office:meta");
    xml.close("office:document-meta");
    xml.finish()
}

/// The zip of an ODF package of `media_type` (a text, a spreadsheet): `mimetype` first and
/// stored, the rest compressed, the manifest last (it lists the others).
pub fn package(media_type: &str, entries: &[Entry]) -> io::Result<Vec<u8>> {
    let mut zip = Zip::new();
    zip.add("mimetype", Method::Stored, media_type.as_bytes())?;
    for entry in entries {
        zip.add(&entry.path, Method::Deflated, &entry.bytes)?;
    }
    zip.add("META-INF/manifest.xml", Method::Deflated, &manifest_xml(media_type, entries)?)?;
    zip.finish()
}
