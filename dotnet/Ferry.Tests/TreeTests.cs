using System;
using NUnit.Framework;

namespace Ferry.Tests
{
    [TestFixture]
    public class TreeTests : StoreFixture
    {
        private static readonly byte[] Key = { 0x6b, 0x00, 0xff }; // "k", NUL, 0xFF: not text
        private static readonly byte[] Value = { 1, 2, 3, 4, 5 };

        // ---- Get ----------------------------------------------------------------------------

        [Test]
        public void GetOverloadsReturnTheValue()
        {
            Tree.Set(Key, Value);
            Tree.Set("text", "héllo");
            Assert.That(Tree.Get(new ReadOnlySpan<byte>(Key)), Is.EqualTo(Value));
            Assert.That(Tree.Get(Key), Is.EqualTo(Value));
            Assert.That(Tree.Get("text"), Is.EqualTo(Bytes.Utf8("héllo")));
            Assert.That(Tree.GetString("text"), Is.EqualTo("héllo"));
        }

        [Test]
        public void GetOfAMissingKeyReturnsNull()
        {
            Assert.That(Tree.Get(new ReadOnlySpan<byte>(Key)), Is.Null);
            Assert.That(Tree.Get(Key), Is.Null);
            Assert.That(Tree.Get("missing"), Is.Null);
            Assert.That(Tree.GetString("missing"), Is.Null);
        }

        [Test]
        public void GetReturnsAFreshArrayEachTime()
        {
            Tree.Set(Key, Value);
            var first = Tree.Get(Key);
            first[0] = 99;
            Assert.That(Tree.Get(Key), Is.EqualTo(Value));
        }

        [Test]
        public void EmptyValueIsStoredAndDistinctFromMissing()
        {
            Tree.Set("empty", new byte[0]);
            Assert.That(Tree.Get("empty"), Is.Not.Null.And.Empty);
            Assert.That(Tree.GetString("empty"), Is.EqualTo(""));
            int written;
            Assert.That(Tree.TryGet(Bytes.Utf8("empty"), new byte[0], out written), Is.True);
            Assert.That(written, Is.EqualTo(0));
        }

        [Test]
        public void ValuesAroundTheScratchBufferSizeRoundTrip()
        {
            // Get reads into a 4 KiB per-thread scratch buffer first; straddle its size.
            foreach (var length in new[] { 4095, 4096, 4097, 100000 })
            {
                var value = Bytes.Pattern(length, length);
                Tree.Set("v" + length, value);
                Bytes.AssertEqual(value, Tree.Get("v" + length), "length " + length);
            }
        }

        [Test]
        public void GetStringRejectsInvalidUtf8()
        {
            Tree.Set("bad", new byte[] { 0xC3, 0x28 });
            Assert.Catch<ArgumentException>(() => Tree.GetString("bad")); // DecoderFallbackException
        }

        // ---- TryGet -------------------------------------------------------------------------

        [Test]
        public void TryGetCopiesTheValue()
        {
            Tree.Set(Key, Value);
            var buffer = new byte[16];
            int written;
            Assert.That(Tree.TryGet(Key, buffer, out written), Is.True);
            Assert.That(written, Is.EqualTo(Value.Length));
            Assert.That(new ReadOnlySpan<byte>(buffer, 0, written).ToArray(), Is.EqualTo(Value));
        }

        [Test]
        public void TryGetOfAMissingKeyReturnsFalseAndZero()
        {
            var buffer = new byte[16];
            int written = 123;
            Assert.That(Tree.TryGet(Key, buffer, out written), Is.False);
            Assert.That(written, Is.EqualTo(0));
        }

        [Test]
        public void TryGetIntoATooSmallBufferReportsTheLengthNeededThenSucceeds()
        {
            Tree.Set(Key, Value);
            var small = Bytes.Filled(3, 0xEE);
            int written;
            Assert.That(Tree.TryGet(Key, small, out written), Is.False);
            Assert.That(written, Is.EqualTo(Value.Length), "the length needed");
            Assert.That(small, Is.EqualTo(Bytes.Filled(3, 0xEE)), "nothing copied");
            var exact = new byte[written];
            Assert.That(Tree.TryGet(Key, exact, out written), Is.True);
            Assert.That(written, Is.EqualTo(Value.Length));
            Assert.That(exact, Is.EqualTo(Value));
        }

