#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The installed man pages are clean and say what they should.

    check_man.py SOURCE_DIR PAGE... [--also NAME(SECTION)...]

For each page: `mandoc -T lint` reports nothing (style messages included), `groff -ww -man -z`
warns of nothing, the source is plain ASCII (other characters are written as groff escapes),
.TH gives the release date and version of CMakeLists.txt, and SEE ALSO names only pages this
project installs (the PAGE arguments and those named after --also). libisomm(3) also lists every
public header and every isomm_code of include/isomm/common.h, so it cannot drift from them.
Needs mandoc and groff (Debian: mandoc, groff). Exit status 0 when all holds.
"""
import glob
import os
import re
import subprocess
import sys


def run(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True)
    except FileNotFoundError:
        return f"{cmd[0]} is not installed (Debian package {cmd[0]}): the page cannot be checked"
    return (p.stdout + p.stderr).strip()


def main():
    args = sys.argv[2:]
    also = args[args.index("--also") + 1:] if "--also" in args else []
    source, pages = sys.argv[1], args[:len(args) - len(also) - (1 if also else 0)]
    problems = []
    installed = set(also)
    with open(os.path.join(source, "CMakeLists.txt"), encoding="utf-8") as f:
        cmake = f.read()
    version = re.search(r"^project\(isomm VERSION (\S+)", cmake, re.M).group(1)
    date = re.search(r"^set\(ISOMM_RELEASE_DATE (\S+)\)", cmake, re.M).group(1)
    for page in pages:
        name, section = os.path.basename(page).rsplit(".", 1)
        installed.add(f"{name}({section})")
    for page in pages:
        with open(page, "rb") as f:
            raw = f.read()
        for lineno, line in enumerate(raw.split(b"\n"), 1):
            if any(b > 126 or (b < 32 and b != 9) for b in line):
                problems.append(f"{page}:{lineno}: a byte outside printable ASCII (write it as a groff escape)")
        text = raw.decode("ascii", "replace")
        lint = run(["mandoc", "-T", "lint", page])
        if lint:
            problems.append(f"{page}: mandoc -T lint:\n{lint}")
        groff = run(["groff", "-ww", "-man", "-z", page])
        if groff:
            problems.append(f"{page}: groff -ww:\n{groff}")
        th = re.search(r"^\.TH \S+ \d (\S+) \"libisomm (\S+)\"", text, re.M)
        if not th or th.groups() != (date, version):
            problems.append(f"{page}: .TH must give the date {date} and \"libisomm {version}\" of CMakeLists.txt"
                            f" (found {th.groups() if th else 'no .TH'})")
        see_also = text.split(".SH SEE ALSO", 1)
        if len(see_also) != 2:
            problems.append(f"{page}: no SEE ALSO section")
        else:
            tail = see_also[1].split("\n.SH", 1)[0]
            for ref, sec in re.findall(r"^\.BR\s+(\S+)\s+\((\d)\)", tail, re.M):
                if f"{ref}({sec})" not in installed:
                    problems.append(f"{page}: SEE ALSO names {ref}({sec}), which this project does not install")
            if re.search(r"\.md\b|README|docs/", tail):
                problems.append(f"{page}: SEE ALSO names a file that is not installed")
        if os.path.basename(page) == "libisomm.3":
            with open(os.path.join(source, "include", "isomm", "common.h"), encoding="utf-8") as f:
                codes = re.findall(r"^\s*(ISOMM_E?[A-Z]+) = -?\d+,?", f.read(), re.M)
            for code in codes:
                if not re.search(r"^\.B %s$" % code, text, re.M):
                    problems.append(f"{page}: RETURN VALUES lacks {code}")
            for header in sorted(glob.glob(os.path.join(source, "include", "isomm", "*.h*"))):
                h = "isomm/" + os.path.basename(header).replace(".h.in", ".h")
                if f".I {h}\n" not in text:
                    problems.append(f"{page}: DESCRIPTION lacks the header {h}")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
