# SPDX-License-Identifier: MIT
"""Populations and benchmarks (issue 16): the hand-computed population of tests/test_population.c."""

import concurrent.futures
import json
import pickle
import threading
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import isomm


def make(id, base, overrides=None):
    """All 54 roles insource at `base`, then overrides {code: (sourcing, level) or None for unanswered}."""
    a = isomm.Assessment(id=id)
    for role in isomm.default_model().roles:
        a.set(role.code, "insource", base)
    for code, answer in (overrides or {}).items():
        if answer is None:
            a.unset(code)
        else:
            a.set(code, *answer)
    return a


def peers():
    return [make("P1", 2), make("P2", 2, {"B-1": ("in", 4)}), make("P3", 3),
            make("P4", 3, {"H-1": ("out", 0), "H-2": ("out", 0), "H-3": ("out", 0)}),
            make("P5", 4, {"A-1": None}), make("P6", 2, {"B-1": ("out", 4)})]


def subject():
    return make("S", 2, {"B-1": ("in", 4), "A-1": ("in", 5), "H-1": ("in", 5), "D-1": ("in", 1),
                         "G-1": ("out", 0), "I-1": None})


@pytest.fixture
def population():
    return isomm.Population().add(peers())


def test_counts(population):
    assert len(population) == population.count == 6
    b = population.functions[1]
    assert b.code == "B" and b.without_maturity == 0
    assert b.maturities == {Fraction(2): 1, Fraction(12, 5): 2, Fraction(3): 2, Fraction(4): 1}
    assert list(b.maturities) == sorted(b.maturities)
    assert population.functions[7].without_maturity == 1
    assert population.overall == isomm.OverallDistribution(0, {Fraction(200, 100): 1, Fraction(204, 100): 2,
                                                               Fraction(300, 100): 2, Fraction(394, 100): 1})
    a1 = population.roles[0]
    assert a1 == isomm.RoleCounts("A-1", (0, 0, 3, 2, 0, 0), (0,) * 6, 1)


def test_benchmark_by_hand(population):
    b = isomm.benchmark(subject(), population)
    assert (b.assessment, b.population, b.min_size) == ("S", 6, 5)
    f = {s.code: s for s in b.functions}
    assert f["A"] == ("A", 2.5, 6, 50.0, (2.0, 2.0, 3.0))
    assert f["B"].percentile == pytest.approx(100 / 3, abs=1e-12)
    assert f["B"].quartiles == (2.4, 2.4, 3.0)
    assert f["H"] == ("H", 3.0, 5, 70.0, (2.0, 2.0, 3.0))
    assert b.overall.code is None and b.overall.percentile == 50.0 and b.overall.quartiles == (2.04, 2.04, 3.0)
    r = {s.code: s for s in b.roles}
    assert r["B-1"] == ("B-1", 4, "insource", 6, 0.5, 0.5, 0.0, "at", "insource")
    assert r["A-1"].standing == "above" and r["D-1"].standing == "below"
    assert r["G-1"] == ("G-1", 0, "outsource", 6, None, None, None, None, "insource")
    assert r["I-1"].level is None and r["I-1"].below is None


def test_same_data_as_the_command(population):
    b = population.benchmark(subject())
    d = b.to_dict()
    assert d["assessment"] == "S" and d["population"] == 6
    assert [f["code"] for f in d["functions"]] == list("ABCDEFGHI")
    for s, f in zip(b.functions, d["functions"]):
        assert (s.maturity, s.percentile, s.quartiles) == (f["maturity"], f["percentile"], tuple(f["quartiles"]))
    for s, r in zip(b.roles, d["roles"]):
        assert (s.level, s.below, s.common_sourcing) == (r["level"], r["below"], r["common_sourcing"])


def test_minimum_size(population):
    with pytest.raises(isomm.InvalidValueError) as e:
        isomm.benchmark(subject(), population, min_size=7)
    assert str(e.value) == ("the population holds 6 assessments, fewer than the minimum of 7 for a benchmark "
                            "(too few to hide any one of them)")
    b = isomm.benchmark(subject(), population, min_size=6)
    assert b.functions[7].percentile is None and b.functions[7].quartiles is None
    with pytest.raises(isomm.InvalidValueError):
        isomm.benchmark(subject(), population, min_size=0)
    with pytest.raises(TypeError):
        isomm.benchmark(subject(), population, min_size="5")


def test_merge_add_csv_and_files(tmp_path, population, data_dir):
    csv_path = tmp_path / "peers.csv"
    isomm.write_csv(csv_path, peers())
    from_csv = isomm.Population.from_csv(csv_path)
    assert from_csv == population
    assert isomm.Population.from_csv([csv_path, csv_path]) == population.copy().merge(population)
    assert population.copy().add_csv(csv_path) == 6
    path = tmp_path / "pop.json"
    population.save(path)
    loaded = isomm.Population.load(path)
    assert loaded == population
    assert loaded.to_json() == population.to_json() == path.read_text(encoding="utf-8")
    assert json.loads(population.to_json())["format"] == 1
    # a bad CSV adds nothing
    bad = tmp_path / "bad.csv"
    bad.write_text("assessment,role,sourcing,level\nx,A-1,in,3\nx,A-2,in,9\n", encoding="utf-8")
    p = population.copy()
    with pytest.raises(isomm.ParseError) as e:
        p.add_csv(bad)
    assert e.value.line == 3
    assert p == population


