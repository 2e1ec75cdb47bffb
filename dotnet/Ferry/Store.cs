using System;
using System.Collections.Generic;

namespace Ferry
{
    /// <summary>
    /// An open Ferry store: a directory holding named, ordered <see cref="Tree"/>s of byte keys
    /// and byte values.
    /// </summary>
    /// <remarks>
    /// <para>A store is safe to share between threads. Dispose it to close the files; trees,
    /// views and scans obtained from it are closed with it, and using them afterwards throws
    /// <see cref="ObjectDisposedException"/>. A store that is never disposed is closed by its
    /// finalizer, but not flushed.</para>
    /// <para>Durability: a write is durable once a later <see cref="Flush"/> has returned. The
    /// background flusher (<see cref="StoreOptions.FlushEveryMilliseconds"/>) narrows what a
    /// crash can lose but promises nothing.</para>
    /// </remarks>
    public sealed class Store : IDisposable
    {
        /// <summary>The name of the tree every store has (<see cref="DefaultTree"/>).</summary>
        public const string DefaultTreeName = "default";

        private readonly FerryStoreHandle _handle;
        private readonly object _gate = new object();
        private readonly Dictionary<string, Tree> _trees = new Dictionary<string, Tree>(StringComparer.Ordinal);
        // Scans in progress, weakly: an enumerator nobody disposes is still collected (its
        // cursor's SafeHandle frees the native cursor).
        private readonly Dictionary<long, WeakReference<IStoreChild>> _children = new Dictionary<long, WeakReference<IStoreChild>>();
        private long _nextChild;
        private Tree _defaultTree;
        private volatile bool _disposed;

        private Store(FerryStoreHandle handle, string path)
        {
            _handle = handle;
            Path = path;
        }

        /// <summary>The directory given to <see cref="Open(string, StoreOptions)"/>.</summary>
        public string Path { get; }

        /// <summary>
        /// Opens the store in directory <paramref name="path"/>, creating it if needed.
        /// </summary>
        /// <param name="path">The store's directory.</param>
        /// <param name="options">How to open it; null for the defaults.</param>
        /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
        /// <exception cref="FerryException">The store is already open (<see cref="FerryStatus.Locked"/>),
        /// or the files cannot be used (<see cref="FerryStatus.Io"/>, <see cref="FerryStatus.Corruption"/>).</exception>
        public static Store Open(string path, StoreOptions options = null)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            if (path.Length == 0) throw new ArgumentException("The path must not be empty.", nameof(path));
            if (path.IndexOf('\0') >= 0) throw new ArgumentException("The path must not contain a NUL character.", nameof(path));
            var native = (options ?? new StoreOptions()).ToNative();
            FerryStoreHandle handle;
            FerryStoreHandle.Open(out handle, path, ref native);
            return new Store(handle, path);
        }

        /// <summary>The tree every store has, named <see cref="DefaultTreeName"/>.</summary>
        /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
        public Tree DefaultTree
        {
            get
            {
                ThrowIfDisposed();
                return _defaultTree ?? (_defaultTree = OpenTree(DefaultTreeName));
            }
        }

        /// <summary>
        /// The tree called <paramref name="name"/>, created empty if new. Repeated calls return the
        /// same <see cref="Tree"/>.
        /// </summary>
        /// <param name="name">1 to 255 bytes of UTF-8, no control characters, not starting with
        /// <c>__</c>; <see cref="DefaultTreeName"/> names the default tree.</param>
        /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="name"/> breaks the naming rules.</exception>
        /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
        public Tree OpenTree(string name)
        {
            CheckName(name);
            lock (_gate)
            {
                ThrowIfDisposed();
                Tree tree;
                if (_trees.TryGetValue(name, out tree)) return tree;
                FerryTreeHandle handle;
                try
                {
                    FerryTreeHandle.Open(out handle, _handle, name);
                }
                catch (FerryException e) when (e.Status == FerryStatus.InvalidTreeName || e.Status == FerryStatus.InvalidArgument)
                {
                    throw new ArgumentException(e.Message, nameof(name), e);
                }
                tree = new Tree(this, handle, name);
                _trees.Add(name, tree);
                return tree;
            }
        }