        [Test]
        public void TryGetIntoASliceWritesOnlyThere()
        {
            Tree.Set(Key, Value);
            var buffer = Bytes.Filled(10, 0xEE);
            int written;
            Assert.That(Tree.TryGet(Key, new Span<byte>(buffer, 2, 5), out written), Is.True);
            Assert.That(buffer, Is.EqualTo(new byte[] { 0xEE, 0xEE, 1, 2, 3, 4, 5, 0xEE, 0xEE, 0xEE }));
        }

        // ---- GetView / TryRead --------------------------------------------------------------

        [Test]
        public void GetViewExposesTheBytesWithoutCopying()
        {
            Tree.Set(Key, Value);
            using (var view = Tree.GetView(Key))
            {
                Assert.That(view, Is.Not.Null);
                Assert.That(view.Length, Is.EqualTo(Value.Length));
                Bytes.AssertEqual(Value, view.Span);
                Assert.That(view.ToArray(), Is.EqualTo(Value));
            }
            using (var view = Tree.GetView(new ReadOnlySpan<byte>(Key)))
            {
                Assert.That(view.ToArray(), Is.EqualTo(Value));
            }
        }

        [Test]
        public void GetViewOfAMissingKeyReturnsNull()
        {
            Assert.That(Tree.GetView(Key), Is.Null);
            Assert.That(Tree.GetView(new ReadOnlySpan<byte>(Key)), Is.Null);
        }

        [Test]
        public void ViewSpanThrowsAfterDispose()
        {
            Tree.Set(Key, Value);
            var view = Tree.GetView(Key);
            view.Dispose();
            Assert.Throws<ObjectDisposedException>(() => { var span = view.Span; });
            Assert.Throws<ObjectDisposedException>(() => view.ToArray());
            Assert.DoesNotThrow(() => view.Dispose(), "disposing twice is harmless");
        }

        [Test]
        public void ViewIsUnchangedWhenTheKeyIsOverwrittenOrRemoved()
        {
            Tree.Set(Key, Value);
            using (var view = Tree.GetView(Key))
            {
                Tree.Set(Key, new byte[] { 9, 9 });
                Assert.That(view.Length, Is.EqualTo(Value.Length));
                Assert.That(view.ToArray(), Is.EqualTo(Value));
                Tree.Remove(Key);
                for (var i = 0; i < 200; i++) Tree.Set("churn" + i, Bytes.Pattern(1000, i)); // reuse memory
                Bytes.AssertEqual(Value, view.Span, "view after overwrite and remove");
            }
            Assert.That(Tree.Get(Key), Is.Null);
        }

        [Test]
        public void TryReadCallsTheReaderWithTheValue()
        {
            Tree.Set(Key, Value);
            int sum;
            Assert.That(Tree.TryRead<int>(Key, span =>
            {
                var total = 0;
                foreach (var b in span) total += b;
                return total;
            }, out sum), Is.True);
            Assert.That(sum, Is.EqualTo(15));
        }

        [Test]
        public void TryReadOfAMissingKeyReturnsFalseWithoutCallingTheReader()
        {
            var called = false;
            int result;
            Assert.That(Tree.TryRead<int>(Key, span => { called = true; return 7; }, out result), Is.False);
            Assert.That(called, Is.False);
            Assert.That(result, Is.EqualTo(0));
            string text;
            Assert.That(Tree.TryRead<string>(Key, span => "x", out text), Is.False);
            Assert.That(text, Is.Null);
        }

        [Test]
        public void TryReadWithANullReaderThrows()
        {
            int result;
            var e = Assert.Throws<ArgumentNullException>(() => Tree.TryRead<int>(Key, null, out result));
            Assert.That(e.ParamName, Is.EqualTo("reader"));
        }

        // ---- Set ----------------------------------------------------------------------------

        [Test]
        public void SetOverloadsAllWrite()
        {
            Tree.Set(new ReadOnlySpan<byte>(Bytes.Utf8("span")), new ReadOnlySpan<byte>(Value));
            Tree.Set(Bytes.Utf8("array"), Value);
            Tree.Set("string", "text");
            Tree.Set("mixed", Value);
            Assert.That(Tree.Get("span"), Is.EqualTo(Value));
            Assert.That(Tree.Get("array"), Is.EqualTo(Value));
            Assert.That(Tree.GetString("string"), Is.EqualTo("text"));
            Assert.That(Tree.Get("mixed"), Is.EqualTo(Value));
            Assert.That(Tree.Count(), Is.EqualTo(4));
        }

