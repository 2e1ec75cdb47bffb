using System;
using System.Collections.Generic;

namespace Ferry
{
    /// <summary>
    /// One named, ordered collection of key-value pairs in a <see cref="Store"/>, from
    /// <see cref="Store.OpenTree(string)"/> or <see cref="Store.DefaultTree"/>. Safe to use from
    /// many threads. Keys are compared as unsigned bytes.
    /// </summary>
    /// <remarks>
    /// <para>If another thread drops the tree (<see cref="Store.DropTree(string)"/>) during a
    /// call, the call may fail with <see cref="FerryException"/> whose status is
    /// <see cref="FerryStatus.TreeDropped"/>; afterwards, calls throw
    /// <see cref="ObjectDisposedException"/>.</para>
    /// <para>Every operation has a span overload that does the work, and <c>byte[]</c> and
    /// <c>string</c> (UTF-8) overloads that check their arguments and forward to it. Keys longer
    /// than <see cref="Limits.MaxKeyLength"/> and values longer than
    /// <see cref="Limits.MaxValueLength"/> throw <see cref="ArgumentException"/>.</para>
    /// </remarks>
    public sealed class Tree
    {
        private const int ScratchSize = 4096;

        [ThreadStatic]
        private static byte[] t_scratch;

        internal readonly FerryTreeHandle Handle;
        private volatile bool _closed;

        internal Tree(Store store, FerryTreeHandle handle, string name)
        {
            Store = store;
            Handle = handle;
            Name = name;
        }

        /// <summary>The tree's name.</summary>
        public string Name { get; }

        /// <summary>The store the tree belongs to.</summary>
        public Store Store { get; }

        // Closes the tree for good (its store was disposed or the tree dropped).
        internal void Close()
        {
            _closed = true;
            Handle.Dispose();
        }

        private FerryTreeHandle Live()
        {
            if (_closed) throw new ObjectDisposedException(nameof(Tree), $"The tree '{Name}' is closed: its store was disposed or the tree dropped.");
            return Handle;
        }

        // ---- Reading ------------------------------------------------------------------------

        /// <summary>The value stored at <paramref name="key"/>, or null if there is none.</summary>
        /// <exception cref="ArgumentException">The key is too long.</exception>
        /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
        public byte[] Get(ReadOnlySpan<byte> key)
        {
            Limits.CheckKey(key, nameof(key));
            var handle = Live();
            var scratch = t_scratch ?? (t_scratch = new byte[ScratchSize]);
            ulong length;
            var status = handle.Get(key, scratch, out length);
            if (status == FerryStatus.Ok) return new ReadOnlySpan<byte>(scratch, 0, (int)length).ToArray();
            // Larger than the scratch buffer: read straight into an array of the reported size,
            // again if the value changed size in between.
            while (status == FerryStatus.BufferTooSmall)
            {
                var value = new byte[length];
                status = handle.Get(key, value, out length);
                if (status == FerryStatus.Ok && (int)length == value.Length) return value;
                if (status == FerryStatus.Ok) return new ReadOnlySpan<byte>(value, 0, (int)length).ToArray();
            }
            return null; // NotFound
        }

        /// <summary>The value stored at <paramref name="key"/>, or null if there is none.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
        public byte[] Get(byte[] key) => Get(new ReadOnlySpan<byte>(Limits.NotNull(key, nameof(key))));

        /// <summary>The value stored at the UTF-8 key <paramref name="key"/>, or null if there is none.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
        public byte[] Get(string key) => Get(new ReadOnlySpan<byte>(Limits.Encode(key, nameof(key))));

        /// <summary>The value at the UTF-8 key <paramref name="key"/> decoded as UTF-8, or null if there is none.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
        /// <exception cref="System.Text.DecoderFallbackException">The value is not valid UTF-8.</exception>
        public string GetString(string key)
        {
            var value = Get(key);
            return value == null ? null : Limits.Utf8.GetString(value);
        }

