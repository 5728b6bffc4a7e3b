# SPDX-License-Identifier: MIT
"""Every public class, function, method and property of isomm has a docstring."""

import inspect

import isomm


def undocumented():
    missing = []
    for name in isomm.__all__:
        obj = getattr(isomm, name)
        if not inspect.getdoc(obj):
            missing.append(name)
        if not inspect.isclass(obj):
            continue
        for attr, value in vars(obj).items():
            if attr.startswith("_") or attr in getattr(obj, "_fields", ()):
                continue
            if callable(value) or isinstance(value, property) or hasattr(value, "__set_name__"):
                if not (getattr(value, "__doc__", None) or "").strip():
                    missing.append(f"{name}.{attr}")
    return missing


def test_everything_public_is_documented():
    assert undocumented() == []


def test_module_docstrings():
    for module in (isomm, isomm.errors, isomm.model, isomm.assessment, isomm.result, isomm.csvio, isomm.compare):
        assert inspect.getdoc(module)
