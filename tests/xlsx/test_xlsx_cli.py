#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The workbook through the isomm command, as a user runs it.

    test_xlsx_cli.py ISOMM WORKBOOKS_DIR TEST_DATA Commands|LibreOffice

Commands: the templates' protection and drop-down lists; filled templates (made by
make_workbooks.py) give `isomm report --format json` output equal to the CSV's; errors name file,
sheet and cell; the report workbook opened by python3-openpyxl holds the worked example's numbers,
comments and next steps, and its zip holds a radar and a bar chart and no formula.
LibreOffice: the filled workbooks converted by `soffice --headless --convert-to xlsx` read the
same (a level given as a formula too, once LibreOffice has saved its result); the report workbook
rendered to PDF by LibreOffice is not blank. Exits 77 (skipped) when soffice (Debian package
libreoffice-calc-nogui) or pdftotext/pdftoppm (poppler-utils) is missing.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

ISOMM, WB, DATA, SUITE = sys.argv[1:5]
EXAMPLE = os.path.join(DATA, "example-1.csv")
failures = []


def run(*args):
    p = subprocess.run([ISOMM, *args], capture_output=True)
    return p.returncode, p.stdout, p.stderr.decode("utf-8")


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def json_of(path):
    rc, out, err = run("report", "--format", "json", path)
    check(rc == 0, f"report --format json {path}: {err}")
    return json.loads(out) if rc == 0 else None


