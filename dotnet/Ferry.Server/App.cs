using System;
using System.IO;

namespace Ferry.Server
{
    /// <summary>What the request handlers share: the store, the documents tree and the settings.</summary>
    internal sealed class App
    {
        public App(Store store, Tree documents, ServerOptions options)
        {
            Store = store;
            Documents = documents;
            MaxBodyBytes = options.MaxBodyBytes;
            Commits = new GroupCommit(options.Durability, store.Flush);
            Cors = new Cors(options.CorsOrigins);
            StaticFiles = new StaticFiles(StaticFiles.Locate(options.UiDirectory));
            OpenApi = LoadOpenApi();
        }

        public Store Store { get; }

        public Tree Documents { get; }

        public long MaxBodyBytes { get; }

        /// <summary>Every handler that changes data calls <see cref="GroupCommit.Commit"/> before answering 2xx.</summary>
        public GroupCommit Commits { get; }

        public Cors Cors { get; }

        public StaticFiles StaticFiles { get; }

        /// <summary>The OpenAPI document, embedded in the exe as the resource "openapi.json".</summary>
        public byte[] OpenApi { get; }

        private static byte[] LoadOpenApi()
        {
            using (var stream = typeof(App).Assembly.GetManifestResourceStream("openapi.json"))
            {
                if (stream == null) throw new InvalidOperationException("The exe has no embedded openapi.json; build it with scripts/build-server.sh.");
                var bytes = new MemoryStream();
                stream.CopyTo(bytes);
                return bytes.ToArray();
            }
        }
    }
}
