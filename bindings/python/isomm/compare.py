# SPDX-License-Identifier: MIT
"""Comparison of two assessments and aggregation of many (ISOMM-MODEL.md section 8)."""

import html
import json
import os
from typing import NamedTuple, Optional

from . import _capi
from .assessment import Assessment
from .csvio import _encoding_value, _size
from .model import _SOURCING_ID, _lang_value, _model_or_default
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
    """One role's line of a :class:`Comparison`.

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
    """One function's line of a :class:`Comparison`: old and new maturity (None when absent) and the change."""

    code: str
    old: Optional[float]
    new: Optional[float]
    change: Optional[float]


class _Rendered:
    """Shared output methods of comparisons and aggregates."""

    def render(self, format="text", lang="ja"):
        """The object as a document (str): ``"text"``, ``"markdown"``, ``"json"``, ``"html"`` (one
        self-contained page) or ``"svg"`` (radar chart); an aggregate also as ``"svg-heatmap"``
        (roles by recorded assessment, colour = level). ``lang`` is ``"ja"`` or ``"en"``."""
        return self._render(self._h, _format_value(format), _lang_value(lang)).decode("utf-8")

    def to_dict(self, lang="ja"):
        """The JSON object of the ``isomm`` command's ``--format json`` output, as Python data."""
        return json.loads(self.render("json", lang))

    def role_records(self):
        """The role lines as a list of dicts, ready for ``pandas.DataFrame``."""
        return [r._asdict() for r in self.roles]

    def function_records(self):
        """The function lines as a list of dicts, ready for ``pandas.DataFrame``."""
        return [f._asdict() for f in self.functions]

    def _repr_html_(self):
        records = self.function_records()
        header = "".join(f"<th>{html.escape(k)}</th>" for k in records[0])
        rows = "".join("<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in record.values()) + "</tr>"
                       for record in records)
        return (f"<div class='isomm-{type(self).__name__.lower()}'><p>{html.escape(self._summary())}</p>"
                f"<table><tr>{header}</tr>{rows}</table>{self._chart()}</div>")


class Comparison(_Rendered):
    """What changed between two assessments, made by :func:`compare`.

    Attributes:
        old_id, new_id: the two assessment ids.
        roles: 54 :class:`RoleChange` lines in catalogue order.
        functions: nine :class:`FunctionChange` lines, largest increase first, functions without a change last.
        improved, declined, unchanged: role counts (they add up to 54);
        not_compared: the unchanged roles without a level change (unanswered or level 0 on a side).
    """

    _render = staticmethod(_capi.isommpy_comparison_render)

    def __init__(self, old, new):
        _check_assessment(old, "old")
        _check_assessment(new, "new")
        self._h = _capi.isomm_compare(old._h, new._h)
        self._model = old.model
        h = self._h
        self.old_id = _capi.isomm_comparison_id(h, 1)
        self.new_id = _capi.isomm_comparison_id(h, 0)
        self.roles = tuple(
            RoleChange(role.code, _level(c.old_level), _level(c.new_level), c.level_change if c.has_change else None,
                       _SOURCING_ID[c.old_sourcing], _SOURCING_ID[c.new_sourcing], bool(c.sourcing_changed))
            for role, c in ((role, _capi.isomm_comparison_role(h, role.index)) for role in self._model.roles))
        lines = []
        for i in range(_capi.ISOMM_FUNCTION_COUNT):
            f = _capi.isomm_comparison_function(h, _capi.isomm_comparison_function_order(h, i))
            lines.append(FunctionChange(self._model.functions[f.function].code,
                                        f.old_maturity if f.has_old else None, f.new_maturity if f.has_new else None,
                                        f.change if f.has_change else None))
        self.functions = tuple(lines)
        _, self.improved, self.declined, self.unchanged, self.not_compared = _capi.isomm_comparison_counts(h)

    def _summary(self):
        counts = ", ".join(f"{n} {s}" for s, n in self.status_counts.items())
        return f"{self.old_id} → {self.new_id}: {counts}"

    def _chart(self):
        return self.render("svg")

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
    """One role's line of an :class:`Aggregate`, over the assessments that answered it with level 1-5.

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
    """One function's line of an :class:`Aggregate`: mean, min and max of the maturities that exist."""

    code: str
    count: int
    mean: Optional[float]
    min: Optional[float]
    max: Optional[float]


