using System;

namespace Ferry.Server
{
    /// <summary>
    /// A client error (4xx) with its code from docs/http-api.md; the router turns it into
    /// <c>{"error":code,"message":…}</c>. Thrown before a response has started.
    /// </summary>
    internal sealed class ApiException : Exception
    {
        public ApiException(int status, string code, string message) : base(message)
        {
            Status = status;
            Code = code;
        }

        public int Status { get; }

        public string Code { get; }

        /// <summary>The Allow header for a 405.</summary>
        public string Allow { get; private set; }

        public static ApiException InvalidJson(string message) => new ApiException(400, "invalid_json", message);

        public static ApiException InvalidKey(string message) => new ApiException(400, "invalid_key", message);

        public static ApiException InvalidQuery(string message) => new ApiException(400, "invalid_query", message);

        public static ApiException NotFound(string message) => new ApiException(404, "not_found", message);

        public static ApiException MethodNotAllowed(string method, string allow) =>
            new ApiException(405, "method_not_allowed", $"{method} is not allowed here; use {allow}") { Allow = allow };

        public static ApiException PayloadTooLarge(long max) =>
            new ApiException(413, "payload_too_large", $"the body is larger than the limit of {max} bytes");
    }

    /// <summary>The client went away (reading its body or writing the response failed).</summary>
    internal sealed class ClientGoneException : Exception
    {
        public ClientGoneException(Exception inner) : base("the client closed the connection: " + inner.Message, inner)
        {
        }
    }
}
