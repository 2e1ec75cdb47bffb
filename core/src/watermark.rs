//! The flush watermark: how a store that lost flushed writes is told from one that did not.
//!
//! sled reads its log at open until the first message it cannot read and treats the rest as
//! the torn tail of a crash. That is right for a crash, but a damaged or truncated file reads
//! the same way: the store opens with part of its content, or none, and no error. So every
//! [`Store::flush`](crate::Store::flush) numbers itself: before sled's flush it inserts its
//! number into a reserved tree (so the number is in the log after every write the flush
//! covers), and after the flush has returned it writes the number to `ferry.watermark` beside
//! the log. At open, a log holding a lower number than that file has lost flushed writes:
//! [`Error::Corruption`].
//!
//! The file is written with one small `pwrite` and never synced, so after a crash it may hold
//! an older number than the log, or nothing: it is a lower bound, never a false alarm. Its 16
//! bytes are the number and the number XOR a constant, both little-endian; anything else
//! (a file never written, zeroed, cut short) carries no information and is ignored.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::Mutex;

use crate::error::Engine;
use crate::owned::Owned;
use crate::{Error, Result};

/// The reserved tree the numbers go to; hidden from [`Store::tree_names`](crate::Store).
pub(crate) const TREE: &str = "__ferry_watermark";
/// The file beside the log.
pub(crate) const FILE: &str = "ferry.watermark";
const KEY: &[u8] = b"flushed";
const CHECK: u64 = 0xA5A5_5A5A_F0F0_0F0F;

/// One open store's watermark.
pub(crate) struct Watermark {
    /// Owned: it may be the store's last sled handle, whose drop can panic (`owned.rs`).
    tree: Owned<sled::Tree>,
    file: File,
    /// The last number inserted into [`TREE`]; held while inserting, so numbers reach the log
    /// in order.
    inserted: Mutex<u64>,
    /// The highest number written to the file.
    written: Mutex<u64>,
}

impl Watermark {
    /// Checks the store just opened in `dir` against its watermark file, creating the file if
    /// needed (before the caller syncs the directory, so its name is durable).
    pub(crate) fn open(db: &sled::Db, dir: &Path) -> Result<Watermark> {
        let tree = db.open_tree(TREE).engine()?;
        let in_log = match tree.get(KEY).engine()? {
            None => 0,
            Some(bytes) => decode_u64(&bytes).ok_or_else(|| Error::Corruption {
                detail: format!(
                    "the flush watermark in the log is {} bytes long",
                    bytes.len()
                ),
            })?,
        };
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(dir.join(FILE))
            .map_err(Error::Io)?;
        let mut buf = [0u8; 16];
        let on_side = match file.read_exact_at(&mut buf, 0) {
            Ok(()) => decode_file(&buf),
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => None,
            Err(e) => return Err(Error::Io(e)),
        };
        if let Some(flushed) = on_side.filter(|&n| n > in_log) {
            return Err(Error::Corruption {
                detail: format!(
                    "the log ends before the last flush (flush {flushed} completed, the log \
                     holds up to flush {in_log}): its files are damaged or incomplete"
                ),
            });
        }
        Ok(Watermark {
            tree: Owned::new(tree),
            file,
            inserted: Mutex::new(in_log),
            written: Mutex::new(on_side.unwrap_or(0)),
        })
    }

    /// Before sled's flush: numbers this flush and puts the number in the log.
    pub(crate) fn before_flush(&self) -> Result<u64> {
        // A panic while holding either lock leaves a number that is still a valid lower
        // bound, so a poisoned lock is safe to reuse.
        let mut inserted = self.inserted.lock().unwrap_or_else(|e| e.into_inner());
        let n = *inserted + 1;
        self.tree.insert(KEY, &n.to_le_bytes()).engine()?;
        *inserted = n;
        Ok(n)
    }

    /// After the flush numbered `n` has returned: records it beside the log.
    pub(crate) fn after_flush(&self, n: u64) -> io::Result<()> {
        let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        if n > *written {
            let mut buf = [0u8; 16];
            buf[..8].copy_from_slice(&n.to_le_bytes());
            buf[8..].copy_from_slice(&(n ^ CHECK).to_le_bytes());
            self.file.write_all_at(&buf, 0)?;
            *written = n;
        }
        Ok(())
    }
}

fn decode_u64(bytes: &[u8]) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.try_into().ok()?))
}

fn decode_file(buf: &[u8; 16]) -> Option<u64> {
    let n = decode_u64(&buf[..8])?;
    (decode_u64(&buf[8..])? == n ^ CHECK).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_format_round_trips_and_rejects_damage() {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        let w = Watermark::open(&db, dir.path()).unwrap();
        let n = w.before_flush().unwrap();
        w.after_flush(n).unwrap();
        let bytes: [u8; 16] = std::fs::read(dir.path().join(FILE))
            .unwrap()
            .try_into()
            .unwrap();
        assert_eq!(decode_file(&bytes), Some(1));
        let mut flipped = bytes;
        flipped[3] ^= 1;
        assert_eq!(decode_file(&flipped), None);
        assert_eq!(decode_file(&[0; 16]), None);
    }
}
