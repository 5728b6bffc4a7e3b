# SPDX-License-Identifier: MIT
"""Populations (counts only, mergeable) and benchmarks of one assessment against them
(ISOMM-MODEL.md section 8; the file layout is docs/POPULATION.md).

A Population holds no id, organisation, assessor, date or note: only how many
assessments had each function maturity, each overall maturity (at 0.01) and each answer per
role. benchmark() places one Assessment on it: percentiles and quartiles
per function and overall, and per role the shares of the rated population below, at and above.
"""

import html
import json
import os
import threading
from fractions import Fraction
from typing import NamedTuple, Optional, Tuple

from . import _capi
from .assessment import Assessment
from .csvio import _encoding_value, _size
from .errors import ErrorCode, _from_c
from .model import _SOURCING_ID, _lang_value, _model_or_default, default_model
from .result import _format_value

__all__ = ["Population", "Benchmark", "benchmark", "FunctionDistribution", "OverallDistribution", "RoleCounts",
           "Standing", "RoleStanding", "MIN_SIZE"]

MIN_SIZE = _capi.ISOMM_POPULATION_MIN_SIZE
"""Default smallest population a benchmark accepts (and smallest count behind any one figure)."""

_UNANSWERED = _capi.ISOMM_UNANSWERED
_STANDING_ID = {_capi.ISOMM_STANDING_NONE: None, _capi.ISOMM_STANDING_BELOW: "below",
                _capi.ISOMM_STANDING_AT: "at", _capi.ISOMM_STANDING_ABOVE: "above"}


class FunctionDistribution(NamedTuple):
    """One function's counts in a Population.

    Attributes:
        code: function code ``"A"`` … ``"I"``.
        without_maturity: assessments in which the function has no maturity (all roles at level 0).
        maturities: ``{Fraction: count}`` in ascending order, exact (a maturity is sum / count).
    """

    code: str
    without_maturity: int
    maturities: dict


class OverallDistribution(NamedTuple):
    """The overall maturities of a Population at 0.01: ``{Fraction(hundredths, 100): count}``."""

    without_maturity: int
    maturities: dict


class RoleCounts(NamedTuple):
    """One role's counts: assessments per level 0-5 on each sourcing, and unanswered."""

    code: str
    insource: Tuple[int, ...]
    outsource: Tuple[int, ...]
    unanswered: int


class Standing(NamedTuple):
    """Where an assessment stands on one function (or overall, ``code`` None) of a population.

    Attributes:
        maturity: the assessment's maturity, None when it has none.
        population: population assessments that have this maturity (N).
        percentile: 100 × (below + equal / 2) / N, None without maturity or when N is below the minimum.
        quartiles: (lower, median, upper) by nearest rank, None when N is below the minimum.
    """

    code: Optional[str]
    maturity: Optional[float]
    population: int
    percentile: Optional[float]
    quartiles: Optional[Tuple[float, float, float]]


class RoleStanding(NamedTuple):
    """Where an assessment's role stands among the population that rated it (level 1-5).

    Attributes:
        level, sourcing: the assessment's answer (None when unanswered).
        rated: population assessments that answered the role at level 1-5.
        below, same, above: shares 0-1 of them below, at and above ``level``; None when the role
            is unanswered or at level 0, or fewer than the minimum rated it.
        standing: ``"below"``, ``"at"`` or ``"above"`` most of the population, or None.
        common_sourcing: the sourcing most of them chose; None on a tie or below the minimum.
    """

    code: str
    level: Optional[int]
    sourcing: Optional[str]
    rated: int
    below: Optional[float]
    same: Optional[float]
    above: Optional[float]
    standing: Optional[str]
    common_sourcing: Optional[str]


def _check_assessment(a):
    if not isinstance(a, Assessment):
        raise TypeError(f"assessment must be an isomm.Assessment, not {type(a).__name__}")


def _min_size(value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"min_size must be an int, not {type(value).__name__}")
    if value < 1:
        raise _from_c(ErrorCode.EOPTIONS, 0, 0, f"min_size must be at least 1, not {value}")
    return value


def _pickled_model(model):
    """What a pickle carries for a model: None for the built-in catalogue (any model with its content)."""
    builtin = default_model()
    return None if (model.roles, model.functions) == (builtin.roles, builtin.functions) else model


