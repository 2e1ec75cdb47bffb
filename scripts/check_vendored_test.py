"""Tests of check_vendored.py: each kind of drift between the lockfiles and vendor/ is caught.

Run by `make test-vendor` (python3 -m unittest). Each test builds a small vendored tree the way
`cargo vendor` and `pip download` lay it out, checks that it passes, changes one thing and
checks that the change is reported.
"""

import hashlib
import io
import json
import os
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout

import check_vendored

CRATES_IO = check_vendored.CRATES_IO


def sha256(data):
    return hashlib.sha256(data).hexdigest()


class Fixture:
    """A vendor/crates tree with two crates, a Cargo.lock naming them, and a wheel set."""

    def __init__(self, root):
        self.root = root
        self.crates = os.path.join(root, "crates")
        self.python = os.path.join(root, "python")
        self.lock = os.path.join(root, "Cargo.lock")
        self.requirements = os.path.join(root, "requirements.txt")
        os.makedirs(self.crates)
        os.makedirs(self.python)
        self.checksums = {}
        for name, version in [("alpha", "1.0.0"), ("beta", "0.2.3")]:
            self.add_crate(name, version, {"Cargo.toml": b"[package]\n", "src/lib.rs": b"// " + name.encode()})
        self.write_lock(self.checksums)
        self.wheels = {"six-1.16.0-py2.py3-none-any.whl": b"six", "Py_Yaml-6.0-cp311-cp311-manylinux_2_17_x86_64.whl": b"y"}
        for wheel, data in self.wheels.items():
            self.write(os.path.join(self.python, wheel), data)
        self.write_sums()
        self.write(self.requirements, b"# pins\nsix==1.16.0\npy-yaml==6.0  # a comment\n")

    def write(self, path, data):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as file:
            file.write(data)

    def add_crate(self, name, version, files):
        directory = os.path.join(self.crates, f"{name}-{version}")
        for path, data in files.items():
            self.write(os.path.join(directory, path), data)
        package = sha256(f"{name}-{version}".encode())
        record = {"files": {path: sha256(data) for path, data in files.items()}, "package": package}
        self.write(os.path.join(directory, ".cargo-checksum.json"), json.dumps(record).encode())
        self.checksums[(name, version)] = package

    def write_lock(self, checksums, extra=""):
        text = "version = 4\n\n[[package]]\nname = \"member\"\nversion = \"0.1.0\"\n"
        for (name, version), checksum in sorted(checksums.items()):
            text += f'\n[[package]]\nname = "{name}"\nversion = "{version}"\nsource = "{CRATES_IO}"\nchecksum = "{checksum}"\n'
        self.write(self.lock, (text + extra).encode())

    def write_sums(self):
        lines = [f"{sha256(data)}  {wheel}\n" for wheel, data in sorted(self.wheels.items())]
        self.write(os.path.join(self.python, "SHA256SUMS"), "".join(lines).encode())

    def check(self, kind):
        """(exit status, everything printed) of one check_vendored.py run."""
        out, err = io.StringIO(), io.StringIO()
        if kind == "crates":
            argv = ["crates", self.crates, self.lock]
        else:
            argv = ["wheels", self.python, self.requirements]
        with redirect_stdout(out), redirect_stderr(err):
            status = check_vendored.main(argv)
        return status, out.getvalue() + err.getvalue()


class VendorCase(unittest.TestCase):
    """A fresh fixture per test, first checked to pass as built."""

    kind = None  # "crates" or "wheels"
    clean_summary = None

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.fixture = Fixture(self.tmp.name)
        status, output = self.fixture.check(self.kind)
        self.assertEqual(status, 0, output)
        self.assertIn(self.clean_summary, output)

    def tearDown(self):
        self.tmp.cleanup()

    def assert_reported(self, expected):
        status, output = self.fixture.check(self.kind)
        self.assertEqual(status, 1, output)
        self.assertIn(expected, output)
        self.assertIn("run `make vendor`", output)


class CratesTest(VendorCase):
    kind = "crates"
    clean_summary = "2 crates, exactly those 1 lockfiles name"

    def test_an_edited_file_is_reported(self):
        self.fixture.write(os.path.join(self.fixture.crates, "alpha-1.0.0", "src/lib.rs"), b"// patched by hand")
        self.assert_reported("alpha-1.0.0/src/lib.rs: differs from the published file")

    def test_an_added_file_is_reported(self):
        self.fixture.write(os.path.join(self.fixture.crates, "beta-0.2.3", "src/extra.rs"), b"")
        self.assert_reported("beta-0.2.3/src/extra.rs: not in .cargo-checksum.json")

    def test_a_removed_file_is_reported(self):
        os.remove(os.path.join(self.fixture.crates, "beta-0.2.3", "src/lib.rs"))
        self.assert_reported("beta-0.2.3/src/lib.rs: listed in .cargo-checksum.json but missing")

    def test_a_crate_the_lockfile_names_but_vendor_lacks_is_reported(self):
        self.fixture.write_lock({**self.fixture.checksums, ("gamma", "3.0.0"): "0" * 64})
        self.assert_reported("gamma-3.0.0: missing (a lockfile names it)")

    def test_a_crate_no_lockfile_names_is_reported(self):
        self.fixture.add_crate("stale", "0.1.0", {"Cargo.toml": b""})
        self.assert_reported("stale-0.1.0: no lockfile names it")

    def test_a_lockfile_checksum_that_differs_is_reported(self):
        self.fixture.write_lock({**self.fixture.checksums, ("alpha", "1.0.0"): "f" * 64})
        self.assert_reported("alpha-1.0.0: package checksum")

    def test_a_git_dependency_is_reported(self):
        extra = '\n[[package]]\nname = "fromgit"\nversion = "1.0.0"\nsource = "git+https://example.invalid/x#abc"\n'
        self.fixture.write_lock(self.fixture.checksums, extra)
        self.assert_reported("fromgit 1.0.0 comes from git+")

    def test_a_tree_over_the_size_budget_is_reported(self):
        self.fixture.add_crate("huge", "1.0.0", {"lib.a": b"\0" * (2 << 20)})
        self.fixture.write_lock(self.fixture.checksums)
        status, output = self.fixture.check("crates")
        self.assertEqual(status, 0, output)
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            status = check_vendored.main(["crates", self.fixture.crates, self.fixture.lock, "--max-mib", "1"])
        self.assertEqual(status, 1)
        self.assertIn("over the budget of 1 MiB", err.getvalue())


class WheelsTest(VendorCase):
    kind = "wheels"
    clean_summary = "2 wheels, exactly the pins"

    def test_a_pin_without_its_wheel_is_reported(self):
        self.fixture.write(self.fixture.requirements, b"six==1.17.0\npy-yaml==6.0\n")
        self.assert_reported("pins six==1.17.0; the wheels for it: six-1.16.0-py2.py3-none-any.whl")

    def test_a_wheel_nothing_pins_is_reported(self):
        self.fixture.write(self.fixture.requirements, b"six==1.16.0\n")
        self.assert_reported("does not pin it")

    def test_a_loose_requirement_is_reported(self):
        self.fixture.write(self.fixture.requirements, b"six>=1.16\npy-yaml==6.0\n")
        self.assert_reported("is not an exact pin")

    def test_a_changed_wheel_is_reported(self):
        self.fixture.write(os.path.join(self.fixture.python, "six-1.16.0-py2.py3-none-any.whl"), b"evil")
        self.assert_reported("six-1.16.0-py2.py3-none-any.whl: checksum differs from SHA256SUMS")


if __name__ == "__main__":
    unittest.main()
