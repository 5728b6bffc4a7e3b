# SPDX-License-Identifier: MIT
"""The result of an evaluation: maturity, strengths and weaknesses, recommendation lists, pattern fit."""

import html
import json
import os
import types
from typing import NamedTuple, Optional

from . import _capi
from .errors import ErrorCode, _from_c
from .model import _PATTERN_ID, _SOURCING_ID, _lang_value, _pattern_value
from .options import options

__all__ = ["render_report", "Result", "FunctionResult", "RoleResult", "Highlight", "PatternFit", "EvaluationWarning"]

_LISTS = tuple(range(_capi.ISOMM_LIST_COUNT))
_LIST_ID = {value: _capi.isomm_list_id(value) for value in _LISTS}
_UNANSWERED = _capi.ISOMM_UNANSWERED
_FORMATS = {
    "text": _capi.ISOMM_FORMAT_TEXT, "markdown": _capi.ISOMM_FORMAT_MARKDOWN, "json": _capi.ISOMM_FORMAT_JSON,
    "html": _capi.ISOMM_FORMAT_HTML, "svg": _capi.ISOMM_FORMAT_SVG_RADAR, "svg-radar": _capi.ISOMM_FORMAT_SVG_RADAR,
    "svg-roles": _capi.ISOMM_FORMAT_SVG_ROLES, "svg-heatmap": _capi.ISOMM_FORMAT_SVG_HEATMAP,
}


def _format_value(format):
    try:
        return _FORMATS[format]
    except (KeyError, TypeError):
        raise _from_c(ErrorCode.EOPTIONS, 0, 0, f"unknown format {format!r} (expected one of "
                      f"{', '.join(_FORMATS)})") from None


def _write_file(path, data):
    """Write bytes to a file through the library's output layer (isomm_write_file)."""
    import os
    from .errors import Error, _located
    path = os.fsdecode(path)
    try:
        _capi.isommpy_write_file(path, data)
    except Error as e:
        raise _located(e, path, writing=True)


def _evaluate_again(assessment, strengths, list_size, target):
    """Unpickling helper: the result of evaluating ``assessment`` with the same options."""
    return assessment.evaluate(target, strengths=strengths, list_size=list_size)


def render_report(results, format="html", lang=None):
    """Several ``Result`` objects as one document (str): ``"html"`` one page with a
    comparison radar and a section per result, ``"json"`` an array of their objects, ``"text"``
    and ``"markdown"`` the reports one after another, ``"svg"`` one radar with a series per result.
    ``lang`` is ``"ja"``, ``"en"`` or None for ``isomm.options.lang``."""
    handles = []
    for r in results:
        if not isinstance(r, Result):
            raise TypeError(f"expected isomm.Result objects, not {type(r).__name__}")
        handles.append(r._h)
    return _capi.isommpy_report_render_list(handles, _format_value(format), _lang_value(lang)).decode("utf-8")



class _cached:
    """A property computed on first use and then kept in the instance (functools.cached_property
    without its per-access lock, which Python 3.8-3.11 take even after the value is cached)."""

    def __init__(self, func):
        self.func = func
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


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


_VIEW_WORDS = {
    "ja": {"function": "機能", "maturity": "成熟度", "overall": "総合成熟度", "strength": "強み", "weakness": "弱み"},
    "en": {"function": "Function", "maturity": "Maturity", "overall": "Overall maturity", "strength": "Strength",
           "weakness": "Weakness"},
}