def commands(tmp):
    want = json_of(EXAMPLE)
    for name in ("filled-en.xlsx", "filled-ja.xlsx", "filled-moved.xlsx"):
        check(json_of(os.path.join(WB, name)) == want, f"{name} reports differently from example-1.csv")
    for lang in ("en", "ja"):
        rc, out, err = run("report", "--format", "json", "--lang", lang, os.path.join(WB, "filled-%s.xlsx" % lang))
        rc2, out2, _ = run("report", "--format", "json", "--lang", lang, EXAMPLE)
        check(rc == 0 and out == out2, f"--lang {lang}: the workbook's JSON differs from the CSV's")

    # the templates: protected sheets, only answer cells unlocked, drop-down lists with prompts
    for lang, sourcings, patterns in (
            ("en", '"insource,outsource"',
             '"Full outsource,Minimum insource,Hybrid,Minimum outsource,Full insource"'),
            ("ja", '"インソース,アウトソース"', '"フルアウトソース,ミニマムインソース,ハイブリッド,ミニマムアウトソース,フルインソース"')):
        wb = openpyxl.load_workbook(os.path.join(WB, "template-%s.xlsx" % lang))
        check([ws.protection.sheet for ws in wb] == [True, True, True], f"{lang}: every sheet protected")
        prep, inp = wb.worksheets[0], wb.worksheets[1]
        unlocked = {(ws.title, c.coordinate) for ws in wb for row in ws.iter_rows() for c in row
                    if c.protection.locked is False}
        want = {(prep.title, "B%d" % r) for r in range(4, 10)}
        want |= {(inp.title, "%s%d" % (col, r)) for col in "FGH" for r in range(5, 59)}
        check(unlocked == want, f"{lang}: unlocked cells {sorted(unlocked ^ want)[:5]}")
        lists = {str(dv.sqref): (dv.formula1, dv.promptTitle, dv.prompt) for ws in wb
                 for dv in ws.data_validations.dataValidation if dv.type == "list"}
        check(lists.get("B8", (None,))[0] == patterns and lists.get("B9", (None,))[0] == patterns,
              f"{lang}: pattern lists {lists.get('B8')}")
        check(lists.get("F5:F58", (None,))[0] == sourcings, f"{lang}: sourcing list {lists.get('F5:F58')}")
        level = lists.get("G5:G58", (None, None, None))
        check(level[0] == '"0,1,2,3,4,5"' and level[1] and len(level[2]) <= 255 and
              ("0 decided not to" in level[2] if lang == "en" else "0 実施しないと判断" in level[2]),
              f"{lang}: level list and its scales message {level}")
        check(inp["A5"].value == "A-1", f"{lang}: A-1 on row 5")
        check(inp["A58"].value == "I-6", f"{lang}: I-6 on row 58")

    bad = os.path.join(WB, "bad-level.xlsx")
    rc, out, err = run("report", bad)
    check(rc == 1 and err == f"{bad}:Input!G12: bad level '7' (expected a whole number 0-5)\n",
          f"report of a bad level: {rc} {err!r}")
    rc, out, err = run("validate", bad)
    check(rc == 1 and err == (f"{bad}:Input!G12: bad level '7' (expected a whole number 0-5)\n"
                              f"{bad}: 1 problem found (a workbook is checked up to its first problem)\n"),
          f"validate of a bad level: {rc} {err!r}")
    rc, out, err = run("validate", os.path.join(WB, "two-assessments.xlsx"))
    check(rc == 0 and out.decode() == os.path.join(WB, "two-assessments.xlsx") + ": valid, 2 assessments\n",
          f"validate of two assessments: {rc} {out!r}")
    two = os.path.join(WB, "two-assessments.xlsx")
    rc, out, err = run("aggregate", "--format", "json", two, EXAMPLE)
    check(rc == 0 and json.loads(out)["assessments"] == 3, f"aggregate of a workbook and a CSV: {rc} {err}")
    rc, out, err = run("compare", "--format", "json", "--old", "example-2", "--new", "example-1", two, EXAMPLE)
    check(rc == 0 and json.loads(out)["unchanged"] + json.loads(out)["unrated"] == 54,
          f"compare of a workbook with the CSV: {rc} {err}")
    xls = os.path.join(WB, "old.xls")
    rc, out, err = run("report", xls)
    check(rc == 1 and err == f"{xls}: an Excel 97-2003 workbook (.xls), not .xlsx: save it as an Excel Workbook "
          "(.xlsx)\n", f"report of an .xls: {rc} {err!r}")
    rc, out, err = run("template", "--format", "xlsx", "--bom", "-o", os.path.join(tmp, "t.xlsx"))
    check(rc == 2 and "--bom is for CSV" in err, f"template --format xlsx --bom: {rc} {err!r}")

    # the report workbook: numbers, charts, an overview for several
    expected = json.load(open(os.path.join(DATA, "example-1.expected.json"), encoding="utf-8"))
    result = os.path.join(tmp, "result.xlsx")
    rc, out, err = run("report", "--format", "xlsx", "--lang", "en", os.path.join(WB, "filled-en.xlsx"), "-o", result)
    check(rc == 0 and out == b"", f"report --format xlsx: {rc} {err}")
    ws = openpyxl.load_workbook(result).worksheets[0]
    rows = {r[0].value: r for r in ws.iter_rows() if isinstance(r[0].value, str)}
    for code, maturity in expected["function_maturity"].items():
        got = rows[code][2].value
        check(isinstance(got, (int, float)) and abs(got - maturity) < 1e-14, f"function {code}: {got!r} != {maturity}")
    overall = [r for r in ws.iter_rows() if r[1].value == "Overall maturity"]
    check(overall and abs(overall[0][2].value - expected["overall_maturity"]) < 1e-14, "overall maturity")
    strengths = [r for r in ws.iter_rows() if r[0].value == "Strengths"]
    first = strengths[0][0].row
    check([ws.cell(row=first + 1 + i, column=1).value for i in range(2)] == expected["strengths"],
          "strengths in the workbook")
    rc, out, err = run("report", "--format", "json", "--lang", "en", EXAMPLE)
    report = json.loads(out)[0]
    for kind in ("Strengths", "Weaknesses"):
        top = [r for r in ws.iter_rows() if r[0].value == kind][0][0].row
        for i, h in enumerate(report[kind.lower()]):
            check(ws.cell(row=top + 1 + i, column=1).value == h["function"], f"{kind} {i}: function")
            check(ws.cell(row=top + 1 + i, column=6).value == h["comment"], f"{kind} {i}: comment differs from JSON")
    steps = {role["code"]: role["next_step"] for role in report["roles"]}
    listed = [ws.cell(row=r[0].row + 1, column=1).value for r in ws.iter_rows() if r[5].value == "Next step"]
    check(len(listed) == 4, f"four lists with a next-step column, got {len(listed)}")
    start = [r[0].row for r in ws.iter_rows() if r[0].value == "Recommendations"][0]
    end = [r[0].row for r in ws.iter_rows() if r[0].value == "Pattern fit"][0]
    for r in ws.iter_rows(min_row=start, max_row=end):
        if r[0].value in steps:
            check(r[5].value == steps[r[0].value], f"next step of {r[0].value}: {r[5].value!r}")
    with zipfile.ZipFile(result) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/")]
        formulas = [n for n in z.namelist() if n.startswith("xl/worksheets/") and b"<f>" in z.read(n)]
    check(any("<c:radarChart>" in c for c in charts), "no c:radarChart in the report workbook")
    check(any("<c:barChart>" in c for c in charts), "no c:barChart in the report workbook")
    check(formulas == [], f"formulas in {formulas}")
    both = os.path.join(tmp, "both.xlsx")
    rc, out, err = run("report", "--format", "xlsx", "--lang", "ja", os.path.join(WB, "two-assessments.xlsx"), "-o",
                      both)
    check(rc == 0 and openpyxl.load_workbook(both).sheetnames == ["一覧", "example-1", "example-2"],
          f"two assessments: {rc} {err}")


