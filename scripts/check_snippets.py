#!/usr/bin/env python3
"""Compiles, and runs, the code snippets of Ferry's markdown docs (`make test-docs`).

Reads README.md, docs/*.md and examples/*/README.md (or the files given as arguments), finds
every fenced code block (``` or ~~~ at the start of a line) and checks it by the language its
fence names. The convention, for whoever writes a snippet:

- Every fence names a language. Output and transcripts are `text` or `console`; they are
  not checked, nor are `gdb` command lists and `json`/`http` samples. An unknown language, or
  a fence without one, fails (so that a new kind of snippet is not silently left unchecked).
- `c`: a whole C99 program. Compiled with gcc -std=c99 -Wall -Wextra -pedantic -Werror
  against generated/c/ferry.h and target/release/libferry.so, then run in an empty temporary
  directory; it must exit 0.
- `csharp` (or `cs`): a whole C# 7.2 program with a `Main`, compiled by Mono's mcs
  (-langversion:7.2 -warnaserror) against target/dotnet/Ferry.dll, then run by mono in an empty
  temporary directory; it must exit 0.
- `rust`: a doctest. Each file with Rust blocks goes through `rustdoc --test FILE` against
  ferry-core (release build), run in an empty temporary directory. rustdoc's own rules apply:
  a block without `fn main` is wrapped in one, and `no_run` compiles without running.
- The word `fragment` after `c` or `csharp` (```c fragment) marks statements rather than a
  program: the leading `#include` lines (C) or `using` directives (C#) stay at the top and the
  rest becomes the body of `int main(void)` (returning 0) or of `static void Main()`. The
  result is compiled and run like a whole program.
- The word `no_run` (```c no_run, ```csharp fragment no_run) compiles without running, for a
  snippet that waits for something (a server, a signal). `ignore` is refused: a snippet that is
  not checked rots.
- `sh` (or `bash`, `shell`): `bash -n` (syntax only, nothing is run); every `scripts/...` path
  it names must exist, and every `make TARGET` must be a target of the Makefile.
- `python`: compiled with `compile()` (syntax only, nothing is run).

Compiler messages name the markdown file and line (C and C# through a `#line` directive;
rustdoc does it itself). Prints one line per snippet and a summary; exits 1 if any fails.
"""

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_FILES = ["README.md", "docs/*.md", "examples/*/README.md"]
NOT_CHECKED = {"text", "console", "gdb", "json", "http"}
ALIASES = {"cs": "csharp", "bash": "sh", "shell": "sh"}
CHECKED = {"c", "csharp", "rust", "sh", "python"}
ATTRIBUTES = {"fragment", "no_run"}
C_FLAGS = ["-std=c99", "-Wall", "-Wextra", "-pedantic", "-Werror"]
RUN_TIMEOUT = 120  # seconds per program


class Snippet:
    """One fenced block: where it is, its language, the words after it, and its text."""

    def __init__(self, path, line, lang, attrs, code):
        self.path = path  # as given, relative to the repository root
        self.line = line  # 1-based line of the opening fence
        self.lang = lang
        self.attrs = attrs
        self.code = code

    @property
    def first_code_line(self):
        return self.line + 1

    def where(self):
        return "%s:%d" % (self.path, self.line)


class ParseError(Exception):
    """A markdown file whose fences break the convention; the message names file and line."""


