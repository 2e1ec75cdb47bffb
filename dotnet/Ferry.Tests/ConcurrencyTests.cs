using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using NUnit.Framework;

namespace Ferry.Tests
{
    [TestFixture]
    public class ConcurrencyTests : StoreFixture
    {
        private const int Threads = 8;
        private const int Iterations = 1500;
        private const string TreeName = "concurrent";
        private static readonly byte[] CounterKey = Bytes.Utf8("counter");

        private static string OwnKey(int thread, int i) => "t" + thread + "/k" + i.ToString("D5");

        /// <summary>A value that names its key; every fifth is larger than Get's 4 KiB scratch buffer.</summary>
        private static byte[] OwnValue(int thread, int i)
        {
            var stamp = Bytes.Utf8("value " + thread + " " + i + ";");
            var value = new byte[i % 5 == 0 ? 5000 : stamp.Length];
            for (var at = 0; at < value.Length; at++) value[at] = stamp[at % stamp.Length];
            return value;
        }

        private static long ToLong(byte[] bytes) => BitConverter.ToInt64(bytes, 0);

        [Test, Timeout(120000)]
        public void EightThreadsMixingEveryOperationKeepTheInvariants()
        {
            var tree = Store.OpenTree(TreeName);
            tree.Set(CounterKey, BitConverter.GetBytes(0L));
            var errors = new ConcurrentQueue<string>();
            var trees = new Tree[Threads];
            long operations = 0;
            long increments = 0;
            var ready = new Barrier(Threads);
            var clock = Stopwatch.StartNew();

            var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                try
                {
                    ready.SignalAndWait();
                    trees[t] = Store.OpenTree(TreeName);
                    long ops, incs;
                    Work(t, trees[t], errors, out ops, out incs);
                    Interlocked.Add(ref operations, ops);
                    Interlocked.Add(ref increments, incs);
                }
                catch (Exception e)
                {
                    errors.Enqueue("thread " + t + ": " + e);
                }
            }) { IsBackground = true, Name = "ferry-worker-" + t }).ToList();
            workers.ForEach(w => w.Start());
            foreach (var w in workers) Assert.That(w.Join(TimeSpan.FromSeconds(100)), Is.True, w.Name + " finished");
            clock.Stop();

            Assert.That(errors, Is.Empty, string.Join("\n", errors.Take(10)));
            Console.WriteLine("concurrency: {0} threads, {1} operations in {2} ms", Threads, operations, clock.ElapsedMilliseconds);
            Assert.That(trees.Distinct().Count(), Is.EqualTo(1), "OpenTree from every thread gave one Tree");

            // The CAS counter counts every increment exactly once.
            Assert.That(increments, Is.EqualTo((long)Threads * Iterations));
            Assert.That(ToLong(tree.Get(CounterKey)), Is.EqualTo(increments), "CAS counter");

            for (var t = 0; t < Threads; t++)
            {
                // Each thread's key range is complete and holds its values, in order.
                var i = 0;
                foreach (var entry in tree.Prefix("t" + t + "/k"))
                {
                    Assert.That(Bytes.Text(entry.Key), Is.EqualTo(OwnKey(t, i)));
                    Bytes.AssertEqual(OwnValue(t, i), entry.Value, OwnKey(t, i));
                    i++;
                }
                Assert.That(i, Is.EqualTo(Iterations), "keys of thread " + t);
                // The batched pair ends equal, at the last version written.
                var a = tree.Get("t" + t + "/pair/a");
                var b = tree.Get("t" + t + "/pair/b");
                Assert.That(ToLong(a), Is.EqualTo(ToLong(b)), "pair of thread " + t);
                Assert.That(ToLong(a), Is.EqualTo((long)(Iterations - 1) / 10 * 10));
                Assert.That(tree.Get("t" + t + "/tmp"), Is.Null, "temporary key removed");
            }

            var expectedCount = Threads * Iterations + 1 + 2 * Threads;
            Assert.That(tree.Count(), Is.EqualTo(expectedCount));
            Assert.That(Store.GetStats().Entries, Is.EqualTo(expectedCount));
            byte[] previous = null;
            foreach (var entry in tree.Range())
            {
                if (previous != null && Bytes.Compare(previous, entry.Key) >= 0) Assert.Fail("scan out of order at {0}", Bytes.Text(entry.Key));
                previous = entry.Key;
            }
        }

        private static void Work(int t, Tree tree, ConcurrentQueue<string> errors, out long ops, out long increments)
        {
            ops = 0;
            increments = 0;
            var random = new Random(t);
            var tmp = Bytes.Utf8("t" + t + "/tmp");
            var buffer = new byte[64];
            using (var batch = new WriteBatch())
            {
                for (var i = 0; i < Iterations; i++)
                {
                    var key = OwnKey(t, i);
                    var value = OwnValue(t, i);

                    tree.Set(key, value);
                    var read = tree.Get(key);
                    ops += 2;
                    if (read == null || !read.SequenceEqual(value)) errors.Enqueue(key + ": read back a different value");

                    // Increment the shared counter with compare-and-swap.
                    while (true)
                    {
                        var current = tree.Get(CounterKey);
                        var next = BitConverter.GetBytes(ToLong(current) + 1);
                        ops += 2;
                        if (tree.CompareAndSwap(CounterKey, current, next)) break;
                    }
                    increments++;

                    if (i % 4 == 1)
                    {
                        tree.Set(tmp, new byte[] { 1 });
                        if (!tree.Remove(tmp)) errors.Enqueue("t" + t + ": own temporary key was not there to remove");
                        if (tree.Remove(new ReadOnlySpan<byte>(tmp))) errors.Enqueue("t" + t + ": removed twice");
                        ops += 3;
                    }

                    if (i % 10 == 0)
                    {
                        var version = BitConverter.GetBytes((long)i);
                        batch.Set(Bytes.Utf8("t" + t + "/pair/a"), version).Set(Bytes.Utf8("t" + t + "/pair/b"), version);
                        tree.Apply(batch);
                        ops++;
                        if (batch.Count != 0) errors.Enqueue("t" + t + ": batch not empty after Apply");
                    }

                    if (i % 10 == 5)
                    {
                        // Batches are atomic: whoever sees pair b at version v then reads a at v or later.
                        var other = random.Next(Threads);
                        var b = tree.Get("t" + other + "/pair/b");
                        var a = tree.Get("t" + other + "/pair/a");
                        ops += 2;
                        if (b != null && (a == null || ToLong(a) < ToLong(b)))
                            errors.Enqueue("t" + t + ": saw a partial batch of thread " + other);
                    }

                    if (i % 7 == 3)
                    {
                        int written;
                        var earlier = OwnKey(t, i / 2);
                        var expected = OwnValue(t, i / 2);
                        var found = tree.TryGet(Bytes.Utf8(earlier), buffer, out written);
                        ops++;
                        if (!found && !(written == expected.Length && expected.Length > buffer.Length)) errors.Enqueue(earlier + ": TryGet");
                        if (found && !new ReadOnlySpan<byte>(buffer, 0, written).SequenceEqual(expected)) errors.Enqueue(earlier + ": TryGet value");
                        using (var view = tree.GetView(Bytes.Utf8(earlier)))
                        {
                            ops++;
                            if (view == null || !view.Span.SequenceEqual(expected)) errors.Enqueue(earlier + ": GetView");
                        }
                    }

                    if (i % 100 == 50)
                    {
                        // Scan a random thread's keys while it writes: ordered, each value matching its key.
                        var other = random.Next(Threads);
                        var reverse = random.Next(2) == 1;
                        byte[] previous = null;
                        foreach (var entry in tree.Prefix("t" + other + "/k", reverse, 300))
                        {
                            ops++;
                            if (previous != null && Bytes.Compare(previous, entry.Key) * (reverse ? -1 : 1) >= 0)
                                errors.Enqueue("t" + t + ": scan out of order at " + Bytes.Text(entry.Key));
                            var n = int.Parse(Bytes.Text(entry.Key).Substring(("t" + other + "/k").Length));
                            if (!entry.Value.SequenceEqual(OwnValue(other, n))) errors.Enqueue("t" + t + ": scan value of " + Bytes.Text(entry.Key));
                            previous = entry.Key;
                        }
                        // And my own keys so far, which must all be there.
                        var mine = tree.Range(Bytes.Utf8("t" + t + "/k"), Bytes.Utf8("t" + t + "/l")).Count();
                        ops += mine;
                        if (mine != i + 1) errors.Enqueue("t" + t + ": own range has " + mine + " keys, expected " + (i + 1));
                    }
                }
            }
        }

        [Test, Timeout(60000)]
        public void WritesRacingDropTreeFailOnlyAsDocumented()
        {
            // Tree documents: a call racing a drop may fail with FerryException(TreeDropped);
            // after the drop, ObjectDisposedException. Two writers keep writing to a tree that a
            // third thread keeps dropping (they reopen it on each write).
            var unexpected = new ConcurrentQueue<string>();
            long writes = 0, disposed = 0, dropped = 0, drops = 0;
            var stop = 0;
            var writers = Enumerable.Range(0, 2).Select(t => new Thread(() =>
            {
                var value = new byte[16];
                while (Volatile.Read(ref stop) == 0)
                {
                    try
                    {
                        Store.OpenTree("victim").Set("k" + t, value);
                        Interlocked.Increment(ref writes);
                    }
                    catch (ObjectDisposedException)
                    {
                        Interlocked.Increment(ref disposed);
                    }
                    catch (FerryException e) when (e.Status == FerryStatus.TreeDropped)
                    {
                        Interlocked.Increment(ref dropped);
                    }
                    catch (Exception e)
                    {
                        unexpected.Enqueue(e.GetType().Name + (e is FerryException ? " " + ((FerryException)e).Status : "") + ": " + e.Message);
                    }
                }
            }) { IsBackground = true }).ToList();
            writers.ForEach(w => w.Start());
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < 500)
            {
                Store.DropTree("victim");
                drops++;
            }
            Volatile.Write(ref stop, 1);
            foreach (var w in writers) Assert.That(w.Join(TimeSpan.FromSeconds(30)), Is.True);
            Console.WriteLine("drop race: {0} writes, {1} drops, {2} ObjectDisposedException, {3} TreeDropped, {4} other exceptions", writes, drops, disposed, dropped, unexpected.Count);
            Assert.That(writes, Is.GreaterThan(0));
            Assert.That(unexpected, Is.Empty, unexpected.Count + " unexpected exceptions, such as:\n" + string.Join("\n", unexpected.Distinct().Take(3)));
            Store.OpenTree("victim").Set("after", "ok");
            Assert.That(Store.OpenTree("victim").GetString("after"), Is.EqualTo("ok"));
        }

        [Test, Timeout(60000)]
        public void DisposingTheStoreWhileOtherThreadsUseItThrowsOnlyObjectDisposedException()
        {
            // Store.Dispose closes the scans of other threads; they must see ObjectDisposedException,
            // never a NullReferenceException from a buffer taken away mid-read, nor wrong data.
            Store.Dispose();
            using (var store = Store.Open(StorePath, TestOptions()))
            using (var batch = new WriteBatch())
            {
                for (var i = 0; i < 20000; i++) batch.Set(Bytes.Utf8(OwnKey(0, i)), OwnValue(0, i));
                store.DefaultTree.Apply(batch);
                store.Flush();
            }

            var unexpected = new ConcurrentQueue<string>();
            long entries = 0;
            for (var round = 0; round < 10; round++)
            {
                var store = Store.Open(StorePath, TestOptions());
                var tree = store.DefaultTree;
                var workers = Enumerable.Range(0, 4).Select(t => new Thread(() =>
                {
                    try
                    {
                        while (true)
                        {
                            if (t == 3)
                            {
                                // Point reads only: pending writes could hold the directory's lock
                                // past Dispose (see StoreTests.ReopenRightAfterDisposeWithUnflushedWrites).
                                var key = OwnKey(0, t * 1000);
                                var expected = OwnValue(0, t * 1000);
                                var value = tree.Get(key);
                                if (value == null || !value.SequenceEqual(expected)) unexpected.Enqueue("Get " + key);
                                bool same;
                                if (!tree.TryRead<bool>(Bytes.Utf8(key), span => span.SequenceEqual(expected), out same) || !same)
                                    unexpected.Enqueue("TryRead " + key);
                                continue;
                            }
                            foreach (var entry in tree.Prefix("t0/k", reverse: t == 1))
                            {
                                var n = int.Parse(Bytes.Text(entry.Key).Substring(4));
                                if (!entry.Value.SequenceEqual(OwnValue(0, n))) unexpected.Enqueue("wrong value for " + Bytes.Text(entry.Key));
                                Interlocked.Increment(ref entries);
                            }
                        }
                    }
                    catch (ObjectDisposedException)
                    {
                    }
                    catch (Exception e)
                    {
                        unexpected.Enqueue(e.GetType().Name + ": " + e.Message);
                    }
                }) { IsBackground = true }).ToList();
                workers.ForEach(w => w.Start());
                Thread.Sleep(30 + 7 * round);
                store.Dispose();
                foreach (var w in workers) Assert.That(w.Join(TimeSpan.FromSeconds(20)), Is.True, "worker stopped");
            }
            Console.WriteLine("dispose race: {0} entries scanned, {1} unexpected exceptions", entries, unexpected.Count);
            Assert.That(entries, Is.GreaterThan(0));
            Assert.That(unexpected, Is.Empty, unexpected.Count + " unexpected, such as:\n" + string.Join("\n", unexpected.Distinct().Take(3)));
        }
    }
}
