#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Benchmark: isomm.read_csv + Assessment.evaluate against plain Python doing the same work.

Generates (once) an assessment CSV with many assessments, then times, in one run:
  C:      isomm.read_csv(file) and evaluate() of every assessment (reading each overall maturity);
  Python: the csv module reading the same file with the same validation, and the ISOMM rules
          (ISOMM-MODEL.md sections 4-8) written in Python.
Both sides' results are compared afterwards (outside the timings), so the figures compare equal work.

    PYTHONPATH=build/bindings/python/site /usr/bin/python3 tests/bench/bench_python.py [--assessments N]
"""

import argparse
import csv
import datetime
import os
import pathlib
import random
import re
import sys
import tempfile
import time

import isomm

DATA = pathlib.Path(__file__).resolve().parents[1] / "data"
PATTERNS = ["full-outsource", "minimum-insource", "hybrid", "minimum-outsource", "full-insource"]
PATTERN_NAMES_JA = ["フルアウトソース", "ミニマムインソース", "ハイブリッド", "ミニマムアウトソース", "フルインソース"]
LISTS = ["strengthen_insource", "strengthen_outsource", "switch_to_insource", "switch_to_outsource"]
DOMAINS = {"I": 1, "II": 2, "III": 3, "IV": 4}
SOURCINGS = {"insource": "insource", "in": "insource", "インソース": "insource",
             "outsource": "outsource", "out": "outsource", "アウトソース": "outsource"}
COLUMNS = ["assessment", "organization", "assessor", "date", "current_pattern", "target_pattern", "role",
           "sourcing", "level", "note"]
META = ["organization", "assessor", "date", "current_pattern", "target_pattern"]
DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def load_catalogue():
    with open(DATA / "roles-v2.1.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    codes = [r["code"] for r in rows]
    functions = sorted({r["function"] for r in rows})
    members = {fn: [i for i, r in enumerate(rows) if r["function"] == fn] for fn in functions}
    return codes, {c: i for i, c in enumerate(codes)}, [DOMAINS[r["domain"]] for r in rows], functions, members


CODES, INDEX, DOMAIN, FUNCTIONS, MEMBERS = load_catalogue()


def generate(path, count, seed=2026):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for n in range(count):
            meta = [f"org-{n % 97}", "assessor", f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}",
                    rng.choice(PATTERNS), rng.choice(PATTERNS)]
            for i, code in enumerate(CODES):
                first = meta if i == 0 else [""] * 5
                if rng.random() < 0.08:
                    sourcing, level = "", ""
                else:
                    sourcing, level = rng.choice(("insource", "outsource")), str(rng.choice((0, 1, 2, 2, 3, 3, 4, 5)))
                note = "note, with a comma" if rng.random() < 0.05 else ""
                w.writerow([f"a{n}"] + first + [code, sourcing, level, note])


class PyError(Exception):
    pass


def python_read(path):
    """The assessment CSV rules of INTERFACES.md section 1, with the csv module."""
    out, seen = [], set()
    current = None
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, strict=True)
        header = [h.strip().lower() for h in next(reader)]
        for h in header:
            if h not in COLUMNS:
                raise PyError(f"unknown column {h!r}")
        if len(set(header)) != len(header) or not {"role", "sourcing", "level"} <= set(header):
            raise PyError("bad header")
        col = {h: i for i, h in enumerate(header)}
        width = len(header)
        for row in reader:
            if not row:
                continue
            if len(row) != width:
                raise PyError(f"line {reader.line_num}: {len(row)} fields, expected {width}")
            ident = row[col["assessment"]].strip() if "assessment" in col else ""
            ident = ident or "default"
            if current is None or current["id"] != ident:
                if ident in seen:
                    raise PyError(f"line {reader.line_num}: assessment {ident!r} appears twice")
                seen.add(ident)
                current = {"id": ident, "level": [None] * 54, "sourcing": [None] * 54, "note": [None] * 54,
                           "organization": None, "assessor": None, "date": None,
                           "current_pattern": None, "target_pattern": None}
                out.append(current)
            for name in META:
                if name in col:
                    value = row[col[name]].strip()
                    if not value:
                        continue
                    if name == "date":
                        if not DATE.match(value):
                            raise PyError(f"line {reader.line_num}: bad date")
                        datetime.date.fromisoformat(value)
                    elif name.endswith("_pattern"):
                        if value in PATTERN_NAMES_JA:
                            value = PATTERNS[PATTERN_NAMES_JA.index(value)]
                        elif value not in PATTERNS:
                            raise PyError(f"line {reader.line_num}: unknown pattern {value!r}")
                    if current[name] is not None and current[name] != value:
                        raise PyError(f"line {reader.line_num}: conflicting {name}")
                    current[name] = value
            role = INDEX.get(row[col["role"]].strip())
            if role is None:
                raise PyError(f"line {reader.line_num}: unknown role")
            if current["level"][role] is not None or current["note"][role] is not None:
                raise PyError(f"line {reader.line_num}: role listed twice")
            sourcing, level = row[col["sourcing"]].strip(), row[col["level"]].strip()
            if sourcing or level:
                sourcing = SOURCINGS.get(sourcing if not sourcing.isascii() else sourcing.lower())
                if sourcing is None:
                    raise PyError(f"line {reader.line_num}: bad sourcing")
                if len(level) != 1 or level not in "012345":
                    raise PyError(f"line {reader.line_num}: bad level")
                current["sourcing"][role], current["level"][role] = sourcing, int(level)
            if "note" in col and row[col["note"]]:
                current["note"][role] = row[col["note"]]
    return out


def python_evaluate(a, k=2, n=3):
    """ISOMM-MODEL.md sections 4-8 in Python."""
    levels = a["level"]
    maturity = {}
    for fn in FUNCTIONS:
        scores = [1 if levels[i] is None else levels[i] for i in MEMBERS[fn] if levels[i] != 0]
        maturity[fn] = sum(scores) / len(scores) if scores else None
    present = [fn for fn in FUNCTIONS if maturity[fn] is not None]
    overall = sum(maturity[fn] for fn in present) / len(present) if present else None
    ranked = sorted(present, key=lambda fn: -maturity[fn])
    strengths = ranked[:k]
    weaknesses = ranked[k:][::-1][:k]
    target = a["target_pattern"] or a["current_pattern"]
    lists = {name: [] for name in LISTS}
    if target is not None:
        insourced = PATTERNS.index(target)
        candidates = []
        for i, level in enumerate(levels):
            if level is None or level == 0:
                continue
            expected_in = DOMAIN[i] <= insourced
            if a["sourcing"][i] == "insource":
                name = (LISTS[0] if level < 5 else None) if expected_in else LISTS[3]
            else:
                name = LISTS[2] if expected_in else (LISTS[1] if level < 5 else None)
            if name:
                candidates.append((level, i, name))
        for level, i, name in sorted(candidates):
            if n == 0 or len(lists[name]) < n:
                lists[name].append(CODES[i])
    mismatches = [0] * 5
    for i, level in enumerate(levels):
        if level is not None and level >= 1:
            for p in range(5):
                mismatches[p] += (DOMAIN[i] <= p) != (a["sourcing"][i] == "insource")
    fit = min(range(5), key=lambda p: (mismatches[p], p))
    current = a["current_pattern"]
    return {"function_maturity": maturity, "overall_maturity": overall, "strengths": strengths,
            "weaknesses": weaknesses, "recommendations": lists,
            "pattern_fit": (PATTERNS[fit], mismatches[fit], mismatches[PATTERNS.index(current)] if current else None),
            "unanswered": [CODES[i] for i, level in enumerate(levels) if level is None]}


def same(r, p):
    return (r.function_maturity == p["function_maturity"] and r.overall_maturity == p["overall_maturity"]
            and [h.function for h in r.strengths] == p["strengths"]
            and [h.function for h in r.weaknesses] == p["weaknesses"]
            and {k: list(v) for k, v in r.recommendations.items()} == p["recommendations"]
            and tuple(r.pattern_fit) == p["pattern_fit"] and list(r.unanswered) == p["unanswered"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assessments", type=int, default=100_000)
    parser.add_argument("--file", help="CSV to use (generated when missing)")
    args = parser.parse_args()
    path = args.file or os.path.join(tempfile.gettempdir(), f"isomm-bench-{args.assessments}.csv")
    if not os.path.exists(path):
        generate(path, args.assessments)
    size = os.path.getsize(path)

    t0 = time.perf_counter()
    assessments = isomm.read_csv(path)
    t1 = time.perf_counter()
    results = [a.evaluate() for a in assessments]
    overall = [r.overall_maturity for r in results]
    t2 = time.perf_counter()

    py_assessments = python_read(path)
    t3 = time.perf_counter()
    py_results = [python_evaluate(a) for a in py_assessments]
    t4 = time.perf_counter()

    assert len(assessments) == len(py_assessments) == len(overall)
    mismatched = sum(not same(r, p) for r, p in zip(results, py_results))
    if mismatched:
        sys.exit(f"{mismatched} results differ between isomm and the Python reference")

    c_total, py_total = t2 - t0, t4 - t2
    print(f"file: {path} ({len(assessments)} assessments, {size / 1e6:.1f} MB), interpreter {sys.version.split()[0]}")
    print(f"isomm : read_csv {t1 - t0:6.2f} s + evaluate {t2 - t1:6.2f} s = {c_total:6.2f} s")
    print(f"python: csv      {t3 - t2:6.2f} s + rules    {t4 - t3:6.2f} s = {py_total:6.2f} s")
    print(f"speed-up: {py_total / c_total:.1f}x (all {len(results)} results identical)")


if __name__ == "__main__":
    main()
