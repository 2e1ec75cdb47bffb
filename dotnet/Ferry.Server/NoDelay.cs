using System;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Ferry.Server
{
    /// <summary>
    /// Turns off Nagle's algorithm on each connection HttpListener accepts, as Kestrel does by
    /// default. Mono's chunked ResponseStream sends a chunk's size line, its data, its CRLF and
    /// the final "0\r\n\r\n" as separate small writes; with Nagle on, each waits for the client's
    /// delayed ACK and a small streamed list took ~45 ms instead of ~1 ms. HttpListener does not
    /// expose the socket, so it is reached through Mono's internals (HttpListenerContext.Connection,
    /// HttpConnection.sock); on a runtime laid out differently this does nothing.
    /// </summary>
    internal static class NoDelay
    {
        private static readonly object Marker = new object();
        private static readonly ConditionalWeakTable<Socket, object> Done = new ConditionalWeakTable<Socket, object>();
        private static readonly PropertyInfo ConnectionProperty =
            typeof(HttpListenerContext).GetProperty("Connection", BindingFlags.Instance | BindingFlags.NonPublic);
        private static readonly FieldInfo SocketField = FindSocketField();
        private static volatile bool _disabled;

        public static bool Supported => SocketField != null;

        private static FieldInfo FindSocketField()
        {
            var type = ConnectionProperty?.PropertyType;
            if (type == null) return null;
            foreach (var name in new[] { "sock", "_socket" })
            {
                var field = type.GetField(name, BindingFlags.Instance | BindingFlags.NonPublic);
                if (field != null && field.FieldType == typeof(Socket)) return field;
            }
            return null;
        }

        /// <summary>Sets TCP_NODELAY on the request's connection, once per connection.</summary>
        public static void Apply(HttpListenerContext context)
        {
            if (SocketField == null || _disabled) return;
            try
            {
                var socket = SocketField.GetValue(ConnectionProperty.GetValue(context, null)) as Socket;
                if (socket == null) return;
                object seen;
                if (Done.TryGetValue(socket, out seen)) return;
                socket.NoDelay = true;
                Done.Add(socket, Marker);
            }
            catch (ArgumentException)
            {
                // Added meanwhile by another request on the same socket: nothing to do.
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
                // The connection is closing.
            }
            catch (Exception e)
            {
                _disabled = true;
                Log.Warn("cannot set TCP_NODELAY on connections; streamed responses will be slower", "error", e.Message);
            }
        }
    }
}
