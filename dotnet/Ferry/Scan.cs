using System;
using System.Buffers;
using System.Collections;
using System.Collections.Generic;

namespace Ferry
{
    internal enum ScanKind
    {
        Range,
        Prefix,
    }

    /// <summary>Reads one entry of a scan in place; return false to stop the scan.</summary>
    /// <param name="key">The entry's key, valid only during the call.</param>
    /// <param name="value">The entry's value, valid only during the call.</param>
    public delegate bool EntryVisitor(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    // The packed entry layout, version 1, that ferry_cursor_next writes: per entry a u32
    // key length and a u32 value length, little-endian, then the key and value bytes.
    internal static class PackedLayout
    {
        // The buffer size a scan starts with.
        internal const int BufferSize = 64 * 1024;

        // The bytes before an entry's key.
        internal const int HeaderLength = (int)Interop.FERRY_ENTRY_HEADER_LEN;

        // The little-endian u32 length at `at`.
        internal static int ReadLength(byte[] buffer, int at) =>
            buffer[at] | (buffer[at + 1] << 8) | (buffer[at + 2] << 16) | (buffer[at + 3] << 24);

        // Lengths up to this are copied word by word: for short keys and values that costs
        // about half of what Buffer.BlockCopy (a runtime call on Mono) does.
        private const int ShortCopy = 256;

        // A new array holding the `length` bytes of `buffer` at `at`, which the caller has
        // checked lie inside it.
        internal static unsafe byte[] Copy(byte[] buffer, int at, int length)
        {
            var copy = new byte[length];
            if (length > ShortCopy)
            {
                Buffer.BlockCopy(buffer, at, copy, 0, length);
            }
            else if (length > 0)
            {
                fixed (byte* from = &buffer[at])
                fixed (byte* to = copy)
                {
                    var n = length;
                    long* s = (long*)from, d = (long*)to;
                    for (; n >= 8; n -= 8) *d++ = *s++;
                    byte* sb = (byte*)s, db = (byte*)d;
                    for (; n > 0; n--) *db++ = *sb++;
                }
            }
            return copy;
        }
    }

    // Runs a scan to its end within one call, handing out spans over a per-thread buffer.
    internal static class ScanVisit
    {
        private const int BufferSize = PackedLayout.BufferSize;
        private const int HeaderLength = PackedLayout.HeaderLength;

        [ThreadStatic]
        private static byte[] t_buffer;

        internal static long Run(FerryCursorHandle cursor, EntryVisitor visitor)
        {
            // Taken from the thread for the call, so a visitor that scans again gets its own.
            var buffer = t_buffer ?? new byte[BufferSize];
            t_buffer = null;
            long visited = 0;
            try
            {
                while (true)
                {
                    ulong count, used;
                    byte finished;
                    if (cursor.Fill(buffer, out count, out used, out finished) == FerryStatus.BufferTooSmall)
                    {
                        buffer = new byte[checked((int)used)];
                        continue;
                    }
                    var at = 0;
                    for (ulong e = 0; e < count; e++)
                    {
                        var keyLength = PackedLayout.ReadLength(buffer, at);
                        var valueLength = PackedLayout.ReadLength(buffer, at + 4);
                        at += HeaderLength;
                        visited++;
                        if (!visitor(new ReadOnlySpan<byte>(buffer, at, keyLength), new ReadOnlySpan<byte>(buffer, at + keyLength, valueLength)))
                            return visited;
                        at += keyLength + valueLength;
                    }
                    // Finished: no last call just to learn that nothing follows.
                    if (finished != 0 || count == 0) return visited;
                }
            }
            finally
            {
                if (buffer.Length == BufferSize) t_buffer = buffer;
            }
        }

    }

    // A lazily run scan; each enumeration opens its own native cursor.
    internal sealed class Scan : IEnumerable<KeyValuePair<byte[], byte[]>>
    {
        private readonly Tree _tree;
        private readonly ScanKind _kind;
        private readonly byte[] _start;
        private readonly byte[] _end;
        private readonly bool _reverse;
        private readonly long _limit;

        internal Scan(Tree tree, ScanKind kind, byte[] start, byte[] end, bool reverse, long limit)
        {
            _tree = tree;
            _kind = kind;
            // Copied: the caller may change its arrays before enumerating.
            _start = start == null ? null : (byte[])start.Clone();
            _end = end == null ? null : (byte[])end.Clone();
            _reverse = reverse;
            _limit = limit;
        }

        public IEnumerator<KeyValuePair<byte[], byte[]>> GetEnumerator() =>
            new ScanEnumerator(_tree, _kind, _start, _end, _reverse, _limit);

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // Reads entries from a native cursor in batches: each ferry_cursor_fill call fills a
    // pooled buffer with as many packed entries as fit (layout version 1: u32 key length,
    // u32 value length, little-endian, then the key and value bytes). A library with another
    // layout would fail the API hash check in Interop's static constructor first.
    //
    // The cursor is opened by the first MoveNext, and closed as soon as a batch is the scan's
    // last (ferry_cursor_fill says so): a scan that fits in one batch, like most short range
    // scans, costs one open, one fill and one close, and is never registered with the store.
    // A longer one is registered (Store.Track) after its first batch, so that Store.Dispose
    // can close its cursor, which would otherwise keep the engine open.
    //
    // One thread at a time, like any enumerator: its position in the buffer is not
    // synchronised; two threads' reads of the native cursor that overlap make one throw
    // InvalidOperationException (FERRY_STATUS_BUSY) instead of racing in native
    // code.
    internal sealed class ScanEnumerator : IEnumerator<KeyValuePair<byte[], byte[]>>, IStoreChild
    {
        private const int BufferSize = PackedLayout.BufferSize;
        private const int HeaderLength = PackedLayout.HeaderLength;
        private const long NotTracked = -1;

        private readonly Tree _tree;
        private readonly ScanKind _kind;
        private readonly byte[] _start;
        private readonly byte[] _end;
        private readonly bool _reverse;
        private readonly long _limit;
        // Null before the first MoveNext and once the last batch is read.
        private FerryCursorHandle _cursor;
        private long _registration = NotTracked;
        private bool _started;
        // The buffer holds the scan's last batch: no more native calls.
        private bool _lastBatch;
        private bool _finished;
        private byte[] _buffer;
        private int _offset;
        private int _remaining;
        private KeyValuePair<byte[], byte[]> _current;

        // The bounds are the Scan's own copies, never changed.
        internal ScanEnumerator(Tree tree, ScanKind kind, byte[] start, byte[] end, bool reverse, long limit)
        {
            _tree = tree;
            _kind = kind;
            _start = start;
            _end = end;
            _reverse = reverse;
            _limit = limit;
        }

        public KeyValuePair<byte[], byte[]> Current => _current;

        object IEnumerator.Current => _current;

        public bool MoveNext()
        {
            if (_finished) return false;
            if (_tree.Store.IsDisposed) throw new ObjectDisposedException(nameof(Tree), "The scan's store was disposed.");
            if (_remaining == 0 && !Refill())
            {
                _finished = true;
                Dispose();
                return false;
            }
            var buffer = _buffer;
            var keyLength = PackedLayout.ReadLength(buffer, _offset);
            var valueLength = PackedLayout.ReadLength(buffer, _offset + 4);
            var at = _offset + HeaderLength;
            var key = PackedLayout.Copy(buffer, at, keyLength);
            var value = PackedLayout.Copy(buffer, at + keyLength, valueLength);
            _offset = at + keyLength + valueLength;
            _remaining--;
            _current = new KeyValuePair<byte[], byte[]>(key, value);
            return true;
        }

        // Reads the next batch of entries; false at the end of the scan.
        private bool Refill()
        {
            if (_lastBatch) return false;
            if (!_started)
            {
                _started = true;
                _cursor = _tree.OpenCursor(_kind, _start, _end, _reverse, _limit);
                _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            }
            else if (_cursor.IsClosed)
            {
                throw new ObjectDisposedException(nameof(Tree), "The scan's store was disposed.");
            }
            while (true)
            {
                ulong count, used;
                byte finished;
                var status = _cursor.Fill(_buffer, out count, out used, out finished);
                if (status == FerryStatus.BufferTooSmall)
                {
                    // One entry is larger than the buffer: grow to fit it and ask again.
                    ArrayPool<byte>.Shared.Return(_buffer);
                    _buffer = null;
                    _buffer = ArrayPool<byte>.Shared.Rent(checked((int)used));
                    continue;
                }
                _offset = 0;
                _remaining = (int)count;
                if (finished != 0 || count == 0)
                {
                    _lastBatch = true;
                    CloseCursor();
                }
                else if (_registration == NotTracked)
                {
                    _registration = _tree.Store.Track(this);
                    if (_registration < 0)
                    {
                        _registration = NotTracked;
                        CloseCursor();
                        throw new ObjectDisposedException(nameof(Store), "The store was disposed.");
                    }
                }
                return count > 0;
            }
        }

        // Frees the native cursor, and the store's registration of this enumerator.
        private void CloseCursor()
        {
            var cursor = _cursor;
            _cursor = null;
            if (cursor != null) cursor.Dispose();
            if (_registration != NotTracked)
            {
                _tree.Store.Untrack(_registration);
                _registration = NotTracked;
            }
        }

        public void Reset() => throw new NotSupportedException("A scan cannot be rewound; enumerate it again.");

        // Called by Store.Dispose, maybe from another thread: closes the cursor only, and leaves
        // the buffer to this enumerator's owner, who may be reading it right now.
        void IStoreChild.CloseFromStore()
        {
            var cursor = _cursor;
            if (cursor != null) cursor.Dispose();
        }

        public void Dispose()
        {
            CloseCursor();
            var buffer = _buffer;
            _buffer = null;
            if (buffer != null) ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
