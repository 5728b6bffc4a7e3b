# SPDX-License-Identifier: MIT
"""evaluate_frame, answers_frame and from_frame (issue 14 item 3)."""

import io
import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import isomm

FUNCTIONS = list("ABCDEFGHI")


def several(data_dir):
    """Three assessments: the worked example, a sparse one and one without metadata."""
    example = isomm.read_csv(data_dir / "example-1.csv")[0]
    sparse = isomm.Assessment(id="sparse", organization="Org, Inc.", date="2026-01-31", current_pattern="full-outsource")
    sparse.set("A-1", "outsource", 0)
    sparse.set("E-2", "insource", 4, note="note\nwith a line break")
    empty = isomm.Assessment(id="empty")
    for role in isomm.default_model().function("B").roles:
        empty.set(role, "insource", 0)
    return [example, sparse, empty]


@pytest.fixture
def csv_bytes(data_dir):
    out = io.BytesIO()
    isomm.write_csv(out, several(data_dir))
    return out.getvalue()


def test_evaluate_frame_matches_evaluate(csv_bytes, data_dir, tmp_path):
    path = tmp_path / "three.csv"
    path.write_bytes(csv_bytes)
    df = isomm.evaluate_frame(path)
    assert list(df.columns) == ["assessment", "organization", "assessor", "date", "current_pattern",
                                "target_pattern", *FUNCTIONS, "overall", "unanswered"]
    assert len(df) == 3 and list(df["assessment"]) == ["example-1", "sparse", "empty"]
    for row, a in zip(df.itertuples(index=False), several(data_dir)):
        r = a.evaluate()
        for f in FUNCTIONS:
            expected = r.function_maturity[f]
            value = getattr(row, f)
            assert (math.isnan(value) and expected is None) or value == expected
        assert (math.isnan(row.overall) and r.overall_maturity is None) or row.overall == r.overall_maturity
        assert row.unanswered == len(r.unanswered)
        assert (row.organization, row.assessor, row.date) == (a.organization, a.assessor, a.date)
        assert (row.current_pattern if isinstance(row.current_pattern, str) else None) == a.current_pattern
        assert (row.target_pattern if isinstance(row.target_pattern, str) else None) == a.target_pattern
    assert df["A"].dtype == np.float64 and math.isnan(df.loc[2, "B"])
    assert df.loc[0, "A"] == 3.0 and df.loc[1, "unanswered"] == 52
    assert pd.isna(df.loc[2, "organization"]) and pd.isna(df.loc[2, "current_pattern"])


def test_evaluate_frame_target_replaces_the_target_pattern(csv_bytes):
    df = isomm.evaluate_frame(io.BytesIO(csv_bytes), target="ハイブリッド")
    assert list(df["target_pattern"]) == ["hybrid"] * 3
    with pytest.raises(isomm.InvalidValueError):
        isomm.evaluate_frame(io.BytesIO(csv_bytes), target="half")


def test_answers_frame_and_back(csv_bytes, data_dir):
    long = isomm.answers_frame(io.BytesIO(csv_bytes))
    assert list(long.columns)[:7] == ["assessment", "role", "function", "domain", "sourcing", "level", "note"]
    assert list(long.columns)[7:] == ["organization", "assessor", "date", "current_pattern", "target_pattern"]
    assert len(long) == 3 * 54 and long["level"].dtype == "Int64"
    records = [r for a in several(data_dir) for r in a.records()]
    for key in ("assessment", "role", "function", "domain", "sourcing", "level", "note"):
        got = [None if pd.isna(v) else v for v in long[key].astype(object)]
        assert got == [r[key] for r in records], key
    assert from_frame_equal(long, several(data_dir))


def from_frame_equal(frame, assessments):
    return isomm.from_frame(frame) == assessments


