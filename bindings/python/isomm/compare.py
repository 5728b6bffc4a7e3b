# SPDX-License-Identifier: MIT
"""Comparison of two assessments and aggregation of many (ISOMM-MODEL.md section 8)."""

import contextlib
import html
import json
import os
import threading
from typing import NamedTuple, Optional

from . import _capi
from .assessment import Assessment
from .csvio import _encoding_value, _size
from .model import _SOURCING_ID, _lang_value, _model_or_default
from .errors import Error, _located
from .options import options
from .result import _format_value

__all__ = ["compare", "aggregate", "Comparison", "Aggregate", "RoleChange", "FunctionChange", "RoleStats",
           "FunctionStats"]

_UNANSWERED = _capi.ISOMM_UNANSWERED


def _level(value):
    return None if value == _UNANSWERED else value


def _cell(value):
    if value is None:
        return "—"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def _check_assessment(a, name):
    if not isinstance(a, Assessment):
        raise TypeError(f"{name} must be an isomm.Assessment, not {type(a).__name__}")


class RoleChange(NamedTuple):
    """One role's line of a ``Comparison``.

    Attributes:
        code: role code.
        old_level, new_level: 0-5, None when unanswered.
        level_change: new - old when both are 1-5, else None.
        old_sourcing, new_sourcing: ``"insource"``/``"outsource"``, None when unanswered.
        sourcing_changed: True when both are answered with different sourcings.
    """

    code: str
    old_level: Optional[int]
    new_level: Optional[int]
    level_change: Optional[int]
    old_sourcing: Optional[str]
    new_sourcing: Optional[str]
    sourcing_changed: bool


class FunctionChange(NamedTuple):
    """One function's line of a ``Comparison``: old and new maturity (None when absent) and the change."""

    code: str
    old: Optional[float]
    new: Optional[float]
    change: Optional[float]


def _records(lines, key):
    """Named-tuple lines as dicts whose ``code`` is named ``key`` (``role`` or ``function``)."""
    out = []
    for line in lines:
        record = line._asdict()
        record[key] = record.pop("code")
        out.append({key: record[key], **record})
    return out


def _table(records):
    header = "".join(f"<th>{html.escape(k)}</th>" for k in records[0])
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in record.values()) + "</tr>"
                   for record in records)
    return f"<table><tr>{header}</tr>{rows}</table>"


class _Rendered:
    """Shared output methods of comparisons and aggregates."""

    def render(self, format="text", lang=None):
        """The object as a document (str): ``"text"``, ``"markdown"``, ``"json"``, ``"html"`` (one
        self-contained page) or ``"svg"`` (radar chart); an aggregate also as ``"svg-heatmap"``
        (roles by recorded assessment, colour = level). ``lang`` is ``"ja"``, ``"en"`` or None
        for ``isomm.options.lang``."""
        with self._lock:
            return self._render(self._h, _format_value(format), _lang_value(lang)).decode("utf-8")

    def to_dict(self, lang=None):
        """The JSON object of the ``isomm`` command's ``--format json`` output, as Python data."""
        return json.loads(self.render("json", lang))

    def role_records(self):
        """The role lines as a list of dicts, ready for ``pandas.DataFrame``: ``role`` (the code)
        first, then the other fields of the role lines."""
        return _records(self.roles, "role")

    def function_records(self):
        """The function lines as a list of dicts, ready for ``pandas.DataFrame``: ``function``
        (the code) first, then the other fields of the function lines."""
        return _records(self.functions, "function")

    def _repr_html_(self):
        return (f"<div class='isomm-{type(self).__name__.lower()}'><p>{html.escape(self._summary())}</p>"
                f"{_table(self.function_records())}{self._chart(options.lang)}</div>")


