# SPDX-License-Identifier: MIT
"""Assessment CSV and model CSV through the Python API."""

import csv
import io
import pathlib

import pytest

import isomm
from test_evaluate import TARGETS, build_example, check_against_expected


def read_text(text, **kwargs):
    return isomm.read_csv(io.StringIO(text), **kwargs)


def test_example_through_read_csv(data_dir, expected, example_rows):
    assessments = isomm.read_csv(data_dir / "example-1.csv")
    assert len(assessments) == 1
    a = assessments[0]
    assert a == build_example(example_rows)
    assert (a.id, a.organization, a.assessor, a.date) == ("example-1", "Example Corp", "CSIRT lead", "2026-11-01")
    assert a["C-3"].note == 'vendor "X", sandbox only'
    assert a["G-6"].note == "SIEM, 2 admins\nrotating"
    for target in TARGETS:
        check_against_expected(a.evaluate(target=target), expected, target)


def test_path_kinds_and_file_objects(data_dir):
    by_str = isomm.read_csv(str(data_dir / "example-1.csv"))
    with open(data_dir / "example-1.csv", "rb") as f:
        by_binary = isomm.read_csv(f)
    with open(data_dir / "example-1.csv", encoding="utf-8") as f:
        by_text = isomm.read_csv(f)
    assert by_str == by_binary == by_text


def test_several_assessments_and_defaults():
    text = ("assessment,role,sourcing,level\n"
            "2025,A-1,in,2\n2025,A-2,out,3\n"
            "2026,A-1,in,3\n,,,\n")
    a, b = read_text(text)
    assert (a.id, a.answered_count, b.id, b.answered_count) == ("2025", 2, "2026", 1)
    only = read_text("role,level,sourcing\nB-1,4,out\n")
    assert only[0].id == "default" and only[0]["B-1"] == ("B-1", "outsource", 4, None)


def test_round_trip_through_a_file(tmp_path, data_dir):
    original = isomm.read_csv(data_dir / "example-1.csv")
    second = original[0].copy()
    second.id = "second"
    second.set("A-5", "outsource", 1, note="new")
    path = tmp_path / "out.csv"
    isomm.write_csv(path, original + [second])
    back = isomm.read_csv(path)
    assert back == original + [second]
    text = path.read_text(encoding="utf-8")
    assert text.startswith("assessment,organization,assessor,date,current_pattern,target_pattern,role,sourcing,"
                           "level,note\n")
    assert len(list(csv.reader(io.StringIO(text)))) == 1 + 2 * 54


def test_write_to_file_objects_and_bom(data_dir):
    assessments = isomm.read_csv(data_dir / "example-1.csv")
    text = io.StringIO()
    isomm.write_csv(text, assessments)
    assert read_text(text.getvalue()) == assessments
    raw = io.BytesIO()
    isomm.write_csv(raw, assessments[0], bom=True)
    assert raw.getvalue().startswith(b"\xef\xbb\xbfassessment,")
    assert isomm.read_csv(io.BytesIO(raw.getvalue())) == assessments


def test_cp932(tmp_path):
    a = isomm.Assessment(organization="日本の会社")
    a.set("A-1", "insource", 3, note="週次で確認")
    path = tmp_path / "sjis.csv"
    isomm.write_csv(path, [a], encoding="cp932")
    assert "日本の会社".encode("cp932") in path.read_bytes()
    assert isomm.read_csv(path, encoding="Shift_JIS") == [a]
    with pytest.raises(isomm.ParseError) as info:
        isomm.read_csv(path)
    assert info.value.code == isomm.ErrorCode.EENCODING
    assert (info.value.line, info.value.column) == (2, 2)
    assert "CP932" in info.value.message


