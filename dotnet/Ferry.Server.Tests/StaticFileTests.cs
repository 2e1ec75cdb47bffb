using System.IO;
using NUnit.Framework;

namespace Ferry.Server.Tests
{
    /// <summary>The UI's static files: content types, index.html fallback, no way out of the directory.</summary>
    [TestFixture]
    public sealed class StaticFileTests
    {
        private const string Index = "<!doctype html><title>test ui</title>";

        private TempDir _dir;
        private ServerProcess _server;
        private Api _api;

        [TestFixtureSetUp]
        public void StartServer()
        {
            _dir = new TempDir("static");
            var ui = _dir.Sub("ui");
            Directory.CreateDirectory(Path.Combine(ui, "assets"));
            File.WriteAllText(Path.Combine(ui, "index.html"), Index);
            File.WriteAllText(Path.Combine(ui, "assets", "app.js"), "console.log(1);");
            File.WriteAllText(Path.Combine(ui, "assets", "app.css"), "body{}");
            File.WriteAllText(Path.Combine(ui, "logo.svg"), "<svg/>");
            File.WriteAllText(Path.Combine(ui, "blob.bin"), "??");
            File.WriteAllText(_dir.Sub("secret.txt"), "top secret");
            _server = ServerProcess.Start(_dir.Sub("data"), "--ui", ui);
            _api = new Api(_server);
        }

        [TearDown]
        public void NoErrorLogged() => _server.AssertNoErrorLogged();

        [TestFixtureTearDown]
        public void StopServer()
        {
            _server?.Dispose();
            _dir?.Dispose();
        }

        [TestCase("/", "text/html; charset=utf-8", Index)]
        [TestCase("/index.html", "text/html; charset=utf-8", Index)]
        [TestCase("/assets/app.js", "text/javascript; charset=utf-8", "console.log(1);")]
        [TestCase("/assets/app.css", "text/css; charset=utf-8", "body{}")]
        [TestCase("/logo.svg", "image/svg+xml", "<svg/>")]
        [TestCase("/blob.bin", "application/octet-stream", "??")]
        public void ServesFilesWithTheirTypes(string path, string type, string content)
        {
            var reply = _api.Get(path);
            Assert.AreEqual(200, reply.Status, path);
            Assert.AreEqual(type, reply.ContentType, path);
            Assert.AreEqual(content, reply.Text, path);
        }

        [TestCase("/documents")]
        [TestCase("/documents/some-key/edit")]
        [TestCase("/assets")]
        public void ExtensionlessPathsFallBackToIndex(string path)
        {
            var reply = _api.Get(path);
            Assert.AreEqual(200, reply.Status);
            Assert.AreEqual(Index, reply.Text);
        }

        [Test]
        public void MissingFileWithExtensionIs404()
        {
            _api.AssertError(_api.Get("/assets/missing.js"), 404, "not_found");
        }

        [TestCase("/../secret.txt")]
        [TestCase("/assets/../../secret.txt")]
        [TestCase("/%2e%2e/secret.txt")]
        [TestCase("/assets/%2E%2E/%2E%2E/secret.txt")]
        [TestCase("/..%2Fsecret.txt")]
        [TestCase("/assets/..%5C..%5Csecret.txt")]
        public void NoTraversal(string target)
        {
            var reply = RawHttp.Send(_server.Port, "GET", target);
            StringAssert.DoesNotContain("top secret", reply.Text, target);
            _api.AssertError(reply, 404, "not_found", target);
        }
    }
}
