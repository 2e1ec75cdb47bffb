using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using NUnit.Framework;

namespace Ferry.Tests
{
    [TestFixture]
    public class DisposalTests
    {
        private TestDirectory _directory;
        private string _path;

        [SetUp]
        public void MakeDirectory()
        {
            _directory = new TestDirectory();
            _path = _directory.Sub("store");
        }

        [TearDown]
        public void RemoveDirectory()
        {
            // Close anything a failed test left to its finalizers before deleting the files.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            _directory.Dispose();
        }

        private Store Open() => Store.Open(_path, StoreFixture.TestOptions());

        [Test]
        public void StoreMethodsThrowAfterDispose()
        {
            var store = Open();
            var path = store.Path;
            store.Dispose();
            Assert.That(store.IsDisposed, Is.True);
            Assert.That(store.Path, Is.EqualTo(path), "Path stays readable");
            Assert.Throws<ObjectDisposedException>(() => store.Flush());
            Assert.Throws<ObjectDisposedException>(() => store.GetStats());
            Assert.Throws<ObjectDisposedException>(() => store.OpenTree("t"));
            Assert.Throws<ObjectDisposedException>(() => store.DropTree("t"));
            Assert.Throws<ObjectDisposedException>(() => { var t = store.DefaultTree; });
        }

        [Test]
        public void DefaultTreeThrowsAfterDisposeEvenIfReadBefore()
        {
            var store = Open();
            Assert.That(store.DefaultTree, Is.Not.Null);
            Assert.That(store.OpenTree("named"), Is.Not.Null);
            store.Dispose();
            Assert.Throws<ObjectDisposedException>(() => store.OpenTree("named"), "a cached tree");
            Assert.Throws<ObjectDisposedException>(() => { var t = store.DefaultTree; }, "the cached default tree");
        }

        [Test]
        public void DisposingTwiceIsHarmless()
        {
            var store = Open();
            store.Dispose();
            Assert.DoesNotThrow(() => store.Dispose());
            Assert.That(store.IsDisposed, Is.True);
        }

        [Test]
        public void TreeMethodsThrowAfterTheStoreIsDisposed()
        {
            var store = Open();
            var tree = store.OpenTree("t");
            tree.Set("k", "v");
            var key = Bytes.Utf8("k");
            var scan = tree.Range(); // created before, enumerated after
            using (var batch = new WriteBatch())
            {
                batch.Set("b", "1");
                store.Dispose();

                int written;
                string text;
                var calls = new Dictionary<string, TestDelegate>
                {
                    { "Get(span)", () => tree.Get(new ReadOnlySpan<byte>(key)) },
                    { "Get(byte[])", () => tree.Get(key) },
                    { "Get(string)", () => tree.Get("k") },
                    { "GetString", () => tree.GetString("k") },
                    { "TryGet", () => tree.TryGet(key, new byte[8], out written) },
                    { "GetView(span)", () => tree.GetView(new ReadOnlySpan<byte>(key)) },
                    { "GetView(byte[])", () => tree.GetView(key) },
                    { "TryRead", () => tree.TryRead<string>(key, s => "x", out text) },
                    { "Count", () => tree.Count() },
                    { "Set(span)", () => tree.Set(new ReadOnlySpan<byte>(key), new ReadOnlySpan<byte>(key)) },
                    { "Set(byte[])", () => tree.Set(key, key) },
                    { "Set(string, string)", () => tree.Set("k", "v") },
                    { "Set(string, byte[])", () => tree.Set("k", key) },
                    { "Remove(span)", () => tree.Remove(new ReadOnlySpan<byte>(key)) },
                    { "Remove(byte[])", () => tree.Remove(key) },
                    { "Remove(string)", () => tree.Remove("k") },
                    { "CompareAndSwap(byte[])", () => tree.CompareAndSwap(key, key, key) },
                    { "CompareAndSwap(string)", () => tree.CompareAndSwap("k", "v", "w") },
                    { "CompareAndSwap(span)", () => tree.CompareAndSwap(key, key, true, key, true) },
                    { "Apply", () => tree.Apply(batch) },
                    { "Range enumerated", () => tree.Range().GetEnumerator().MoveNext() },
                    { "Prefix(byte[]) enumerated", () => tree.Prefix(key).GetEnumerator().MoveNext() },
                    { "Prefix(string) enumerated", () => tree.Prefix("k").ToList() },
                    { "Range created before Dispose", () => scan.ToList() },
                };
                foreach (var call in calls)
                {
                    try
                    {
                        call.Value();
                        Assert.Fail("{0} did not throw after Store.Dispose", call.Key);
                    }
                    catch (ObjectDisposedException)
                    {
                    }
                    catch (Exception e)
                    {
                        Assert.Fail("{0} threw {1} instead of ObjectDisposedException: {2}", call.Key, e.GetType().Name, e.Message);
                    }
                }
                Assert.That(batch.Count, Is.EqualTo(1), "the batch itself is not the store's: still usable");
            }
        }

