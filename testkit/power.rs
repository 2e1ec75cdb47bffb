//! The power-loss model: what a store directory may look like after the power fails, given
//! every write and sync the writer made. Test-only code, included (`#[path]`) by the crash
//! test, the soak and core's findings tests (`testkit/README.md`), never by `ferry-core`; it
//! extends the fault layer (`faults.rs`).
//!
//! # Recording (the writer process)
//! [`record`] (or [`record_from_env`], in the writer child) makes the process journal, in order, every call that changes a file or
//! a directory under the store directory: `open64` (with `O_CREAT`/`O_TRUNC`), `close`,
//! `write`, `pwrite64`, `ftruncate64`, `fsync`, `fdatasync`, `rename`, `unlink` and `mkdir`.
//! These are the calls std and sled 0.34.7 change files with on Linux (`nm -D libferry.so`).
//! The interposers here, and `faults.rs`'s observer for the last three, make the real call and
//! append its record under one lock, so the journal's order is the order the calls took effect.
//! The journal lives outside the store and is written with plain `write`s: a SIGKILL keeps it.
//!
//! # Replaying (the parent)
//! [`Disk`] starts from the store directory as it was before the writer started (all of it
//! durable) and replays the journal. Per file it keeps the durable content and the data
//! operations (writes, size changes) since that file's last successful `fsync`/`fdatasync`;
//! per store it keeps the namespace operations (create, rename, unlink, mkdir) not yet made
//! durable by an `fsync` of the directory they change. [`Disk::cut`] then loses that unsynced
//! state in one of three ways ([`Cut`]): all of it, none of it (what SIGKILL does), or a random
//! subset of each file's data operations, applied in random order, each kept write possibly
//! torn (a random subset of its 512-byte sectors reaches the disk).
//!
//! # What the model does not cover
//! - Namespace operations that are not yet durable survive as a *prefix*, in program order, as
//!   on a journaling file system (ext4, XFS); the model never reorders them, so it does not
//!   find bugs that only a file system reordering metadata would show.
//! - A file's durable size moves with its data: an `fdatasync` makes size changes durable, as
//!   Linux's does when the size is needed to read the data back. Timestamps are not modelled.
//! - A file renamed over another keeps its own content; directories are never renamed (sled
//!   does not), so renaming one moves only its own entry.
//! - Writes outside the store directory (the journal, stdout) and reads are not modelled; a
//!   sector is written whole or not at all, never with garbage; `O_APPEND`, `mmap`, hard links
//!   and `writev` are not used by sled and not modelled.

#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};
use std::ffi::{c_char, c_int, c_uint, c_void, CStr};
use std::io;
use std::os::fd::IntoRawFd;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use crate::faults::{self, Call, Real};
use crate::workload::Rng;

/// The environment variable naming the journal file the writer records into.
pub const ENV_JOURNAL: &str = "FERRY_POWER_JOURNAL";
/// The environment variable naming the (absolute) store directory whose files are recorded.
pub const ENV_DIR: &str = "FERRY_POWER_DIR";

/// The size of a disk sector: the unit a torn write keeps or loses.
pub const SECTOR: u64 = 512;

// ---------------------------------------------------------------------------------------
// The journal: one record per call that took effect.
// ---------------------------------------------------------------------------------------

/// One journaled call. Paths are relative to the store directory (`""` is the directory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// `open64` returned `fd` for `path`, opened with `flags`.
    Open {
        /// The new descriptor.
        fd: u32,
        /// The `open` flags (`O_CREAT`, `O_TRUNC` matter).
        flags: u32,
        /// The path.
        path: String,
    },
    /// `close(fd)`.
    Close {
        /// The descriptor.
        fd: u32,
    },
    /// `data` was written at `offset` (`pwrite64`, or `write` at the file position).
    Write {
        /// The descriptor.
        fd: u32,
        /// Where in the file.
        offset: u64,
        /// The bytes the call reported written.
        data: Vec<u8>,
    },
    /// `ftruncate64(fd, len)`.
    SetLen {
        /// The descriptor.
        fd: u32,
        /// The new length.
        len: u64,
    },
    /// `fsync(fd)` returned 0.
    Fsync {
        /// The descriptor.
        fd: u32,
    },
    /// `fdatasync(fd)` returned 0.
    Fdatasync {
        /// The descriptor.
        fd: u32,
    },
    /// `rename(from, to)` returned 0.
    Rename {
        /// The old path.
        from: String,
        /// The new path.
        to: String,
    },
    /// `unlink(path)` returned 0.
    Unlink {
        /// The path.
        path: String,
    },
    /// `mkdir(path)` returned 0.
    Mkdir {
        /// The path.
        path: String,
    },
}

