#!/usr/bin/env bash
# Builds dist/ferry-server: the HTTP server and its web UI as one executable that needs no Mono
# installation. Inside: the static Mono runtime (/usr/lib/libmonosgen-2.0.a); every assembly the
# server references (mkbundle --deps: Ferry.Server.exe, a Ferry.dll compiled with
# -define:FERRY_STATIC so the generated layer binds to "__Internal", Newtonsoft.Json, Mono.Posix
# and the framework), AOT-compiled (mono --aot=static) unless --no-aot; libferry.a, linked whole;
# Mono's two native helpers (libMonoPosixHelper.so for Mono.Posix's UnixSignal, libmono-native.so
# for System.Native), loaded from memory files; and ui/dist, embedded as resources of
# Ferry.Server.exe, which dotnet/Ferry.Server/DistMain.cs unpacks into a private temporary
# directory at start. The launcher (written below) points Mono's directories at a path that
# cannot exist (under /dev/null), so the binary reads nothing from /usr/lib/mono or /etc/mono.
#
#   scripts/dist.sh            build dist/ferry-server
#   scripts/dist.sh --no-aot   the same without AOT (everything JIT-compiled at run time)
#   scripts/dist.sh --bench    build, then measure bench/dist/CallBench.cs bundled (JIT and AOT)
#                              against `mono`, and the server's start-up; print a table and
#                              write bench/results/dist.json
#
# Work files go to target/dist/ (target/dotnet is left alone); the binary is replaced by a rename,
# so a running copy keeps its file. Prints one line per step.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

aot=1
bench=0
for arg in "$@"; do
    case "$arg" in
        --no-aot) aot=0 ;;
        --bench) bench=1 ;;
        -h | --help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "dist: unknown option '$arg' (see --help)" >&2; exit 2 ;;
    esac
done

out=target/dist
obj=$out/obj
steps=$((bench ? 9 : 7))
step=0
started=$(date +%s%N)
progress() {
    step=$((step + 1))
    printf 'dist [%d/%d] %s (%.1f s)\n' "$step" "$steps" "$1" "$(( $(date +%s%N) - started ))e-9"
}
die() { echo "dist: $*" >&2; exit 1; }

for tool in cargo mcs mono mkbundle gcc as objcopy nm pkg-config python3 flock; do
    command -v "$tool" >/dev/null || die "$tool is missing (make deps installs it)"
done
monolib=/usr/lib/libmonosgen-2.0.a
posix_helper=$(readlink -f /usr/lib/libMonoPosixHelper.so)
mono_native=$(readlink -f /usr/lib/libmono-native.so)
for f in "$monolib" "$posix_helper" "$mono_native" /etc/mono/4.5/machine.config; do
    [[ -f "$f" ]] || die "$f is missing (it comes with Debian's mono-devel)"
done
newtonsoft_dir=$(dirname "$(pkg-config --libs newtonsoft-json | sed 's/^-r://; s/ *$//')")
options_cs=$(pkg-config --variable=Sources mono-options)
version=$(scripts/version.sh)
mkdir -p "$obj" dist
# One run at a time per checkout: two would write the same files.
exec 9>"$out/.lock"
flock -n 9 || { echo "dist: waiting for another scripts/dist.sh in this checkout"; flock 9; }

# ---- 1. native ------------------------------------------------------------------------------
progress "native: cargo build --release -p ferry-ffi (target/release/libferry.a)"
cargo build --locked --release --quiet -p ferry-ffi
libferry=$root/target/release/libferry.a

# ---- 2. ui ----------------------------------------------------------------------------------
progress "ui: scripts/build-ui.sh (ui/dist)"
scripts/build-ui.sh | sed 's/^/    /'
[[ -f ui/dist/index.html ]] || die "ui/dist/index.html is missing after scripts/build-ui.sh"

