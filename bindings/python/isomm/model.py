# SPDX-License-Identifier: MIT
"""The ISOMM v2.1 catalogue: functions, roles, domains, organisation patterns and the two scales."""

import functools
import json
import types
from dataclasses import dataclass
from typing import Tuple

from . import _capi
from .errors import ErrorCode, _from_c
from .options import options

__all__ = ["Model", "Role", "Function", "Pattern", "Scale", "ScaleLevel", "default_model"]

_LANGS = {"ja": _capi.ISOMM_LANG_JA, "en": _capi.ISOMM_LANG_EN}
_SOURCINGS = (_capi.ISOMM_INSOURCE, _capi.ISOMM_OUTSOURCE)
_SOURCING_ID = {value: _capi.isomm_sourcing_id(value) or None
                for value in (_capi.ISOMM_SOURCING_NONE,) + _SOURCINGS}
_PATTERN_VALUES = tuple(range(_capi.ISOMM_PATTERN_COUNT))
_PATTERN_ID = {value: _capi.isomm_pattern_id(value) for value in _PATTERN_VALUES}
_PATTERN_ID[_capi.ISOMM_PATTERN_NONE] = None


def _lang_value(lang):
    """C value of ``"ja"``/``"en"``; None stands for ``isomm.options.lang``."""
    if lang is None:
        lang = options.lang
    try:
        return _LANGS[lang]
    except KeyError:
        raise _from_c(ErrorCode.EINVAL, 0, 0, f"unknown language {lang!r} (expected 'ja' or 'en')") from None


def _sourcing_value(sourcing):
    """C value of a sourcing given as "insource"/"in"/"インソース", "outsource"/"out"/"アウトソース"."""
    if not isinstance(sourcing, str):
        raise TypeError(f"sourcing must be a str, not {type(sourcing).__name__}")
    return _capi.isommpy_sourcing_parse(sourcing)


def _pattern_value(pattern):
    """C value of a pattern given as its id, its Japanese name, a ``Pattern``, or None."""
    if pattern is None:
        return _capi.ISOMM_PATTERN_NONE
    if isinstance(pattern, Pattern):
        pattern = pattern.id
    if not isinstance(pattern, str):
        raise TypeError(f"pattern must be a str, a Pattern or None, not {type(pattern).__name__}")
    return _capi.isomm_pattern_parse(pattern)


@dataclass(frozen=True)
class Role:
    """One of the 54 roles (A-1 … I-6) of a model.

    Attributes:
        index: position 0-53 in catalogue order.
        code: role code, e.g. ``"E-2"``.
        function: code of the role's function, e.g. ``"E"``.
        domain: the role's domain in this model, ``"I"`` … ``"IV"``.
        domain_from_seed: True if the domain comes from the ISOG-J slides, False for the project's default placement.
        name_ja, name_en: the role's name in Japanese and English.
        summary_ja, summary_en: a one-line summary in Japanese and English.
    """

    index: int
    code: str
    function: str
    domain: str
    domain_from_seed: bool
    name_ja: str
    name_en: str
    summary_ja: str
    summary_en: str


@dataclass(frozen=True)
class Function:
    """One of the nine functions (A … I) of a model.

    Attributes:
        index: position 0-8.
        code: function code, ``"A"`` … ``"I"``.
        name_ja, name_en: the function's name.
        roles: codes of the function's roles in catalogue order.
        strength_ja, strength_en: the comment shown when the function is a strength.
        weakness_ja, weakness_en: the comment shown when the function is a weakness.
    """

    index: int
    code: str
    name_ja: str
    name_en: str
    roles: Tuple[str, ...]
    strength_ja: str
    strength_en: str
    weakness_ja: str
    weakness_en: str


@dataclass(frozen=True)
class Pattern:
    """An organisation pattern: which domains the organisation runs in-house.

    Attributes:
        id: ``"full-outsource"``, ``"minimum-insource"``, ``"hybrid"``, ``"minimum-outsource"`` or ``"full-insource"``.
        name_ja, name_en: display names (``"ハイブリッド"``, ``"Hybrid"``).
        insourced_domains: the domains run in-house, e.g. ``("I", "II")``.
        outsourced_domains: the other domains.
    """

    id: str
    name_ja: str
    name_en: str
    insourced_domains: Tuple[str, ...]
    outsourced_domains: Tuple[str, ...]