impl Record {
    /// Appends the record's encoding: a tag byte, then little-endian fields; strings and data
    /// are a `u32` length and the bytes.
    pub fn encode(&self, out: &mut Vec<u8>) {
        fn bytes(out: &mut Vec<u8>, b: &[u8]) {
            out.extend_from_slice(&(b.len() as u32).to_le_bytes());
            out.extend_from_slice(b);
        }
        match self {
            Record::Open { fd, flags, path } => {
                out.push(1);
                out.extend_from_slice(&fd.to_le_bytes());
                out.extend_from_slice(&flags.to_le_bytes());
                bytes(out, path.as_bytes());
            }
            Record::Close { fd } => {
                out.push(2);
                out.extend_from_slice(&fd.to_le_bytes());
            }
            Record::Write { fd, offset, data } => {
                out.push(3);
                out.extend_from_slice(&fd.to_le_bytes());
                out.extend_from_slice(&offset.to_le_bytes());
                bytes(out, data);
            }
            Record::SetLen { fd, len } => {
                out.push(4);
                out.extend_from_slice(&fd.to_le_bytes());
                out.extend_from_slice(&len.to_le_bytes());
            }
            Record::Fsync { fd } => {
                out.push(5);
                out.extend_from_slice(&fd.to_le_bytes());
            }
            Record::Fdatasync { fd } => {
                out.push(6);
                out.extend_from_slice(&fd.to_le_bytes());
            }
            Record::Rename { from, to } => {
                out.push(7);
                bytes(out, from.as_bytes());
                bytes(out, to.as_bytes());
            }
            Record::Unlink { path } => {
                out.push(8);
                bytes(out, path.as_bytes());
            }
            Record::Mkdir { path } => {
                out.push(9);
                bytes(out, path.as_bytes());
            }
        }
    }

    /// Decodes a journal. A record cut short at the end (the writer was killed while
    /// appending it) is dropped: its call is then treated as never made, which is one of the
    /// states the power cut may produce anyway. An unknown record kind is an error.
    pub fn decode_all(mut input: &[u8]) -> Result<Vec<Record>, String> {
        let mut records = Vec::new();
        while let Some(&tag) = input.first() {
            if !(1..=9).contains(&tag) {
                return Err(format!(
                    "journal record {} has the unknown kind {tag}",
                    records.len()
                ));
            }
            match Record::decode(&mut input) {
                Some(record) => records.push(record),
                None => break,
            }
        }
        Ok(records)
    }

    /// Decodes one record from the front of `input`; `None` if it is incomplete.
    fn decode(input: &mut &[u8]) -> Option<Record> {
        fn take<'a>(input: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
            if input.len() < n {
                return None;
            }
            let (head, tail) = input.split_at(n);
            *input = tail;
            Some(head)
        }
        fn u32_(input: &mut &[u8]) -> Option<u32> {
            Some(u32::from_le_bytes(take(input, 4)?.try_into().ok()?))
        }
        fn u64_(input: &mut &[u8]) -> Option<u64> {
            Some(u64::from_le_bytes(take(input, 8)?.try_into().ok()?))
        }
        fn bytes(input: &mut &[u8]) -> Option<Vec<u8>> {
            let n = u32_(input)? as usize;
            Some(take(input, n)?.to_vec())
        }
        fn string(input: &mut &[u8]) -> Option<String> {
            String::from_utf8(bytes(input)?).ok()
        }
        let tag = take(input, 1)?[0];
        Some(match tag {
            1 => Record::Open {
                fd: u32_(input)?,
                flags: u32_(input)?,
                path: string(input)?,
            },
            2 => Record::Close { fd: u32_(input)? },
            3 => Record::Write {
                fd: u32_(input)?,
                offset: u64_(input)?,
                data: bytes(input)?,
            },
            4 => Record::SetLen {
                fd: u32_(input)?,
                len: u64_(input)?,
            },
            5 => Record::Fsync { fd: u32_(input)? },
            6 => Record::Fdatasync { fd: u32_(input)? },
            7 => Record::Rename {
                from: string(input)?,
                to: string(input)?,
            },
            8 => Record::Unlink {
                path: string(input)?,
            },
            9 => Record::Mkdir {
                path: string(input)?,
            },
            _ => return None,
        })
    }
}

