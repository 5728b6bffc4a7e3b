# SPDX-License-Identifier: MIT
"""One organisation's answers: a sourcing and a 0-5 level per role, notes, metadata and patterns."""

import datetime
import math
import operator
import threading
from typing import NamedTuple, Optional

from . import _capi
from .errors import ErrorCode, _from_c
from .model import _PATTERN_ID, _SOURCING_ID, _model_or_default, _pattern_value, _sourcing_value
from .result import Result

__all__ = ["Answer", "Assessment"]

_UNANSWERED = _capi.ISOMM_UNANSWERED
_META = {
    "id": _capi.ISOMM_META_ID,
    "organization": _capi.ISOMM_META_ORGANIZATION,
    "assessor": _capi.ISOMM_META_ASSESSOR,
    "date": _capi.ISOMM_META_DATE,
}


_NO_PATTERN = _capi.ISOMM_PATTERN_NONE

# Held while an assessment decides whether to change its answers in place and changes them, and
# while a reader (evaluate, write_csv, pickling) marks them shared before working on them without
# the GIL: a change and a reader's start never interleave. Each section is one short C call
# under the GIL, so one lock for all assessments is never held for long.
_SHARE_LOCK = threading.Lock()


def _level_value(level, role):
    """A level given as an int, a numpy integer or an integral float (``3.0``), as an int."""
    if isinstance(level, bool) or isinstance(level, str):
        raise TypeError(f"level must be an int, not {type(level).__name__}")
    if isinstance(level, float) or type(level).__name__.startswith("float"):
        value = float(level)
        if not math.isfinite(value) or not value.is_integer():
            raise _from_c(ErrorCode.ELEVEL, 0, 0, f"role {role}: level {level!r} is not a whole number "
                          "(expected 0-5)")
        level = int(value)
    else:
        try:
            level = operator.index(level)
        except TypeError:
            raise TypeError(f"level must be an int, not {type(level).__name__}") from None
    if not -2**31 <= level < 2**31:
        raise _from_c(ErrorCode.ELEVEL, 0, 0, f"role {role}: level {level} out of range (expected 0-5)")
    return level


def _check_option(value, name):
    """An int option within the C int range (the C side checks the rest)."""
    if type(value) is int and -2**31 <= value < 2**31:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    raise _from_c(ErrorCode.EOPTIONS, 0, 0, f"{name} {value} out of range")


class Answer(NamedTuple):
    """One role's answer. An unanswered role has ``sourcing`` and ``level`` None (it may still carry a note).

    Attributes:
        role: role code, e.g. ``"E-2"``.
        sourcing: ``"insource"``, ``"outsource"`` or None.
        level: 0-5 or None.
        note: free text or None.
    """

    role: str
    sourcing: Optional[str]
    level: Optional[int]
    note: Optional[str] = None

    @property
    def answered(self):
        """True when the role has a sourcing and a level."""
        return self.level is not None


def _meta_property(field, doc):
    value = _META[field]

    def get(self):
        return _capi.isomm_assessment_meta(self._h, value)

    def set(self, text):
        if isinstance(text, datetime.date):
            text = text.isoformat()
        elif text is not None and not isinstance(text, str):
            raise TypeError(f"{field} must be a str or None, not {type(text).__name__}")
        self._change(_capi.isomm_assessment_set_meta, value, text)

    return property(get, set, doc=doc)


def _pattern_property(current, doc):
    def get(self):
        return _PATTERN_ID[_capi.isomm_assessment_pattern(self._h, current)]

    def set(self, pattern):
        self._change(_capi.isomm_assessment_set_pattern, current, _pattern_value(pattern))

    return property(get, set, doc=doc)


