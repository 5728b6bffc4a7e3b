# SPDX-License-Identifier: MIT
"""Evaluation of the worked example (tests/data/example-1.*) built with set() one call at a time."""

import json

import pytest

import isomm

TARGETS = ["full-outsource", "minimum-insource", "hybrid", "minimum-outsource", "full-insource"]


def build_example(rows):
    first = rows[0]
    a = isomm.Assessment(id=first["assessment"], organization=first["organization"], assessor=first["assessor"],
                         date=first["date"], current_pattern=first["current_pattern"],
                         target_pattern=first["target_pattern"])
    for row in rows:
        if row["sourcing"] or row["level"]:
            a.set(row["role"], row["sourcing"], int(row["level"]), note=row["note"] or None)
        elif row["note"]:
            a.set_note(row["role"], row["note"])
    return a


@pytest.fixture
def example(example_rows):
    return build_example(example_rows)


def check_against_expected(r, expected, target):
    assert r.unanswered == tuple(expected["unanswered"])
    assert r.function_maturity == expected["function_maturity"]
    assert r.overall_maturity == expected["overall_maturity"]
    assert [h.function for h in r.strengths] == expected["strengths"]
    assert [h.function for h in r.weaknesses] == expected["weaknesses"]
    assert r.pattern_fit._asdict() == expected["pattern_fit"]
    assert r.recommendations == {k: tuple(v) for k, v in expected["recommendations_by_target"][target].items()}


def test_example_built_with_set(example, expected):
    assert example.id == expected["assessment"]
    assert example.answered_count == 51
    r = example.evaluate()
    assert r.list_pattern == "minimum-outsource"
    check_against_expected(r, expected, "minimum-outsource")


@pytest.mark.parametrize("target", TARGETS)
def test_example_for_every_target(example, expected, target):
    r = example.evaluate(target=target)
    assert r.list_pattern == target
    check_against_expected(r, expected, target)
    for pattern in TARGETS:
        assert r.mismatches(pattern) >= r.pattern_fit.mismatches
    assert r.mismatches("hybrid") == 24 and r.mismatches("ミニマムアウトソース") == 19
    with pytest.raises(isomm.InvalidValueError) as info:
        r.mismatches(None)
    assert info.value.code == isomm.ErrorCode.EPATTERN


def test_function_lines(example):
    r = example.evaluate()
    a, d = r.functions[0], r.functions[3]
    assert (a.code, a.name_en, a.maturity, a.rated_roles, a.excluded_roles, a.unanswered_roles) == (
        "A", "Security response organisation management", 3.0, 6, 0, 1)
    assert (d.code, d.rated_roles, d.unanswered_roles) == ("D", 7, 1)
    assert r.function_records()[0] == {
        "assessment": "example-1", "function": "A", "name_ja": a.name_ja, "name_en": a.name_en, "maturity": 3.0,
        "rated_roles": 6, "excluded_roles": 0, "unanswered_roles": 1}


def test_role_lines(example, example_rows):
    r = example.evaluate()
    assert len(r.roles) == 54
    by_code = {row["role"]: row for row in example_rows}
    for line in r.roles:
        row = by_code[line.code]
        assert line.sourcing == (row["sourcing"] or None)
        assert line.level == (int(row["level"]) if row["level"] else None)
        assert line.score == (int(row["level"]) if row["level"] else 1)
        assert line.note == (row["note"] or None)
    a5 = r.roles[4]
    assert (a5.code, a5.function, a5.domain, a5.sourcing, a5.level, a5.score) == ("A-5", "A", "II", None, None, 1)
    assert [x.expected_sourcing for x in r.roles[:6]] == ["insource"] * 6
    assert r.role_records()[4] == {
        "assessment": "example-1", "role": "A-5", "function": "A", "domain": "II", "sourcing": None, "level": None,
        "note": a5.note, "score": 1, "expected_sourcing": "insource"}
    assert list(r.role_records()[4])[:7] == list(example.records()[4])  # the same key names, in the same order


def test_highlights_carry_comments(example):
    r = example.evaluate(strengths=3)
    model = isomm.default_model()
    assert [h.function for h in r.strengths] == ["A", "F", "G"]
    # comments follow the maturity band: A at 3.0 (band 3), D at 1.9 (band 1)
    assert r.strengths[0] == ("A", 3.0, r.to_dict("ja")["strengths"][0]["comment"],
                              r.to_dict("en")["strengths"][0]["comment"])
    assert r.strengths[0].comment_en != model.function("A").strength_en  # that one is band 4's
    assert "It works in practice, but the know-how stays" in r.strengths[0].comment_en
    assert r.weaknesses[0].comment_en == r.to_dict("en")["weaknesses"][0]["comment"]
    assert "It is largely not done yet" in r.weaknesses[0].comment_en
    assert r.weaknesses[0].maturity == r.function_maturity["D"]


def test_list_size(example):
    assert all(len(v) <= 1 for v in example.evaluate(list_size=1).recommendations.values())
    full = example.evaluate(target="hybrid", list_size=0).recommendations
    assert len(full["strengthen_insource"]) > 3
    assert full["strengthen_insource"][:3] == example.evaluate(target="hybrid").recommendations["strengthen_insource"]


def test_warnings(example):
    assert [w.id for w in example.evaluate().warnings] == ["unanswered"]
    unanswered = example.evaluate().warnings[0]
    assert unanswered.text_en == "Some roles are unanswered; they count as level 1."
    example.target_pattern = None
    assert [w.id for w in example.evaluate().warnings] == ["target_from_current", "unanswered"]
    assert [w.id for w in example.evaluate("full-outsource").warnings] == ["full_outsource", "unanswered"]


