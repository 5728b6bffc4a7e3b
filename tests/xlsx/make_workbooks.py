#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Make the workbooks the xlsx tests read: templates written by `isomm template --format xlsx`,
filled in by python3-openpyxl, spoiled in one cell each, and hostile archives built byte by byte.

    make_workbooks.py ISOMM_CLI EXAMPLE.csv OUTDIR

Needs Python's standard library and python3-openpyxl.
"""
import os
import shutil
import struct
import subprocess
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fill_template  # noqa: E402

import openpyxl  # noqa: E402

CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?>'
                 b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 b'<Default Extension="xml" ContentType="application/xml"/></Types>')
ROOT_RELS = (b'<?xml version="1.0" encoding="UTF-8"?>'
             b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             b'officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (b'<?xml version="1.0" encoding="UTF-8"?>'
            b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            b'<sheets><sheet name="Input" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (b'<?xml version="1.0" encoding="UTF-8"?>'
                 b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                 b'worksheet" Target="worksheets/sheet1.xml"/>'
                 b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                 b'sharedStrings" Target="sharedStrings.xml"/></Relationships>')
SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8"?>'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
SHEET_TAIL = b'</sheetData></worksheet>'
SMALL_SHEET = (SHEET_HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>role</t></is></c>'
               b'<c r="B1" t="inlineStr"><is><t>sourcing</t></is></c><c r="C1" t="inlineStr"><is><t>level</t></is></c>'
               b'</row><row r="2"><c r="A2" t="inlineStr"><is><t>A-1</t></is></c>'
               b'<c r="B2" t="inlineStr"><is><t>insource</t></is></c><c r="C2"><v>3</v></c></row>' + SHEET_TAIL)
EMPTY_SST = (b'<?xml version="1.0" encoding="UTF-8"?>'
             b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>')


def raw_zip(entries):
    """A zip archive from (name, data, options) entries. options may give 'deflated' (a ready
    deflate stream, whose inflated size and CRC are given too) and 'declared' (the uncompressed size
    the headers claim), and 'encrypted' (the encryption flag set)."""
    out = bytearray()
    central = bytearray()
    for name, data, opt in entries:
        name = name.encode()
        if "deflated" in opt:
            comp, size, crc = opt["deflated"]
        else:
            co = zlib.compressobj(9, zlib.DEFLATED, -15)
            comp = co.compress(data) + co.flush()
            size, crc = len(data), zlib.crc32(data)
        size = opt.get("declared", size)
        flags = 1 if opt.get("encrypted") else 0
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, 8, 0, 0x21, crc, len(comp), size, len(name), 0)
        out += name + comp
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, 8, 0, 0x21, crc, len(comp), size,
                               len(name), 0, 0, 0, 0, 0, offset) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    return bytes(out + central + end)


def workbook(sheet, sst=EMPTY_SST, sheet_opt=None, book=WORKBOOK, rels=WORKBOOK_RELS):
    return raw_zip([("[Content_Types].xml", CONTENT_TYPES, {}), ("_rels/.rels", ROOT_RELS, {}),
                    ("xl/workbook.xml", book, {}), ("xl/_rels/workbook.xml.rels", rels, {}),
                    ("xl/sharedStrings.xml", sst, {}), ("xl/worksheets/sheet1.xml", sheet, sheet_opt or {})])


def many_sheets(n):
    """workbook.xml listing n sheets, all the one worksheet part."""
    return (WORKBOOK.split(b"<sheets>")[0] + b"<sheets>"
            + b"".join(b'<sheet name="S%d" sheetId="%d" r:id="rId1"/>' % (i, i) for i in range(1, n + 1))
            + b"</sheets></workbook>")


def deflated(size, head=b"", fill=b"\0"):
    """A deflate stream of `head` and then `fill` bytes up to `size` bytes."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = fill * (1 << 20)
    comp = bytearray(co.compress(head))
    crc = zlib.crc32(head)
    total = len(head)
    while total + len(chunk) <= size:
        comp += co.compress(chunk)
        crc = zlib.crc32(chunk, crc)
        total += len(chunk)
    comp += co.flush()
    return bytes(comp), total, crc


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def hostile(out, example_csv):
    # 1 GiB in about 1 MiB: zeros, and a worksheet that goes on with spaces (well-formed so far)
    bomb = deflated(1 << 30)
    write(os.path.join(out, "bomb.xlsx"), workbook(b"", sheet_opt={"deflated": bomb}))
    spaces = deflated(1 << 30, SHEET_HEAD, b" ")
    write(os.path.join(out, "lying-size.xlsx"), workbook(b"", sheet_opt={"deflated": spaces, "declared": 1000}))
    write(os.path.join(out, "deep.xlsx"), workbook(SHEET_HEAD + b"<a>" * 100000 + b"</a>" * 100000 + SHEET_TAIL))
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in range(1, 1000001))
    write(os.path.join(out, "million-rows.xlsx"), workbook(SHEET_HEAD + rows + SHEET_TAIL))
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                         for i in range(1, 10))
              + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>' + SHEET_TAIL)
    write(os.path.join(out, "billion-laughs.xlsx"), workbook(laughs))
    # one label and its value written 225,000 times at the same two addresses
    repeated = b'<c r="A1" t="str"><v>Date</v></c><c r="B1" t="str"><v>2026-01-01</v></c>' * 225000
    write(os.path.join(out, "repeated-cells.xlsx"), workbook(SHEET_HEAD + b'<row r="1">' + repeated + b"</row>"
                                                             + SHEET_TAIL))
    big = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
           b'main"><si><t>' + b"x" * (2 << 20) + b"</t></si></sst>")
    write(os.path.join(out, "huge-text.xlsx"), workbook(SMALL_SHEET, sst=big))
    write(os.path.join(out, "too-many-sheets.xlsx"), workbook(SMALL_SHEET, book=many_sheets(4097)))
    # the most sheets, each an input sheet, beside 100,000 other relationships to look through
    extra = b"".join(b'<Relationship Id="x%d" Type="t" Target="x"/>' % i for i in range(100000))
    write(os.path.join(out, "most-sheets.xlsx"),
          workbook(SMALL_SHEET, book=many_sheets(4096), rels=WORKBOOK_RELS.replace(b"</Relationships>", extra
                                                                                    + b"</Relationships>")))
    write(os.path.join(out, "small.xlsx"), workbook(SMALL_SHEET))
    write(os.path.join(out, "encrypted-entry.xlsx"), raw_zip([
        ("[Content_Types].xml", CONTENT_TYPES, {}), ("_rels/.rels", ROOT_RELS, {}),
        ("xl/workbook.xml", WORKBOOK, {"encrypted": True})]))
    shutil.copyfile(example_csv, os.path.join(out, "csv-renamed.xlsx"))
    cfb = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504)
    write(os.path.join(out, "old.xls"), cfb + "Workbook".encode("utf-16-le") + bytes(1024))
    write(os.path.join(out, "password.xlsx"), cfb + "EncryptionInfo".encode("utf-16-le") + bytes(64)
          + "EncryptedPackage".encode("utf-16-le") + bytes(1024))
    with open(os.path.join(out, "template-en.xlsx"), "rb") as f:
        write(os.path.join(out, "truncated.xlsx"), f.read()[:3000])


