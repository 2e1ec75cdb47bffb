//! Group commit: flushes called from several threads at once share one flush of the engine.
//!
//! A durable commit costs one `fdatasync` of the log (`durability.rs`), which takes the disk
//! hundreds of microseconds while the CPU waits. When several threads each write and then call
//! [`Store::flush`](crate::Store::flush), letting each of them sync its own small log buffer
//! makes the syncs queue up at the disk. Instead, a flush that finds another one running waits
//! for it to end; then one of the waiters runs the next flush on behalf of all of them. That
//! flush starts after every waiter was called, so it covers every write that returned before
//! any of them, which is all that [`Store::flush`](crate::Store::flush) promises to each.
//!
//! A caller returns `Ok` only when a flush that started after it was called succeeded. When a
//! flush fails, its leader returns the error, and each caller it would have covered runs a
//! flush of its own (which, after an I/O error, fails too and reports it to that caller).

use std::sync::{Condvar, Mutex, MutexGuard};

/// The flushes of one open store.
#[derive(Debug, Default)]
pub(crate) struct GroupCommit {
    state: Mutex<State>,
    /// Signalled whenever a flush ends.
    ended: Condvar,
}

#[derive(Debug, Default)]
struct State {
    /// Callers so far; each gets the next number as its ticket.
    called: u64,
    /// Every caller with a ticket up to this one is covered by a flush that succeeded.
    covered: u64,
    /// Whether a flush is running.
    running: bool,
    /// Callers waiting for the running flush to end.
    waiting: usize,
}

impl GroupCommit {
    /// Returns once a run of `flush` that started after this call has succeeded: either one
    /// run by another caller, or `flush` itself, run here at most once. Returns the error of
    /// `flush` if this caller ran it and it failed.
    pub(crate) fn run<E>(&self, flush: impl FnOnce() -> Result<(), E>) -> Result<(), E> {
        let mut state = self.lock();
        state.called += 1;
        let ticket = state.called;
        loop {
            if state.covered >= ticket {
                return Ok(());
            }
            if !state.running {
                break;
            }
            state.waiting += 1;
            state = self
                .ended
                .wait(state)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            state.waiting -= 1;
        }
        // Lead: this flush starts after every caller so far, so it covers all of them.
        state.running = true;
        let covers = state.called;
        drop(state);
        let mut leader = Leader {
            group: self,
            covers: None,
        };
        let result = flush();
        if result.is_ok() {
            leader.covers = Some(covers);
        }
        drop(leader);
        result
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // Every update of the state is complete before anything that can panic, so a poisoned
        // lock holds a consistent state.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// How many callers are waiting for a running flush (for tests).
    #[cfg(test)]
    fn waiting(&self) -> usize {
        self.lock().waiting
    }
}

/// Ends the leader's flush, also when `flush` panics, so that the waiters do not wait forever.
struct Leader<'a> {
    group: &'a GroupCommit,
    /// The callers the flush covered, if it succeeded.
    covers: Option<u64>,
}