// ---------------------------------------------------------------------------------------
// Recording: interposers (in the writer process).
// ---------------------------------------------------------------------------------------

/// The open journal and the directory recorded.
struct Recorder {
    journal: c_int,
    dir: Vec<u8>,
}

/// The recorder, when recording. Held across each recorded call and its journal append, so
/// the records are in the order the calls took effect.
static STATE: Mutex<Option<Recorder>> = Mutex::new(None);
/// Whether [`STATE`] holds a recorder: the interposers' fast path when it does not.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Descriptors open on a path under the store directory.
static TRACKED: [AtomicBool; MAX_FD] = [const { AtomicBool::new(false) }; MAX_FD];
const MAX_FD: usize = 4096;

/// Starts recording if [`ENV_JOURNAL`] and [`ENV_DIR`] are set (in the writer child); returns
/// whether it did.
pub fn record_from_env() -> bool {
    let (Some(journal), Some(dir)) = (std::env::var_os(ENV_JOURNAL), std::env::var_os(ENV_DIR))
    else {
        return false;
    };
    record(Path::new(&journal), Path::new(&dir));
    true
}

/// Journals every change to files under the absolute directory `dir` into the file `journal`
/// (created), from now on, until [`stop`] or the next `record`. Descriptors opened before
/// are not followed. Panics if the journal cannot be created.
pub fn record(journal: &Path, dir: &Path) {
    assert!(dir.is_absolute(), "power::record: {dir:?} is not absolute");
    let file = std::fs::File::create(journal)
        .unwrap_or_else(|e| panic!("power::record: {}: {e}", journal.display()));
    for real in [
        &REAL_OPEN64,
        &REAL_CLOSE,
        &REAL_WRITE,
        &REAL_LSEEK64,
        &REAL_FTRUNCATE64,
        &REAL_RENAME,
        &REAL_UNLINK,
        &REAL_MKDIR,
    ] {
        real.get();
    }
    faults::observe(observe);
    let recorder = Recorder {
        journal: file.into_raw_fd(),
        dir: dir.as_os_str().as_encoded_bytes().to_vec(),
    };
    replace(Some(recorder));
}

/// Stops recording (the journal stays as it is).
pub fn stop() {
    replace(None);
}

fn replace(recorder: Option<Recorder>) {
    let mut state = STATE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(old) = state.take() {
        // SAFETY: each `*Fn` alias in this file is the C type of the function it names.
        let close: CloseFn = unsafe { REAL_CLOSE.function() };
        // SAFETY: the journal descriptor is ours and closed once, here.
        unsafe { close(old.journal) };
    }
    for slot in &TRACKED {
        slot.store(false, Ordering::Relaxed);
    }
    ACTIVE.store(recorder.is_some(), Ordering::SeqCst);
    *state = recorder;
}

fn is_tracked(fd: c_int) -> bool {
    usize::try_from(fd)
        .ok()
        .and_then(|fd| TRACKED.get(fd))
        .is_some_and(|t| t.load(Ordering::Relaxed))
}

fn set_tracked(fd: c_int, tracked: bool) {
    match usize::try_from(fd).ok().and_then(|fd| TRACKED.get(fd)) {
        Some(slot) => slot.store(tracked, Ordering::Relaxed),
        // A descriptor the table cannot hold would go unrecorded: stop rather than lie.
        None if tracked => std::process::abort(),
        None => {}
    }
}

impl Recorder {
    /// `path` relative to the store directory, if it lies in it.
    ///
    /// # Safety
    /// `path` must be a valid NUL-terminated string.
    unsafe fn relative(&self, path: *const c_char) -> Option<String> {
        if path.is_null() {
            return None;
        }
        // SAFETY: per the contract above.
        let bytes = unsafe { CStr::from_ptr(path) }.to_bytes();
        let rest = bytes.strip_prefix(self.dir.as_slice())?;
        let rest = match rest {
            [] => &[][..],
            [b'/', rest @ ..] => rest,
            _ => return None,
        };
        Some(
            String::from_utf8_lossy(rest)
                .trim_end_matches('/')
                .to_string(),
        )
    }