        [Test]
        public void EnumeratorMidScanThrowsAfterTheStoreIsDisposed()
        {
            var store = Open();
            using (var batch = new WriteBatch())
            {
                for (var i = 0; i < 5000; i++) batch.Set("k" + i.ToString("D4"), "some value " + i);
                store.DefaultTree.Apply(batch);
            }
            var enumerator = store.DefaultTree.Range().GetEnumerator();
            Assert.That(enumerator.MoveNext(), Is.True);
            Assert.That(enumerator.MoveNext(), Is.True);
            store.Dispose();
            Assert.Throws<ObjectDisposedException>(() => enumerator.MoveNext());
            Assert.DoesNotThrow(() => enumerator.Dispose(), "disposing the enumerator afterwards is harmless");
        }

        [Test]
        public void ViewStaysReadableAfterTheStoreIsDisposed()
        {
            // Store's and ValueView's documentation: a view does not keep the store open, and its
            // bytes stay valid until the view itself is disposed.
            var store = Open();
            store.DefaultTree.Set("k", "value");
            var view = store.DefaultTree.GetView(Bytes.Utf8("k"));
            store.Dispose();
            Assert.That(view.ToArray(), Is.EqualTo(Bytes.Utf8("value")), "view after Store.Dispose");
            view.Dispose();
            Assert.Throws<ObjectDisposedException>(() => { var span = view.Span; }, "view.Span after view.Dispose");
            Assert.Throws<ObjectDisposedException>(() => { var length = view.Length; }, "view.Length after view.Dispose");
        }

        [Test]
        public void DisposedStoreReleasesTheLockEvenWithAViewLeftOpen()
        {
            // If a forgotten view kept the engine alive, the directory would stay locked.
            var store = Open();
            store.DefaultTree.Set("k", "value");
            var view = store.DefaultTree.GetView(Bytes.Utf8("k"));
            store.Dispose();
            try
            {
                using (var again = Open())
                {
                    Assert.That(again.DefaultTree.GetString("k"), Is.Not.Null);
                }
            }
            finally
            {
                view.Dispose();
            }
        }

        [Test]
        public void DisposedStoreReleasesTheLockWithAScanLeftOpen()
        {
            var store = Open();
            for (var i = 0; i < 10; i++) store.DefaultTree.Set("k" + i, "v");
            var enumerator = store.DefaultTree.Range().GetEnumerator();
            Assert.That(enumerator.MoveNext(), Is.True);
            store.Dispose();
            using (var again = Open())
            {
                Assert.That(again.DefaultTree.Count(), Is.EqualTo(10));
            }
        }

        [Test]
        public void DroppedTreeThrowsObjectDisposedException()
        {
            using (var store = Open())
            {
                var tree = store.OpenTree("doomed");
                tree.Set("k", "v");
                Assert.That(store.DropTree("doomed"), Is.True);
                Assert.Throws<ObjectDisposedException>(() => tree.Set("k", "v"));
                Assert.Throws<ObjectDisposedException>(() => tree.Count());
                Assert.Throws<ObjectDisposedException>(() => tree.Range().ToList());
            }
        }

        [Test]
        public void ViewAndBatchDisposeTwiceIsHarmless()
        {
            using (var store = Open())
            {
                store.DefaultTree.Set("k", "v");
                var view = store.DefaultTree.GetView(Bytes.Utf8("k"));
                view.Dispose();
                Assert.DoesNotThrow(() => view.Dispose());
                var batch = new WriteBatch();
                batch.Dispose();
                Assert.DoesNotThrow(() => batch.Dispose());
            }
        }

        // ---- Finalizers ---------------------------------------------------------------------

        /// <summary>
        /// Opens a store with a tree, a view, a batch and a scan mid-way, and drops them all
        /// without disposing. On a fresh thread too, so no stale stack slot of this thread can
        /// keep them alive (Mono scans stacks conservatively).
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void OpenAndAbandon(string path)
        {
            var store = Store.Open(path, StoreFixture.TestOptions());
            var tree = store.OpenTree("abandoned");
            for (var i = 0; i < 100; i++) tree.Set("k" + i, "v" + i);
            store.Flush();
            var view = tree.GetView(Bytes.Utf8("k1"));
            Assert.That(view.Length, Is.EqualTo(2));
            var batch = new WriteBatch().Set("unapplied", "x");
            Assert.That(batch.Count, Is.EqualTo(1));
            var scan = tree.Range().GetEnumerator();
            Assert.That(scan.MoveNext(), Is.True);
        }

        [Test]
        public void FinalizersAloneReleaseTheStore()
        {
            Exception failure = null;
            var thread = new Thread(() =>
            {
                try { OpenAndAbandon(_path); }
                catch (Exception e) { failure = e; }
            });
            thread.Start();
            thread.Join();
            Assert.That(failure, Is.Null, "opening and abandoning: " + failure);

            Store reopened = null;
            for (var attempt = 0; attempt < 5 && reopened == null; attempt++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                try
                {
                    reopened = Open();
                }
                catch (FerryException e) when (e.Status == FerryStatus.Locked && attempt < 4)
                {
                    // A finalizer has not run yet; collect again.
                }
            }
            using (reopened)
            {
                var tree = reopened.OpenTree("abandoned");
                Assert.That(tree.Count(), Is.EqualTo(100), "flushed data survives");
                Assert.That(tree.GetString("k99"), Is.EqualTo("v99"));
                Assert.That(tree.Get("unapplied"), Is.Null);
            }
        }
    }
}
