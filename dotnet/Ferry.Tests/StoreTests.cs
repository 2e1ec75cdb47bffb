using System;
using System.IO;
using NUnit.Framework;

namespace Ferry.Tests
{
    [TestFixture]
    public class StoreTests : StoreFixture
    {
        [Test]
        public void OpenCreatesTheDirectoryAndKeepsThePath()
        {
            Assert.That(Directory.Exists(StorePath), Is.True);
            Assert.That(Store.Path, Is.EqualTo(StorePath));
            Assert.That(Store.IsDisposed, Is.False);
        }

        [Test]
        public void OpenWithNullOptionsUsesTheDefaults()
        {
            using (var store = Store.Open(TempDir.Sub("defaults"), null))
            {
                store.DefaultTree.Set("k", "v");
                Assert.That(store.DefaultTree.GetString("k"), Is.EqualTo("v"));
            }
        }

        [Test]
        public void OpenRejectsNullAndEmptyPaths()
        {
            var nullPath = Assert.Throws<ArgumentNullException>(() => Store.Open(null));
            Assert.That(nullPath.ParamName, Is.EqualTo("path"));
            var empty = Assert.Throws<ArgumentException>(() => Store.Open(""));
            Assert.That(empty.ParamName, Is.EqualTo("path"));
        }

        [Test]
        public void OpeningAnOpenStoreAgainFailsWithLocked()
        {
            var e = Assert.Throws<FerryException>(() => Store.Open(StorePath, TestOptions()));
            Assert.That(e.Status, Is.EqualTo(FerryStatus.Locked));
            Assert.That(e.Message, Is.Not.Null.And.Not.Empty);
            Assert.That(e.Message, Is.Not.StringStarting("native call failed"), "the native message should be carried");
            // The first store is unaffected.
            Tree.Set("k", "v");
            Assert.That(Tree.GetString("k"), Is.EqualTo("v"));
        }

        [Test]
        public void StoreOptionsOutOfRangeThrowBeforeTouchingTheDisk()
        {
            var path = TempDir.Sub("bad-options");
            var cache = Assert.Throws<ArgumentOutOfRangeException>(() => Store.Open(path, new StoreOptions { CacheCapacity = 0 }));
            Assert.That(cache.ParamName, Is.EqualTo("CacheCapacity"));
            Assert.Throws<ArgumentOutOfRangeException>(() => Store.Open(path, new StoreOptions { CacheCapacity = -5 }));
            var flush = Assert.Throws<ArgumentOutOfRangeException>(() => Store.Open(path, new StoreOptions { FlushEveryMilliseconds = -1 }));
            Assert.That(flush.ParamName, Is.EqualTo("FlushEveryMilliseconds"));
            Assert.That(Directory.Exists(path), Is.False, "nothing should have been created");
        }

        [Test]
        public void StoreOptionsDefaultsAndBoundaries()
        {
            var options = new StoreOptions();
            Assert.That(options.CacheCapacity, Is.EqualTo(64L * 1024 * 1024));
            Assert.That(options.FlushEveryMilliseconds, Is.EqualTo(500));
            Assert.That(options.Temporary, Is.False);
            using (var store = Store.Open(TempDir.Sub("small-cache"), new StoreOptions { CacheCapacity = 256, FlushEveryMilliseconds = 0 }))
            {
                store.DefaultTree.Set("a", "1");
                Assert.That(store.DefaultTree.GetString("a"), Is.EqualTo("1"));
            }
        }

        [TestCase(1L)]
        [TestCase(255L)]
        public void TinyCacheCapacityOpensOrIsOutOfRangeButNeverPanics(long capacity)
        {
            // StoreOptions documents "at least 1"; the engine (sled) panics below 256 bytes. Either
            // the store works, or the option is rejected as out of range: a native panic is neither.
            var path = TempDir.Sub("tiny-cache-" + capacity);
            Store store = null;
            try
            {
                store = Store.Open(path, new StoreOptions { CacheCapacity = capacity, FlushEveryMilliseconds = 0 });
            }
            catch (ArgumentOutOfRangeException e)
            {
                Assert.That(e.ParamName, Is.EqualTo("CacheCapacity"));
                return;
            }
            catch (FerryException e)
            {
                Assert.Fail("CacheCapacity = {0} gave FerryException {1}: {2}", capacity, e.Status, e.Message);
            }
            using (store)
            {
                store.DefaultTree.Set("a", "1");
                Assert.That(store.DefaultTree.GetString("a"), Is.EqualTo("1"));
            }
        }

