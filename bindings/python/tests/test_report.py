# SPDX-License-Identifier: MIT
"""Documents of a result from the C renderers: text, Markdown, JSON, HTML, SVG charts."""

import json

import pytest

import isomm


@pytest.fixture
def example(data_dir):
    return isomm.read_csv(data_dir / "example-1.csv")[0]


def test_text_and_markdown(example, monkeypatch):
    r = example.evaluate()
    monkeypatch.setattr(isomm.options, "lang", "ja")
    text = r.render()
    assert text == r.render("text", "ja")
    assert "example-1" in text and "Example Corp" in text and "セキュリティ対応組織運営" in text
    assert "Security response organisation management" in r.render("text", "en")
    assert r.render("markdown").lstrip().startswith("#")


def test_json_is_to_dict(example, expected):
    r = example.evaluate()
    assert json.loads(r.render("json")) == r.to_dict()
    assert json.loads(r.render("json", "en")) == r.to_dict("en")
    d = r.to_dict("en")
    assert d["functions"][0]["name"] == "Security response organisation management"
    assert d["strengths"][0]["comment"] == r.strengths[0].comment_en  # the band's comment, as in C
    assert d["overall_maturity"] == expected["overall_maturity"]


def test_html_page_and_charts(example, tmp_path):
    r = example.evaluate()
    page = r.render("html")
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") >= 2 and "example-1" in page
    radar = r.render("svg")
    assert radar.startswith("<svg") and radar == r.render("svg-radar")
    assert r.render("svg-roles").startswith("<svg")
    r.save(tmp_path / "report.html")
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == page
    r.save(tmp_path / "report.md", "markdown", "en")
    assert (tmp_path / "report.md").read_text(encoding="utf-8") == r.render("markdown", "en")


def test_notebook_view_has_both_charts(example):
    page = example.evaluate()._repr_html_()
    assert page.count("<svg") == 2
    assert "example-1" in page and "Example Corp" in page and "<!DOCTYPE" not in page


def test_second_series(example):
    later = example.copy()
    later.set("D-3", "insource", 5)
    r = example.evaluate()
    plain = r.render("svg")
    both = r.render("svg", second=later.evaluate(), second_label="after the project")
    assert "after the project" in both and "after the project" not in plain
    with pytest.raises(TypeError):
        r.render("svg", second=later)
    with pytest.raises(TypeError):
        r.render("svg", second_label=3)


def test_several_results(example):
    other = example.copy()
    other.id = "example-2"
    results = [example.evaluate(), other.evaluate()]
    assert [d["assessment"] for d in json.loads(isomm.render_report(results, "json"))] == ["example-1", "example-2"]
    page = isomm.render_report(results)
    assert "example-1" in page and "example-2" in page
    assert json.loads(isomm.render_report([], "json")) == []
    with pytest.raises(isomm.InvalidValueError) as info:
        isomm.render_report([], "html")
    assert info.value.code == isomm.ErrorCode.EEMPTY
    with pytest.raises(TypeError):
        isomm.render_report([example], "json")


def test_bad_format_and_language(example):
    r = example.evaluate()
    with pytest.raises(isomm.InvalidValueError) as info:
        r.render("pdf")
    assert info.value.code == isomm.ErrorCode.EOPTIONS
    with pytest.raises(isomm.InvalidValueError) as info:
        r.render("text", "de")
    assert info.value.code == isomm.ErrorCode.EINVAL
    with pytest.raises(isomm.InvalidValueError) as info:
        r.render("svg-heatmap")
    assert info.value.code == isomm.ErrorCode.EOPTIONS


def test_report_after_the_assessment_changed(example):
    r = example.evaluate()
    example.organization = "Renamed"
    example.set("A-1", "insource", 5, note="changed")
    assert "Example Corp" in r.render("text") and "Renamed" not in r.render("text")
    assert r.to_dict()["roles"][0]["level"] == 2
