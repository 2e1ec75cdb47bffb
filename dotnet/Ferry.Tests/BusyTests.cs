using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using NUnit.Framework;

namespace Ferry.Tests
{
    /// <summary>
    /// A batch or a cursor shared by two threads: the native layer takes one call at a time on
    /// it and answers an overlapping call with FERRY_STATUS_BUSY, which C# throws as
    /// <see cref="InvalidOperationException"/> around the <see cref="FerryException"/>. The calls
    /// that succeeded must account exactly for what the batch applied or the cursor read.
    /// </summary>
    [TestFixture]
    public class BusyTests : StoreFixture
    {
        /// <summary>Calls each thread makes at least; then they go on until a BUSY was seen.</summary>
        private const int MinCalls = 20000;

        /// <summary>The longest the threads go on waiting for a first BUSY.</summary>
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

        /// <summary>Whether <paramref name="e"/> is the BUSY misuse, with the native message.</summary>
        private static bool IsBusy(InvalidOperationException e)
        {
            var inner = e.InnerException as FerryException;
            return inner != null && inner.Status == FerryStatus.Busy
                && Regex.IsMatch(e.Message, "^ferry_[a-z_]+: the (batch|cursor) is in use by another thread");
        }

        /// <summary>Runs <paramref name="work"/> on two threads started together; fails on any exception.</summary>
        private static void OnTwoThreads(Action<int> work)
        {
            var errors = new ConcurrentQueue<string>();
            var ready = new Barrier(2);
            var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
            {
                try
                {
                    ready.SignalAndWait();
                    work(t);
                }
                catch (Exception e)
                {
                    errors.Enqueue("thread " + t + ": " + e);
                }
            }) { IsBackground = true, Name = "ferry-busy-" + t }).ToList();
            threads.ForEach(w => w.Start());
            foreach (var w in threads) Assert.That(w.Join(TimeSpan.FromSeconds(100)), Is.True, w.Name + " finished");
            Assert.That(errors, Is.Empty, string.Join("\n", errors.Take(3)));
        }

        private static string BatchKey(int thread, int i) => "b" + thread + "/" + i.ToString("D7");

        private static byte[] BatchValue(int thread, int i) => Bytes.Utf8(thread + ":" + i);

        [Test, Timeout(120000)]
        public void OneWriteBatchSharedByTwoThreadsThrowsInvalidOperationAndLosesNoWrite()
        {
            var tree = Store.OpenTree("shared-batch");
            var added = new[] { new List<int>(), new List<int>() };
            long busy = 0, calls = 0;
            var clock = Stopwatch.StartNew();
            using (var batch = new WriteBatch())
            {
                OnTwoThreads(t =>
                {
                    for (var i = 0; i < MinCalls || (Interlocked.Read(ref busy) == 0 && clock.Elapsed < Patience); i++)
                    {
                        try
                        {
                            batch.Set(BatchKey(t, i), BatchValue(t, i));
                            added[t].Add(i);
                            if (i % 50 == 7 && batch.Count < 1) throw new Exception("a batch holding a write counts none");
                        }
                        catch (InvalidOperationException e) when (IsBusy(e))
                        {
                            Interlocked.Increment(ref busy);
                        }
                        Interlocked.Increment(ref calls);
                    }
                });
                Assert.That(batch.Count, Is.EqualTo(added[0].Count + added[1].Count), "the batch holds the writes that returned");
                tree.Apply(batch);
            }

            var want = Enumerable.Range(0, 2)
                .SelectMany(t => added[t].Select(i => new KeyValuePair<string, byte[]>(BatchKey(t, i), BatchValue(t, i))))
                .OrderBy(e => e.Key, StringComparer.Ordinal)
                .ToList();
            var got = tree.Prefix("b").ToList();
            Assert.That(got.Select(e => Bytes.Text(e.Key)), Is.EqualTo(want.Select(e => e.Key)), "exactly the keys whose Set returned");
            for (var n = 0; n < got.Count; n++) Bytes.AssertEqual(want[n].Value, got[n].Value, want[n].Key);
            Console.WriteLine("busy: one WriteBatch, two threads: {0} InvalidOperationException in {1} calls, {2} writes applied", busy, calls, want.Count);
            Assert.That(busy, Is.GreaterThan(0), "no BUSY in " + calls + " calls over " + clock.Elapsed);
        }

        [Test, Timeout(120000)]
        public void OneCursorSharedByTwoThreadsThrowsInvalidOperationAndSkipsNoEntry()
        {
            const int Entries = 5000;
            var tree = Store.OpenTree("shared-cursor");
            var all = Enumerable.Range(0, Entries).Select(i => "c/" + i.ToString("D6")).ToList();
            using (var batch = new WriteBatch())
            {
                foreach (var key in all) batch.Set(key, key.Substring(2));
                tree.Apply(batch);
            }
            long busy = 0, calls = 0;
            var passes = 0;
            var clock = Stopwatch.StartNew();
            while (calls < 2 * MinCalls || (busy == 0 && clock.Elapsed < Patience))
            {
                var seen = new[] { new List<string>(), new List<string>() };
                // The native cursor under a scan enumerator (internal): its managed position is
                // one thread's; the cursor itself is what the two threads share here.
                using (var cursor = tree.OpenCursor(ScanKind.Prefix, Bytes.Utf8("c/"), null, false, -1))
                {
                    OnTwoThreads(t =>
                    {
                        var buffer = new byte[2 * (PackedLayout.HeaderLength + 8 + 6)];
                        while (true)
                        {
                            ulong count, used;
                            try
                            {
                                cursor.Next(buffer, out count, out used);
                            }
                            catch (InvalidOperationException e) when (IsBusy(e))
                            {
                                Interlocked.Increment(ref busy);
                                continue;
                            }
                            finally
                            {
                                Interlocked.Increment(ref calls);
                            }
                            if (count == 0) return;
                            var at = 0;
                            for (ulong e = 0; e < count; e++)
                            {
                                var keyLength = PackedLayout.ReadLength(buffer, at);
                                var valueLength = PackedLayout.ReadLength(buffer, at + 4);
                                var key = Bytes.Text(new ReadOnlySpan<byte>(buffer, at + PackedLayout.HeaderLength, keyLength).ToArray());
                                var value = Bytes.Text(new ReadOnlySpan<byte>(buffer, at + PackedLayout.HeaderLength + keyLength, valueLength).ToArray());
                                if (value != key.Substring(2)) throw new Exception("entry " + key + " has value " + value);
                                seen[t].Add(key);
                                at += PackedLayout.HeaderLength + keyLength + valueLength;
                            }
                        }
                    });
                }
                foreach (var mine in seen)
                    Assert.That(mine, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal), "each thread reads in key order");
                var both = seen[0].Concat(seen[1]).OrderBy(k => k, StringComparer.Ordinal).ToList();
                Assert.That(both, Is.EqualTo(all), "pass " + passes + ": every entry read exactly once");
                passes++;
            }
            Console.WriteLine("busy: one cursor, two threads: {0} InvalidOperationException in {1} calls ({2} scans of {3} entries)", busy, calls, passes, Entries);
            Assert.That(busy, Is.GreaterThan(0), "no BUSY in " + calls + " calls over " + clock.Elapsed);
        }
    }
}
