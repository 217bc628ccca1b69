//! The round trip of one answer, on cells: rows made for a lead, the sheet a lead fills in,
//! read back, previewed against the contract and applied.