        /// <summary>Deletes the tree called <paramref name="name"/> and all its entries.</summary>
        /// <returns>True if the tree existed.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
        /// <exception cref="ArgumentException">The name is invalid, or names the default tree.</exception>
        /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
        public bool DropTree(string name)
        {
            CheckName(name);
            if (name == DefaultTreeName) throw new ArgumentException("The default tree cannot be dropped.", nameof(name));
            lock (_gate)
            {
                ThrowIfDisposed();
                // Close our Tree first, so later calls through it throw ObjectDisposedException;
                // a call already under way may end with FerryException (TreeDropped).
                Tree dropped;
                if (_trees.TryGetValue(name, out dropped))
                {
                    _trees.Remove(name);
                    dropped.Close();
                }
                FerryStatus status;
                try
                {
                    status = _handle.DropTree(name);
                }
                catch (FerryException e) when (e.Status == FerryStatus.InvalidTreeName || e.Status == FerryStatus.InvalidArgument)
                {
                    throw new ArgumentException(e.Message, nameof(name), e);
                }
                return status == FerryStatus.Ok;
            }
        }

        /// <summary>
        /// Makes every write that returned before this call durable (written and fsync'd), in all trees.
        /// Threads that flush at the same time share the work: a flush that finds another one
        /// running waits for it, then one flush covers all the callers that waited.
        /// </summary>
        /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
        /// <exception cref="FerryException">The files could not be written.</exception>
        public void Flush()
        {
            ThrowIfDisposed();
            _handle.Flush();
        }

        /// <summary>Counts entries and trees and measures the files on disk (walks every tree).</summary>
        /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
        public StoreStats GetStats()
        {
            ThrowIfDisposed();
            FerryStats stats;
            _handle.Stats(out stats);
            return new StoreStats(stats);
        }

        /// <summary>
        /// Closes the store, its trees and its scans in progress (using them afterwards throws
        /// <see cref="ObjectDisposedException"/>). <see cref="ValueView"/>s stay readable until
        /// they are disposed. Does not flush: call <see cref="Flush"/> first. Disposing twice is
        /// harmless.
        /// </summary>
        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                IStoreChild child;
                foreach (var weak in _children.Values)
                {
                    if (weak.TryGetTarget(out child)) child.CloseFromStore();
                }
                _children.Clear();
                foreach (var tree in _trees.Values) tree.Close();
                _trees.Clear();
                _handle.Dispose();
            }
        }

        /// <summary>True once <see cref="Dispose"/> has run.</summary>
        public bool IsDisposed => _disposed;

        private static void CheckName(string name)
        {
            if (name == null) throw new ArgumentNullException(nameof(name));
            // C strings end at a NUL: "a\0b" would silently name tree "a".
            if (name.IndexOf('\0') >= 0) throw new ArgumentException("A tree name must not contain a NUL character.", nameof(name));
        }

        internal void ThrowIfDisposed()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(Store), "The store was disposed.");
        }

        // Registers a scan to close with the store; returns its registration id, or -1 if the
        // store is already disposed.
        internal long Track(IStoreChild child)
        {
            lock (_gate)
            {
                if (_disposed) return -1;
                if (_children.Count >= 64 && (_nextChild & 63) == 0) PruneCollected();
                var id = _nextChild++;
                _children.Add(id, new WeakReference<IStoreChild>(child));
                return id;
            }
        }

        internal void Untrack(long id)
        {
            lock (_gate) _children.Remove(id);
        }

        private void PruneCollected()
        {
            var dead = new List<long>();
            IStoreChild child;
            foreach (var entry in _children)
            {
                if (!entry.Value.TryGetTarget(out child)) dead.Add(entry.Key);
            }
            foreach (var id in dead) _children.Remove(id);
        }
    }

    // Something the store closes when it is disposed, possibly from another thread.
    internal interface IStoreChild
    {
        // Closes the native handle only; the owner frees its managed state in its own Dispose.
        void CloseFromStore();
    }
}