    /// Appends `record` to the journal. Called with [`STATE`] locked.
    fn append(&self, record: &Record) {
        let mut buf = Vec::new();
        record.encode(&mut buf);
        // SAFETY: each `*Fn` alias in this file is the C type of the function it names.
        let write: WriteFn = unsafe { REAL_WRITE.function() };
        let mut left = &buf[..];
        while !left.is_empty() {
            // SAFETY: `left` is a live buffer of `left.len()` bytes; `journal` is our own fd.
            let n = unsafe { write(self.journal, left.as_ptr().cast(), left.len()) };
            if n <= 0 {
                // A journal that misses a call would make the model lie: stop the writer.
                std::process::abort();
            }
            left = &left[n as usize..];
        }
    }
}

/// Makes a call on a tracked descriptor with [`STATE`] locked, then journals what `record`
/// makes of its result.
fn locked<T>(call: impl FnOnce() -> T, record: impl FnOnce(&T) -> Option<Record>) -> T {
    let state = STATE.lock().unwrap_or_else(|e| e.into_inner());
    let result = call();
    if let (Some(r), Some(record)) = (state.as_ref(), record(&result)) {
        r.append(&record);
    }
    result
}

/// Makes a call on `paths`: if recording and every path lies in the store directory, with
/// [`STATE`] locked, journaling what `record` makes of its result and the relative paths;
/// otherwise it just forwards.
fn on_paths<T>(
    paths: &[*const c_char],
    call: impl FnOnce() -> T,
    record: impl FnOnce(&T, Vec<String>) -> Option<Record>,
) -> T {
    if !ACTIVE.load(Ordering::SeqCst) {
        return call();
    }
    let state = STATE.lock().unwrap_or_else(|e| e.into_inner());
    let Some(recorder) = state.as_ref() else {
        drop(state);
        return call();
    };
    let relative: Option<Vec<String>> = paths
        .iter()
        // SAFETY: the interposers' callers pass NUL-terminated paths (their contract).
        .map(|&p| unsafe { recorder.relative(p) })
        .collect();
    let Some(relative) = relative else {
        drop(state);
        return call();
    };
    let result = call();
    if let Some(record) = record(&result, relative) {
        recorder.append(&record);
    }
    result
}

/// `faults.rs`'s observer: journals `pwrite64`, `fsync` and `fdatasync` on tracked files.
fn observe(call: Call, forward: &mut dyn FnMut() -> isize) -> isize {
    let fd = match call {
        Call::Pwrite { fd, .. } | Call::Fsync(fd) | Call::Fdatasync(fd) => fd,
    };
    if !is_tracked(fd) {
        return forward();
    }
    locked(forward, |&n| {
        let fd = fd as u32;
        match call {
            Call::Pwrite {
                buf, offset, len, ..
            } if n > 0 => {
                let n = (n as usize).min(len);
                // SAFETY: the interposed pwrite64's caller promised `buf` readable for `len`
                // bytes, and `n <= len`.
                let data = unsafe { std::slice::from_raw_parts(buf, n) }.to_vec();
                Some(Record::Write {
                    fd,
                    offset: offset as u64,
                    data,
                })
            }
            Call::Fsync(_) if n == 0 => Some(Record::Fsync { fd }),
            Call::Fdatasync(_) if n == 0 => Some(Record::Fdatasync { fd }),
            _ => None,
        }
    })
}

type OpenFn = unsafe extern "C" fn(*const c_char, c_int, c_uint) -> c_int;
type CloseFn = unsafe extern "C" fn(c_int) -> c_int;
type WriteFn = unsafe extern "C" fn(c_int, *const c_void, usize) -> isize;
type LseekFn = unsafe extern "C" fn(c_int, i64, c_int) -> i64;
type FtruncateFn = unsafe extern "C" fn(c_int, i64) -> c_int;
type RenameFn = unsafe extern "C" fn(*const c_char, *const c_char) -> c_int;
type UnlinkFn = unsafe extern "C" fn(*const c_char) -> c_int;
type MkdirFn = unsafe extern "C" fn(*const c_char, c_uint) -> c_int;

static REAL_OPEN64: Real = Real::new(c"open64");
static REAL_CLOSE: Real = Real::new(c"close");
static REAL_WRITE: Real = Real::new(c"write");
static REAL_LSEEK64: Real = Real::new(c"lseek64");
static REAL_FTRUNCATE64: Real = Real::new(c"ftruncate64");
static REAL_RENAME: Real = Real::new(c"rename");
static REAL_UNLINK: Real = Real::new(c"unlink");
static REAL_MKDIR: Real = Real::new(c"mkdir");