def parse(path, text):
    """The fenced blocks of one markdown file, in order. Raises ParseError on an unclosed or
    unlabelled fence, an unknown language or attribute."""
    snippets = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        opening = re.match(r"^(`{3,}|~{3,})\s*(.*)$", lines[i])
        if not opening:
            i += 1
            continue
        fence, info = opening.group(1), opening.group(2).strip()
        start = i + 1
        end = start
        while end < len(lines) and not re.match(r"^%s%s*\s*$" % (re.escape(fence), re.escape(fence[0])), lines[end]):
            end += 1
        if end == len(lines):
            raise ParseError("%s:%d: code fence is never closed" % (path, start))
        words = info.replace(",", " ").split()
        if not words:
            raise ParseError(
                "%s:%d: the fence names no language: write ```text for output, or the snippet's "
                "language (see scripts/check_snippets.py)" % (path, start)
            )
        lang = ALIASES.get(words[0], words[0])
        attrs = words[1:]
        if lang not in CHECKED and lang not in NOT_CHECKED:
            raise ParseError(
                "%s:%d: unknown snippet language %r: known are %s (unchecked: %s)"
                % (path, start, words[0], ", ".join(sorted(CHECKED)), ", ".join(sorted(NOT_CHECKED)))
            )
        if lang in CHECKED:
            bad = [a for a in attrs if a not in ATTRIBUTES]
            if bad:
                raise ParseError(
                    "%s:%d: unknown fence word %r after %r: allowed are %s"
                    % (path, start, bad[0], words[0], ", ".join(sorted(ATTRIBUTES)))
                )
            if "fragment" in attrs and lang not in ("c", "csharp"):
                raise ParseError("%s:%d: `fragment` is for c and csharp blocks only" % (path, start))
        snippets.append(Snippet(path, start, lang, attrs, "\n".join(lines[start:end]) + "\n"))
        i = end + 1
    return snippets


def _split_head(code, is_head):
    """(head lines, body lines, line count of the head): leading lines for which is_head is
    true, or that are blank, go in the head."""
    lines = code.rstrip("\n").split("\n")
    n = 0
    while n < len(lines) and (is_head(lines[n]) or not lines[n].strip()):
        n += 1
    return lines[:n], lines[n:], n


def c_source(snippet):
    """The C translation unit for a `c` snippet, with #line directives naming the markdown."""
    line = '#line %d "%s"\n'
    if "fragment" not in snippet.attrs:
        return line % (snippet.first_code_line, snippet.path) + snippet.code
    head, body, n = _split_head(snippet.code, lambda l: l.lstrip().startswith("#"))
    return (
        line % (snippet.first_code_line, snippet.path)
        + "".join(h + "\n" for h in head)
        + "int main(void) {\n"
        + line % (snippet.first_code_line + n, snippet.path)
        + "".join(b + "\n" for b in body)
        + "return 0;\n}\n"
    )


def csharp_source(snippet):
    """The C# compilation unit for a `csharp` snippet, with #line directives naming the markdown."""
    # mcs resolves a relative #line file name against the source file's directory.
    line = '#line %d "' + os.path.join(ROOT, snippet.path).replace("\\", "\\\\") + '"\n'
    if "fragment" not in snippet.attrs:
        return line % snippet.first_code_line + snippet.code
    head, body, n = _split_head(snippet.code, lambda l: re.match(r"^\s*using\s+[\w.=\s]+;\s*$", l) is not None)
    return (
        line % snippet.first_code_line
        + "".join(h + "\n" for h in head)
        + "static class Snippet\n{\nstatic void Main()\n{\n"
        + line % (snippet.first_code_line + n)
        + "".join(b + "\n" for b in body)
        + "}\n}\n"
    )


def sh_problems(snippet, make_targets):
    """What is wrong with an `sh` snippet: a syntax error, a missing script, an unknown make target."""
    problems = []
    # Blank lines in front, so that bash's line numbers are the markdown's.
    padded = "\n" * snippet.line + snippet.code
    result = subprocess.run(["bash", "-n"], input=padded, text=True, capture_output=True)
    if result.returncode != 0:
        problems.append(result.stderr.replace("bash: line", "%s: line" % snippet.path).strip())
    for offset, text in enumerate(snippet.code.split("\n")):
        code = text.split("#", 1)[0]
        for script in re.findall(r"(?<![\w/.$-])(scripts/[\w./-]+)", code):
            if not os.path.exists(os.path.join(ROOT, script)):
                problems.append("%s:%d: names %s, which does not exist" % (snippet.path, snippet.first_code_line + offset, script))
        for words in re.findall(r"\bmake((?:[ \t]+[^\s;&|()]+)+)", code):
            for word in words.split():
                if "=" not in word and not word.startswith("-") and word not in make_targets:
                    problems.append(
                        "%s:%d: `make %s`: the Makefile has no target %r" % (snippet.path, snippet.first_code_line + offset, word, word)
                    )
    return problems


