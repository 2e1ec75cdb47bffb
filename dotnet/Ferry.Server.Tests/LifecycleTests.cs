using System;
using System.IO;
using Mono.Unix.Native;
using NUnit.Framework;

namespace Ferry.Server.Tests
{
    /// <summary>Options, startup failures, SIGTERM/SIGINT shutdown, persistence across a restart.</summary>
    [TestFixture]
    public sealed class LifecycleTests
    {
        private TempDir _dir;

        [TestFixtureSetUp]
        public void MakeDir() => _dir = new TempDir("lifecycle");

        [TestFixtureTearDown]
        public void RemoveDir() => _dir?.Dispose();

        [TestCase("--bogus")]
        [TestCase("stray-argument")]
        [TestCase("--log-level", "loud")]
        [TestCase("--max-body-bytes", "0")]
        [TestCase("--max-body-bytes", "lots")]
        [TestCase("--max-body-bytes", "67108865")]
        [TestCase("--urls", "https://127.0.0.1:5000")]
        [TestCase("--urls", "http://127.0.0.1")]
        [TestCase("--urls", "http://127.0.0.1:5000,ftp://x:1")]
        [TestCase("--datapath")]
        [TestCase("--durability", "sometimes")]
        [TestCase("--durability")]
        public void BadOptionsPrintUsageAndExit2(params string[] args)
        {
            string stdout, stderr;
            var code = ServerProcess.Run(out stdout, out stderr, args);
            Assert.AreEqual(2, code, "exit code; stderr: " + stderr);
            StringAssert.Contains("Usage:", stderr);
            StringAssert.Contains("--datapath", stderr);
        }

        [Test]
        public void HelpExits0()
        {
            string stdout, stderr;
            Assert.AreEqual(0, ServerProcess.Run(out stdout, out stderr, "--help"));
            foreach (var option in new[] { "--datapath", "--urls", "--cors-origin", "--log-level", "--max-body-bytes", "--durability", "--ui", "--help" })
                StringAssert.Contains(option, stdout);
        }

        [Test]
        public void HelpIntoAClosedPipeExits0()
        {
            string stderr;
            Assert.AreEqual(0, ServerProcess.RunWithStdoutClosed(out stderr, "--help"), "stderr: " + stderr);
            StringAssert.DoesNotContain("Exception", stderr);
        }

        [Test]
        public void RestartKeepsDataAndSignalsStopCleanly()
        {
            var data = _dir.Sub("restart");
            using (var first = ServerProcess.Start(data))
            {
                var api = new Api(first);
                Assert.AreEqual(201, api.Put("/api/data/persisted", "{\"survives\":true}").Status);
                Assert.AreEqual(0, first.Stop(Signum.SIGTERM), "exit code after SIGTERM");
                StringAssert.Contains("\"msg\":\"stopped\"", first.Stdout);
            }
            using (var second = ServerProcess.Start(data))
            {
                var api = new Api(second);
                Assert.AreEqual("{\"survives\":true}", api.Get("/api/data/persisted").Text);
                Assert.AreEqual(201, api.Put("/api/data/persisted-2", "2").Status);
                Assert.AreEqual(0, second.Stop(Signum.SIGINT), "exit code after SIGINT (Ctrl-C)");
                StringAssert.Contains("\"msg\":\"stopped\"", second.Stdout);
            }
            using (var third = ServerProcess.Start(data))
            {
                Assert.AreEqual("2", new Api(third).Get("/api/data/persisted-2").Text);
            }
        }

        [Test]
        public void DurableByDefaultRelaxedOnRequest()
        {
            using (var server = ServerProcess.Start(_dir.Sub("durable")))
            {
                Assert.AreEqual(201, new Api(server).Put("/api/data/d", "1").Status);
                StringAssert.Contains("\"durability\":\"durable\"", server.Stdout);
                StringAssert.DoesNotContain("--durability relaxed", server.Stdout);
            }
            using (var server = ServerProcess.Start(_dir.Sub("relaxed"), "--durability", "relaxed"))
            {
                Assert.AreEqual(201, new Api(server).Put("/api/data/r", "1").Status);
                StringAssert.Contains("\"durability\":\"relaxed\"", server.Stdout);
                StringAssert.Contains("\"level\":\"warn\",\"msg\":\"--durability relaxed:", server.Stdout);
            }
        }

        [Test]
        public void SecondServerOnTheSameStoreFails()
        {
            var data = _dir.Sub("locked");
            using (ServerProcess.Start(data))
            {
                string stdout, stderr;
                var code = ServerProcess.Run(out stdout, out stderr, "--datapath", data, "--urls", "http://127.0.0.1:" + ServerProcess.FreePort());
                Assert.AreEqual(1, code, "stderr: " + stderr);
                StringAssert.Contains("cannot open the store", stderr);
            }
        }

        [Test]
        public void BusyPortFails()
        {
            using (var running = ServerProcess.Start(_dir.Sub("port-1")))
            {
                string stdout, stderr;
                var code = ServerProcess.Run(out stdout, out stderr, "--datapath", _dir.Sub("port-2"), "--urls", running.BaseUrl);
                Assert.AreEqual(1, code, "stderr: " + stderr);
                StringAssert.Contains("cannot listen", stderr);
            }
        }

        [Test]
        public void ListensOnEveryUrlOfACommaSeparatedList()
        {
            int second = ServerProcess.FreePort(), third = ServerProcess.FreePort();
            using (var server = ServerProcess.Start(_dir.Sub("urls"), "--urls", $"http://127.0.0.1:{second}/,http://localhost:{third}"))
            using (var client = ServerProcess.NewClient())
            {
                foreach (var url in new[] { $"http://127.0.0.1:{second}/health", $"http://localhost:{third}/health", $"http://localhost:{server.Port}/health" })
                    Assert.AreEqual(200, (int)client.GetAsync(url).Result.StatusCode, url);
                StringAssert.Contains($"Ferry.Server listening on http://127.0.0.1:{second}/", server.Stdout);
                StringAssert.Contains($"Ferry.Server listening on http://localhost:{third}/", server.Stdout);
            }
        }

        [Test]
        public void WithoutUiBuildTheRootSaysSo()
        {
            using (var server = ServerProcess.Start(_dir.Sub("no-ui"), "--ui", _dir.Sub("no-such-ui")))
            {
                var reply = new Api(server).Get("/");
                Assert.AreEqual(200, reply.Status);
                StringAssert.StartsWith("text/html", reply.ContentType);
                StringAssert.Contains("isn't built", reply.Text);
            }
        }
    }
}
