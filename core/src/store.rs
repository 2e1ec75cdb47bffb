//! [`Store`]: an open store directory, its trees, durability and statistics.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::Serialize;

use crate::durability::Durability;
use crate::limits::{check_tree_name, DEFAULT_TREE};
use crate::owned::Owned;
use crate::tree::count_entries;
use crate::watermark::{self, Watermark};
use crate::{Error, Options, Result, Tree};

/// How long [`Store::open`] waits for the lock of a store that is still closing.
const LOCK_WAIT: Duration = Duration::from_secs(1);

/// The name sled gives its default tree; hidden behind [`DEFAULT_TREE`].
const SLED_DEFAULT_TREE: &[u8] = b"__sled__default";

/// An open store: a directory holding any number of named [`Tree`]s.
///
/// Cloning is cheap and every clone refers to the same open store; it may be used from many
/// threads at once. The store closes when the last clone (and the last [`Tree`] from it) is
/// dropped. Dropping does not promise durability: call [`Store::flush`] first.
///
/// # Durability
/// A write returns once it is in memory. It becomes durable (survives a crash of the process
/// or of the machine) when a later [`Store::flush`] returns `Ok`: `flush` writes every write of
/// every tree that returned before it was called and `fdatasync`s the files holding them
/// (see `durability.rs`). A temporary store promises nothing. The background
/// flusher ([`Options::flush_every_ms`]) makes writes durable sooner in practice but promises
/// nothing. After a crash, the store reopens to a state that includes every flushed write and
/// possibly some later ones; a [`Batch`](crate::Batch) is seen whole or not at all. A store
/// whose files lost flushed writes (damaged or cut short) fails to open with
/// [`Error::Corruption`] rather than opening with part of its content (`watermark.rs`).
#[derive(Clone)]
pub struct Store {
    db: Owned<sled::Db>,
    path: PathBuf,
    /// `None` for temporary stores, which promise nothing.
    durability: Option<Arc<Durability>>,
    /// `None` for temporary stores.
    watermark: Option<Arc<Watermark>>,
}

/// Figures about a store, from [`Store::stats`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Stats {
    /// Entries in all trees together.
    pub entries: u64,
    /// Number of trees, counting the default tree.
    pub trees: u64,
    /// Bytes the store's files take on disk.
    pub size_on_disk: u64,
}

impl Store {
    /// Opens the store in directory `path`, creating it (and missing parent directories)
    /// if needed.
    ///
    /// Fails with [`Error::Locked`] if the store is already open (after waiting up to a second,
    /// as a store closed a moment ago may hold its lock while its last writes finish),
    /// [`Error::InvalidOptions`]
    /// for out-of-range options, [`Error::Io`] when the directory cannot be used, and
    /// [`Error::Corruption`] when its files are not a valid store.
    pub fn open(path: impl AsRef<Path>, options: Options) -> Result<Store> {
        options.validate()?;
        let path = path.as_ref();
        let config = sled::Config::new()
            .path(path)
            .cache_capacity(options.cache_capacity)
            .flush_every_ms(options.flush_every_ms)
            .temporary(options.temporary);
        // A store closed a moment ago may still hold the lock while sled's background writer
        // finishes; wait a little for it before reporting `Locked`.
        let deadline = Instant::now() + LOCK_WAIT;
        loop {
            match config.open().map_err(|e| open_error(e, path)) {
                Ok(db) => {
                    let db = Owned::new(db);
                    let (durability, watermark) = if options.temporary {
                        (None, None)
                    } else {
                        // The watermark may create its file; Durability then syncs the
                        // directory, which makes that name durable.
                        let watermark = Watermark::open(&db, path)?;
                        let durability = Durability::open(path).map_err(Error::Io)?;
                        (Some(Arc::new(durability)), Some(Arc::new(watermark)))
                    };
                    return Ok(Store {
                        db,
                        path: path.to_path_buf(),
                        durability,
                        watermark,
                    });
                }
                Err(Error::Locked { .. }) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(err) => return Err(err),
            }
        }
    }