class Aggregate(_Rendered):
    """Statistics over many assessments of one organisation, built one assessment at a time.

    ``Aggregate(model=None)`` starts empty; :meth:`add` folds in an assessment (which is not
    kept), :meth:`merge` folds in another aggregate. :func:`aggregate` builds one from an iterable.
    """

    _render = staticmethod(_capi.isommpy_aggregate_render)

    def __init__(self, model=None):
        model = _model_or_default(model)
        self._model = model
        self._h = _capi.isomm_aggregate_new(model._h)

    def add(self, assessment):
        """Fold one :class:`Assessment` into the statistics. :class:`ModelError` if it uses another model."""
        _check_assessment(assessment, "assessment")
        _capi.isomm_aggregate_add(self._h, assessment._h)
        return self

    def add_csv(self, path, *, encoding="utf-8", max_field_bytes=None):
        """Fold in every assessment of a CSV file, streamed in bounded memory; all or nothing (on a
        :class:`ParseError` the aggregate is unchanged). Returns how many assessments were added.
        ``encoding`` and ``max_field_bytes`` are as for :func:`read_csv`."""
        _, added = _capi.isommpy_aggregate_add_csv_file(self._h, os.fsdecode(path), self._model._h,
                                                        _encoding_value(encoding),
                                                        _size(max_field_bytes, "max_field_bytes"))
        return added

    def merge(self, other):
        """Fold another :class:`Aggregate` into this one, as if its assessments had been added here."""
        if not isinstance(other, Aggregate):
            raise TypeError(f"other must be an isomm.Aggregate, not {type(other).__name__}")
        _capi.isomm_aggregate_merge(self._h, other._h)
        return self

    def __len__(self):
        return _capi.isomm_aggregate_count(self._h)

    @property
    def count(self):
        """Number of assessments added (merged ones included)."""
        return len(self)

    @property
    def roles(self):
        """54 :class:`RoleStats` lines in catalogue order."""
        out = []
        for role in self._model.roles:
            s = _capi.isomm_aggregate_role(self._h, role.index)
            has = s.count > 0
            out.append(RoleStats(role.code, s.count, s.mean if has else None, _level(s.min), _level(s.max),
                                 _level(s.spread), s.insource, s.outsource, s.unanswered, s.not_applicable,
                                 bool(s.disagreement)))
        return tuple(out)

    @property
    def functions(self):
        """Nine :class:`FunctionStats` lines, A … I."""
        out = []
        for f in self._model.functions:
            s = _capi.isomm_aggregate_function(self._h, f.index)
            has = s.count > 0
            out.append(FunctionStats(f.code, s.count, s.mean if has else None, s.min if has else None,
                                     s.max if has else None))
        return tuple(out)

    @property
    def disagreements(self):
        """Codes of the roles the assessors disagree on most: largest spread first, then catalogue order."""
        return [self._model.roles[_capi.isomm_aggregate_disagreement(self._h, i)].code
                for i in range(_capi.isomm_aggregate_disagreement_count(self._h))]

    def _summary(self):
        return f"{len(self)} assessments; disagreements: {', '.join(self.disagreements) or '—'}"

    def _chart(self):
        return self.render("svg") + self.render("svg-heatmap") if len(self) else ""

    def __repr__(self):
        return f"<isomm.Aggregate of {len(self)} assessments>"


def compare(old, new):
    """Compare two :class:`Assessment` objects (last year and this year, or two assessors) and
    return a :class:`Comparison`. :class:`ModelError` if they use different models."""
    return Comparison(old, new)


def aggregate(assessments, model=None):
    """An :class:`Aggregate` of every :class:`Assessment` in an iterable (model: that of the
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