        [Test]
        public void PathWithAnEmbeddedNulIsRejected()
        {
            // Cut off at the C boundary, "dir\0suffix" would open "dir" instead.
            var path = TempDir.Sub("nul");
            Store store = null;
            try
            {
                Assert.Throws<ArgumentException>(() => store = Store.Open(path + "\0suffix", TestOptions()));
            }
            finally
            {
                store?.Dispose();
            }
            Assert.That(Directory.Exists(path), Is.False, "no store was created at the truncated path");
        }

        [Test]
        public void DefaultTreeIsNamedDefaultAndCached()
        {
            var tree = Store.DefaultTree;
            Assert.That(tree.Name, Is.EqualTo(Store.DefaultTreeName));
            Assert.That(Store.DefaultTreeName, Is.EqualTo("default"));
            Assert.That(tree.Store, Is.SameAs(Store));
            Assert.That(Store.DefaultTree, Is.SameAs(tree));
            Assert.That(Store.OpenTree("default"), Is.SameAs(tree));
        }

        [Test]
        public void OpenTreeReturnsTheSameTreeForTheSameName()
        {
            var users = Store.OpenTree("users");
            Assert.That(users.Name, Is.EqualTo("users"));
            Assert.That(Store.OpenTree("users"), Is.SameAs(users));
            Assert.That(Store.OpenTree("Users"), Is.Not.SameAs(users), "names are case-sensitive");
        }

        [Test]
        public void TreesAreIndependent()
        {
            var a = Store.OpenTree("a");
            var b = Store.OpenTree("b");
            a.Set("k", "in a");
            b.Set("k", "in b");
            Assert.That(a.GetString("k"), Is.EqualTo("in a"));
            Assert.That(b.GetString("k"), Is.EqualTo("in b"));
            Assert.That(Tree.GetString("k"), Is.Null);
            Assert.That(a.Count(), Is.EqualTo(1));
        }

        [Test]
        public void TreeNamesAcceptUnicodeAndUpTo255Bytes()
        {
            var unicode = Store.OpenTree("ü-ñ.名前");
            unicode.Set("k", "v");
            Assert.That(Store.OpenTree("ü-ñ.名前").GetString("k"), Is.EqualTo("v"));
            var longest = Store.OpenTree(new string('x', 255));
            longest.Set("k", "v");
            Assert.That(longest.Count(), Is.EqualTo(1));
        }

        [TestCase("")]
        [TestCase("__x")]
        [TestCase("__sled__default")]
        [TestCase("a\u0001b")]
        [TestCase("line\nbreak")]
        [TestCase("tab\t")]
        public void InvalidTreeNamesThrowArgumentException(string name)
        {
            var e = Assert.Throws<ArgumentException>(() => Store.OpenTree(name));
            Assert.That(e.ParamName, Is.EqualTo("name"));
            Assert.That(e.Message, Is.Not.Empty);
            Assert.Throws<ArgumentException>(() => Store.DropTree(name));
        }

        [Test]
        public void TreeNameLongerThan255BytesThrows()
        {
            Assert.Throws<ArgumentException>(() => Store.OpenTree(new string('x', 256)));
            // 128 two-byte characters: 256 bytes of UTF-8, though only 128 chars.
            Assert.Throws<ArgumentException>(() => Store.OpenTree(new string('é', 128)));
        }

        [Test]
        public void TreeNameWithAnEmbeddedNulIsRejected()
        {
            // NUL is a control character. It must not be cut off at the C boundary, which would
            // silently open (or drop) the tree "a" instead.
            var a = Store.OpenTree("a");
            a.Set("k", "in a");
            Assert.Throws<ArgumentException>(() => Store.OpenTree("a\0b"), "OpenTree(\"a\\0b\")");
            Assert.Throws<ArgumentException>(() => Store.DropTree("a\0b"), "DropTree(\"a\\0b\")");
            Assert.That(a.GetString("k"), Is.EqualTo("in a"), "tree \"a\" must be untouched");
        }

        [Test]
        public void NullTreeNamesThrowArgumentNullException()
        {
            Assert.That(Assert.Throws<ArgumentNullException>(() => Store.OpenTree(null)).ParamName, Is.EqualTo("name"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => Store.DropTree(null)).ParamName, Is.EqualTo("name"));
        }

        [Test]
        public void DropTreeDeletesItsEntriesAndClosesTheTree()
        {
            var logs = Store.OpenTree("logs");
            logs.Set("1", "one");
            logs.Set("2", "two");
            Assert.That(Store.DropTree("logs"), Is.True);
            Assert.Throws<ObjectDisposedException>(() => logs.Get("1"), "the dropped Tree object is closed");
            Assert.That(Store.DropTree("logs"), Is.False, "already gone");
            var again = Store.OpenTree("logs");
            Assert.That(again, Is.Not.SameAs(logs));
            Assert.That(again.Count(), Is.EqualTo(0));
            Assert.That(again.Get("1"), Is.Null);
        }