@pytest.mark.parametrize("text, code, line, column", [
    ("role,sourcing,level,colour\nA-1,in,1,red\n", "EHEADER", 1, 4),
    ("role,level\nA-1,1\n", "EHEADER", 1, 0),
    ("role,sourcing,level\nA-1,in,1\nA-1,in,2\n", "EDUPLICATE", 3, 1),
    ("assessment,role,sourcing,level\nx,A-1,in,1\ny,A-1,in,1\nx,A-2,in,1\n", "EDUPLICATE", 4, 1),
    ("assessment,organization,role,sourcing,level\nx,A,A-1,in,1\nx,B,A-2,in,1\n", "ECONFLICT", 3, 2),
    ("role,sourcing,level\nA-1,in\n", "EPARSE", 2, 3),
    ("role,sourcing,level,note\nA-1,in,1,ok\nA-2,in,2,\"open\nstill\n", "EPARSE", 3, 4),
    ("role,sourcing,level\n", "EEMPTY", 2, 0),
    ("role,sourcing,level\nA-1,in,\n", "ELEVEL", 2, 3),
    ("role,sourcing,level\nA-1,in,7\n", "ELEVEL", 2, 3),
    ("role,sourcing,level\nA-1,both,1\n", "ESOURCING", 2, 2),
    ("role,sourcing,level\nJ-1,in,1\n", "EROLE", 2, 1),
    ("current_pattern,role,sourcing,level\nhalf,A-1,in,1\n", "EPATTERN", 2, 1),
    ("date,role,sourcing,level\n2026-13-01,A-1,in,1\n", "EDATE", 2, 1),
])
def test_parse_errors(text, code, line, column):
    with pytest.raises(isomm.ParseError) as info:
        read_text(text)
    e = info.value
    assert (e.code, e.line, e.column) == (isomm.ErrorCode[code], line, column)
    assert isinstance(e, ValueError) and isinstance(e, isomm.Error)
    assert e.message and e.filename is None
    assert str(e) == f"<input>:{line}:{column}: {e.message}"


def test_field_limit():
    with pytest.raises(isomm.ParseError) as info:
        read_text("role,sourcing,level,note\nA-1,in,1," + "x" * 100 + "\n", max_field_bytes=10)
    assert (info.value.code, info.value.line, info.value.column) == (isomm.ErrorCode.ELIMIT, 2, 4)
    assert len(read_text("role,sourcing,level,note\nA-1,in,1," + "x" * 100 + "\n", max_field_bytes=100)) == 1


def test_bad_arguments(tmp_path):
    with pytest.raises(isomm.InvalidValueError) as info:
        read_text("role,sourcing,level\nA-1,in,1\n", encoding="latin-1")
    assert info.value.code == isomm.ErrorCode.EOPTIONS
    with pytest.raises(isomm.InvalidValueError) as info:
        read_text("role,sourcing,level\nA-1,in,1\n", max_field_bytes=0)
    assert info.value.code == isomm.ErrorCode.EOPTIONS
    with pytest.raises(TypeError):
        read_text("role,sourcing,level\nA-1,in,1\n", model="ISOMM")
    with pytest.raises(TypeError):
        isomm.write_csv(tmp_path / "x.csv", ["not an assessment"])
    with pytest.raises(TypeError):
        isomm.write_csv(tmp_path / "x.csv", [isomm.Assessment()], bom="yes")


def test_missing_file_is_file_error(tmp_path):
    with pytest.raises(isomm.FileError) as info:
        isomm.read_csv(tmp_path / "missing.csv")
    assert isinstance(info.value, OSError)
    assert info.value.code == isomm.ErrorCode.EIO
    assert "missing.csv" in info.value.message


def test_failed_write_leaves_the_old_file(tmp_path):
    path = tmp_path / "keep.csv"
    path.write_text("old content\n", encoding="utf-8")
    a = isomm.Assessment(organization="日本")
    with pytest.raises(isomm.ParseError) as info:
        isomm.write_csv(path, [isomm.Assessment(organization="\u00e9t\u00e9 \U0001F600")], encoding="cp932")
    assert info.value.code == isomm.ErrorCode.EENCODING
    assert path.read_text(encoding="utf-8") == "old content\n"
    with pytest.raises(isomm.FileError):
        isomm.write_csv(tmp_path / "no-such-dir" / "x.csv", [a])


def test_iter_csv(tmp_path):
    path = tmp_path / "stream.csv"
    path.write_text("assessment,role,sourcing,level\na,A-1,in,1\nb,A-1,in,2\nc,A-1,in,1\nc,A-2,in,9\n",
                    encoding="utf-8")
    seen = []
    with pytest.raises(isomm.ParseError) as info:
        for a in isomm.iter_csv(path):
            seen.append((a.id, a["A-1"].level))
    assert seen == [("a", 1), ("b", 2)]
    assert (info.value.code, info.value.line) == (isomm.ErrorCode.ELEVEL, 5)
    path.write_text("assessment,role,sourcing,level\na,A-1,in,1\nb,A-1,in,2\n", encoding="utf-8")
    assert [a.id for a in isomm.iter_csv(path)] == ["a", "b"]