    /// Opens a new store in a fresh temporary directory that is deleted when the store
    /// closes. Handy for tests and examples.
    pub fn open_temporary() -> Result<Store> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = std::env::temp_dir().join(format!(
            "ferry-{}-{}-{}",
            std::process::id(),
            nanos,
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let options = Options {
            temporary: true,
            ..Options::default()
        };
        Store::open(dir, options)
    }

    /// The directory given to [`Store::open`].
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The tree every store has, named [`DEFAULT_TREE`]. It cannot be dropped.
    pub fn default_tree(&self) -> Tree {
        Tree::new((**self.db).clone(), DEFAULT_TREE)
    }

    /// The tree called `name`, created empty if it does not exist yet.
    ///
    /// A name is 1 to 255 bytes of UTF-8, contains no control characters and does not start
    /// with `__` (reserved); otherwise the error is [`Error::InvalidTreeName`].
    /// [`DEFAULT_TREE`] names the default tree.
    pub fn tree(&self, name: &str) -> Result<Tree> {
        if name == DEFAULT_TREE {
            return Ok(self.default_tree());
        }
        check_tree_name(name)?;
        Ok(Tree::new(self.db.open_tree(name)?, name))
    }

    /// The names of all trees, in ascending order, including [`DEFAULT_TREE`].
    pub fn tree_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .db
            .tree_names()
            .into_iter()
            .filter(|n| &**n != watermark::TREE.as_bytes())
            .map(|n| {
                if &*n == SLED_DEFAULT_TREE {
                    DEFAULT_TREE.to_string()
                } else {
                    // Every name was created through `tree`, from a `&str`.
                    String::from_utf8_lossy(&n).into_owned()
                }
            })
            .collect();
        names.sort();
        names
    }

    /// Deletes the tree called `name` and all its entries; returns whether it existed.
    ///
    /// Operations through [`Tree`] handles to it that are still alive may fail with
    /// [`Error::TreeDropped`]; open it again with [`Store::tree`] to start a new, empty tree.
    /// The default tree cannot be dropped ([`Error::InvalidTreeName`]).
    pub fn drop_tree(&self, name: &str) -> Result<bool> {
        if name == DEFAULT_TREE {
            return Err(Error::InvalidTreeName {
                name: name.to_string(),
                reason: "the default tree cannot be dropped",
            });
        }
        check_tree_name(name)?;
        Ok(self.db.drop_tree(name)?)
    }

    /// Makes every write that returned before this call durable; see the type's
    /// [Durability](Store#durability) section.
    pub fn flush(&self) -> Result<()> {
        let number = match &self.watermark {
            Some(watermark) => Some(watermark.before_flush()?),
            None => None,
        };
        self.db.flush()?;
        if let Some(durability) = &self.durability {
            durability.sync().map_err(Error::Io)?;
        }
        if let (Some(watermark), Some(number)) = (&self.watermark, number) {
            watermark.after_flush(number).map_err(Error::Io)?;
        }
        Ok(())
    }

    /// Counts entries and trees and measures the files on disk. Walks every tree: O(n).
    pub fn stats(&self) -> Result<Stats> {
        let names: Vec<_> = self
            .db
            .tree_names()
            .into_iter()
            .filter(|n| &**n != watermark::TREE.as_bytes())
            .collect();
        let mut entries = 0u64;
        for name in &names {
            entries += count_entries(&self.db.open_tree(name)?)? as u64;
        }
        Ok(Stats {
            entries,
            trees: names.len() as u64,
            size_on_disk: self.db.size_on_disk()?,
        })
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// sled reports a held lock as a plain I/O error; give it its own variant.
fn open_error(err: sled::Error, path: &Path) -> Error {
    match err {
        sled::Error::Io(io)
            if io.kind() == std::io::ErrorKind::WouldBlock || is_lock_error(&io) =>
        {
            Error::Locked {
                path: path.to_path_buf(),
            }
        }
        other => other.into(),
    }
}

fn is_lock_error(io: &std::io::Error) -> bool {
    io.to_string().contains("could not acquire lock")
}