class Result:
    """The evaluation of an ``Assessment``, made by ``Assessment.evaluate``.

    Read-only: its attributes cannot be set and what they return are tuples, named tuples and
    read-only mappings. It keeps its own copy of the answers it was computed from, pickles to an
    equal result and may be shared by threads. In Jupyter it renders as an HTML report in
    ``isomm.options.lang``.
    """

    __slots__ = ("_h", "_answers", "_model", "_options", "__dict__")

    def __init__(self, *args, **kwargs):
        raise TypeError("results are made by Assessment.evaluate()")

    def __setattr__(self, name, value):
        raise AttributeError(f"isomm.Result is read-only (cannot set {name!r})")

    def __delattr__(self, name):
        raise AttributeError(f"isomm.Result is read-only (cannot delete {name!r})")

    @classmethod
    def _wrap(cls, handle, answers, model, options):
        # answers: the assessment handle the result was computed from, shared with (never
        # changed by) the Assessment that evaluated it; options: (strengths, list_size, target id).
        self = cls.__new__(cls)
        set_ = object.__setattr__
        set_(self, "_h", handle)
        set_(self, "_answers", answers)
        set_(self, "_model", model)
        set_(self, "_options", options)
        return self

    def __reduce__(self):
        strengths, list_size, target = self._options
        return _evaluate_again, (self._assessment, strengths, list_size, target)

    def __eq__(self, other):
        if not isinstance(other, Result):
            return NotImplemented
        return self._options == other._options and self._assessment == other._assessment

    __hash__ = None

    @_cached
    def _assessment(self):
        from .assessment import Assessment
        return Assessment._wrap(self._answers, self._model, shared=True)

    @property
    def assessment(self):
        """A copy of the ``Assessment`` (answers, notes, metadata) this result was computed from."""
        return self._assessment.copy()

    @property
    def model(self):
        """The ``Model`` of the evaluated assessment."""
        return self._model

    @_cached
    def functions(self):
        """The nine ``FunctionResult`` lines, A … I."""
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

    @property
    def overall_maturity(self):
        """Mean of the function maturities that exist, or None when no function has one."""
        has, value = _capi.isomm_result_overall(self._h)
        return value if has == 1 else None

    @_cached
    def roles(self):
        """The 54 ``RoleResult`` lines in catalogue order."""
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
            # the comment of the function's maturity band (ISOMM-MODEL.md section 6)
            out.append(Highlight(info.code, self.functions[info.index].maturity,
                                 _capi.isomm_result_highlight_comment(self._h, strength, i, _capi.ISOMM_LANG_JA),
                                 _capi.isomm_result_highlight_comment(self._h, strength, i, _capi.ISOMM_LANG_EN)))
        return tuple(out)

    @_cached
    def strengths(self):
        """The strongest functions as ``Highlight`` objects, strongest first."""
        return self._highlights(1)

    @_cached
    def weaknesses(self):
        """The weakest functions as ``Highlight`` objects, weakest first."""
        return self._highlights(0)

    @property
    def list_pattern(self):
        """Id of the pattern the recommendation lists were computed against (target, else current), or None."""
        return _PATTERN_ID[_capi.isomm_result_list_pattern(self._h)]

    @_cached
    def recommendations(self):
        """The four lists ``{"strengthen_insource": (...), "strengthen_outsource": (...),
        "switch_to_insource": (...), "switch_to_outsource": (...)}`` of role codes, lowest level
        first (a read-only mapping of tuples)."""
        roles = self.model.roles
        return types.MappingProxyType({
            _LIST_ID[lst]: tuple(roles[_capi.isomm_result_list_role(self._h, lst, i)].code
                                 for i in range(_capi.isomm_result_list_count(self._h, lst)))
            for lst in _LISTS})

    @_cached
    def pattern_fit(self):
        """The best-fitting pattern as a ``PatternFit``."""
        pattern, mismatches, current = _capi.isomm_result_pattern_fit(self._h)
        return PatternFit(_PATTERN_ID[pattern], mismatches, None if current < 0 else current)

    def mismatches(self, pattern):
        """Number of answered roles (level >= 1) whose sourcing differs from what ``pattern`` expects."""
        value = _pattern_value(pattern)
        if value == _capi.ISOMM_PATTERN_NONE:
            raise _from_c(ErrorCode.EPATTERN, 0, 0, "mismatches needs a pattern")
        return _capi.isomm_result_pattern_mismatches(self._h, value)

    @_cached
    def unanswered(self):
        """Codes of the unanswered roles (they count as level 1), in catalogue order (a tuple)."""
        roles = self.model.roles
        return tuple(roles[_capi.isomm_result_unanswered(self._h, i)].code
                     for i in range(_capi.isomm_result_unanswered_count(self._h)))

    @_cached
    def warnings(self):
        """The result's ``EvaluationWarning`` objects (no pattern, unanswered roles, …)."""
        out = []
        for i in range(_capi.isomm_result_warning_count(self._h)):
            w = _capi.isomm_result_warning(self._h, i)
            out.append(EvaluationWarning(_capi.isomm_warning_id(w), _capi.isomm_warning_text(w, _capi.ISOMM_LANG_JA),
                                         _capi.isomm_warning_text(w, _capi.ISOMM_LANG_EN)))
        return tuple(out)

    def function_records(self):
        """The functions as a list of dicts, ready for ``pandas.DataFrame``: ``assessment`` (the
        id), ``function`` (the code), then the other fields of ``FunctionResult``."""
        id = self._assessment.id
        return [{"assessment": id, "function": f.code, "name_ja": f.name_ja, "name_en": f.name_en,
                 "maturity": f.maturity, "rated_roles": f.rated_roles, "excluded_roles": f.excluded_roles,
                 "unanswered_roles": f.unanswered_roles} for f in self.functions]

    def role_records(self):
        """The roles as a list of dicts, ready for ``pandas.DataFrame``, with the key names of
        ``Assessment.records``: ``assessment``, ``role``, ``function``, ``domain``,
        ``sourcing``, ``level``, ``note``, then ``score`` and ``expected_sourcing``."""
        id = self._assessment.id
        return [{"assessment": id, "role": r.code, "function": r.function, "domain": r.domain,
                 "sourcing": r.sourcing, "level": r.level, "note": r.note, "score": r.score,
                 "expected_sourcing": r.expected_sourcing} for r in self.roles]

    def render(self, format="text", lang=None, *, second=None, second_label=None):
        """The result as a document (str).

        Args:
            format: ``"text"`` (terminal report), ``"markdown"``, ``"json"`` (the object of
                ``isomm report --format json``), ``"html"`` (one self-contained page with every
                chart), ``"svg"`` (radar chart of the nine functions) or ``"svg-roles"`` (bar per role).
            lang: ``"ja"``, ``"en"``, or None for ``isomm.options.lang``.
            second: another ``Result`` drawn as a second radar series (e.g. last year), or None.
            second_label: legend label of the second series (None for a default).
        """
        if second is not None and not isinstance(second, Result):
            raise TypeError(f"second must be an isomm.Result or None, not {type(second).__name__}")
        if second_label is not None and not isinstance(second_label, str):
            raise TypeError("second_label must be a str or None")
        return _capi.isommpy_report_render(self._h, _format_value(format), _lang_value(lang),
                                           None if second is None else second._h, second_label).decode("utf-8")

    def to_dict(self, lang=None):
        """The result as the JSON object of ``isomm report --format json`` (one assessment), as
        Python data: metadata, unanswered roles, functions, overall maturity, roles, strengths and
        weaknesses with comments, recommendations, pattern fit and warning ids. Names and
        comments are in ``lang`` (``"ja"``, ``"en"``, None for ``isomm.options.lang``); absent
        values are None."""
        return json.loads(self.render("json", lang))

    def save(self, target, format="html", lang=None):
        """Write ``render`` output (UTF-8) to a path, replacing the file only when the whole write
        succeeds (temporary file and rename, never through a symbolic link), or to a file object:
        text to a text stream, UTF-8 bytes to a binary one."""
        text = self.render(format, lang)
        if hasattr(target, "write"):
            import io
            target.write(text if isinstance(target, io.TextIOBase) else text.encode("utf-8"))
        else:
            _write_file(target, text.encode("utf-8"))

    def to_xlsx(self, path, lang=None) -> None:
        """Write the report workbook of this result (see ``isomm.write_xlsx_report``); ``lang``
        ``"ja"``, ``"en"`` or None for ``isomm.options.lang``."""
        from .xlsxio import write_xlsx_report
        write_xlsx_report(path, self, lang=lang)

    def _repr_html_(self):
        return self._view_html(options.lang)

    def _view_html(self, lang):
        esc = html.escape
        a = self._assessment
        words = _VIEW_WORDS[lang]
        c_lang = _lang_value(lang)

        def maturity(value):
            return "—" if value is None else f"{value:.1f}"

        def name(info):
            return info.name_ja if lang == "ja" else info.name_en

        head = f"{esc(a.id)}" + "".join(f" · {esc(v)}" for v in (a.organization, a.assessor, a.date) if v)
        rows = "".join(f"<tr><td>{esc(f.code)}</td><td>{esc(name(f))}</td>"
                       f"<td style='text-align:right'>{maturity(f.maturity)}</td></tr>" for f in self.functions)
        highlights = "".join(
            f"<tr><td>{label}</td><td>{esc(h.function)} {esc(name(self.model.function(h.function)))}"
            f" ({maturity(h.maturity)})</td></tr>"
            for label, items in ((words["strength"], self.strengths), (words["weakness"], self.weaknesses))
            for h in items)
        lists = "".join(f"<tr><td>{esc(_capi.isomm_list_title(lst, c_lang))}</td>"
                        f"<td>{esc(', '.join(self.recommendations[_LIST_ID[lst]]) or '—')}</td></tr>"
                        for lst in _LISTS)
        return (f"<div class='isomm-result' lang='{lang}'><h3>ISOMM: {head}</h3>"
                f"<p><b>{words['overall']} {maturity(self.overall_maturity)} / 5</b></p>"
                f"<div style='display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start'>"
                f"<div style='max-width:480px'>{self.render('svg', lang)}</div>"
                f"<div><table><tr><th>{words['function']}</th><th></th><th>{words['maturity']}</th></tr>{rows}</table>"
                f"<table>{highlights}{lists}</table></div></div>"
                f"<div>{self.render('svg-roles', lang)}</div></div>")

    def __repr__(self):
        return f"<isomm.Result {self._assessment.id!r}: overall maturity {self.overall_maturity!r}>"

    # Read-only views of ISOMM-MODEL.md section 7.1 (the next step of each role, the action plan).
    @_cached
    def action_plan(self):
        """Codes of the action plan (a tuple): the roles of the four lists first, in list order,
        then every other role with a next step (level 1-4 or unanswered) in catalogue order."""
        roles = self.model.roles
        return tuple(roles[_capi.isomm_result_plan_role(self._h, i)].code
                     for i in range(_capi.isomm_result_plan_count(self._h)))

    def next_step(self, code, lang=None):
        """``(next_level, text)`` of a role: level + 1 and that level's text on the role's own
        sourcing scale for levels 1-4; ``(None, advice to assess it)`` when unanswered;
        ``(None, None)`` at level 0 or 5. ``lang`` is ``"ja"``, ``"en"`` or None for
        ``isomm.options.lang``."""
        index = self.model.role(code).index
        level = _capi.isomm_result_role(self._h, index).next_level
        text = _capi.isomm_result_next_step(self._h, index, _lang_value(lang))
        return (level or None, text)
