//! Damaged files on open: a closed store's files get bytes flipped, zeroed or cut off at many
//! positions, and each damaged copy is opened and read. Every outcome must be a clean error
//! (`Corruption`, or `Io` for a file cut short) or the whole store, intact: never a panic, a
//! hang, or a store that opens with part of its content silently missing.
//! `CORRUPTION_SEED` replays the random cases; the counts are printed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use ferry_core::{Batch, Error, Options, Scan, Store};

type Content = BTreeMap<(String, Vec<u8>), Vec<u8>>;

/// How a damaged copy fared.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    /// Opened, and everything reads back exactly.
    Intact,
    /// `Store::open` or a read returned `Corruption`.
    Corruption,
    /// `Store::open` or a read returned another clean error (named).
    OtherError(&'static str),
    /// Opened, but content is missing or different, with no error: a failure.
    Silent(String),
    /// A panic: a failure.
    Panic(String),
    /// No answer within the time limit: a failure.
    Hang,
}

impl Outcome {
    fn ok(&self) -> bool {
        matches!(
            self,
            Outcome::Intact | Outcome::Corruption | Outcome::OtherError(_)
        )
    }

    fn label(&self) -> String {
        match self {
            Outcome::Intact => "intact".into(),
            Outcome::Corruption => "Corruption error".into(),
            Outcome::OtherError(kind) => format!("{kind} error"),
            Outcome::Silent(_) => "FAILED: silently incomplete".into(),
            Outcome::Panic(_) => "FAILED: panic".into(),
            Outcome::Hang => "FAILED: hang".into(),
        }
    }
}

/// One way of damaging one file.
#[derive(Debug, Clone)]
enum Damage {
    /// XOR the byte at this offset with 0xFF.
    Flip(u64),
    /// Zero 512 bytes from this offset (fewer at the end).
    Zero(u64),
    /// Cut the file to this length.
    Truncate(u64),
}

impl Damage {
    fn apply(&self, file: &Path) -> std::io::Result<()> {
        let mut bytes = std::fs::read(file)?;
        match *self {
            Damage::Flip(at) => bytes[at as usize] ^= 0xFF,
            Damage::Zero(at) => {
                let end = (at as usize + 512).min(bytes.len());
                bytes[at as usize..end].fill(0);
            }
            Damage::Truncate(len) => bytes.truncate(len as usize),
        }
        std::fs::write(file, bytes)
    }
}

fn options() -> Options {
    Options {
        cache_capacity: 1 << 20,
        flush_every_ms: None,
        temporary: false,
    }
}

/// How the store every case starts from was left.
#[derive(Debug, Clone, Copy)]
enum Ending {
    /// Closed: sled wrote a snapshot.
    Closed,
    /// Flushed, never closed (as after a crash): no snapshot, recovery reads the whole log.
    Crashed,
}

/// Writes the store every case starts from: three trees, small and large values (some large
/// enough for blob files), removes and batches, flushed, then left as `ending` says.
fn build(dir: &Path, ending: Ending) -> Content {
    let store = Store::open(dir, options()).unwrap();
    let mut content = Content::new();
    for (t, name) in ["default", "alpha", "beta"].into_iter().enumerate() {
        let tree = store.tree(name).unwrap();
        for i in 0..150u32 {
            let key = format!("{name}/{i:04}").into_bytes();
            let len = match i % 50 {
                0 if t == 1 => 300_000,
                7 => 5_000,
                _ => (i as usize * 13) % 200,
            };
            let value: Vec<u8> = (0..len).map(|j| (j as u32 ^ i ^ t as u32) as u8).collect();
            tree.insert(&key, &value).unwrap();
            content.insert((name.to_string(), key), value);
        }
        store.flush().unwrap();
        for i in (0..150u32).step_by(9) {
            let key = format!("{name}/{i:04}").into_bytes();
            tree.remove(&key).unwrap();
            content.remove(&(name.to_string(), key));
        }
        let mut batch = Batch::new();
        for i in 0..20u32 {
            let key = format!("{name}/batch/{i}").into_bytes();
            batch.insert(key.clone(), vec![i as u8; 40]).unwrap();
            content.insert((name.to_string(), key), vec![i as u8; 40]);
        }
        tree.apply_batch(batch).unwrap();
    }
    store.flush().unwrap();
    match ending {
        Ending::Closed => drop(store),
        // Leaks the open store (no background threads: `flush_every_ms` is `None`).
        Ending::Crashed => std::mem::forget(store),
    }
    content
}

fn read_all(store: &Store) -> ferry_core::Result<Content> {
    let mut seen = Content::new();
    for name in store.tree_names() {
        let tree = store.tree(&name)?;
        for entry in tree.scan(&Scan::all())? {
            let (k, v) = entry?;
            seen.insert((name.clone(), k.to_vec()), v.to_vec());
        }
    }
    Ok(seen)
}

