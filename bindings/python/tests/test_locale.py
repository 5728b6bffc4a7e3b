# SPDX-License-Identifier: MIT
"""Numbers do not follow the process locale: after ``locale.setlocale(LC_ALL, "de_DE.UTF-8")``
(a decimal comma) every JSON output still parses and every SVG coordinate is a pair with a
decimal point. Needs the de_DE.UTF-8 locale (Debian ``locales``; .ci/run generates it)."""

import locale
import re

import pytest

import isomm

COMMA_LOCALE = "de_DE.UTF-8"


@pytest.fixture
def comma_locale():
    before = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, COMMA_LOCALE)
    except locale.Error:
        pytest.fail(f"the {COMMA_LOCALE} locale is missing: add '{COMMA_LOCALE} UTF-8' to "
                    "/etc/locale.gen and run locale-gen")
    assert locale.localeconv()["decimal_point"] == ","
    yield
    locale.setlocale(locale.LC_ALL, before)


def assessments():
    out = []
    for i in range(3):
        a = isomm.Assessment(id=f"site-{i + 1}", current_pattern="hybrid", target_pattern="minimum-outsource")
        for r, role in enumerate(isomm.default_model().roles):
            if (r + i) % 7:
                a.set(role.code, "insource" if (r + i) % 3 else "outsource", (r * (i + 2)) % 6)
        out.append(a)
    return out


def everything():
    """Every JSON document and every SVG chart the bindings produce."""
    a = assessments()
    results = [x.evaluate() for x in a]
    cmp = isomm.compare(a[0], a[1])
    agg = isomm.aggregate(a)
    dicts = [results[0].to_dict(), results[0].to_dict("en"), cmp.to_dict(), agg.to_dict(),
             isomm.default_model().to_dict()]
    svgs = [results[0].render("svg"), cmp.render("svg"), agg.render("svg"), agg.render("svg-heatmap")]
    return dicts, svgs, results


def test_json_parses_and_svg_is_pairs_under_a_comma_locale(comma_locale):
    dicts, svgs, results = everything()
    assert dicts[0]["overall_maturity"] == results[0].overall_maturity
    assert {f["code"]: f["maturity"] for f in dicts[0]["functions"]} == results[0].function_maturity
    assert {f["code"]: f["old"] for f in dicts[2]["functions"]} == results[0].function_maturity
    assert dicts[3]["assessments"] == 3
    for svg in svgs:
        for points in re.findall(r'points="([^"]*)"', svg):
            for pair in points.split():
                assert re.fullmatch(r"-?\d+(\.\d+)?,-?\d+(\.\d+)?", pair), pair
        for number in re.findall(r'\s(?:x|y|x1|y1|x2|y2|cx|cy|width|height)="([^"]*)"', svg):
            assert re.fullmatch(r"-?\d+(\.\d+)?", number), number


def test_same_output_as_in_the_c_locale(comma_locale):
    dicts, svgs, _ = everything()
    locale.setlocale(locale.LC_ALL, "C")
    c_dicts, c_svgs, _ = everything()
    assert (dicts, svgs) == (c_dicts, c_svgs)


def workbook_parts(path):
    """The parts of a workbook except its properties (which carry the time it was made)."""
    import zipfile
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist() if not name.startswith("docProps/")}


def test_workbook_numbers_do_not_follow_the_locale(comma_locale, tmp_path):
    results = [a.evaluate() for a in assessments()]
    isomm.write_xlsx_report(tmp_path / "comma.xlsx", results)
    locale.setlocale(locale.LC_ALL, "C")
    isomm.write_xlsx_report(tmp_path / "c.xlsx", results)
    comma, c = workbook_parts(tmp_path / "comma.xlsx"), workbook_parts(tmp_path / "c.xlsx")
    assert comma == c
    sheets = b"".join(v for k, v in c.items() if k.startswith("xl/worksheets/"))
    assert re.search(rb"<v>\d+\.\d+</v>", sheets), "no decimal number in the workbook"
