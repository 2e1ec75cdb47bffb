using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Mono.Options;

namespace Ferry.Server
{
    /// <summary>The command line, parsed and checked (Mono.Options).</summary>
    internal sealed class ServerOptions
    {
        public const long DefaultMaxBodyBytes = 1024 * 1024;

        public string DataPath { get; private set; } = "./data";

        /// <summary>HttpListener prefixes, each ending in '/'.</summary>
        public List<string> Prefixes { get; } = new List<string>();

        /// <summary>Origins allowed by CORS; "*" for any.</summary>
        public List<string> CorsOrigins { get; } = new List<string>();

        public LogLevel LogLevel { get; private set; } = LogLevel.Info;

        public long MaxBodyBytes { get; private set; } = DefaultMaxBodyBytes;

        /// <summary>The --ui directory, or null to look for ui/dist.</summary>
        public string UiDirectory { get; private set; }

        /// <summary>What a 2xx answer to a write promises (GroupCommit).</summary>
        public Durability Durability { get; private set; } = Durability.Durable;

        public bool ShowHelp { get; private set; }

        private static OptionSet Define(ServerOptions o, List<string> errors, List<string> urls)
        {
            return new OptionSet
            {
                { "datapath=", "the store's {DIR} (default: ./data)", v => o.DataPath = v },
                { "urls=", "where to listen: {URLS}, a comma-separated list of http://HOST:PORT (default: http://127.0.0.1:5000)", v => urls.Add(v) },
                { "cors-origin=", "allow cross-origin requests from {ORIGIN} (repeatable; * for any)", v => o.CorsOrigins.Add(v) },
                {
                    "log-level=", "the least {LEVEL} logged: debug, info, warn or error (default: info)", v =>
                    {
                        LogLevel level;
                        if (Log.TryParseLevel(v, out level)) o.LogLevel = level;
                        else errors.Add($"--log-level must be debug, info, warn or error, not '{v}'");
                    }
                },
                {
                    "max-body-bytes=", $"the largest request body accepted, in {{BYTES}}, 1..{Limits.MaxValueLength} (default: {DefaultMaxBodyBytes})", v =>
                    {
                        long n;
                        if (long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out n) && n >= 1 && n <= Limits.MaxValueLength) o.MaxBodyBytes = n;
                        else errors.Add($"--max-body-bytes must be an integer from 1 to {Limits.MaxValueLength}, not '{v}'");
                    }
                },
                {
                    "durability=", "what a 2xx answer to POST, PUT or DELETE promises, {MODE}: durable (default): the " +
                    "change was flushed to disk (fsync) before the answer; relaxed: answered before any flush, faster, but a " +
                    "crash of the server (kill -9, out of memory) can lose the writes answered in about the last 500 ms " +
                    "(sled's background flush interval), and a power loss or kernel crash more (that flush does not fsync)", v =>
                    {
                        Durability mode;
                        if (TryParseDurability(v, out mode)) o.Durability = mode;
                        else errors.Add($"--durability must be durable or relaxed, not '{v}'");
                    }
                },
                { "ui=", "serve the UI's static files from {DIR} (default: ui/dist under the current directory or the exe's)", v => o.UiDirectory = v },
                { "h|help", "show this help and exit", v => o.ShowHelp = v != null },
            };
        }

        private static bool TryParseDurability(string text, out Durability mode)
        {
            switch (text)
            {
                case "durable": mode = Durability.Durable; return true;
                case "relaxed": mode = Durability.Relaxed; return true;
                default: mode = Durability.Durable; return false;
            }
        }

        /// <summary>Parses <paramref name="args"/>; false with a message when they are wrong.</summary>
        public static bool TryParse(string[] args, out ServerOptions options, out string error)
        {
            options = new ServerOptions();
            var errors = new List<string>();
            var urls = new List<string>();
            List<string> extra;
            try
            {
                extra = Define(options, errors, urls).Parse(args);
            }
            catch (OptionException e)
            {
                error = e.Message;
                return false;
            }
            foreach (var arg in extra) errors.Add(arg.StartsWith("-", StringComparison.Ordinal) ? $"unknown option '{arg}'" : $"unexpected argument '{arg}'");
            if (urls.Count == 0) urls.Add("http://127.0.0.1:5000");
            foreach (var list in urls)
            {
                foreach (var url in list.Split(','))
                {
                    string prefix, problem;
                    if (TryMakePrefix(url.Trim(), out prefix, out problem))
                    {
                        if (!options.Prefixes.Contains(prefix)) options.Prefixes.Add(prefix);
                    }
                    else errors.Add(problem);
                }
            }
            if (options.DataPath.Length == 0) errors.Add("--datapath must not be empty");
            for (var i = 0; i < options.CorsOrigins.Count; i++)
            {
                var origin = options.CorsOrigins[i].Trim().TrimEnd('/');
                if (origin.Length == 0) errors.Add("--cors-origin must not be empty");
                options.CorsOrigins[i] = origin;
            }
            error = errors.Count == 0 ? null : string.Join("; ", errors);
            return error == null;
        }

        /// <summary>
        /// Turns "http://host:port[/path]" into an HttpListener prefix (trailing '/'). Only http is
        /// accepted; 0.0.0.0 and [::] become "*" (every interface), as HttpListener spells it.
        /// </summary>
        internal static bool TryMakePrefix(string url, out string prefix, out string problem)
        {
            prefix = null;
            problem = null;
            if (url.Length == 0)
            {
                problem = "--urls has an empty entry";
                return false;
            }
            if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                problem = $"--urls: '{url}' is not an http:// URL (https is not supported; put a TLS proxy in front)";
                return false;
            }
            var rest = url.Substring("http://".Length);
            var slash = rest.IndexOf('/');
            var authority = slash < 0 ? rest : rest.Substring(0, slash);
            var path = slash < 0 ? "/" : rest.Substring(slash);
            var colon = authority.LastIndexOf(':');
            if (colon <= 0 || authority.EndsWith("]", StringComparison.Ordinal))
            {
                problem = $"--urls: '{url}' needs a port, as in http://127.0.0.1:5000";
                return false;
            }
            var host = authority.Substring(0, colon);
            int port;
            if (!int.TryParse(authority.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port < 1 || port > 65535)
            {
                problem = $"--urls: '{url}' has a bad port";
                return false;
            }
            if (host == "0.0.0.0" || host == "[::]" || host == "+") host = "*";
            if (path.IndexOf('?') >= 0 || path.IndexOf('#') >= 0)
            {
                problem = $"--urls: '{url}' must not have a query or fragment";
                return false;
            }
            if (!path.EndsWith("/", StringComparison.Ordinal)) path += "/";
            prefix = "http://" + host + ":" + port.ToString(CultureInfo.InvariantCulture) + path;
            return true;
        }

#if FERRY_DIST
        private const string Invocation = "ferry-server";
#else
        private const string Invocation = "mono Ferry.Server.exe";
#endif

        public static void WriteUsage(TextWriter to)
        {
            to.WriteLine("Usage: " + Invocation + " [options]");
            to.WriteLine();
            to.WriteLine("Serves a Ferry store over HTTP (docs/http-api.md) and the web UI.");
            to.WriteLine();
            to.WriteLine("Options:");
            Define(new ServerOptions(), new List<string>(), new List<string>()).WriteOptionDescriptions(to);
        }
    }
}