fn classify(dir: &Path, expected: &Content) -> Outcome {
    let (tx, rx) = mpsc::channel();
    let dir = dir.to_path_buf();
    let expected = expected.clone();
    std::thread::spawn(move || {
        let result = std::panic::catch_unwind(|| {
            let store = Store::open(&dir, options())?;
            let seen = read_all(&store);
            // Closed before the answer, so the case's directory is free to go.
            drop(store);
            seen
        });
        let _ = tx.send(result);
    });
    let error = |e: &Error| match e {
        Error::Corruption { .. } => Outcome::Corruption,
        Error::Io(_) => Outcome::OtherError("Io"),
        Error::Unsupported(_) => Outcome::OtherError("Unsupported"),
        Error::Internal(_) => Outcome::OtherError("Internal"),
        _ => Outcome::OtherError("other"),
    };
    match rx.recv_timeout(Duration::from_secs(30)) {
        Ok(Ok(Ok(seen))) if seen == expected => Outcome::Intact,
        Ok(Ok(Ok(seen))) => {
            let missing = expected.keys().filter(|k| !seen.contains_key(*k)).count();
            let changed = expected
                .iter()
                .filter(|(k, v)| seen.get(*k).is_some_and(|s| s != *v))
                .count();
            let extra = seen.keys().filter(|k| !expected.contains_key(*k)).count();
            Outcome::Silent(format!(
                "{missing} missing, {changed} changed, {extra} extra of {} entries",
                expected.len()
            ))
        }
        Ok(Ok(Err(e))) => error(&e),
        Ok(Err(panic)) => Outcome::Panic(
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default(),
        ),
        Err(_) => Outcome::Hang,
    }
}

/// The store's files, relative to its directory, with their lengths.
fn files(dir: &Path) -> Vec<(PathBuf, u64)> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        for entry in std::fs::read_dir(dir.join(&rel)).unwrap() {
            let entry = entry.unwrap();
            let path = rel.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                stack.push(path);
            } else {
                out.push((path, entry.metadata().unwrap().len()));
            }
        }
    }
    out.sort();
    out
}

/// Systematic positions (the first 64 bytes, then evenly spread) and seeded random ones.
fn damages(len: u64, rng: &mut u64) -> Vec<Damage> {
    let mut next = || {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        *rng
    };
    if len == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let head = [0, 1, 4, 8, 13, 16, 24, 32, 48, 63];
    out.extend(
        head.iter()
            .filter(|&&at| at < len)
            .map(|&at| Damage::Flip(at)),
    );
    for i in 0..12 {
        out.push(Damage::Flip(len * i / 12));
        out.push(Damage::Zero(len * i / 12 / 512 * 512));
    }
    for i in 0..8 {
        out.push(Damage::Truncate(len * i / 8));
    }
    for _ in 0..10 {
        out.push(Damage::Flip(next() % len));
        out.push(Damage::Zero(next() % len));
        out.push(Damage::Truncate(next() % len));
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    if to.exists() {
        std::fs::remove_dir_all(to).unwrap();
    }
    std::fs::create_dir_all(to).unwrap();
    for (rel, _) in files(from) {
        let target = to.join(&rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(from.join(&rel), target).unwrap();
    }
}

#[test]
fn damaged_files_of_a_closed_store_give_an_error_or_the_whole_store() {
    damage_every_file(Ending::Closed);
}

#[test]
fn damaged_files_of_a_crashed_store_give_an_error_or_the_whole_store() {
    damage_every_file(Ending::Crashed);
}

fn damage_every_file(ending: Ending) {
    let root = tempfile::tempdir().unwrap();
    let pristine = root.path().join("pristine");
    let expected = build(&pristine, ending);
    let copy = root.path().join("copy");
    copy_dir(&pristine, &copy);
    assert_eq!(classify(&copy, &expected), Outcome::Intact);
    std::fs::remove_dir_all(&copy).unwrap();
    copy_dir(&pristine, &copy);
    assert_eq!(classify(&copy, &expected), Outcome::Intact, "second");
    std::fs::remove_dir_all(&copy).unwrap();
    let seed = std::env::var("CORRUPTION_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_C0DE_u64);
    let mut rng = seed | 1;
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut cases = 0;
    // Every file but the blobs, and two of those: they are all alike.
    let mut blobs = 0;
    let chosen = files(&pristine).into_iter().filter(|(file, _)| {
        let is_blob = file.starts_with("blobs");
        blobs += u32::from(is_blob);
        !is_blob || blobs <= 2
    });
    for (file, len) in chosen {
        for damage in damages(len, &mut rng) {
            cases += 1;
            // A directory per case: a store that hung may still hold the last one.
            let copy = root.path().join(format!("case-{cases}"));
            copy_dir(&pristine, &copy);
            damage.apply(&copy.join(&file)).unwrap();
            let outcome = classify(&copy, &expected);
            if outcome != Outcome::Hang {
                std::fs::remove_dir_all(&copy).unwrap();
            }
            let kind = match file.parent() {
                Some(p) if p.as_os_str() == "blobs" => "blobs/*".to_string(),
                _ => file.display().to_string(),
            };
            *counts
                .entry(format!("{kind}: {}", outcome.label()))
                .or_default() += 1;
            if !outcome.ok() {
                failures.push(format!("{} {damage:?}: {outcome:?}", file.display()));
            }
        }
    }
    println!("damaged-file cases, {ending:?} store (seed {seed}): {cases}");
    for (what, n) in &counts {
        println!("  {what}: {n}");
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} damaged {ending:?} stores failed (seed {seed}):\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(cases >= 200, "only {cases} cases");
}
