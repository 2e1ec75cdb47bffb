//! Fault injection for Ferry's crash tests and fuzzer. Test-only code: it is compiled into the
//! binaries that include it (`#[path = ".../testkit/faults.rs"] mod faults;`, listed in
//! `testkit/README.md`), never into `ferry-core` or `libferry`.
//!
//! # Fault points
//! - **I/O** (`io`): a binary that includes this module interposes the libc calls sled writes
//!   its files with: `pwrite64` (std's `write_at`), `fsync` (`sync_all`), `fdatasync`
//!   (`sync_data`) and `sync_file_range` (sled's log writes). The linker resolves std's and
//!   sled's references to the definitions below instead of libc's; they forward to libc's
//!   through `dlsym(RTLD_NEXT, ..)`. Disarmed, they only forward.
//! - **Operations** (`op`): a test driver calls [`op`] before each store operation.
//!
//! # Plans
//! A plan is `ACTION@SITE:N`: the `N`-th event (1-based) at `SITE` after arming does `ACTION`,
//! once. Sites: `io` (any interposed call), `pwrite`, `fsync` (`fsync` or `fdatasync`),
//! `sync_file_range`, and `op`. Actions:
//! - `kill`: the process sends itself SIGKILL before the call (nothing of it happens);
//! - `torn`: (`io` only) a `pwrite64` writes the first half of its buffer, then SIGKILL; other
//!   calls behave as `kill`;
//! - `abort`: `std::process::abort()` before the call;
//! - `eio`: (`io` only) the call fails with `EIO` and does nothing; the process goes on.
//!
//! [`arm`] takes a plan from code, [`arm_from_env`] from `FERRY_FAULT`, so a failing trial is
//! reproduced from the plan it prints.
//!
//! # Observer
//! [`observe`] installs a function that performs each `pwrite64`, `fsync` and `fdatasync`
//! that goes ahead (no fault, or the first half of a torn write) in place of the plain
//! forward, so it can record the call in order with the call itself: the power-loss
//! recorder (`power.rs`) is one.

// Included by several binaries (the crash test, the soak example, the fuzzer), each of which
// uses a part of it.
#![allow(dead_code)]

use std::cell::Cell;
use std::ffi::{c_char, c_int, c_uint, c_void};
use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU64, AtomicU8, Ordering};
use std::sync::OnceLock;

/// The environment variable [`arm_from_env`] reads a [`Plan`] from.
pub const ENV: &str = "FERRY_FAULT";

/// Where a fault fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Site {
    /// A file write or sync by the process (see the module docs).
    Io = 1,
    /// A store operation, as counted by the driver's calls to [`op`].
    Op = 2,
    /// A `pwrite64` call only.
    Pwrite = 3,
    /// An `fsync` or `fdatasync` call only.
    Fsync = 4,
    /// A `sync_file_range` call only.
    SyncFileRange = 5,
}

impl Site {
    fn is_io(self) -> bool {
        self != Site::Op
    }
}

/// What a fault does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// SIGKILL before the call.
    Kill = 1,
    /// Half a `pwrite64`, then SIGKILL.
    Torn = 2,
    /// `std::process::abort()` before the call.
    Abort = 3,
    /// The call fails with `EIO`.
    Eio = 4,
}

/// One planned fault: `action` at the `nth` event at `site`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    /// What happens.
    pub action: Action,
    /// Where it is counted.
    pub site: Site,
    /// Which event (1-based) it happens at.
    pub nth: u64,
}

impl Plan {
    /// Parses `ACTION@SITE:N`, e.g. `kill@io:17`.
    pub fn parse(text: &str) -> Result<Plan, String> {
        let bad = || format!("bad fault plan {text:?}: expected ACTION@SITE:N, e.g. kill@io:17");
        let (action, rest) = text.split_once('@').ok_or_else(bad)?;
        let (site, nth) = rest.split_once(':').ok_or_else(bad)?;
        let action = match action {
            "kill" => Action::Kill,
            "torn" => Action::Torn,
            "abort" => Action::Abort,
            "eio" => Action::Eio,
            _ => return Err(bad()),
        };
        let site = match site {
            "io" => Site::Io,
            "op" => Site::Op,
            "pwrite" => Site::Pwrite,
            "fsync" => Site::Fsync,
            "sync_file_range" => Site::SyncFileRange,
            _ => return Err(bad()),
        };
        let nth: u64 = nth.parse().map_err(|_| bad())?;
        if nth == 0 || (!site.is_io() && matches!(action, Action::Torn | Action::Eio)) {
            return Err(bad());
        }
        Ok(Plan { action, site, nth })
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let action = match self.action {
            Action::Kill => "kill",
            Action::Torn => "torn",
            Action::Abort => "abort",
            Action::Eio => "eio",
        };
        let site = match self.site {
            Site::Io => "io",
            Site::Op => "op",
            Site::Pwrite => "pwrite",
            Site::Fsync => "fsync",
            Site::SyncFileRange => "sync_file_range",
        };
        write!(f, "{action}@{site}:{}", self.nth)
    }
}

