# SPDX-License-Identifier: MIT
"""pandas data frames of many assessments, filled from C column arrays in one call.

``evaluate_frame`` reads an assessment CSV and gives one row per assessment with its
function maturities; ``answers_frame`` one row per assessment and role; ``from_frame``
turns such a long frame back into ``Assessment`` objects. The C library reads, checks and
evaluates every assessment and hands over one array per column: no Python object is made per
assessment on the way, so a frame of 100,000 assessments costs little more than reading them.
A large regular file (4 MiB or more, UTF-8) is read as two halves on two threads; the result
and every error are those of reading it in one pass.

pandas is optional for the rest of the package: it is imported on the first call of these
functions, which raise ImportError with what to install when it is missing.
"""

import os

from . import _capi
from .assessment import Assessment
from .csvio import _encoding_value, _open_reader, _reraise, _size
from .errors import Error, ErrorCode, _from_c, _located
from .model import _PATTERN_ID, _model_or_default, _pattern_value

__all__ = ["evaluate_frame", "answers_frame", "from_frame"]

_PATTERN_IDS = [_PATTERN_ID[v] for v in range(_capi.ISOMM_PATTERN_COUNT)]
_SOURCING_IDS = ["insource", "outsource"]  # codes 0 and 1 = ISOMM_INSOURCE - 1, ISOMM_OUTSOURCE - 1
_META_COLUMNS = ("assessment", "organization", "assessor", "date")


def _pandas():
    """pandas and numpy, or ImportError saying what to install."""
    try:
        import numpy
        import pandas
    except ImportError as e:
        raise ImportError("isomm's data frames need pandas: install it (Debian: apt-get install python3-pandas; "
                          "otherwise: pip install pandas)") from e
    return pandas, numpy


def _columns(source, model, encoding, max_field_bytes, kind, target):
    if not hasattr(source, "read"):  # a file: the C library may read a large one on two threads
        path = os.fsdecode(source)
        try:
            return _capi.isommpy_frame_file(path, model._h, _encoding_value(encoding),
                                            _size(max_field_bytes, "max_field_bytes"), kind, target)
        except Error as e:
            raise _located(e, path)
    reader, feed, filename = _open_reader(source, model, encoding, max_field_bytes)
    try:
        return _capi.isommpy_frame(reader, kind, target)
    except Error as e:
        raise _reraise(e, feed, filename)


def _patterns(pd, np, raw):
    codes = np.frombuffer(raw, dtype=np.int8)
    return pd.Categorical.from_codes(codes, categories=_PATTERN_IDS)


def evaluate_frame(source, *, target=None, model=None, encoding="utf-8", max_field_bytes=None):
    """Read an assessment CSV and evaluate every assessment, as a ``pandas.DataFrame``.

    One row per assessment, in file order, with the columns ``assessment`` (the id),
    ``organization``, ``assessor``, ``date`` (str, None where absent), ``current_pattern``,
    ``target_pattern`` (categorical pattern ids, NaN where absent), ``A`` … ``I`` (float
    function maturities, NaN where a function has none), ``overall`` (float, NaN where none)
    and ``unanswered`` (number of unanswered roles).

    Args:
        source: a path or a binary or text file object, as for ``read_csv``.
        target: a pattern (id, Japanese name or ``Pattern``) put in ``target_pattern`` for
            every assessment instead of its own, as ``isomm report --target`` does; None keeps them.
        model, encoding, max_field_bytes: as for ``read_csv``.

    Reading is all or nothing, with the checks of ``read_csv`` (``ParseError`` with the
    line, column and file name).
    """
    pd, np = _pandas()
    model = _model_or_default(model)
    target_value = _capi.ISOMM_PATTERN_NONE if target is None else _pattern_value(target)
    cols = _columns(source, model, encoding, max_field_bytes, _capi.ISOMM_FRAME_RESULTS, target_value)
    n = cols["n"]
    data = dict(zip(_META_COLUMNS, cols["meta"]))
    data["current_pattern"] = _patterns(pd, np, cols["current"])
    data["target_pattern"] = _patterns(pd, np, cols["target"])
    maturity = np.frombuffer(cols["maturity"], dtype=np.float64).reshape(_capi.ISOMM_FUNCTION_COUNT, n)
    for f, column in zip(model.functions, maturity):
        data[f.code] = column
    data["overall"] = np.frombuffer(cols["overall"], dtype=np.float64)
    data["unanswered"] = np.frombuffer(cols["unanswered"], dtype=np.int8)
    return pd.DataFrame(data, copy=False)


