using System;
using System.Threading;

namespace Ferry.Server
{
    /// <summary>What a 2xx answer to a write promises (<c>--durability</c>, docs/http-api.md).</summary>
    internal enum Durability
    {
        /// <summary>The change was flushed (Store.Flush returned) before the answer was sent.</summary>
        Durable,

        /// <summary>
        /// The change is in memory only; sled's background flush (every 500 ms) writes it out
        /// later, so a crash can lose the writes answered in the last ~500 ms.
        /// </summary>
        Relaxed,
    }

    /// <summary>
    /// Makes a write durable before its request is answered, sharing flushes between concurrent
    /// requests (group commit).
    /// <para>Each completed write takes the next number of a sequence (<see cref="Commit"/>). A
    /// flush covers every write that returned before the flush was called (Store.Flush's
    /// promise), so a flush that reads the sequence as N when it starts makes writes 1..N
    /// durable. One flush runs at a time, on the thread of a request that needs it (the
    /// leader); requests whose writes complete meanwhile wait, and the first of them to wake
    /// starts the next flush for all of them. So under load each flush serves every write that
    /// completed during the previous one, and a lone client pays one flush per write.</para>
    /// <para>A failed flush fails every request it was to cover with <see cref="NotDurableException"/>
    /// (their changes are applied in memory but may or may not survive a crash); requests whose
    /// writes completed later wait for a later flush, which may succeed. Only a successful flush
    /// that started after a write completed makes that write's request succeed.</para>
    /// <para>With <see cref="Durability.Relaxed"/>, <see cref="Commit"/> returns at once.</para>
    /// </summary>
    internal sealed class GroupCommit
    {
        private readonly Action _flush;
        private readonly object _gate = new object();

        // The number of writes completed so far; the sequence number of the last one.
        private long _written;

        // Writes 1.._durable are durable: a flush that started after they completed succeeded.
        private long _durable;

        // The highest sequence number a failed flush was to cover, and that flush's error.
        private long _failedThrough;
        private Exception _failure;

        private bool _flushing;
        private long _flushes;

        /// <param name="mode">Whether <see cref="Commit"/> flushes at all.</param>
        /// <param name="flush">Makes every write that returned before the call durable, or throws (Store.Flush).</param>
        public GroupCommit(Durability mode, Action flush)
        {
            Mode = mode;
            _flush = flush ?? throw new ArgumentNullException(nameof(flush));
        }

        public Durability Mode { get; }

        /// <summary>How many writes <see cref="Commit"/> has been called for (0 when relaxed).</summary>
        public long Writes => Interlocked.Read(ref _written);

        /// <summary>How many flushes <see cref="Commit"/> has run (successful or not).</summary>
        public long Flushes => Interlocked.Read(ref _flushes);

        /// <summary>
        /// Call after a write has returned, before answering its request: returns once the write
        /// is durable (at once when <see cref="Mode"/> is relaxed).
        /// </summary>
        /// <exception cref="NotDurableException">The flush meant to cover the write failed.</exception>
        public void Commit()
        {
            if (Mode == Durability.Relaxed) return;
            var sequence = Interlocked.Increment(ref _written);
            lock (_gate)
            {
                while (true)
                {
                    if (_durable >= sequence) return;
                    if (_failedThrough >= sequence) throw new NotDurableException(_failure);
                    if (_flushing)
                    {
                        Monitor.Wait(_gate);
                        continue;
                    }
                    Lead();
                }
            }
        }

        /// <summary>
        /// Runs one flush for every write completed so far. Called holding the lock; releases it
        /// while flushing and holds it again on return, also when the flush throws something
        /// unexpected (which then fails this request with a 500; the waiters start a flush of
        /// their own).
        /// </summary>
        private void Lead()
        {
            _flushing = true;
            var target = Interlocked.Read(ref _written);
            Exception failure = null;
            Monitor.Exit(_gate);
            try
            {
                Interlocked.Increment(ref _flushes);
                _flush();
            }
            catch (Exception e) when (e is FerryException || e is ObjectDisposedException)
            {
                failure = e;
            }
            finally
            {
                Monitor.Enter(_gate);
                _flushing = false;
                Monitor.PulseAll(_gate);
            }
            if (failure == null)
            {
                _durable = Math.Max(_durable, target);
            }
            else
            {
                _failedThrough = Math.Max(_failedThrough, target);
                _failure = failure;
            }
        }
    }

    /// <summary>
    /// A write was applied but the flush that was to make it durable failed: whether it survives
    /// a crash is unknown. The router answers 500 <c>not_durable</c>.
    /// </summary>
    internal sealed class NotDurableException : Exception
    {
        public NotDurableException(Exception flushError)
            : base("the change was applied, but flushing it to disk failed (" + flushError.Message + "); " +
                "it is visible to reads now but may be lost if the server stops; see the server's log", flushError)
        {
        }
    }
}
