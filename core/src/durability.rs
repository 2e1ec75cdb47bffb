//! How a flushed write survives power loss: what sled's flush does, and the one sync Ferry adds.
//!
//! Ferry's copy of sled makes its own flush durable (`vendor/README.md`): each log buffer it
//! writes is `fdatasync`ed before sled counts it as stable (fix 7), each blob file and the
//! `blobs` directory are synced as a large value is written (fix 8), and `conf` is written to
//! a temporary file that is synced and renamed (fix 5). A flush writes the current log buffer
//! on the calling thread (fix 9), so [`Store::flush`](crate::Store::flush) costs one `pwrite`
//! and one `fdatasync` of the log, plus the blob files of large values written since the last
//! flush, plus the watermark's small unsynced `pwrite` (`watermark.rs`).
//!
//! Until issue 14, Ferry ran a second pass after sled's flush: `fdatasync` of the log again and
//! of every blob file, found by listing `blobs/`. With the patched sled it synced nothing new
//! and cost about a fifth of a commit; the power-loss model (`make soak MODE=power`) is what
//! shows that flushed writes still survive without it.
//!
//! What is left for Ferry is the store directory itself: sled creates `db`, `blobs/` and
//! `snap.*` files at open without syncing the directory that names them.

use std::fs::File;
use std::io;
use std::path::Path;

/// Syncs the directory of the store just opened in `dir`, so that the names of the files sled
/// (and the watermark) created there are durable before the first flush relies on them.
pub(crate) fn sync_store_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}
