# SPDX-License-Identifier: MIT
"""Streams wherever a path is taken, file errors with errno, lenient levels (issue 14 items 2-4)."""

import errno
import gzip
import io
import os
import subprocess
import sys

import pytest

import isomm


@pytest.fixture
def example(data_dir):
    return isomm.read_csv(data_dir / "example-1.csv")[0]


def test_iter_csv_reads_any_stream(example, data_dir, tmp_path):
    data = (data_dir / "example-1.csv").read_bytes()
    zipped = tmp_path / "a.csv.gz"
    with gzip.open(zipped, "wb") as f:
        f.write(data)
    with gzip.open(zipped, "rb") as f:
        assert list(isomm.iter_csv(f)) == [example]
    with gzip.open(zipped, "rt", encoding="utf-8") as f:
        assert list(isomm.iter_csv(f)) == [example]
    assert list(isomm.iter_csv(io.StringIO(data.decode("utf-8")))) == [example]
    assert list(isomm.iter_csv(io.BytesIO(data))) == [example]
    assert isomm.read_csv(gzip.open(zipped, "rb")) == [example]
    ag = isomm.Aggregate()
    assert ag.add_csv(gzip.open(zipped, "rt", encoding="utf-8")) == 1 and ag == isomm.aggregate([example])


def test_iter_csv_reads_stdin_in_pieces(data_dir):
    code = ("import sys, isomm\n"
            "for a in isomm.iter_csv(sys.stdin.buffer if sys.argv[1] == 'b' else sys.stdin):\n"
            "    print(a.id, a.answered_count)\n")
    many = io.StringIO()
    isomm.write_csv(many, [isomm.Assessment(id=f"s{i}") for i in range(3000)])
    for mode in ("b", "t"):
        out = subprocess.run([sys.executable, "-c", code, mode], input=many.getvalue().encode(),
                             capture_output=True, check=True, env=dict(os.environ, PYTHONIOENCODING="utf-8"))
        lines = out.stdout.decode().splitlines()
        assert len(lines) == 3000 and lines[0] == "s0 0" and lines[-1] == "s2999 0"


def test_iter_csv_error_in_a_stream_keeps_its_place(data_dir):
    text = "role,sourcing,level\nA-1,in,1\nA-2,in,6\n"
    it = isomm.iter_csv(io.StringIO(text))
    with pytest.raises(isomm.ParseError) as info:
        next(it)
    assert (info.value.line, info.value.column, str(info.value).split(": ")[0]) == (3, 3, "<input>:3:3")


def test_stream_exception_comes_through():
    class Broken(io.RawIOBase):
        def readable(self):
            return True

        def read(self, n=-1):
            raise ConnectionResetError("peer went away")

    with pytest.raises(ConnectionResetError, match="peer went away"):
        list(isomm.iter_csv(Broken()))


def test_write_csv_cp932_to_text_and_binary_streams(example):
    text = io.StringIO()
    isomm.write_csv(text, example, encoding="cp932")
    binary = io.BytesIO()
    isomm.write_csv(binary, example, encoding="cp932")
    assert text.getvalue() == binary.getvalue().decode("cp932")
    assert "方針は年1回見直し" in text.getvalue()
    assert isomm.read_csv(io.BytesIO(binary.getvalue()), encoding="cp932") == [example]
    assert isomm.read_csv(io.StringIO(text.getvalue())) == [example]
    bom = io.StringIO()
    isomm.write_csv(bom, example, bom=True)
    assert bom.getvalue().startswith("\ufeffassessment,")


def test_missing_and_forbidden_files(tmp_path, example):
    missing = tmp_path / "missing.csv"
    for call in (lambda: isomm.read_csv(missing), lambda: list(isomm.iter_csv(missing)),
                 lambda: isomm.validate_csv(missing), lambda: isomm.Aggregate().add_csv(missing),
                 lambda: isomm.load_model_csv(missing), lambda: isomm.read_csv(missing, lenient_levels=True)):
        with pytest.raises(FileNotFoundError) as info:
            call()
        e = info.value
        assert isinstance(e, isomm.MissingFileError) and isinstance(e, isomm.FileError)
        assert (e.errno, e.filename, e.code) == (errno.ENOENT, str(missing), isomm.ErrorCode.EIO)
        assert str(missing) in str(e)
    with pytest.raises(FileNotFoundError) as info:
        isomm.write_csv(tmp_path / "no-such-dir" / "out.csv", example)
    assert info.value.errno == errno.ENOENT
    if os.geteuid() != 0:
        locked = tmp_path / "locked.csv"
        locked.write_text("role,sourcing,level\n", encoding="utf-8")
        locked.chmod(0)
        with pytest.raises(PermissionError) as info:
            isomm.read_csv(locked)
        assert isinstance(info.value, isomm.FilePermissionError) and info.value.errno == errno.EACCES


def test_lenient_levels_only_when_asked(tmp_path):
    path = tmp_path / "pandas.csv"
    path.write_text('role,sourcing,level,note\nA-1,in,2.0,"a, b"\nA-2,out,0.0,\nA-3,,,\n"A-4",in,"5.00",x\n',
                    encoding="utf-8")
    with pytest.raises(isomm.ParseError) as info:
        isomm.read_csv(path)
    assert (info.value.code, info.value.line, info.value.column) == (isomm.ErrorCode.ELEVEL, 2, 3)
    (a,) = isomm.read_csv(path, lenient_levels=True)
    assert [a[r].level for r in ("A-1", "A-2", "A-3", "A-4")] == [2, 0, None, 5]
    assert a["A-1"].note == "a, b"
    path.write_text("role,sourcing,level\r\nA-1,in,2.0\r\nA-2,in,2.5\r\n", encoding="utf-8")
    with pytest.raises(isomm.ParseError) as info:
        isomm.read_csv(path, lenient_levels=True)
    assert (info.value.line, info.value.column, info.value.filename) == (3, 3, str(path))
    with pytest.raises(TypeError):
        isomm.read_csv(path, lenient_levels=1)


def test_pandas_to_csv_round_trip_with_lenient_levels(data_dir, tmp_path):
    example = isomm.read_csv(data_dir / "example-1.csv")[0]
    long = isomm.answers_frame(data_dir / "example-1.csv")
    out = tmp_path / "pandas.csv"
    long.astype({"level": "float64"}).drop(columns=["function", "domain"]).to_csv(out, index=False)
    assert "2.0" in out.read_text(encoding="utf-8")
    assert isomm.read_csv(out, lenient_levels=True) == [example]


def test_result_saves_to_a_path_or_a_stream(example, tmp_path):
    r = example.evaluate()
    path = tmp_path / "r.html"
    r.save(path, lang="en")
    assert path.read_text(encoding="utf-8") == r.render("html", "en")
    text, binary = io.StringIO(), io.BytesIO()
    r.save(text, "markdown", "ja")
    r.save(binary, "markdown", "ja")
    assert text.getvalue() == binary.getvalue().decode("utf-8") == r.render("markdown", "ja")
    with pytest.raises(FileNotFoundError) as info:
        r.save(tmp_path / "missing" / "r.html")
    assert info.value.errno == errno.ENOENT and isinstance(info.value, isomm.MissingFileError)
