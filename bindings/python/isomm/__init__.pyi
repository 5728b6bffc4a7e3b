# SPDX-License-Identifier: MIT
# Type information of the public API of isomm (PEP 561; the package has a py.typed marker).
# Every name of isomm.__all__ is declared here; tests/test_typing.py checks that, and runs
# mypy --strict on a sample user script.
import datetime
from fractions import Fraction
import enum
import os
from dataclasses import dataclass
from typing import IO, Any, Iterable, Iterator, Literal, Mapping, NamedTuple, Optional, Tuple, Union

_DataFrame = Any  # a _DataFrame (pandas is optional and ships no type information)

_Path = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]
_Source = Union[_Path, IO[str], IO[bytes]]
_Target = Union[_Path, IO[str], IO[bytes]]
_Lang = Literal["ja", "en"]
_Encoding = Literal["utf-8", "utf8", "cp932", "shift_jis", "shift-jis", "sjis"]
_Sourcing = str
_Level = Union[int, float]
_PatternArg = Union[str, "Pattern", None]
_Format = Literal["text", "markdown", "json", "html", "svg", "svg-radar", "svg-roles", "svg-heatmap"]

__version__: str
__all__: list[str]

# ---- errors ----

class ErrorCode(enum.IntEnum):
    EINVAL = -1
    ENOMEM = -2
    EROLE = -3
    ELEVEL = -4
    ESOURCING = -5
    EPATTERN = -6
    EDATE = -7
    EOPTIONS = -8
    EPARSE = -9
    EHEADER = -10
    EDUPLICATE = -11
    ECONFLICT = -12
    ELIMIT = -13
    EENCODING = -14
    EIO = -15
    EMODEL = -16
    EEMPTY = -17
    ERANGE = -18

class Error(Exception):
    code: ErrorCode
    message: str
    def __init__(self, code: int, message: str) -> None: ...
    @property
    def description(self) -> str: ...

class ParseError(Error, ValueError):
    line: int
    column: int
    filename: Optional[str]
    where: Optional[str]
    def __init__(self, code: int, message: str, line: int = ..., column: int = ...,
                 filename: Optional[str] = ..., where: Optional[str] = ...) -> None: ...

class UnknownRoleError(Error, KeyError): ...
class InvalidValueError(Error, ValueError): ...

class FileError(Error, OSError):
    def __init__(self, code: int, message: str, errno: Optional[int] = ..., filename: Optional[str] = ...) -> None: ...

class MissingFileError(FileError, FileNotFoundError): ...
class FilePermissionError(FileError, PermissionError): ...
class ModelError(Error): ...
class OutOfMemoryError(Error, MemoryError): ...

# ---- options ----

class Options:
    def __init__(self, environ: Optional[Mapping[str, str]] = ...) -> None: ...
    @property
    def lang(self) -> _Lang: ...
    @lang.setter
    def lang(self, value: _Lang) -> None: ...
    @property
    def heatmap_max_assessments(self) -> int: ...
    @heatmap_max_assessments.setter
    def heatmap_max_assessments(self, value: int) -> None: ...

options: Options

# ---- model ----

@dataclass(frozen=True)
class Role:
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
    id: str
    name_ja: str
    name_en: str
    insourced_domains: Tuple[str, ...]
    outsourced_domains: Tuple[str, ...]

@dataclass(frozen=True)
class ScaleLevel:
    sourcing: str
    level: int
    text_ja: str
    text_en: str

@dataclass(frozen=True)
class Scale:
    sourcing: str
    levels: Tuple[ScaleLevel, ...]
    def __getitem__(self, level: int) -> ScaleLevel: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[ScaleLevel]: ...

class Model:
    @property
    def name(self) -> str: ...
    @property
    def roles(self) -> Tuple[Role, ...]: ...
    @property
    def functions(self) -> Tuple[Function, ...]: ...
    @property
    def patterns(self) -> Tuple[Pattern, ...]: ...
    @property
    def scales(self) -> Mapping[str, Scale]: ...
    def role(self, code: str) -> Role: ...
    def function(self, code: str) -> Function: ...
    def pattern(self, name: Union[str, Pattern]) -> Pattern: ...
    def scale(self, sourcing: str) -> Scale: ...
    def expected_sourcing(self, role: str, pattern: Union[str, Pattern]) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_csv(self) -> str: ...