static SITE: AtomicU8 = AtomicU8::new(0);
static ACTION: AtomicU8 = AtomicU8::new(0);
/// Events left before the fault fires; 0 when disarmed or spent.
static COUNTDOWN: AtomicU64 = AtomicU64::new(0);
static FIRED: AtomicBool = AtomicBool::new(false);
static IO_CALLS: AtomicU64 = AtomicU64::new(0);
/// The name of the call the plan fired at (an index into `CALL_NAMES`, 0: none).
static FIRED_AT: AtomicU8 = AtomicU8::new(0);
const CALL_NAMES: [&str; 6] = [
    "",
    "pwrite64",
    "fsync",
    "fdatasync",
    "sync_file_range",
    "op",
];

/// Arms `plan`, replacing any armed plan. Events are counted from now. Returns whether the
/// replaced plan had fired: sled does some of its writes on its own threads, so a plan can
/// fire after the caller last looked at [`fired`].
pub fn arm(plan: Plan) -> bool {
    resolve_all();
    COUNTDOWN.store(0, Ordering::SeqCst);
    let had_fired = FIRED.swap(false, Ordering::SeqCst);
    FIRED_AT.store(0, Ordering::SeqCst);
    SITE.store(plan.site as u8, Ordering::SeqCst);
    ACTION.store(plan.action as u8, Ordering::SeqCst);
    COUNTDOWN.store(plan.nth, Ordering::SeqCst);
    had_fired
}

/// Arms the plan in `FERRY_FAULT`, if set; returns it. Panics on a malformed plan.
pub fn arm_from_env() -> Option<Plan> {
    let text = std::env::var(ENV).ok()?;
    let plan = Plan::parse(&text).unwrap_or_else(|e| panic!("{ENV}: {e}"));
    arm(plan);
    Some(plan)
}

/// Disarms any plan (one that has not fired yet never will).
pub fn disarm() {
    COUNTDOWN.store(0, Ordering::SeqCst);
}

/// Disarms any plan and forgets that one fired: the state of a fresh process.
pub fn reset() {
    disarm();
    FIRED.store(false, Ordering::SeqCst);
    FIRED_AT.store(0, Ordering::SeqCst);
}

/// Whether the armed plan has fired (only observable for `eio`: the others end the process).
pub fn fired() -> bool {
    FIRED.load(Ordering::SeqCst)
}

/// The call the plan fired at (`pwrite64`, `fsync`, `fdatasync`, `sync_file_range`, `op`).
pub fn fired_at() -> Option<&'static str> {
    let at = FIRED_AT.load(Ordering::SeqCst) as usize;
    (at != 0).then(|| CALL_NAMES[at])
}

/// The interposed I/O calls made by this process so far (armed or not).
pub fn io_calls() -> u64 {
    IO_CALLS.load(Ordering::Relaxed)
}

static CALLS_BY_NAME: [AtomicU64; 5] = [const { AtomicU64::new(0) }; 5];

thread_local! {
    /// [`CALLS_BY_NAME`] of the calling thread alone.
    static THREAD_CALLS: [Cell<u64>; 5] = const { [const { Cell::new(0) }; 5] };
}

/// The calls to one interposed function so far: `pwrite64`, `fsync`, `fdatasync` or
/// `sync_file_range`.
pub fn calls_to(name: &str) -> u64 {
    counter_of(name)
        .and_then(|i| CALLS_BY_NAME.get(i))
        .map_or(0, |c| c.load(Ordering::Relaxed))
}

/// [`calls_to`], counting only the calls the calling thread made: whether work was done on
/// this thread or handed to another one.
pub fn calls_on_this_thread(name: &str) -> u64 {
    counter_of(name).map_or(0, |i| {
        THREAD_CALLS.with(|calls| calls.get(i).map_or(0, Cell::get))
    })
}

/// The index of the call counters of the interposed function `name`.
fn counter_of(name: &str) -> Option<usize> {
    CALL_NAMES.iter().position(|&n| n == name && !n.is_empty())
}

