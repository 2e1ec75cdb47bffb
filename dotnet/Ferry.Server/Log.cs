using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using Newtonsoft.Json;

namespace Ferry.Server
{
    /// <summary>How much to log; a message is written when its level is at least the configured one.</summary>
    internal enum LogLevel
    {
        Debug,
        Info,
        Warn,
        Error,
    }

    /// <summary>
    /// Structured logging: one JSON object per line on stdout
    /// (<c>{"time":…,"level":…,"msg":…, fields…}</c>). Lines are buffered and flushed every
    /// 200 ms, and at once for warnings, errors and lifecycle messages, so a busy server does not
    /// pay a write system call per request.
    /// </summary>
    internal static class Log
    {
        private static readonly object Gate = new object();
        private static readonly TextWriter Out = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };
        private static Timer _flusher;
        private static bool _dirty;

        /// <summary>The least level written.</summary>
        public static LogLevel MinLevel { get; private set; } = LogLevel.Info;

        public static void Configure(LogLevel min)
        {
            MinLevel = min;
            if (_flusher == null) _flusher = new Timer(_ => FlushIfDirty(), null, 200, 200);
        }

        public static bool IsEnabled(LogLevel level) => level >= MinLevel;

        /// <summary>Parses a level name (debug, info, warn, error); false for anything else.</summary>
        public static bool TryParseLevel(string text, out LogLevel level)
        {
            switch (text)
            {
                case "debug": level = LogLevel.Debug; return true;
                case "info": level = LogLevel.Info; return true;
                case "warn": level = LogLevel.Warn; return true;
                case "error": level = LogLevel.Error; return true;
                default: level = LogLevel.Info; return false;
            }
        }

        /// <summary>The one line per request.</summary>
        public static void Request(string method, string path, int status, double durationMs, long bytes)
        {
            var level = status >= 500 ? LogLevel.Error : LogLevel.Info;
            if (!IsEnabled(level)) return;
            var line = Begin(level, "request");
            Field(line, "method", method);
            Field(line, "path", path);
            line.Append(",\"status\":").Append(status);
            line.Append(",\"duration_ms\":").Append(durationMs.ToString("0.###", CultureInfo.InvariantCulture));
            line.Append(",\"bytes\":").Append(bytes);
            End(line, level >= LogLevel.Warn);
        }

        public static void Debug(string msg, params string[] fields) => Write(LogLevel.Debug, msg, null, fields);

        public static void Info(string msg, params string[] fields) => Write(LogLevel.Info, msg, null, fields);

        public static void Warn(string msg, params string[] fields) => Write(LogLevel.Warn, msg, null, fields);

        /// <summary>An error, with the exception's type, message and stack trace when given.</summary>
        public static void Error(string msg, Exception exception, params string[] fields) => Write(LogLevel.Error, msg, exception, fields);

        /// <summary>Writes <paramref name="msg"/> with <paramref name="fields"/> as name, value pairs.</summary>
        public static void Write(LogLevel level, string msg, Exception exception, params string[] fields)
        {
            if (!IsEnabled(level)) return;
            var line = Begin(level, msg);
            for (var i = 0; i + 1 < fields.Length; i += 2) Field(line, fields[i], fields[i + 1]);
            if (exception != null)
            {
                Field(line, "exception", exception.GetType().FullName);
                Field(line, "error", exception.Message);
                Field(line, "stack", exception.ToString());
            }
            End(line, level >= LogLevel.Warn || level == LogLevel.Info);
        }

        /// <summary>A plain line (not JSON), flushed at once: the startup banner.</summary>
        public static void Plain(string text)
        {
            lock (Gate)
            {
                Out.WriteLine(text);
                Out.Flush();
            }
        }

        public static void Flush()
        {
            lock (Gate)
            {
                Out.Flush();
                _dirty = false;
            }
        }

        private static void FlushIfDirty()
        {
            lock (Gate)
            {
                if (!_dirty) return;
                try
                {
                    Out.Flush();
                }
                catch (IOException)
                {
                    // stdout is gone (closed pipe): nothing useful to do.
                }
                _dirty = false;
            }
        }

        private static StringBuilder Begin(LogLevel level, string msg)
        {
            var line = new StringBuilder(160);
            line.Append("{\"time\":\"").Append(DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            line.Append("\",\"level\":\"").Append(Name(level)).Append('"');
            Field(line, "msg", msg);
            return line;
        }

        private static void Field(StringBuilder line, string name, string value)
        {
            line.Append(',').Append(JsonConvert.ToString(name)).Append(':').Append(JsonConvert.ToString(value));
        }

        private static void End(StringBuilder line, bool flush)
        {
            line.Append('}');
            var text = line.ToString();
            lock (Gate)
            {
                try
                {
                    Out.WriteLine(text);
                    if (flush) Out.Flush();
                    else _dirty = true;
                }
                catch (IOException)
                {
                    // stdout is gone (closed pipe): keep serving.
                }
            }
        }

        private static string Name(LogLevel level)
        {
            switch (level)
            {
                case LogLevel.Debug: return "debug";
                case LogLevel.Info: return "info";
                case LogLevel.Warn: return "warn";
                default: return "error";
            }
        }
    }
}
