//! The answers of the yearly collection (« Collecte ») coming back: a lead's spreadsheet, read
//! as cells (`table`, whatever its format), its sheets and columns found by their French
//! headers (`columns`), its rows matched to the contract by their reference or, failing that,
//! by number and title (`matching`), its statuses, amounts and dates read as French
//! spreadsheets write them (`status`, `cells`); then the preview of what the answer changes,
//! lead by lead, and applying it (`preview`, `apply`).
//!
//! Also the cells of the spreadsheet made for a lead (`sheets`), which the file writers lay out
//! and which reading back is tested against, and the « Écrire au pilote » mail link (`mail`).
//!
//! Who is asked and which rows is the model's (`model::collection`); here is what touches
//! files, as the import and the merge of exchange files are. Every format is read into the same
//! [`Workbook`] of cell values (never formulas): CSV (`csv_file`: UTF-8 with or without BOM,
//! UTF-16, Windows-1252; `;`, `,` or tab), `.xlsx` and `.ods` (`workbook_file`, with calamine,
//! which also finds a file's format from its bytes). The workbook made for a lead is written
//! as `.xlsx` (`xlsx`, with rust_xlsxwriter) and `.ods` (`ods`, with the app's ODF writer),
//! dressed alike (`presentation`).

mod answers;
mod apply;
mod cells;
mod columns;
mod csv_file;
mod files;
mod fingerprint;
mod mail;
mod matching;
mod ods;
mod presentation;
mod preview;
mod sheets;
mod status;
mod table;
mod workbook_file;
mod xlsx;

#[cfg(test)]
mod file_tests;
#[cfg(test)]
mod tests;

pub use answers::{read_answers, AnsweredCell, AnsweredRow, Answers, Field, Value};
pub use apply::{apply_answer, Applied};
pub use cells::{read_date, read_spent};
pub use columns::{find_layout, Column, Layout, Part};
pub use csv_file::{csv_workbook, MAX_CSV_BYTES};
pub use files::{
    all_files, answer_year, lead_file, lead_file_name, SheetFile, SheetFormat, ZIP_MEDIA_TYPE,
};
pub use fingerprint::{funding_made_with, indicator_made_with, review_made_with};
pub use mail::{lead_mail, LeadMail};
pub use ods::{ods_bytes, ODS_MEDIA_TYPE};
pub use preview::{preview_answer, AnswerChange, ChangeKind, LeadPreview};
pub use sheets::{lead_workbook, ANSWER_DATE, GUIDE, TO_FILL_LEGEND};
pub use status::{read_status, StatusReading};
pub use table::{cell_name, Problem, SheetCells, Workbook, MAX_COLUMNS, MAX_ROWS};
pub use workbook_file::{number_text, read_workbook, FileKind, MAX_INFLATED_BYTES};
pub use xlsx::{xlsx_bytes, XLSX_MEDIA_TYPE};