const SEEK_CUR: c_int = 1;

/// Interposes libc's `open64`. Not for direct use.
///
/// `open64` is variadic in C; on x86-64 the optional `mode` travels in the same register as a
/// third fixed argument, which is all that is read here, and only when `O_CREAT` asks for it.
///
/// # Safety
/// As libc's `open64`: `path` is a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn open64(path: *const c_char, flags: c_int, mode: c_uint) -> c_int {
    // SAFETY: each `*Fn` alias in this file is the C type of the function it names.
    let real: OpenFn = unsafe { REAL_OPEN64.function() };
    on_paths(
        &[path],
        // SAFETY: forwards the caller's arguments unchanged.
        || unsafe { real(path, flags, mode) },
        |&fd, mut rel| {
            (fd >= 0).then(|| {
                set_tracked(fd, true);
                Record::Open {
                    fd: fd as u32,
                    flags: flags as u32,
                    path: rel.remove(0),
                }
            })
        },
    )
}

/// Interposes libc's `close`. Not for direct use.
///
/// # Safety
/// As libc's `close`.
#[no_mangle]
pub unsafe extern "C" fn close(fd: c_int) -> c_int {
    // SAFETY: each `*Fn` alias in this file is the C type of the function it names.
    let real: CloseFn = unsafe { REAL_CLOSE.function() };
    if !is_tracked(fd) {
        // SAFETY: forwards the caller's argument unchanged.
        return unsafe { real(fd) };
    }
    locked(
        // SAFETY: forwards the caller's argument unchanged.
        || unsafe { real(fd) },
        |_| {
            // Linux releases the descriptor even when close fails.
            set_tracked(fd, false);
            Some(Record::Close { fd: fd as u32 })
        },
    )
}

/// Interposes libc's `write`. Not for direct use.
///
/// # Safety
/// As libc's `write`: `buf` is readable for `count` bytes.
#[no_mangle]
pub unsafe extern "C" fn write(fd: c_int, buf: *const c_void, count: usize) -> isize {
    // SAFETY: each `*Fn` alias in this file is the C type of the function it names.
    let real: WriteFn = unsafe { REAL_WRITE.function() };
    if !is_tracked(fd) {
        // SAFETY: forwards the caller's arguments unchanged.
        return unsafe { real(fd, buf, count) };
    }
    // SAFETY: each `*Fn` alias in this file is the C type of the function it names.
    let lseek: LseekFn = unsafe { REAL_LSEEK64.function() };
    let (_, n) = locked(
        || {
            // SAFETY: lseek64 takes no pointers; the position read is where write writes.
            let offset = unsafe { lseek(fd, 0, SEEK_CUR) };
            // SAFETY: forwards the caller's arguments unchanged.
            (offset, unsafe { real(fd, buf, count) })
        },
        |&(offset, n)| {
            (n > 0 && offset >= 0).then(|| Record::Write {
                fd: fd as u32,
                offset: offset as u64,
                // SAFETY: the caller promised `buf` readable for `count >= n` bytes.
                data: unsafe { std::slice::from_raw_parts(buf.cast::<u8>(), n as usize) }.to_vec(),
            })
        },
    );
    n
}

/// Interposes libc's `ftruncate64`. Not for direct use.
///
/// # Safety
/// As libc's `ftruncate64` (any arguments are memory-safe).
#[no_mangle]
pub unsafe extern "C" fn ftruncate64(fd: c_int, len: i64) -> c_int {
    // SAFETY: each `*Fn` alias in this file is the C type of the function it names.
    let real: FtruncateFn = unsafe { REAL_FTRUNCATE64.function() };
    if !is_tracked(fd) {
        // SAFETY: forwards the caller's arguments unchanged.
        return unsafe { real(fd, len) };
    }
    locked(
        // SAFETY: forwards the caller's arguments unchanged.
        || unsafe { real(fd, len) },
        |&r| {
            (r == 0).then_some(Record::SetLen {
                fd: fd as u32,
                len: len as u64,
            })
        },
    )
}

