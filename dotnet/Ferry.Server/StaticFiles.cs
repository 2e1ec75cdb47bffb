using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Ferry.Server
{
    /// <summary>
    /// Serves the UI build (index.html and its assets) from one directory: content types by
    /// extension, no path outside the directory ('..' is refused), and index.html for
    /// extension-less paths the directory does not have (client-side routes). Without a build,
    /// extension-less paths get a short page saying so.
    /// </summary>
    internal sealed class StaticFiles
    {
        private static readonly Dictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            { ".html", "text/html; charset=utf-8" },
            { ".htm", "text/html; charset=utf-8" },
            { ".js", "text/javascript; charset=utf-8" },
            { ".mjs", "text/javascript; charset=utf-8" },
            { ".css", "text/css; charset=utf-8" },
            { ".json", "application/json; charset=utf-8" },
            { ".map", "application/json; charset=utf-8" },
            { ".webmanifest", "application/manifest+json; charset=utf-8" },
            { ".txt", "text/plain; charset=utf-8" },
            { ".svg", "image/svg+xml" },
            { ".png", "image/png" },
            { ".jpg", "image/jpeg" },
            { ".jpeg", "image/jpeg" },
            { ".gif", "image/gif" },
            { ".webp", "image/webp" },
            { ".ico", "image/x-icon" },
            { ".woff", "font/woff" },
            { ".woff2", "font/woff2" },
            { ".ttf", "font/ttf" },
            { ".wasm", "application/wasm" },
        };

        private static readonly byte[] NotBuiltPage = Encoding.UTF8.GetBytes(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ferry</title></head>\n" +
            "<body><h1>Ferry</h1><p>The UI isn't built: there is no <code>index.html</code> in the UI directory. " +
            "Build the UI into <code>ui/dist</code>, or start the server with <code>--ui DIR</code>.</p>\n" +
            "<p>The HTTP API is running: <a href=\"/api/data\">/api/data</a>, <a href=\"/api/stats\">/api/stats</a>, " +
            "<a href=\"/api/openapi.json\">/api/openapi.json</a>.</p></body></html>\n");

        public StaticFiles(string root)
        {
            Root = System.IO.Path.GetFullPath(root);
        }

        /// <summary>The UI directory (it may not exist yet: a build appears without a restart).</summary>
        public string Root { get; }

        /// <summary>
        /// The UI directory: <paramref name="explicitDir"/> if given, else the first ui/dist found
        /// under the current directory, the exe's directory, or the repository root above
        /// target/dotnet; else ./ui/dist.
        /// </summary>
        public static string Locate(string explicitDir)
        {
            if (!string.IsNullOrEmpty(explicitDir))
            {
                if (!Directory.Exists(explicitDir)) Log.Warn("the --ui directory does not exist (yet)", "ui", explicitDir);
                return explicitDir;
            }
            var exeDir = System.IO.Path.GetDirectoryName(typeof(StaticFiles).Assembly.Location) ?? ".";
            var candidates = new[]
            {
                System.IO.Path.Combine(Directory.GetCurrentDirectory(), "ui", "dist"),
                System.IO.Path.Combine(exeDir, "ui", "dist"),
                System.IO.Path.Combine(exeDir, "..", "..", "ui", "dist"),
            };
            foreach (var dir in candidates)
            {
                if (Directory.Exists(dir)) return dir;
            }
            return candidates[0];
        }

        public void Serve(Exchange x)
        {
            byte[] bytes;
            string error, path;
            if (!Keys.TryPercentDecode(x.Path, false, out bytes, out error) || !Keys.TryUtf8(bytes, out path))
                throw ApiException.NotFound($"no file for {x.Path}: bad percent-encoding or UTF-8");
            var segments = path.Split('/');
            foreach (var segment in segments)
            {
                if (segment == ".." || segment.IndexOf('\\') >= 0 || segment.IndexOf('\0') >= 0)
                    throw ApiException.NotFound($"no file for {x.Path}: '..' and '\\' are not allowed in paths");
            }
            var last = segments[segments.Length - 1];
            var relative = path.TrimStart('/');
            if (relative.Length == 0 || path.EndsWith("/", StringComparison.Ordinal)) relative += "index.html";

            var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, relative));
            if (!full.StartsWith(Root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw ApiException.NotFound($"no file for {x.Path}");
            if (File.Exists(full))
            {
                SendFile(x, full);
                return;
            }
            if (System.IO.Path.GetExtension(last).Length > 0) throw ApiException.NotFound($"no file for {x.Path}");
            var index = System.IO.Path.Combine(Root, "index.html");
            if (File.Exists(index)) SendFile(x, index);
            else x.Send(200, "text/html; charset=utf-8", NotBuiltPage);
        }

        private static void SendFile(Exchange x, string file)
        {
            string type;
            if (!Types.TryGetValue(System.IO.Path.GetExtension(file), out type)) type = "application/octet-stream";
            byte[] content;
            try
            {
                content = File.ReadAllBytes(file);
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                throw ApiException.NotFound("no file for " + x.Path);
            }
            x.AddHeader("X-Content-Type-Options", "nosniff");
            if (type.StartsWith("text/html", StringComparison.Ordinal)) x.AddHeader("Cache-Control", "no-cache");
            x.Send(200, type, content);
        }
    }
}
