# SPDX-License-Identifier: MIT
"""validate_csv: any max_errors is honoured, ``truncated`` says when checking stopped at the
limit, and ``assessments`` comes from the same single pass."""

import io
import pickle

import isomm

HEADER = "assessment,role,sourcing,level\n"


def bad_rows(n):
    """n rows with a bad level (lines 2 .. n+1) in assessment a, then a clean assessment b."""
    return io.StringIO(HEADER + "a,A-1,insource,9\n" * n + "a,A-2,insource,1\nb,A-1,outsource,3\n")


def test_a_million_is_honoured_and_nothing_is_cut():
    problems = isomm.validate_csv(bad_rows(250), max_errors=10**6)
    assert len(problems) == 250
    assert [p.line for p in problems] == list(range(2, 252))
    assert {p.code for p in problems} == {isomm.ErrorCode.ELEVEL}
    assert problems.truncated is False
    assert problems.assessments == 2


def test_stopping_at_the_limit_is_flagged():
    problems = isomm.validate_csv(bad_rows(250), max_errors=100)
    assert len(problems) == 100
    assert problems[-1].line == 101
    assert problems.truncated is True


def test_limit_equal_to_the_problems_is_not_truncated():
    problems = isomm.validate_csv(bad_rows(7), max_errors=7)
    assert len(problems) == 7
    assert problems.truncated is False


def test_no_limit():
    problems = isomm.validate_csv(bad_rows(300), max_errors=None)
    assert len(problems) == 300
    assert problems.truncated is False


def test_clean_input_counts_assessments():
    problems = isomm.validate_csv(io.StringIO(HEADER + "x,A-1,in,1\ny,A-1,in,2\nz,A-1,,\n"))
    assert problems == []
    assert problems.truncated is False
    assert problems.assessments == 3


def test_problems_pickle_with_their_flags():
    problems = isomm.validate_csv(io.StringIO(HEADER + "x,A-1,in,1\ny,A-1,in,2\n"))
    back = pickle.loads(pickle.dumps(problems))
    assert back == [] and back.assessments == 2 and back.truncated is False


def test_control_characters_in_messages_are_escaped():
    (problem,) = isomm.validate_csv(io.StringIO(HEADER + "a,A-1,in,\"\x1b]0;owned\x07\"\n"))
    assert "\x1b" not in str(problem) and "\x07" not in str(problem)
    assert "bad level '\\x1b]0;owned\\x07'" in str(problem)