def answers_frame(source, *, model=None, encoding="utf-8", max_field_bytes=None):
    """Read an assessment CSV as a long ``pandas.DataFrame``: one row per assessment and role
    (54 per assessment, file order, then catalogue order), with the columns ``assessment`` (the
    id), ``role``, ``function``, ``domain``, ``sourcing`` (categorical; NaN where unanswered),
    ``level`` (nullable ``Int64``, ``<NA>`` where unanswered) and ``note`` (str or None) — the
    keys of ``Assessment.records``. ``from_frame`` turns it back into assessments.

    The arguments and errors are those of ``evaluate_frame``.
    """
    pd, np = _pandas()
    model = _model_or_default(model)
    cols = _columns(source, model, encoding, max_field_bytes, _capi.ISOMM_FRAME_ANSWERS, _capi.ISOMM_PATTERN_NONE)
    n, roles = cols["n"], _capi.ISOMM_ROLE_COUNT
    role_codes = [r.code for r in model.roles]
    functions = [f.code for f in model.functions]
    domains = ["I", "II", "III", "IV"]
    role_of_row = np.tile(np.arange(roles, dtype=np.int8), n)
    function_of_role = np.array([functions.index(r.function) for r in model.roles], dtype=np.int8)
    domain_of_role = np.array([domains.index(r.domain) for r in model.roles], dtype=np.int8)
    level = np.frombuffer(cols["level"], dtype=np.int8)
    sourcing = np.frombuffer(cols["sourcing"], dtype=np.int8) - np.int8(1)
    per_row = np.repeat(np.arange(n, dtype=np.int32), roles)  # the assessment of each row
    data = {
        "assessment": pd.Categorical.from_codes(per_row,
                                                categories=pd.Index(cols["meta"][0], dtype=object)),
        "role": pd.Categorical.from_codes(role_of_row, categories=role_codes),
        "function": pd.Categorical.from_codes(np.tile(function_of_role, n), categories=functions),
        "domain": pd.Categorical.from_codes(np.tile(domain_of_role, n), categories=domains),
        "sourcing": pd.Categorical.from_codes(sourcing, categories=_SOURCING_IDS),
        "level": pd.arrays.IntegerArray(level.astype(np.int64), level < 0),
        "note": cols["note"],
    }
    for name, values in zip(_META_COLUMNS[1:], cols["meta"][1:]):
        codes, uniques = pd.factorize(pd.Series(values, dtype=object))
        data[name] = pd.Categorical.from_codes(codes[per_row], categories=pd.Index(uniques, dtype=object))
    for name, raw in (("current_pattern", cols["current"]), ("target_pattern", cols["target"])):
        data[name] = pd.Categorical.from_codes(np.frombuffer(raw, dtype=np.int8)[per_row], categories=_PATTERN_IDS)
    return pd.DataFrame(data, copy=False)


def _missing(value):
    """True for None, NaN and pandas' NA."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except TypeError:  # pandas.NA refuses bool()
        return True


_NO_LEVEL = -2**31


def _codes(pd, np, column, convert, dtype, missing):
    """Per-row codes of a column: each distinct value converted once with ``convert(value, row)``
    (row = its first row), ``missing`` for None/NaN/NA. A categorical column (as
    ``answers_frame`` makes) is taken by its codes, without looking at each row."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes, uniques = column.cat.codes.to_numpy(), column.cat.categories.to_numpy(dtype=object)
    else:
        codes, uniques = pd.factorize(column.to_numpy(dtype=object))
    first = np.full(len(uniques), -1, dtype=np.int64)
    present, rows = np.unique(codes, return_index=True)
    first[present[present >= 0]] = rows[present >= 0]
    table = np.array([missing if _missing(u) or row < 0 else convert(u, int(row)) for u, row in zip(uniques, first)]
                     + [missing], dtype=dtype)
    return table[codes]  # code -1 (missing) picks the last entry


def _row_error(exc, row):
    exc.message = f"row {row}: {exc.message}"
    exc.args = (exc.message,)
    return exc