def test_hostile_file_raises_with_position(population):
    text = population.to_json().replace('"assessments": 6', '"assessments": 7')
    with pytest.raises(isomm.ParseError) as e:
        isomm.Population.from_json(text)
    assert (e.value.line, e.value.column) == (5, 3)
    assert e.value.message == 'the counts of function A add up to 6, but "assessments" is 7'
    with pytest.raises(isomm.ParseError) as e:
        isomm.Population.from_json(population.to_json().replace('"format": 1', '"format": 2'))
    assert "population file format 2 is not supported" in str(e.value)
    with pytest.raises(isomm.ParseError):
        isomm.Population.from_json(b" " * (1 << 20) + b"{}")
    with pytest.raises(isomm.FileError):
        isomm.Population.load("/nonexistent/pop.json")


def test_models_are_not_mixed(population, data_dir, tmp_path):
    text = (data_dir / "roles-v2.1.csv").read_text(encoding="utf-8").replace(
        "Asset information collection,II,", "Asset information collection,I,")
    (tmp_path / "moved.csv").write_text(text, encoding="utf-8")
    moved = isomm.load_model_csv(tmp_path / "moved.csv")
    other = isomm.Assessment(model=moved, id="x")
    with pytest.raises(isomm.ModelError):
        population.add(other)
    with pytest.raises(isomm.ModelError):
        isomm.benchmark(other, population)
    with pytest.raises(isomm.ModelError):
        population.merge(isomm.Population(moved))
    with pytest.raises(isomm.ModelError):
        isomm.Population.from_json(population.to_json(), moved)


def test_pickling(population):
    p = pickle.loads(pickle.dumps(population))
    assert p == population and p is not population
    b = isomm.benchmark(subject(), population)
    population.add(make("later", 5))  # the benchmark keeps the population it was made with
    c = pickle.loads(pickle.dumps(b))
    assert c == b and c.population == 6
    assert c.render("text", "en") == b.render("text", "en")


def _benchmark_in_worker(population):
    return len(population), isomm.benchmark(subject(), population)


def test_pickles_cross_processes(population):
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        count, b = pool.submit(_benchmark_in_worker, population).result()
    assert count == 6
    assert b == isomm.benchmark(subject(), population)


def test_views(population):
    b = isomm.benchmark(subject(), population)
    assert b.render("text", "en").startswith("Benchmark of S against a population of 6 assessments\n")
    assert b.render("markdown", "ja").startswith("# ベンチマーク: S（母集団 6 件）")
    svg = b.render("svg")
    assert svg.startswith("<svg") and svg.index('class="iqr-band"') < svg.index('class="series"')
    page = b.render("html", "en")
    assert page.startswith("<!DOCTYPE html>") and "<td class=\"num\">33.3</td>" in page
    notebook = b._repr_html_()
    assert "<svg" in notebook and "33.3" in notebook
    assert "6 assessments" in population._repr_html_()
    with pytest.raises(isomm.InvalidValueError):
        b.render("svg-heatmap")


def test_records_and_frames(population):
    b = isomm.benchmark(subject(), population)
    records = b.records()
    assert len(records) == 10 and records[-1]["code"] is None
    assert records[1] == {"code": "B", "maturity": 2.4, "population": 6, "percentile": pytest.approx(100 / 3),
                          "lower": 2.4, "median": 2.4, "upper": 3.0}
    frame = b.to_frame()
    assert list(frame.index) == list("ABCDEFGHI") + ["overall"]
    assert frame.loc["H", "percentile"] == 70.0
    roles = b.role_frame()
    assert roles.loc["B-1", "same"] == 0.5 and len(roles) == 54


def test_threads_share_a_population(tmp_path):
    # four threads stream CSVs into one population while four others benchmark against it
    path = tmp_path / "peers.csv"
    isomm.write_csv(path, peers())
    shared = isomm.Population().add(peers())
    errors = []

    def add():
        try:
            for _ in range(20):
                shared.add_csv(path)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    def bench():
        try:
            for _ in range(20):
                assert isomm.benchmark(subject(), shared).population >= 6
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=add) for _ in range(4)] + [threading.Thread(target=bench) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(shared) == 6 + 4 * 20 * 6
    whole = isomm.Population()
    for _ in range(1 + 4 * 20):
        whole.add(peers())
    assert shared == whole


answers = st.lists(st.one_of(st.none(), st.tuples(st.sampled_from(["in", "out"]), st.integers(0, 5))),
                   min_size=54, max_size=54)


@settings(max_examples=25, deadline=None)
@given(st.lists(answers, min_size=1, max_size=12), st.randoms())
def test_merge_is_independent_of_order_and_grouping(sheets, rnd):
    roles = [r.code for r in isomm.default_model().roles]
    assessments = []
    for n, sheet in enumerate(sheets):
        a = isomm.Assessment(id=str(n))
        for code, answer in zip(roles, sheet):
            if answer is not None:
                a.set(code, *answer)
        assessments.append(a)
    whole = isomm.Population().add(assessments)
    shuffled = assessments[:]
    rnd.shuffle(shuffled)
    cut = rnd.randint(0, len(shuffled))
    parts = [isomm.Population().add(shuffled[:cut]), isomm.Population().add(shuffled[cut:])]
    rnd.shuffle(parts)
    merged = isomm.Population().merge(parts[0]).merge(parts[1])
    assert merged == whole
    assert merged.to_json() == whole.to_json()
