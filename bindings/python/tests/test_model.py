# SPDX-License-Identifier: MIT
"""The catalogue as Python objects."""

import pytest

import isomm


def test_default_model_is_shared_and_named():
    m = isomm.default_model()
    assert m is isomm.default_model()
    assert m.name == "ISOMM v2.1"
    assert repr(m) == "<isomm.Model 'ISOMM v2.1'>"


def test_model_cannot_be_built_directly():
    with pytest.raises(TypeError):
        isomm.Model()


def test_roles_in_catalogue_order():
    m = isomm.default_model()
    assert len(m.roles) == 54
    assert m.roles[0].code == "A-1" and m.roles[-1].code == "I-6"
    assert [r.index for r in m.roles] == list(range(54))


def test_role_attributes():
    role = isomm.default_model().role("E-2")
    assert role == isomm.default_model().roles[25]
    assert (role.index, role.code, role.function, role.domain) == (25, "E-2", "E", "II")
    assert role.name_ja == "アセット情報収集"
    assert role.name_en == "Asset information collection"
    assert role.summary_en.startswith("Collect information")
    assert role.domain_from_seed is False
    assert isomm.default_model().role("A-2").domain_from_seed is True


def test_seed_domains_of_function_a():
    m = isomm.default_model()
    assert [m.role(f"A-{i}").domain for i in range(1, 7)] == ["I", "II", "I", "I", "II", "I"]


def test_unknown_role_is_key_error():
    with pytest.raises(KeyError) as info:
        isomm.default_model().role("G-11")
    assert isinstance(info.value, isomm.UnknownRoleError)
    assert info.value.code == isomm.ErrorCode.EROLE
    assert "G-11" in str(info.value)


def test_role_code_must_be_str():
    with pytest.raises(TypeError):
        isomm.default_model().role(3)


def test_functions():
    m = isomm.default_model()
    assert [f.code for f in m.functions] == list("ABCDEFGHI")
    assert [len(f.roles) for f in m.functions] == [6, 5, 5, 8, 7, 4, 10, 3, 6]
    g = m.function("G")
    assert g.roles[-1] == "G-10"
    assert g.name_ja == "セキュリティ対応システム運用・開発"
    assert g.name_en == "Security system operation and development"
    assert g.strength_en and g.weakness_en and g.strength_ja and g.weakness_ja


def test_unknown_function_is_key_error():
    with pytest.raises(isomm.UnknownRoleError) as info:
        isomm.default_model().function("J")
    assert isinstance(info.value, KeyError)
    assert info.value.code == isomm.ErrorCode.EROLE


def test_patterns():
    m = isomm.default_model()
    assert [p.id for p in m.patterns] == [
        "full-outsource", "minimum-insource", "hybrid", "minimum-outsource", "full-insource"]
    hybrid = m.pattern("ハイブリッド")
    assert hybrid is m.pattern("hybrid")
    assert (hybrid.name_ja, hybrid.name_en) == ("ハイブリッド", "Hybrid")
    assert hybrid.insourced_domains == ("I", "II") and hybrid.outsourced_domains == ("III", "IV")
    assert m.pattern("full-outsource").insourced_domains == ()
    assert m.pattern("full-insource").outsourced_domains == ()


def test_unknown_pattern_is_value_error():
    with pytest.raises(ValueError) as info:
        isomm.default_model().pattern("half-insource")
    assert isinstance(info.value, isomm.InvalidValueError)
    assert info.value.code == isomm.ErrorCode.EPATTERN


def test_scales():
    m = isomm.default_model()
    assert set(m.scales) == {"insource", "outsource"}
    inside = m.scale("インソース")
    assert inside is m.scales["insource"]
    assert len(inside) == 6 and [s.level for s in inside] == list(range(6))
    assert inside[1].text_ja == "実施できていない"
    assert m.scale("out")[5].text_ja == "サービス内容と得られる結果を理解でき、想定通り"
    assert m.scale("outsource")[5].sourcing == "outsource"


def test_scale_needs_a_sourcing():
    with pytest.raises(isomm.InvalidValueError) as info:
        isomm.default_model().scale("")
    assert info.value.code == isomm.ErrorCode.ESOURCING
    with pytest.raises(isomm.InvalidValueError) as info:
        isomm.default_model().scale("both")
    assert info.value.code == isomm.ErrorCode.ESOURCING


def test_expected_sourcing():
    m = isomm.default_model()
    assert m.expected_sourcing("E-2", "hybrid") == "insource"
    assert m.expected_sourcing("E-2", "minimum-insource") == "outsource"
    assert m.expected_sourcing("A-1", m.pattern("full-outsource")) == "outsource"
    with pytest.raises(isomm.InvalidValueError) as info:
        m.expected_sourcing("E-2", None)
    assert info.value.code == isomm.ErrorCode.EPATTERN


def test_model_to_dict():
    m = isomm.default_model()
    d = m.to_dict()
    assert d["name"] == "ISOMM v2.1"
    assert [r["code"] for r in d["roles"]] == [r.code for r in m.roles]
    assert d["roles"][25]["domain"] == "II" and d["roles"][25]["name_en"] == m.role("E-2").name_en
    assert [f["code"] for f in d["functions"]] == list("ABCDEFGHI")
    assert d["functions"][6]["roles"] == list(m.function("G").roles)
    assert [p["id"] for p in d["patterns"]] == [p.id for p in m.patterns]
    assert d["patterns"][2]["insourced_domains"] == ["I", "II"]
    assert [s["ja"] for s in d["scales"]["insource"]] == [s.text_ja for s in m.scale("insource")]
