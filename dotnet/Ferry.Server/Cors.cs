using System;
using System.Collections.Generic;

namespace Ferry.Server
{
    /// <summary>
    /// CORS for the origins given with --cors-origin (or "*"): matching requests get
    /// Access-Control-Allow-Origin; preflights get the allowed methods and headers.
    /// </summary>
    internal sealed class Cors
    {
        public const string AllowedMethods = "GET, POST, PUT, DELETE, OPTIONS";
        public const string AllowedHeaders = "Content-Type";

        private readonly bool _any;
        private readonly HashSet<string> _origins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public Cors(IEnumerable<string> origins)
        {
            foreach (var origin in origins)
            {
                if (origin == "*") _any = true;
                else _origins.Add(origin);
            }
        }

        public bool Enabled => _any || _origins.Count > 0;

        /// <summary>Adds the CORS headers a response to this request should carry.</summary>
        public void Apply(Exchange x, bool preflight)
        {
            var response = x.Response;
            if (preflight)
            {
                response.AddHeader("Access-Control-Allow-Methods", AllowedMethods);
                response.AddHeader("Access-Control-Allow-Headers", AllowedHeaders);
                response.AddHeader("Access-Control-Max-Age", "600");
            }
            if (!Enabled) return;
            if (!_any) response.AddHeader("Vary", "Origin");
            var origin = x.Request.Headers["Origin"];
            if (string.IsNullOrEmpty(origin)) return;
            if (_any) response.AddHeader("Access-Control-Allow-Origin", "*");
            else if (_origins.Contains(origin)) response.AddHeader("Access-Control-Allow-Origin", origin);
            else return;
            response.AddHeader("Access-Control-Expose-Headers", "X-Next-After");
        }
    }
}