        /// <summary>
        /// Copies the value at <paramref name="key"/> into <paramref name="destination"/> without
        /// allocating.
        /// </summary>
        /// <param name="key">The key.</param>
        /// <param name="destination">Where to copy the value.</param>
        /// <param name="written">The value's length: the bytes copied when the method returns true;
        /// when it returns false, 0 if the key is absent, or the length needed (greater than
        /// <paramref name="destination"/>'s) if the buffer is too small.</param>
        /// <returns>True if the value was found and copied.</returns>
        public bool TryGet(ReadOnlySpan<byte> key, Span<byte> destination, out int written)
        {
            Limits.CheckKey(key, nameof(key));
            ulong length;
            var status = Live().Get(key, destination, out length);
            written = status == FerryStatus.NotFound ? 0 : (int)length;
            return status == FerryStatus.Ok;
        }

        /// <summary>
        /// Reads the value at <paramref name="key"/> in place, without copying it: calls
        /// <paramref name="reader"/> with the value's bytes.
        /// </summary>
        /// <returns>True if the key was found and <paramref name="reader"/> was called.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
        public bool TryRead<TResult>(ReadOnlySpan<byte> key, ValueReader<TResult> reader, out TResult result)
        {
            if (reader == null) throw new ArgumentNullException(nameof(reader));
            using (var view = GetView(key))
            {
                if (view == null)
                {
                    result = default(TResult);
                    return false;
                }
                result = reader(view.Span);
                return true;
            }
        }

        /// <summary>
        /// The value at <paramref name="key"/> as a <see cref="ValueView"/>, read without copying;
        /// null if there is none. Dispose the view when done.
        /// </summary>
        public ValueView GetView(ReadOnlySpan<byte> key)
        {
            Limits.CheckKey(key, nameof(key));
            FerryViewHandle handle;
            if (FerryViewHandle.Get(out handle, Live(), key) == FerryStatus.NotFound)
            {
                handle.Dispose();
                return null;
            }
            return new ValueView(handle);
        }

        /// <summary>The value at <paramref name="key"/> as a <see cref="ValueView"/>; null if there is none.</summary>
        public ValueView GetView(byte[] key) => GetView(new ReadOnlySpan<byte>(Limits.NotNull(key, nameof(key))));

        /// <summary>The value at the UTF-8 <paramref name="key"/> as a <see cref="ValueView"/>; null if there is none.</summary>
        public ValueView GetView(string key) => GetView(new ReadOnlySpan<byte>(Limits.Encode(key, nameof(key))));

        /// <summary>The number of entries (walks the whole tree).</summary>
        public long Count()
        {
            ulong count;
            Live().Len(out count);
            return (long)count;
        }

        // ---- Writing ------------------------------------------------------------------------

        /// <summary>Stores <paramref name="value"/> at <paramref name="key"/>, replacing any previous value.</summary>
        /// <exception cref="ArgumentException">The key or value is too long.</exception>
        /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
        public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
        {
            Limits.CheckKey(key, nameof(key));
            Limits.CheckValue(value, nameof(value));
            Live().Insert(key, value);
        }

        /// <summary>Stores <paramref name="value"/> at <paramref name="key"/>.</summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public void Set(byte[] key, byte[] value) =>
            Set(new ReadOnlySpan<byte>(Limits.NotNull(key, nameof(key))), new ReadOnlySpan<byte>(Limits.NotNull(value, nameof(value))));

        /// <summary>Stores the UTF-8 <paramref name="value"/> at the UTF-8 <paramref name="key"/>.</summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public void Set(string key, string value) =>
            Set(new ReadOnlySpan<byte>(Limits.Encode(key, nameof(key))), new ReadOnlySpan<byte>(Limits.Encode(value, nameof(value))));

        /// <summary>Stores <paramref name="value"/> at the UTF-8 <paramref name="key"/>.</summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public void Set(string key, byte[] value) =>
            Set(new ReadOnlySpan<byte>(Limits.Encode(key, nameof(key))), new ReadOnlySpan<byte>(Limits.NotNull(value, nameof(value))));

        /// <summary>Removes <paramref name="key"/>.</summary>
        /// <returns>True if the key was present.</returns>
        public bool Remove(ReadOnlySpan<byte> key)
        {
            Limits.CheckKey(key, nameof(key));
            return Live().Remove(key) == FerryStatus.Ok;
        }