def default_model() -> Model: ...

# ---- assessments ----

class Answer(NamedTuple):
    role: str
    sourcing: Optional[str]
    level: Optional[int]
    note: Optional[str] = ...
    @property
    def answered(self) -> bool: ...

class Assessment:
    id: str
    organization: Optional[str]
    assessor: Optional[str]
    date: Optional[str]
    current_pattern: Optional[str]
    target_pattern: Optional[str]
    def __init__(self, model: Optional[Model] = ..., *, id: Optional[str] = ..., organization: Optional[str] = ...,
                 assessor: Optional[str] = ..., date: Union[str, datetime.date, None] = ...,
                 current_pattern: _PatternArg = ..., target_pattern: _PatternArg = ...) -> None: ...
    @property
    def model(self) -> Model: ...
    def set(self, role: str, sourcing: _Sourcing, level: _Level, note: Optional[str] = ...) -> None: ...
    def set_note(self, role: str, note: Optional[str]) -> None: ...
    def unset(self, role: str) -> None: ...
    def __getitem__(self, role: str) -> Answer: ...
    def __setitem__(self, role: str, answer: Union[Answer, Tuple[Optional[str], Optional[_Level]],
                                                   Tuple[Optional[str], Optional[_Level], Optional[str]]]) -> None: ...
    def __delitem__(self, role: str) -> None: ...
    def __contains__(self, role: object) -> bool: ...
    def __iter__(self) -> Iterator[Answer]: ...
    def __len__(self) -> int: ...
    @property
    def answered_count(self) -> int: ...
    @property
    def answered(self) -> Tuple[Answer, ...]: ...
    @property
    def unanswered(self) -> Tuple[str, ...]: ...
    def answers(self) -> Tuple[Answer, ...]: ...
    def records(self) -> list[dict[str, Any]]: ...
    def copy(self) -> Assessment: ...
    def evaluate(self, target: _PatternArg = ..., *, strengths: int = ..., list_size: int = ...) -> Result: ...

# ---- results ----

class FunctionResult(NamedTuple):
    code: str
    name_ja: str
    name_en: str
    maturity: Optional[float]
    rated_roles: int
    excluded_roles: int
    unanswered_roles: int

class RoleResult(NamedTuple):
    code: str
    function: str
    domain: str
    sourcing: Optional[str]
    level: Optional[int]
    score: int
    expected_sourcing: Optional[str]
    note: Optional[str]

class Highlight(NamedTuple):
    function: str
    maturity: float
    comment_ja: str
    comment_en: str

class PatternFit(NamedTuple):
    pattern: str
    mismatches: int
    current_pattern_mismatches: Optional[int]

class EvaluationWarning(NamedTuple):
    id: str
    text_ja: str
    text_en: str

class Result:
    @property
    def assessment(self) -> Assessment: ...
    @property
    def model(self) -> Model: ...
    @property
    def functions(self) -> Tuple[FunctionResult, ...]: ...
    @property
    def function_maturity(self) -> dict[str, Optional[float]]: ...
    @property
    def overall_maturity(self) -> Optional[float]: ...
    @property
    def roles(self) -> Tuple[RoleResult, ...]: ...
    @property
    def strengths(self) -> Tuple[Highlight, ...]: ...
    @property
    def weaknesses(self) -> Tuple[Highlight, ...]: ...
    @property
    def list_pattern(self) -> Optional[str]: ...
    @property
    def recommendations(self) -> Mapping[str, Tuple[str, ...]]: ...
    @property
    def pattern_fit(self) -> PatternFit: ...
    def mismatches(self, pattern: Union[str, Pattern]) -> int: ...
    @property
    def unanswered(self) -> Tuple[str, ...]: ...
    @property
    def warnings(self) -> Tuple[EvaluationWarning, ...]: ...
    @property
    def action_plan(self) -> Tuple[str, ...]: ...
    def next_step(self, code: str, lang: Optional[_Lang] = ...) -> Tuple[Optional[int], Optional[str]]: ...
    def function_records(self) -> list[dict[str, Any]]: ...
    def role_records(self) -> list[dict[str, Any]]: ...
    def render(self, format: _Format = ..., lang: Optional[_Lang] = ..., *, second: Optional[Result] = ...,
               second_label: Optional[str] = ...) -> str: ...
    def to_dict(self, lang: Optional[_Lang] = ...) -> dict[str, Any]: ...
    def save(self, target: _Target, format: _Format = ..., lang: Optional[_Lang] = ...) -> None: ...
    def to_xlsx(self, path: _Path, lang: Optional[_Lang] = ...) -> None: ...

