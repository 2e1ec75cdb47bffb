using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using Mono.Unix.Native;
using NUnit.Framework;

namespace Ferry.Server.Tests
{
    /// <summary>
    /// The real Ferry.Server.exe as a child process on a free port (mono, LD_LIBRARY_PATH set),
    /// with its stdout and stderr captured.
    /// </summary>
    internal sealed class ServerProcess : IDisposable
    {
        private readonly StringBuilder _stdout = new StringBuilder();
        private readonly StringBuilder _stderr = new StringBuilder();
        private readonly Process _process;

        static ServerProcess()
        {
            // Tests block on HttpClient tasks from parallel loops: without spare pool threads and
            // connections, Mono's pool grows one thread per ~0.5 s and requests queue behind it.
            ThreadPool.SetMinThreads(64, 64);
            ServicePointManager.DefaultConnectionLimit = 64;
        }

        private ServerProcess(Process process, int port)
        {
            _process = process;
            Port = port;
            BaseUrl = "http://127.0.0.1:" + port;
            Client = NewClient();
        }

        public int Port { get; }

        public string BaseUrl { get; }

        public HttpClient Client { get; }

        public int Pid => _process.Id;

        public string Stdout
        {
            get { lock (_stdout) return _stdout.ToString(); }
        }

        public string Stderr
        {
            get { lock (_stderr) return _stderr.ToString(); }
        }

        /// <summary>The directory holding Ferry.Server.exe, Ferry.dll and libferry.so (this assembly's).</summary>
        public static string BinDirectory =>
            Environment.GetEnvironmentVariable("FERRY_SERVER_DIR") ?? Path.GetDirectoryName(typeof(ServerProcess).Assembly.Location);

        public static string Exe => Path.Combine(BinDirectory, "Ferry.Server.exe");

        /// <summary>Starts the server on <paramref name="dataPath"/> and waits until /health answers.</summary>
        public static ServerProcess Start(string dataPath, params string[] extraArgs)
        {
            var port = FreePort();
            var args = new StringBuilder();
            args.Append(Quote(Exe)).Append(" --datapath ").Append(Quote(dataPath)).Append(" --urls http://127.0.0.1:").Append(port);
            foreach (var arg in extraArgs) args.Append(' ').Append(Quote(arg));
            var server = new ServerProcess(Launch(args.ToString()), port);
            server.Attach();
            server.WaitUntilHealthy(TimeSpan.FromSeconds(30));
            return server;
        }

        /// <summary>Runs the exe with <paramref name="args"/> to completion: exit code, stdout, stderr.</summary>
        public static int Run(out string stdout, out string stderr, params string[] args)
        {
            var line = new StringBuilder(Quote(Exe));
            foreach (var arg in args) line.Append(' ').Append(Quote(arg));
            using (var process = Launch(line.ToString()))
            {
                var err = process.StandardError.ReadToEndAsync();
                stdout = process.StandardOutput.ReadToEnd();
                stderr = err.Result;
                if (!process.WaitForExit(30000))
                {
                    process.Kill();
                    Assert.Fail("Ferry.Server.exe " + string.Join(" ", args) + " did not exit");
                }
                return process.ExitCode;
            }
        }

        /// <summary>Runs the server with <paramref name="args"/> and closes its standard output
        /// at once, as <c>| head</c> does once it has read enough; returns the exit code.</summary>
        public static int RunWithStdoutClosed(out string stderr, params string[] args)
        {
            var line = new StringBuilder(Quote(Exe));
            foreach (var arg in args) line.Append(' ').Append(Quote(arg));
            using (var process = Launch(line.ToString()))
            {
                var err = process.StandardError.ReadToEndAsync();
                process.StandardOutput.Close();
                if (!process.WaitForExit(30000))
                {
                    process.Kill();
                    Assert.Fail("Ferry.Server.exe " + string.Join(" ", args) + " did not exit");
                }
                stderr = err.Result;
                return process.ExitCode;
            }
        }

        private static Process Launch(string arguments)
        {
            var info = new ProcessStartInfo("mono", arguments)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                WorkingDirectory = Path.GetTempPath(), // a crash dump must not land in the repository
            };
            var libraryPath = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
            info.EnvironmentVariables["LD_LIBRARY_PATH"] = BinDirectory + (string.IsNullOrEmpty(libraryPath) ? "" : ":" + libraryPath);
            // As scripts/run-server.sh runs it, unless the caller chose a mode.
            info.EnvironmentVariables["MONO_THREADS_SUSPEND"] = Environment.GetEnvironmentVariable("MONO_THREADS_SUSPEND") ?? "preemptive";
            return Process.Start(info);
        }

        private void Attach()
        {
            _process.OutputDataReceived += (s, e) =>
            {
                if (e.Data != null) lock (_stdout) _stdout.AppendLine(e.Data);
            };
            _process.ErrorDataReceived += (s, e) =>
            {
                if (e.Data != null) lock (_stderr) _stderr.AppendLine(e.Data);
            };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        private void WaitUntilHealthy(TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            using (var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) })
            {
                while (DateTime.UtcNow < deadline)
                {
                    if (_process.HasExited) Assert.Fail($"the server exited with {_process.ExitCode} at startup.\nstdout: {Stdout}\nstderr: {Stderr}");
                    try
                    {
                        if (probe.GetAsync(BaseUrl + "/health").Result.StatusCode == HttpStatusCode.OK) return;
                    }
                    catch (AggregateException)
                    {
                        // Not listening yet.
                    }
                    Thread.Sleep(50);
                }
            }
            Dispose();
            Assert.Fail($"the server did not answer /health within {timeout.TotalSeconds} s.\nstdout: {Stdout}\nstderr: {Stderr}");
        }

        /// <summary>Sends <paramref name="signal"/> and waits for the exit; returns the exit code.</summary>
        public int Stop(Signum signal = Signum.SIGTERM, int timeoutMs = 20000)
        {
            Client.Dispose();
            Assert.AreEqual(0, Syscall.kill(_process.Id, signal), "kill(2) failed");
            Assert.IsTrue(_process.WaitForExit(timeoutMs), $"the server did not exit within {timeoutMs} ms of {signal}.\nstdout: {Stdout}");
            _process.WaitForExit(); // drains the redirected output
            return _process.ExitCode;
        }

        public bool HasExited => _process.HasExited;

        /// <summary>Fails if the server logged an error (a 500, an unhandled exception).</summary>
        public void AssertNoErrorLogged()
        {
            if (_process.HasExited)
            {
                var stdout = Stdout;
                Assert.Fail($"the server died (exit {_process.ExitCode}).\nstderr: {Stderr}\nstdout (end): {stdout.Substring(Math.Max(0, stdout.Length - 3000))}");
            }
            foreach (var line in Stdout.Split('\n'))
            {
                if (line.Contains("\"level\":\"error\"")) Assert.Fail("the server logged an error: " + line);
            }
        }

        public void Dispose()
        {
            Client.Dispose();
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill();
                    _process.WaitForExit(10000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            _process.Dispose();
        }

        public static HttpClient NewClient()
        {
            var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.ExpectContinue = false;
            return client;
        }

        public static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static string Quote(string arg) =>
            arg.Length > 0 && arg.IndexOfAny(new[] { ' ', '"', '\'', '\\', '*' }) < 0 ? arg : "\"" + arg.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }

    /// <summary>A temporary directory, deleted on dispose.</summary>
    internal sealed class TempDir : IDisposable
    {
        public TempDir(string name)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ferry-server-tests-" + name + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Sub(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
