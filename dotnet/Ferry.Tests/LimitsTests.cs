using System;
using System.Linq;
using NUnit.Framework;

namespace Ferry.Tests
{
    [TestFixture]
    public class LimitsTests : StoreFixture
    {
        private static readonly byte[] MaxKey = Bytes.Pattern(Limits.MaxKeyLength, 11);
        private static readonly byte[] LongKey = Bytes.Pattern(Limits.MaxKeyLength + 1, 12);

        [Test]
        public void LimitsAreTheDocumentedOnes()
        {
            Assert.That(Limits.MaxKeyLength, Is.EqualTo(1024));
            Assert.That(Limits.MaxValueLength, Is.EqualTo(64 * 1024 * 1024));
        }

        [Test]
        public void EmptyKeyWorksEverywhere()
        {
            var empty = new byte[0];
            Tree.Set(empty, new byte[] { 1 });
            Assert.That(Tree.Get(empty), Is.EqualTo(new byte[] { 1 }));
            Assert.That(Tree.GetString(""), Is.EqualTo("\u0001"));
            int written;
            Assert.That(Tree.TryGet(ReadOnlySpan<byte>.Empty, new byte[4], out written), Is.True);
            Assert.That(written, Is.EqualTo(1));
            using (var view = Tree.GetView(empty)) Assert.That(view.ToArray(), Is.EqualTo(new byte[] { 1 }));
            Assert.That(Tree.CompareAndSwap(empty, new byte[] { 1 }, new byte[] { 2 }), Is.True);
            Tree.Set("a", "after");
            var first = Tree.Range().First();
            Assert.That(first.Key, Is.Empty);
            Assert.That(first.Value, Is.EqualTo(new byte[] { 2 }));
            Assert.That(Tree.Remove(""), Is.True);
            Assert.That(Tree.Get(empty), Is.Null);
            using (var batch = new WriteBatch())
            {
                batch.Set(empty, new byte[] { 3 });
                Tree.Apply(batch);
            }
            Assert.That(Tree.Get(empty), Is.EqualTo(new byte[] { 3 }));
        }

        [Test]
        public void MaximumSizeKeyWorksEverywhere()
        {
            var value = new byte[] { 7, 7 };
            Tree.Set(MaxKey, value);
            Assert.That(Tree.Get(MaxKey), Is.EqualTo(value));
            Assert.That(Tree.Get(new ReadOnlySpan<byte>(MaxKey)), Is.EqualTo(value));
            int written;
            Assert.That(Tree.TryGet(MaxKey, new byte[2], out written), Is.True);
            using (var view = Tree.GetView(MaxKey)) Assert.That(view.ToArray(), Is.EqualTo(value));
            Assert.That(Tree.CompareAndSwap(MaxKey, value, new byte[] { 8 }), Is.True);
            Assert.That(Tree.Range().Single().Key, Is.EqualTo(MaxKey));
            Assert.That(Tree.Prefix(MaxKey).Count(), Is.EqualTo(1), "a prefix of the maximum key length");
            Assert.That(Tree.Remove(MaxKey), Is.True);
            using (var batch = new WriteBatch())
            {
                batch.Set(MaxKey, value).Remove(MaxKey).Set(MaxKey, value);
                Tree.Apply(batch);
            }
            Assert.That(Tree.Get(MaxKey), Is.EqualTo(value));
            var maxStringKey = new string('s', Limits.MaxKeyLength);
            Tree.Set(maxStringKey, "v");
            Assert.That(Tree.GetString(maxStringKey), Is.EqualTo("v"));
        }

        [Test]
        public void KeyOneByteTooLongThrowsArgumentExceptionAndWritesNothing()
        {
            Tree.Set("existing", "v");
            var longString = new string('s', Limits.MaxKeyLength + 1);
            int written;
            string text;
            AssertTooLong("key", () => Tree.Set(LongKey, new byte[1]));
            AssertTooLong("key", () => Tree.Set(new ReadOnlySpan<byte>(LongKey), new ReadOnlySpan<byte>(new byte[1])));
            AssertTooLong("key", () => Tree.Set(longString, "v"));
            AssertTooLong("key", () => Tree.Set(longString, new byte[1]));
            AssertTooLong("key", () => Tree.Get(LongKey));
            AssertTooLong("key", () => Tree.Get(new ReadOnlySpan<byte>(LongKey)));
            AssertTooLong("key", () => Tree.Get(longString));
            AssertTooLong("key", () => Tree.GetString(longString));
            AssertTooLong("key", () => Tree.TryGet(LongKey, new byte[8], out written));
            AssertTooLong("key", () => Tree.GetView(LongKey));
            AssertTooLong("key", () => Tree.TryRead<string>(LongKey, s => "read", out text));
            AssertTooLong("key", () => Tree.Remove(LongKey));
            AssertTooLong("key", () => Tree.Remove(longString));
            AssertTooLong("key", () => Tree.CompareAndSwap(LongKey, null, new byte[1]));
            AssertTooLong("key", () => Tree.CompareAndSwap(longString, null, "v"));
            AssertTooLong("key", () => Tree.CompareAndSwap(LongKey, ReadOnlySpan<byte>.Empty, false, new byte[1], true));
            Assert.That(Tree.Count(), Is.EqualTo(1), "nothing written");
            Assert.That(Tree.GetString("existing"), Is.EqualTo("v"));
        }