/// Interposes libc's `rename`. Not for direct use.
///
/// # Safety
/// As libc's `rename`: both paths are NUL-terminated strings.
#[no_mangle]
pub unsafe extern "C" fn rename(from: *const c_char, to: *const c_char) -> c_int {
    // SAFETY: each `*Fn` alias in this file is the C type of the function it names.
    let real: RenameFn = unsafe { REAL_RENAME.function() };
    on_paths(
        &[from, to],
        // SAFETY: forwards the caller's arguments unchanged.
        || unsafe { real(from, to) },
        |&r, mut rel| {
            (r == 0).then(|| Record::Rename {
                to: rel.remove(1),
                from: rel.remove(0),
            })
        },
    )
}

/// Interposes libc's `unlink`. Not for direct use.
///
/// # Safety
/// As libc's `unlink`: `path` is a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn unlink(path: *const c_char) -> c_int {
    // SAFETY: each `*Fn` alias in this file is the C type of the function it names.
    let real: UnlinkFn = unsafe { REAL_UNLINK.function() };
    on_paths(
        &[path],
        // SAFETY: forwards the caller's argument unchanged.
        || unsafe { real(path) },
        |&r, mut rel| {
            (r == 0).then(|| Record::Unlink {
                path: rel.remove(0),
            })
        },
    )
}

/// Interposes libc's `mkdir`. Not for direct use.
///
/// # Safety
/// As libc's `mkdir`: `path` is a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn mkdir(path: *const c_char, mode: c_uint) -> c_int {
    // SAFETY: each `*Fn` alias in this file is the C type of the function it names.
    let real: MkdirFn = unsafe { REAL_MKDIR.function() };
    on_paths(
        &[path],
        // SAFETY: forwards the caller's arguments unchanged.
        || unsafe { real(path, mode) },
        |&r, mut rel| {
            (r == 0).then(|| Record::Mkdir {
                path: rel.remove(0),
            })
        },
    )
}

// ---------------------------------------------------------------------------------------
// Replaying and cutting (in the parent).
// ---------------------------------------------------------------------------------------

const O_CREAT: u32 = 0o100;
const O_TRUNC: u32 = 0o1000;

/// A directory entry: a file (an index into [`Disk::files`]) or a directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Node {
    File(usize),
    Dir,
}

/// A change to a file's content.
#[derive(Debug, Clone)]
enum DataOp {
    Write { offset: u64, data: Vec<u8> },
    SetLen(u64),
}

impl DataOp {
    fn apply(&self, content: &mut Vec<u8>) {
        match self {
            DataOp::Write { offset, data } => write_at(content, *offset, data),
            DataOp::SetLen(len) => content.resize(*len as usize, 0),
        }
    }
}

fn write_at(content: &mut Vec<u8>, offset: u64, data: &[u8]) {
    let start = offset as usize;
    let end = start + data.len();
    if content.len() < end {
        content.resize(end, 0);
    }
    content[start..end].copy_from_slice(data);
}

/// One file's state: what is durable and what is not yet.
#[derive(Debug, Clone, Default)]
struct FileState {
    durable: Vec<u8>,
    pending: Vec<DataOp>,
}

/// A change to the namespace.
#[derive(Debug, Clone)]
enum MetaOp {
    Link { path: String, node: Node },
    Unlink { path: String },
    Rename { from: String, to: String },
}

impl MetaOp {
    /// Whether an fsync of directory `dir` makes this operation durable.
    fn in_dir(&self, dir: &str) -> bool {
        match self {
            MetaOp::Link { path, .. } | MetaOp::Unlink { path } => parent(path) == dir,
            MetaOp::Rename { from, to } => parent(from) == dir || parent(to) == dir,
        }
    }

    fn apply(&self, names: &mut BTreeMap<String, Node>) {
        match self {
            MetaOp::Link { path, node } => {
                names.insert(path.clone(), *node);
            }
            MetaOp::Unlink { path } => {
                names.remove(path);
            }
            MetaOp::Rename { from, to } => {
                if let Some(node) = names.remove(from) {
                    names.insert(to.clone(), node);
                }
            }
        }
    }
}

fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// How a power cut treats what was not yet durable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// Everything not synced is lost.
    AllLost,
    /// Nothing is lost (the page cache made it to disk, as after a SIGKILL).
    NoneLost,
    /// A random subset of each file's unsynced operations survives, in random order, writes
    /// possibly torn at sector granularity; a random prefix of the namespace operations.
    Random,
}