/// A call an [`Observer`] sees; it has not been made yet.
#[derive(Debug, Clone, Copy)]
pub enum Call {
    /// `pwrite64(fd, buf, len, offset)`.
    Pwrite {
        /// The file descriptor.
        fd: c_int,
        /// The data, readable for `len` bytes (the caller's contract).
        buf: *const u8,
        /// Bytes to write.
        len: usize,
        /// Where in the file.
        offset: i64,
    },
    /// `fsync(fd)`.
    Fsync(c_int),
    /// `fdatasync(fd)`.
    Fdatasync(c_int),
}

/// Performs `call` by running `forward` (which makes the real call and returns its result)
/// and returns that result; see the module docs.
pub type Observer = fn(call: Call, forward: &mut dyn FnMut() -> isize) -> isize;

static OBSERVER: OnceLock<Observer> = OnceLock::new();

/// Installs `observer` for the rest of the process (the first one installed stays).
pub fn observe(observer: Observer) {
    let _ = OBSERVER.set(observer);
}

/// Makes `call` through `forward`, or through the observer if one is installed.
fn observed(call: Call, mut forward: impl FnMut() -> isize) -> isize {
    match OBSERVER.get() {
        Some(observer) => observer(call, &mut forward),
        None => forward(),
    }
}

/// Counts one store operation; fires an armed `op` plan when its turn comes.
pub fn op() {
    if let Some(action) = hit(Site::Op, 5) {
        die(action);
    }
}

/// Counts one event at `site` (made by `CALL_NAMES[call]`); returns the action if the armed
/// fault fires now.
fn hit(site: Site, call: u8) -> Option<Action> {
    if site.is_io() {
        IO_CALLS.fetch_add(1, Ordering::Relaxed);
        CALLS_BY_NAME[call as usize].fetch_add(1, Ordering::Relaxed);
        // `try_with`: a thread that is exiting has no counters left to update.
        let _ = THREAD_CALLS.try_with(|calls| {
            let calls = &calls[call as usize];
            calls.set(calls.get() + 1);
        });
    }
    let armed = SITE.load(Ordering::SeqCst);
    if armed != site as u8 && !(site.is_io() && armed == Site::Io as u8) {
        return None;
    }
    let before = COUNTDOWN
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .ok()?;
    if before != 1 {
        return None;
    }
    FIRED_AT.store(call, Ordering::SeqCst);
    FIRED.store(true, Ordering::SeqCst);
    Some(match ACTION.load(Ordering::SeqCst) {
        1 => Action::Kill,
        2 => Action::Torn,
        3 => Action::Abort,
        _ => Action::Eio,
    })
}

/// Ends the process for `Kill`, `Torn` and `Abort`; returns for `Eio`.
fn die(action: Action) {
    match action {
        Action::Kill | Action::Torn => {
            // SAFETY: raise is async-signal-safe and takes no pointers; SIGKILL cannot be
            // caught, so it does not return.
            unsafe { raise(SIGKILL) };
            std::process::abort();
        }
        Action::Abort => std::process::abort(),
        Action::Eio => {}
    }
}

const SIGKILL: c_int = 9;
const EIO: c_int = 5;
/// glibc's `RTLD_NEXT`: look the symbol up in the objects loaded after this one.
const RTLD_NEXT: *mut c_void = -1isize as *mut c_void;

extern "C" {
    fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
    fn raise(sig: c_int) -> c_int;
    fn __errno_location() -> *mut c_int;
}

/// One libc function found through `dlsym`, cached (also used by `power.rs`).
pub struct Real {
    name: &'static std::ffi::CStr,
    ptr: AtomicPtr<c_void>,
}

impl Real {
    /// The libc function called `name`, looked up on first use.
    pub const fn new(name: &'static std::ffi::CStr) -> Real {
        Real {
            name,
            ptr: AtomicPtr::new(std::ptr::null_mut()),
        }
    }

    /// Its address (aborts the process if libc does not have it).
    pub fn get(&self) -> *mut c_void {
        let mut ptr = self.ptr.load(Ordering::Acquire);
        if ptr.is_null() {
            // SAFETY: `name` is a NUL-terminated C string; RTLD_NEXT is a valid pseudo-handle.
            ptr = unsafe { dlsym(RTLD_NEXT, self.name.as_ptr()) };
            if ptr.is_null() {
                // No libc to forward to: nothing sensible can follow.
                std::process::abort();
            }
            self.ptr.store(ptr, Ordering::Release);
        }
        ptr
    }

