# SPDX-License-Identifier: MIT
"""Assessment CSV and model CSV: reading, streaming, validation, writing, the fill-in template."""

import io
import os

from . import _capi
from .assessment import Assessment
from .errors import ErrorCode, _from_c
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


def _content(source, encoding):
    """(path, None, encoding) for a path; (None, bytes, encoding) for a file object's content.
    Text read from a text stream is passed on as UTF-8."""
    if hasattr(source, "read"):
        data = source.read()
        if isinstance(data, str):
            return None, data.encode("utf-8"), _capi.ISOMM_ENCODING_UTF8
        return None, bytes(data), encoding
    return os.fsdecode(source), None, encoding


def read_csv(source, *, model=None, encoding="utf-8", max_field_bytes=None):
    """Read every assessment of an assessment CSV (a path, or a file object opened in text or binary mode).

    Args:
        source: path (str or os.PathLike) or an object with ``read()``.
        model: the :class:`Model` of the assessments built (the built-in one by default).
        encoding: ``"utf-8"`` (a byte-order mark is accepted) or ``"cp932"`` for Japanese Excel's CSV.
        max_field_bytes: longest accepted field (notes included); None for the library's default (1 MiB).

    Returns a list of :class:`Assessment` objects in file order. Reading stops at the first
    problem: :class:`ParseError` with ``.line`` and ``.column``; :class:`FileError` when the file
    cannot be read.
    """
    model = _model_or_default(model)
    path, data, enc = _content(source, _encoding_value(encoding))
    limit = _size(max_field_bytes, "max_field_bytes")
    if path is not None:
        handles = _capi.isommpy_csv_read_file(path, model._h, enc, limit)
    else:
        handles = _capi.isommpy_csv_read_buffer(data, model._h, enc, limit)
    return [Assessment._wrap(h, model) for h in handles]


def iter_csv(path, *, model=None, encoding="utf-8", max_field_bytes=None):
    """Yield the assessments of a CSV file one at a time, in bounded memory (for very large files).

    The arguments are those of :func:`read_csv` (a path only). Assessments completed before a
    problem are yielded; then the :class:`ParseError` is raised. To keep its memory bounded the
    reader remembers only recent assessment ids (at least the last 4096): an id whose rows come
    back later than that may be yielded as another assessment with the same id, where
    :func:`read_csv` and :func:`validate_csv` always report the duplicate.
    """
    model = _model_or_default(model)
    reader = _capi.isommpy_csv_reader_open(os.fsdecode(path), model._h, _encoding_value(encoding),
                                           _size(max_field_bytes, "max_field_bytes"))
    while True:
        handle = _capi.isomm_csv_reader_next(reader)
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
        handles.append(a._h)
    return handles


def write_csv(target, assessments, *, encoding="utf-8", bom=False):
    """Write assessments as an assessment CSV that :func:`read_csv` reads back equal.

    Args:
        target: path (the file is replaced only when the whole write succeeds) or a file object
            (text or binary mode).
        assessments: an :class:`Assessment` or an iterable of them.
        encoding: ``"utf-8"`` or ``"cp932"``.
        bom: start with a UTF-8 byte-order mark (for Excel).
    """
    handles = _handles(assessments)
    enc = _encoding_value(encoding)
    if not isinstance(bom, bool):
        raise TypeError("bom must be a bool")
    if hasattr(target, "write"):
        data = _capi.isommpy_csv_write_buffer(handles, enc, int(bom))
        target.write(data.decode("utf-8") if isinstance(target, io.TextIOBase) else data)
    else:
        _capi.isommpy_csv_write_file(os.fsdecode(target), handles, enc, int(bom))


class Problems(list):
    """What :func:`validate_csv` found: a list of :class:`ParseError` in input order (empty when
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
    a :class:`Problems` list of :class:`ParseError` objects in input order; an empty list means
    the input is valid.

    ``source`` and ``encoding`` are as for :func:`read_csv`; at most ``max_errors`` problems are
    collected (any number; ``None`` for no limit), and ``.truncated`` on the result says whether
    there were more. A file that cannot be read raises :class:`FileError`.
    """
    model = _model_or_default(model)
    path, data, enc = _content(source, _encoding_value(encoding))
    found, assessments, truncated = _capi.isommpy_csv_validate(path, b"" if data is None else data, model._h, enc,
                                                               _size(max_errors, "max_errors"))
    return Problems((_from_c(code, line, column, message) for code, line, column, message in found),
                    truncated=bool(truncated), assessments=assessments)


def csv_template(*, model=None, lang="ja"):
    """An empty assessment CSV to fill in (str): one row per role, with the role's name in ``lang``."""
    model = _model_or_default(model)
    return _capi.isommpy_csv_template(model._h, _capi.ISOMM_ENCODING_UTF8, 0, _lang_value(lang)).decode("utf-8")


def load_model_csv(source):
    """Load a custom :class:`Model` from a model CSV with the columns of ``roles-v2.1.csv``
    (a path or a file object).

    Raises :class:`ParseError` (with ``.line``/``.column``) for a bad file and :class:`FileError`
    when the file cannot be read.
    """
    if hasattr(source, "read"):
        data = source.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        return Model._wrap(_capi.isomm_model_load_csv_buffer(data, getattr(source, "name", None)))
    return Model._wrap(_capi.isomm_model_load_csv(os.fsdecode(source)))
