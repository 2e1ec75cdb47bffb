#if FERRY_DIST
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Ferry.Server
{
    /// <summary>
    /// The entry point of the single-file server, dist/ferry-server: scripts/dist.sh compiles this
    /// file with <c>-define:FERRY_DIST -main:Ferry.Server.DistMain</c>; every other build leaves it
    /// out. The UI build (ui/dist) is embedded as resources named "ui/&lt;path&gt;". They are
    /// written to a new private directory under the temporary directory ($TMPDIR), which is
    /// passed to <see cref="Program"/> as a leading "--ui DIR" (a --ui on the command line comes
    /// later and wins) and removed when Program.Main returns; a SIGKILL leaves it behind, and it
    /// holds only the public UI files. Program.Main then runs unchanged, so the bundled server
    /// behaves as the one started with mono.
    /// </summary>
    internal static class DistMain
    {
        /// <summary>The prefix of the resource names that hold the UI build.</summary>
        internal const string UiResourcePrefix = "ui/";

        private static int Main(string[] args)
        {
            string dir;
            try
            {
                dir = UnpackUi();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{Program.Name}: cannot unpack the embedded UI: {e.Message} " +
                    "(set TMPDIR to a writable directory)");
                return 1;
            }
            if (dir == null) return RunProgram(args); // built without a UI: StaticFiles says so

            try
            {
                var withUi = new string[args.Length + 2];
                withUi[0] = "--ui";
                withUi[1] = dir;
                args.CopyTo(withUi, 2);
                return RunProgram(withUi);
            }
            finally
            {
                TryDelete(dir);
            }
        }

        /// <summary>
        /// Writes the embedded UI files into a new directory and returns it; null when the exe has
        /// none. The name is random (a GUID), so no one can have made it beforehand.
        /// </summary>
        private static string UnpackUi()
        {
            var assembly = typeof(DistMain).Assembly;
            var names = new List<string>();
            foreach (var name in assembly.GetManifestResourceNames())
            {
                if (name.StartsWith(UiResourcePrefix, StringComparison.Ordinal)) names.Add(name);
            }
            if (names.Count == 0) return null;

            var temp = Path.GetTempPath();
            if (!Directory.Exists(temp)) throw new DirectoryNotFoundException($"the temporary directory {temp} does not exist");
            var dir = Path.Combine(temp, "ferry-ui-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                foreach (var name in names)
                {
                    var file = Path.GetFullPath(Path.Combine(dir, name.Substring(UiResourcePrefix.Length)));
                    if (!file.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        throw new IOException($"the UI resource '{name}' names a path outside the UI directory");
                    Directory.CreateDirectory(Path.GetDirectoryName(file));
                    using (var from = assembly.GetManifestResourceStream(name))
                    using (var to = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
                    {
                        from.CopyTo(to);
                    }
                }
            }
            catch
            {
                TryDelete(dir);
                throw;
            }
            return dir;
        }

        /// <summary>
        /// Runs Program.Main. It is private, and this file must not change Program.cs, so it is
        /// found by reflection; its exceptions are rethrown as they are.
        /// </summary>
        private static int RunProgram(string[] args)
        {
            var main = typeof(Program).GetMethod("Main", BindingFlags.NonPublic | BindingFlags.Static, null, new[] { typeof(string[]) }, null);
            if (main == null) throw new MissingMethodException(typeof(Program).FullName, "Main");
            try
            {
                return (int)main.Invoke(null, new object[] { args });
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw; // not reached
            }
        }

        private static void TryDelete(string dir)
        {
            try
            {
                Directory.Delete(dir, true);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{Program.Name}: could not remove the unpacked UI in {dir}: {e.Message}");
            }
        }
    }
}
#endif
