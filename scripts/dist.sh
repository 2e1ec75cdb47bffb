#!/usr/bin/env bash
# Builds dist/ferry-server: the HTTP server and its web UI as one executable that needs no Mono
# installation. Inside: the static Mono runtime (/usr/lib/libmonosgen-2.0.a); every assembly the
# server references (mkbundle --deps: Ferry.Server.exe, a Ferry.dll compiled with
# -define:FERRY_STATIC so the generated layer binds to "__Internal", Newtonsoft.Json, Mono.Posix
# and the framework), AOT-compiled (mono --aot=static) unless --no-aot; libferry.a, linked whole;
# Mono's two native helpers (libMonoPosixHelper.so for Mono.Posix's UnixSignal, libmono-native.so
# for System.Native), loaded from memory files; and ui/dist, embedded as resources of
# Ferry.Server.exe, which dotnet/Ferry.Server/DistMain.cs unpacks into a private temporary
# directory at start. The launcher points Mono's directories at a path that cannot exist (under
# /dev/null), so the binary reads nothing from /usr/lib/mono or /etc/mono.
#
# The sources it compiles besides the C# ones: scripts/dist/launcher.c (the entry point; gcc
# -Wall -Wextra -Werror) and scripts/dist/natives.S (the two helpers, .incbin); --bench runs
# bench/dist/run.py (byte-compiled by `make test-scripts`).
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

# link NAME OUTPUT: the launcher (scripts/dist/launcher.c, warnings as errors), the bundle, the
# AOT objects, Mono, libferry.a. The bundle.c and aot-modules.c of $obj/NAME that the launcher
# includes are found through -isystem, which exempts them from the warnings: mkbundle's bundle.c
# defines an unused static (config_dir), an error under -Wall -Werror.
link() {
    local output=$2 work=$obj/$1 aot_objects
    mapfile -t aot_objects <"$work/aot-objects.txt"
    # shellcheck disable=SC2046 # pkg-config's flags are words
    gcc -O2 -g -Wall -Wextra -Werror -o "$output.new" -isystem "$work" $(pkg-config --cflags monosgen-2) \
        scripts/dist/launcher.c "$work/bundle.o" "$obj/natives.o" "${aot_objects[@]}" \
        "$monolib" -Wl,--whole-archive "$libferry" -Wl,--no-whole-archive \
        -rdynamic -Wl,-z,noexecstack -lgcc_s -lutil -lrt -lpthread -lm -ldl
    mv -f "$output.new" "$output"
}

# Mono's native helpers, embedded whole (scripts/dist/natives.S); linked into every binary.
gcc -c -o "$obj/natives.o" -DFERRY_POSIX_HELPER="\"$posix_helper\"" \
    -DFERRY_MONO_NATIVE="\"$mono_native\"" scripts/dist/natives.S

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
python3 bench/dist/run.py "$out" "$mono_dir" "$server_aot" "$server_jit"
