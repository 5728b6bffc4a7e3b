# SPDX-License-Identifier: MIT
"""Handles are freed exactly once, and parents stay alive while their children need them."""

import gc
import io
import os

import pytest

import isomm

ROUNDS = 100_000
SLACK = 4 * 1024 * 1024


def resident_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def churn(rounds):
    for i in range(rounds):
        a = isomm.Assessment(id=f"a{i}", organization="Example Corp", current_pattern="hybrid")
        a.set("A-1", "insource", i % 6, note="a note long enough to need its own allocation")
        a.set("G-10", "outsource", 3)
        r = a.evaluate(target="full-insource")
        assert r.recommendations["switch_to_insource"] == ("G-10",)
        assert r.overall_maturity is not None


def test_creating_and_dropping_does_not_grow_memory():
    churn(5_000)
    gc.collect()
    before = resident_bytes()
    churn(ROUNDS)
    gc.collect()
    growth = resident_bytes() - before
    assert growth < SLACK, f"resident memory grew by {growth} bytes over {ROUNDS} assessments and results"


def test_csv_round_trips_and_reports_do_not_grow_memory(data_dir):
    data = (data_dir / "example-1.csv").read_bytes()

    def round_trips(rounds):
        for _ in range(rounds):
            (a,) = isomm.read_csv(io.BytesIO(data))
            assert a.evaluate().render("html").startswith("<!DOCTYPE html>")
            out = io.BytesIO()
            isomm.write_csv(out, [a])
            assert isomm.validate_csv(io.BytesIO(out.getvalue())) == []
            with pytest.raises(isomm.ParseError):
                isomm.read_csv(io.BytesIO(data + b"example-1,,,,,,A-1,in,1,\n"))

    round_trips(300)
    gc.collect()
    before = resident_bytes()
    round_trips(3_000)
    gc.collect()
    growth = resident_bytes() - before
    assert growth < SLACK, f"resident memory grew by {growth} bytes over 3000 CSV round trips and reports"


def test_result_keeps_its_answers_alive():
    r = isomm.Assessment(id="gone").evaluate()
    gc.collect()
    assert r.assessment.id == "gone" and len(r.roles) == 54


def test_python_owns_each_handle_once():
    a = isomm.Assessment()
    b = a.copy()
    assert a._h.thisown and b._h.thisown and b._h is not a._h
    assert not isomm.default_model()._h.thisown


def test_results_share_answers_until_the_assessment_changes():
    a = isomm.Assessment()
    a.set("A-1", "insource", 4)
    first, second = a.evaluate(), a.evaluate()
    answers = a._h
    assert first._answers is answers and second._answers is answers and first._h.thisown
    a.set("A-1", "insource", 1)
    assert a._h is not answers and a._h.thisown
    assert first._answers is answers and first._assessment["A-1"].level == 4
    del a
    gc.collect()
    assert first.roles[0].level == 4 and second.assessment["A-1"].level == 4


def test_frames_streams_and_pickles_do_not_leak(data_dir):
    data = (data_dir / "example-1.csv").read_bytes()
    text = data.decode("utf-8")

    def work(rounds):
        import pickle
        for _ in range(rounds):
            assert len(isomm.evaluate_frame(io.BytesIO(data))) == 1
            assert len(isomm.from_frame(isomm.answers_frame(io.StringIO(text)))) == 1
            (a,) = isomm.iter_csv(io.BytesIO(data))
            ag = pickle.loads(pickle.dumps(isomm.aggregate([a])))
            assert pickle.loads(pickle.dumps(a.evaluate())) == a.evaluate() and len(ag) == 1
            try:
                isomm.evaluate_frame(io.BytesIO(data[:-40] + b"\nZ-9,in,1,\n"))
            except isomm.ParseError:
                pass

    work(200)
    gc.collect()
    before = resident_bytes()
    work(1_000)
    gc.collect()
    growth = resident_bytes() - before
    assert growth < SLACK, f"resident memory grew by {growth} bytes over 1000 rounds of frames and pickles"