    /// Its address as a function pointer of type `F`.
    ///
    /// # Safety
    /// `F` must be the function pointer type of the C function this `Real` names (an
    /// `unsafe extern "C" fn` with its exact parameters and result).
    pub unsafe fn function<F: Copy>(&self) -> F {
        assert_eq!(std::mem::size_of::<F>(), std::mem::size_of::<*mut c_void>());
        let ptr = self.get();
        // SAFETY: per the contract above, and `F` has the size of a pointer (asserted).
        unsafe { std::mem::transmute_copy(&ptr) }
    }
}

static REAL_PWRITE64: Real = Real::new(c"pwrite64");
static REAL_FSYNC: Real = Real::new(c"fsync");
static REAL_FDATASYNC: Real = Real::new(c"fdatasync");
static REAL_SYNC_FILE_RANGE: Real = Real::new(c"sync_file_range");

fn resolve_all() {
    for real in [
        &REAL_PWRITE64,
        &REAL_FSYNC,
        &REAL_FDATASYNC,
        &REAL_SYNC_FILE_RANGE,
    ] {
        real.get();
    }
}

type PwriteFn = unsafe extern "C" fn(c_int, *const c_void, usize, i64) -> isize;
type SyncFn = unsafe extern "C" fn(c_int) -> c_int;
type SyncRangeFn = unsafe extern "C" fn(c_int, i64, i64, c_uint) -> c_int;

/// Applies a fired fault to a call that returns `-1` on failure.
fn fail_or_die(action: Action) -> bool {
    die(action);
    // Only `Eio` returns here.
    // SAFETY: __errno_location returns the calling thread's errno slot.
    unsafe { *__errno_location() = EIO };
    true
}

/// Interposes libc's `pwrite64`. Not for direct use.
///
/// # Safety
/// As libc's `pwrite64`: `buf` must be readable for `count` bytes.
#[no_mangle]
pub unsafe extern "C" fn pwrite64(
    fd: c_int,
    buf: *const c_void,
    count: usize,
    offset: i64,
) -> isize {
    // SAFETY: PwriteFn is the C type of "pwrite64".
    let real: PwriteFn = unsafe { REAL_PWRITE64.function() };
    let write = |len: usize| {
        let call = Call::Pwrite {
            fd,
            buf: buf.cast(),
            len,
            offset,
        };
        // SAFETY: forwards the caller's arguments, `len` being at most the caller's count.
        observed(call, || unsafe { real(fd, buf, len, offset) })
    };
    match hit(Site::Pwrite, 1) {
        Some(Action::Torn) => {
            write(count / 2);
            die(Action::Torn);
            -1
        }
        Some(action) if fail_or_die(action) => -1,
        _ => write(count),
    }
}

/// Interposes libc's `fsync`. Not for direct use.
///
/// # Safety
/// As libc's `fsync` (any `fd` is memory-safe).
#[no_mangle]
pub unsafe extern "C" fn fsync(fd: c_int) -> c_int {
    // SAFETY: SyncFn is the C type of "fsync".
    let real: SyncFn = unsafe { REAL_FSYNC.function() };
    match hit(Site::Fsync, 2) {
        Some(action) if fail_or_die(action) => -1,
        // SAFETY: forwards the caller's argument unchanged.
        _ => observed(Call::Fsync(fd), || unsafe { real(fd) } as isize) as c_int,
    }
}

/// Interposes libc's `fdatasync`. Not for direct use.
///
/// # Safety
/// As libc's `fdatasync` (any `fd` is memory-safe).
#[no_mangle]
pub unsafe extern "C" fn fdatasync(fd: c_int) -> c_int {
    // SAFETY: SyncFn is the C type of "fdatasync".
    let real: SyncFn = unsafe { REAL_FDATASYNC.function() };
    match hit(Site::Fsync, 3) {
        Some(action) if fail_or_die(action) => -1,
        // SAFETY: forwards the caller's argument unchanged.
        _ => observed(Call::Fdatasync(fd), || unsafe { real(fd) } as isize) as c_int,
    }
}

/// Interposes libc's `sync_file_range`. Not for direct use.
///
/// # Safety
/// As libc's `sync_file_range` (any arguments are memory-safe).
#[no_mangle]
pub unsafe extern "C" fn sync_file_range(
    fd: c_int,
    offset: i64,
    nbytes: i64,
    flags: c_uint,
) -> c_int {
    // SAFETY: SyncRangeFn is the C type of "sync_file_range".
    let real: SyncRangeFn = unsafe { REAL_SYNC_FILE_RANGE.function() };
    match hit(Site::SyncFileRange, 4) {
        Some(action) if fail_or_die(action) => -1,
        // SAFETY: forwards the caller's arguments unchanged.
        _ => unsafe { real(fd, offset, nbytes, flags) },
    }
}