def test_from_frame_accepts_numpy_ints_floats_and_missing_values():
    frame = pd.DataFrame({
        "assessment": ["x", "x", "x", "y"],
        "role": ["A-1", "A-2", "A-3", "A-1"],
        "sourcing": ["in", "outsource", None, "insource"],
        "level": [np.int64(3), 2.0, np.nan, np.int8(5)],
        "note": [None, "n", "only a note", np.nan],
    })
    x, y = isomm.from_frame(frame)
    assert (x.id, x["A-1"], x["A-2"], x["A-3"]) == ("x", ("A-1", "insource", 3, None), ("A-2", "outsource", 2, "n"),
                                                     ("A-3", None, None, "only a note"))
    assert (y.id, y["A-1"].level, y.answered_count) == ("y", 5, 1)
    frame.loc[1, "level"] = 2.5
    with pytest.raises(isomm.InvalidValueError) as info:
        isomm.from_frame(frame)
    assert info.value.message == "row 1: role A-2: level 2.5 is not a whole number (expected 0-5)"
    frame.loc[1, "level"] = 7.0
    with pytest.raises(isomm.InvalidValueError, match=r"^row 1: .*level 7"):
        isomm.from_frame(frame)
    with pytest.raises(KeyError, match="from_frame needs a column 'level'"):
        isomm.from_frame(frame.drop(columns=["level"]))
    frame.loc[1, "level"] = 2
    frame.loc[2, "role"] = "Z-9"
    with pytest.raises(isomm.UnknownRoleError) as info:
        isomm.from_frame(frame)
    assert info.value.message == "row 2: unknown role code 'Z-9'"
    frame.loc[2, "role"] = "A-3"
    frame.loc[3, "sourcing"] = None
    with pytest.raises(isomm.InvalidValueError) as info:
        isomm.from_frame(frame)
    assert info.value.message == "row 3: role A-1 has no sourcing (expected both, or neither for unanswered)"
    frame.loc[3, "sourcing"] = "sideways"
    with pytest.raises(isomm.InvalidValueError, match=r"^row 3: unknown sourcing 'sideways'"):
        isomm.from_frame(frame)
    frame.loc[3, "sourcing"] = "in"
    frame.loc[0, "level"] = "3"
    with pytest.raises(TypeError, match="^row 0: level must be an int, not str"):
        isomm.from_frame(frame)


def test_from_frame_ids_metadata_and_dates():
    import datetime
    frame = pd.DataFrame({
        "assessment": [2026, 2026, None, "default"],
        "role": pd.Categorical(["A-1", "A-2", "A-1", "A-2"]),
        "sourcing": pd.Categorical(["in", "out", "in", None]),
        "level": pd.array([1, 2, 3, None], dtype="Int64"),
        "date": [None, datetime.date(2026, 3, 1), "2025-01-31", None],
        "current_pattern": [np.nan, "hybrid", np.nan, np.nan],
    })
    a, b = isomm.from_frame(frame)
    assert (a.id, a.date, a.current_pattern, a["A-2"].level) == ("2026", "2026-03-01", "hybrid", 2)
    assert (b.id, b.date, b["A-1"].level, b["A-2"].answered) == ("default", "2025-01-31", 3, False)