@dataclass(frozen=True)
class ScaleLevel:
    """One step of a scale: what a level means on the insource or outsource side.

    Attributes:
        sourcing: ``"insource"`` or ``"outsource"``.
        level: 0-5.
        text_ja, text_en: the meaning of the level.
    """

    sourcing: str
    level: int
    text_ja: str
    text_en: str


@dataclass(frozen=True)
class Scale:
    """The 0-5 scale of one side (insource or outsource); ``scale[3]`` is its level 3.

    Attributes:
        sourcing: ``"insource"`` or ``"outsource"``.
        levels: the six ``ScaleLevel`` steps, level 0 first.
    """

    sourcing: str
    levels: Tuple[ScaleLevel, ...]

    def __getitem__(self, level):
        return self.levels[level]

    def __len__(self):
        return len(self.levels)

    def __iter__(self):
        return iter(self.levels)


def _domains(first, last):
    return tuple(_capi.isomm_domain_name(d) for d in range(first, last + 1))


def _make_pattern(value):
    info = _capi.isomm_pattern_get(value)
    k = info.insourced_domains
    return Pattern(id=info.id, name_ja=info.name_ja, name_en=info.name_en,
                   insourced_domains=_domains(_capi.ISOMM_DOMAIN_I, k),
                   outsourced_domains=_domains(k + 1, _capi.ISOMM_DOMAIN_IV))


def _make_scale(sourcing):
    return Scale(sourcing=_SOURCING_ID[sourcing], levels=tuple(
        ScaleLevel(sourcing=_SOURCING_ID[sourcing], level=level,
                   text_ja=_capi.isomm_scale_text(sourcing, level, _capi.ISOMM_LANG_JA),
                   text_en=_capi.isomm_scale_text(sourcing, level, _capi.ISOMM_LANG_EN))
        for level in range(_capi.ISOMM_LEVEL_MAX + 1)))


_PATTERNS = tuple(_make_pattern(value) for value in _PATTERN_VALUES)
_SCALES = {_SOURCING_ID[s]: _make_scale(s) for s in _SOURCINGS}
_SCALES_VIEW = types.MappingProxyType(_SCALES)


