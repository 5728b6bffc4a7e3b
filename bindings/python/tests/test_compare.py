# SPDX-License-Identifier: MIT
"""Comparison of two assessments and aggregation of many."""

import json

import pytest

import isomm


def assessment(id, answers, assessor=None):
    a = isomm.Assessment(id=id, assessor=assessor)
    for code, (sourcing, level) in answers.items():
        a.set(code, sourcing, level)
    return a


@pytest.fixture
def old():
    return assessment("2025", {"A-1": ("in", 2), "A-2": ("in", 3), "A-3": ("out", 4), "B-1": ("out", 2),
                               "C-1": ("in", 0)})


@pytest.fixture
def new():
    return assessment("2026", {"A-1": ("in", 4), "A-2": ("in", 3), "A-3": ("in", 1), "B-1": ("out", 2),
                               "C-1": ("in", 3), "D-1": ("out", 2)})


def test_compare(old, new):
    c = isomm.compare(old, new)
    assert (c.old_id, c.new_id) == ("2025", "2026")
    assert (c.improved, c.declined, c.unchanged, c.not_compared) == (1, 1, 52, 50)
    assert c.roles[0] == isomm.RoleChange("A-1", 2, 4, 2, "insource", "insource", False)
    assert c.roles[2] == ("A-3", 4, 1, -3, "outsource", "insource", True)
    assert c.roles[5] == ("A-6", None, None, None, None, None, False)
    d1 = next(r for r in c.roles if r.code == "D-1")
    assert d1 == ("D-1", None, 2, None, None, "outsource", False)
    a = next(f for f in c.functions if f.code == "A")
    assert a == ("A", (2 + 3 + 4 + 3) / 6, (4 + 3 + 1 + 3) / 6, (4 + 3 + 1 + 3) / 6 - (2 + 3 + 4 + 3) / 6)
    assert [f.code for f in c.functions][:2] == ["C", "D"]
    assert c.functions[-1].code == "A"
    counts = c.status_counts
    assert sum(counts.values()) == 54 and (counts["improved"], counts["declined"]) == (1, 1)
    assert counts == {s: list(c.statuses.values()).count(s) for s in counts}
    assert repr(c) == ("<isomm.Comparison '2025' -> '2026': " +
                       ", ".join(f"{n} {s}" for s, n in counts.items()) + ">")
    assert c.overall == tuple(c.to_dict()["overall"][k] for k in ("old", "new", "change"))
    assert c.meta(True) == c.to_dict()["old_meta"] and c.meta(False) == c.to_dict()["new_meta"]


def test_compare_outputs(old, new):
    c = isomm.compare(old, new)
    d = c.to_dict()
    statuses = ["improved", "declined", "unchanged", "added", "dropped", "unrated"]
    assert list(d) == ["old", "new", "old_meta", "new_meta", "roles", "functions", "overall"] + statuses \
        + ["sourcing_changed"]
    assert (d["old"], d["new"], d["improved"], d["declined"]) == ("2025", "2026", 1, 1)
    assert sum(d[s] for s in statuses) == 54
    assert all(d[s] == sum(r["status"] == s for r in d["roles"]) for s in statuses)
    assert d["roles"][0] == {"code": "A-1", "old_level": 2, "new_level": 4, "level_change": 2, "status": "improved",
                             "old_sourcing": "insource", "new_sourcing": "insource", "sourcing_changed": False}
    assert [f["code"] for f in d["functions"]] == [f.code for f in c.functions]
    assert "2025" in c.render("text") and "2026" in c.render("markdown", "en")
    assert c.render("svg").startswith("<svg") and "2026" in c.render("svg")
    page = c.render("html", "en")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "2025" in page
    with pytest.raises(isomm.InvalidValueError) as info:
        c.render("svg-heatmap")
    assert info.value.code == isomm.ErrorCode.EOPTIONS
    view = c._repr_html_()
    assert "2025 → 2026: 1 improved, 1 declined, 2 unchanged, 2 added, 0 dropped, 48 unrated" in view
    assert view.count("<svg") == 1
    assert "<!DOCTYPE" not in view
    assert c.role_records()[0]["level_change"] == 2 and len(c.function_records()) == 9


def test_compare_is_independent_of_later_changes(old, new):
    c = isomm.compare(old, new)
    new.set("A-1", "in", 1)
    del old
    assert c.roles[0].new_level == 4


