# SPDX-License-Identifier: MIT
"""Assessment CSV and model CSV: reading, streaming, validation, writing, the fill-in template."""

import io
import os
import re

from . import _capi
from .assessment import Assessment
from .errors import Error, ErrorCode, _from_c, _located, _os_error
from .model import Model, _lang_value, _model_or_default

__all__ = ["read_csv", "iter_csv", "write_csv", "validate_csv", "Problems", "csv_template", "load_model_csv"]

_ENCODINGS = {
    "utf-8": _capi.ISOMM_ENCODING_UTF8, "utf8": _capi.ISOMM_ENCODING_UTF8,
    "cp932": _capi.ISOMM_ENCODING_CP932, "shift_jis": _capi.ISOMM_ENCODING_CP932,
    "shift-jis": _capi.ISOMM_ENCODING_CP932, "sjis": _capi.ISOMM_ENCODING_CP932,
}


def _encoding_value(encoding):
    try:
        return _ENCODINGS[encoding.lower()]
    except (KeyError, AttributeError):
        raise _from_c(ErrorCode.EOPTIONS, 0, 0,
                      f"unknown encoding {encoding!r} (expected 'utf-8' or 'cp932')") from None


def _size(value, name):
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 1:
        raise _from_c(ErrorCode.EOPTIONS, 0, 0, f"{name} must be at least 1, not {value}")
    return value


_CODECS = {_capi.ISOMM_ENCODING_UTF8: "utf-8", _capi.ISOMM_ENCODING_CP932: "cp932"}


def _source_name(source):
    """The file name a stream reads, when it has one (``open()``, ``gzip.open()``), else None."""
    name = getattr(source, "name", None)
    if isinstance(name, bytes):
        name = os.fsdecode(name)
    return name if isinstance(name, str) and not name.startswith("<") else None


def _content(source, encoding):
    """(path, None, encoding) for a path; (None, bytes, encoding) for a file object's content.
    Text read from a text stream is passed on as UTF-8."""
    if hasattr(source, "read"):
        data = source.read()
        if isinstance(data, str):
            return None, data.encode("utf-8"), _capi.ISOMM_ENCODING_UTF8
        return None, bytes(data), encoding
    return os.fsdecode(source), None, encoding


class _ByteSource:
    """A binary or text stream seen as bytes for the C reader's input callback: ``read(cap)``
    gives at most ``cap`` bytes (text is encoded as UTF-8). An exception of the stream is kept
    in ``error`` (and None returned, which the reader reports as a read error), to be raised
    in place of that read error."""

    __slots__ = ("_stream", "_pending", "error", "text")

    def __init__(self, stream):
        self._stream = stream
        self._pending = b""
        self.error = None
        self.text = isinstance(stream, io.TextIOBase)

    def read(self, cap):
        try:
            if not self._pending:
                chunk = self._stream.read(cap)
                if chunk is None:
                    raise BlockingIOError("the stream has no data ready (a non-blocking stream)")
                if isinstance(chunk, str):
                    self.text = True
                    chunk = chunk.encode("utf-8")
                self._pending = bytes(chunk)
            out, self._pending = self._pending[:cap], self._pending[cap:]
            return out
        except BaseException as e:  # kept and raised by the caller, KeyboardInterrupt included
            self.error = e
            return None


def _open_reader(source, model, encoding, max_field_bytes):
    """(reader, keep-alive, file name) for a path or a file object."""
    enc = _encoding_value(encoding)
    limit = _size(max_field_bytes, "max_field_bytes")
    if hasattr(source, "read"):
        feed = _ByteSource(source)
        if feed.text:
            enc = _capi.ISOMM_ENCODING_UTF8
        return _capi.isommpy_csv_reader_open_source(feed, model._h, enc, limit), feed, _source_name(source)
    path = os.fsdecode(source)
    try:
        return _capi.isommpy_csv_reader_open(path, model._h, enc, limit), None, path
    except Error as e:
        raise _located(e, path)


def _reraise(e, feed, filename):
    """The exception to raise for ``e``: the stream's own exception when a read failed, else
    ``e`` with the file name."""
    if feed is not None and feed.error is not None:
        return feed.error
    return _located(e, filename)


_WHOLE_LEVEL = re.compile(r'[ \t]*"?([0-5])\.0+"?[ \t]*\Z')
_RAW_FIELD = re.compile(r'[ \t]*"(?:[^"]|"")*"[ \t]*|[^,"]*')


def _split_record(record):
    """The raw fields of one CSV record (quotes kept), or None when its quoting is malformed."""
    fields, pos = [], 0
    while True:
        m = _RAW_FIELD.match(record, pos)
        fields.append(m.group())
        pos = m.end()
        if pos == len(record):
            return fields
        if record[pos] != ",":
            return None
        pos += 1