        [Test]
        public void SetReplacesThePreviousValue()
        {
            Tree.Set("k", "first");
            Tree.Set("k", "second, longer");
            Assert.That(Tree.GetString("k"), Is.EqualTo("second, longer"));
            Tree.Set("k", "3");
            Assert.That(Tree.GetString("k"), Is.EqualTo("3"));
            Assert.That(Tree.Count(), Is.EqualTo(1));
        }

        [Test]
        public void SetCopiesTheCallersArrays()
        {
            var key = Bytes.Utf8("k");
            var value = new byte[] { 1, 2, 3 };
            Tree.Set(key, value);
            value[0] = 42;
            key[0] = (byte)'z';
            Assert.That(Tree.Get("k"), Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(Tree.Get("z"), Is.Null);
        }

        [Test]
        public void StringKeysAreUtf8()
        {
            Tree.Set("名前", "値");
            Assert.That(Tree.Get(Bytes.Utf8("名前")), Is.EqualTo(Bytes.Utf8("値")));
        }

        // ---- Remove -------------------------------------------------------------------------

        [Test]
        public void RemoveOverloadsReportWhetherTheKeyWasPresent()
        {
            Tree.Set("a", "1");
            Tree.Set("b", "2");
            Tree.Set("c", "3");
            Assert.That(Tree.Remove(new ReadOnlySpan<byte>(Bytes.Utf8("a"))), Is.True);
            Assert.That(Tree.Remove(Bytes.Utf8("b")), Is.True);
            Assert.That(Tree.Remove("c"), Is.True);
            Assert.That(Tree.Count(), Is.EqualTo(0));
            Assert.That(Tree.Remove(new ReadOnlySpan<byte>(Bytes.Utf8("a"))), Is.False);
            Assert.That(Tree.Remove(Bytes.Utf8("b")), Is.False);
            Assert.That(Tree.Remove("c"), Is.False);
            Assert.That(Tree.Get("a"), Is.Null);
        }

        // ---- CompareAndSwap -----------------------------------------------------------------

        [Test]
        public void CompareAndSwapBytes()
        {
            var k = Bytes.Utf8("k");
            Assert.That(Tree.CompareAndSwap(k, null, Bytes.Utf8("1")), Is.True, "absent expected, key absent: creates");
            Assert.That(Tree.GetString("k"), Is.EqualTo("1"));
            Assert.That(Tree.CompareAndSwap(k, null, Bytes.Utf8("x")), Is.False, "absent expected, key present");
            Assert.That(Tree.CompareAndSwap(k, Bytes.Utf8("2"), Bytes.Utf8("x")), Is.False, "mismatch");
            Assert.That(Tree.GetString("k"), Is.EqualTo("1"), "nothing written on mismatch");
            Assert.That(Tree.CompareAndSwap(k, Bytes.Utf8("1"), Bytes.Utf8("2")), Is.True, "swap");
            Assert.That(Tree.GetString("k"), Is.EqualTo("2"));
            Assert.That(Tree.CompareAndSwap(k, Bytes.Utf8("1"), null), Is.False, "remove with the wrong expected");
            Assert.That(Tree.GetString("k"), Is.EqualTo("2"));
            Assert.That(Tree.CompareAndSwap(k, Bytes.Utf8("2"), null), Is.True, "remove via null new value");
            Assert.That(Tree.Get("k"), Is.Null);
            Assert.That(Tree.CompareAndSwap(k, Bytes.Utf8("2"), Bytes.Utf8("3")), Is.False, "expected a value, key absent");
            Assert.That(Tree.Get("k"), Is.Null);
        }

        [Test]
        public void CompareAndSwapStrings()
        {
            Assert.That(Tree.CompareAndSwap("k", null, "1"), Is.True);
            Assert.That(Tree.CompareAndSwap("k", null, "x"), Is.False);
            Assert.That(Tree.CompareAndSwap("k", "2", "x"), Is.False);
            Assert.That(Tree.GetString("k"), Is.EqualTo("1"));
            Assert.That(Tree.CompareAndSwap("k", "1", "2"), Is.True);
            Assert.That(Tree.GetString("k"), Is.EqualTo("2"));
            Assert.That(Tree.CompareAndSwap("k", "2", null), Is.True);
            Assert.That(Tree.GetString("k"), Is.Null);
            Assert.That(Tree.CompareAndSwap("k", "2", "3"), Is.False);
        }

        [Test]
        public void CompareAndSwapSpans()
        {
            var k = Bytes.Utf8("k");
            var one = Bytes.Utf8("1");
            var two = Bytes.Utf8("2");
            var none = ReadOnlySpan<byte>.Empty;
            Assert.That(Tree.CompareAndSwap(k, none, false, one, true), Is.True, "absent expected: create");
            Assert.That(Tree.CompareAndSwap(k, none, false, two, true), Is.False, "absent expected, present");
            Assert.That(Tree.CompareAndSwap(k, two, true, one, true), Is.False, "mismatch");
            Assert.That(Tree.GetString("k"), Is.EqualTo("1"));
            Assert.That(Tree.CompareAndSwap(k, one, true, two, true), Is.True, "swap");
            Assert.That(Tree.GetString("k"), Is.EqualTo("2"));
            // hasNewValue = false removes, whatever the span holds.
            Assert.That(Tree.CompareAndSwap(k, two, true, one, false), Is.True, "remove");
            Assert.That(Tree.Get("k"), Is.Null);
        }

        [Test]
        public void CompareAndSwapDistinguishesEmptyFromAbsent()
        {
            var k = Bytes.Utf8("k");
            Tree.Set(k, new byte[0]);
            Assert.That(Tree.CompareAndSwap(k, null, Bytes.Utf8("x")), Is.False, "an empty value is present");
            Assert.That(Tree.CompareAndSwap(k, new byte[0], Bytes.Utf8("x")), Is.True);
            Assert.That(Tree.CompareAndSwap(k, Bytes.Utf8("x"), new byte[0]), Is.True);
            Assert.That(Tree.Get(k), Is.Not.Null.And.Empty, "empty new value stores an empty value, not a removal");
        }

        // ---- Count --------------------------------------------------------------------------

        [Test]
        public void CountFollowsWrites()
        {
            Assert.That(Tree.Count(), Is.EqualTo(0));
            for (var i = 0; i < 10; i++) Tree.Set("k" + i, "v");
            Assert.That(Tree.Count(), Is.EqualTo(10));
            Tree.Set("k0", "again");
            Assert.That(Tree.Count(), Is.EqualTo(10));
            Tree.Remove("k1");
            Assert.That(Tree.Count(), Is.EqualTo(9));
        }

        // ---- Null arguments -----------------------------------------------------------------

        [Test]
        public void NullArgumentsThrowArgumentNullExceptionNamingTheParameter()
        {
            var batch = new WriteBatch();
            try
            {
                AssertNull("key", () => Tree.Get((byte[])null));
                AssertNull("key", () => Tree.Get((string)null));
                AssertNull("key", () => Tree.GetString(null));
                AssertNull("key", () => Tree.GetView((byte[])null));
                AssertNull("key", () => Tree.Set((byte[])null, Value));
                AssertNull("value", () => Tree.Set(Key, (byte[])null));
                AssertNull("key", () => Tree.Set((string)null, "v"));
                AssertNull("value", () => Tree.Set("k", (string)null));
                AssertNull("key", () => Tree.Set((string)null, Value));
                AssertNull("value", () => Tree.Set("k", (byte[])null));
                AssertNull("key", () => Tree.Remove((byte[])null));
                AssertNull("key", () => Tree.Remove((string)null));
                AssertNull("key", () => Tree.CompareAndSwap((byte[])null, null, Value));
                AssertNull("key", () => Tree.CompareAndSwap((string)null, null, "v"));
                AssertNull("batch", () => Tree.Apply(null));
                AssertNull("prefix", () => Tree.Prefix((byte[])null));
                AssertNull("prefix", () => Tree.Prefix((string)null));
                AssertNull("key", () => batch.Set((byte[])null, Value));
                AssertNull("value", () => batch.Set(Key, (byte[])null));
                AssertNull("key", () => batch.Set((string)null, "v"));
                AssertNull("value", () => batch.Set("k", (string)null));
                AssertNull("key", () => batch.Remove((byte[])null));
                AssertNull("key", () => batch.Remove((string)null));
                Assert.That(batch.Count, Is.EqualTo(0), "nothing added to the batch");
                Assert.That(Tree.Count(), Is.EqualTo(0), "nothing written");
            }
            finally
            {
                batch.Dispose();
            }
        }

        private static void AssertNull(string paramName, TestDelegate call)
        {
            var e = Assert.Throws<ArgumentNullException>(call);
            Assert.That(e.ParamName, Is.EqualTo(paramName));
        }
    }
}
