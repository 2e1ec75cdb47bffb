using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Ferry.Server.Tests
{
    /// <summary>The seed scenario on an empty store: create, list, delete, list.</summary>
    [TestFixture]
    public sealed class SeedScenarioTests
    {
        private TempDir _dir;
        private ServerProcess _server;
        private Api _api;

        [TestFixtureSetUp]
        public void StartServer()
        {
            _dir = new TempDir("seed");
            _server = ServerProcess.Start(_dir.Sub("data"));
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

        [Test]
        public void PostListDeleteList()
        {
            var document = JObject.Parse("{\"title\":\"first\",\"tags\":[\"a\",\"b\"],\"n\":1}");

            var created = _api.Post("/api/data/testdocs-1", document.ToString());
            Assert.AreEqual(201, created.Status, created.Text);
            Assert.IsTrue(JToken.DeepEquals(JObject.Parse("{\"key\":\"testdocs-1\",\"created\":true}"), created.Json), created.Text);

            var list = _api.Get("/api/data");
            Assert.AreEqual(200, list.Status);
            Assert.AreEqual("application/json; charset=utf-8", list.ContentType);
            var entries = (JArray)list.Json;
            Assert.AreEqual(1, entries.Count, list.Text);
            Assert.AreEqual("testdocs-1", (string)entries[0]["key"]);
            Assert.IsTrue(JToken.DeepEquals(document, entries[0]["value"]), list.Text);

            var deleted = _api.Delete("/api/data/testdocs-1");
            Assert.AreEqual(204, deleted.Status);
            Assert.AreEqual(0, deleted.Body.Length);

            var empty = _api.Get("/api/data");
            Assert.AreEqual(200, empty.Status);
            Assert.AreEqual(0, ((JArray)empty.Json).Count, empty.Text);
        }
    }
}
