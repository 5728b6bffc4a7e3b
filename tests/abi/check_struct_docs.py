#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Every public struct says in its header how it may change, and the abidiff suppressions agree.

    check_struct_docs.py SOURCE_DIR

Each `typedef struct NAME {` in include/isomm/*.h must carry, in the comment just above it,
exactly one of:
  "ABI: library-owned, may grow"                   the library allocates it, callers read it
  "ABI: caller may allocate, has a version field"  an options struct; its first field is
                                                   `unsigned int version;`
  "ABI: caller-allocated, fixed layout"            never changes while the SONAME stays
The structs of the first two kinds, and no others, are the ones abi/libisomm.abignore lets grow
at their end. Exit status 0 when all holds, 1 with one line per problem otherwise.
"""
import glob
import os
import re
import sys

KINDS = {
    "ABI: library-owned, may grow": "grow",
    "ABI: caller may allocate, has a version field": "versioned",
    "ABI: caller-allocated, fixed layout": "fixed",
}
STRUCT = re.compile(r"typedef struct (isomm_\w+) \{")


def header_structs(source):
    """{name: (kind or None, file, line)} for every public struct definition."""
    found = {}
    for path in sorted(glob.glob(os.path.join(source, "include", "isomm", "*.h*"))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for m in STRUCT.finditer(text):
            before = text[: m.start()].rstrip()
            comment = before[before.rfind("/**"):] if before.endswith("*/") else ""
            comment = " ".join(line.strip(" */") for line in comment.splitlines())
            kinds = [kind for phrase, kind in KINDS.items() if phrase in comment]
            line = text.count("\n", 0, m.start()) + 1
            body = text[m.end(): text.find("}", m.end())]
            first = body.strip().split(";")[0].split() if body.strip() else []
            found[m.group(1)] = (kinds, os.path.relpath(path, source), line, first)
    return found


def suppressed(source):
    path = os.path.join(source, "abi", "libisomm.abignore")
    with open(path, encoding="utf-8") as f:
        m = re.search(r"^\s*name_regexp = \^isomm_\(([\w|]+)\)\$$", f.read(), re.M)
    if not m:
        return None
    return {"isomm_" + name for name in m.group(1).split("|")}


def main():
    source = sys.argv[1]
    structs = header_structs(source)
    problems = []
    if not structs:
        problems.append("no public struct found under include/isomm/")
    for name, (kinds, path, line, first) in sorted(structs.items()):
        if len(kinds) != 1:
            problems.append(f"{path}:{line}: struct {name}: the comment above it must say exactly one of "
                            + "; ".join(f'"{p}"' for p in KINDS) + f" (found {len(kinds)})")
        elif kinds[0] == "versioned" and first != ["unsigned", "int", "version"]:
            problems.append(f"{path}:{line}: struct {name} says it has a version field, but its first "
                            f"field is '{' '.join(first)}' (expected 'unsigned int version')")
    growing = {n for n, (k, *_rest) in structs.items() if k in (["grow"], ["versioned"])}
    allowed = suppressed(source)
    if allowed is None:
        problems.append("abi/libisomm.abignore: no line 'name_regexp = ^isomm_(a|b|...)$'")
    else:
        for name in sorted(growing - allowed):
            problems.append(f"abi/libisomm.abignore: {name} may grow (its header says so) but is not in name_regexp")
        for name in sorted(allowed - growing):
            problems.append(f"abi/libisomm.abignore: {name} is in name_regexp but no header calls it growable")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