def spoil(out, name, source, change):
    """Copy the filled workbook `source` with one change made by change(workbook)."""
    wb = openpyxl.load_workbook(os.path.join(out, source))
    change(wb)
    wb.save(os.path.join(out, name))


def row_of(ws, code):
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == code:
                return cell.row
    raise KeyError(code)


def spoiled(out):
    def cell(code, col, value, sheet=1):
        def change(wb):
            ws = wb.worksheets[sheet]
            ws.cell(row=row_of(ws, code), column=col).value = value
        return change

    def prep(label, value):
        def change(wb):
            ws = wb.worksheets[0]
            ws.cell(row=row_of(ws, label), column=2, value=value)
        return change

    spoil(out, "bad-level.xlsx", "filled-en.xlsx", cell("B-2", 7, 7))
    spoil(out, "bad-level-fraction.xlsx", "filled-en.xlsx", cell("B-2", 7, 3.5))
    spoil(out, "bad-level-text.xlsx", "filled-ja.xlsx", cell("B-2", 7, "高い"))
    spoil(out, "formula-level.xlsx", "filled-en.xlsx", cell("B-2", 7, "=1+2"))
    spoil(out, "bad-sourcing.xlsx", "filled-en.xlsx", cell("C-1", 6, "both"))
    spoil(out, "bad-role.xlsx", "filled-en.xlsx", cell("D-3", 1, "Z-9"))
    spoil(out, "duplicate-role.xlsx", "filled-en.xlsx", cell("A-2", 1, "A-1"))
    spoil(out, "no-sourcing.xlsx", "filled-en.xlsx", cell("E-1", 6, None))
    spoil(out, "bad-pattern.xlsx", "filled-en.xlsx", prep("Target pattern", "Everything insource"))
    spoil(out, "bad-date.xlsx", "filled-en.xlsx", prep("Date", "2026-02-30"))

    def excel_date(wb):
        import datetime
        ws = wb.worksheets[0]
        ws.cell(row=row_of(ws, "Date"), column=2, value=datetime.date(2026, 11, 1))
    spoil(out, "excel-date.xlsx", "filled-en.xlsx", excel_date)

    def two_levels(wb):
        ws = wb.worksheets[1]
        ws.cell(row=row_of(ws, "Role"), column=10, value="Level")
    spoil(out, "two-level-columns.xlsx", "filled-en.xlsx", two_levels)

    def no_input(wb):
        del wb["Input"]
    spoil(out, "no-input.xlsx", "filled-en.xlsx", no_input)

    def two_assessments(wb):
        prep2 = wb.copy_worksheet(wb["Preparation"])
        wb.copy_worksheet(wb["Input"])
        prep2.cell(row=row_of(prep2, "Assessment ID"), column=2, value="example-2")
    spoil(out, "two-assessments.xlsx", "filled-en.xlsx", two_assessments)
    def renamed(wb):
        cell("B-2", 7, 6)(wb)
        wb["Input"].title = "2026"
    spoil(out, "bad-level-sheet-2026.xlsx", "filled-en.xlsx", renamed)
    spoil(out, "bad-level-second-sheet.xlsx", "two-assessments.xlsx", cell("B-2", 7, 9, sheet=4))


def main(argv):
    cli, example_csv, out = argv[1:4]
    os.makedirs(out, exist_ok=True)
    for lang in ("en", "ja"):
        template = os.path.join(out, "template-%s.xlsx" % lang)
        subprocess.run([cli, "template", "--format", "xlsx", "--lang", lang, "-o", template], check=True)
        fill_template.main(["", template, example_csv, os.path.join(out, "filled-%s.xlsx" % lang)])
    fill_template.main(["", os.path.join(out, "template-en.xlsx"), example_csv,
                        os.path.join(out, "filled-moved.xlsx"), "--insert-rows", "--text-levels"])
    for lang in ("en", "ja"):
        fill_template.main(["", os.path.join(out, "template-%s.xlsx" % lang), example_csv,
                            os.path.join(out, "filled-%s-swapped.xlsx" % lang), "--swap-language"])
    spoiled(out)
    hostile(out, example_csv)


if __name__ == "__main__":
    main(sys.argv)
