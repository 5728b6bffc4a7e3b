# SPDX-License-Identifier: MIT
"""isomm.read_xlsx, isomm.xlsx_template, Result.to_xlsx (python3-openpyxl fills and reads the workbooks)."""

import locale
import pathlib
import sys

import pytest

import isomm

openpyxl = pytest.importorskip("openpyxl")
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[3] / "tests" / "xlsx"))
import fill_template  # noqa: E402


@pytest.fixture
def filled(tmp_path, data_dir):
    template = tmp_path / "template.xlsx"
    isomm.xlsx_template(template, lang="en")
    out = tmp_path / "answers.xlsx"
    fill_template.main(["", str(template), str(data_dir / "example-1.csv"), str(out)])
    return out


def test_a_filled_template_reads_as_the_csv(filled, data_dir):
    want = isomm.read_csv(data_dir / "example-1.csv")
    got = isomm.read_xlsx(filled)
    assert got == want
    with open(filled, "rb") as f:
        assert isomm.read_xlsx(f) == want


def test_a_bad_cell_names_file_sheet_and_cell(filled):
    wb = openpyxl.load_workbook(filled)
    ws = wb["Input"]
    ws["G12"] = 7
    wb.save(filled)
    with pytest.raises(isomm.ParseError) as info:
        isomm.read_xlsx(filled)
    assert (info.value.line, info.value.column) == (12, 7)
    assert str(info.value) == f"{filled}:Input!G12: bad level '7' (expected a whole number 0-5)"
    assert info.value.code == isomm.ErrorCode.ELEVEL


def test_limits_and_files_that_are_no_workbook(filled, data_dir):
    with pytest.raises(isomm.ParseError) as info:
        isomm.read_xlsx(filled, max_elements=5)
    assert str(info.value) == f"{filled}: xl/workbook.xml: more than the limit of 5 XML elements per workbook"
    with pytest.raises(isomm.ParseError) as info:
        isomm.read_xlsx(data_dir / "example-1.csv")
    assert info.value.code == isomm.ErrorCode.EPARSE
    assert "the file is text (CSV?)" in str(info.value)
    with pytest.raises(isomm.FileError):
        isomm.read_xlsx(filled.parent / "missing.xlsx")
    with pytest.raises(isomm.InvalidValueError):
        isomm.read_xlsx(filled, max_elements=0)


def test_the_report_workbook_holds_the_numbers_in_any_locale(filled, tmp_path):
    r = isomm.read_xlsx(filled)[0].evaluate()
    saved = locale.setlocale(locale.LC_ALL)
    try:
        try:
            locale.setlocale(locale.LC_ALL, "de_DE.UTF-8")
        except locale.Error:
            pass
        r.to_xlsx(tmp_path / "result.xlsx", lang="en")
    finally:
        locale.setlocale(locale.LC_ALL, saved)
    ws = openpyxl.load_workbook(tmp_path / "result.xlsx").worksheets[0]
    cells = {row[0].value: row for row in ws.iter_rows() if row[0].value}
    for code, maturity in r.function_maturity.items():
        assert cells[code][2].value == pytest.approx(maturity, rel=1e-15)
    overall = [row for row in ws.iter_rows() if row[1].value == "Overall maturity"][0]
    assert overall[2].value == pytest.approx(r.overall_maturity, rel=1e-15)


def test_several_results_get_an_overview(filled, tmp_path):
    a = isomm.read_xlsx(filled)[0]
    b = a.copy()
    b.id = "second"
    isomm.write_xlsx_report(tmp_path / "both.xlsx", [a.evaluate(), b.evaluate()], lang="ja")
    names = openpyxl.load_workbook(tmp_path / "both.xlsx").sheetnames
    assert names[0] == "一覧" and len(names) == 3
    with pytest.raises(isomm.InvalidValueError):
        isomm.write_xlsx_report(tmp_path / "none.xlsx", [])


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    a = isomm.Assessment(current_pattern="hybrid")
    a.id = "=HYPERLINK(\"http://x\")"
    a.set("A-1", "insource", 3, note="=1+2")
    a.evaluate().to_xlsx(tmp_path / "r.xlsx", lang="en")
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx").worksheets[0]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert sorted(c.value for c in cells) == ["=1+2", "=HYPERLINK(\"http://x\")"]
    assert all(c.data_type == "s" for c in cells)


def test_sheet_names_are_unique_the_way_excel_compares_them(tmp_path):
    ids = ["Ａbc", "ａbc", "x" * 40, "x" * 40, "Overview", "'quoted'", "a[b]:c*?/\\", "一覧", "Ärger", "ärger", "Жук",
           "жук"]
    results = []
    for i in ids:
        a = isomm.Assessment()
        a.id = i
        results.append(a.evaluate())
    isomm.write_xlsx_report(tmp_path / "names.xlsx", results, lang="en")
    # openpyxl renames a sheet whose name repeats another's without case; none may need it
    assert openpyxl.load_workbook(tmp_path / "names.xlsx").sheetnames == [
        "Overview", "Ａbc", "ａbc (2)", "x" * 25, "x" * 25 + " (2)", "Overview (2)", "_quoted", "a_b__c____", "一覧",
        "Ärger", "ärger (2)", "Жук", "жук (2)"]
