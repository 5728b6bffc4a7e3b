"""The result of an evaluation: maturity, strengths and weaknesses, recommendation lists, pattern fit."""

import functools
import html
from typing import NamedTuple, Optional

from . import _capi
from .model import _PATTERN_ID, _SOURCING_ID, _lang_value, _pattern_value

__all__ = ["Result", "FunctionResult", "RoleResult", "Highlight", "PatternFit", "EvaluationWarning"]

_LISTS = tuple(range(_capi.ISOMM_LIST_COUNT))
_LIST_ID = {value: _capi.isomm_list_id(value) for value in _LISTS}
_UNANSWERED = _capi.ISOMM_UNANSWERED


class FunctionResult(NamedTuple):
    """One function's line of a result.

    Attributes:
        code: function code ``"A"`` … ``"I"``.
        name_ja, name_en: the function's name.
        maturity: unrounded mean level of its roles, or None when every role is at level 0.
        rated_roles: roles counted in the mean (unanswered ones count as level 1).
        excluded_roles: roles left out at level 0.
        unanswered_roles: roles without an answer.
    """

    code: str
    name_ja: str
    name_en: str
    maturity: Optional[float]
    rated_roles: int
    excluded_roles: int
    unanswered_roles: int


class RoleResult(NamedTuple):
    """One role's line of a result.

    Attributes:
        code: role code; function: its function code; domain: ``"I"`` … ``"IV"``.
        sourcing: recorded sourcing, None when unanswered.
        level: recorded level 0-5, None when unanswered.
        score: level used in averages (1 when unanswered).
        expected_sourcing: what the pattern of the lists expects, None when there is no pattern.
        note: the role's note, or None.
    """

    code: str
    function: str
    domain: str
    sourcing: Optional[str]
    level: Optional[int]
    score: int
    expected_sourcing: Optional[str]
    note: Optional[str]


class Highlight(NamedTuple):
    """A strength or weakness: the function, its maturity and the comment shown for it."""

    function: str
    maturity: float
    comment_ja: str
    comment_en: str


class PatternFit(NamedTuple):
    """The pattern whose expectations the recorded sourcing matches best.

    Attributes:
        pattern: id of the best-fitting pattern.
        mismatches: answered roles (level >= 1) whose sourcing differs from that pattern's expectation.
        current_pattern_mismatches: the same count for the declared current pattern, None when there is none.
    """

    pattern: str
    mismatches: int
    current_pattern_mismatches: Optional[int]


class EvaluationWarning(NamedTuple):
    """A warning attached to a result, e.g. ``id="unanswered"``, with its text in both languages."""

    id: str
    text_ja: str
    text_en: str