impl Cut {
    /// A short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            Cut::AllLost => "power cut: all unsynced lost",
            Cut::NoneLost => "power cut: nothing lost",
            Cut::Random => "power cut: random unsynced subset, torn sectors",
        }
    }
}

/// What replaying a journal counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Replayed {
    /// Records replayed.
    pub records: u64,
    /// Data operations not yet durable at the end.
    pub unsynced_data_ops: u64,
    /// Namespace operations not yet durable at the end.
    pub unsynced_meta_ops: u64,
}

/// A store directory as the power-loss model sees it.
#[derive(Debug, Clone, Default)]
pub struct Disk {
    files: Vec<FileState>,
    /// The namespace as the process sees it.
    live: BTreeMap<String, Node>,
    /// The namespace as it is durable.
    durable: BTreeMap<String, Node>,
    /// Namespace operations not yet durable, in program order.
    meta: Vec<MetaOp>,
    /// Open descriptors: the node and the path it was opened by.
    fds: HashMap<u32, (Node, String)>,
    /// Treat `fdatasync` as a no-op (the test-only switch that shows the model can fail).
    ignore_fdatasync: bool,
}

impl Disk {
    /// The directory `dir` as it is now, all of it durable (missing: empty).
    pub fn load(dir: &Path) -> io::Result<Disk> {
        let mut disk = Disk::default();
        if dir.exists() {
            disk.load_under(dir, "")?;
        }
        disk.durable = disk.live.clone();
        Ok(disk)
    }

