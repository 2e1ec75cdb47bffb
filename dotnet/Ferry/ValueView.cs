using System;

namespace Ferry
{
    /// <summary>Reads a value's bytes in place; see <see cref="Tree.TryRead{TResult}(ReadOnlySpan{byte}, ValueReader{TResult}, out TResult)"/>.</summary>
    /// <typeparam name="TResult">What the reader makes of the bytes.</typeparam>
    /// <param name="value">The value's bytes, valid only during the call.</param>
    public delegate TResult ValueReader<TResult>(ReadOnlySpan<byte> value);

    /// <summary>
    /// A value read without copying, from <see cref="Tree.GetView(ReadOnlySpan{byte})"/>. The bytes live in
    /// native memory and stay valid and unchanged until the view is disposed, whatever happens to
    /// the tree or the store meanwhile (a view does not keep the store open). Dispose it promptly:
    /// it holds the value's memory. Keep the view referenced while you use its
    /// <see cref="Span"/>: an unreferenced view may be finalized, freeing the bytes.
    /// </summary>
    public sealed class ValueView : IDisposable
    {
        private readonly FerryViewHandle _handle;
        private readonly IntPtr _data;
        private readonly int _length;

        internal ValueView(FerryViewHandle handle)
        {
            _handle = handle;
            FerryBytes bytes;
            _handle.Bytes(out bytes);
            _data = bytes.data;
            _length = (int)bytes.len;
        }

        /// <summary>The number of bytes.</summary>
        /// <exception cref="ObjectDisposedException">The view was disposed.</exception>
        public int Length
        {
            get
            {
                if (_handle.IsClosed) throw new ObjectDisposedException(nameof(ValueView));
                return _length;
            }
        }

        /// <summary>The bytes. Do not keep the span past <see cref="Dispose"/>.</summary>
        /// <exception cref="ObjectDisposedException">The view was disposed.</exception>
        public unsafe ReadOnlySpan<byte> Span
        {
            get
            {
                if (_handle.IsClosed) throw new ObjectDisposedException(nameof(ValueView));
                return new ReadOnlySpan<byte>(_data.ToPointer(), _length);
            }
        }

        /// <summary>Copies the bytes into a new array.</summary>
        public byte[] ToArray() => Span.ToArray();

        /// <summary>Releases the value's native memory. Disposing twice is harmless.</summary>
        public void Dispose() => _handle.Dispose();
    }
}