class Model:
    """A catalogue: the nine functions, 54 roles with their domains, the patterns and the scales.

    Get the built-in ISOMM v2.1 model with ``default_model`` or load a custom one (other
    domains or texts) with ``load_model_csv``. A model is read-only.
    """

    def __init__(self, *args, **kwargs):
        raise TypeError("use isomm.default_model() or isomm.load_model_csv(path)")

    def __setattr__(self, name, value):
        raise AttributeError(f"isomm.Model is read-only (cannot set {name!r})")

    def __delattr__(self, name):
        raise AttributeError(f"isomm.Model is read-only (cannot delete {name!r})")

    @classmethod
    def _wrap(cls, handle):
        self = cls.__new__(cls)
        set_ = object.__setattr__
        set_(self, "_h", handle)
        set_(self, "name", _capi.isomm_model_name(handle))
        infos = [_capi.isomm_model_role(handle, i) for i in range(_capi.ISOMM_ROLE_COUNT)]
        set_(self, "roles", tuple(
            Role(index=r.index, code=r.code, function=_capi.isomm_model_function(handle, r.function).code,
                 domain=_capi.isomm_domain_name(r.domain), domain_from_seed=bool(r.domain_from_seed),
                 name_ja=r.name_ja, name_en=r.name_en, summary_ja=r.summary_ja, summary_en=r.summary_en)
            for r in infos))
        functions = [_capi.isomm_model_function(handle, i) for i in range(_capi.ISOMM_FUNCTION_COUNT)]
        set_(self, "functions", tuple(
            Function(index=f.index, code=f.code, name_ja=f.name_ja, name_en=f.name_en,
                     roles=tuple(r.code for r in self.roles[f.first_role:f.first_role + f.role_count]),
                     strength_ja=f.strength_ja, strength_en=f.strength_en,
                     weakness_ja=f.weakness_ja, weakness_en=f.weakness_en)
            for f in functions))
        set_(self, "_role_index", {role.code: role.index for role in self.roles})
        return self

    name: str
    """Model name: ``"ISOMM v2.1"`` for the built-in model, the source's name for a loaded one."""

    roles: Tuple[Role, ...]
    """The 54 ``Role`` objects in catalogue order (A-1 … I-6)."""

    functions: Tuple[Function, ...]
    """The nine ``Function`` objects, A … I."""

    @property
    def patterns(self):
        """The five organisation ``Pattern`` objects, from full-outsource to full-insource."""
        return _PATTERNS

    @property
    def scales(self):
        """The two scales as a read-only mapping ``{"insource": Scale, "outsource": Scale}``."""
        return _SCALES_VIEW

    def role(self, code):
        """The ``Role`` with this code (``"G-10"``); ``UnknownRoleError`` (a KeyError) if none."""
        if not isinstance(code, str):
            raise TypeError(f"role code must be a str, not {type(code).__name__}")
        return self.roles[_capi.isomm_model_find_role(self._h, code)]

    def function(self, code):
        """The ``Function`` with this code (``"E"``); ``UnknownRoleError`` (a KeyError) if none."""
        if not isinstance(code, str):
            raise TypeError(f"function code must be a str, not {type(code).__name__}")
        index = _capi.isomm_function_find(code)
        if index < 0:
            raise _from_c(ErrorCode.EROLE, 0, 0, f"unknown function code {code!r} (expected A-I)")
        return self.functions[index]

    def pattern(self, name):
        """The ``Pattern`` with this id (``"hybrid"``) or Japanese name (``"ハイブリッド"``);
        ``InvalidValueError`` (a ValueError) if none."""
        return _PATTERNS[_pattern_value(name)]

    def scale(self, sourcing):
        """The ``Scale`` of ``"insource"`` or ``"outsource"`` (``"in"``, ``"インソース"`` … accepted)."""
        value = _sourcing_value(sourcing)
        if value not in _SOURCINGS:
            raise _from_c(ErrorCode.ESOURCING, 0, 0, "a scale needs a sourcing (insource or outsource)")
        return _SCALES[_SOURCING_ID[value]]

    def expected_sourcing(self, role, pattern):
        """``"insource"`` or ``"outsource"``: what ``pattern`` expects for ``role`` in this model."""
        index = self.role(role).index
        value = _pattern_value(pattern)
        if value == _capi.ISOMM_PATTERN_NONE:
            raise _from_c(ErrorCode.EPATTERN, 0, 0, "expected_sourcing needs a pattern")
        return _SOURCING_ID[_capi.isomm_expected_sourcing(self._h, index, value)]

    def to_dict(self):
        """The catalogue as the JSON object of ``isomm model --format json`` (name, functions,
        roles, domains, patterns, scales), as Python data."""
        return json.loads(_capi.isomm_model_render_json(self._h))

    def to_csv(self):
        """The model as a model CSV (str) that ``load_model_csv`` reads back; for the built-in
        model it equals ``roles-v2.1.csv``."""
        return _capi.isomm_model_write_csv_buffer(self._h).decode("utf-8")

    def __eq__(self, other):
        if not isinstance(other, Model):
            return NotImplemented
        return self is other or self.to_csv() == other.to_csv()

    def __hash__(self):
        return hash(self.to_csv())

    def __reduce__(self):
        # The built-in model unpickles to the one shared object; a loaded one from its model CSV.
        if self is default_model():
            return default_model, ()
        return _model_from_csv, (self.to_csv(), self.name)

    def __repr__(self):
        return f"<isomm.Model {self.name!r}>"


def _model_from_csv(text, name):
    """Unpickling helper: a model from its model CSV text."""
    return Model._wrap(_capi.isomm_model_load_csv_buffer(text.encode("utf-8"), name))


def _model_or_default(model):
    """``model`` checked to be a ``Model``; the built-in model for None."""
    if model is None:
        return default_model()
    if not isinstance(model, Model):
        raise TypeError(f"model must be an isomm.Model, not {type(model).__name__}")
    return model


@functools.lru_cache(maxsize=None)
def default_model():
    """The built-in ISOMM v2.1 ``Model`` (one shared read-only object)."""
    return Model._wrap(_capi.isomm_model_default())

