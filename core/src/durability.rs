//! What `Store::flush` adds to sled's flush so that a flushed write survives power loss.
//!
//! Upstream sled 0.34.7's flush writes its log with `pwrite` and then calls `sync_file_range`
//! on Linux, which neither flushes the drive's write cache nor the file's metadata; and it
//! writes large values to files under `blobs/` without syncing them at all
//! (`pagecache/iobuf.rs`, `pagecache/blob_io.rs`). After sled's flush, [`Durability::sync`]
//! therefore `fdatasync`s the log file, `fdatasync`s every blob file it has not synced before,
//! and `fsync`s the blob directory when it gained files.
//!
//! Ferry's copy of sled now syncs both itself (`vendor/README.md`, fixes 7 and 8), so this
//! second pass is redundant with the vendored sled; it stays until the flush path is measured
//! and reworked, and it keeps `flush` durable with an unpatched sled.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The files of one open store that a flush must sync.
#[derive(Debug)]
pub(crate) struct Durability {
    log: File,
    blobs: PathBuf,
    /// Blob files already synced; a blob file is written once and never changed.
    synced: Mutex<HashSet<OsString>>,
}

impl Durability {
    /// Opens the log file of the store in `dir` and syncs the directory itself, so that the
    /// files sled created when it made the store are durable too.
    pub(crate) fn open(dir: &Path) -> io::Result<Durability> {
        let log = File::open(dir.join("db"))?;
        File::open(dir)?.sync_all()?;
        Ok(Durability {
            log,
            blobs: dir.join("blobs"),
            synced: Mutex::new(HashSet::new()),
        })
    }

    /// Makes what sled's flush wrote durable. Returns the number of blob files synced.
    pub(crate) fn sync(&self) -> io::Result<usize> {
        self.log.sync_data()?;
        // A panic while holding the lock leaves a set that is still correct (only names of
        // synced files), so a poisoned lock is safe to reuse.
        let mut synced = self.synced.lock().unwrap_or_else(|e| e.into_inner());
        let mut present = HashSet::new();
        let mut fresh = 0;
        let entries = match std::fs::read_dir(&self.blobs) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e),
        };
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name();
            if !synced.contains(&name) {
                match File::open(entry.path()) {
                    Ok(file) => file.sync_data()?,
                    // sled removed it meanwhile (its value was replaced): nothing to keep.
                    Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                    Err(e) => return Err(e),
                }
                fresh += 1;
            }
            present.insert(name);
        }
        if fresh > 0 {
            File::open(&self.blobs)?.sync_all()?;
        }
        // Forget blobs sled has deleted, so the set does not grow without bound.
        *synced = present;
        Ok(fresh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syncs_each_new_blob_once_and_forgets_deleted_ones() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("db"), b"log").unwrap();
        let d = Durability::open(dir.path()).unwrap();
        assert_eq!(d.sync().unwrap(), 0, "no blobs directory yet");

        let blobs = dir.path().join("blobs");
        std::fs::create_dir(&blobs).unwrap();
        std::fs::write(blobs.join("1"), b"a").unwrap();
        std::fs::write(blobs.join("2"), b"b").unwrap();
        assert_eq!(d.sync().unwrap(), 2);
        assert_eq!(d.sync().unwrap(), 0, "already synced");

        std::fs::remove_file(blobs.join("1")).unwrap();
        std::fs::write(blobs.join("3"), b"c").unwrap();
        assert_eq!(d.sync().unwrap(), 1);
        assert_eq!(
            d.synced.lock().unwrap().len(),
            2,
            "the deleted blob was forgotten"
        );
    }
}
