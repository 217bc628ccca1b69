//! Where the browser keeps what it remembers about backup copies (`model::backup_reminder`'s
//! `BackupRecord`): under a local storage key of its own, beside the workspace rather than in
//! it. It is a fact about this browser, and the workspace's autosave and the merging between
//! tabs need not know about it; another tab's writes to it are read again (`is_record_key`).

use super::store::{SaveError, Store};
use crate::model::backup_reminder::BackupRecord;
use crate::model::json;

/// The local storage key of the `BackupRecord`.
pub const BACKUP_KEY: &str = "atelier-cls.v1.sauvegarde";

/// The record stored; none, or one that cannot be read, is an empty record (the reminder then
/// shows, which is the safe side).
pub fn read_record(store: &dyn Store) -> BackupRecord {
    store.get(BACKUP_KEY).and_then(|text| json::from_text(&text).ok()).unwrap_or_default()
}

/// Writes the record. A write that fails (storage full or blocked) only costs a reminder shown
/// again: the autosave already reports such storage problems.
pub fn write_record(store: &dyn Store, record: &BackupRecord) -> Result<(), SaveError> {
    let text = json::to_text(record).map_err(|e| SaveError::Unavailable(e.to_string()))?;
    store.set(BACKUP_KEY, &text)
}

/// Changes the record in `record` and in storage.
pub fn change_record(
    store: &dyn Store,
    record: &mut BackupRecord,
    edit: impl FnOnce(&mut BackupRecord),
) -> Result<(), SaveError> {
    edit(record);
    write_record(store, record)
}

/// Whether a change of local storage (a storage event's key) is one of the record.
pub fn is_record_key(key: Option<&str>) -> bool {
    key == Some(BACKUP_KEY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;
    use crate::storage::store::MemoryStore;

    #[test]
    fn a_record_written_by_one_tab_is_read_by_another() {
        let store = MemoryStore::new();
        let mut record = read_record(&store);
        assert_eq!(record, BackupRecord::default(), "nothing stored: an empty record");
        let id = Id::from_u128(1);
        change_record(&store, &mut record, |r| r.record_export(&[id], 5, &[id])).unwrap();
        let other_tab = store.clone();
        assert_eq!(read_record(&other_tab).exported.get(&id), Some(&5));
        assert!(is_record_key(Some(BACKUP_KEY)));
        assert!(!is_record_key(Some("atelier-cls.v1.espace")) && !is_record_key(None));
    }

    #[test]
    fn an_unreadable_record_counts_as_none() {
        let store = MemoryStore::new();
        store.set(BACKUP_KEY, "{pas du json").unwrap();
        assert_eq!(read_record(&store), BackupRecord::default());
    }

    #[test]
    fn a_record_that_does_not_fit_is_kept_in_memory_and_the_stored_one_stays_whole() {
        let store = MemoryStore::new();
        let id = Id::from_u128(1);
        let mut record = BackupRecord::default();
        change_record(&store, &mut record, |r| r.dismissed_at = Some(1)).unwrap();
        store.fill();
        let refused = change_record(&store, &mut record, |r| r.record_export(&[id], 9, &[id]));
        assert_eq!(refused, Err(SaveError::Full));
        assert_eq!(record.exported.get(&id), Some(&9), "this page still knows");
        assert_eq!(read_record(&store).dismissed_at, Some(1));
        assert!(read_record(&store).exported.is_empty());
    }
}