def test_empty_assessment():
    r = isomm.Assessment().evaluate()
    assert r.overall_maturity == 1.0
    assert r.list_pattern is None
    assert r.pattern_fit == isomm.PatternFit(None, 0, None)  # nothing rated: nothing to fit
    assert all(v == () for v in r.recommendations.values())
    assert r.strengths == () and r.weaknesses == ()  # every function at 1.0
    assert [w.id for w in r.warnings] == ["no_pattern", "unanswered", "no_contrast", "no_fit"]


def test_function_without_maturity():
    a = isomm.Assessment()
    for code in isomm.default_model().function("H").roles:
        a.set(code, "outsource", 0)
    r = a.evaluate()
    assert r.function_maturity["H"] is None
    assert r.functions[7].excluded_roles == 3
    assert "function_no_maturity" in [w.id for w in r.warnings]


def test_no_maturity_at_all():
    a = isomm.Assessment()
    for role in isomm.default_model().roles:
        a.set(role.code, "insource", 0)
    r = a.evaluate()
    assert r.overall_maturity is None and r.strengths == () and r.weaknesses == ()


def test_result_is_a_snapshot(example):
    r = example.evaluate()
    example.set("A-1", "insource", 5, note="changed")
    example.id = "changed"
    assert r.roles[0].level == 2 and r.roles[0].note == "方針は年1回見直し"
    assert r.assessment.id == "example-1"
    assert r.assessment["A-1"].level == 2
    assert r.model is isomm.default_model()


def test_to_dict_is_json_of_the_result(example, expected):
    d = example.evaluate().to_dict("ja")
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert d["assessment"] == "example-1" and d["organization"] == "Example Corp"
    assert d["assessor"] == "CSIRT lead" and d["date"] == "2026-11-01"
    assert (d["current_pattern"], d["target_pattern"]) == ("hybrid", "minimum-outsource")
    assert d["unanswered"] == expected["unanswered"]
    assert {f["code"]: f["maturity"] for f in d["functions"]} == expected["function_maturity"]
    assert d["functions"][0] == {"code": "A", "name": "セキュリティ対応組織運営", "maturity": 3.0,
                                 "rated_roles": 6, "excluded_roles": 0}
    assert d["overall_maturity"] == expected["overall_maturity"]
    assert d["roles"][0] == {"code": "A-1", "function": "A", "domain": "I", "sourcing": "insource", "level": 2,
                             "expected_sourcing": "insource", "note": "方針は年1回見直し",
                             "next_level": 3, "next_step": "運用が明文化されておらず、担当者に代わり他者が臨時で一部の業務を代行できる"}
    assert d["roles"][4]["sourcing"] is None and d["roles"][4]["level"] is None
    assert [s["function"] for s in d["strengths"]] == expected["strengths"]
    assert (d["strengths"][0]["maturity"], d["strengths"][0]["band"]) == (3.0, 3)
    assert d["strengths"][0]["comment"].endswith("運用を明文化し、他者が交代できるようにしましょう。")
    assert [w["function"] for w in d["weaknesses"]] == expected["weaknesses"]
    assert d["recommendations"] == expected["recommendations_by_target"]["minimum-outsource"]
    assert d["pattern_fit"] == expected["pattern_fit"]
    assert d["warnings"] == ["unanswered"]
    assert example.evaluate().to_dict("en")["functions"][0]["name"] == "Security response organisation management"


def test_html_repr(example):
    page = example.evaluate()._repr_html_()
    assert "example-1" in page and "<table" in page and page.count("<svg") == 2


def test_repr(example):
    assert repr(example.evaluate()) == "<isomm.Result 'example-1': overall maturity 2.4631393298059963>"


def test_results_cannot_be_built_directly():
    with pytest.raises(TypeError):
        isomm.Result()


@pytest.mark.parametrize("kwargs, code", [
    ({"strengths": 0}, "EOPTIONS"), ({"strengths": 5}, "EOPTIONS"), ({"list_size": -1}, "EOPTIONS"),
    ({"list_size": 2**40}, "EOPTIONS"), ({"target": "nothing"}, "EPATTERN"),
])
def test_bad_options(example, kwargs, code):
    with pytest.raises(ValueError) as info:
        example.evaluate(**kwargs)
    assert isinstance(info.value, isomm.InvalidValueError)
    assert info.value.code == isomm.ErrorCode[code]


def test_bad_language(example):
    with pytest.raises(isomm.InvalidValueError) as info:
        example.evaluate().to_dict("fr")
    assert info.value.code == isomm.ErrorCode.EINVAL


def test_option_types(example):
    with pytest.raises(TypeError):
        example.evaluate(strengths="2")
    with pytest.raises(TypeError):
        example.evaluate(list_size=1.5)


def test_next_steps_and_action_plan(example):
    r = example.evaluate()
    d = r.to_dict("en")
    assert r.action_plan == tuple(d["action_plan"])
    assert r.action_plan[:3] == r.recommendations["strengthen_insource"]
    for role in d["roles"]:
        assert r.next_step(role["code"], "en") == (role["next_level"], role["next_step"])
    assert r.next_step("A-1", "en") == (3, "Undocumented, but someone else can stand in for part of it")
    assert r.next_step("A-5", "en") == (None, "Assess this role (it is unanswered)")