        /// <summary>Removes <paramref name="key"/>; true if it was present.</summary>
        public bool Remove(byte[] key) => Remove(new ReadOnlySpan<byte>(Limits.NotNull(key, nameof(key))));

        /// <summary>Removes the UTF-8 <paramref name="key"/>; true if it was present.</summary>
        public bool Remove(string key) => Remove(new ReadOnlySpan<byte>(Limits.Encode(key, nameof(key))));

        /// <summary>
        /// Atomically replaces the value at <paramref name="key"/> with <paramref name="newValue"/>
        /// if the current value equals <paramref name="expected"/>.
        /// </summary>
        /// <param name="key">The key.</param>
        /// <param name="expected">The value expected now; null means "the key is absent".</param>
        /// <param name="newValue">The value to store; null removes the key.</param>
        /// <returns>True if the swap happened; false if the current value differed (nothing written).</returns>
        public bool CompareAndSwap(byte[] key, byte[] expected, byte[] newValue)
        {
            var k = new ReadOnlySpan<byte>(Limits.NotNull(key, nameof(key)));
            return CompareAndSwap(k, expected, expected != null, newValue, newValue != null);
        }

        /// <summary>
        /// <see cref="CompareAndSwap(byte[], byte[], byte[])"/> with UTF-8 strings; null means absent.
        /// </summary>
        public bool CompareAndSwap(string key, string expected, string newValue)
        {
            var k = new ReadOnlySpan<byte>(Limits.Encode(key, nameof(key)));
            var e = expected == null ? null : Limits.Utf8.GetBytes(expected);
            var n = newValue == null ? null : Limits.Utf8.GetBytes(newValue);
            return CompareAndSwap(k, e, e != null, n, n != null);
        }

        /// <summary>
        /// The span form of <see cref="CompareAndSwap(byte[], byte[], byte[])"/>: a span cannot be null,
        /// so presence is given by <paramref name="hasExpected"/> and <paramref name="hasNewValue"/>.
        /// </summary>
        public bool CompareAndSwap(ReadOnlySpan<byte> key, ReadOnlySpan<byte> expected, bool hasExpected, ReadOnlySpan<byte> newValue, bool hasNewValue)
        {
            Limits.CheckKey(key, nameof(key));
            if (hasNewValue) Limits.CheckValue(newValue, nameof(newValue));
            var status = Live().CompareAndSwap(key, expected, (byte)(hasExpected ? 1 : 0), newValue, (byte)(hasNewValue ? 1 : 0));
            return status == FerryStatus.Ok;
        }

        /// <summary>
        /// Applies every write in <paramref name="batch"/> atomically. The batch is left empty,
        /// ready for reuse, whether or not the apply succeeds.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="batch"/> is null.</exception>
        /// <exception cref="ObjectDisposedException">The store or the batch was disposed.</exception>
        /// <exception cref="InvalidOperationException">Another thread's call on the batch is in
        /// progress (nothing was applied); see <see cref="WriteBatch"/>.</exception>
        public void Apply(WriteBatch batch)
        {
            if (batch == null) throw new ArgumentNullException(nameof(batch));
            Live().ApplyBatch(batch.Live());
        }

        // ---- Scanning -----------------------------------------------------------------------

        /// <summary>
        /// Calls <paramref name="visitor"/> with each entry with a key from <paramref name="start"/>
        /// (inclusive) to <paramref name="end"/> (exclusive), in ascending key order or descending
        /// with <paramref name="reverse"/>, until it returns false or <paramref name="limit"/>
        /// entries were visited. The key and value are spans over a reused buffer, valid only
        /// during the call: no array is allocated per entry.
        /// </summary>
        /// <returns>The number of entries visited.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="visitor"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="start"/> lies after <paramref name="end"/>,
        /// or <paramref name="limit"/> is below -1.</exception>
        public long Range(byte[] start, byte[] end, bool reverse, long limit, EntryVisitor visitor)
        {
            if (visitor == null) throw new ArgumentNullException(nameof(visitor));
            if (limit < -1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "Use -1 for no limit.");
            using (var cursor = OpenCursor(ScanKind.Range, start, end, reverse, limit))
            {
                return ScanVisit.Run(cursor, visitor);
            }
        }

