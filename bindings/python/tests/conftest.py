# SPDX-License-Identifier: MIT
"""Shared fixtures: test data from the repository (ISOMM_TEST_DATA when CTest runs the suite)."""

import csv
import json
import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
DATA = pathlib.Path(os.environ.get("ISOMM_TEST_DATA", ROOT / "tests" / "data"))
EXAMPLES = pathlib.Path(os.environ.get("ISOMM_EXAMPLES", ROOT / "examples"))


@pytest.fixture
def data_dir():
    return DATA


@pytest.fixture
def examples_dir():
    return EXAMPLES


@pytest.fixture(scope="session")
def expected():
    """What evaluating the worked example must give (hand-checked reference)."""
    with open(DATA / "example-1.expected.json", encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="session")
def example_rows():
    """The worked example's CSV rows, read with the csv module (independent of the library)."""
    with open(DATA / "example-1.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))
