//! One store shared by many threads.

use std::sync::Arc;
use std::thread;

use ferry_core::{Batch, Scan};

use crate::temp_store;

const THREADS: usize = 8;
const PER_THREAD: usize = 500;

#[test]
fn eight_threads_share_one_store() {
    let (_dir, store) = temp_store();
    let store = Arc::new(store);
    let handles: Vec<_> = (0..THREADS)
        .map(|id| {
            let store = Arc::clone(&store);
            thread::spawn(move || {
                let own = store.tree(&format!("t{id}")).unwrap();
                let shared = store.default_tree();
                for i in 0..PER_THREAD {
                    own.insert(format!("{i:05}"), id.to_le_bytes()).unwrap();
                    if i % 50 == 0 {
                        let mut batch = Batch::new();
                        batch.insert(format!("batch/{id}/{i}"), b"b").unwrap();
                        shared.apply_batch(batch).unwrap();
                        store.flush().unwrap();
                    }
                    // Increment a shared counter with compare-and-swap until it sticks.
                    loop {
                        let current = shared.get(b"counter").unwrap();
                        let n = current
                            .as_deref()
                            .map_or(0, |b| u64::from_le_bytes(b.try_into().unwrap()));
                        let next = (n + 1).to_le_bytes();
                        if shared
                            .compare_and_swap(b"counter", current.as_deref(), Some(&next))
                            .unwrap()
                            .is_swapped()
                        {
                            break;
                        }
                    }
                    // Readers see whole, ordered scans while others write.
                    if i % 100 == 0 {
                        let seen: Vec<_> = own
                            .scan(&Scan::all())
                            .unwrap()
                            .map(|e| e.unwrap().0)
                            .collect();
                        assert!(seen.windows(2).all(|w| w[0] < w[1]));
                        assert_eq!(seen.len(), i + 1);
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("worker panicked");
    }
    let counter = store.default_tree().get(b"counter").unwrap().unwrap();
    assert_eq!(
        u64::from_le_bytes((&*counter).try_into().unwrap()),
        (THREADS * PER_THREAD) as u64
    );
    for id in 0..THREADS {
        let t = store.tree(&format!("t{id}")).unwrap();
        assert_eq!(t.len().unwrap(), PER_THREAD);
        assert!(t
            .scan(&Scan::all())
            .unwrap()
            .all(|e| *e.unwrap().1 == id.to_le_bytes()));
    }
    let batches = store
        .default_tree()
        .scan(&Scan::prefix("batch/"))
        .unwrap()
        .count();
    assert_eq!(batches, THREADS * PER_THREAD / 50);
    assert_eq!(
        store.stats().unwrap().entries as usize,
        THREADS * PER_THREAD + batches + 1
    );
}