class Result:
    """The evaluation of an :class:`Assessment`, made by :meth:`Assessment.evaluate`.

    Read-only. It keeps its own copy of the answers it was computed from. In Jupyter it renders
    as an HTML report.
    """

    def __init__(self, *args, **kwargs):
        raise TypeError("results are made by Assessment.evaluate()")

    @classmethod
    def _wrap(cls, handle, answers, model):
        # answers: the assessment handle the result was computed from, shared with (never
        # changed by) the Assessment that evaluated it.
        self = cls.__new__(cls)
        self._h = handle
        self._answers = answers
        self._model = model
        return self

    @functools.cached_property
    def _assessment(self):
        from .assessment import Assessment
        return Assessment._wrap(self._answers, self._model, shared=True)

    @property
    def assessment(self):
        """A copy of the :class:`Assessment` (answers, notes, metadata) this result was computed from."""
        return self._assessment.copy()

    @property
    def model(self):
        """The :class:`Model` of the evaluated assessment."""
        return self._model

    @functools.cached_property
    def functions(self):
        """The nine :class:`FunctionResult` lines, A … I."""
        out = []
        for index, info in enumerate(self.model.functions):
            f = _capi.isomm_result_function(self._h, index)
            out.append(FunctionResult(info.code, info.name_ja, info.name_en,
                                      f.maturity if f.has_maturity else None,
                                      f.rated_roles, f.excluded_roles, f.unanswered_roles))
        return tuple(out)

    @property
    def function_maturity(self):
        """``{"A": 3.0, …}``: each function's unrounded maturity, None where a function has none."""
        return {f.code: f.maturity for f in self.functions}

    @functools.cached_property
    def overall_maturity(self):
        """Mean of the function maturities that exist, or None when no function has one."""
        has, value = _capi.isomm_result_overall(self._h)
        return value if has == 1 else None

    @functools.cached_property
    def roles(self):
        """The 54 :class:`RoleResult` lines in catalogue order."""
        out = []
        for info, answer in zip(self.model.roles, self._assessment.answers()):
            r = _capi.isomm_result_role(self._h, info.index)
            out.append(RoleResult(info.code, info.function, info.domain, _SOURCING_ID[r.sourcing],
                                  None if r.level == _UNANSWERED else r.level, r.score,
                                  _SOURCING_ID[r.expected], answer.note))
        return tuple(out)

    def _highlights(self, strength):
        out = []
        for i in range(_capi.isomm_result_highlight_count(self._h, strength)):
            info = self.model.functions[_capi.isomm_result_highlight(self._h, strength, i)]
            out.append(Highlight(info.code, self.functions[info.index].maturity,
                                 info.strength_ja if strength else info.weakness_ja,
                                 info.strength_en if strength else info.weakness_en))
        return tuple(out)

    @functools.cached_property
    def strengths(self):
        """The strongest functions as :class:`Highlight` objects, strongest first."""
        return self._highlights(1)

    @functools.cached_property
    def weaknesses(self):
        """The weakest functions as :class:`Highlight` objects, weakest first."""
        return self._highlights(0)

    @property
    def list_pattern(self):
        """Id of the pattern the recommendation lists were computed against (target, else current), or None."""
        return _PATTERN_ID[_capi.isomm_result_list_pattern(self._h)]

    @functools.cached_property
    def recommendations(self):
        """The four lists ``{"strengthen_insource": [...], "strengthen_outsource": [...],
        "switch_to_insource": [...], "switch_to_outsource": [...]}`` of role codes, lowest level first."""
        roles = self.model.roles
        return {_LIST_ID[lst]: [roles[_capi.isomm_result_list_role(self._h, lst, i)].code
                                for i in range(_capi.isomm_result_list_count(self._h, lst))]
                for lst in _LISTS}

    @functools.cached_property
    def pattern_fit(self):
        """The best-fitting pattern as a :class:`PatternFit`."""
        pattern, mismatches, current = _capi.isomm_result_pattern_fit(self._h)
        return PatternFit(_PATTERN_ID[pattern], mismatches, None if current < 0 else current)

    def mismatches(self, pattern):
        """Number of answered roles (level >= 1) whose sourcing differs from what ``pattern`` expects."""
        return _capi.isomm_result_pattern_mismatches(self._h, _pattern_value(pattern))

    @functools.cached_property
    def unanswered(self):
        """Codes of the unanswered roles (they count as level 1), in catalogue order."""
        roles = self.model.roles
        return [roles[_capi.isomm_result_unanswered(self._h, i)].code
                for i in range(_capi.isomm_result_unanswered_count(self._h))]

    @functools.cached_property
    def warnings(self):
        """The result's :class:`EvaluationWarning` objects (no pattern, unanswered roles, …)."""
        out = []
        for i in range(_capi.isomm_result_warning_count(self._h)):
            w = _capi.isomm_result_warning(self._h, i)
            out.append(EvaluationWarning(_capi.isomm_warning_id(w), _capi.isomm_warning_text(w, _capi.ISOMM_LANG_JA),
                                         _capi.isomm_warning_text(w, _capi.ISOMM_LANG_EN)))
        return tuple(out)

    def function_records(self):
        """The functions as a list of dicts, ready for ``pandas.DataFrame``."""
        return [f._asdict() for f in self.functions]

    def role_records(self):
        """The roles as a list of dicts, ready for ``pandas.DataFrame``."""
        return [r._asdict() for r in self.roles]

    def to_dict(self, lang="ja"):
        """The result as the JSON object of the ``isomm report --format json`` output (one
        assessment): metadata, unanswered roles, functions, overall maturity, roles, strengths and
        weaknesses with comments, recommendations, pattern fit and warning ids. Names and comments
        are in ``lang`` (``"ja"`` or ``"en"``)."""
        _lang_value(lang)
        a = self._assessment
        return {
            "assessment": a.id, "organization": a.organization, "assessor": a.assessor, "date": a.date,
            "current_pattern": a.current_pattern, "target_pattern": a.target_pattern,
            "unanswered": list(self.unanswered),
            "functions": [{"code": f.code, "name": getattr(f, "name_" + lang), "maturity": f.maturity,
                           "rated_roles": f.rated_roles, "excluded_roles": f.excluded_roles}
                          for f in self.functions],
            "overall_maturity": self.overall_maturity,
            "roles": [{"code": r.code, "function": r.function, "domain": r.domain, "sourcing": r.sourcing,
                       "level": r.level, "expected_sourcing": r.expected_sourcing, "note": r.note}
                      for r in self.roles],
            "strengths": [{"function": h.function, "comment": getattr(h, "comment_" + lang)}
                          for h in self.strengths],
            "weaknesses": [{"function": h.function, "comment": getattr(h, "comment_" + lang)}
                           for h in self.weaknesses],
            "recommendations": {key: list(codes) for key, codes in self.recommendations.items()},
            "pattern_fit": self.pattern_fit._asdict(),
            "warnings": [w.id for w in self.warnings],
        }

    def _repr_html_(self):
        esc = html.escape
        a = self._assessment

        def maturity(value):
            return "—" if value is None else f"{value:.1f}"

        rows = "".join(f"<tr><td>{esc(f.code)}</td><td>{esc(f.name_ja)}</td>"
                       f"<td style='text-align:right'>{maturity(f.maturity)}</td></tr>" for f in self.functions)
        lists = "".join(f"<tr><td>{esc(_capi.isomm_list_title(lst, _capi.ISOMM_LANG_JA))}</td>"
                        f"<td>{esc(', '.join(self.recommendations[_LIST_ID[lst]]) or '—')}</td></tr>"
                        for lst in _LISTS)
        return (f"<div class='isomm-result'><h3>ISOMM: {esc(a.id)}</h3>"
                f"<p>総合成熟度 {maturity(self.overall_maturity)} / 5 — "
                f"強み {esc(', '.join(h.function for h in self.strengths))}, "
                f"弱み {esc(', '.join(h.function for h in self.weaknesses))}</p>"
                f"<table><tr><th>機能</th><th></th><th>成熟度</th></tr>{rows}</table>"
                f"<table>{lists}</table></div>")

    def __repr__(self):
        return f"<isomm.Result {self._assessment.id!r}: overall maturity {self.overall_maturity!r}>"
