# SPDX-License-Identifier: MIT
"""Formula injection (INTERFACES.md section 1) through the Python API: ``write_csv(bom=True)``
puts one apostrophe before a text a spreadsheet would run, ``read_csv`` of that file removes it."""

import isomm

TEXTS = ['=HYPERLINK("http://x.example/","x")', "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'=x", "'x", "plain"]


def make(text):
    a = isomm.Assessment(id="site", organization=text, assessor=text)
    a.set("A-1", "insource", 2, note=text)
    return a


def test_spreadsheet_file_holds_no_formula(tmp_path):
    path = tmp_path / "excel.csv"
    isomm.write_csv(path, [make('=HYPERLINK("http://x.example/","x")')], bom=True)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    row = raw.decode("utf-8-sig").split("\n")[1]
    assert row == ('site,"\'=HYPERLINK(""http://x.example/"",""x"")","\'=HYPERLINK(""http://x.example/"",""x"")",'
                   ',,,A-1,insource,2,"\'=HYPERLINK(""http://x.example/"",""x"")"')


def test_read_write_read_is_unchanged(tmp_path):
    for i, text in enumerate(TEXTS):
        path = tmp_path / f"{i}.csv"
        isomm.write_csv(path, [make(text)], bom=True)
        (back,) = isomm.read_csv(path)
        assert (back.organization, back.assessor, back["A-1"].note) == (text, text, text)
        again = tmp_path / f"{i}-again.csv"
        isomm.write_csv(again, [back], bom=True)
        assert again.read_bytes() == path.read_bytes()


def test_without_bom_nothing_changes(tmp_path):
    path = tmp_path / "plain.csv"
    isomm.write_csv(path, [make("=1+1")])
    assert ",A-1,insource,2,=1+1\n" in path.read_text(encoding="utf-8")
    (back,) = isomm.read_csv(path)
    assert back["A-1"].note == "=1+1"