        [Test]
        public void DropTreeOfAnUnknownNameReturnsFalse()
        {
            Assert.That(Store.DropTree("never-opened"), Is.False);
        }

        [Test]
        public void DroppingTheDefaultTreeThrowsArgumentException()
        {
            Tree.Set("k", "v");
            var e = Assert.Throws<ArgumentException>(() => Store.DropTree(Store.DefaultTreeName));
            Assert.That(e.ParamName, Is.EqualTo("name"));
            Assert.That(Tree.GetString("k"), Is.EqualTo("v"), "the default tree is intact");
        }

        [Test]
        public void GetStatsCountsEntriesAndTrees()
        {
            var empty = Store.GetStats();
            Assert.That(empty.Entries, Is.EqualTo(0));
            Assert.That(empty.Trees, Is.EqualTo(1), "the default tree");
            Tree.Set("a", "1");
            Tree.Set("b", "2");
            Tree.Set("c", "3");
            var other = Store.OpenTree("other");
            other.Set("x", "1");
            other.Set("y", "2");
            Store.Flush();
            var stats = Store.GetStats();
            Assert.That(stats.Entries, Is.EqualTo(5));
            Assert.That(stats.Trees, Is.EqualTo(2));
            Assert.That(stats.SizeOnDisk, Is.GreaterThan(0));
            Assert.That(stats.ToString(), Is.StringContaining("5 entries in 2 trees"));
        }

        [Test]
        public void FlushedDataIsSeenAfterReopening()
        {
            Tree.Set("persist", "me");
            var named = Store.OpenTree("named");
            named.Set(new byte[] { 0, 1, 2 }, new byte[] { 3, 4, 5 });
            Store.Flush();
            Store.Dispose();
            Assert.That(Store.IsDisposed, Is.True);
            using (var reopened = Store.Open(StorePath, TestOptions()))
            {
                Assert.That(reopened.DefaultTree.GetString("persist"), Is.EqualTo("me"));
                Assert.That(reopened.OpenTree("named").Get(new byte[] { 0, 1, 2 }), Is.EqualTo(new byte[] { 3, 4, 5 }));
                Assert.That(reopened.GetStats().Trees, Is.EqualTo(2));
            }
        }

        [Test]
        public void DisposeReleasesTheLockSoThePathCanBeOpenedAgain()
        {
            Store.Dispose();
            using (var again = Store.Open(StorePath, TestOptions()))
            {
                Assert.That(again.IsDisposed, Is.False);
            }
        }

        [Test, Explicit("Stress reproducer (~1% of reopens fail): run with -run=Ferry.Tests.StoreTests.ReopenRightAfterDisposeWithUnflushedWrites")]
        public void ReopenRightAfterDisposeWithUnflushedWrites()
        {
            // Dispose returns while the engine's background writes may still hold the directory
            // lock, so an immediate reopen can fail with Locked. Seen about once in 100 rounds.
            Store.Dispose();
            var locked = 0;
            for (var round = 0; round < 200; round++)
            {
                Store store;
                try
                {
                    store = Store.Open(StorePath, TestOptions());
                }
                catch (FerryException e) when (e.Status == FerryStatus.Locked)
                {
                    locked++;
                    System.Threading.Thread.Sleep(100);
                    store = Store.Open(StorePath, TestOptions());
                }
                for (var i = 0; i < 2000; i++) store.DefaultTree.Set("k" + i, "round " + round);
                store.Dispose();
            }
            Assert.That(locked, Is.EqualTo(0), "reopens refused with Locked right after Dispose returned");
        }

        [Test]
        public void TemporaryStoreDeletesItsFilesOnDispose()
        {
            var path = TempDir.Sub("temporary");
            var store = Store.Open(path, new StoreOptions { Temporary = true, FlushEveryMilliseconds = 0 });
            store.DefaultTree.Set("k", "v");
            store.Flush();
            Assert.That(Directory.Exists(path), Is.True, "exists while open");
            store.Dispose();
            Assert.That(Directory.Exists(path) && Directory.GetFileSystemEntries(path).Length > 0, Is.False,
                "a temporary store's files are deleted when it is closed");
        }

        [Test]
        public void NonTemporaryStoreKeepsItsFiles()
        {
            Tree.Set("k", "v");
            Store.Flush();
            Store.Dispose();
            Assert.That(Directory.GetFileSystemEntries(StorePath), Is.Not.Empty);
        }
    }
}
