//! The one error type of `ferry-core`.

use std::path::PathBuf;

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in `ferry-core`.
///
/// Input errors (the first group) are detected before the storage engine is touched, so the
/// store is unchanged when one is returned. Storage errors (the second group) come from the
/// engine or the file system.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A key is longer than [`MAX_KEY_LEN`](crate::MAX_KEY_LEN) bytes.
    #[error("key is {len} bytes long; the limit is {max} bytes")]
    KeyTooLong {
        /// Length of the rejected key in bytes.
        len: usize,
        /// The limit, [`MAX_KEY_LEN`](crate::MAX_KEY_LEN).
        max: usize,
    },
    /// A value is longer than [`MAX_VALUE_LEN`](crate::MAX_VALUE_LEN) bytes.
    #[error("value is {len} bytes long; the limit is {max} bytes")]
    ValueTooLong {
        /// Length of the rejected value in bytes.
        len: usize,
        /// The limit, [`MAX_VALUE_LEN`](crate::MAX_VALUE_LEN).
        max: usize,
    },
    /// A tree name breaks the rules given at [`Store::tree`](crate::Store::tree).
    #[error("invalid tree name {name:?}: {reason}")]
    InvalidTreeName {
        /// The rejected name.
        name: String,
        /// Which rule it breaks.
        reason: &'static str,
    },
    /// A scan's start bound lies after its end bound.
    #[error("invalid range: the start bound lies after the end bound")]
    InvalidRange,
    /// An [`Options`](crate::Options) field is out of its documented range.
    #[error("invalid options: {0}")]
    InvalidOptions(String),
    /// The store's directory is already open, by this process or another one.
    ///
    /// A store may be open only once at a time; share the open [`Store`](crate::Store)
    /// (it is cheap to clone and safe to use from many threads) instead of opening it again.
    #[error("the store at {} is already open (by this or another process)", path.display())]
    Locked {
        /// The store's directory.
        path: PathBuf,
    },
    /// The operating system reported an I/O error.
    #[error("I/O error: {0}")]
    Io(#[source] std::io::Error),
    /// The files on disk are not a valid store (damaged, truncated, or not a store at all).
    #[error("the store's files are corrupt: {detail}")]
    Corruption {
        /// What the storage engine reported.
        detail: String,
    },
    /// The tree was dropped with [`Store::drop_tree`](crate::Store::drop_tree) while this
    /// handle to it was in use.
    #[error("the tree {name:?} was dropped")]
    TreeDropped {
        /// The dropped tree's name as the engine reports it.
        name: String,
    },
    /// The storage engine refused an operation it does not support.
    #[error("unsupported by the storage engine: {0}")]
    Unsupported(String),
    /// The storage engine hit an internal bug; the message is what it reported.
    #[error("internal error in the storage engine: {0}")]
    Internal(String),
}

impl Error {
    /// The error for what sled reported. Crate-private, as a function rather than a `From`
    /// impl: a trait impl would be public, and sled types must not appear in the API
    /// (ARCHITECTURE.md, invariants). Inside the crate, [`Engine::engine`] converts a
    /// `sled::Result` before `?`.
    pub(crate) fn from_sled(err: sled::Error) -> Error {
        match err {
            sled::Error::Io(io) => Error::Io(io),
            sled::Error::Corruption { at, bt: () } => Error::Corruption {
                detail: match at {
                    Some(at) => format!("corrupt data at {at}"),
                    None => "corrupt data".to_string(),
                },
            },
            sled::Error::Unsupported(what) => Error::Unsupported(what),
            sled::Error::ReportableBug(what) => Error::Internal(what),
            // sled reports operations on a dropped tree this way.
            sled::Error::CollectionNotFound(name) => Error::TreeDropped {
                name: String::from_utf8_lossy(&name).into_owned(),
            },
        }
    }
}

/// Converts a sled result into Ferry's, so that `?` works inside the crate without a public
/// `From<sled::Error>` (see [`Error::from_sled`]).
pub(crate) trait Engine<T> {
    /// The result with sled's error mapped to an [`Error`].
    fn engine(self) -> Result<T>;
}

impl<T> Engine<T> for sled::Result<T> {
    fn engine(self) -> Result<T> {
        self.map_err(Error::from_sled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Unsupported, Internal and TreeDropped are hard to provoke on purpose; check the mapping.
    #[test]
    fn every_engine_error_maps_to_a_variant_with_its_message() {
        let io = std::io::Error::other("disk on fire");
        assert!(
            matches!(Error::from_sled(sled::Error::Io(io)), Error::Io(e) if e.to_string() == "disk on fire")
        );
        let corrupt = Error::from_sled(sled::Error::Corruption { at: None, bt: () });
        assert_eq!(
            corrupt.to_string(),
            "the store's files are corrupt: corrupt data"
        );
        let unsupported = Error::from_sled(sled::Error::Unsupported("zstd".into()));
        assert_eq!(
            unsupported.to_string(),
            "unsupported by the storage engine: zstd"
        );
        let bug = Error::from_sled(sled::Error::ReportableBug("oops".into()));
        assert_eq!(
            bug.to_string(),
            "internal error in the storage engine: oops"
        );
        let dropped = Error::from_sled(sled::Error::CollectionNotFound(b"t".into()));
        assert!(matches!(&dropped, Error::TreeDropped { name } if name == "t"));
        assert_eq!(dropped.to_string(), "the tree \"t\" was dropped");
    }
}
