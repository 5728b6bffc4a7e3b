#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The public headers compile as C++ without a warning, C-style casts included.

    check_cxx_headers.py CXX SOURCE_DIR GENERATED_INCLUDE_DIR WORK_DIR

Compiles, with CXX -std=c++11 -Wall -Wextra -Wpedantic -Wold-style-cast -Werror -fsyntax-only:
each header of include/isomm/ on its own (each is self-contained), and one translation unit that
includes isomm/isomm.h and expands every object-like ISOMM_* macro of the headers (an *_INIT
macro initialises its struct), since a macro is only checked where it is used. A function-like
macro fails the check until this script learns how to call it. Exit status 0 when all compile.
"""
import glob
import os
import re
import subprocess
import sys

FLAGS = ["-std=c++11", "-Wall", "-Wextra", "-Wpedantic", "-Wold-style-cast", "-Werror", "-fsyntax-only"]
DEFINE = re.compile(r"^\s*#\s*define\s+(ISOMM_\w+)(\(?)(.*)$", re.M)


def main():
    cxx, source, generated, work = sys.argv[1:5]
    include = os.path.join(source, "include")
    headers = sorted(glob.glob(os.path.join(include, "isomm", "*.h")))
    flags = FLAGS + ["-I" + include, "-I" + generated]
    os.makedirs(work, exist_ok=True)
    problems = []
    uses = []
    for path in headers + [os.path.join(generated, "isomm", "version.h")]:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for name, paren, value in DEFINE.findall(text):
            if name.endswith("_H"):
                continue
            if paren:
                problems.append(f"{os.path.basename(path)}: {name} is a function-like macro: "
                                "add a call to it in tests/abi/check_cxx_headers.py")
            elif name.endswith("_INIT"):
                uses.append(f"    {name[:-5].lower()} v_{name.lower()} = {name};")
            else:
                uses.append(f"    auto v_{name.lower()} = {name};")
            if not paren:
                uses.append(f"    (void)v_{name.lower()};")
    units = []
    for path in headers:
        name = os.path.basename(path)
        unit = os.path.join(work, "header_" + name.replace(".", "_") + ".cpp")
        units.append((unit, f'#include "isomm/{name}"\n'))
    unit = os.path.join(work, "macros.cpp")
    units.append((unit, '#include "isomm/isomm.h"\n\nint main()\n{\n' + "\n".join(uses) + "\n    return 0;\n}\n"))
    for unit, text in units:
        with open(unit, "w", encoding="utf-8") as f:
            f.write(text)
        run = subprocess.run([cxx] + flags + [unit], capture_output=True, text=True)
        if run.returncode != 0:
            problems.append(f"{unit}: {cxx} {' '.join(FLAGS)} failed:\n{run.stderr.strip()}")
    for p in problems:
        print(p)
    print(f"{len(units)} C++ translation units, {len(uses) // 2} macros expanded")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