impl Drop for Leader<'_> {
    fn drop(&mut self) {
        let mut state = self.group.lock();
        state.running = false;
        if let Some(covers) = self.covers {
            state.covered = state.covered.max(covers);
        }
        drop(state);
        self.group.ended.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{mpsc, Arc};
    use std::thread;
    use std::time::Duration;

    /// Waits until `n` callers of `group` are waiting for a running flush.
    fn until_waiting(group: &GroupCommit, n: usize) {
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while group.waiting() < n {
            assert!(
                std::time::Instant::now() < deadline,
                "{} of {n} callers wait for the running flush",
                group.waiting()
            );
            thread::sleep(Duration::from_millis(1));
        }
    }

    /// Starts a caller whose flush blocks until `release` receives, and waits until it runs.
    fn blocked_leader(
        group: &Arc<GroupCommit>,
        runs: &Arc<AtomicUsize>,
        fails: bool,
    ) -> (
        mpsc::Sender<()>,
        thread::JoinHandle<Result<(), &'static str>>,
    ) {
        let (release, wait) = mpsc::channel::<()>();
        let (started, running) = mpsc::channel::<()>();
        let (group, runs) = (Arc::clone(group), Arc::clone(runs));
        let leader = thread::spawn(move || {
            group.run(|| {
                runs.fetch_add(1, Ordering::SeqCst);
                started.send(()).unwrap();
                wait.recv().unwrap();
                if fails {
                    Err("disk on fire")
                } else {
                    Ok(())
                }
            })
        });
        running.recv().unwrap();
        (release, leader)
    }

    /// Callers that each count the flushes they run; `fails` decides each run's result.
    fn followers(
        group: &Arc<GroupCommit>,
        runs: &Arc<AtomicUsize>,
        n: usize,
        fails: bool,
    ) -> Vec<thread::JoinHandle<Result<(), &'static str>>> {
        (0..n)
            .map(|_| {
                let (group, runs) = (Arc::clone(group), Arc::clone(runs));
                thread::spawn(move || {
                    group.run(|| {
                        runs.fetch_add(1, Ordering::SeqCst);
                        if fails {
                            Err("still on fire")
                        } else {
                            Ok(())
                        }
                    })
                })
            })
            .collect()
    }

    #[test]
    fn callers_that_arrive_during_a_flush_share_the_next_one() {
        let group = Arc::new(GroupCommit::default());
        let runs = Arc::new(AtomicUsize::new(0));
        let (release, leader) = blocked_leader(&group, &runs, false);
        let waiting = followers(&group, &runs, 7, false);
        until_waiting(&group, 7);
        release.send(()).unwrap();
        assert_eq!(leader.join().unwrap(), Ok(()));
        for follower in waiting {
            assert_eq!(follower.join().unwrap(), Ok(()));
        }
        // The leader's flush started before the followers were called, so it covers none of
        // them; one more flush covers all seven.
        assert_eq!(runs.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn a_lone_caller_runs_its_own_flush_every_time() {
        let group = GroupCommit::default();
        let mut runs = 0;
        for _ in 0..3 {
            group
                .run(|| {
                    runs += 1;
                    Ok::<(), ()>(())
                })
                .unwrap();
        }
        assert_eq!(runs, 3);
    }

    #[test]
    fn a_failed_flush_covers_nobody() {
        let group = Arc::new(GroupCommit::default());
        let runs = Arc::new(AtomicUsize::new(0));
        let (release, leader) = blocked_leader(&group, &runs, true);
        let waiting = followers(&group, &runs, 3, true);
        until_waiting(&group, 3);
        release.send(()).unwrap();
        assert_eq!(leader.join().unwrap(), Err("disk on fire"));
        for follower in waiting {
            assert_eq!(follower.join().unwrap(), Err("still on fire"));
        }
        assert_eq!(
            runs.load(Ordering::SeqCst),
            4,
            "each caller ran its own flush"
        );
    }

    #[test]
    fn a_panicking_flush_does_not_strand_the_waiters() {
        let group = Arc::new(GroupCommit::default());
        let runs = Arc::new(AtomicUsize::new(0));
        let (release, wait) = mpsc::channel::<()>();
        let (started, running) = mpsc::channel::<()>();
        let leader = {
            let group = Arc::clone(&group);
            thread::spawn(move || {
                group.run(|| -> Result<(), &'static str> {
                    started.send(()).unwrap();
                    wait.recv().unwrap();
                    panic!("a flush panicked");
                })
            })
        };
        running.recv().unwrap();
        let waiting = followers(&group, &runs, 2, false);
        until_waiting(&group, 2);
        release.send(()).unwrap();
        assert!(
            leader.join().is_err(),
            "the leader's panic reaches its caller"
        );
        for follower in waiting {
            assert_eq!(follower.join().unwrap(), Ok(()));
        }
        assert_eq!(runs.load(Ordering::SeqCst), 1, "one flush after the panic");
    }
}