        /// <summary>
        /// The entries with keys from <paramref name="start"/> (inclusive) to <paramref name="end"/>
        /// (exclusive), in ascending key order, or descending with <paramref name="reverse"/>.
        /// Entries are read lazily, many per native call, into pooled buffers; dispose the
        /// enumerator (foreach does) to release it early. The scan sees a live view of the tree,
        /// not a snapshot: each key comes at most once, in order.
        /// </summary>
        /// <remarks>
        /// The enumerable may be enumerated by many threads at once: each enumeration has its own
        /// native cursor. An enumerator, like any .NET enumerator, is for one thread at a time; a
        /// read of its cursor that overlaps another thread's throws
        /// <see cref="InvalidOperationException"/> (whose InnerException is the
        /// <see cref="FerryException"/> with status <see cref="FerryStatus.Busy"/>) instead of
        /// racing in native code, but other overlapping uses go undetected and may return wrong
        /// entries.
        /// </remarks>
        /// <param name="start">The first key, or null for the tree's start.</param>
        /// <param name="end">The key to stop before, or null for the tree's end.</param>
        /// <param name="reverse">Walk from the end.</param>
        /// <param name="limit">The most entries to return; -1 for no limit.</param>
        /// <exception cref="ArgumentException"><paramref name="start"/> lies after <paramref name="end"/>
        /// (thrown when enumeration starts), or <paramref name="limit"/> is below -1.</exception>
        public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start = null, byte[] end = null, bool reverse = false, long limit = -1)
        {
            if (limit < -1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "Use -1 for no limit.");
            return new Scan(this, ScanKind.Range, start, end, reverse, limit);
        }

        /// <summary>
        /// The entries whose keys start with <paramref name="prefix"/>, in ascending key order or
        /// descending with <paramref name="reverse"/>; read as
        /// <see cref="Tree.Range(byte[], byte[], bool, long)"/> reads.
        /// </summary>
        /// <param name="prefix">The key prefix; empty for every entry.</param>
        /// <param name="reverse">Walk from the end.</param>
        /// <param name="limit">The most entries to return; -1 for no limit.</param>
        /// <exception cref="ArgumentNullException"><paramref name="prefix"/> is null.</exception>
        public IEnumerable<KeyValuePair<byte[], byte[]>> Prefix(byte[] prefix, bool reverse = false, long limit = -1)
        {
            Limits.NotNull(prefix, nameof(prefix));
            if (limit < -1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "Use -1 for no limit.");
            return new Scan(this, ScanKind.Prefix, prefix, null, reverse, limit);
        }

        /// <summary>The entries whose keys start with the UTF-8 <paramref name="prefix"/>; see <see cref="Prefix(byte[], bool, long)"/>.</summary>
        public IEnumerable<KeyValuePair<byte[], byte[]>> Prefix(string prefix, bool reverse = false, long limit = -1) =>
            Prefix(Limits.Encode(prefix, nameof(prefix)), reverse, limit);

        internal FerryCursorHandle OpenCursor(ScanKind kind, byte[] start, byte[] end, bool reverse, long limit)
        {
            var handle = Live();
            var rev = (byte)(reverse ? 1 : 0);
            var max = limit < 0 ? Interop.FERRY_NO_LIMIT : (ulong)limit;
            FerryCursorHandle cursor;
            if (kind == ScanKind.Prefix)
            {
                FerryCursorHandle.OpenPrefix(out cursor, handle, start, rev, max);
                return cursor;
            }
            var startKind = start == null ? Interop.FERRY_BOUND_UNBOUNDED : Interop.FERRY_BOUND_INCLUDED;
            var endKind = end == null ? Interop.FERRY_BOUND_UNBOUNDED : Interop.FERRY_BOUND_EXCLUDED;
            try
            {
                FerryCursorHandle.Open(out cursor, handle, start, startKind, end, endKind, rev, max);
            }
            catch (FerryException e) when (e.Status == FerryStatus.InvalidRange)
            {
                throw new ArgumentException(e.Message, nameof(start), e);
            }
            return cursor;
        }
    }
}
