"""Tests of check_snippets.py: the fence convention is enforced, fragments are wrapped, and a
broken snippet of each kind is reported with its file and line.

Run by `make test-docs` (python3 -m unittest) before the snippets themselves. The C test at the
end compiles and runs real programs against target/release/libferry.so.
"""

import contextlib
import io
import os
import tempfile
import unittest

import check_snippets
from check_snippets import ParseError, Snippet, parse


def snippet(code, lang="c", attrs=(), line=10):
    return Snippet("doc.md", line, lang, list(attrs), code)


class ParseTest(unittest.TestCase):
    def test_blocks_with_language_words_and_lines(self):
        text = "# T\n\n```c fragment\nint x;\n```\n\ntext\n~~~text\nout\n~~~\n```rust no_run\nfn main() {}\n```\n"
        blocks = parse("doc.md", text)
        self.assertEqual([(b.line, b.lang, b.attrs) for b in blocks], [(3, "c", ["fragment"]), (8, "text", []), (11, "rust", ["no_run"])])
        self.assertEqual(blocks[0].code, "int x;\n")

    def test_aliases(self):
        blocks = parse("doc.md", "```cs\nclass A {}\n```\n```bash\ntrue\n```\n")
        self.assertEqual([b.lang for b in blocks], ["csharp", "sh"])

    def test_a_fence_without_language_is_refused(self):
        with self.assertRaisesRegex(ParseError, r"^doc\.md:2: the fence names no language"):
            parse("doc.md", "x\n```\nplain\n```\n")

    def test_an_unknown_language_is_refused(self):
        with self.assertRaisesRegex(ParseError, r"^doc\.md:1: unknown snippet language 'go'"):
            parse("doc.md", "```go\npackage main\n```\n")

    def test_ignore_and_unknown_words_are_refused(self):
        with self.assertRaisesRegex(ParseError, r"unknown fence word 'ignore'"):
            parse("doc.md", "```rust ignore\nfn main() {}\n```\n")
        with self.assertRaisesRegex(ParseError, r"`fragment` is for c and csharp"):
            parse("doc.md", "```rust fragment\nlet x = 1;\n```\n")

    def test_an_unclosed_fence_is_refused(self):
        with self.assertRaisesRegex(ParseError, r"^doc\.md:1: code fence is never closed"):
            parse("doc.md", "```c\nint main(void) { return 0; }\n")

    def test_a_longer_fence_holds_a_shorter_one(self):
        blocks = parse("doc.md", "````text\n```c\n````\n")
        self.assertEqual([(b.lang, b.code) for b in blocks], [("text", "```c\n")])


class WrapTest(unittest.TestCase):
    def test_c_fragment_keeps_includes_on_top_and_maps_lines(self):
        source = check_snippets.c_source(snippet('#include <stdio.h>\n\nputs("hi");\n', attrs=["fragment"]))
        self.assertEqual(
            source,
            '#line 11 "doc.md"\n#include <stdio.h>\n\nint main(void) {\n#line 13 "doc.md"\nputs("hi");\nreturn 0;\n}\n',
        )

    def test_c_program_is_left_alone(self):
        source = check_snippets.c_source(snippet("int main(void) { return 0; }\n"))
        self.assertEqual(source, '#line 11 "doc.md"\nint main(void) { return 0; }\n')

    def test_csharp_fragment_keeps_using_directives_not_statements(self):
        code = "using System;\nusing (var s = new System.IO.MemoryStream())\n    Console.WriteLine(s.Length);\n"
        source = check_snippets.csharp_source(snippet(code, lang="csharp", attrs=["fragment"]))
        head, body = source.split("static void Main()")
        self.assertIn("using System;", head)
        self.assertNotIn("MemoryStream", head)
        self.assertIn('#line 12 "', body)
        self.assertIn("using (var s", body)


class ShellAndPythonTest(unittest.TestCase):
    def test_good_shell(self):
        self.assertEqual(check_snippets.sh_problems(snippet("make test   # make nothing\nscripts/test-c.sh\n", "sh"), {"test"}), [])

    def test_syntax_error_names_the_markdown_line(self):
        problems = check_snippets.sh_problems(snippet("if true; then\n  echo\n", "sh"), set())
        self.assertEqual(len(problems), 1)
        self.assertIn("doc.md: line", problems[0])

    def test_missing_script_and_make_target(self):
        problems = check_snippets.sh_problems(snippet("true\nscripts/nope.sh\nmake bench-nope DATAPATH=x\n", "sh"), {"bench"})
        self.assertEqual(
            problems,
            [
                "doc.md:12: names scripts/nope.sh, which does not exist",
                "doc.md:13: `make bench-nope`: the Makefile has no target 'bench-nope'",
            ],
        )

    def test_python_syntax_error_names_the_markdown_line(self):
        self.assertEqual(check_snippets.python_problems(snippet("x = 1\ndef f(:\n", "python")), ["doc.md:12: invalid syntax"])
        self.assertEqual(check_snippets.python_problems(snippet("x = 1\n", "python")), [])


class EndToEndTest(unittest.TestCase):
    """Real compiles and runs: a good C program passes; a compile error and a non-zero exit fail."""

    def check(self, markdown):
        with tempfile.TemporaryDirectory() as scratch:
            path = os.path.join(scratch, "doc.md")
            with open(path, "w") as f:
                f.write(markdown)
            checker = check_snippets.Checker(scratch)
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                checker.check_file(os.path.relpath(path, check_snippets.ROOT))
            return checker, out.getvalue()

    def test_c(self):
        good = '```c\n#include "ferry.h"\nint main(void) { return ferry_status_name(0) ? 0 : 1; }\n```\n'
        checker, out = self.check(good)
        self.assertEqual((checker.passed, checker.failed), (1, []), out)

        checker, out = self.check("text\n" + good.replace("ferry_status_name", "ferry_no_such_function"))
        self.assertEqual(checker.passed, 0, out)
        self.assertRegex(out, r"FAILED \S*doc\.md:2 \(c\)")
        self.assertRegex(out, r"doc\.md:4:\d+: error: implicit declaration of function .ferry_no_such_function")

        checker, out = self.check("```c fragment\n#include <stdlib.h>\nexit(3);\n```\n")
        self.assertEqual(checker.passed, 0, out)
        self.assertIn("exited with status 3", out)


if __name__ == "__main__":
    unittest.main()