def render_report(results: Iterable[Result], format: _Format = ..., lang: Optional[_Lang] = ...) -> str: ...

# ---- comparison and aggregation ----

class RoleChange(NamedTuple):
    code: str
    old_level: Optional[int]
    new_level: Optional[int]
    level_change: Optional[int]
    old_sourcing: Optional[str]
    new_sourcing: Optional[str]
    sourcing_changed: bool

class FunctionChange(NamedTuple):
    code: str
    old: Optional[float]
    new: Optional[float]
    change: Optional[float]

class RoleStats(NamedTuple):
    code: str
    count: int  # type: ignore[assignment]  # the field shadows tuple.count, as at run time
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
    code: str
    count: int  # type: ignore[assignment]  # the field shadows tuple.count, as at run time
    mean: Optional[float]
    min: Optional[float]
    max: Optional[float]

class Comparison:
    old_id: str
    new_id: str
    roles: Tuple[RoleChange, ...]
    functions: Tuple[FunctionChange, ...]
    improved: int
    declined: int
    unchanged: int
    not_compared: int
    def __init__(self, old: Assessment, new: Assessment) -> None: ...
    def render(self, format: _Format = ..., lang: Optional[_Lang] = ...) -> str: ...
    def to_dict(self, lang: Optional[_Lang] = ...) -> dict[str, Any]: ...
    def role_records(self) -> list[dict[str, Any]]: ...
    def function_records(self) -> list[dict[str, Any]]: ...

class Aggregate:
    def __init__(self, model: Optional[Model] = ...) -> None: ...
    def add(self, assessment: Assessment) -> Aggregate: ...
    def add_csv(self, source: _Source, *, encoding: _Encoding = ..., max_field_bytes: Optional[int] = ...) -> int: ...
    def merge(self, other: Aggregate) -> Aggregate: ...
    def save(self) -> bytes: ...
    @classmethod
    def load(cls, data: bytes, model: Optional[Model] = ...) -> Aggregate: ...
    def copy(self) -> Aggregate: ...
    def __len__(self) -> int: ...
    @property
    def model(self) -> Model: ...
    @property
    def count(self) -> int: ...
    @property
    def roles(self) -> Tuple[RoleStats, ...]: ...
    @property
    def functions(self) -> Tuple[FunctionStats, ...]: ...
    @property
    def disagreements(self) -> Tuple[str, ...]: ...
    def render(self, format: _Format = ..., lang: Optional[_Lang] = ...) -> str: ...
    def to_dict(self, lang: Optional[_Lang] = ...) -> dict[str, Any]: ...
    def role_records(self) -> list[dict[str, Any]]: ...
    def function_records(self) -> list[dict[str, Any]]: ...

def compare(old: Assessment, new: Assessment) -> Comparison: ...
def aggregate(assessments: Iterable[Assessment], model: Optional[Model] = ...) -> Aggregate: ...

# ---- CSV ----

def read_csv(source: _Source, *, model: Optional[Model] = ..., encoding: _Encoding = ...,
             max_field_bytes: Optional[int] = ..., lenient_levels: bool = ...) -> list[Assessment]: ...
def iter_csv(source: _Source, *, model: Optional[Model] = ..., encoding: _Encoding = ...,
             max_field_bytes: Optional[int] = ...) -> Iterator[Assessment]: ...
def write_csv(target: _Target, assessments: Union[Assessment, Iterable[Assessment]], *, encoding: _Encoding = ...,
              bom: bool = ...) -> None: ...
class Problems(list[ParseError]):
    truncated: bool
    assessments: int
    def __init__(self, problems: Iterable[ParseError] = ..., *, truncated: bool = ..., assessments: int = ...) -> None: ...

def validate_csv(source: _Source, *, model: Optional[Model] = ..., encoding: _Encoding = ...,
                 max_errors: Optional[int] = ...) -> Problems: ...
def csv_template(*, model: Optional[Model] = ..., lang: Optional[_Lang] = ...) -> str: ...
def load_model_csv(source: _Source) -> Model: ...

