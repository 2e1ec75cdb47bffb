using System;
using System.Reflection;

namespace Ferry.Server
{
    /// <summary>
    /// Turns off System.Uri's IRI parsing, as Mono's own switch MONO_URI_IRIPARSING=false does,
    /// because with it Mono 6.8's HttpListener can be crashed by one request. HttpListener builds
    /// each request's Url from the percent-decoded path, and for some paths (a '%' not starting
    /// an escape, then a character outside the BMP: <c>/api/data/%25a%F0%9F%98%80</c>, a valid
    /// key) that Uri throws UriFormatException in HttpConnection's read callback, before any
    /// handler runs; unhandled on a thread-pool thread, it ended the process. Without IRI
    /// parsing that Uri is escaped up front and never throws. The server reads only RawUrl, and
    /// nothing else in it uses Uri. The switch is Uri's static field s_IriParsing, which Mono
    /// reads from the environment once; on a runtime laid out differently this does nothing.
    /// </summary>
    internal static class IriParsing
    {
        /// <summary>True when IRI parsing is off.</summary>
        public static bool Disable()
        {
            try
            {
                var field = typeof(Uri).GetField("s_IriParsing", BindingFlags.Static | BindingFlags.NonPublic);
                if (field == null || field.FieldType != typeof(bool)) return false;
                field.SetValue(null, false);
                return !(bool)field.GetValue(null);
            }
            catch (Exception e) when (e is FieldAccessException || e is TargetInvocationException || e is ArgumentException)
            {
                return false;
            }
        }
    }
}
