//! The zip container of an ODF package, written here over `miniz_oxide` (deflate) rather than
//! with the `zip` crate: an ODT needs only the plain zip of 1993 (no zip64, no encryption, no
//! reading), and the `zip` crate cost 14 KB of brotli wasm more than this file for it; the
//! CRC-32 is computed here too, as `crc32fast` carries a 16 KiB table (figures in
//! bench/RESULTS.md, « Export ODT »). The `zip` crate reads the files back in the tests, and
//! LibreOffice opens them in `tests/documents/`.
//!
//! Each entry is a local header, its data, then a central directory lists them all
//! (APPNOTE.TXT § 4.3). Dates are the format's epoch, 1980-01-01: the document's own date is
//! in its text, and the bytes stay the same for the same document.

use std::io;

/// How an entry's data is written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// As it is: what ODF requires of `mimetype`.
    Stored = 0,
    Deflated = 8,
}

/// The deflate level: miniz's default, a good size for the time (6 of 10).
const LEVEL: u8 = 6;
/// Version 2.0 of the format: deflate, folders.
const VERSION: u16 = 20;
/// 1980-01-01 in MS-DOS date format (day 1, month 1, year 0), time 00:00.
const DOS_DATE: u16 = 0x21;

/// An entry written, as the central directory will list it.
struct Written {
    name: String,
    method: Method,
    crc: u32,
    compressed: u32,
    size: u32,
    offset: u32,
}

/// A zip being written in memory, entries in the order they are added.
pub struct Zip {
    bytes: Vec<u8>,
    entries: Vec<Written>,
    crc_table: [u32; 256],
}

/// The table of the bytewise CRC-32 of zip (IEEE 802.3, reflected polynomial 0xEDB88320).
fn crc_table() -> [u32; 256] {
    let mut table = [0; 256];
    for (byte, entry) in (0u32..).zip(table.iter_mut()) {
        *entry = (0..8).fold(byte, |c, _| if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 });
    }
    table
}

fn crc32(table: &[u32; 256], data: &[u8]) -> u32 {
    !data.iter().fold(!0, |crc, byte| table[usize::from((crc as u8) ^ byte)] ^ (crc >> 8))
}

fn too_large() -> io::Error {
    io::Error::other("fichier trop volumineux pour un zip sans zip64 (4 Go)")
}

fn u32_of(n: usize) -> io::Result<u32> {
    u32::try_from(n).map_err(|_| too_large())
}

impl Zip {
    pub fn new() -> Self {
        Zip { bytes: Vec::new(), entries: Vec::new(), crc_table: crc_table() }
    }

    fn u16(&mut self, n: u16) {
        self.bytes.extend_from_slice(&n.to_le_bytes());
    }

    fn u32(&mut self, n: u32) {
        self.bytes.extend_from_slice(&n.to_le_bytes());
    }

    /// The fields a local header and a central directory entry share, from « version needed »
    /// to the name's length (APPNOTE.TXT § 4.3.7 and § 4.3.12).
    fn common_fields(&mut self, entry: &Written) -> io::Result<()> {
        self.u16(VERSION);
        self.u16(0); // flags: no encryption, sizes known before the data
        self.u16(entry.method as u16);
        self.u16(0); // time
        self.u16(DOS_DATE);
        self.u32(entry.crc);
        self.u32(entry.compressed);
        self.u32(entry.size);
        self.u16(u16::try_from(entry.name.len()).map_err(|_| too_large())?);
        Ok(())
    }

    /// Adds an entry. Names are ASCII paths (`content.xml`, `Pictures/chart1.svg`).
    pub fn add(&mut self, name: &str, method: Method, data: &[u8]) -> io::Result<()> {
        let deflated;
        let stored = match method {
            Method::Stored => data,
            Method::Deflated => {
                deflated = miniz_oxide::deflate::compress_to_vec(data, LEVEL);
                &deflated
            }
        };
        let entry = Written {
            name: name.to_owned(),
            method,
            crc: crc32(&self.crc_table, data),
            compressed: u32_of(stored.len())?,
            size: u32_of(data.len())?,
            offset: u32_of(self.bytes.len())?,
        };
        self.u32(0x0403_4b50);
        self.common_fields(&entry)?;
        self.u16(0); // extra field's length
        self.bytes.extend_from_slice(name.as_bytes());
        self.bytes.extend_from_slice(stored);
        self.entries.push(entry);
        Ok(())
    }

    /// The central directory and its end record: the zip's bytes.
    pub fn finish(mut self) -> io::Result<Vec<u8>> {
        let start = u32_of(self.bytes.len())?;
        let entries = std::mem::take(&mut self.entries);
        for entry in &entries {
            self.u32(0x0201_4b50);
            self.u16(VERSION); // made by: MS-DOS attributes, version 2.0
            self.common_fields(entry)?;
            self.u16(0); // extra field's length
            self.u16(0); // comment's length
            self.u16(0); // disk number
            self.u16(0); // internal attributes
            self.u32(0); // external attributes
            self.u32(entry.offset);
            self.bytes.extend_from_slice(entry.name.as_bytes());
        }
        let size = u32_of(self.bytes.len())? - start;
        let count = u16::try_from(entries.len()).map_err(|_| too_large())?;
        self.u32(0x0605_4b50);
        self.u16(0); // this disk
        self.u16(0); // the disk where the directory starts
        self.u16(count);
        self.u16(count);
        self.u32(size);
        self.u32(start);
        self.u16(0); // comment's length
        Ok(self.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_crc_is_the_one_of_zip() {
        let table = crc_table();
        assert_eq!(crc32(&table, b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(&table, b""), 0);
    }
}