def test_validate_lists_every_problem():
    problems = isomm.validate_csv(io.StringIO("role,sourcing,level\nA-1,in,7\nA-9,in,1\nA-2,in,2\n"))
    assert [(p.code, p.line, p.column) for p in problems] == [
        (isomm.ErrorCode.ELEVEL, 2, 3), (isomm.ErrorCode.EROLE, 3, 1)]
    assert all(isinstance(p, isomm.ParseError) for p in problems)
    assert isomm.validate_csv(io.StringIO("role,sourcing,level\nA-1,in,1\n")) == []
    assert len(isomm.validate_csv(io.StringIO("role,sourcing,level\nA-1,in,7\nA-2,in,7\n"), max_errors=1)) == 1


def test_validate_a_missing_file_raises(tmp_path):
    with pytest.raises(isomm.FileError):
        isomm.validate_csv(tmp_path / "missing.csv")


def test_template_reads_back_unanswered():
    text = isomm.csv_template(lang="en")
    assert text.startswith("assessment,organization,assessor,date,current_pattern,target_pattern,role,name,")
    assert ",A-1,Overall policy management," in text
    assert ",A-1,全体方針管理," in isomm.csv_template(lang="ja")
    (a,) = read_text(text)
    assert a.answered_count == 0 and len(a.unanswered) == 54


def test_load_model_csv(tmp_path, data_dir):
    source = (data_dir / "roles-v2.1.csv").read_text(encoding="utf-8")
    moved = source.replace("\nE-2,E,アセット情報収集,Asset information collection,II,",
                           "\nE-2,E,アセット情報収集,Asset information collection,IV,")
    assert moved != source
    path = tmp_path / "custom.csv"
    path.write_text(moved, encoding="utf-8")
    custom = isomm.load_model_csv(path)
    assert custom.name == str(path)
    assert custom.role("E-2").domain == "IV"
    assert custom.expected_sourcing("E-2", "hybrid") == "outsource"
    assert isomm.default_model().expected_sourcing("E-2", "hybrid") == "insource"
    a = isomm.Assessment(custom, target_pattern="hybrid")
    a.set("E-2", "insource", 2)
    assert a.model is custom
    assert a.evaluate().recommendations["switch_to_outsource"] == ("E-2",)
    (read,) = isomm.read_csv(io.StringIO("role,sourcing,level\nE-2,in,2\n"), model=custom)
    assert read.model is custom and read.evaluate("hybrid").roles[25].expected_sourcing == "outsource"
    with open(path, encoding="utf-8") as f:
        assert isomm.load_model_csv(f).role("E-2").domain == "IV"


def test_model_csv_errors(tmp_path, data_dir):
    lines = (data_dir / "roles-v2.1.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "short.csv"
    path.write_text("".join(lines[:-1]), encoding="utf-8")
    with pytest.raises(isomm.ParseError) as info:
        isomm.load_model_csv(path)
    assert (info.value.code, info.value.line) == (isomm.ErrorCode.EMODEL, len(lines))
    with pytest.raises(isomm.FileError):
        isomm.load_model_csv(tmp_path / "missing.csv")
    with pytest.raises(isomm.ParseError) as info:
        isomm.load_model_csv(io.StringIO("code,function\n"))
    assert info.value.code == isomm.ErrorCode.EHEADER


def test_model_outlives_its_python_name(tmp_path, data_dir):
    import gc
    path = tmp_path / "m.csv"
    path.write_bytes((data_dir / "roles-v2.1.csv").read_bytes())
    a = isomm.Assessment(isomm.load_model_csv(path))
    a.set("A-1", "in", 3)
    gc.collect()
    assert a.model.role("A-1").code == "A-1"
    assert a.evaluate().function_maturity["A"] == 8 / 6


def test_paths_may_be_pathlib(data_dir):
    assert isomm.read_csv(pathlib.PurePath(data_dir / "example-1.csv"))[0].id == "example-1"


def test_model_to_csv(data_dir):
    text = isomm.default_model().to_csv()
    assert text == (data_dir / "roles-v2.1.csv").read_text(encoding="utf-8")
    custom = isomm.load_model_csv(io.StringIO(text.replace(",IV,", ",III,")))
    assert custom.to_csv() == text.replace(",IV,", ",III,")
    assert isomm.load_model_csv(io.StringIO(custom.to_csv())).role("C-2").domain == custom.role("C-2").domain
