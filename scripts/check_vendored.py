#!/usr/bin/env python3
"""Checks that the vendored third-party trees are exactly what the lockfiles name.

    check_vendored.py crates VENDOR_DIR CARGO_LOCK...
        VENDOR_DIR (vendor/crates) holds one directory NAME-VERSION for every crates.io
        package that any of the CARGO_LOCK files names, and no other; each one's
        .cargo-checksum.json gives the lockfile's checksum for it and every file in it has the
        checksum listed there (no file missing, none added). The whole tree stays within the
        size budget (--max-mib).
    check_vendored.py wheels VENDOR_DIR REQUIREMENTS
        VENDOR_DIR (vendor/python) holds one wheel for every `name==version` pin of
        REQUIREMENTS and no other, and SHA256SUMS there matches every wheel.

Prints one summary line and exits 0, or prints every difference and exits 1, saying how to
fix it. Standard library only: it runs before anything is installed.
"""

import argparse
import hashlib
import json
import os
import re
import sys
import tomllib

CRATES_IO = "registry+https://github.com/rust-lang/crates.io-index"
CHECKSUM_FILE = ".cargo-checksum.json"
FIX = "run `make vendor` and commit vendor/ with the lockfiles"


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def files_below(directory):
    """Every regular file below directory, as a '/'-separated path relative to it."""
    found = []
    for parent, _dirs, names in os.walk(directory):
        for name in names:
            found.append(os.path.relpath(os.path.join(parent, name), directory).replace(os.sep, "/"))
    return found


def locked_packages(lockfiles):
    """{(name, version): checksum} of the crates.io packages the lockfiles name."""
    packages, problems = {}, []
    for lockfile in lockfiles:
        with open(lockfile, "rb") as file:
            lock = tomllib.load(file)
        for package in lock.get("package", []):
            source = package.get("source")
            if source is None:
                continue  # a workspace member or a path dependency: in the tree already
            key = (package["name"], package["version"])
            if source != CRATES_IO:
                problems.append(f"{lockfile}: {key[0]} {key[1]} comes from {source}; only crates.io packages can be vendored")
            elif "checksum" not in package:
                problems.append(f"{lockfile}: {key[0]} {key[1]} has no checksum")
            elif packages.setdefault(key, package["checksum"]) != package["checksum"]:
                problems.append(f"{lockfile}: {key[0]} {key[1]} has another checksum than in an earlier lockfile")
    return packages, problems


def check_crate(directory, expected_checksum):
    """The differences between one vendored crate directory and its checksum file."""
    problems = []
    try:
        with open(os.path.join(directory, CHECKSUM_FILE)) as file:
            recorded = json.load(file)
    except (OSError, ValueError) as error:
        return [f"{directory}: no readable {CHECKSUM_FILE} ({error})"]
    if recorded.get("package") != expected_checksum:
        problems.append(f"{directory}: package checksum {recorded.get('package')} is not the lockfile's {expected_checksum}")
    listed = recorded.get("files", {})
    present = set(files_below(directory)) - {CHECKSUM_FILE}
    for path in sorted(present - listed.keys()):
        problems.append(f"{directory}/{path}: not in {CHECKSUM_FILE} (added by hand?)")
    for path in sorted(listed.keys() - present):
        problems.append(f"{directory}/{path}: listed in {CHECKSUM_FILE} but missing")
    for path in sorted(present & listed.keys()):
        if sha256_of(os.path.join(directory, path)) != listed[path]:
            problems.append(f"{directory}/{path}: differs from the published file (checksum mismatch)")
    return problems