def test_frames_report_bad_input_with_its_place(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("role,sourcing,level\nA-1,in,1\nA-2,in,9\n", encoding="utf-8")
    for reader in (isomm.evaluate_frame, isomm.answers_frame):
        with pytest.raises(isomm.ParseError) as info:
            reader(bad)
        assert (info.value.line, info.value.column, info.value.filename) == (3, 3, str(bad))
        assert str(info.value).startswith(f"{bad}:3:3: ")
    with pytest.raises(isomm.MissingFileError):
        isomm.evaluate_frame(tmp_path / "none.csv")


def test_frames_remember_every_id(tmp_path):
    rows = ["assessment,role,sourcing,level"] + [f"a{i},A-1,in,1" for i in range(5000)] + ["a0,A-2,in,1"]
    path = tmp_path / "dup.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(isomm.ParseError) as info:
        isomm.evaluate_frame(path)
    assert info.value.code == isomm.ErrorCode.EDUPLICATE and info.value.line == 5002


def test_pandas_is_imported_on_first_use_only():
    code = ("import sys, isomm; assert 'pandas' not in sys.modules; sys.modules['pandas'] = None\n"
            "try:\n    isomm.evaluate_frame('x.csv')\nexcept ImportError as e:\n    print(e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("isomm's data frames need pandas: install it")


def test_dataframe_of_assessments_is_aligned(data_dir):
    example, sparse, _ = several(data_dir)
    df = pd.DataFrame([example, sparse])
    assert df.shape == (2, 54)
    e2 = isomm.default_model().role("E-2").index
    assert df.iloc[1, e2] == ("E-2", "insource", 4, "note\nwith a line break")
    assert df.iloc[1, 0] == ("A-1", "outsource", 0, None)
    assert [df.iloc[1, i].role for i in range(54)] == [r.code for r in isomm.default_model().roles]


def big_file(tmp_path, count=3000, quote_ids=False):
    """An assessment CSV over 4 MiB (read on two threads), with notes holding commas, quotes and
    line breaks, so that the middle of the file may fall inside a quoted field."""
    roles = isomm.default_model().roles
    items = []
    for n in range(count):
        a = isomm.Assessment(id=f"big-{n}", organization=f"org {n % 7}", date="2026-02-03",
                             current_pattern="hybrid" if n % 3 else None)
        for role in roles:
            if (role.index + n) % 11:
                a.set(role.code, "insource" if (role.index * n) % 3 else "outsource", (role.index + n) % 6,
                      note=f'line one, "quoted"\nline two of {role.code}' if (role.index + n) % 9 == 0 else None)
        items.append(a)
    out = io.StringIO()
    isomm.write_csv(out, items)
    text = out.getvalue()
    if quote_ids:  # the same id quoted on some rows and bare on others
        text = text.replace("\nbig-1500,", '\n"big-1500",', 20)
    path = tmp_path / "big.csv"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > 4 << 20
    return path, text


def test_a_large_file_read_on_two_threads_gives_the_one_thread_frame(tmp_path):
    path, text = big_file(tmp_path, quote_ids=True)
    one = isomm.evaluate_frame(io.StringIO(text))  # a stream: one thread
    two = isomm.evaluate_frame(path)
    assert two.equals(one) and len(two) == 3000
    assert isomm.answers_frame(path).equals(isomm.answers_frame(io.StringIO(text)))
    assert isomm.from_frame(isomm.answers_frame(path)) == isomm.read_csv(path)


@pytest.mark.parametrize("where", [0.25, 0.75])
def test_a_problem_in_either_half_gives_the_one_thread_error(tmp_path, where):
    path, text = big_file(tmp_path)
    lines = text.split("\n")
    at = int(len(lines) * where)
    while ",insource,3," not in lines[at]:
        at += 1
    lines[at] = lines[at].replace(",insource,3,", ",insource,7,", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(isomm.ParseError) as expected:
        isomm.read_csv(path)
    with pytest.raises(isomm.ParseError) as info:
        isomm.evaluate_frame(path)
    assert (info.value.code, info.value.line, info.value.column, str(info.value)) == (
        expected.value.code, expected.value.line, expected.value.column, str(expected.value))


def test_an_id_in_both_halves_is_a_duplicate(tmp_path):
    path, text = big_file(tmp_path)
    path.write_text(text.replace("\nbig-2900,", "\nbig-5,"), encoding="utf-8")
    with pytest.raises(isomm.ParseError) as expected:
        isomm.read_csv(path)
    with pytest.raises(isomm.ParseError) as info:
        isomm.answers_frame(path)
    assert expected.value.code == isomm.ErrorCode.EDUPLICATE
    assert (info.value.line, str(info.value)) == (expected.value.line, str(expected.value))
