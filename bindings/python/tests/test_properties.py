# SPDX-License-Identifier: MIT
"""Property-based tests over the Python API (issue 11), with bounded example counts so that they
run in the normal test suite in a few seconds."""

import datetime
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import isomm

MODEL = isomm.default_model()
ROLES = [r.code for r in MODEL.roles]
PATTERNS = [None] + [p.id for p in MODEL.patterns]
SETTINGS = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20)
answers = st.dictionaries(
    st.sampled_from(ROLES),
    st.one_of(st.tuples(st.sampled_from(["insource", "outsource", "in", "OUT", "インソース"]),
                        st.integers(0, 5), st.none() | texts),
              st.tuples(st.none(), st.none(), texts)))


@st.composite
def assessments(draw):
    a = isomm.Assessment(id=draw(texts.filter(bool) | st.just("default")),
                         organization=draw(st.none() | texts.filter(bool)),
                         assessor=draw(st.none() | texts.filter(bool)),
                         date=draw(st.none() | st.dates(datetime.date(1000, 1, 1), datetime.date(9999, 12, 31))),
                         current_pattern=draw(st.sampled_from(PATTERNS)),
                         target_pattern=draw(st.sampled_from(PATTERNS)))
    for role, (sourcing, level, note) in draw(answers).items():
        if sourcing is None:
            a.set_note(role, note)
        else:
            a.set(role, sourcing, level, note=note)
    return a


@SETTINGS
@given(assessments(), st.sampled_from(PATTERNS), st.integers(1, 4), st.integers(0, 60))
def test_any_answers_evaluate(a, target, strengths, list_size):
    r = a.evaluate(target, strengths=strengths, list_size=list_size)
    assert len(r.functions) == 9 and len(r.roles) == 54
    for f in r.functions:
        assert f.maturity is None or 0 < f.maturity <= 5
    assert r.to_dict("en")["assessment"] == a.id
    assert all(len(v) <= (list_size or 54) for v in r.recommendations.values())


@SETTINGS
@given(st.lists(assessments(), min_size=1, max_size=4, unique_by=lambda a: a.id), st.booleans())
def test_read_of_write_is_identity(items, bom):
    out = io.BytesIO()
    isomm.write_csv(out, items, bom=bom)
    assert isomm.read_csv(io.BytesIO(out.getvalue())) == items
    text = io.StringIO()
    isomm.write_csv(text, items)
    assert list(isomm.iter_csv(io.StringIO(text.getvalue()))) == items


@SETTINGS
@given(st.lists(assessments(), min_size=1, max_size=6), st.randoms(use_true_random=False))
def test_aggregate_does_not_depend_on_order(items, random):
    shuffled = list(items)
    random.shuffle(shuffled)
    whole = isomm.aggregate(items)
    assert isomm.aggregate(shuffled) == whole
    half = len(items) // 2
    assert isomm.aggregate(shuffled[half:]).merge(isomm.aggregate(shuffled[:half])) == whole


@SETTINGS
@given(assessments())
def test_comparison_with_itself_has_no_change(a):
    c = isomm.compare(a, a.copy())
    assert (c.improved, c.declined) == (0, 0) and c.unchanged == 54
    assert all(r.level_change in (0, None) and not r.sourcing_changed for r in c.roles)
    assert all(f.change in (0.0, None) for f in c.functions)


@SETTINGS
@given(st.lists(assessments(), min_size=1, max_size=4, unique_by=lambda a: a.id))
def test_frames_agree_with_evaluate_and_come_back(items):
    import math

    out = io.BytesIO()
    isomm.write_csv(out, items)
    df = isomm.evaluate_frame(io.BytesIO(out.getvalue()))
    assert list(df["assessment"]) == [a.id for a in items]
    for row, a in zip(df.itertuples(index=False), items):
        r = a.evaluate()
        for code, expected in r.function_maturity.items():
            value = getattr(row, code)
            assert (expected is None and math.isnan(value)) or value == expected
        assert row.unanswered == len(r.unanswered)
    assert isomm.from_frame(isomm.answers_frame(io.BytesIO(out.getvalue()))) == items