class Assessment:
    """One organisation's answers to the 54 roles, with metadata and patterns.

    ``Assessment(model=None, *, id=None, organization=None, assessor=None, date=None,
    current_pattern=None, target_pattern=None)`` starts with every role unanswered; ``model`` is
    the catalogue to use (the built-in one by default).

    Record answers with ``set`` or ``a["E-2"] = ("insource", 3)``; read them back with
    ``a["E-2"]`` (an ``Answer``); ``for answer in a`` walks all 54 roles in catalogue order
    (unanswered ones with sourcing and level None), so ``len(a)`` is 54 and
    ``pandas.DataFrame(assessments)`` has one aligned column per role; ``answered_count``
    counts the answered roles and ``answered`` lists them; ``"E-2" in a`` is True when the
    role is answered; ``del a["E-2"]`` makes a role unanswered again.

    An assessment pickles (and deep-copies) to an equal one. It may be read by several threads
    at once; changing it from one thread while others read it is safe too (a reader evaluates
    or writes the answers as they were when it started).
    """

    __slots__ = ("_model", "_h", "_shared")

    def __init__(self, model=None, *, id=None, organization=None, assessor=None, date=None,
                 current_pattern=None, target_pattern=None):
        model = _model_or_default(model)
        self._model = model
        self._h = _capi.isomm_assessment_new(model._h)
        self._shared = False
        self.id = id
        self.organization = organization
        self.assessor = assessor
        self.date = date
        self.current_pattern = current_pattern
        self.target_pattern = target_pattern

    @classmethod
    def _wrap(cls, handle, model, shared=False):
        self = cls.__new__(cls)
        self._model = model
        self._h = handle
        self._shared = shared
        return self

    def _change(self, function, *args):
        # Results evaluated from the current answers share them (evaluate() does not copy):
        # the first change after an evaluation moves this assessment to a copy of its own.
        with _SHARE_LOCK:
            if self._shared:
                self._h = _capi.isomm_assessment_copy(self._h)
                self._shared = False
            return function(self._h, *args)

    def _share(self):
        """The answers' handle, marked shared: nothing changes it in place from now on."""
        with _SHARE_LOCK:
            self._shared = True
            return self._h

    id = _meta_property("id", "Assessment id (the CSV ``assessment`` column); ``\"default\"`` until set.")
    organization = _meta_property("organization", "Organisation name, or None.")
    assessor = _meta_property("assessor", "Who answered, or None.")
    date = _meta_property("date", "Date as ISO 8601 ``YYYY-MM-DD`` (a str; a datetime.date is accepted), or None.")
    current_pattern = _pattern_property(1, "Id of the organisation's current pattern (``\"hybrid\"``), or None. "
                                           "Set it by id, Japanese name or ``Pattern``.")
    target_pattern = _pattern_property(0, "Id of the pattern the organisation aims for, or None. "
                                          "Set it by id, Japanese name or ``Pattern``.")

    @property
    def model(self):
        """The ``Model`` this assessment is built on."""
        return self._model

    def set(self, role, sourcing, level, note=None):
        """Record one role's answer, replacing the previous one (note included).

        Args:
            role: role code, e.g. ``"E-2"``.
            sourcing: ``"insource"``/``"in"``/``"インソース"`` or ``"outsource"``/``"out"``/``"アウトソース"``.
            level: 0-5 on that sourcing's scale (0 = not applicable by decision): an int, a numpy
                integer or a float with a whole value such as ``3.0``.
            note: free text, or None.

        Raises ``UnknownRoleError`` (KeyError) for an unknown role and
        ``InvalidValueError`` (ValueError) for a bad sourcing or level.
        """
        if not isinstance(role, str):
            raise TypeError(f"role code must be a str, not {type(role).__name__}")
        if note is not None and not isinstance(note, str):
            raise TypeError(f"note must be a str or None, not {type(note).__name__}")
        level = _level_value(level, role)
        self._change(_capi.isomm_assessment_set, role, _sourcing_value(sourcing), level, note)

    def set_note(self, role, note):
        """Set (or, with None or ``""``, remove) a role's note without touching its answer."""
        if not isinstance(role, str):
            raise TypeError(f"role code must be a str, not {type(role).__name__}")
        self._change(_capi.isomm_assessment_set_note, role, note)

    def unset(self, role):
        """Make a role unanswered again (its note is removed too)."""
        if not isinstance(role, str):
            raise TypeError(f"role code must be a str, not {type(role).__name__}")
        self._change(_capi.isomm_assessment_clear, role)

    def _answer(self, index):
        sourcing, level, note = _capi.isomm_assessment_get_index(self._h, index)
        return Answer(self._model.roles[index].code, _SOURCING_ID[sourcing],
                      None if level == _UNANSWERED else level, note)

    def __getitem__(self, role):
        if not isinstance(role, str):
            raise TypeError(f"role code must be a str, not {type(role).__name__}")
        return self._answer(_capi.isomm_model_find_role(self._model._h, role))

    def __setitem__(self, role, answer):
        if isinstance(answer, Answer):
            answer = answer[1:]
        if not isinstance(answer, tuple) or len(answer) not in (2, 3):
            raise TypeError("an answer is a tuple (sourcing, level) or (sourcing, level, note)")
        if answer[0] is None and answer[1] is None:
            self.unset(role)
            if len(answer) == 3 and answer[2]:
                self.set_note(role, answer[2])
            return
        self.set(role, *answer)

    def __delitem__(self, role):
        self.unset(role)

    def __contains__(self, role):
        index = self._model._role_index.get(role)
        return index is not None and self._answer(index).answered

    def __iter__(self):
        return iter(self.answers())

    def __len__(self):
        return _capi.ISOMM_ROLE_COUNT

    @property
    def answered_count(self):
        """Number of answered roles (0-54)."""
        return _capi.isomm_assessment_answered(self._h)

    @property
    def answered(self):
        """The ``Answer`` objects of the answered roles, in catalogue order (a tuple)."""
        return tuple(answer for answer in self.answers() if answer.answered)

    @property
    def unanswered(self):
        """Codes of the roles without an answer, in catalogue order (a tuple)."""
        return tuple(self._model.roles[i].code for i in range(_capi.ISOMM_ROLE_COUNT)
                     if not self._answer(i).answered)

    def answers(self):
        """All 54 ``Answer`` objects in catalogue order, unanswered roles included (a tuple)."""
        return tuple(self._answer(i) for i in range(_capi.ISOMM_ROLE_COUNT))

    def records(self):
        """The answers as a list of dicts, one per role in catalogue order, ready for
        ``pandas.DataFrame``: ``assessment`` (the id), ``role``, ``function``, ``domain``,
        ``sourcing``, ``level``, ``note`` (the columns of ``answers_frame``)."""
        id = self.id
        return [{"assessment": id, "role": answer.role, "function": role.function, "domain": role.domain,
                 "sourcing": answer.sourcing, "level": answer.level, "note": answer.note}
                for answer, role in zip(self.answers(), self._model.roles)]

    def copy(self):
        """An independent deep copy (answers, notes, metadata, patterns; same model)."""
        return Assessment._wrap(_capi.isomm_assessment_copy(self._h), self._model)

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()

    def __eq__(self, other):
        if not isinstance(other, Assessment):
            return NotImplemented
        return bool(_capi.isomm_assessment_equal(self._h, other._h))

    def __reduce__(self):
        # Carried as its assessment CSV, which reads back equal (answers, notes, metadata, patterns).
        return _from_csv, (_capi.isommpy_csv_write_buffer([self._share()], _capi.ISOMM_ENCODING_UTF8, 0), self._model)

    __hash__ = None

    def evaluate(self, target=None, *, strengths=2, list_size=3):
        """Evaluate the answers and return a ``Result``.

        Args:
            target: pattern the recommendation lists aim at (id, Japanese name or ``Pattern``);
                None uses the assessment's target pattern, else its current pattern.
            strengths: how many strengths and weaknesses to show, 1-4.
            list_size: length of each recommendation list, 0 for no cut.

        The result keeps its own copy of the answers: changing the assessment later does not change it.
        Raises ``InvalidValueError`` (ValueError) for a bad pattern or option.
        """
        _check_option(strengths, "strengths")
        _check_option(list_size, "list_size")
        target_value = _NO_PATTERN if target is None else _pattern_value(target)
        answers = self._share()  # evaluated without the GIL: a concurrent change copies first
        handle = _capi.isommpy_evaluate(answers, strengths, list_size, target_value)
        return Result._wrap(handle, answers, self._model, (strengths, list_size, _PATTERN_ID[target_value]))

    def __repr__(self):
        return (f"<isomm.Assessment {self.id!r}: {self.answered_count}/{_capi.ISOMM_ROLE_COUNT} "
                "roles answered>")


def _from_csv(data, model):
    """Unpickling helper: the one assessment of an assessment CSV."""
    (handle,) = _capi.isommpy_csv_read_buffer(data, model._h, _capi.ISOMM_ENCODING_UTF8, len(data))
    return Assessment._wrap(handle, model)

