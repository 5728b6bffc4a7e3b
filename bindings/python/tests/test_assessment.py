# SPDX-License-Identifier: MIT
"""Building assessments: answers, notes, metadata, patterns, iteration, copies."""

import copy
import datetime

import pytest

import isomm


def test_new_assessment_is_empty():
    a = isomm.Assessment()
    assert a.answered_count == 0 and a.answered == ()
    assert len(a) == 54 and [ans.role for ans in a] == [r.code for r in isomm.default_model().roles]
    assert all(not ans.answered for ans in a)
    assert a.id == "default"
    assert (a.organization, a.assessor, a.date, a.current_pattern, a.target_pattern) == (None,) * 5
    assert a.model is isomm.default_model()
    assert len(a.unanswered) == 54
    assert a["A-1"] == isomm.Answer("A-1", None, None, None)
    assert not a["A-1"].answered
    assert repr(a) == "<isomm.Assessment 'default': 0/54 roles answered>"


def test_constructor_metadata():
    a = isomm.Assessment(id="2026", organization="Example Corp", assessor="CSIRT lead",
                         date=datetime.date(2026, 11, 1), current_pattern="ハイブリッド",
                         target_pattern="minimum-outsource")
    assert (a.id, a.organization, a.assessor, a.date) == ("2026", "Example Corp", "CSIRT lead", "2026-11-01")
    assert (a.current_pattern, a.target_pattern) == ("hybrid", "minimum-outsource")
    a.organization = None
    a.id = ""
    a.target_pattern = None
    assert (a.organization, a.id, a.target_pattern) == (None, "default", None)


def test_set_and_get():
    a = isomm.Assessment()
    a.set("E-2", "insource", 1, note="週1回")
    a.set("B-1", "アウトソース", 5)
    assert a["E-2"] == isomm.Answer("E-2", "insource", 1, "週1回")
    assert a["B-1"] == ("B-1", "outsource", 5, None)
    assert a["B-1"].answered
    assert a.answered_count == 2 and len(a) == 54
    assert [ans.role for ans in a.answered] == ["B-1", "E-2"]
    assert [ans.level for ans in a][5:9] == [None, 5, None, None]  # every role, in catalogue order
    assert "E-2" in a and "A-1" not in a and "Z-9" not in a
    assert "E-2" not in a.unanswered and len(a.unanswered) == 52


def test_set_replaces_answer_and_note():
    a = isomm.Assessment()
    a.set("C-1", "in", 3, note="first")
    a.set("C-1", "OUT", 0)
    assert a["C-1"] == ("C-1", "outsource", 0, None)


def test_item_assignment_and_deletion():
    a = isomm.Assessment()
    a["D-1"] = ("insource", 4)
    a["D-2"] = ("outsource", 2, "vendor")
    a["D-3"] = isomm.Answer("D-3", "insource", 5, None)
    assert [ans.level for ans in a.answered] == [4, 2, 5]
    del a["D-2"]
    assert a["D-2"] == ("D-2", None, None, None)
    a["D-1"] = (None, None, "ask the SOC")
    assert a["D-1"] == ("D-1", None, None, "ask the SOC")
    assert a.answered_count == 1
    with pytest.raises(TypeError):
        a["D-1"] = 3


def test_notes_on_unanswered_roles():
    a = isomm.Assessment()
    a.set_note("F-1", "not asked yet")
    assert a["F-1"] == ("F-1", None, None, "not asked yet")
    a.set("F-1", "insource", 2)
    a.set_note("F-1", "")
    assert a["F-1"] == ("F-1", "insource", 2, None)
    a.unset("F-1")
    assert a["F-1"] == ("F-1", None, None, None)


def test_answers_and_records():
    a = isomm.Assessment()
    a.set("I-6", "insource", 3, note="n")
    answers = a.answers()
    assert len(answers) == 54 and answers[-1] == ("I-6", "insource", 3, "n")
    records = a.records()
    assert records[-1] == {"assessment": "default", "role": "I-6", "sourcing": "insource", "level": 3, "note": "n",
                           "function": "I", "domain": records[-1]["domain"]}
    assert records[0] == {"assessment": "default", "role": "A-1", "sourcing": None, "level": None, "note": None,
                          "function": "A", "domain": "I"}


