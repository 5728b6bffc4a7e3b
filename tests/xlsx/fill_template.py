#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Fill an `isomm template --format xlsx` workbook with the answers of an assessment CSV, the way a
script (python3-openpyxl) or a user would: find the header and the role rows by their content,
type the answers, choose patterns by name.

    fill_template.py TEMPLATE.xlsx ANSWERS.csv OUT.xlsx [--insert-rows] [--text-levels]

--insert-rows   insert two rows above the input header and one column before it (as a user
                might), so that the reader has to find the header rather than trust addresses
--text-levels   type every other level as the text "3" instead of the number 3
--swap-language choose sourcing and pattern values in the other language than the template's
"""
import csv
import sys

import openpyxl

PATTERNS_JA = {"full-outsource": "フルアウトソース", "minimum-insource": "ミニマムインソース", "hybrid": "ハイブリッド",
               "minimum-outsource": "ミニマムアウトソース", "full-insource": "フルインソース"}
PATTERNS_EN = {"full-outsource": "Full outsource", "minimum-insource": "Minimum insource", "hybrid": "Hybrid",
               "minimum-outsource": "Minimum outsource", "full-insource": "Full insource"}
LABELS = {"assessment": ("評価ID", "Assessment ID"), "organization": ("組織名", "Organisation"),
          "assessor": ("評価者", "Assessor"), "date": ("評価日", "Date"),
          "current_pattern": ("現在のパターン", "Current pattern"), "target_pattern": ("目標のパターン", "Target pattern")}


def main(argv):
    template, answers, out = argv[1:4]
    insert_rows = "--insert-rows" in argv
    text_levels = "--text-levels" in argv
    swap = "--swap-language" in argv
    with open(answers, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    wb = openpyxl.load_workbook(template)
    prep, inp = wb.worksheets[0], wb.worksheets[1]
    ja = (prep.title == "準備") != swap
    first = rows[0]
    for row in prep.iter_rows():
        for cell in row:
            for key, names in LABELS.items():
                if cell.value in names and first.get(key) and cell.column == 1:
                    value = first[key]
                    if key.endswith("_pattern"):
                        value = (PATTERNS_JA if ja else PATTERNS_EN)[value]
                    prep.cell(row=cell.row, column=cell.column + 1, value=value)
    if insert_rows:
        inp.insert_rows(1, 2)
        inp.insert_cols(1, 1)
    header = None
    for row in inp.iter_rows():
        values = [c.value for c in row]
        if ("Role" in values or "役割" in values) and ("Level" in values or "レベル" in values):
            header = row
            break
    if header is None:
        sys.exit("no header row in the input sheet")
    col = {c.value: c.column for c in header if c.value}
    code_col = col.get("Role", col.get("役割"))
    src_col = col.get("Sourcing", col.get("ソーシング"))
    lvl_col = col.get("Level", col.get("レベル"))
    note_col = col.get("Note", col.get("備考"))
    where = {}
    for r in range(header[0].row + 1, inp.max_row + 1):
        code = inp.cell(row=r, column=code_col).value
        if code:
            where[code] = r
    for i, row in enumerate(rows):
        r = where[row["role"]]
        if row["sourcing"]:
            name = {"insource": ("インソース", "insource"), "outsource": ("アウトソース", "outsource")}[row["sourcing"]]
            inp.cell(row=r, column=src_col, value=name[0] if ja else name[1])
        if row["level"]:
            level = int(row["level"])
            inp.cell(row=r, column=lvl_col, value=str(level) if text_levels and i % 2 else level)
        if row.get("note"):
            inp.cell(row=r, column=note_col, value=row["note"])
    wb.save(out)


if __name__ == "__main__":
    main(sys.argv)
