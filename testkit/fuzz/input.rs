//! The fuzzer's input: a list of [`Op`]s, decoded from libFuzzer's bytes by `arbitrary`, with
//! keys, values and names that reach the limits and beyond.

use std::borrow::Cow;
use std::ops::Bound;
use std::sync::OnceLock;

use arbitrary::Arbitrary;
use ferry::{FerryStatus, FERRY_BOUND_EXCLUDED, FERRY_BOUND_INCLUDED, FERRY_BOUND_UNBOUNDED};

use crate::model;

/// A key: a few common ones (so operations meet), arbitrary bytes, or the limits.
#[derive(Arbitrary, Debug, Clone)]
pub(crate) enum Key {
    Pick(u8),
    Bytes(Vec<u8>),
    Empty,
    Max,
    Oversized(u8),
}

impl Key {
    pub(crate) fn bytes(&self) -> Vec<u8> {
        match self {
            Key::Pick(n) => format!("k{}", n % 12).into_bytes(),
            Key::Bytes(b) => b.clone(),
            Key::Empty => Vec::new(),
            Key::Max => vec![b'm'; model::MAX_KEY],
            Key::Oversized(n) => vec![b'o'; model::MAX_KEY + 1 + usize::from(*n)],
        }
    }
}

/// A value: short, arbitrary, large, or one byte over the limit.
#[derive(Arbitrary, Debug, Clone)]
pub(crate) enum Val {
    Pick(u8),
    Bytes(Vec<u8>),
    Large(u16),
    Oversized,
}

/// One byte over `FERRY_MAX_VALUE_LEN`, allocated once (zeroed pages cost nothing until read).
fn oversized_value() -> &'static [u8] {
    static VALUE: OnceLock<Vec<u8>> = OnceLock::new();
    VALUE.get_or_init(|| vec![0u8; model::MAX_VALUE + 1])
}

impl Val {
    pub(crate) fn bytes(&self) -> Cow<'static, [u8]> {
        match self {
            Val::Pick(n) => format!("v{n}").into_bytes().into(),
            Val::Bytes(b) => b.clone().into(),
            Val::Large(n) => vec![(*n % 251) as u8; 1000 + usize::from(*n)].into(),
            Val::Oversized => oversized_value().into(),
        }
    }
}

/// A tree name: a few valid ones, or arbitrary bytes (cut at the first NUL).
#[derive(Arbitrary, Debug, Clone)]
pub(crate) enum Name {
    Pick(u8),
    Raw(Vec<u8>),
}

impl Name {
    pub(crate) fn bytes(&self) -> Vec<u8> {
        match self {
            Name::Pick(n) => ["a", "b", "c", "default"][usize::from(*n % 4)]
                .as_bytes()
                .to_vec(),
            Name::Raw(b) => b.split(|&c| c == 0).next().unwrap_or_default().to_vec(),
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub(crate) enum EndBound {
    Unbounded,
    Included(Key),
    Excluded(Key),
    /// An arbitrary kind number (most are invalid).
    Kind(u32, Key),
}

impl EndBound {
    pub(crate) fn raw(&self) -> (Vec<u8>, u32) {
        match self {
            EndBound::Unbounded => (Vec::new(), FERRY_BOUND_UNBOUNDED),
            EndBound::Included(k) => (k.bytes(), FERRY_BOUND_INCLUDED),
            EndBound::Excluded(k) => (k.bytes(), FERRY_BOUND_EXCLUDED),
            EndBound::Kind(n, k) => (k.bytes(), *n),
        }
    }

    pub(crate) fn model(&self) -> Result<Bound<Vec<u8>>, FerryStatus> {
        let (key, kind) = self.raw();
        match kind {
            FERRY_BOUND_UNBOUNDED => Ok(Bound::Unbounded),
            FERRY_BOUND_INCLUDED => Ok(Bound::Included(key)),
            FERRY_BOUND_EXCLUDED => Ok(Bound::Excluded(key)),
            _ => Err(FerryStatus::InvalidArgument),
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub(crate) enum Op {
    OpenTree {
        slot: u8,
        name: Name,
    },
    DestroyTree {
        slot: u8,
    },
    Insert {
        slot: u8,
        key: Key,
        value: Val,
    },
    Get {
        slot: u8,
        key: Key,
        buffer: u16,
    },
    Remove {
        slot: u8,
        key: Key,
    },
    Cas {
        slot: u8,
        key: Key,
        expected: Option<Val>,
        new: Option<Val>,
    },
    Len {
        slot: u8,
    },
    BatchNew {
        batch: u8,
    },
    BatchInsert {
        batch: u8,
        key: Key,
        value: Val,
    },
    BatchRemove {
        batch: u8,
        key: Key,
    },
    BatchApply {
        batch: u8,
        slot: u8,
    },
    BatchDestroy {
        batch: u8,
    },
    ViewGet {
        view: u8,
        slot: u8,
        key: Key,
    },
    ViewCheck {
        view: u8,
    },
    ViewDestroy {
        view: u8,
    },
    CursorOpen {
        cursor: u8,
        slot: u8,
        start: EndBound,
        end: EndBound,
        reverse: bool,
        limit: Option<u8>,
    },
    CursorPrefix {
        cursor: u8,
        slot: u8,
        prefix: Key,
        reverse: bool,
        limit: Option<u8>,
    },
    CursorNext {
        cursor: u8,
        buffer: u16,
    },
    CursorDestroy {
        cursor: u8,
    },
    Flush,
    Stats,
    DropTree {
        name: Name,
    },
    Reopen,
    Nulls {
        which: u8,
    },
    BadPath {
        bytes: Vec<u8>,
    },
    LastError {
        buffer: u8,
    },
    IoFault {
        nth: u8,
    },
}