def _lenient_levels(data, enc):
    """CSV bytes with every level written as a whole float (``2.0``) rewritten as its digit, as
    UTF-8 (bytes, encoding). Only the level fields change, so every line and column stays
    where it was; input that cannot be decoded or split is returned as it is, for the reader to
    report."""
    try:
        text = data.decode(_CODECS[enc])
    except UnicodeDecodeError:
        return data, enc
    out, pending, in_quote, level = [], [], False, None
    for line in text.split("\n"):
        if not in_quote and '"' not in line:
            record = line
        else:
            pending.append(line)
            if line.count('"') % 2:
                in_quote = not in_quote
            if in_quote:
                continue
            record, pending = "\n".join(pending), []
        if level is None:
            fields = _split_record(record.rstrip("\r")) if record.strip() else None
            if fields is None:
                out.append(record)
                if record.strip():
                    return data, enc  # no usable header: leave everything to the reader
                continue
            names = [f.strip().strip('"').strip().lower() for f in fields]
            if "level" not in names:
                return data, enc
            level = names.index("level")
            out.append(record)
            continue
        fields = record.split(",") if '"' not in record else _split_record(record)
        if fields is not None and len(fields) > level:
            m = _WHOLE_LEVEL.match(fields[level].rstrip("\r") if level == len(fields) - 1 else fields[level])
            if m:
                cr = "\r" if level == len(fields) - 1 and fields[level].endswith("\r") else ""
                fields[level] = m.group(1) + cr
                record = ",".join(fields)
        out.append(record)
    if pending:
        out.extend(pending)
    return "\n".join(out).encode("utf-8"), _capi.ISOMM_ENCODING_UTF8


def read_csv(source, *, model=None, encoding="utf-8", max_field_bytes=None, lenient_levels=False):
    """Read every assessment of an assessment CSV (a path, or a file object opened in text or binary mode).

    Args:
        source: path (str or os.PathLike) or an object with ``read()``.
        model: the ``Model`` of the assessments built (the built-in one by default).
        encoding: ``"utf-8"`` (a byte-order mark is accepted) or ``"cp932"`` for Japanese Excel's CSV.
        max_field_bytes: longest accepted field (notes included); None for the library's default (1 MiB).
        lenient_levels: also accept a level written as a whole float, ``"2.0"`` (what
            ``pandas.DataFrame.to_csv`` writes for a column with missing values); by default
            such a level is an error, as for every other reader.

    Returns a list of ``Assessment`` objects in file order. Reading stops at the first
    problem: ``ParseError`` with ``.line``, ``.column`` and ``.filename``;
    ``FileError`` when the file cannot be read (``MissingFileError``, a
    FileNotFoundError, when it does not exist).
    """
    model = _model_or_default(model)
    enc = _encoding_value(encoding)
    limit = _size(max_field_bytes, "max_field_bytes")
    filename = _source_name(source) if hasattr(source, "read") else os.fsdecode(source)
    path, data, enc = _content(source, enc)
    if not isinstance(lenient_levels, bool):
        raise TypeError("lenient_levels must be a bool")
    if lenient_levels:
        if path is not None:
            try:
                with open(path, "rb") as f:
                    data = f.read()
            except OSError as e:
                raise _os_error(e, path) from None
            path = None
        data, enc = _lenient_levels(data, enc)
    try:
        if path is not None:
            handles = _capi.isommpy_csv_read_file(path, model._h, enc, limit)
        else:
            handles = _capi.isommpy_csv_read_buffer(data, model._h, enc, limit)
    except Error as e:
        raise _located(e, filename)
    return [Assessment._wrap(h, model) for h in handles]


def iter_csv(source, *, model=None, encoding="utf-8", max_field_bytes=None):
    """Yield the assessments of an assessment CSV one at a time, in bounded memory (for very
    large files and pipes).

    ``source`` is a path or any binary or text file object (``open(...)``, ``gzip.open(...)``,
    ``io.StringIO``, ``sys.stdin``, ``sys.stdin.buffer``), read in pieces as the assessments
    are taken; the other arguments are those of ``read_csv``. Assessments completed before
    a problem are yielded; then the ``ParseError`` is raised (an exception of the stream
    itself is raised as it is). To keep its memory bounded the reader remembers only recent
    assessment ids (at least the last 4096): an id whose rows come back later than that may be
    yielded as another assessment with the same id, where ``read_csv`` and
    ``validate_csv`` always report the duplicate.
    """
    model = _model_or_default(model)
    reader, feed, filename = _open_reader(source, model, encoding, max_field_bytes)
    while True:
        try:
            handle = _capi.isomm_csv_reader_next(reader)
        except Error as e:
            raise _reraise(e, feed, filename)
        if handle is None:
            return
        yield Assessment._wrap(handle, model)