        [Test]
        public void StringKeyLengthIsMeasuredInUtf8Bytes()
        {
            // 513 'é' are 513 chars but 1026 bytes.
            var key = new string('é', 513);
            AssertTooLong("key", () => Tree.Set(key, "v"));
            Tree.Set(new string('é', 512), "v");
            Assert.That(Tree.Count(), Is.EqualTo(1));
        }

        [Test]
        public void BatchRejectsTooLongKeysWhenAdded()
        {
            using (var batch = new WriteBatch())
            {
                batch.Set("ok", "v");
                AssertTooLong("key", () => batch.Set(LongKey, new byte[1]));
                AssertTooLong("key", () => batch.Set(new string('s', Limits.MaxKeyLength + 1), "v"));
                AssertTooLong("key", () => batch.Remove(LongKey));
                AssertTooLong("key", () => batch.Remove(new ReadOnlySpan<byte>(LongKey)));
                Assert.That(batch.Count, Is.EqualTo(1), "the failed writes were not added");
                Tree.Apply(batch);
            }
            Assert.That(Tree.Count(), Is.EqualTo(1));
        }

        [Test]
        public void ValueOneByteTooLongThrowsArgumentExceptionAndWritesNothing()
        {
            var tooLong = new byte[Limits.MaxValueLength + 1];
            AssertTooLong("value", () => Tree.Set(Bytes.Utf8("k"), tooLong));
            AssertTooLong("value", () => Tree.Set(new ReadOnlySpan<byte>(Bytes.Utf8("k")), new ReadOnlySpan<byte>(tooLong)));
            AssertTooLong("value", () => Tree.Set("k", tooLong));
            AssertTooLong("newValue", () => Tree.CompareAndSwap(Bytes.Utf8("k"), null, tooLong));
            AssertTooLong("newValue", () => Tree.CompareAndSwap(Bytes.Utf8("k"), ReadOnlySpan<byte>.Empty, false, tooLong, true));
            using (var batch = new WriteBatch())
            {
                AssertTooLong("value", () => batch.Set(Bytes.Utf8("k"), tooLong));
                AssertTooLong("value", () => batch.Set(new ReadOnlySpan<byte>(Bytes.Utf8("k")), new ReadOnlySpan<byte>(tooLong)));
                Assert.That(batch.Count, Is.EqualTo(0));
            }
            Assert.That(Tree.Get("k"), Is.Null, "nothing written");
            Assert.That(Tree.Count(), Is.EqualTo(0));
            // A too-long *expected* value is not an error: it simply cannot match.
            Tree.Set("k", "v");
            Assert.That(Tree.CompareAndSwap(Bytes.Utf8("k"), tooLong, Bytes.Utf8("w")), Is.False);
            Assert.That(Tree.GetString("k"), Is.EqualTo("v"));
        }

        [Test]
        public void LargeValuesRoundTrip()
        {
            // 16 MiB + 3 bytes: far past Get's scratch buffer and TryGet's usual buffers.
            var value = Bytes.Pattern(16 * 1024 * 1024 + 3, 5);
            var key = Bytes.Utf8("large");
            Tree.Set(key, value);
            Bytes.AssertEqual(value, Tree.Get(key), "Get");

            int written;
            var small = new byte[1024];
            Assert.That(Tree.TryGet(key, small, out written), Is.False);
            Assert.That(written, Is.EqualTo(value.Length), "length needed");
            var exact = new byte[written];
            Assert.That(Tree.TryGet(key, exact, out written), Is.True);
            Bytes.AssertEqual(value, exact, "TryGet");

            using (var view = Tree.GetView(key))
            {
                Assert.That(view.Length, Is.EqualTo(value.Length));
                Bytes.AssertEqual(value, view.Span, "GetView");
            }

            long sum;
            Assert.That(Tree.TryRead<long>(key, span => { long s = 0; for (var i = 0; i < span.Length; i += 4096) s += span[i]; return s; }, out sum), Is.True);
            long expectedSum = 0;
            for (var i = 0; i < value.Length; i += 4096) expectedSum += value[i];
            Assert.That(sum, Is.EqualTo(expectedSum), "TryRead");

            // Overwrite with a different large value: no stale bytes.
            var second = Bytes.Pattern(16 * 1024 * 1024, 6);
            Tree.Set(key, second);
            Bytes.AssertEqual(second, Tree.Get(key), "Get after overwrite");
        }

        private static void AssertTooLong(string paramName, TestDelegate call)
        {
            var e = Assert.Throws<ArgumentException>(call);
            Assert.That(e.ParamName, Is.EqualTo(paramName));
            Assert.That(e.Message, Is.StringContaining("limit"));
        }
    }
}
