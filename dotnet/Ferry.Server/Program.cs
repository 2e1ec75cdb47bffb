using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Mono.Unix;
using Mono.Unix.Native;

namespace Ferry.Server
{
    /// <summary>Startup and shutdown: options, the store, the listener, signals.</summary>
    internal static class Program
    {
        internal const string Name = "Ferry.Server";

        /// <summary>The tree holding the documents (docs/http-api.md).</summary>
        internal const string DocumentsTree = "documents";

        private static int Main(string[] args)
        {
            ServerOptions options;
            string error;
            if (!ServerOptions.TryParse(args, out options, out error))
            {
                Console.Error.WriteLine($"{Name}: {error}");
                Console.Error.WriteLine();
                ServerOptions.WriteUsage(Console.Error);
                return 2;
            }
            if (options.ShowHelp)
            {
                try
                {
                    ServerOptions.WriteUsage(Console.Out);
                    Console.Out.Flush();
                }
                catch (IOException)
                {
                    // The reader went away (`--help | head`): nothing left to tell it.
                }
                return 0;
            }
            Log.Configure(options.LogLevel);

            Store store;
            try
            {
                store = Store.Open(options.DataPath);
            }
            catch (Exception e) when (e is FerryException || e is ArgumentException || e is IOException || e is UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{Name}: cannot open the store at '{options.DataPath}': {e.Message}");
                return 1;
            }

            // From here on a SIGTERM or Ctrl-C means an orderly stop: flush, close, exit 0.
            var stop = new ManualResetEventSlim();
            WatchSignals(stop);

            App app;
            try
            {
                app = new App(store, store.OpenTree(DocumentsTree), options);
            }
            catch (Exception e) when (e is FerryException || e is InvalidOperationException || e is IOException)
            {
                Console.Error.WriteLine($"{Name}: cannot start: {e.Message}");
                store.Dispose();
                return 1;
            }

            var server = new Server(app, options.Prefixes);
            try
            {
                server.Start();
            }
            catch (Exception e) when (e is HttpListenerException || e is SocketException || e is InvalidOperationException || e is IOException)
            {
                Console.Error.WriteLine($"{Name}: cannot listen on {string.Join(", ", options.Prefixes)}: {e.Message}");
                store.Dispose();
                return 1;
            }

            foreach (var prefix in options.Prefixes) Log.Plain($"{Name} listening on {prefix}");
            Log.Info("started", "datapath", Path.GetFullPath(options.DataPath), "ui", server.App.StaticFiles.Root,
                "durability", options.Durability == Durability.Durable ? "durable" : "relaxed");
            if (options.Durability == Durability.Relaxed)
                Log.Warn("--durability relaxed: writes are answered before they are flushed; a crash can lose those answered in the last ~500 ms");

            stop.Wait();
            Log.Info("stopping");
            var exitCode = 0;
            server.Stop(TimeSpan.FromSeconds(10));
            try
            {
                store.Flush();
            }
            catch (FerryException e)
            {
                Log.Error("flush failed at shutdown", e);
                exitCode = 1;
            }
            store.Dispose();
            Log.Info("stopped", "durable_writes", app.Commits.Writes.ToString(), "flushes", app.Commits.Flushes.ToString());
            Log.Flush();
            return exitCode;
        }

        /// <summary>
        /// Sets <paramref name="stop"/> on SIGTERM or SIGINT (Ctrl-C), from a background thread.
        /// Not Console.CancelKeyPress: on Mono 6.8 subscribing to it starts the terminfo console
        /// driver, which clears the terminal and waits ~1 s for a cursor-position reply at startup,
        /// and without a terminal (a background server) it never fires, so SIGINT killed the process
        /// unflushed. A UnixSignal sees SIGINT either way.
        /// </summary>
        private static void WatchSignals(ManualResetEventSlim stop)
        {
            var signals = new[] { new UnixSignal(Signum.SIGTERM), new UnixSignal(Signum.SIGINT) };
            var watcher = new Thread(() =>
            {
                while (true)
                {
                    var index = UnixSignal.WaitAny(signals, -1);
                    if (index >= 0 && index < signals.Length)
                    {
                        Log.Info("signal", "signal", signals[index].Signum.ToString());
                        stop.Set();
                        return;
                    }
                }
            })
            {
                IsBackground = true,
                Name = "sigterm",
            };
            watcher.Start();
        }
    }
}