def test_compare_needs_one_model(old, data_dir, tmp_path):
    source = (data_dir / "roles-v2.1.csv").read_text(encoding="utf-8")
    path = tmp_path / "moved.csv"
    path.write_text(source.replace("\nE-2,E,アセット情報収集,Asset information collection,II,",
                                   "\nE-2,E,アセット情報収集,Asset information collection,IV,"), encoding="utf-8")
    other = isomm.Assessment(isomm.load_model_csv(path))
    with pytest.raises(isomm.ModelError) as info:
        isomm.compare(old, other)
    assert info.value.code == isomm.ErrorCode.EMODEL
    with pytest.raises(isomm.ModelError):
        isomm.Aggregate().add(other)
    with pytest.raises(TypeError):
        isomm.compare(old, "2026")


def test_aggregate():
    a1 = assessment("a1", {"B-2": ("in", 1), "C-3": ("in", 3), "A-1": ("in", 0)}, assessor="SOC")
    a2 = assessment("a2", {"B-2": ("out", 3), "C-3": ("in", 3)}, assessor="CISO")
    a3 = assessment("a3", {"B-2": ("in", 5), "C-3": ("out", 3)})
    ag = isomm.aggregate([a1, a2, a3])
    assert len(ag) == ag.count == 3
    b2 = ag.roles[7]
    assert b2 == isomm.RoleStats("B-2", 3, 3.0, 1, 5, 4, 2, 1, 0, 0, True)
    assert ag.roles[0] == ("A-1", 0, None, None, None, None, 0, 0, 2, 1, False)
    assert ag.disagreements == ("B-2", "C-3")
    b = ag.functions[1]
    assert b.code == "B" and b.count == 3
    assert b.min == pytest.approx((1 + 4) / 5) and b.max == pytest.approx((5 + 4) / 5)
    d = ag.to_dict()
    assert d["assessments"] == 3 and d["disagreements"] == ["B-2", "C-3"]
    assert d["roles"][7] == {"code": "B-2", "count": 3, "mean": 3.0, "min": 1, "max": 5, "spread": 4,
                             "insource": 2, "outsource": 1, "unanswered": 0, "not_applicable": 0}
    assert d["roles"][0]["mean"] is None
    assert ag.render("svg-heatmap").startswith("<svg") and ag.render("svg").startswith("<svg")
    assert ag.render("html").startswith("<!DOCTYPE html>") and "a2" in ag.render("html")
    view = ag._repr_html_()
    assert view.count("<svg") == 2 and "3 assessments; disagreements: B-2, C-3" in view
    assert json.loads(ag.render("json", "en")) == ag.to_dict("en")
    assert repr(ag) == "<isomm.Aggregate of 3 assessments>"
    assert ag.role_records()[7]["spread"] == 4 and ag.function_records()[1]["function"] == "B"


def test_aggregates_merge():
    parts = [assessment(f"x{i}", {"G-10": ("in", 1 + i % 5)}) for i in range(10)]
    whole = isomm.aggregate(parts)
    left, right = isomm.aggregate(parts[:4]), isomm.aggregate(parts[4:])
    assert left.merge(right) is left
    assert left.to_dict() == whole.to_dict()
    grown = isomm.Aggregate()
    for a in parts:
        assert grown.add(a) is grown
    assert grown.to_dict() == whole.to_dict()
    with pytest.raises(TypeError):
        left.merge(parts[0])


def test_empty_aggregate():
    ag = isomm.aggregate([])
    assert len(ag) == 0 and ag.disagreements == ()
    assert "0 assessments" in ag._repr_html_()
    with pytest.raises(isomm.InvalidValueError) as info:
        ag.render("json")
    assert info.value.code == isomm.ErrorCode.EEMPTY
    with pytest.raises(TypeError):
        isomm.aggregate(["a1"])
    with pytest.raises(TypeError):
        isomm.Aggregate(model="ISOMM")


def test_aggregate_whole_files(tmp_path, data_dir):
    ag = isomm.Aggregate()
    assert ag.add_csv(data_dir / "example-1.csv") == 1
    path = tmp_path / "two.csv"
    path.write_text("assessment,role,sourcing,level\nx,B-2,in,1\ny,B-2,out,5\n", encoding="utf-8")
    assert ag.add_csv(path) == 2
    assert len(ag) == 3
    example = isomm.read_csv(data_dir / "example-1.csv")[0]
    assert ag.roles[7].count == 3 and ag.roles[7].min == 1 and ag.roles[7].max == 5
    assert ag.roles[7].mean == (1 + 5 + example["B-2"].level) / 3
    bad = tmp_path / "bad.csv"
    bad.write_text("assessment,role,sourcing,level\nz,B-2,in,2\nw,B-2,in,9\n", encoding="utf-8")
    with pytest.raises(isomm.ParseError) as info:
        ag.add_csv(bad)
    assert (info.value.code, info.value.line, info.value.column) == (isomm.ErrorCode.ELEVEL, 3, 4)
    assert len(ag) == 3
    with pytest.raises(isomm.FileError):
        ag.add_csv(tmp_path / "missing.csv")
