# SPDX-License-Identifier: MIT
"""Every object and exception pickles to an equal one, so processes can carry them (issue 14 item 2)."""

import concurrent.futures
import copy
import errno
import multiprocessing
import pickle

import pytest

import isomm


@pytest.fixture
def example(data_dir):
    return isomm.read_csv(data_dir / "example-1.csv")[0]


def roundtrip(obj):
    return pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))


def test_default_model_unpickles_to_the_shared_model():
    m = isomm.default_model()
    assert roundtrip(m) is m
    assert copy.deepcopy([m])[0] is m


def test_loaded_model_pickles(data_dir):
    m = isomm.load_model_csv(data_dir / "roles-v2.1.csv")
    back = roundtrip(m)
    assert back is not m and back == m and back.name == m.name
    assert back.roles == m.roles and back.functions == m.functions


def test_assessment_pickles_with_everything(example):
    example.set_note("A-5", "unanswered, with a note\non two lines")
    example.set("B-1", "outsource", 0, note="x" * (2 << 20))  # longer than the default field limit
    back = roundtrip(example)
    assert back == example and back is not example
    assert back.id == "example-1" and back.current_pattern == "hybrid" and back["A-5"].note.endswith("two lines")
    assert back["B-1"] == example["B-1"]
    deep = copy.deepcopy({"a": [example]})
    assert deep["a"][0] == example and deep["a"][0] is not example


def test_result_pickles(example):
    r = example.evaluate(target="full-insource", strengths=3, list_size=0)
    back = roundtrip(r)
    assert back == r
    assert back.to_dict("en") == r.to_dict("en")
    assert back.recommendations == r.recommendations and back.list_pattern == "full-insource"
    assert back != example.evaluate()
    assert copy.deepcopy(r) == r


def test_comparison_and_aggregate_pickle(example):
    newer = example.copy()
    newer.set("A-1", "insource", 5)
    c = isomm.compare(example, newer)
    back = roundtrip(c)
    assert back == c and back.roles == c.roles and back.improved == 1
    ag = isomm.aggregate([example, newer, example])
    back = roundtrip(ag)
    assert back == ag and back.roles == ag.roles and back.functions == ag.functions and len(back) == 3
    assert back.render("svg-heatmap", "en") == ag.render("svg-heatmap", "en")  # records travel too
    assert copy.deepcopy(ag) == ag


def test_aggregate_state_is_checked():
    with pytest.raises(isomm.ParseError) as info:
        isomm.Aggregate.load(b"not a state")
    assert info.value.code == isomm.ErrorCode.EPARSE
    assert info.value.message.startswith("aggregate state: not an aggregate state (wrong signature) at byte 0")
    state = isomm.aggregate([isomm.Assessment()]).save()
    with pytest.raises(isomm.ParseError, match="data ends early at byte 16"):
        isomm.Aggregate.load(state[:20])
    with pytest.raises(isomm.ParseError, match="bytes after the end of the state"):
        isomm.Aggregate.load(state + b"\0")
    bad = bytearray(state)
    bad[16] = 2  # two assessments, but each role line counts one
    with pytest.raises(isomm.ParseError, match="role counts that do not add up"):
        isomm.Aggregate.load(bytes(bad))


def parse_error_fields(e):
    return type(e), e.code, e.line, e.column, e.filename, e.message, str(e)


def test_exceptions_keep_their_attributes(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("role,sourcing,level\nA-1,in,7\n", encoding="utf-8")
    with pytest.raises(isomm.ParseError) as info:
        isomm.read_csv(bad)
    e = info.value
    assert str(e) == f"{bad}:2:3: {e.message}"
    assert parse_error_fields(roundtrip(e)) == parse_error_fields(e)
    with pytest.raises(isomm.MissingFileError) as info:
        isomm.read_csv(tmp_path / "missing.csv")
    missing = roundtrip(info.value)
    assert type(missing) is isomm.MissingFileError and isinstance(missing, FileNotFoundError)
    assert (missing.errno, missing.filename, missing.code) == (errno.ENOENT, str(tmp_path / "missing.csv"),
                                                                 isomm.ErrorCode.EIO)
    assert str(missing) == info.value.message
    for e in (isomm.errors._from_c(isomm.ErrorCode.EROLE, 0, 0, b"unknown role"),
              isomm.errors._from_c(isomm.ErrorCode.ELEVEL, 0, 0, b"level 9"),
              isomm.errors._from_c(isomm.ErrorCode.ENOMEM, 0, 0, b"out of memory")):
        back = roundtrip(e)
        assert (type(back), back.code, back.message, str(back)) == (type(e), e.code, e.message, str(e))


def read_bad(path):
    return isomm.read_csv(path)


def count_roles(path):
    return [a.answered_count for a in isomm.read_csv(path)]


def test_process_pool_carries_results_and_errors(tmp_path, data_dir):
    bad = tmp_path / "bad.csv"
    bad.write_text("role,sourcing,level\nA-1,both,1\n", encoding="utf-8")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        with pytest.raises(isomm.ParseError) as info:
            pool.submit(read_bad, str(bad)).result(timeout=60)
        assert (info.value.line, info.value.column, info.value.filename) == (2, 2, str(bad))
        (a,) = pool.submit(read_bad, str(data_dir / "example-1.csv")).result(timeout=60)
        assert a == isomm.read_csv(data_dir / "example-1.csv")[0]
        r = pool.submit(isomm.Assessment.evaluate, a).result(timeout=60)
        assert r == a.evaluate()


def test_multiprocessing_pool_gets_the_error(tmp_path, data_dir):
    bad = tmp_path / "bad.csv"
    bad.write_text("role,sourcing,level\nJ-1,in,1\n", encoding="utf-8")
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        with pytest.raises(isomm.ParseError) as info:
            pool.apply_async(read_bad, (str(bad),)).get(timeout=60)
        assert info.value.code == isomm.ErrorCode.EROLE and info.value.line == 2
        assert pool.map(count_roles, [str(data_dir / "example-1.csv")] * 2) == [[51], [51]]