def _handles(assessments):
    if isinstance(assessments, Assessment):
        assessments = [assessments]
    handles = []
    for a in assessments:
        if not isinstance(a, Assessment):
            raise TypeError(f"expected isomm.Assessment objects, not {type(a).__name__}")
        handles.append(a._share())  # read without the GIL: a concurrent change copies first
    return handles


def write_csv(target, assessments, *, encoding="utf-8", bom=False):
    """Write assessments as an assessment CSV that ``read_csv`` reads back equal.

    Args:
        target: path (the file is replaced only when the whole write succeeds) or a file object:
            a binary one receives the bytes in ``encoding``, a text one (``io.StringIO``,
            ``sys.stdout``) the same text as str.
        assessments: an ``Assessment`` or an iterable of them.
        encoding: ``"utf-8"`` or ``"cp932"``.
        bom: start with a UTF-8 byte-order mark (for Excel).
    """
    handles = _handles(assessments)
    enc = _encoding_value(encoding)
    if not isinstance(bom, bool):
        raise TypeError("bom must be a bool")
    if hasattr(target, "write"):
        data = _capi.isommpy_csv_write_buffer(handles, enc, int(bom))
        target.write(data.decode(_CODECS[enc]) if isinstance(target, io.TextIOBase) else data)
    else:
        path = os.fsdecode(target)
        try:
            _capi.isommpy_csv_write_file(path, handles, enc, int(bom))
        except Error as e:
            raise _located(e, path, writing=True)


class Problems(list):
    """What ``validate_csv`` found: a list of ``ParseError`` in input order (empty when
    the input is valid), with two attributes from the same pass over the input:

    ``truncated``
        True when checking stopped at ``max_errors`` with more problems left.
    ``assessments``
        The number of assessments read (for a valid input, all of them).
    """

    def __init__(self, problems=(), *, truncated=False, assessments=0):
        super().__init__(problems)
        self.truncated = truncated
        self.assessments = assessments

    def __reduce__(self):
        return (self.__class__, (list(self),), {"truncated": self.truncated, "assessments": self.assessments})

    def __repr__(self):
        return f"Problems({list.__repr__(self)}, truncated={self.truncated!r}, assessments={self.assessments!r})"


def validate_csv(source, *, model=None, encoding="utf-8", max_errors=100):
    """Check an assessment CSV in one pass and return every problem found (not only the first) as
    a ``Problems`` list of ``ParseError`` objects in input order; an empty list means
    the input is valid.

    ``source`` and ``encoding`` are as for ``read_csv``; at most ``max_errors`` problems are
    collected (any number; ``None`` for no limit), and ``.truncated`` on the result says whether
    there were more. A file that cannot be read raises ``FileError``.
    """
    model = _model_or_default(model)
    filename = _source_name(source) if hasattr(source, "read") else os.fsdecode(source)
    path, data, enc = _content(source, _encoding_value(encoding))
    try:
        found, assessments, truncated = _capi.isommpy_csv_validate(path, b"" if data is None else data, model._h,
                                                                   enc, _size(max_errors, "max_errors"))
    except Error as e:
        raise _located(e, filename)
    return Problems((_located(_from_c(code, line, column, message), filename) for code, line, column, message in found),
                    truncated=bool(truncated), assessments=assessments)


def csv_template(*, model=None, lang=None):
    """An empty assessment CSV to fill in (str): one row per role, with the role's name in
    ``lang`` (``"ja"``, ``"en"``, None for ``isomm.options.lang``)."""
    model = _model_or_default(model)
    return _capi.isommpy_csv_template(model._h, _capi.ISOMM_ENCODING_UTF8, 0, _lang_value(lang)).decode("utf-8")


def load_model_csv(source):
    """Load a custom ``Model`` from a model CSV with the columns of ``roles-v2.1.csv``
    (a path or a file object).

    Raises ``ParseError`` (with ``.line``/``.column``) for a bad file and ``FileError``
    when the file cannot be read.
    """
    if hasattr(source, "read"):
        data = source.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        try:
            return Model._wrap(_capi.isomm_model_load_csv_buffer(data, getattr(source, "name", None)))
        except Error as e:
            raise _located(e, _source_name(source))
    path = os.fsdecode(source)
    try:
        return Model._wrap(_capi.isomm_model_load_csv(path))
    except Error as e:
        raise _located(e, path)