class Comparison(_Rendered):
    """What changed between two assessments, made by ``compare``. Read-only; it pickles to
    an equal comparison and may be shared by threads.

    Attributes:
        old_id, new_id: the two assessment ids.
        roles: 54 ``RoleChange`` lines in catalogue order.
        functions: nine ``FunctionChange`` lines, largest increase first, functions without a change last.
        improved, declined, unchanged: role counts (they add up to 54);
        not_compared: the unchanged roles without a level change (unanswered or level 0 on a side).
    """

    _render = staticmethod(_capi.isommpy_comparison_render)
    _lock = contextlib.nullcontext()  # a comparison never changes: nothing to lock

    def __init__(self, old, new):
        _check_assessment(old, "old")
        _check_assessment(new, "new")
        set_ = object.__setattr__
        set_(self, "_h", _capi.isomm_compare(old._h, new._h))
        set_(self, "_model", old.model)
        set_(self, "_sides", (old.copy(), new.copy()))
        h = self._h
        set_(self, "old_id", _capi.isomm_comparison_id(h, 1))
        set_(self, "new_id", _capi.isomm_comparison_id(h, 0))
        set_(self, "roles", tuple(
            RoleChange(role.code, _level(c.old_level), _level(c.new_level), c.level_change if c.has_change else None,
                       _SOURCING_ID[c.old_sourcing], _SOURCING_ID[c.new_sourcing], bool(c.sourcing_changed))
            for role, c in ((role, _capi.isomm_comparison_role(h, role.index)) for role in self._model.roles)))
        lines = []
        for i in range(_capi.ISOMM_FUNCTION_COUNT):
            f = _capi.isomm_comparison_function(h, _capi.isomm_comparison_function_order(h, i))
            lines.append(FunctionChange(self._model.functions[f.function].code,
                                        f.old_maturity if f.has_old else None, f.new_maturity if f.has_new else None,
                                        f.change if f.has_change else None))
        set_(self, "functions", tuple(lines))
        _, improved, declined, unchanged, not_compared = _capi.isomm_comparison_counts(h)
        for name, value in (("improved", improved), ("declined", declined), ("unchanged", unchanged),
                            ("not_compared", not_compared)):
            set_(self, name, value)

    def __setattr__(self, name, value):
        raise AttributeError(f"isomm.Comparison is read-only (cannot set {name!r})")

    def __delattr__(self, name):
        raise AttributeError(f"isomm.Comparison is read-only (cannot delete {name!r})")

    def __reduce__(self):
        return Comparison, self._sides

    def __eq__(self, other):
        if not isinstance(other, Comparison):
            return NotImplemented
        return self._sides == other._sides

    __hash__ = None

    def _summary(self):
        counts = ", ".join(f"{n} {s}" for s, n in self.status_counts.items())
        return f"{self.old_id} → {self.new_id}: {counts}"

    def _chart(self, lang):
        return self.render("svg", lang)

    def __repr__(self):
        counts = ", ".join(f"{n} {s}" for s, n in self.status_counts.items())
        return f"<isomm.Comparison {self.old_id!r} -> {self.new_id!r}: {counts}>"

    # Read-only views of ISOMM-MODEL.md section 8 (the six statuses, overall, metadata).
    @property
    def status_counts(self):
        """``{"improved": n, "declined": n, "unchanged": n, "added": n, "dropped": n, "unrated": n}``;
        "unchanged" counts only roles rated on both sides at the same level. The six add up to 54."""
        return {_capi.isomm_change_status_id(s): _capi.isomm_comparison_status_count(self._h, s)
                for s in range(_capi.ISOMM_CHANGE_STATUS_COUNT)}

    @property
    def statuses(self):
        """``{role code: status}`` for the 54 roles."""
        return {role.code: _capi.isomm_change_status_id(_capi.isomm_comparison_role(self._h, role.index).status)
                for role in self._model.roles}

    @property
    def overall(self):
        """``(old, new, change)`` of the overall maturity, None where a side has none."""
        o = _capi.isomm_comparison_overall(self._h)
        return (o.old_maturity if o.has_old else None, o.new_maturity if o.has_new else None,
                o.change if o.has_change else None)

    def meta(self, old):
        """``{"organization", "assessor", "date"}`` of the old (``old=True``) or new assessment."""
        return {name: _capi.isomm_comparison_meta(self._h, 1 if old else 0, field)
                for name, field in (("organization", _capi.ISOMM_META_ORGANIZATION),
                                    ("assessor", _capi.ISOMM_META_ASSESSOR), ("date", _capi.ISOMM_META_DATE))}