def python_problems(snippet):
    """A syntax error in a `python` snippet, with the markdown's line number."""
    try:
        compile("\n" * snippet.line + snippet.code, snippet.path, "exec")
    except SyntaxError as e:
        return ["%s:%s: %s" % (snippet.path, e.lineno, e.msg)]
    return []


def makefile_targets():
    with open(os.path.join(ROOT, "Makefile")) as f:
        return set(re.findall(r"^([a-z][\w-]*):", f.read(), re.M))


class Checker:
    """Runs each snippet's check, in a scratch directory, and counts the results."""

    def __init__(self, scratch):
        self.scratch = scratch
        self.passed = 0
        self.failed = []
        self._make_targets = None
        self._ferry_dll = None
        self._ferry_core = None

    def report(self, snippet, what, problems):
        if problems:
            self.failed.append(snippet.where())
            print("FAILED %s (%s): %s" % (snippet.where(), snippet.lang, what))
            for p in problems:
                for line in p.rstrip().split("\n"):
                    print("       | " + line)
        else:
            self.passed += 1
            print("ok     %s (%s): %s" % (snippet.where(), snippet.lang, what))

    def fresh_dir(self, name):
        path = tempfile.mkdtemp(prefix=name + "-", dir=self.scratch)
        return path

    def run_program(self, argv, env=None):
        """Runs argv in an empty directory; returns problems (empty when it exited 0)."""
        cwd = self.fresh_dir("run")
        try:
            result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            return ["did not finish within %d s" % RUN_TIMEOUT]
        if result.returncode != 0:
            return ["exited with status %d\n--- stdout:\n%s--- stderr:\n%s" % (result.returncode, result.stdout, result.stderr)]
        return []

    def compile(self, argv):
        result = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
        if result.returncode != 0:
            return ["%s\n%s%s" % (" ".join(argv), result.stdout, result.stderr)]
        return []

    def check_c(self, snippet):
        out = self.fresh_dir("c")
        source, binary = os.path.join(out, "snippet.c"), os.path.join(out, "snippet")
        with open(source, "w") as f:
            f.write(c_source(snippet))
        libdir = os.path.join(ROOT, "target/release")
        problems = self.compile(
            [os.environ.get("CC", "gcc")] + C_FLAGS + ["-I", "generated/c", source, "-L", libdir, "-lferry", "-o", binary]
        )
        run = "no_run" not in snippet.attrs
        if not problems and run:
            env = dict(os.environ, LD_LIBRARY_PATH=libdir)
            problems = self.run_program([binary], env)
        self.report(snippet, "gcc %s%s" % (" ".join(C_FLAGS), ", run" if run else " (no_run)"), problems)

    def ferry_dll(self):
        """target/dotnet/Ferry.dll, built once by scripts/build-dotnet.sh."""
        if self._ferry_dll is None:
            subprocess.run(["scripts/build-dotnet.sh"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
            self._ferry_dll = os.path.join(ROOT, "target/dotnet/Ferry.dll")
        return self._ferry_dll

    def check_csharp(self, snippet):
        out = self.fresh_dir("cs")
        source, exe = os.path.join(out, "Snippet.cs"), os.path.join(out, "Snippet.exe")
        with open(source, "w") as f:
            f.write(csharp_source(snippet))
        dll = self.ferry_dll()
        problems = self.compile(["mcs", "-langversion:7.2", "-warnaserror", "-nologo", "-r:" + dll, "-out:" + exe, source])
        run = "no_run" not in snippet.attrs
        if not problems and run:
            # Ferry.dll and libferry.so beside the program, as the NuGet package lays them out.
            for name in ("Ferry.dll", "libferry.so"):
                shutil.copy(os.path.join(os.path.dirname(dll), name), out)
            problems = self.run_program(["mono", "--debug", exe])
        self.report(snippet, "mcs -langversion:7.2 -warnaserror%s" % (", run" if run else " (no_run)"), problems)

    def ferry_core_rlib(self):
        """The release rlib of ferry-core, built by cargo; its dependencies are in target/release/deps."""
        if self._ferry_core is None:
            cargo = os.environ.get("CARGO", "cargo")
            result = subprocess.run(
                [cargo, "build", "--locked", "--release", "--quiet", "-p", "ferry-core", "--lib", "--message-format=json"],
                cwd=ROOT, check=True, capture_output=True, text=True,
            )
            for line in result.stdout.splitlines():
                message = json.loads(line)
                if message.get("reason") == "compiler-artifact" and message["target"]["name"] == "ferry_core":
                    self._ferry_core = next(f for f in message["filenames"] if f.endswith(".rlib"))
            if self._ferry_core is None:
                raise RuntimeError("cargo build -p ferry-core reported no rlib")
        return self._ferry_core

    def check_rust_file(self, path, snippets):
        """All Rust blocks of one file, through rustdoc --test (one run per file)."""
        rlib = self.ferry_core_rlib()
        with open(os.path.join(ROOT, "Cargo.toml")) as f:
            edition = re.search(r'^edition\s*=\s*"(\d+)"', f.read(), re.M).group(1)
        argv = [
            "rustdoc", "--test", path, "--edition", edition,
            "--extern", "ferry_core=" + rlib, "-L", "dependency=" + os.path.join(os.path.dirname(rlib), "deps"),
            "--test-run-directory", self.fresh_dir("rust"),
        ]  # fmt: skip
        result = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
        output = result.stdout + result.stderr
        for snippet in snippets:
            # rustdoc names a test "FILE - HEADING (line N)", N being the opening fence's line.
            verdict = re.search(r"^test %s - .*\(line %d\)[^\n]* \.\.\. (\w+)" % (re.escape(path), snippet.line), output, re.M)
            what = "rustdoc --test" + (" (no_run)" if "no_run" in snippet.attrs else ", run")
            if verdict and verdict.group(1) == "ok":
                self.report(snippet, what, [])
            else:
                self.report(snippet, what, [" ".join(argv) + "\n" + output])

    def check_file(self, path):
        try:
            with open(os.path.join(ROOT, path)) as f:
                snippets = parse(path, f.read())
        except ParseError as e:
            self.failed.append(path)
            print("FAILED %s" % e)
            return
        for snippet in snippets:
            if snippet.lang == "c":
                self.check_c(snippet)
            elif snippet.lang == "csharp":
                self.check_csharp(snippet)
            elif snippet.lang == "sh":
                if self._make_targets is None:
                    self._make_targets = makefile_targets()
                self.report(snippet, "bash -n, scripts and make targets exist", sh_problems(snippet, self._make_targets))
            elif snippet.lang == "python":
                self.report(snippet, "compile() (syntax)", python_problems(snippet))
        rust = [s for s in snippets if s.lang == "rust"]
        if rust:
            self.check_rust_file(path, rust)


def main(argv):
    files = argv or sorted(p for pattern in DEFAULT_FILES for p in glob.glob(pattern, root_dir=ROOT))
    scratch = tempfile.mkdtemp(prefix="ferry-snippets-")
    try:
        checker = Checker(scratch)
        for path in files:
            checker.check_file(os.path.relpath(os.path.join(ROOT, path), ROOT))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if checker.failed:
        print("test-docs: %d snippet(s) failed: %s" % (len(checker.failed), ", ".join(checker.failed)))
        return 1
    print("test-docs: %d snippets compiled (and run where they are programs) in %d files" % (checker.passed, len(files)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
