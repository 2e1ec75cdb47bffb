using System;
using NUnit.Framework;

namespace Ferry.Tests
{
    [TestFixture]
    public class BatchTests : StoreFixture
    {
        [Test]
        public void NewBatchIsEmpty()
        {
            using (var batch = new WriteBatch())
            {
                Assert.That(batch.Count, Is.EqualTo(0));
            }
        }

        [Test]
        public void OverloadsAddWritesAndChain()
        {
            using (var batch = new WriteBatch())
            {
                var same = batch
                    .Set(new ReadOnlySpan<byte>(Bytes.Utf8("span")), new ReadOnlySpan<byte>(new byte[] { 1 }))
                    .Set(Bytes.Utf8("array"), new byte[] { 2 })
                    .Set("string", "3")
                    .Remove(new ReadOnlySpan<byte>(Bytes.Utf8("gone1")))
                    .Remove(Bytes.Utf8("gone2"))
                    .Remove("gone3");
                Assert.That(same, Is.SameAs(batch));
                Assert.That(batch.Count, Is.EqualTo(6));
            }
        }

        [Test]
        public void ApplyWritesEverythingAndEmptiesTheBatch()
        {
            Tree.Set("gone1", "x");
            Tree.Set("gone2", "x");
            Tree.Set("gone3", "x");
            Tree.Set("kept", "x");
            using (var batch = new WriteBatch())
            {
                batch.Set(new ReadOnlySpan<byte>(Bytes.Utf8("span")), new ReadOnlySpan<byte>(new byte[] { 1 }))
                     .Set(Bytes.Utf8("array"), new byte[] { 2 })
                     .Set("string", "3")
                     .Remove(new ReadOnlySpan<byte>(Bytes.Utf8("gone1")))
                     .Remove(Bytes.Utf8("gone2"))
                     .Remove("gone3");
                Assert.That(Tree.Get("span"), Is.Null, "nothing is written before Apply");
                Assert.That(Tree.GetString("gone1"), Is.EqualTo("x"));
                Tree.Apply(batch);
                Assert.That(batch.Count, Is.EqualTo(0), "the batch is empty after Apply");
            }
            Assert.That(Tree.Get("span"), Is.EqualTo(new byte[] { 1 }));
            Assert.That(Tree.Get("array"), Is.EqualTo(new byte[] { 2 }));
            Assert.That(Tree.GetString("string"), Is.EqualTo("3"));
            Assert.That(Tree.Get("gone1"), Is.Null);
            Assert.That(Tree.Get("gone2"), Is.Null);
            Assert.That(Tree.Get("gone3"), Is.Null);
            Assert.That(Tree.GetString("kept"), Is.EqualTo("x"));
            Assert.That(Tree.Count(), Is.EqualTo(4));
        }

        [Test]
        public void LaterWritesToTheSameKeyWin()
        {
            using (var batch = new WriteBatch())
            {
                batch.Set("k", "1").Set("k", "2").Remove("r").Set("r", "set after remove").Set("s", "x").Remove("s");
                Tree.Apply(batch);
            }
            Assert.That(Tree.GetString("k"), Is.EqualTo("2"));
            Assert.That(Tree.GetString("r"), Is.EqualTo("set after remove"));
            Assert.That(Tree.Get("s"), Is.Null);
        }

        [Test]
        public void BatchCanBeReusedAfterApply()
        {
            var other = Store.OpenTree("other");
            using (var batch = new WriteBatch())
            {
                batch.Set("first", "1");
                Tree.Apply(batch);
                other.Apply(batch); // empty now: writes nothing
                batch.Set("second", "2");
                Assert.That(batch.Count, Is.EqualTo(1));
                other.Apply(batch);
            }
            Assert.That(Tree.GetString("first"), Is.EqualTo("1"));
            Assert.That(Tree.Get("second"), Is.Null);
            Assert.That(other.Get("first"), Is.Null);
            Assert.That(other.GetString("second"), Is.EqualTo("2"));
        }

        [Test]
        public void ApplyingAnEmptyBatchChangesNothing()
        {
            Tree.Set("k", "v");
            using (var batch = new WriteBatch())
            {
                Tree.Apply(batch);
            }
            Assert.That(Tree.Count(), Is.EqualTo(1));
        }

        [Test]
        public void RemovingAnAbsentKeyInABatchIsNotAnError()
        {
            using (var batch = new WriteBatch())
            {
                batch.Remove("never-there").Set("k", "v");
                Assert.DoesNotThrow(() => Tree.Apply(batch));
            }
            Assert.That(Tree.GetString("k"), Is.EqualTo("v"));
        }

        [Test]
        public void BatchCopiesTheCallersArrays()
        {
            var key = Bytes.Utf8("k");
            var value = new byte[] { 1, 2 };
            using (var batch = new WriteBatch())
            {
                batch.Set(key, value);
                key[0] = (byte)'z';
                value[0] = 9;
                Tree.Apply(batch);
            }
            Assert.That(Tree.Get("k"), Is.EqualTo(new byte[] { 1, 2 }));
            Assert.That(Tree.Get("z"), Is.Null);
        }

        [Test]
        public void ALargeBatchIsAppliedWhole()
        {
            using (var batch = new WriteBatch())
            {
                for (var i = 0; i < 5000; i++) batch.Set(Bytes.Utf8("k" + i.ToString("D5")), Bytes.Pattern(64, i));
                Assert.That(batch.Count, Is.EqualTo(5000));
                Tree.Apply(batch);
            }
            Assert.That(Tree.Count(), Is.EqualTo(5000));
            Assert.That(Tree.Get("k04999"), Is.EqualTo(Bytes.Pattern(64, 4999)));
        }

        [Test]
        public void ApplyOfADisposedBatchThrowsAndWritesNothing()
        {
            var batch = new WriteBatch();
            batch.Set("k", "v");
            batch.Dispose();
            Assert.Throws<ObjectDisposedException>(() => Tree.Apply(batch));
            Assert.That(Tree.Get("k"), Is.Null);
        }

        [Test]
        public void UsingABatchAfterDisposeThrows()
        {
            var batch = new WriteBatch();
            batch.Dispose();
            Assert.Throws<ObjectDisposedException>(() => batch.Set("k", "v"));
            Assert.Throws<ObjectDisposedException>(() => batch.Set(Bytes.Utf8("k"), new byte[1]));
            Assert.Throws<ObjectDisposedException>(() => batch.Set(new ReadOnlySpan<byte>(new byte[1]), new ReadOnlySpan<byte>(new byte[1])));
            Assert.Throws<ObjectDisposedException>(() => batch.Remove("k"));
            Assert.Throws<ObjectDisposedException>(() => batch.Remove(Bytes.Utf8("k")));
            Assert.Throws<ObjectDisposedException>(() => batch.Remove(new ReadOnlySpan<byte>(new byte[1])));
            Assert.Throws<ObjectDisposedException>(() => { var n = batch.Count; });
            Assert.DoesNotThrow(() => batch.Dispose(), "disposing twice is harmless");
        }
    }
}
