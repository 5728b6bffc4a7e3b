# SPDX-License-Identifier: MIT
"""Read-only results, numpy levels, the language option and notebook views (issue 14 items 3, 4, 6)."""

import pydoc

import numpy as np
import pytest

import isomm


@pytest.fixture
def example(data_dir):
    return isomm.read_csv(data_dir / "example-1.csv")[0]


def test_results_are_read_only(example):
    r = example.evaluate()
    assert isinstance(r.action_plan, tuple)
    for name in ("strengths", "overall_maturity", "recommendations", "functions", "action_plan", "new_name"):
        with pytest.raises(AttributeError, match="read-only"):
            setattr(r, name, "oops")
    with pytest.raises(AttributeError):
        del r.strengths
    with pytest.raises(TypeError):
        r.recommendations["switch_to_insource"] = ()
    assert isinstance(r.recommendations["switch_to_insource"], tuple)
    assert isinstance(r.strengths, tuple) and isinstance(r.unanswered, tuple) and isinstance(r.roles, tuple)
    c = isomm.compare(example, example)
    with pytest.raises(AttributeError, match="read-only"):
        c.improved = 3
    m = isomm.default_model()
    with pytest.raises(AttributeError, match="read-only"):
        m.roles = ()
    with pytest.raises(TypeError):
        m.scales["insource"] = None
    with pytest.raises(AttributeError):
        isomm.aggregate([example]).roles = ()


def test_set_takes_numpy_integers_and_whole_floats():
    a = isomm.Assessment()
    a.set("A-1", "in", np.int64(3))
    a.set("A-2", "in", np.uint8(2))
    a.set("A-3", "out", 4.0)
    a.set("A-4", "out", np.float32(1.0))
    assert [a[r].level for r in ("A-1", "A-2", "A-3", "A-4")] == [3, 2, 4, 1]
    assert all(type(a[r].level) is int for r in ("A-1", "A-3"))
    for bad, message in ((2.5, "level 2.5 is not a whole number"), (float("nan"), "level nan is not a whole"),
                         (np.int64(9), "level out of range"), (6.0, "level out of range")):
        with pytest.raises(isomm.InvalidValueError) as info:
            a.set("A-5", "in", bad)
        assert message in info.value.message or message in info.value.description
    for bad in ("3", True, None, [3]):
        with pytest.raises(TypeError):
            a.set("A-5", "in", bad)


def test_language_option(example, monkeypatch):
    r = example.evaluate()
    monkeypatch.setattr(isomm.options, "lang", "en")
    assert r.render() == r.render("text", "en") and r.to_dict()["functions"][0]["name"].startswith("Security")
    view = r._repr_html_()
    assert "Overall maturity" in view and "総合成熟度" not in view and "Security response organisation" in view
    assert isomm.csv_template().count("Overall policy management") == 1
    assert r.next_step("A-1") == r.next_step("A-1", "en") != r.next_step("A-1", "ja")
    monkeypatch.setattr(isomm.options, "lang", "ja")
    view = r._repr_html_()
    assert "総合成熟度" in view and "Overall maturity" not in view
    assert r.render("text", lang="en") != r.render()
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        isomm.options.lang = "fr"


def test_language_default_follows_the_environment():
    from isomm.options import Options
    assert Options({"LANG": "ja_JP.UTF-8"}).lang == "ja"
    assert Options({"LC_ALL": "de_DE.UTF-8", "LANG": "ja_JP.UTF-8"}).lang == "en"
    assert Options({"LC_MESSAGES": "ja_JP.eucJP"}).lang == "ja"
    assert Options({}).lang == "en" and Options({"LANG": "C.UTF-8"}).lang == "en"


def test_aggregate_view_stays_small(example, monkeypatch):
    monkeypatch.setattr(isomm.options, "lang", "en")
    many = isomm.aggregate([example] * 64)
    view = many._repr_html_()
    assert len(view) < 60_000 and "heatmap" not in view.lower() and "<td>G-10</td>" in view
    few = isomm.aggregate([example] * 3)
    assert few.render("svg-heatmap") in few._repr_html_()
    monkeypatch.setattr(isomm.options, "heatmap_max_assessments", 2)
    assert few.render("svg-heatmap") not in few._repr_html_()


def test_help_has_no_sphinx_markup():
    text = pydoc.render_doc(isomm, renderer=pydoc.plaintext)
    for name in ("Assessment", "Result", "Aggregate", "read_csv", "evaluate_frame", "ParseError"):
        text += pydoc.render_doc(getattr(isomm, name), renderer=pydoc.plaintext)
    for role in (":class:", ":func:", ":meth:", ":attr:", ":mod:"):
        assert role not in text