def from_frame(frame, *, model=None):
    """Assessments from a long data frame such as ``answers_frame`` gives, in the order of
    first appearance of each ``assessment`` id.

    The frame needs the columns ``role``, ``sourcing`` and ``level``; ``assessment`` (the id;
    one assessment ``"default"`` without it) and ``note`` are read when present, and so are
    ``organization``, ``assessor``, ``date``, ``current_pattern`` and ``target_pattern``
    (the first non-missing value of an assessment counts). A level may be an int, a numpy
    integer or a float with a whole value (``3.0``); None, NaN and ``<NA>`` in both sourcing
    and level make a role unanswered. Roles missing from the frame stay unanswered; a role given
    twice for one assessment keeps its last row.

    The columns are converted once per distinct value and the rows are filled in by the C
    library in one call. Raises KeyError for a missing column, and the errors of
    ``Assessment.set`` (with the row number, 0-based, in the message) for a bad value.
    """
    pd, np = _pandas()
    from .model import _sourcing_value
    from .assessment import _level_value
    model = _model_or_default(model)
    for name in ("role", "sourcing", "level"):
        if name not in frame.columns:
            raise KeyError(f"from_frame needs a column {name!r} (columns: {', '.join(map(str, frame.columns))})")
    n = len(frame)
    ids = pd.Series(frame["assessment"].to_numpy(dtype=object) if "assessment" in frame.columns
                    else np.full(n, "default", dtype=object))
    ids = ids.where(~ids.isna(), "default")
    if pd.api.types.infer_dtype(ids, skipna=False) != "string":
        ids = ids.map(str)  # ids such as 2026 read back from a spreadsheet
    who, unique_ids = pd.factorize(ids.to_numpy(dtype=object), sort=False)

    def role_index(code, row):
        if not isinstance(code, str):
            raise TypeError(f"row {row}: role code must be a str, not {type(code).__name__}")
        index = model._role_index.get(code)
        if index is None:
            raise _row_error(_from_c(ErrorCode.EROLE, 0, 0, f"unknown role code '{code}'"), row)
        return index

    def sourcing_value(value, row):
        try:
            return _sourcing_value(value)
        except TypeError as e:
            raise TypeError(f"row {row}: {e}") from None
        except Error as e:
            raise _row_error(e, row) from None

    def level_value(value, row):
        try:
            return _level_value(value, frame["role"].iat[row])
        except TypeError as e:
            raise TypeError(f"row {row}: {e}") from None
        except Error as e:
            raise _row_error(e, row) from None

    roles = _codes(pd, np, frame["role"], role_index, np.int8, -1)
    if (roles < 0).any():
        row = int(np.flatnonzero(roles < 0)[0])
        raise TypeError(f"row {row}: role code must be a str, not {type(frame['role'].iat[row]).__name__}")
    sourcings = _codes(pd, np, frame["sourcing"], sourcing_value, np.int8, _capi.ISOMM_SOURCING_NONE)
    levels = _codes(pd, np, frame["level"], level_value, np.int64, _NO_LEVEL)
    levels = np.clip(levels, _NO_LEVEL, 2**31 - 1).astype(np.int32)
    notes = None
    if "note" in frame.columns:
        values = frame["note"].to_numpy(dtype=object)
        values[frame["note"].isna().to_numpy()] = None
        notes = values.tolist()
    handles = []
    for id in unique_ids:
        handle = _capi.isomm_assessment_new(model._h)
        _capi.isomm_assessment_set_meta(handle, _capi.ISOMM_META_ID, id)
        handles.append(handle)
    _capi.isommpy_fill_rows(handles, who.astype(np.int32), roles, sourcings, levels, notes)
    out = [Assessment._wrap(handle, model) for handle in handles]
    for name in ("organization", "assessor", "date", "current_pattern", "target_pattern"):
        if name not in frame.columns:
            continue
        given = ~frame[name].isna().to_numpy()
        owners, rows = np.unique(who[given], return_index=True)  # first row with a value, per assessment
        values = frame[name].to_numpy(dtype=object)[given][rows]
        for index, value in zip(owners.tolist(), values.tolist()):
            setattr(out[index], name, value)  # checked by the property (a date may be a datetime.date)
    return out