class Population:
    """Counts of many assessments, mergeable, that reveal no single one of them.

    ``Population(model=None)`` starts empty. add() counts assessments in (they are not kept),
    add_csv() streams a CSV file in, merge() adds another population's counts;
    the result never depends on order or grouping. save() / load() write and read the
    documented JSON file. Populations compare equal when their counts are equal, and pickle.
    """

    def __init__(self, model=None):
        self._model = _model_or_default(model)
        self._h = _capi.isomm_population_new(self._model._h)
        self._snapshot = None  # a frozen copy that benchmarks share until the population changes
        # C calls that read or change the counts may run without the GIL (a CSV, a benchmark): one
        # thread at a time per population
        self._lock = threading.RLock()

    @classmethod
    def _wrap(cls, handle, model):
        p = cls.__new__(cls)
        p._model = model
        p._h = handle
        p._snapshot = None
        p._lock = threading.RLock()
        return p

    @classmethod
    def from_csv(cls, paths, model=None, *, encoding="utf-8", max_field_bytes=None):
        """The population of every assessment in one CSV path or a list of them, each streamed."""
        p = cls(model)
        for path in [paths] if isinstance(paths, (str, bytes, os.PathLike)) else paths:
            p.add_csv(path, encoding=encoding, max_field_bytes=max_field_bytes)
        return p

    @property
    def model(self):
        """The Model of every assessment counted."""
        return self._model

    def _changed(self):
        self._snapshot = None

    def add(self, assessments):
        """Count in one Assessment or every one of an iterable; returns self.
        ModelError for an assessment of another model (the population is then
        unchanged by it)."""
        if isinstance(assessments, Assessment):
            assessments = (assessments,)
        for a in assessments:
            _check_assessment(a)
            with self._lock:
                _capi.isomm_population_add(self._h, a._h)
                self._changed()
        return self

    def add_csv(self, path, *, encoding="utf-8", max_field_bytes=None):
        """Count in every assessment of a CSV file, streamed in bounded memory, all or nothing (on
        a ParseError the population is unchanged). Returns how many were added."""
        path, enc, limit = os.fsdecode(path), _encoding_value(encoding), _size(max_field_bytes, "max_field_bytes")
        with self._lock:
            _, added = _capi.isommpy_population_add_csv_file(self._h, path, self._model._h, enc, limit)
            self._changed()
        return added

    def merge(self, other):
        """Add the counts of another Population; returns self."""
        if not isinstance(other, Population):
            raise TypeError(f"other must be an isomm.Population, not {type(other).__name__}")
        first, second = sorted((self, other), key=id)  # one order of locks: no two merges deadlock
        with first._lock, second._lock:
            _capi.isomm_population_merge(self._h, other._h)
            self._changed()
        return self

    def copy(self):
        """An independent population with the same counts."""
        with self._lock:
            return Population._wrap(_capi.isomm_population_copy(self._h), self._model)

    __copy__ = copy

    def __len__(self):
        with self._lock:
            return _capi.isomm_population_count(self._h)

    @property
    def count(self):
        """Number of assessments counted."""
        return len(self)

    def __eq__(self, other):
        if not isinstance(other, Population):
            return NotImplemented
        first, second = sorted((self, other), key=id)
        with first._lock, second._lock:
            return bool(_capi.isomm_population_equal(self._h, other._h))

    __hash__ = None

    # ---- the file ----

    def to_json(self):
        """The population file as text (docs/POPULATION.md)."""
        with self._lock:
            return _capi.isommpy_population_to_json(self._h).decode("utf-8")

    @classmethod
    def from_json(cls, data, model=None):
        """A population from the text or bytes of a population file. Every count is checked: an
        inconsistent file raises ParseError with ``.line``, ``.column`` and the reason."""
        model = _model_or_default(model)
        if isinstance(data, str):
            data = data.encode("utf-8")
        return cls._wrap(_capi.isommpy_population_load_buffer(data, model._h), model)

    def save(self, path):
        """Write the population file to ``path``; a failed write leaves an existing file as it was."""
        path = os.fsdecode(path)
        with self._lock:
            _capi.isommpy_population_save(self._h, path)

    @classmethod
    def load(cls, path, model=None):
        """Read a population file (from_json() checks; a missing file raises FileError)."""
        model = _model_or_default(model)
        return cls._wrap(_capi.isommpy_population_load(os.fsdecode(path), model._h), model)

    def __reduce__(self):
        return (_population_from_json, (self.to_json().encode("utf-8"), _pickled_model(self._model)))

    # ---- the counts ----

    def _counts(self):
        with self._lock:
            return _capi.isommpy_population_counts(self._h)

    @property
    def functions(self):
        """Nine FunctionDistribution lines, A … I."""
        _, functions, _, _ = self._counts()
        return tuple(FunctionDistribution(f.code, none, {Fraction(n, d): c for n, d, c in values})
                     for f, (none, values) in zip(self._model.functions, functions))

    @property
    def overall(self):
        """The OverallDistribution of the overall maturity at 0.01."""
        _, _, (none, values), _ = self._counts()
        return OverallDistribution(none, {Fraction(h, 100): c for h, c in values})

    @property
    def roles(self):
        """54 RoleCounts lines in catalogue order."""
        _, _, _, roles = self._counts()
        return tuple(RoleCounts(r.code, tuple(ins), tuple(outs), unanswered)
                     for r, (unanswered, ins, outs) in zip(self._model.roles, roles))

    def benchmark(self, assessment, *, min_size=MIN_SIZE):
        """benchmark() of ``assessment`` against this population."""
        return Benchmark(assessment, self, min_size)

    def _frozen(self):
        with self._lock:
            if self._snapshot is None:
                self._snapshot = self.copy()
            return self._snapshot

    def __repr__(self):
        return f"<isomm.Population of {len(self)} assessments>"

    def _repr_html_(self):
        rows = []
        for f in self.functions:
            n = sum(f.maturities.values())
            mean = sum(v * c for v, c in f.maturities.items()) / n if n else None
            rows.append(f"<tr><td><b>{f.code}</b></td><td>{n}</td><td>{f.without_maturity}</td>"
                        f"<td>{'—' if mean is None else f'{float(mean):.2f}'}</td></tr>")
        return (f"<div class='isomm-population'><p>{len(self)} assessments</p><table><tr><th>function</th>"
                f"<th>with maturity</th><th>without</th><th>mean</th></tr>{''.join(rows)}</table></div>")