# ---- workbooks ----

def read_xlsx(source: Union[_Path, IO[bytes]], *, model: Optional[Model] = ..., max_inflated_bytes: Optional[int] = ...,
              max_elements: Optional[int] = ...) -> list[Assessment]: ...
def xlsx_template(path: _Path, *, lang: Optional[_Lang] = ..., model: Optional[Model] = ...) -> None: ...
def write_xlsx_report(path: _Path, results: Union[Result, Iterable[Result]], *, lang: Optional[_Lang] = ...) -> None: ...

# ---- data frames (pandas) ----

def evaluate_frame(source: _Source, *, target: _PatternArg = ..., model: Optional[Model] = ...,
                   encoding: _Encoding = ..., max_field_bytes: Optional[int] = ...) -> _DataFrame: ...
def answers_frame(source: _Source, *, model: Optional[Model] = ..., encoding: _Encoding = ...,
                  max_field_bytes: Optional[int] = ...) -> _DataFrame: ...
def from_frame(frame: _DataFrame, *, model: Optional[Model] = ...) -> list[Assessment]: ...

# ---- populations and benchmarks (issue 16) ----

class FunctionDistribution(NamedTuple):
    code: str
    without_maturity: int
    maturities: dict[Fraction, int]

class OverallDistribution(NamedTuple):
    without_maturity: int
    maturities: dict[Fraction, int]

class RoleCounts(NamedTuple):
    code: str
    insource: Tuple[int, ...]
    outsource: Tuple[int, ...]
    unanswered: int

class Standing(NamedTuple):
    code: Optional[str]
    maturity: Optional[float]
    population: int
    percentile: Optional[float]
    quartiles: Optional[Tuple[float, float, float]]

class RoleStanding(NamedTuple):
    code: str
    level: Optional[int]
    sourcing: Optional[str]
    rated: int
    below: Optional[float]
    same: Optional[float]
    above: Optional[float]
    standing: Optional[Literal["below", "at", "above"]]
    common_sourcing: Optional[str]

class Population:
    def __init__(self, model: Optional[Model] = ...) -> None: ...
    @classmethod
    def from_csv(cls, paths: Union[_Path, Iterable[_Path]], model: Optional[Model] = ..., *,
                 encoding: _Encoding = ..., max_field_bytes: Optional[int] = ...) -> Population: ...
    @property
    def model(self) -> Model: ...
    def add(self, assessments: Union[Assessment, Iterable[Assessment]]) -> Population: ...
    def add_csv(self, path: _Path, *, encoding: _Encoding = ..., max_field_bytes: Optional[int] = ...) -> int: ...
    def merge(self, other: Population) -> Population: ...
    def copy(self) -> Population: ...
    def __len__(self) -> int: ...
    @property
    def count(self) -> int: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, data: Union[str, bytes], model: Optional[Model] = ...) -> Population: ...
    def save(self, path: _Path) -> None: ...
    @classmethod
    def load(cls, path: _Path, model: Optional[Model] = ...) -> Population: ...
    @property
    def functions(self) -> Tuple[FunctionDistribution, ...]: ...
    @property
    def overall(self) -> OverallDistribution: ...
    @property
    def roles(self) -> Tuple[RoleCounts, ...]: ...
    def benchmark(self, assessment: Assessment, *, min_size: int = ...) -> Benchmark: ...

class Benchmark:
    def __init__(self, assessment: Assessment, population: Population, min_size: int = ...) -> None: ...
    @property
    def assessment(self) -> str: ...
    @property
    def population(self) -> int: ...
    @property
    def min_size(self) -> int: ...
    @property
    def functions(self) -> Tuple[Standing, ...]: ...
    @property
    def overall(self) -> Standing: ...
    @property
    def roles(self) -> Tuple[RoleStanding, ...]: ...
    def render(self, format: Literal["text", "markdown", "json", "html", "svg", "svg-radar"] = ...,
               lang: Optional[_Lang] = ...) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def records(self) -> list[dict[str, Any]]: ...
    def role_records(self) -> list[dict[str, Any]]: ...
    def to_frame(self) -> _DataFrame: ...
    def role_frame(self) -> _DataFrame: ...

def benchmark(assessment: Assessment, population: Population, *, min_size: int = ...) -> Benchmark: ...
