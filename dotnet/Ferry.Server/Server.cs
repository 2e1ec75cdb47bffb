using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;

namespace Ferry.Server
{
    /// <summary>
    /// The HttpListener loop: a few outstanding BeginGetContext calls, each re-armed as soon as it
    /// completes, and the request handled on that thread-pool thread, so requests run
    /// concurrently. <see cref="Stop"/> stops taking requests, waits for the ones in flight, then
    /// closes the listener.
    /// </summary>
    internal sealed class Server
    {
        private const int PendingAccepts = 4;

        private readonly HttpListener _listener = new HttpListener();
        private readonly Router _router;
        private int _inFlight;
        private int _stopping;

        public Server(App app, IEnumerable<string> prefixes)
        {
            App = app;
            _router = new Router(app);
            foreach (var prefix in prefixes)
            {
                _listener.Prefixes.Add(prefix);
                // Browsers say "localhost" as often as "127.0.0.1": answer to both names.
                var alias = prefix.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)
                    ? "http://localhost:" + prefix.Substring("http://127.0.0.1:".Length)
                    : prefix.StartsWith("http://localhost:", StringComparison.Ordinal)
                        ? "http://127.0.0.1:" + prefix.Substring("http://localhost:".Length)
                        : null;
                if (alias != null && !_listener.Prefixes.Contains(alias)) _listener.Prefixes.Add(alias);
            }
        }

        public App App { get; }

        public void Start()
        {
            // Handlers block in native calls and on the network: start with enough threads for a
            // burst of connections instead of waiting for the pool to grow.
            int workers, io;
            ThreadPool.GetMinThreads(out workers, out io);
            ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
            _listener.IgnoreWriteExceptions = true;
            if (!IriParsing.Disable()) Log.Warn("cannot turn off System.Uri's IRI parsing; some request URLs may crash Mono's HttpListener");
            _listener.Start();
            if (!NoDelay.Supported) Log.Warn("cannot reach HttpListener's sockets to set TCP_NODELAY; streamed responses will be slower");
            for (var i = 0; i < PendingAccepts; i++) Accept();
        }

        private void Accept()
        {
            if (Volatile.Read(ref _stopping) != 0) return;
            try
            {
                _listener.BeginGetContext(OnContext, null);
            }
            catch (Exception e) when (e is ObjectDisposedException || e is HttpListenerException || e is InvalidOperationException)
            {
                if (Volatile.Read(ref _stopping) == 0) Log.Error("the listener failed", e);
            }
        }

        private void OnContext(IAsyncResult result)
        {
            HttpListenerContext context;
            try
            {
                context = _listener.EndGetContext(result);
            }
            catch (Exception e) when (e is ObjectDisposedException || e is HttpListenerException || e is InvalidOperationException)
            {
                if (Volatile.Read(ref _stopping) == 0)
                {
                    Log.Warn("accepting a request failed", "error", e.Message);
                    Accept();
                }
                return;
            }
            Accept();
            Interlocked.Increment(ref _inFlight);
            try
            {
                if (Volatile.Read(ref _stopping) != 0)
                {
                    context.Response.Abort();
                    return;
                }
                NoDelay.Apply(context);
                _router.Handle(context);
            }
            catch (Exception e)
            {
                // Router.Handle catches everything; this is the last line of defence for the loop.
                Log.Error("request handling failed", e);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        /// <summary>Stops taking requests, waits up to <paramref name="grace"/> for those in flight, closes.</summary>
        public void Stop(TimeSpan grace)
        {
            Interlocked.Exchange(ref _stopping, 1);
            var deadline = DateTime.UtcNow + grace;
            while (Volatile.Read(ref _inFlight) > 0 && DateTime.UtcNow < deadline) Thread.Sleep(10);
            var left = Volatile.Read(ref _inFlight);
            if (left > 0) Log.Warn("stopping with requests still running", "count", left.ToString());
            try
            {
                _listener.Close();
            }
            catch (Exception e)
            {
                Log.Warn("closing the listener failed", "error", e.Message);
            }
        }
    }
}