class RoleStats(NamedTuple):
    """One role's line of an ``Aggregate``, over the assessments that answered it with level 1-5.

    Attributes:
        code: role code.
        count: how many assessments answered it with level 1-5.
        mean, min, max, spread: of those levels (None when count is 0).
        insource, outsource: the sourcing votes among them.
        unanswered: assessments that left it unanswered; not_applicable: those that answered level 0.
        disagreement: True when spread >= 2 or both sourcings were voted.
    """

    code: str
    count: int
    mean: Optional[float]
    min: Optional[int]
    max: Optional[int]
    spread: Optional[int]
    insource: int
    outsource: int
    unanswered: int
    not_applicable: int
    disagreement: bool


class FunctionStats(NamedTuple):
    """One function's line of an ``Aggregate``: mean, min and max of the maturities that exist."""

    code: str
    count: int
    mean: Optional[float]
    min: Optional[float]
    max: Optional[float]


class Aggregate(_Rendered):
    """Statistics over many assessments of one organisation, built one assessment at a time.

    ``Aggregate(model=None)`` starts empty; ``add`` folds in an assessment (which is not
    kept), ``add_csv`` every assessment of a CSV, ``merge`` another aggregate.
    ``aggregate`` builds one from an iterable.

    Partial aggregates combine: build one per partition (thread, process, Dask task, machine),
    pickle or ``save`` them, and ``merge`` them; the statistics equal those of one
    aggregate fed with everything, in any order. Two aggregates are equal when their
    statistics (count, role and function lines) are equal; the record of the first assessments
    kept for the heat map is not compared.

    One aggregate may be shared by threads: each object has a lock that every method holds
    while the C library reads or changes it (add_csv reads its file without the GIL).
    """

    _render = staticmethod(_capi.isommpy_aggregate_render)

    def __init__(self, model=None):
        model = _model_or_default(model)
        self._model = model
        self._h = _capi.isomm_aggregate_new(model._h)
        self._lock = threading.RLock()

    @classmethod
    def _wrap(cls, handle, model):
        self = cls.__new__(cls)
        self._model = model
        self._h = handle
        self._lock = threading.RLock()
        return self

    def add(self, assessment):
        """Fold one ``Assessment`` into the statistics. ``ModelError`` if it uses another model."""
        _check_assessment(assessment, "assessment")
        with self._lock:
            _capi.isomm_aggregate_add(self._h, assessment._h)
        return self

    def add_csv(self, source, *, encoding="utf-8", max_field_bytes=None):
        """Fold in every assessment of an assessment CSV (a path, or a binary or text file
        object such as ``gzip.open(...)`` or ``sys.stdin``), streamed in bounded memory; all or
        nothing (on a ``ParseError`` the aggregate is unchanged). Returns how many
        assessments were added. ``encoding`` and ``max_field_bytes`` are as for ``read_csv``."""
        from .csvio import iter_csv
        if hasattr(source, "read"):
            part = Aggregate(self._model)
            for a in iter_csv(source, model=self._model, encoding=encoding, max_field_bytes=max_field_bytes):
                part.add(a)
            self.merge(part)
            return len(part)
        path = os.fsdecode(source)
        enc, limit = _encoding_value(encoding), _size(max_field_bytes, "max_field_bytes")
        try:
            with self._lock:
                _, added = _capi.isommpy_aggregate_add_csv_file(self._h, path, self._model._h, enc, limit)
        except Error as e:
            raise _located(e, path)
        return added

    def merge(self, other):
        """Fold another ``Aggregate`` into this one, as if its assessments had been added here."""
        if not isinstance(other, Aggregate):
            raise TypeError(f"other must be an isomm.Aggregate, not {type(other).__name__}")
        if other is self:
            other = self.copy()
        first, second = sorted((self, other), key=id)  # one lock order, so two merges never deadlock
        with first._lock, second._lock:
            _capi.isomm_aggregate_merge(self._h, other._h)
        return self

    def save(self):
        """The aggregate's whole state as bytes that ``load`` turns back into an equal
        aggregate (also on another machine); the model is not included."""
        with self._lock:
            return _capi.isomm_aggregate_save(self._h)

    @classmethod
    def load(cls, data, model=None):
        """An aggregate from the bytes of ``save``. ``ParseError`` for bytes that are
        not a saved aggregate (the message names the byte offset)."""
        model = _model_or_default(model)
        return cls._wrap(_capi.isomm_aggregate_load(model._h, data), model)

    def copy(self):
        """An independent copy."""
        return Aggregate.load(self.save(), self._model)

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()

    def __reduce__(self):
        return _aggregate_load, (self.save(), self._model)

    def _state(self):
        with self._lock:
            return len(self), self.roles, self.functions

    def __eq__(self, other):
        if not isinstance(other, Aggregate):
            return NotImplemented
        return self._model == other._model and self._state() == other._state()

    __hash__ = None

    def __len__(self):
        with self._lock:
            return _capi.isomm_aggregate_count(self._h)

    @property
    def model(self):
        """The ``Model`` of the aggregated assessments."""
        return self._model

    @property
    def count(self):
        """Number of assessments added (merged ones included)."""
        return len(self)

    @property
    def roles(self):
        """54 ``RoleStats`` lines in catalogue order."""
        out = []
        with self._lock:  # the C lines are read in place: not while another thread changes them
            for role in self._model.roles:
                s = _capi.isomm_aggregate_role(self._h, role.index)
                has = s.count > 0
                out.append(RoleStats(role.code, s.count, s.mean if has else None, _level(s.min), _level(s.max),
                                     _level(s.spread), s.insource, s.outsource, s.unanswered, s.not_applicable,
                                     bool(s.disagreement)))
        return tuple(out)

    @property
    def functions(self):
        """Nine ``FunctionStats`` lines, A … I."""
        out = []
        with self._lock:
            for f in self._model.functions:
                s = _capi.isomm_aggregate_function(self._h, f.index)
                has = s.count > 0
                out.append(FunctionStats(f.code, s.count, s.mean if has else None, s.min if has else None,
                                         s.max if has else None))
        return tuple(out)

    @property
    def disagreements(self):
        """Codes of the roles the assessors disagree on most: largest spread first, then catalogue
        order (a tuple)."""
        with self._lock:
            return tuple(self._model.roles[_capi.isomm_aggregate_disagreement(self._h, i)].code
                         for i in range(_capi.isomm_aggregate_disagreement_count(self._h)))

    def _summary(self):
        return f"{len(self)} assessments; disagreements: {', '.join(self.disagreements) or '—'}"

    def _chart(self, lang):
        if not len(self):
            return ""
        if len(self) <= options.heatmap_max_assessments:
            return self.render("svg", lang) + self.render("svg-heatmap", lang)
        return self.render("svg", lang) + _table(self.role_records())

    def __repr__(self):
        return f"<isomm.Aggregate of {len(self)} assessments>"


def _aggregate_load(data, model):
    """Unpickling helper."""
    return Aggregate.load(data, model)


def compare(old, new):
    """Compare two ``Assessment`` objects (last year and this year, or two assessors) and
    return a ``Comparison``. ``ModelError`` if they use different models."""
    return Comparison(old, new)


def aggregate(assessments, model=None):
    """An ``Aggregate`` of every ``Assessment`` in an iterable (model: that of the
    first assessment, else the built-in one)."""
    assessments = iter(assessments)
    first = next(assessments, None)
    if model is None and first is not None:
        _check_assessment(first, "assessment")
        model = first.model
    result = Aggregate(model)
    if first is not None:
        result.add(first)
    for a in assessments:
        result.add(a)
    return result