def _population_from_json(data, model):
    return Population.from_json(data, model)


def _benchmark_from(assessment_csv, population, min_size, model):
    model = _model_or_default(model)
    handles = _capi.isommpy_csv_read_buffer(assessment_csv, model._h, _encoding_value("utf-8"), 0)
    return Benchmark(Assessment._wrap(handles[0], model), population, min_size)


class Benchmark:
    """One assessment placed on a population, made by benchmark().

    Attributes:
        assessment: the assessment's id.
        population: number of assessments of the population.
        min_size: the minimum size the benchmark was made with.
        functions: nine Standing lines, A … I; ``overall``: the overall Standing.
        roles: 54 RoleStanding lines in catalogue order.
    """

    def __init__(self, assessment, population, min_size=MIN_SIZE):
        _check_assessment(assessment)
        if not isinstance(population, Population):
            raise TypeError(f"population must be an isomm.Population, not {type(population).__name__}")
        self._min_size = _min_size(min_size)
        self._model = population.model
        with population._lock:
            self._h = _capi.isommpy_population_benchmark(population._h, assessment._h, self._min_size)
        # what the benchmark was made of, for pickling: a copy of the assessment, and the
        # population as it was (a frozen copy, shared by every benchmark until the population changes)
        self._source = (assessment.copy(), population._frozen())

    @property
    def assessment(self):
        """The benchmarked assessment's id."""
        return _capi.isomm_benchmark_id(self._h)

    @property
    def population(self):
        """Number of assessments of the population benchmarked against."""
        return _capi.isomm_benchmark_population(self._h)

    @property
    def min_size(self):
        """The minimum size the benchmark was made with (figures on fewer are left out)."""
        return self._min_size

    @staticmethod
    def _standing(code, v):
        return Standing(code, v.maturity if v.has_maturity else None, v.population,
                        v.percentile if v.has_percentile else None,
                        _capi.isommpy_benchmark_quartiles(v) if v.has_quartiles else None)

    @property
    def functions(self):
        """Nine Standing lines, A … I."""
        return tuple(self._standing(f.code, _capi.isomm_benchmark_function(self._h, f.index))
                     for f in self._model.functions)

    @property
    def overall(self):
        """The overall Standing (``code`` None); its percentile places the maturity at 0.01."""
        return self._standing(None, _capi.isomm_benchmark_overall(self._h))

    @property
    def roles(self):
        """54 RoleStanding lines in catalogue order."""
        out = []
        for role in self._model.roles:
            r = _capi.isomm_benchmark_role(self._h, role.index)
            shares = bool(r.has_shares)
            out.append(RoleStanding(role.code, None if r.level == _UNANSWERED else r.level, _SOURCING_ID[r.sourcing],
                                    r.rated, r.below if shares else None, r.same if shares else None,
                                    r.above if shares else None, _STANDING_ID[r.standing],
                                    _SOURCING_ID[r.common_sourcing]))
        return tuple(out)

    def render(self, format="text", lang=None):
        """The benchmark as a document (str): ``"text"``, ``"markdown"``, ``"json"`` (a one-element
        array, as ``isomm benchmark --format json``), ``"html"`` (a printable page) or ``"svg"``
        (the radar with the population's interquartile band and median). ``lang`` is ``"ja"``,
        ``"en"`` or None for ``isomm.options.lang``."""
        return _capi.isommpy_benchmark_render([self._h], _format_value(format), _lang_value(lang)).decode("utf-8")

    def to_dict(self):
        """The JSON object of ``isomm benchmark --format json`` for this assessment, as Python data."""
        return json.loads(self.render("json"))[0]

    def records(self):
        """One dict per function and one for the overall (``code`` None), ready for ``pandas.DataFrame``:
        code, maturity, population, percentile, lower, median, upper."""
        out = []
        for s in self.functions + (self.overall,):
            q = s.quartiles or (None, None, None)
            out.append({"code": s.code, "maturity": s.maturity, "population": s.population,
                        "percentile": s.percentile, "lower": q[0], "median": q[1], "upper": q[2]})
        return out

    def role_records(self):
        """The role lines as a list of dicts, ready for ``pandas.DataFrame``."""
        return [r._asdict() for r in self.roles]

    def to_frame(self):
        """records() as a pandas DataFrame indexed by code ("overall" for the overall line)."""
        pd = _pandas()
        frame = pd.DataFrame(self.records())
        frame["code"] = frame["code"].fillna("overall")
        return frame.set_index("code")

    def role_frame(self):
        """role_records() as a pandas DataFrame indexed by role code."""
        pd = _pandas()
        return pd.DataFrame(self.role_records()).set_index("code")

    def __eq__(self, other):
        if not isinstance(other, Benchmark):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    __hash__ = None

    def __reduce__(self):
        assessment, population = self._source
        data = _capi.isommpy_csv_write_buffer([assessment._h], _encoding_value("utf-8"), 0)
        return (_benchmark_from, (data, population, self._min_size, _pickled_model(self._model)))

    def __repr__(self):
        return f"<isomm.Benchmark of {self.assessment!r} against {self.population} assessments>"

    def _repr_html_(self):
        def cell(v):
            return "—" if v is None else f"{v:.1f}"
        rows = "".join(f"<tr><td><b>{html.escape(r['code'] or '')}</b></td><td>{cell(r['maturity'])}</td>"
                       f"<td>{cell(r['percentile'])}</td><td>{cell(r['lower'])}</td><td>{cell(r['median'])}</td>"
                       f"<td>{cell(r['upper'])}</td></tr>" for r in self.records())
        return (f"<div class='isomm-benchmark'><p>{html.escape(self.assessment)}: "
                f"{self.population} assessments</p>{self.render('svg')}<table><tr><th></th><th>maturity</th>"
                f"<th>percentile</th><th>lower</th><th>median</th><th>upper</th></tr>{rows}</table></div>")


def _pandas():
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the installation
        raise ImportError("isomm: DataFrame views need pandas (Debian: python3-pandas)") from e
    return pandas


def benchmark(assessment, population, *, min_size=MIN_SIZE):
    """Place one Assessment on a Population; returns a Benchmark
    with the data of ``isomm benchmark``. A population below ``min_size`` assessments (default 5,
    too few to hide an individual) raises InvalidValueError; one of another model
    raises ModelError."""
    return Benchmark(assessment, population, min_size)
