# SPDX-License-Identifier: MIT
"""The Excel workbook: reading assessments from it, the self-check template, the report workbook."""

from __future__ import annotations

import os
import typing

from . import _capi
from .assessment import Assessment
from .errors import ErrorCode, ParseError, _from_c
from .model import _lang_value, _model_or_default

__all__ = ["read_xlsx", "xlsx_template", "write_xlsx_report"]


if typing.TYPE_CHECKING:
    from .model import Model
    from .result import Result


def _limit(value, name):
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 1:
        raise _from_c(ErrorCode.EOPTIONS, 0, 0, f"{name} must be at least 1, not {value}")
    return value


def read_xlsx(source: str | os.PathLike[str] | typing.BinaryIO, *, model: Model | None = None,
              max_inflated_bytes: int | None = None, max_elements: int | None = None) -> list[Assessment]:
    """Read every assessment of a workbook: the template of ``xlsx_template`` filled in and saved
    by Excel, LibreOffice or a script (one input sheet per assessment).

    Args:
        source: path (str or os.PathLike), or an object with ``read()`` giving the file's bytes.
        model: the ``Model`` of the assessments built (the built-in one by default).
        max_inflated_bytes: budget of the file size and of the bytes inflated from it; None for the
            library's default (64 MiB).
        max_elements: budget of XML elements; None for the library's default (1,000,000).

    Returns a list of ``Assessment`` objects, input sheets in workbook order. A bad cell raises
    ``ParseError`` whose ``.line`` and ``.column`` are the cell's row and column and whose
    message reads ``answers.xlsx:Input!G12: bad level '7' ...``; a file that is no workbook, or a
    limit hit, raises ``ParseError`` without a position; a missing file ``FileError``.
    """
    model = _model_or_default(model)
    inflated = _limit(max_inflated_bytes, "max_inflated_bytes")
    elements = _limit(max_elements, "max_elements")
    if hasattr(source, "read"):
        data, name = bytes(source.read()), getattr(source, "name", "<workbook>")
    else:
        data, name = None, os.fsdecode(source)
    try:
        if data is None:
            handles = _capi.isommpy_xlsx_read_file(name, model._h, inflated, elements)
        else:
            handles = _capi.isommpy_xlsx_read_buffer(data, model._h, inflated, elements)
    except ParseError as e:  # the C message begins with the sheet and cell (Input!G12: ...) when it has one
        where = f"{name}:" if e.line > 0 else f"{name}: "
        raise ParseError(e.code, e.message, e.line, e.column, filename=name, where=where) from None
    return [Assessment._wrap(h, model) for h in handles]


def xlsx_template(path: str | os.PathLike[str], *, lang: str | None = None, model: Model | None = None) -> None:
    """Write the self-check workbook to fill in: a preparation sheet (id, organisation, assessor,
    date, current and target pattern from drop-down lists), an input sheet with one row per role
    (sourcing and level drop-downs, the scales as the level's input message, a note) and the scales.
    Only the answer cells are unlocked. The file is replaced only when the whole write succeeds.
    ``lang`` is ``"ja"``, ``"en"`` or None for ``isomm.options.lang``."""
    _capi.isommpy_xlsx_write_template(os.fsdecode(path), _model_or_default(model)._h, _lang_value(lang))


def write_xlsx_report(path: str | os.PathLike[str], results: Result | typing.Iterable[Result], *,
                      lang: str | None = None) -> None:
    """Write the report workbook of one ``Result`` or a list of them: per result the function
    maturities as numbers with a radar chart, strengths and weaknesses with their comments, the four
    lists, the pattern fit and the answers with a role bar chart; an overview sheet when there are
    several. The file is replaced only when the whole write succeeds. ``lang`` is ``"ja"``,
    ``"en"`` or None for ``isomm.options.lang``."""
    from .result import Result
    if isinstance(results, Result):
        results = [results]
    results = list(results)
    for r in results:
        if not isinstance(r, Result):
            raise TypeError(f"expected isomm.Result objects, not {type(r).__name__}")
    if not results:
        raise _from_c(ErrorCode.EINVAL, 0, 0, "no results to write")
    _capi.isommpy_xlsx_write_report(os.fsdecode(path), [r._h for r in results], _lang_value(lang))

