using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace Ferry.Tests
{
    [TestFixture]
    public class ScanTests : StoreFixture
    {
        /// <summary>k00 .. k19 with values v00 .. v19.</summary>
        private void Fill20()
        {
            using (var batch = new WriteBatch())
            {
                for (var i = 0; i < 20; i++) batch.Set(K(i), "v" + i.ToString("D2"));
                Tree.Apply(batch);
            }
        }

        private static string K(int i) => "k" + i.ToString("D2");

        private static List<string> Keys(IEnumerable<KeyValuePair<byte[], byte[]>> scan) =>
            scan.Select(e => Bytes.Text(e.Key)).ToList();

        private static List<string> KeyRange(int from, int to) // from inclusive, to exclusive; descending if from > to
        {
            var keys = new List<string>();
            if (from <= to) for (var i = from; i < to; i++) keys.Add(K(i));
            else for (var i = from; i > to; i--) keys.Add(K(i));
            return keys;
        }

        // ---- Range --------------------------------------------------------------------------

        [Test]
        public void RangeIncludesStartAndExcludesEnd()
        {
            Fill20();
            Assert.That(Keys(Tree.Range(Bytes.Utf8("k05"), Bytes.Utf8("k10"))), Is.EqualTo(KeyRange(5, 10)));
        }

        [Test]
        public void RangeReturnsValuesWithKeys()
        {
            Fill20();
            var entries = Tree.Range(Bytes.Utf8("k03"), Bytes.Utf8("k05")).ToList();
            Assert.That(entries.Count, Is.EqualTo(2));
            Assert.That(Bytes.Text(entries[0].Value), Is.EqualTo("v03"));
            Assert.That(Bytes.Text(entries[1].Value), Is.EqualTo("v04"));
        }

        [Test]
        public void RangeBoundsNeedNotBeKeys()
        {
            Fill20();
            // "k05a" sorts between k05 and k06; "k1" before k10.
            Assert.That(Keys(Tree.Range(Bytes.Utf8("k05a"), Bytes.Utf8("k1"))), Is.EqualTo(KeyRange(6, 10)));
        }

        [Test]
        public void RangeWithNullBoundsIsOpenEnded()
        {
            Fill20();
            Assert.That(Keys(Tree.Range()), Is.EqualTo(KeyRange(0, 20)));
            Assert.That(Keys(Tree.Range(null, null)), Is.EqualTo(KeyRange(0, 20)));
            Assert.That(Keys(Tree.Range(Bytes.Utf8("k15"))), Is.EqualTo(KeyRange(15, 20)));
            Assert.That(Keys(Tree.Range(null, Bytes.Utf8("k03"))), Is.EqualTo(KeyRange(0, 3)));
        }

        [Test]
        public void RangeInReverse()
        {
            Fill20();
            Assert.That(Keys(Tree.Range(Bytes.Utf8("k05"), Bytes.Utf8("k10"), reverse: true)), Is.EqualTo(KeyRange(9, 4)));
            Assert.That(Keys(Tree.Range(reverse: true)), Is.EqualTo(KeyRange(19, -1)));
        }

        [Test]
        public void RangeWithLimit()
        {
            Fill20();
            Assert.That(Keys(Tree.Range(limit: 3)), Is.EqualTo(KeyRange(0, 3)));
            Assert.That(Keys(Tree.Range(reverse: true, limit: 3)), Is.EqualTo(KeyRange(19, 16)));
            Assert.That(Keys(Tree.Range(Bytes.Utf8("k05"), Bytes.Utf8("k07"), limit: 10)), Is.EqualTo(KeyRange(5, 7)));
            Assert.That(Keys(Tree.Range(limit: 0)), Is.Empty);
            Assert.That(Keys(Tree.Range(limit: -1)), Is.EqualTo(KeyRange(0, 20)), "-1 means no limit");
        }

        [Test]
        public void RangeWithStartEqualToEndIsEmpty()
        {
            Fill20();
            Assert.That(Keys(Tree.Range(Bytes.Utf8("k05"), Bytes.Utf8("k05"))), Is.Empty);
        }

        [Test]
        public void RangeWithStartAfterEndThrowsWhenEnumerated()
        {
            Fill20();
            IEnumerable<KeyValuePair<byte[], byte[]>> scan = null;
            Assert.DoesNotThrow(() => scan = Tree.Range(Bytes.Utf8("k10"), Bytes.Utf8("k05")), "lazy: nothing runs yet");
            Assert.Throws<ArgumentException>(() => { foreach (var entry in scan) Assert.Fail("no entry expected"); });
            Assert.Throws<ArgumentException>(() => Tree.Range(Bytes.Utf8("k10"), Bytes.Utf8("k05"), reverse: true).ToList());
        }

        [Test]
        public void LimitBelowMinusOneThrows()
        {
            var range = Assert.Throws<ArgumentOutOfRangeException>(() => Tree.Range(limit: -2));
            Assert.That(range.ParamName, Is.EqualTo("limit"));
            Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Tree.Prefix("k", limit: -2)).ParamName, Is.EqualTo("limit"));
            Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Tree.Prefix(new byte[0], limit: long.MinValue)).ParamName, Is.EqualTo("limit"));
        }

        [Test]
        public void RangeOfAnEmptyTreeIsEmpty()
        {
            Assert.That(Tree.Range().Count(), Is.EqualTo(0));
            Assert.That(Tree.Prefix("").Count(), Is.EqualTo(0));
        }

        [Test]
        public void ScanCanBeEnumeratedAgainAndSeesNewWrites()
        {
            Fill20();
            var scan = Tree.Prefix("k0");
            Assert.That(scan.Count(), Is.EqualTo(10));
            Tree.Set("k0x", "new");
            Assert.That(scan.Count(), Is.EqualTo(11));
        }

        [Test]
        public void RangeCopiesItsBoundArrays()
        {
            Fill20();
            var start = Bytes.Utf8("k05");
            var end = Bytes.Utf8("k07");
            var scan = Tree.Range(start, end);
            start[2] = (byte)'0';
            end[1] = (byte)'9';
            Assert.That(Keys(scan), Is.EqualTo(KeyRange(5, 7)));
        }

        [Test]
        public void EnumeratorCannotBeReset()
        {
            Fill20();
            using (var e = Tree.Range().GetEnumerator())
            {
                Assert.That(e.MoveNext(), Is.True);
                Assert.Throws<NotSupportedException>(() => e.Reset());
            }
        }

        [Test]
        public void EnumeratorReturnsFalseAfterTheEnd()
        {
            Tree.Set("only", "1");
            using (var e = Tree.Range().GetEnumerator())
            {
                Assert.That(e.MoveNext(), Is.True);
                Assert.That(Bytes.Text(e.Current.Key), Is.EqualTo("only"));
                Assert.That(e.MoveNext(), Is.False);
                Assert.That(e.MoveNext(), Is.False);
            }
        }

        [Test]
        public void BreakingOutOfAScanAndScanningAgainWorks()
        {
            Fill20();
            for (var round = 0; round < 50; round++)
            {
                foreach (var entry in Tree.Range())
                {
                    Assert.That(Bytes.Text(entry.Key), Is.EqualTo("k00"));
                    break;
                }
            }
            Assert.That(Tree.Range().Count(), Is.EqualTo(20));
        }

        // ---- Prefix -------------------------------------------------------------------------

        private void FillPrefixes()
        {
            foreach (var k in new[] { "user/1", "user/2", "user/3", "user0", "use", "users/9", "admin/1" })
                Tree.Set(k, k.ToUpperInvariant());
        }

        [Test]
        public void PrefixByStringAndBytes()
        {
            FillPrefixes();
            var expected = new List<string> { "user/1", "user/2", "user/3" };
            Assert.That(Keys(Tree.Prefix("user/")), Is.EqualTo(expected));
            Assert.That(Keys(Tree.Prefix(Bytes.Utf8("user/"))), Is.EqualTo(expected));
            Assert.That(Tree.Prefix("user/").Select(e => Bytes.Text(e.Value)).ToList(), Is.EqualTo(new List<string> { "USER/1", "USER/2", "USER/3" }));
            Assert.That(Keys(Tree.Prefix("user")), Is.EqualTo(new List<string> { "user/1", "user/2", "user/3", "user0", "users/9" }));
            Assert.That(Keys(Tree.Prefix("nobody")), Is.Empty);
        }

        [Test]
        public void EmptyPrefixScansEverything()
        {
            FillPrefixes();
            Assert.That(Tree.Prefix("").Count(), Is.EqualTo(7));
            Assert.That(Tree.Prefix(new byte[0]).Count(), Is.EqualTo(7));
        }

        [Test]
        public void PrefixInReverseAndWithLimit()
        {
            FillPrefixes();
            Assert.That(Keys(Tree.Prefix("user/", reverse: true)), Is.EqualTo(new List<string> { "user/3", "user/2", "user/1" }));
            Assert.That(Keys(Tree.Prefix("user/", limit: 2)), Is.EqualTo(new List<string> { "user/1", "user/2" }));
            Assert.That(Keys(Tree.Prefix(Bytes.Utf8("user/"), true, 1)), Is.EqualTo(new List<string> { "user/3" }));
            Assert.That(Keys(Tree.Prefix("user/", limit: 0)), Is.Empty);
        }

        [Test]
        public void PrefixOfFFBytes()
        {
            // The end of a 0xFF prefix cannot be found by incrementing its last byte.
            var keys = new[]
            {
                new byte[] { 0x01 },
                new byte[] { 0xFE, 0xFF },
                new byte[] { 0xFF },
                new byte[] { 0xFF, 0x00 },
                new byte[] { 0xFF, 0xFF },
                new byte[] { 0xFF, 0xFF, 0x01 },
                new byte[] { 0xFF, 0xFF, 0xFF, 0xFF },
            };
            foreach (var k in keys) Tree.Set(k, k);
            var ff = Tree.Prefix(new byte[] { 0xFF }).Select(e => e.Key).ToList();
            Assert.That(ff, Is.EqualTo(keys.Skip(2).ToList()));
            var ffff = Tree.Prefix(new byte[] { 0xFF, 0xFF }).Select(e => e.Key).ToList();
            Assert.That(ffff, Is.EqualTo(keys.Skip(4).ToList()));
            var reversed = Tree.Prefix(new byte[] { 0xFF, 0xFF }, reverse: true).Select(e => e.Key).ToList();
            Assert.That(reversed, Is.EqualTo(keys.Skip(4).Reverse().ToList()));
            var fe = Tree.Prefix(new byte[] { 0xFE, 0xFF }).Select(e => e.Value).ToList();
            Assert.That(fe, Is.EqualTo(new List<byte[]> { keys[1] }));
        }

        [Test]
        public void KeysAreOrderedAsUnsignedBytes()
        {
            var keys = new[] { new byte[] { 0x80 }, new byte[] { 0x00 }, new byte[] { 0x7F }, new byte[] { 0xFF }, new byte[0], new byte[] { 0x00, 0x00 } };
            foreach (var k in keys) Tree.Set(k, new byte[] { 1 });
            var scanned = Tree.Range().Select(e => e.Key).ToList();
            var expected = keys.ToList();
            expected.Sort(Bytes.Compare);
            Assert.That(scanned, Is.EqualTo(expected));
            Assert.That(scanned[0], Is.Empty, "the empty key sorts first");
        }

        // ---- Scans across native batches ----------------------------------------------------

        private const int ManyEntries = 20000;

        private static byte[] ManyKey(int i) => Bytes.Utf8("entry/" + i.ToString("D6"));

        private static byte[] ManyValue(int i) => Bytes.Utf8("value-" + i.ToString("D6") + "-padding-padding");

        private void FillMany()
        {
            using (var batch = new WriteBatch())
            {
                for (var i = 0; i < ManyEntries; i++) batch.Set(ManyKey(i), ManyValue(i));
                Tree.Apply(batch);
            }
        }

        [Test]
        public void ScanOfMoreEntriesThanFitInOneNativeBatch()
        {
            // About 50 bytes an entry: 20,000 entries need ~16 cursor calls with a 64 KiB buffer.
            FillMany();
            var i = 0;
            foreach (var entry in Tree.Range())
            {
                if (!entry.Key.SequenceEqual(ManyKey(i))) Assert.Fail("entry {0}: key {1}", i, Bytes.Text(entry.Key));
                if (!entry.Value.SequenceEqual(ManyValue(i))) Assert.Fail("entry {0}: value {1}", i, Bytes.Text(entry.Value));
                i++;
            }
            Assert.That(i, Is.EqualTo(ManyEntries));
        }

        [Test]
        public void ReverseAndLimitedScansOfManyEntries()
        {
            FillMany();
            var i = ManyEntries - 1;
            foreach (var entry in Tree.Prefix("entry/", reverse: true))
            {
                if (!entry.Key.SequenceEqual(ManyKey(i))) Assert.Fail("entry {0}: key {1}", i, Bytes.Text(entry.Key));
                i--;
            }
            Assert.That(i, Is.EqualTo(-1));
            Assert.That(Tree.Range(limit: 15000).Count(), Is.EqualTo(15000));
            var last = Tree.Range(ManyKey(100), ManyKey(19000)).Last();
            Assert.That(last.Key, Is.EqualTo(ManyKey(18999)));
        }

        [Test]
        public void ScanOfEntriesLargerThanTheNativeBatchBuffer()
        {
            // 200 KiB needs the buffer grown; 1.5 MiB is larger than the array pool's biggest bucket.
            var small = Bytes.Utf8("small");
            var big = Bytes.Pattern(200 * 1024, 1);
            var bigger = Bytes.Pattern(1536 * 1024, 2);
            Tree.Set("a", small);
            Tree.Set("b", big);
            Tree.Set("c", small);
            Tree.Set("d", bigger);
            Tree.Set("e", small);
            var entries = Tree.Range().ToList();
            Assert.That(entries.Select(e => Bytes.Text(e.Key)).ToList(), Is.EqualTo(new List<string> { "a", "b", "c", "d", "e" }));
            Bytes.AssertEqual(small, entries[0].Value, "a");
            Bytes.AssertEqual(big, entries[1].Value, "b");
            Bytes.AssertEqual(small, entries[2].Value, "c");
            Bytes.AssertEqual(bigger, entries[3].Value, "d");
            Bytes.AssertEqual(small, entries[4].Value, "e");
            var reversed = Tree.Range(reverse: true).ToList();
            Bytes.AssertEqual(bigger, reversed[1].Value, "d in reverse");
            Bytes.AssertEqual(big, reversed[3].Value, "b in reverse");
            var only = Tree.Prefix("b").Single();
            Bytes.AssertEqual(big, only.Value, "b alone");
        }

        [Test]
        public void KeysAndValuesOfEveryShortLengthAreCopiedWhole()
        {
            // Lengths 0 to 300 cross each word and tail boundary of the enumerator's short copy
            // and its switch to Buffer.BlockCopy above 256 bytes.
            for (var n = 0; n <= 300; n++)
            {
                var key = Bytes.Pattern(n + 1, n);
                key[0] = (byte)(n >> 8);
                key[1 % key.Length] = (byte)n;
                Tree.Set(key, Bytes.Pattern(n, 1000 + n));
            }
            var seen = 0;
            foreach (var entry in Tree.Range())
            {
                var n = entry.Value.Length;
                Assert.That(entry.Key.Length, Is.EqualTo(n + 1), "key of the {0}-byte value", n);
                Bytes.AssertEqual(Bytes.Pattern(n, 1000 + n), entry.Value, "value of " + n + " bytes");
                seen++;
            }
            Assert.That(seen, Is.EqualTo(301));
        }

        [Test]
        public void AScanThatFitsInOneBatchStillThrowsOnceTheStoreIsDisposed()
        {
            // Its cursor is closed after the first batch, which holds all ten entries; the
            // enumerator behaves as one whose cursor the store closed.
            Fill20();
            var enumerator = Tree.Range(limit: 10).GetEnumerator();
            Assert.That(enumerator.MoveNext(), Is.True);
            Store.Dispose();
            Assert.Throws<ObjectDisposedException>(() => enumerator.MoveNext());
            Assert.DoesNotThrow(() => enumerator.Dispose());
        }

        [Test]
        public void EnumeratorsOfOneEnumerableAreIndependent()
        {
            Fill20();
            var scan = Tree.Range(limit: 12);
            using (var first = scan.GetEnumerator())
            using (var second = scan.GetEnumerator())
            {
                Assert.That(first.MoveNext() && first.MoveNext(), Is.True);
                var fromSecond = new List<string>();
                while (second.MoveNext()) fromSecond.Add(Bytes.Text(second.Current.Key));
                Assert.That(fromSecond, Is.EqualTo(KeyRange(0, 12)));
                Assert.That(Bytes.Text(first.Current.Key), Is.EqualTo(K(1)));
                var rest = 0;
                while (first.MoveNext()) rest++;
                Assert.That(rest, Is.EqualTo(10));
            }
        }

        [Test]
        public void ScanOfAKeyAndValueBothAtTheirLimits()
        {
            var key = Bytes.Filled(Limits.MaxKeyLength, 0x42);
            var value = Bytes.Pattern(70 * 1024, 3);
            Tree.Set(key, value);
            var entry = Tree.Prefix(new byte[] { 0x42 }).Single();
            Assert.That(entry.Key, Is.EqualTo(key));
            Bytes.AssertEqual(value, entry.Value);
        }
    }
}
