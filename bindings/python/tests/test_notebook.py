# SPDX-License-Identifier: MIT
"""examples/notebook.ipynb runs cell by cell in a Jupyter kernel of this interpreter."""

import json
import os
import sys

import nbclient
import nbformat

import isomm


def test_notebook_runs(examples_dir, tmp_path, monkeypatch):
    spec = tmp_path / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3", "language": "python"}), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    package_root = os.path.dirname(os.path.dirname(isomm.__file__))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")

    nb = nbformat.read(examples_dir / "notebook.ipynb", as_version=4)
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(examples_dir)}})
    client.execute()

    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert all(cell.outputs for cell in code)
    assert not [o for cell in code for o in cell.outputs if o.output_type == "error"]
    report = next(cell for cell in code if cell.source.startswith("r = a.evaluate()"))
    page = report.outputs[0]["data"]["text/html"]
    assert "example-1" in page and page.count("<svg") == 2
    version = code[0].outputs[0]["data"]["text/plain"]
    assert version == repr(isomm.__version__)
