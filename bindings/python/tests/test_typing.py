# SPDX-License-Identifier: MIT
"""Type information (issue 14 item 5): a py.typed package whose stub declares every public name;
mypy --strict accepts a typical user script and rejects one with a typo and a str level."""

import ast
import os
import pathlib
import site
import subprocess
import sys

import isomm

PACKAGE = pathlib.Path(isomm.__file__).parent

GOOD = '''
import io
import isomm

def overall(path: str) -> list[float]:
    values: list[float] = []
    for a in isomm.iter_csv(path, encoding="cp932"):
        r = a.evaluate(target="hybrid", list_size=5)
        if r.overall_maturity is not None:
            values.append(r.overall_maturity)
        first: isomm.Highlight = r.strengths[0]
        print(first.function, r.recommendations["switch_to_insource"], r.pattern_fit.mismatches)
    return values

a = isomm.Assessment(id="x", current_pattern="hybrid")
a.set("E-2", "insource", 3, note="weekly")
a["A-1"] = ("outsource", 2)
answer: isomm.Answer = a["E-2"]
level: int | None = answer.level
isomm.options.lang = "en"
text: str = a.evaluate().render("markdown")
ag = isomm.aggregate([a]).merge(isomm.Aggregate())
state: bytes = ag.save()
print(isomm.Aggregate.load(state).roles[0].mean, isomm.compare(a, a).improved, level, text)
out = io.StringIO()
isomm.write_csv(out, [a], encoding="utf-8")
try:
    isomm.read_csv("missing.csv")
except isomm.ParseError as e:
    print(e.line, e.column, e.filename)
except isomm.MissingFileError as e:
    print(e.errno, e.filename)
problems = isomm.validate_csv("answers.csv", max_errors=None)
print(problems.truncated, [p.line for p in problems])
frame = isomm.evaluate_frame("answers.csv")
again: list[isomm.Assessment] = isomm.from_frame(isomm.answers_frame("answers.csv"))
'''

BAD = '''
import isomm

a = isomm.Assessment()
a.set("E-2", "insource", "3")
r = a.evaluate()
print(r.overal_maturity)
'''


def mypy(tmp_path, name, text):
    script = tmp_path / name
    script.write_text(text, encoding="utf-8")
    env = dict(os.environ)
    if str(PACKAGE.parent) not in site.getsitepackages():  # a build tree: tell mypy where the package is
        env["MYPYPATH"] = str(PACKAGE.parent)
    return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir",
                           str(tmp_path / "cache"), "--python-version", f"{sys.version_info[0]}.{sys.version_info[1]}",
                           str(script)], capture_output=True, text=True, env=env, cwd=tmp_path)


def test_package_is_typed():
    assert (PACKAGE / "py.typed").is_file()
    stub = ast.parse((PACKAGE / "__init__.pyi").read_text(encoding="utf-8"))
    declared = set()
    for node in stub.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            declared.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            declared.add(node.target.id)
    assert sorted(set(isomm.__all__) - declared) == []


def test_mypy_strict_accepts_a_user_script(tmp_path):
    result = mypy(tmp_path, "good.py", GOOD)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_mypy_strict_rejects_a_typo_and_a_str_level(tmp_path):
    result = mypy(tmp_path, "bad.py", BAD)
    assert result.returncode == 1
    assert 'bad.py:5: error: Argument 3 to "set" of "Assessment" has incompatible type "str"' in result.stdout
    assert 'bad.py:7: error: "Result" has no attribute "overal_maturity"' in result.stdout
    assert "Found 2 errors in 1 file" in result.stdout
