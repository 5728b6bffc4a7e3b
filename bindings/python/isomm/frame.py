# SPDX-License-Identifier: MIT
"""pandas data frames of many assessments, filled from C column arrays in one call.

``evaluate_frame`` reads an assessment CSV and gives one row per assessment with its
function maturities; ``answers_frame`` one row per assessment and role; ``from_frame``
turns such a long frame back into ``Assessment`` objects. The C library reads, checks and
evaluates every assessment and hands over one array per column: no Python object is made per
assessment on the way, so a frame of 100,000 assessments costs little more than reading them.

pandas is optional for the rest of the package: it is imported on the first call of these
functions, which raise ImportError with what to install when it is missing.
"""

from . import _capi
from .assessment import Assessment
from .csvio import _open_reader, _reraise
from .errors import Error, ErrorCode, _from_c
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


def _text(value, name, row):
    if _missing(value):
        return None
    if not isinstance(value, str):
        raise TypeError(f"row {row}: {name} must be a str, not {type(value).__name__}")
    return value


def from_frame(frame, *, model=None):
    """Assessments from a long data frame such as ``answers_frame`` gives, in the order of
    first appearance of each ``assessment`` id.

    The frame needs the columns ``role``, ``sourcing`` and ``level``; ``assessment`` (the id;
    one assessment ``"default"`` without it) and ``note`` are read when present, and so are
    ``organization``, ``assessor``, ``date``, ``current_pattern`` and ``target_pattern``
    (the first non-missing value of an assessment counts). A level may be an int, a numpy
    integer or a float with a whole value (``3.0``); None, NaN and ``<NA>`` in both sourcing
    and level make a role unanswered. Roles missing from the frame stay unanswered.

    Raises KeyError for a missing column, and the errors of ``Assessment.set`` (with the
    row number, 0-based, in the message) for a bad value.
    """
    pd, _ = _pandas()
    model = _model_or_default(model)
    for name in ("role", "sourcing", "level"):
        if name not in frame.columns:
            raise KeyError(f"from_frame needs a column {name!r} (columns: {', '.join(map(str, frame.columns))})")
    n = len(frame)

    def column(name):
        return frame[name].tolist() if name in frame.columns else [None] * n

    ids = frame["assessment"].astype(object).tolist() if "assessment" in frame.columns else ["default"] * n
    roles, sourcings, levels, notes = column("role"), column("sourcing"), column("level"), column("note")
    meta = {name: column(name) for name in ("organization", "assessor", "date", "current_pattern", "target_pattern")
            if name in frame.columns}
    out = {}
    for row in range(n):
        id = ids[row]
        if _missing(id):
            id = "default"
        elif not isinstance(id, str):
            id = str(id)
        a = out.get(id)
        if a is None:
            a = out[id] = Assessment(model, id=id)
        for name, values in meta.items():
            value = _text(values[row], name, row)
            if value is not None and getattr(a, name) is None:
                setattr(a, name, value)
        role = roles[row]
        sourcing, level, note = sourcings[row], levels[row], _text(notes[row], "note", row)
        try:
            if _missing(sourcing) and _missing(level):
                a.unset(role)
                if note:
                    a.set_note(role, note)
            elif _missing(level) or _missing(sourcing):
                raise _from_c(ErrorCode.ELEVEL if _missing(level) else ErrorCode.ESOURCING, 0, 0,
                              f"role {role} has {'no level' if _missing(level) else 'no sourcing'} "
                              "(expected both, or neither for unanswered)")
            else:
                a.set(role, sourcing, level, note)
        except Error as e:
            e.message = f"row {row}: {e.message}"
            e.args = (e.message,)
            raise
    return list(out.values())
