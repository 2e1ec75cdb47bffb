using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace Ferry.Tests
{
    /// <summary>The allocation-free scan: Tree.Range(start, end, reverse, limit, EntryVisitor).</summary>
    [TestFixture]
    public class VisitorScanTests : StoreFixture
    {
        private void Fill(int count)
        {
            using (var batch = new WriteBatch())
            {
                for (var i = 0; i < count; i++) batch.Set("k" + i.ToString("D5"), "v" + i);
                Tree.Apply(batch);
            }
        }

        private List<string> Visit(byte[] start, byte[] end, bool reverse, long limit)
        {
            var seen = new List<string>();
            var visited = Tree.Range(start, end, reverse, limit, (key, value) =>
            {
                seen.Add(Bytes.Text(key.ToArray()) + "=" + Bytes.Text(value.ToArray()));
                return true;
            });
            Assert.That(visited, Is.EqualTo(seen.Count), "the return value counts the visited entries");
            return seen;
        }

        [Test]
        public void VisitsTheSameEntriesAsTheEnumerableRange()
        {
            Fill(30000); // more than one 64 KiB native batch
            var expected = Tree.Range(Bytes.Utf8("k00100"), Bytes.Utf8("k29000"))
                .Select(e => Bytes.Text(e.Key) + "=" + Bytes.Text(e.Value)).ToList();
            Assert.That(expected.Count, Is.EqualTo(28900));
            Assert.That(Visit(Bytes.Utf8("k00100"), Bytes.Utf8("k29000"), false, -1), Is.EqualTo(expected));
        }

        [Test]
        public void ReverseAndLimitWork()
        {
            Fill(20);
            Assert.That(Visit(null, null, true, 3), Is.EqualTo(new[] { "k00019=v19", "k00018=v18", "k00017=v17" }));
            Assert.That(Visit(null, null, false, 0), Is.Empty);
        }

        [Test]
        public void ReturningFalseStopsTheScan()
        {
            Fill(20);
            var calls = 0;
            var visited = Tree.Range(null, null, false, -1, (key, value) => ++calls < 5);
            Assert.That(visited, Is.EqualTo(5));
            Assert.That(calls, Is.EqualTo(5));
        }

        [Test]
        public void AnEntryLargerThanTheBufferIsVisitedWhole()
        {
            var big = Bytes.Pattern(200 * 1024, 7);
            Tree.Set(Bytes.Utf8("a"), Bytes.Utf8("small"));
            Tree.Set(Bytes.Utf8("b"), big);
            Tree.Set(Bytes.Utf8("c"), Bytes.Utf8("after"));
            var lengths = new List<int>();
            Tree.Range(null, null, false, -1, (key, value) =>
            {
                if (key[0] == (byte)'b') Bytes.AssertEqual(big, value);
                lengths.Add(value.Length);
                return true;
            });
            Assert.That(lengths, Is.EqualTo(new[] { 5, big.Length, 5 }));
        }

        [Test]
        public void AVisitorMayScanAgain()
        {
            Fill(5);
            var pairs = 0;
            Tree.Range(null, null, false, -1, (key, value) =>
            {
                pairs += (int)Tree.Range(null, null, false, -1, (k, v) => true);
                return true;
            });
            Assert.That(pairs, Is.EqualTo(25));
        }

        [Test]
        public void BadArgumentsThrow()
        {
            var e = Assert.Throws<ArgumentNullException>(() => Tree.Range(null, null, false, -1, null));
            Assert.That(e.ParamName, Is.EqualTo("visitor"));
            Assert.Throws<ArgumentOutOfRangeException>(() => Tree.Range(null, null, false, -2, (k, v) => true));
            Assert.Throws<ArgumentException>(() => Tree.Range(Bytes.Utf8("b"), Bytes.Utf8("a"), false, -1, (k, v) => true));
        }

        [Test]
        public void ThrowsAfterTheStoreIsDisposed()
        {
            Fill(3);
            var tree = Tree;
            Store.Dispose();
            Assert.Throws<ObjectDisposedException>(() => tree.Range(null, null, false, -1, (k, v) => true));
        }
    }
}