# ---- 3. managed -----------------------------------------------------------------------------
# Each bundle gets its own directory: mkbundle prefers an assembly in the current directory over
# the path it resolved, so the static Ferry.dll must be the only Ferry.dll where it runs.
progress "managed: Ferry.dll (FERRY_STATIC) and Ferry.Server.exe (FERRY_DIST, UI embedded) into $out/server"
cat >"$obj/Version.g.cs" <<CS
// Written by scripts/dist.sh from the workspace version.
[assembly: System.Reflection.AssemblyVersion("$version.0")]
[assembly: System.Reflection.AssemblyInformationalVersion("$version")]
CS
mcs_common=(-langversion:7.2 -optimize+ -debug:portable -warnaserror -nologo)
build_static_ferry() { # DIR
    mkdir -p "$1"
    mcs "${mcs_common[@]}" -target:library -unsafe -define:FERRY_STATIC -out:"$1/Ferry.dll" \
        dotnet/Ferry/*.cs generated/csharp/*.cs "$obj/Version.g.cs"
}
build_static_ferry "$out/server"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' dotnet/Ferry.Server/openapi.json
ui_resources=()
while IFS= read -r -d '' file; do
    relative=${file#ui/dist/}
    [[ "$relative" != *,* ]] || die "ui/dist/$relative: a comma in a file name cannot be passed to mcs -resource"
    ui_resources+=("-resource:$file,ui/$relative")
done < <(find ui/dist -type f -print0 | sort -z)
mcs "${mcs_common[@]}" -target:exe -define:FERRY_DIST -main:Ferry.Server.DistMain \
    -pkg:newtonsoft-json -r:Mono.Posix -r:"$out/server/Ferry.dll" \
    -resource:dotnet/Ferry.Server/openapi.json,openapi.json "${ui_resources[@]}" \
    -out:"$out/server/Ferry.Server.exe" dotnet/Ferry.Server/*.cs "$options_cs" "$obj/Version.g.cs"
echo "    ${#ui_resources[@]} UI files embedded"

# ---- the bundling steps, shared with --bench --------------------------------------------------

# run_mkbundle DIR EXE NAME: writes $obj/NAME/bundle.c (assembly table, machine.config, the init
# function; no main) and bundle.o (the assemblies' bytes), and the list of bundled files.
run_mkbundle() {
    local dir=$1 exe=$2 work=$obj/$3
    mkdir -p "$work"
    (cd "$dir" && mkbundle --static --nomain -c -v -o "$root/$work/bundle.c" -oo "$root/$work/bundle.o" \
        --machine-config /etc/mono/4.5/machine.config -L /usr/lib/mono/4.5 -L "$newtonsoft_dir" \
        --i18n none --deps "$exe" Ferry.dll) >"$work/mkbundle.log" 2>&1 ||
        { cat "$work/mkbundle.log" >&2; die "mkbundle failed for $exe"; }
    sed -n 's/^ *embedding: //p' "$work/mkbundle.log" >"$work/assemblies.txt"
    [[ -s "$work/assemblies.txt" ]] || die "mkbundle embedded nothing for $exe (see $work/mkbundle.log)"
}

# aot_compile NAME: mono --aot=static for every bundled assembly into $obj/aot (cached by the
# assembly's hash and the runtime version: the framework's objects are reused between builds),
# then writes $obj/NAME/aot-modules.c (included by the launcher), which registers them; without
# AOT its function is empty.
aot_compile() {
    local work=$obj/$1 runtime key asm base o sym
    mkdir -p "$obj/aot"
    {
        echo "/* Written by scripts/dist.sh: the AOT modules linked into this binary. */"
        echo "static void ferry_register_aot_modules (void) {"
    } >"$work/aot-modules.c"
    : >"$work/aot-objects.txt"
    if [[ $aot == 1 ]]; then
        runtime=$(mono --version | head -1)
        local jobs=()
        while IFS= read -r asm; do
            base=$(basename "$asm")
            key=$( (sha1sum <"$asm"; echo "$runtime static") | sha1sum | cut -c1-16)
            o=$obj/aot/$base.$key.o
            echo "$o" >>"$work/aot-objects.txt"
            [[ -f "$o" ]] && continue
            jobs+=("$asm" "$o")
        done <"$work/assemblies.txt"
        # Two at a time (two cores); mscorlib, the longest, takes ~4 s.
        # shellcheck disable=SC2016 # $1 and $2 are the inner shell's
        if ((${#jobs[@]})); then
            printf '%s\0%s\0' "${jobs[@]}" | MONO_PATH="$(dirname "$(head -1 "$work/assemblies.txt")")" \
                xargs -0 -n2 -P2 sh -c 'mono --aot=static,outfile="$2.tmp" "$1" >"$2.log" 2>&1 &&
                    mv -f "$2.tmp" "$2" || { cat "$2.log" >&2; exit 255; }' aot ||
                die "AOT compilation failed"
        fi
        while IFS= read -r o; do
            sym=$(nm -g --defined-only "$o" | awk '$3 ~ /^mono_aot_module_.*_info$/ { print $3 }')
            [[ -n "$sym" ]] || die "$o defines no mono_aot_module_*_info"
            sed -i "1a extern void *$sym;" "$work/aot-modules.c"
            echo "	mono_aot_register_module ($sym);" >>"$work/aot-modules.c"
        done <"$work/aot-objects.txt"
    fi
    echo "}" >>"$work/aot-modules.c"
}

# link NAME OUTPUT: the launcher, the bundle, the AOT objects, Mono, libferry.a.
link() {
    local output=$2 work=$obj/$1 aot_objects
    write_launcher "$work"
    mapfile -t aot_objects <"$work/aot-objects.txt"
    # shellcheck disable=SC2046 # pkg-config's flags are words
    gcc -O2 -g -o "$output.new" -I"$work" $(pkg-config --cflags monosgen-2) \
        "$work/launcher.c" "$work/bundle.o" "$obj/natives.o" "${aot_objects[@]}" \
        "$monolib" -Wl,--whole-archive "$libferry" -Wl,--no-whole-archive \
        -rdynamic -Wl,-z,noexecstack -lgcc_s -lutil -lrt -lpthread -lm -ldl
    mv -f "$output.new" "$output"
}

write_natives() {
    cat >"$obj/natives.s" <<ASM
/* Written by scripts/dist.sh: Mono's native helper libraries, embedded whole. */
	.section .rodata
	.p2align 4
	.globl ferry_embedded_posix_helper, ferry_embedded_posix_helper_end
ferry_embedded_posix_helper:
	.incbin "$posix_helper"
ferry_embedded_posix_helper_end:
	.p2align 4
	.globl ferry_embedded_mono_native, ferry_embedded_mono_native_end
ferry_embedded_mono_native:
	.incbin "$mono_native"
ferry_embedded_mono_native_end:
	.section .note.GNU-stack,"",@progbits
ASM
    as --64 -o "$obj/natives.o" "$obj/natives.s"
}

# The entry point: sets Mono's directories to a path that does not exist, registers the bundle
# and the AOT modules, maps the native helpers, honours MONO_ENV_OPTIONS, runs the exe.
write_launcher() {
    cat >"$1/launcher.c" <<'C'
/* Written by scripts/dist.sh: the entry point of a Ferry single-file executable. */
#define _GNU_SOURCE
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "bundle.c" /* mkbundle: the assemblies, machine.config, mono_mkbundle_init () */
#include "aot-modules.c" /* ferry_register_aot_modules () */
#include <mono/jit/jit.h>
#include <mono/metadata/environment.h>
#include <mono/metadata/mono-config.h>
#include <mono/metadata/mono-debug.h>

/* Mono's assembly and config directories: under /dev/null, where nothing can exist (every path
 * fails with ENOTDIR, even for root), so no GAC, /etc/mono/config, machine.config or aot-cache
 * file is ever found or opened: only what is in this binary runs. */
#define NOWHERE "/dev/null/ferry-dist"

extern const unsigned char ferry_embedded_posix_helper[], ferry_embedded_posix_helper_end[];
extern const unsigned char ferry_embedded_mono_native[], ferry_embedded_mono_native_end[];

static void
die (const char *what)
{
	fprintf (stderr, "%s: %s: %s\n", image_name, what, strerror (errno));
	exit (1);
}

/* Copies an embedded shared library into an anonymous memory file; returns the path dlopen
 * loads it from, /proc/PID/fd/N. Nothing is written to disk. Not /proc/self: a debugger reads
 * the library by the path the process loaded it from, and in gdb /proc/self is gdb. */
static char *
memory_file (const char *name, const unsigned char *start, const unsigned char *end)
{
	int fd = memfd_create (name, MFD_CLOEXEC);
	if (fd < 0)
		die ("memfd_create");
	for (const unsigned char *p = start; p < end;) {
		ssize_t n = write (fd, p, end - p);
		if (n < 0 && errno != EINTR)
			die ("writing a memory file");
		if (n > 0)
			p += n;
	}
	char *path = malloc (64);
	snprintf (path, 64, "/proc/%d/fd/%d", (int) getpid (), fd);
	return path;
}

/* MONO_ENV_OPTIONS, as the mono command reads it: --debug enables the debugger support
 * (mono_debug_init); every other option goes to mono_jit_parse_options (--trace=...,
 * --debugger-agent=..., -O=..., ...). */
static void
parse_env_options (void)
{
	const char *env = getenv ("MONO_ENV_OPTIONS");
	if (env == NULL)
		return;
	char *copy = strdup (env), *save = NULL;
	char *options [64];
	int count = 0;
	for (char *option = strtok_r (copy, " \t", &save); option != NULL && count < 64; option = strtok_r (NULL, " \t", &save)) {
		if (strcmp (option, "--debug") == 0 || strncmp (option, "--debug=", 8) == 0)
			mono_debug_init (MONO_DEBUG_FORMAT_MONO);
		else
			options [count++] = option;
	}
	if (count > 0)
		mono_jit_parse_options (count, options);
}

int
main (int argc, char *argv [])
{
	setlocale (LC_ALL, "");
	/* Each P/Invoke costs ~6x less on Mono 6.8 with preemptive suspend (PLATFORM.md), as
	 * scripts/run-server.sh sets it; the environment can still choose. */
	setenv ("MONO_THREADS_SUSPEND", "preemptive", 0);

	mono_set_dirs (NOWHERE "/lib", NOWHERE "/etc");
	BundleMonoAPI api = {
		.mono_register_bundled_assemblies = mono_register_bundled_assemblies,
		.mono_register_config_for_assembly = mono_register_config_for_assembly,
		.mono_jit_set_aot_mode = mono_jit_set_aot_mode,
		.mono_aot_register_module = mono_aot_register_module,
		.mono_config_parse_memory = mono_config_parse_memory,
		.mono_register_machine_config = mono_register_machine_config,
	};
	initialize_mono_api (&api);
	mono_mkbundle_init ();
	ferry_register_aot_modules ();

	/* The dllmap entries of /etc/mono/config that the bundled assemblies use. */
	char *posix_helper = memory_file ("libMonoPosixHelper.so", ferry_embedded_posix_helper, ferry_embedded_posix_helper_end);
	char *mono_native = memory_file ("libmono-native.so", ferry_embedded_mono_native, ferry_embedded_mono_native_end);
	char config [2048];
	snprintf (config, sizeof config,
		"<configuration>"
		"<dllmap dll=\"MonoPosixHelper\" target=\"%s\"/>"
		"<dllmap dll=\"System.Native\" target=\"%s\"/>"
		"<dllmap dll=\"System.Net.Security.Native\" target=\"%s\"/>"
		"<dllmap dll=\"libc\" target=\"libc.so.6\"/>"
		"<dllmap dll=\"intl\" target=\"libc.so.6\"/>"
		"<dllmap dll=\"libintl\" target=\"libc.so.6\"/>"
		"<dllmap dll=\"i:msvcrt\" target=\"libc.so.6\"/>"
		"<dllmap dll=\"i:msvcrt.dll\" target=\"libc.so.6\"/>"
		"</configuration>",
		posix_helper, mono_native, mono_native);
	mono_config_parse_memory (config);

	parse_env_options ();
	MonoDomain *domain = mono_jit_init_version ("ferry", "v4.0.30319");
	MonoAssembly *assembly = mono_domain_assembly_open (domain, image_name);
	if (assembly == NULL) {
		fprintf (stderr, "%s: %s is not in the bundle\n", argv [0], image_name);
		return 1;
	}
	mono_jit_exec (domain, assembly, argc, argv);
	mono_jit_cleanup (domain);
	return mono_environment_exitcode_get ();
}
C
}

write_natives

# ---- 4.-6. the server -------------------------------------------------------------------------
progress "bundle: mkbundle --deps Ferry.Server.exe ($obj/server/bundle.{c,o})"
run_mkbundle "$out/server" Ferry.Server.exe server
echo "    $(wc -l <"$obj/server/assemblies.txt") assemblies: $(xargs -n1 basename <"$obj/server/assemblies.txt" | tr '\n' ' ')"
if [[ $aot == 1 ]]; then
    progress "aot: mono --aot=static for each assembly ($obj/aot, cached)"
else
    progress "aot: skipped (--no-aot)"
fi
aot_compile server
progress "link: gcc launcher + bundle + AOT objects + libmonosgen-2.0.a + libferry.a -> dist/ferry-server"
link server "$out/ferry-server"
# The DWARF goes to dist/ferry-server.debug, which gdb finds beside the binary (.gnu_debuglink);
# the binary keeps the dynamic symbols and .debug_frame, the unwind tables of the AOT code.
objcopy --only-keep-debug "$out/ferry-server" "$out/ferry-server.debug"
objcopy --strip-all --keep-section=.debug_frame --add-gnu-debuglink="$out/ferry-server.debug" "$out/ferry-server"
mv -f "$out/ferry-server.debug" dist/ferry-server.debug
mv -f "$out/ferry-server" dist/ferry-server.new
mv -f dist/ferry-server.new dist/ferry-server

# ---- 7. smoke check -----------------------------------------------------------------------------
progress "check: dist/ferry-server --help without any Mono environment"
env -u MONO_PATH -u MONO_CONFIG -u MONO_CFG_DIR -u LD_LIBRARY_PATH dist/ferry-server --help >"$obj/help.txt" ||
    { cat "$obj/help.txt"; die "dist/ferry-server --help failed"; }
grep -q -- '--datapath' "$obj/help.txt" || die "dist/ferry-server --help printed no usage"
size=$(stat -c %s dist/ferry-server)
echo "dist: dist/ferry-server ($((size / 1024 / 1024)) MiB, $size bytes, AOT $([[ $aot == 1 ]] && echo on || echo off));" \
    "its symbols and DWARF: dist/ferry-server.debug ($(($(stat -c %s dist/ferry-server.debug) / 1024 / 1024)) MiB)"

[[ $bench == 1 ]] || exit 0

# ---- --bench ----------------------------------------------------------------------------------
progress "bench build: CallBench.exe bundled (JIT, AOT) and for mono; a JIT server; Ferry.Server.exe for mono"
# For mono: the ordinary Ferry.dll (DllImport "ferry") with libferry.so beside it.
mono_dir=$out/mono
mkdir -p "$mono_dir"
mcs "${mcs_common[@]}" -target:library -unsafe -out:"$mono_dir/Ferry.dll" \
    dotnet/Ferry/*.cs generated/csharp/*.cs "$obj/Version.g.cs"
cp target/release/libferry.so "$mono_dir/libferry.so.new" && mv -f "$mono_dir/libferry.so.new" "$mono_dir/libferry.so"
mcs "${mcs_common[@]}" -target:exe -pkg:newtonsoft-json -r:Mono.Posix -r:"$mono_dir/Ferry.dll" \
    -resource:dotnet/Ferry.Server/openapi.json,openapi.json \
    -out:"$mono_dir/Ferry.Server.exe" dotnet/Ferry.Server/*.cs "$options_cs" "$obj/Version.g.cs"
callbench() { # DIR DEFINES...
    local dir=$1
    shift
    mcs "${mcs_common[@]}" -target:exe -unsafe "$@" -r:FerryLib="$dir/Ferry.dll" \
        -out:"$dir/CallBench.exe" bench/dist/CallBench.cs generated/csharp/*.cs
}
callbench "$mono_dir"
build_static_ferry "$out/callbench"
callbench "$out/callbench" -define:FERRY_STATIC
run_mkbundle "$out/callbench" CallBench.exe callbench
saved_aot=$aot
for aot in 1 0; do
    variant=$([[ $aot == 1 ]] && echo aot || echo jit)
    aot_compile callbench
    link callbench "$out/callbench-$variant"
done
# The other server variant, stripped like dist/ferry-server so the sizes compare.
if [[ $saved_aot == 1 ]]; then
    aot=0
    aot_compile server
    link server "$out/ferry-server-jit"
    objcopy --strip-all --keep-section=.debug_frame "$out/ferry-server-jit"
    server_aot=dist/ferry-server server_jit=$out/ferry-server-jit
else
    aot=1
    aot_compile server
    link server "$out/ferry-server-aot"
    objcopy --strip-all --keep-section=.debug_frame "$out/ferry-server-aot"
    server_aot=$out/ferry-server-aot server_jit=dist/ferry-server
fi
aot=$saved_aot

progress "bench run: no-op and get (100k keys) bundled vs mono, start-up times"
export MONO_THREADS_SUSPEND=preemptive # what run-server.sh and the launcher use
python3 - "$out" "$mono_dir" "$server_aot" "$server_jit" <<'PY'
import json, os, platform, shutil, socket, statistics, subprocess, sys, tempfile, time, urllib.request

out, mono_dir, server_aot, server_jit = sys.argv[1:5]
clean_env = {k: v for k, v in os.environ.items() if k not in ("MONO_PATH", "MONO_CONFIG", "LD_LIBRARY_PATH")}
mono_env = dict(clean_env, LD_LIBRARY_PATH=os.path.abspath(mono_dir))
variants = {
    "mono": (["mono", os.path.join(mono_dir, "CallBench.exe")], mono_env),
    "bundle-jit": ([os.path.join(out, "callbench-jit")], clean_env),
    "bundle-aot": ([os.path.join(out, "callbench-aot")], clean_env),
}
servers = {
    "mono": (["mono", os.path.join(mono_dir, "Ferry.Server.exe"), "--ui", "ui/dist"], mono_env),
    "bundle-jit": ([server_jit], clean_env),
    "bundle-aot": ([server_aot], clean_env),
}

def run(cmd, env):
    with tempfile.TemporaryDirectory(prefix="ferry-callbench-") as tmp:
        done = subprocess.run(cmd + ["dir=" + os.path.join(tmp, "db")], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"{cmd[-1]} failed ({done.returncode}): {done.stderr}")
        return json.loads(done.stdout.strip().splitlines()[-1])

def startup(cmd, env, runs=7):
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="ferry-callbench-") as tmp:
            t = time.perf_counter()
            subprocess.run(cmd + ["startup", "dir=" + os.path.join(tmp, "db")], env=env, check=True)
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def server_health(cmd, env, runs=5):
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="ferry-dist-server-") as tmp:
            port = free_port()
            t = time.perf_counter()
            p = subprocess.Popen(cmd + ["--datapath", os.path.join(tmp, "data"), "--urls", f"http://127.0.0.1:{port}"],
                                 env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                while True:
                    if p.poll() is not None:
                        sys.exit(f"{cmd[0]} exited with {p.returncode} before /health answered")
                    try:
                        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as r:
                            if r.status == 200:
                                break
                    except OSError:
                        time.sleep(0.005)
                times.append((time.perf_counter() - t) * 1000)
            finally:
                p.terminate()
                p.wait(10)
    return statistics.median(times)

# Three interleaved runs of each program, so a slow spell of the machine hits them alike; the
# best of each per-operation time, the median first call.
runs = {name: [] for name in variants}
for _ in range(3):
    for name, (cmd, env) in variants.items():
        runs[name].append(run(cmd, env))
results = {}
for name, (cmd, env) in variants.items():
    r = dict(runs[name][0])
    for key in ("noop_ns", "get_ns", "tryget_ns"):
        r[key] = min(x[key] for x in runs[name])
    r["first_call_us"] = statistics.median(x["first_call_us"] for x in runs[name])
    r["runs"] = len(runs[name])
    r["startup_ms"] = round(startup(cmd, env), 1)
    r["server_health_ms"] = round(server_health(*servers[name]), 1)
    results[name] = r

size = os.path.getsize("dist/ferry-server")
sizes = {"bundle-aot": os.path.getsize(server_aot), "bundle-jit": os.path.getsize(server_jit)}
print()
print(f"{'variant':<12} {'no-op ns':>9} {'get ns':>8} {'tryget ns':>10} {'1st call us':>12} {'start ms':>9} {'server ms':>10}")
for name, r in results.items():
    print(f"{name:<12} {r['noop_ns']:>9.2f} {r['get_ns']:>8.0f} {r['tryget_ns']:>10.0f} {r['first_call_us']:>12.0f} {r['startup_ms']:>9.1f} {r['server_health_ms']:>10.1f}")
print(f"(no-op: Interop.ferry_version(); get: Tree.Get -> byte[], tryget: Tree.TryGet into a buffer, random keys of "
      f"{results['mono']['keys']}; best of 3 runs x {results['mono']['rounds']} rounds; start: process start to exit of a "
      f"one-key program, median of 7; server: start to /health 200, median of 5; MONO_THREADS_SUSPEND=preemptive)")
print(f"server binary: AOT {sizes['bundle-aot'] / 2**20:.1f} MiB, JIT {sizes['bundle-jit'] / 2**20:.1f} MiB "
      f"(stripped; dist/ferry-server is {size} bytes)")

def git(*args):
    try:
        return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None

doc = {
    "schema": 1,
    "meta": {
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()),
        "git_commit": git("rev-parse", "HEAD"),
        "git_dirty": bool(git("status", "--porcelain")),
        "cores": os.cpu_count(),
        "kernel": platform.release(),
        "runtime": subprocess.run(["mono", "--version"], capture_output=True, text=True).stdout.splitlines()[0],
        "suspend": os.environ.get("MONO_THREADS_SUSPEND"),
        "units": {"noop_ns": "ns/call", "get_ns": "ns/get", "tryget_ns": "ns/get", "first_call_us": "us",
                  "startup_ms": "ms", "server_health_ms": "ms"},
        "method": "bench/dist/CallBench.cs via scripts/dist.sh --bench; per-op times: best of 3 interleaved runs x rounds; "
                  "medians for start-up",
    },
    "dist": {
        "path": "dist/ferry-server",
        "size_bytes": size,
        "debug_file_bytes": os.path.getsize("dist/ferry-server.debug"),
        "aot": server_aot == "dist/ferry-server",
        "server_size_bytes": sizes,
    },
    "variants": results,
}
os.makedirs("bench/results", exist_ok=True)
with open("bench/results/dist.json.new", "w") as f:
    json.dump(doc, f, indent=1)
    f.write("\n")
os.replace("bench/results/dist.json.new", "bench/results/dist.json")
print("dist bench: bench/results/dist.json")
PY
