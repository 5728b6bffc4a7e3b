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

Errors are exceptions derived from :class:`isomm.Error`.
"""

from . import _capi
from .assessment import Answer, Assessment
from .compare import (Aggregate, Comparison, FunctionChange, FunctionStats, RoleChange, RoleStats, aggregate,
                      compare)
from .csvio import Problems, csv_template, iter_csv, load_model_csv, read_csv, validate_csv, write_csv
from .errors import (Error, ErrorCode, FileError, InvalidValueError, ModelError, OutOfMemoryError, ParseError,
                     UnknownRoleError)
from .model import Function, Model, Pattern, Role, Scale, ScaleLevel, default_model
from .result import EvaluationWarning, FunctionResult, Highlight, PatternFit, Result, RoleResult, render_report
from .xlsxio import read_xlsx, write_xlsx_report, xlsx_template

__version__ = _capi.isomm_version_string()
"""Version of the C library the bindings run on, ``"MAJOR.MINOR.PATCH"``."""

__all__ = [
    "Aggregate", "Answer", "Assessment", "Comparison", "Error", "ErrorCode", "EvaluationWarning", "FileError",
    "Function", "FunctionChange", "FunctionResult", "FunctionStats", "Highlight", "InvalidValueError", "Model",
    "ModelError", "OutOfMemoryError", "ParseError", "Pattern", "Problems", "PatternFit", "Result", "Role", "RoleChange",
    "RoleResult", "RoleStats", "Scale", "ScaleLevel", "UnknownRoleError", "aggregate", "compare", "csv_template",
    "default_model", "iter_csv", "load_model_csv", "read_csv", "read_xlsx", "render_report", "validate_csv", "write_csv",
    "write_xlsx_report", "xlsx_template",
]
