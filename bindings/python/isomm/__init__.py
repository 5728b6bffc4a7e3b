# SPDX-License-Identifier: MIT
"""libisomm for Python: the ISOG-J SOC/CSIRT maturity model (ISOMM v2.1).

Quick start::

    import isomm
    m = isomm.default_model()
    m.role("E-2").domain                      # "II"
    a = isomm.Assessment(current_pattern="hybrid", target_pattern="minimum-outsource")
    a.set("E-2", "insource", 1, note="…")
    r = a.evaluate()
    r.function_maturity, r.overall_maturity, r.strengths, r.recommendations, r.pattern_fit
    r.to_dict(), r.render("html")             # the JSON object / the HTML page of `isomm report`
    assessments = isomm.read_csv("answers.csv")   # isomm.write_csv("copy.csv", assessments)
    isomm.compare(assessments[0], assessments[1]); isomm.aggregate(assessments)
    df = isomm.evaluate_frame("answers.csv")  # pandas: one row per assessment
    pop = isomm.Population.from_csv(["peers.csv"]); isomm.benchmark(assessments[0], pop)

Errors are exceptions derived from ``isomm.Error`` (see ``isomm.errors``).

Languages: where a call names no ``lang``, ``isomm.options.lang`` applies (``"ja"`` or
``"en"``; by default Japanese when the environment's locale is Japanese, else English).

Processes: every object and exception pickles, so ``multiprocessing``, ``concurrent.futures``
and Dask carry them between processes; aggregates merge (``Aggregate.merge``).

Threads: models, results and comparisons never change and may be shared freely. An Assessment
may be shared too (a change made while another thread evaluates or writes it does not affect
that thread's work). An Aggregate has a lock of its own, held by every method, so threads may
add to one aggregate at once. The C library releases the GIL while it reads, evaluates and
renders, so threads working on different objects run in parallel.
"""

from . import _capi
from .assessment import Answer, Assessment
from .compare import (Aggregate, Comparison, FunctionChange, FunctionStats, RoleChange, RoleStats, aggregate,
                      compare)
from .csvio import Problems, csv_template, iter_csv, load_model_csv, read_csv, validate_csv, write_csv
from .errors import (Error, ErrorCode, FileError, FilePermissionError, InvalidValueError, MissingFileError,
                     ModelError, OutOfMemoryError, ParseError, UnknownRoleError)
from .frame import answers_frame, evaluate_frame, from_frame
from .model import Function, Model, Pattern, Role, Scale, ScaleLevel, default_model
from .options import Options, options
from .result import EvaluationWarning, FunctionResult, Highlight, PatternFit, Result, RoleResult, render_report
from .xlsxio import read_xlsx, write_xlsx_report, xlsx_template

__version__ = _capi.isomm_version_string()
"""Version of the C library the bindings run on, ``"MAJOR.MINOR.PATCH"``."""

__all__ = [
    "Aggregate", "Answer", "Assessment", "Comparison", "Error", "ErrorCode", "EvaluationWarning", "FileError",
    "FilePermissionError", "Function", "FunctionChange", "FunctionResult", "FunctionStats", "Highlight",
    "InvalidValueError", "MissingFileError", "Model", "ModelError", "Options", "OutOfMemoryError", "ParseError",
    "Pattern", "PatternFit", "Problems", "Result", "Role", "RoleChange", "RoleResult", "RoleStats", "Scale",
    "ScaleLevel", "UnknownRoleError", "aggregate", "answers_frame", "compare", "csv_template", "default_model",
    "evaluate_frame", "from_frame", "iter_csv", "load_model_csv", "options", "read_csv", "read_xlsx",
    "render_report", "validate_csv", "write_csv", "write_xlsx_report", "xlsx_template",
]

# Populations and benchmarks (issue 16)
from .population import (Benchmark, FunctionDistribution, OverallDistribution, Population,  # noqa: E402
                         RoleCounts, RoleStanding, Standing, benchmark)

__all__ += ["Benchmark", "FunctionDistribution", "OverallDistribution", "Population", "RoleCounts", "RoleStanding",
            "Standing", "benchmark"]