def test_copy_is_independent_and_equal():
    a = isomm.Assessment(id="x", current_pattern="hybrid")
    a.set("A-1", "insource", 2, note="n")
    for b in (a.copy(), copy.copy(a), copy.deepcopy(a)):
        assert b == a and b is not a
        b.set("A-1", "insource", 3)
        assert b != a
        assert a["A-1"].level == 2
    assert a != "x"


def test_assessment_is_not_hashable():
    with pytest.raises(TypeError):
        hash(isomm.Assessment())


def test_unknown_role_raises_key_error_everywhere():
    a = isomm.Assessment()
    for action in (lambda: a.set("A-7", "in", 1), lambda: a["A-7"], lambda: a.set_note("A-7", "x"),
                   lambda: a.unset("A-7")):
        with pytest.raises(KeyError) as info:
            action()
        assert isinstance(info.value, isomm.UnknownRoleError)
        assert info.value.code == isomm.ErrorCode.EROLE
        assert str(info.value) == "unknown role code 'A-7' (expected A-1 ... I-6, e.g. G-10)"


@pytest.mark.parametrize("level", [-1, 6, 7, 2**31, -2**40])
def test_bad_level(level):
    a = isomm.Assessment()
    a.set("A-1", "insource", 2)
    with pytest.raises(ValueError) as info:
        a.set("A-1", "insource", level)
    assert isinstance(info.value, isomm.InvalidValueError)
    assert info.value.code == isomm.ErrorCode.ELEVEL
    assert a["A-1"].level == 2


@pytest.mark.parametrize("sourcing, message", [
    ("", "role A-1: level 2 needs a sourcing (insource or outsource)"),
    ("both", "unknown sourcing 'both' (expected insource, in, インソース, outsource, out, アウトソース)"),
    ("insourced", "unknown sourcing 'insourced' (expected insource, in, インソース, outsource, out, アウトソース)"),
])
def test_bad_sourcing(sourcing, message):
    with pytest.raises(isomm.InvalidValueError) as info:
        isomm.Assessment().set("A-1", sourcing, 2)
    assert info.value.code == isomm.ErrorCode.ESOURCING
    assert info.value.message == message


def test_wrong_types():
    a = isomm.Assessment()
    for args in (("A-1", "in", "2"), ("A-1", "in", True), ("A-1", 1, 2), (1, "in", 2), ("A-1", "in", 2, 5)):
        with pytest.raises(TypeError):
            a.set(*args)
    with pytest.raises(TypeError):
        a.organization = 5
    with pytest.raises(TypeError):
        isomm.Assessment(model="ISOMM")


def test_bad_date():
    a = isomm.Assessment()
    for date in ("2026-02-30", "2026-1-01", "yesterday"):
        with pytest.raises(isomm.InvalidValueError) as info:
            a.date = date
        assert info.value.code == isomm.ErrorCode.EDATE
    assert a.date is None


def test_bad_pattern():
    with pytest.raises(isomm.InvalidValueError) as info:
        isomm.Assessment(current_pattern="semi-outsource")
    assert info.value.code == isomm.ErrorCode.EPATTERN
    with pytest.raises(TypeError):
        isomm.Assessment(target_pattern=2)


def test_text_with_nul_is_refused_not_cut():
    a = isomm.Assessment()
    for action in (lambda: a.set("A-1\x00x", "in", 3), lambda: a.set("A-1", "in", 3, note="ab\x00cd"),
                   lambda: setattr(a, "organization", "Example\x00Corp"), lambda: a["E-2\x00"],
                   lambda: isomm.default_model().role("E-2\x00")):
        with pytest.raises(ValueError) as info:
            action()
        assert isinstance(info.value, isomm.InvalidValueError)
        assert info.value.code == isomm.ErrorCode.EINVAL
    assert a.answered_count == 0 and a.organization is None
