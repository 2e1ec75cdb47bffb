using System;
using System.Diagnostics;

namespace Ferry.Server
{
    /// <summary>
    /// Matches a request to its route (docs/http-api.md), checks the method, and turns
    /// failures into JSON errors: <see cref="ApiException"/> into its 4xx, a failed flush
    /// (<see cref="NotDurableException"/>) into a logged 500 "not_durable", anything unexpected
    /// into a logged 500 "internal". Writes the request's log line.
    /// </summary>
    internal sealed class Router
    {
        private const string DataPrefix = "/api/data/";
        private const string GetOnly = "GET, OPTIONS";
        private const string DocumentMethods = "GET, POST, PUT, DELETE, OPTIONS";

        private readonly App _app;
        private readonly DataHandlers _data;

        public Router(App app)
        {
            _app = app;
            _data = new DataHandlers(app);
        }

        public void Handle(System.Net.HttpListenerContext context)
        {
            var clock = Stopwatch.StartNew();
            Exchange x = null;
            try
            {
                x = new Exchange(context, _app.Cors);
                Dispatch(x);
            }
            catch (ApiException e)
            {
                Reply(x, e.Status, e.Code, e.Message, e.Allow);
            }
            catch (NotDurableException e)
            {
                Log.Error("a write could not be made durable", e.InnerException, "method", x?.Method, "path", x?.Path);
                Reply(x, 500, "not_durable", e.Message, null);
            }
            catch (ClientGoneException e)
            {
                Log.Debug("client gone", "path", x?.Path, "error", e.Message);
                x?.Abort(499); // nginx's "client closed request", for the log
            }
            catch (Exception e)
            {
                Log.Error("unhandled exception", e, "method", x?.Method, "path", x?.Path);
                Reply(x, 500, "internal", "an unexpected error occurred in the server; see its log", null);
            }
            finally
            {
                if (x == null)
                {
                    context.Response.Abort();
                }
                else
                {
                    if (!x.Started && x.Status == 0)
                    {
                        // A handler returned without answering: a bug, but never a hung client.
                        Log.Error("no response was sent", null, "method", x.Method, "path", x.Path);
                        Reply(x, 500, "internal", "the server sent no response; see its log", null);
                    }
                    Log.Request(x.Method, x.Path, x.Status, clock.Elapsed.TotalMilliseconds, x.BytesWritten);
                }
            }
        }

        /// <summary>Sends an error, or aborts when the response has already started.</summary>
        private static void Reply(Exchange x, int status, string code, string message, string allow)
        {
            if (x == null) return;
            if (x.Started)
            {
                x.Abort();
                return;
            }
            try
            {
                x.SendError(status, code, message, allow);
            }
            catch (Exception e)
            {
                Log.Debug("could not send the error", "path", x.Path, "error", e.Message);
                x.Abort();
            }
        }

        private void Dispatch(Exchange x)
        {
            var path = x.Path;
            if (path == "/health")
            {
                if (Allowed(x, GetOnly)) x.Send(200, Exchange.JsonType, JsonOut.Health);
            }
            else if (path == "/api/data")
            {
                if (Allowed(x, GetOnly)) _data.List(x);
            }
            else if (path.StartsWith(DataPrefix, StringComparison.Ordinal))
            {
                var segment = path.Substring(DataPrefix.Length);
                if (segment.IndexOf('/') >= 0)
                    throw ApiException.NotFound($"no route for {path}; a key is one path segment (encode '/' in a key as %2F)");
                if (!Allowed(x, DocumentMethods)) return;
                string key;
                var keyBytes = Keys.Parse(segment, out key);
                switch (x.Method)
                {
                    case "GET": _data.Get(x, keyBytes, key); break;
                    case "DELETE": _data.Delete(x, keyBytes, key); break;
                    default: _data.Put(x, keyBytes, key, segment); break; // POST, PUT
                }
            }
            else if (path == "/api/stats")
            {
                if (Allowed(x, GetOnly)) x.Send(200, Exchange.JsonType, JsonOut.Stats(_app.Store.GetStats()));
            }
            else if (path == "/api/openapi.json")
            {
                if (Allowed(x, GetOnly)) x.Send(200, Exchange.JsonType, _app.OpenApi);
            }
            else if (path == "/api" || path.StartsWith("/api/", StringComparison.Ordinal))
            {
                throw ApiException.NotFound($"no route for {path}");
            }
            else
            {
                if (Allowed(x, GetOnly)) _app.StaticFiles.Serve(x);
            }
        }

        /// <summary>
        /// True when the handler should run: answers OPTIONS (the CORS preflight: 204) and
        /// refuses methods not in <paramref name="allow"/> (405 with Allow).
        /// </summary>
        private static bool Allowed(Exchange x, string allow)
        {
            var method = x.Method;
            if (method == "OPTIONS")
            {
                x.AddHeader("Allow", allow);
                x.SendEmpty(204);
                return false;
            }
            foreach (var name in allow.Split(','))
            {
                if (name.Trim() == method) return true;
            }
            throw ApiException.MethodNotAllowed(method, allow);
        }
    }
}