def check_crates(vendor_dir, lockfiles, max_mib):
    packages, problems = locked_packages(lockfiles)
    if not os.path.isdir(vendor_dir):
        return problems + [f"{vendor_dir}: missing"], ""
    wanted = {f"{name}-{version}": checksum for (name, version), checksum in packages.items()}
    present = sorted(entry for entry in os.listdir(vendor_dir) if not entry.startswith("."))
    for entry in present:
        if entry not in wanted:
            problems.append(f"{vendor_dir}/{entry}: no lockfile names it")
    for entry, checksum in sorted(wanted.items()):
        if entry not in present:
            problems.append(f"{vendor_dir}/{entry}: missing (a lockfile names it)")
        else:
            problems.extend(check_crate(os.path.join(vendor_dir, entry), checksum))
    total = sum(os.path.getsize(os.path.join(vendor_dir, path)) for path in files_below(vendor_dir))
    if total > max_mib << 20:
        problems.append(
            f"{vendor_dir}: {total / (1 << 20):.1f} MiB, over the budget of {max_mib} MiB "
            "(did a Windows- or macOS-only crate lose its stub?)"
        )
    summary = (
        f"{vendor_dir}: {len(present)} crates, exactly those {len(lockfiles)} lockfiles name, "
        f"every file as published ({total / (1 << 20):.1f} MiB)"
    )
    return problems, summary


def wheel_key(filename):
    """(normalized name, version) of a wheel file name (PEP 427)."""
    name, version = filename.split("-")[:2]
    return normalize(name), version


def normalize(name):
    return re.sub(r"[-_.]+", "_", name).lower()


def check_wheels(vendor_dir, requirements):
    problems, pins = [], {}
    if not os.path.isdir(vendor_dir):
        return [f"{vendor_dir}: missing"], ""
    with open(requirements) as file:
        for number, line in enumerate(file, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;=]+)", line)
            if not match:
                problems.append(f"{requirements}:{number}: `{line}` is not an exact pin `name==version`")
                continue
            pins[normalize(match[1])] = match[2]
    wheels = sorted(entry for entry in os.listdir(vendor_dir) if entry.endswith(".whl"))
    by_name = {}
    for wheel in wheels:
        name, version = wheel_key(wheel)
        by_name.setdefault(name, []).append((version, wheel))
    for name, version in sorted(pins.items()):
        found = by_name.get(name, [])
        if [v for v, _ in found] != [version]:
            have = ", ".join(w for _, w in found) or "none"
            problems.append(f"{vendor_dir}: {requirements} pins {name}=={version}; the wheels for it: {have}")
    for name in sorted(by_name.keys() - pins.keys()):
        problems.append(f"{vendor_dir}: {', '.join(w for _, w in by_name[name])}: {requirements} does not pin it")
    sums_path = os.path.join(vendor_dir, "SHA256SUMS")
    sums = {}
    try:
        with open(sums_path) as file:
            for line in file:
                digest, _, wheel = line.strip().partition("  ")
                sums[wheel] = digest
    except OSError as error:
        problems.append(f"{sums_path}: {error}")
    for wheel in wheels:
        if wheel not in sums:
            problems.append(f"{vendor_dir}/{wheel}: not in SHA256SUMS")
        elif sha256_of(os.path.join(vendor_dir, wheel)) != sums[wheel]:
            problems.append(f"{vendor_dir}/{wheel}: checksum differs from SHA256SUMS")
    for wheel in sorted(sums.keys() - set(wheels)):
        problems.append(f"{sums_path}: lists {wheel}, which is missing")
    summary = f"{vendor_dir}: {len(wheels)} wheels, exactly the pins of {requirements}, checksums as recorded"
    return problems, summary


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    crates = commands.add_parser("crates", help="vendor/crates against the Cargo.lock files")
    crates.add_argument("vendor_dir")
    crates.add_argument("lockfiles", nargs="+")
    crates.add_argument("--max-mib", type=int, default=120, help="size budget of the tree (default 120)")
    wheels = commands.add_parser("wheels", help="vendor/python against a requirements file")
    wheels.add_argument("vendor_dir")
    wheels.add_argument("requirements")
    args = parser.parse_args(argv)

    if args.command == "crates":
        problems, summary = check_crates(args.vendor_dir, args.lockfiles, args.max_mib)
    else:
        problems, summary = check_wheels(args.vendor_dir, args.requirements)
    if problems:
        for problem in problems:
            print(f"check-vendor: {problem}", file=sys.stderr)
        print(f"check-vendor: {len(problems)} differences; {FIX}", file=sys.stderr)
        return 1
    print(f"check-vendor: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