    fn load_under(&mut self, dir: &Path, rel: &str) -> io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            if entry.file_type()?.is_dir() {
                self.live.insert(path.clone(), Node::Dir);
                self.load_under(&entry.path(), &path)?;
            } else {
                self.files.push(FileState {
                    durable: std::fs::read(entry.path())?,
                    pending: Vec::new(),
                });
                self.live.insert(path, Node::File(self.files.len() - 1));
            }
        }
        Ok(())
    }

    /// Makes `fdatasync` count for nothing, as if sled's and Ferry's syncs were switched off.
    pub fn ignore_fdatasync(&mut self) {
        self.ignore_fdatasync = true;
    }

    /// Replays the journal in file `journal`. A missing journal is an empty one: the writer
    /// died before it started recording, that is before it touched the store.
    pub fn replay_file(&mut self, journal: &Path) -> Result<Replayed, String> {
        let bytes = match std::fs::read(journal) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(format!("{}: {e}", journal.display())),
        };
        self.replay(&Record::decode_all(&bytes)?)
    }

    /// Replays `records` (see the module docs).
    pub fn replay(&mut self, records: &[Record]) -> Result<Replayed, String> {
        for (i, record) in records.iter().enumerate() {
            self.apply(record)
                .map_err(|e| format!("journal record {i} ({record:?}): {e}"))?;
        }
        Ok(Replayed {
            records: records.len() as u64,
            unsynced_data_ops: self.files.iter().map(|f| f.pending.len() as u64).sum(),
            unsynced_meta_ops: self.meta.len() as u64,
        })
    }

    fn file(&mut self, fd: u32) -> Result<&mut FileState, String> {
        match self.fds.get(&fd) {
            Some((Node::File(id), _)) => Ok(&mut self.files[*id]),
            Some((Node::Dir, path)) => Err(format!("fd {fd} is the directory {path:?}")),
            None => Err(format!("fd {fd} is not open")),
        }
    }

    fn meta(&mut self, op: MetaOp) {
        op.apply(&mut self.live);
        self.meta.push(op);
    }

    fn apply(&mut self, record: &Record) -> Result<(), String> {
        match record {
            Record::Open { fd, flags, path } => {
                let node = match self.live.get(path) {
                    Some(&node) => node,
                    None if path.is_empty() => Node::Dir,
                    None if flags & O_CREAT != 0 => {
                        self.files.push(FileState::default());
                        let node = Node::File(self.files.len() - 1);
                        self.meta(MetaOp::Link {
                            path: path.clone(),
                            node,
                        });
                        node
                    }
                    None => return Err(format!("{path:?} opened but does not exist")),
                };
                if let (Node::File(id), true) = (node, flags & O_TRUNC != 0) {
                    self.files[id].pending.push(DataOp::SetLen(0));
                }
                self.fds.insert(*fd, (node, path.clone()));
            }
            Record::Close { fd } => {
                self.fds.remove(fd);
            }
            Record::Write { fd, offset, data } => self.file(*fd)?.pending.push(DataOp::Write {
                offset: *offset,
                data: data.clone(),
            }),
            Record::SetLen { fd, len } => self.file(*fd)?.pending.push(DataOp::SetLen(*len)),
            Record::Fdatasync { .. } if self.ignore_fdatasync => {}
            Record::Fsync { fd } | Record::Fdatasync { fd } => match self.fds.get(fd) {
                Some((Node::File(id), _)) => {
                    let file = &mut self.files[*id];
                    for op in std::mem::take(&mut file.pending) {
                        op.apply(&mut file.durable);
                    }
                }
                Some((Node::Dir, dir)) => {
                    let dir = dir.clone();
                    let (synced, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut self.meta)
                        .into_iter()
                        .partition(|op| op.in_dir(&dir));
                    for op in &synced {
                        op.apply(&mut self.durable);
                    }
                    self.meta = rest;
                }
                None => return Err(format!("fd {fd} is not open")),
            },
            Record::Rename { from, to } => self.meta(MetaOp::Rename {
                from: from.clone(),
                to: to.clone(),
            }),
            Record::Unlink { path } => self.meta(MetaOp::Unlink { path: path.clone() }),
            Record::Mkdir { path } => self.meta(MetaOp::Link {
                path: path.clone(),
                node: Node::Dir,
            }),
        }
        Ok(())
    }

    /// The directory's content after a power cut of kind `cut`: relative path → file content
    /// (`None` for a directory).
    pub fn cut(&self, cut: Cut, rng: &mut Rng) -> BTreeMap<String, Option<Vec<u8>>> {
        let mut names = self.durable.clone();
        let keep_meta = match cut {
            Cut::AllLost => 0,
            Cut::NoneLost => self.meta.len(),
            Cut::Random => rng.below(self.meta.len() as u64 + 1) as usize,
        };
        for op in &self.meta[..keep_meta] {
            op.apply(&mut names);
        }
        let mut image = BTreeMap::new();
        for (path, node) in &names {
            // An entry whose directory did not survive did not survive either.
            let dir = parent(path);
            if !dir.is_empty() && names.get(dir) != Some(&Node::Dir) {
                continue;
            }
            let content = match *node {
                Node::Dir => None,
                Node::File(id) => Some(self.content_after(&self.files[id], cut, rng)),
            };
            image.insert(path.clone(), content);
        }
        image
    }

    fn content_after(&self, file: &FileState, cut: Cut, rng: &mut Rng) -> Vec<u8> {
        let mut content = file.durable.clone();
        match cut {
            Cut::AllLost => {}
            Cut::NoneLost => file.pending.iter().for_each(|op| op.apply(&mut content)),
            Cut::Random => {
                let mut kept: Vec<&DataOp> =
                    file.pending.iter().filter(|_| rng.below(2) == 0).collect();
                // Fisher-Yates: the disk may have written them in any order.
                for i in (1..kept.len()).rev() {
                    kept.swap(i, rng.below(i as u64 + 1) as usize);
                }
                for op in kept {
                    match op {
                        DataOp::Write { offset, data } if rng.below(4) == 0 => {
                            torn_write(&mut content, *offset, data, rng)
                        }
                        op => op.apply(&mut content),
                    }
                }
            }
        }
        content
    }
}

/// Writes each 512-byte sector of `data` (aligned to the file, not the write) with
/// probability one half.
fn torn_write(content: &mut Vec<u8>, offset: u64, data: &[u8], rng: &mut Rng) {
    let end = offset + data.len() as u64;
    let mut start = offset;
    while start < end {
        let sector_end = ((start / SECTOR) + 1) * SECTOR;
        let stop = sector_end.min(end);
        if rng.below(2) == 0 {
            let from = (start - offset) as usize;
            let to = (stop - offset) as usize;
            write_at(content, start, &data[from..to]);
        }
        start = stop;
    }
}

/// Replaces the directory `dir` with `image` (from [`Disk::cut`]).
pub fn materialize(dir: &Path, image: &BTreeMap<String, Option<Vec<u8>>>) -> io::Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    // BTreeMap order puts a directory before the entries in it.
    for (path, content) in image {
        let target = dir.join(path);
        match content {
            None => std::fs::create_dir_all(&target)?,
            Some(bytes) => std::fs::write(&target, bytes)?,
        }
    }
    Ok(())
}
