//! `ferry-core`: Ferry's embedded key-value store.
//!
//! A [`Store`] is a directory holding named, ordered [`Tree`]s of byte keys and byte values,
//! built on the `sled` storage engine. Every operation is thread-safe; writes become durable
//! when [`Store::flush`] returns (see [Durability](Store#durability)).
//!
//! ```
//! use ferry_core::{Batch, Options, Scan, Store};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let store = Store::open(dir.path(), Options::default())?;
//! let users = store.tree("users")?;
//!
//! users.insert(b"user/1", b"ada")?;
//! let mut batch = Batch::new();
//! batch.insert(b"user/2", b"grace")?;
//! batch.insert(b"user/3", b"linus")?;
//! users.apply_batch(batch)?;
//! store.flush()?; // everything above is now durable
//!
//! assert_eq!(users.get(b"user/2")?.as_deref(), Some(&b"grace"[..]));
//! let newest_two: Vec<_> = users
//!     .scan(&Scan::prefix("user/").reverse().limit(2))?
//!     .map(|entry| entry.map(|(key, _)| key.to_vec()))
//!     .collect::<Result<_, _>>()?;
//! assert_eq!(newest_two, [b"user/3".to_vec(), b"user/2".to_vec()]);
//! # Ok::<(), ferry_core::Error>(())
//! ```
//!
//! # Limits
//! Keys are at most [`MAX_KEY_LEN`] bytes, values at most [`MAX_VALUE_LEN`] bytes, tree names
//! follow the rules at [`Store::tree`]. Breaking a limit returns an [`Error`] and changes
//! nothing; no input makes this crate panic.
#![warn(missing_docs)]

mod batch;
mod durability;
mod error;
mod group_commit;
mod limits;
mod options;
mod owned;
mod scan;
mod store;
mod tree;
mod value;
mod watermark;

pub use batch::Batch;
pub use error::{Error, Result};
pub use limits::{DEFAULT_TREE, MAX_KEY_LEN, MAX_TREE_NAME_LEN, MAX_VALUE_LEN};
pub use options::Options;
pub use scan::{Iter, Scan};
pub use store::{Stats, Store};
pub use tree::{CasOutcome, Tree};
pub use value::Value;
