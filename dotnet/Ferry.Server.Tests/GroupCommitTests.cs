using System;
using System.Collections.Generic;
using System.Threading;
using NUnit.Framework;

namespace Ferry.Server.Tests
{
    /// <summary>
    /// The server's GroupCommit on its own (scripts/test-server.sh compiles its source into this
    /// assembly), against a fake store: writes are numbered as they complete, and a flush makes
    /// durable the writes that had completed when it started, as Store.Flush does.
    /// </summary>
    [TestFixture]
    public sealed class GroupCommitTests
    {
        /// <summary>A store that only counts: what has been written, and what a flush made durable.</summary>
        private sealed class FakeStore
        {
            private long _written;
            private long _durable;
            private int _flushes;

            private readonly ManualResetEventSlim _releaseFirst = new ManualResetEventSlim();

            /// <summary>Runs inside each flush (numbered from 1), after it has read what it covers.</summary>
            public Action<int> During = n => { };

            public readonly ManualResetEventSlim FirstFlushStarted = new ManualResetEventSlim();

            /// <summary>Makes the first flush wait for <see cref="ReleaseFirstFlush"/>, then throw <paramref name="failure"/> if given.</summary>
            public void HoldFirstFlush(Exception failure = null)
            {
                During = n =>
                {
                    if (n != 1) return;
                    FirstFlushStarted.Set();
                    _releaseFirst.Wait();
                    if (failure != null) throw failure;
                };
            }

            public void ReleaseFirstFlush() => _releaseFirst.Set();

            public long Write() => Interlocked.Increment(ref _written);

            public long Durable => Interlocked.Read(ref _durable);

            public int Flushes => Volatile.Read(ref _flushes);

            public void Flush()
            {
                var covers = Interlocked.Read(ref _written);
                During(Interlocked.Increment(ref _flushes));
                long seen;
                while ((seen = Interlocked.Read(ref _durable)) < covers && Interlocked.CompareExchange(ref _durable, covers, seen) != seen)
                {
                }
            }
        }

        private static Thread Run(Action body, List<Exception> errors)
        {
            var thread = new Thread(() =>
            {
                try
                {
                    body();
                }
                catch (Exception e)
                {
                    lock (errors) errors.Add(e);
                }
            }) { IsBackground = true };
            thread.Start();
            return thread;
        }

        private static void JoinAll(IEnumerable<Thread> threads, List<Exception> errors)
        {
            foreach (var thread in threads) Assert.IsTrue(thread.Join(30000), "a committer hung");
            if (errors.Count > 0) Assert.Fail(string.Join("\n", errors));
        }

        [Test]
        public void RelaxedNeverFlushes()
        {
            var store = new FakeStore();
            var commits = new GroupCommit(Durability.Relaxed, store.Flush);
            store.Write();
            commits.Commit();
            Assert.AreEqual(0, store.Flushes);
            Assert.AreEqual(0, store.Durable);
        }

        [Test]
        public void ALoneWriterGetsAFlushPerWrite()
        {
            var store = new FakeStore();
            var commits = new GroupCommit(Durability.Durable, store.Flush);
            for (var i = 1; i <= 10; i++)
            {
                store.Write();
                commits.Commit();
                Assert.AreEqual(i, store.Durable, "durable on return");
            }
            Assert.AreEqual(10, store.Flushes);
            Assert.AreEqual(10, commits.Flushes);
        }

        [Test]
        public void ConcurrentWritersShareFlushesAndEachReturnsDurable()
        {
            const int Writers = 16, Each = 100;
            var store = new FakeStore { During = n => Thread.Sleep(1) };
            var commits = new GroupCommit(Durability.Durable, store.Flush);
            var errors = new List<Exception>();
            var threads = new List<Thread>();
            for (var t = 0; t < Writers; t++)
            {
                threads.Add(Run(() =>
                {
                    for (var i = 0; i < Each; i++)
                    {
                        var mine = store.Write();
                        commits.Commit();
                        var durable = store.Durable;
                        if (durable < mine) throw new AssertionException($"write {mine} answered with only {durable} durable");
                    }
                }, errors));
            }
            JoinAll(threads, errors);
            Assert.Less(store.Flushes, Writers * Each / 4, "flushes were not shared");
        }

        [Test]
        public void AWriteCompletedDuringAFlushWaitsForTheNextOne()
        {
            var store = new FakeStore();
            store.HoldFirstFlush();
            var commits = new GroupCommit(Durability.Durable, store.Flush);
            var errors = new List<Exception>();
            long late = 0, durableForLate = 0;
            var leader = Run(() =>
            {
                store.Write();
                commits.Commit();
            }, errors);
            Assert.IsTrue(store.FirstFlushStarted.Wait(10000));
            var follower = Run(() =>
            {
                late = store.Write();
                commits.Commit();
                durableForLate = store.Durable;
            }, errors);
            Thread.Sleep(100); // the follower is waiting behind the first flush
            Assert.IsTrue(follower.IsAlive, "the follower returned while the only flush running had started before its write");
            store.ReleaseFirstFlush();
            JoinAll(new[] { leader, follower }, errors);
            Assert.AreEqual(2, store.Flushes);
            Assert.GreaterOrEqual(durableForLate, late);
        }

        [Test]
        public void AFailedFlushFailsTheWritesItCoveredOnly()
        {
            var store = new FakeStore();
            store.HoldFirstFlush(new FerryException(FerryStatus.Io, "disk on fire"));
            var commits = new GroupCommit(Durability.Durable, store.Flush);
            var errors = new List<Exception>();
            Exception failure = null;
            var covered = new Thread(() =>
            {
                store.Write();
                try
                {
                    commits.Commit();
                }
                catch (Exception e)
                {
                    failure = e;
                }
            });
            covered.Start();
            Assert.IsTrue(store.FirstFlushStarted.Wait(10000));
            var later = Run(() =>
            {
                store.Write();
                commits.Commit();
            }, errors);
            Thread.Sleep(50);
            store.ReleaseFirstFlush();
            JoinAll(new[] { covered, later }, errors);
            Assert.IsInstanceOf<NotDurableException>(failure);
            Assert.IsInstanceOf<FerryException>(failure.InnerException);
            StringAssert.Contains("disk on fire", failure.Message);
            Assert.AreEqual(2, store.Flushes, "the later write got a flush of its own");

            store.Write();
            commits.Commit(); // and the next one succeeds again
            Assert.AreEqual(3, store.Flushes);
        }
    }
}