def soffice(tmp, fmt, source, outdir):
    profile = "file://" + os.path.join(tmp, "lo-profile")
    p = subprocess.run(["soffice", "-env:UserInstallation=" + profile, "--headless", "--convert-to", fmt,
                        "--outdir", outdir, source], capture_output=True, timeout=180)
    check(p.returncode == 0, f"soffice --convert-to {fmt} {source}: {p.stderr.decode()}")


def libreoffice(tmp):
    if not shutil.which("soffice"):
        print("soffice not found (Debian package libreoffice-calc-nogui): LibreOffice tests skipped")
        sys.exit(77)
    if not shutil.which("pdftotext") or not shutil.which("pdftoppm"):
        print("pdftotext/pdftoppm not found (Debian package poppler-utils): LibreOffice tests skipped")
        sys.exit(77)
    want = json_of(EXAMPLE)
    # formula-level.xlsx has =1+2 for B-2's level 3, which only a spreadsheet calculates
    for name in ("filled-en.xlsx", "filled-ja.xlsx", "filled-moved.xlsx", "formula-level.xlsx"):
        outdir = os.path.join(tmp, "lo-" + name)
        os.makedirs(outdir)
        soffice(tmp, "xlsx", os.path.join(WB, name), outdir)
        check(json_of(os.path.join(outdir, name)) == want, f"{name} saved by LibreOffice reports differently")
    result = os.path.join(tmp, "result.xlsx")
    rc, out, err = run("report", "--format", "xlsx", "--lang", "ja", os.path.join(WB, "filled-ja.xlsx"), "-o", result)
    check(rc == 0, f"report --format xlsx: {err}")
    soffice(tmp, "pdf", result, tmp)
    pdf = os.path.join(tmp, "result.pdf")
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True).stdout.decode()
    check("ISOMM" in text and "セキュリティ対応組織運営" in text, "the PDF lacks the report's text")
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-f", "1", "-l", "1", pdf, os.path.join(tmp, "page")],
                   check=True)
    page = [n for n in os.listdir(tmp) if n.startswith("page") and n.endswith(".pgm")][0]
    with open(os.path.join(tmp, page), "rb") as f:
        data = f.read()
    pixels = data[data.index(b"255\n") + 4:]
    dark = sum(1 for b in pixels if b < 128)
    check(dark > len(pixels) // 200, f"the PDF's first page is nearly blank ({dark} dark pixels of {len(pixels)})")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        {"Commands": commands, "LibreOffice": libreoffice}[SUITE](tmp)
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
