using System;
using System.IO;
using NUnit.Framework;

namespace Ferry.Tests
{
    /// <summary>A fresh directory under the system temp directory, deleted with everything in it on Dispose.</summary>
    internal sealed class TestDirectory : IDisposable
    {
        public TestDirectory()
        {
            Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ferry-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Root);
        }

        /// <summary>The directory itself.</summary>
        public string Root { get; }

        /// <summary>A path inside the directory (not created): where a test opens a store.</summary>
        public string Sub(string name) => System.IO.Path.Combine(Root, name);

        public void Dispose()
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, true);
        }
    }

    /// <summary>
    /// Base fixture: each test gets its own temp directory and an open store in it
    /// (<see cref="Store"/>, at <see cref="StorePath"/>); both are cleaned up after the test.
    /// </summary>
    public abstract class StoreFixture
    {
        private TestDirectory _directory;

        internal TestDirectory TempDir => _directory;

        protected Store Store { get; private set; }

        protected string StorePath { get; private set; }

        protected Tree Tree => Store.DefaultTree;

        [SetUp]
        public void OpenStore()
        {
            _directory = new TestDirectory();
            StorePath = _directory.Sub("store");
            Store = Store.Open(StorePath, TestOptions());
        }

        [TearDown]
        public void CloseStore()
        {
            try
            {
                Store?.Dispose();
            }
            finally
            {
                Store = null;
                _directory.Dispose();
            }
        }

        /// <summary>Small cache, background flushes off: tests decide when to flush.</summary>
        internal static StoreOptions TestOptions() => new StoreOptions
        {
            CacheCapacity = 16L * 1024 * 1024,
            FlushEveryMilliseconds = 0,
        };
    }

    /// <summary>Helpers shared by the fixtures.</summary>
    internal static class Bytes
    {
        public static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

        public static string Text(byte[] bytes) => bytes == null ? null : System.Text.Encoding.UTF8.GetString(bytes);

        /// <summary>Deterministic pseudo-random bytes, different for each seed.</summary>
        public static byte[] Pattern(int length, int seed)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }

        public static byte[] Filled(int length, byte fill)
        {
            var bytes = new byte[length];
            for (var i = 0; i < bytes.Length; i++) bytes[i] = fill;
            return bytes;
        }

        /// <summary>Asserts equal contents with a fast loop (NUnit's array comparison boxes every byte).</summary>
        public static void AssertEqual(byte[] expected, byte[] actual, string what = "value")
        {
            Assert.IsNotNull(actual, what + " is null");
            AssertEqual(expected, new ReadOnlySpan<byte>(actual), what);
        }

        public static void AssertEqual(byte[] expected, ReadOnlySpan<byte> actual, string what = "value")
        {
            Assert.AreEqual(expected.Length, actual.Length, what + ": length");
            for (var i = 0; i < expected.Length; i++)
            {
                if (expected[i] != actual[i])
                    Assert.Fail("{0}: byte {1} is {2}, expected {3}", what, i, actual[i], expected[i]);
            }
        }

        /// <summary>Unsigned lexicographic comparison, the store's key order.</summary>
        public static int Compare(byte[] a, byte[] b)
        {
            var n = Math.Min(a.Length, b.Length);
            for (var i = 0; i < n; i++)
            {
                if (a[i] != b[i]) return a[i].CompareTo(b[i]);
            }
            return a.Length.CompareTo(b.Length);
        }
    }
}
