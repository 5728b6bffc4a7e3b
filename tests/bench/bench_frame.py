#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Benchmark: assessment CSV -> pandas DataFrame of function maturities (issue 14).

Times, in one process after the imports (as in a notebook), on the same file:
  isomm:   isomm.evaluate_frame(path) (every check of the reader, the evaluation in C, columns
           handed over as arrays);
  (a) csv: the csv module reading with the same checks (bench_python.python_read) and the
           maturity rules in Python, then pandas.DataFrame of the rows;
  (b) pandas: pandas.read_csv(usecols=...) and the rules vectorised: pivot to one column per
           role, unanswered = 1, level 0 left out, mean per function (no checks at all).
The three frames are compared afterwards (outside the timings). Targets: isomm >= 20x (a) and
>= 4x (b), in wall-clock time as a notebook user waits for it; isomm reads a file this size on
two threads, so CPU seconds (time.process_time, steadier on a shared machine, where the second
core may be busy) are printed and compared too. Best of --repeat runs for isomm and (b).

    PYTHONPATH=build/bindings/python/site /usr/bin/python3 tests/bench/bench_frame.py [--assessments N]

Measure a Release build (-DCMAKE_BUILD_TYPE=Release, as the wheel is built), or the installed
wheel: RelWithDebInfo (-O2) reads about a fifth slower.
"""

import argparse
import os
import pathlib
import sys
import tempfile
import time

import numpy as np
import pandas as pd

import isomm

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import bench_python  # noqa: E402  (the generator and the csv-module reader of bench_python.py)

FUNCTIONS = bench_python.FUNCTIONS


def with_csv_module(path):
    rows = []
    for a in bench_python.python_read(path):
        levels = a["level"]
        row = {"assessment": a["id"]}
        present = []
        for fn in FUNCTIONS:
            scores = [1 if levels[i] is None else levels[i] for i in bench_python.MEMBERS[fn] if levels[i] != 0]
            row[fn] = sum(scores) / len(scores) if scores else float("nan")
            if scores:
                present.append(row[fn])
        row["overall"] = sum(present) / len(present) if present else float("nan")
        rows.append(row)
    return pd.DataFrame(rows)


def with_pandas(path):
    df = pd.read_csv(path, usecols=["assessment", "role", "level"])
    wide = df.pivot(index="assessment", columns="role", values="level")
    wide = wide.fillna(1).replace(0, np.nan)
    return wide.T.groupby(wide.columns.str[0]).mean().T


def best(fn, repeat):
    """(CPU seconds, wall seconds, value): the least of each over `repeat` runs."""
    runs, value = [], None
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        value = fn()
        runs.append((time.process_time() - c0, time.perf_counter() - w0))
    return min(r[0] for r in runs), min(r[1] for r in runs), value


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assessments", type=int, default=100_000)
    parser.add_argument("--file", help="CSV to use (generated when missing)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = args.file or os.path.join(tempfile.gettempdir(), f"isomm-bench-{args.assessments}.csv")
    if not os.path.exists(path):
        bench_python.generate(path, args.assessments)

    t_isomm, w_isomm, frame = best(lambda: isomm.evaluate_frame(path), args.repeat)
    t_pandas, w_pandas, vectorised = best(lambda: with_pandas(path), args.repeat)
    t_csv, w_csv, plain = best(lambda: with_csv_module(path), 1)

    mine = frame.set_index("assessment")[FUNCTIONS]
    assert len(mine) == len(plain) == len(vectorised)
    assert np.array_equal(mine.to_numpy(), plain.set_index("assessment")[FUNCTIONS].to_numpy(), equal_nan=True)
    assert np.allclose(mine.sort_index().to_numpy(), vectorised.sort_index()[FUNCTIONS].to_numpy(), equal_nan=True,
                       rtol=1e-12, atol=0)

    rows = len(frame) * 54
    print(f"file: {path} ({len(frame)} assessments, {rows / 1e6:.1f} M rows, {os.path.getsize(path) / 1e6:.0f} MB), "
          f"Python {sys.version.split()[0]}, pandas {pd.__version__}")
    print(f"isomm.evaluate_frame:            {w_isomm:6.2f} s wall {t_isomm:6.2f} s CPU")
    print(f"(a) csv module + rules + frame:  {w_csv:6.2f} s wall {t_csv:6.2f} s CPU   isomm is "
          f"{w_csv / w_isomm:5.1f}x faster in wall time ({t_csv / t_isomm:5.1f}x in CPU time; target 20x)")
    print(f"(b) pandas.read_csv + pivot:     {w_pandas:6.2f} s wall {t_pandas:6.2f} s CPU   isomm is "
          f"{w_pandas / w_isomm:5.1f}x faster in wall time ({t_pandas / t_isomm:5.1f}x in CPU time; target 4x)")
    print("all three frames hold the same maturities")


if __name__ == "__main__":
    main()
