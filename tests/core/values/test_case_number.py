"""Case numbers (案号) per the SPC case-number rules and the case-type code standard."""

from __future__ import annotations

import pytest

from goodfaith.core.errors import InvalidValue
from goodfaith.core.values.case_number import (
    CASE_TYPES,
    PROVINCES,
    CaseNumber,
    CaseType,
    parse_case_number,
)


@pytest.mark.parametrize(
    ("text", "parsed", "normalised"),
    [
        (
            "（2022）粤0114执4600号",
            CaseNumber(2022, "粤0114", "执", 4600),
            "（2022）粤0114执4600号",
        ),
        ("（2021）粤0114民初12877号", CaseNumber(2021, "粤0114", "民初", 12877), None),
        ("（2022）粤0117执前调12号", CaseNumber(2022, "粤0117", "执前调", 12), None),
        ("（2023）琼02执恢7号", CaseNumber(2023, "琼02", "执恢", 7), None),
        ("（2020）最高法民终123号", CaseNumber(2020, "最高法", "民终", 123), None),
        ("（2024）粤执复8号", CaseNumber(2024, "粤", "执复", 8), None),
        ("（2019）内0102执保3号", CaseNumber(2019, "内0102", "执保", 3), None),
        ("（2020）兵08民辖终1号", CaseNumber(2020, "兵08", "民辖终", 1), None),
        ("（2021）军民特监2号", CaseNumber(2021, "军", "民特监", 2), None),
        ("（2022）粤0114执诉前调5号", CaseNumber(2022, "粤0114", "执诉前调", 5), None),
        ("（2022）粤0114诉前调5号", CaseNumber(2022, "粤0114", "诉前调", 5), None),
        ("（2016）苏05破1号", CaseNumber(2016, "苏05", "破", 1), None),
        ("（2019）最高法知民终1号", CaseNumber(2019, "最高法", "民终", 1, "知"), None),
        ("（2021）京73知民初5号", CaseNumber(2021, "京73", "民初", 5, "知"), None),
        # half-width brackets, spaces anywhere, full-width digits: all normalised away
        ("(2022)粤0114执4600号", CaseNumber(2022, "粤0114", "执", 4600), "（2022）粤0114执4600号"),
        (" （2022） 粤 0114 执 4600 号 ", CaseNumber(2022, "粤0114", "执", 4600), None),
        ("（２０２２）粤０１１４执４６００号", CaseNumber(2022, "粤0114", "执", 4600), None),
        ("（2022）粤0114执\u30004600号", CaseNumber(2022, "粤0114", "执", 4600), None),
    ],
)
def test_parse_real_case_numbers(text: str, parsed: CaseNumber, normalised: str | None) -> None:
    n = CaseNumber.parse(text)
    assert n == parsed
    assert parse_case_number(text) == parsed
    if normalised is not None:
        assert str(n) == normalised
    assert CaseNumber.parse(str(n)) == n  # the normalised form parses to the same value
    assert " " not in str(n) and str(n).startswith("（")


@pytest.mark.parametrize(
    ("text", "code", "name", "enforcement", "pre_enforcement"),
    [
        ("（2022）粤0114执4600号", "执", "首次执行案件", True, False),
        ("（2023）琼02执恢7号", "执恢", "恢复执行案件", True, False),  # 执恢, not 执 + 恢
        ("（2023）琼02执保7号", "执保", "财产保全执行案件", True, False),
        ("（2023）琼02执异7号", "执异", "执行异议案件", False, False),
        ("（2022）粤0117执前调12号", "执前调", "执行前督促履行案件", False, True),  # not 执
        ("（2022）粤0117执诉前调12号", "执诉前调", "执行前督促履行案件", False, True),
        ("（2022）粤0117诉前调12号", "诉前调", "诉前调解案件", False, False),
        ("（2021）粤0114民初12877号", "民初", "民事一审案件", False, False),
        ("（2022）粤0114司救执1号", "司救执", "执行司法救助案件", False, False),
    ],
)
def test_type_code_longest_match_and_flags(
    text: str, code: str, name: str, enforcement: bool, pre_enforcement: bool
) -> None:
    n = CaseNumber.parse(text)
    assert n.type_code == code
    assert n.special == ""
    assert n.kind == CASE_TYPES[code]
    assert n.kind.name == name
    assert n.is_enforcement is enforcement
    assert n.is_pre_enforcement is pre_enforcement


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("（2022）粤0114执4600", "expected a case number ending in 号"),
        ("2022粤0114执4600号", "expected a case number such as"),
        ("【2022】粤0114执4600号", "expected a case number such as"),
        ("〔2022〕粤0114执4600号", "expected a case number such as"),
        ("（2022）粤0114执号", "expected a case number such as"),
        ("（2022）执4600号", "expected a case number such as"),  # no court code
        ("（22）粤0114执4600号", "four-digit year, got '22'"),
        ("（20222）粤0114执4600号", "four-digit year, got '20222'"),
        ("（1989）粤0114执1号", "year 1990–2100, got 1989"),
        ("（2101）粤0114执1号", "year 1990–2100, got 2101"),
        ("（2022）火0114执1号", "court code.*got '火0114'"),
        ("（2022）粤011执1号", "court code.*got '粤011'"),
        ("（2022）粤01145执1号", "court code.*got '粤01145'"),
        ("（2022）最高执1号", "court code.*got '最"),
        ("（2022）粤0114执0号", "serial number from 1, got 0"),
        ("（2022）粤0114猫1号", "unknown case type code '猫'"),
        ("（2022）粤0114执破1号", "unknown case type code '执破'"),
        ("（2022）粤0114执恢恢1号", "unknown case type code '执恢恢'"),
        ("（2022）粤0114知猫1号", "unknown case type code '知猫'"),
        (
            "（2022）粤0114猫民初1号",
            "unknown case type code '猫民初'",
        ),  # 猫 is no special-trial code
        ("（2022）粤0114知知民初1号", "unknown case type code '知知民初'"),
        ("（2022）粤0114民1号", "unknown case type code '民'"),
        ("（2022）粤0114执-1号", "unknown case type code '执-'"),
    ],
)
def test_malformed_case_numbers(text: str, words: str) -> None:
    with pytest.raises(InvalidValue, match=words) as info:
        CaseNumber.parse(text)
    assert repr(text) in str(info.value)  # the message quotes the bad value


def test_order_is_by_year_court_type_serial() -> None:
    numbers = [
        CaseNumber.parse(t)
        for t in ["（2022）粤0114执4600号", "（2021）粤0114执9号", "（2022）粤0114执12号"]
    ]
    assert [str(n) for n in sorted(numbers)] == [
        "（2021）粤0114执9号",
        "（2022）粤0114执12号",
        "（2022）粤0114执4600号",
    ]


def test_case_numbers_are_hashable_values() -> None:
    a = CaseNumber.parse("(2022)粤0114执4600号")
    b = CaseNumber.parse("（2022）粤0114执4600号")
    assert a == b and len({a, b}) == 1
    with pytest.raises(AttributeError):
        a.serial = 1  # type: ignore[misc]


# Every code the law file (section 7) lists, by category.
LISTED = {
    "enforcement": "执 执恢 执保",
    "enforcement_review": "执异 执复 执监 执协 执他",
    "pre_enforcement": "执前调 执诉前调",
    "civil": "民初 民终 民监 民申 民抗 民再 民撤 民特 民特监 民催 民督 民督监 民他 民保令 民保更 "
    "民辖 民辖终 民辖监",
    "criminal": "刑初 刑终 刑监 刑申 刑抗 刑再 刑没 刑核 刑医 刑医解 刑医复 刑医监 刑止 刑止调 "
    "刑止核 刑更 刑更监 刑更备 刑他 刑教 刑教解 刑教复 刑教监",
    "administrative": "行初 行终 行监 行申 行抗 行再 行审 行审复 行他",
    "compensation": "行赔初 行赔终 行赔监 行赔申 行赔抗 行赔再 行赔他 法赔 委赔 委赔监 赔确监 "
    "委赔提 委赔再 赔他 司救刑 司救民 司救行 司救赔 司救执 司救访 司救他",
    "preservation": "财保 行保 行保复 证保",
    "sanction": "司惩 司惩复",
    "bankruptcy": "清申 破申 清终 破终 清监 破监 强清 破",
    "other": "诉前调",
}


@pytest.mark.parametrize(("category", "codes"), LISTED.items())
def test_table_covers_the_listed_codes(category: str, codes: str) -> None:
    for code in codes.split():
        assert CASE_TYPES[code].category == category, code
        assert CASE_TYPES[code].code == code


def test_table_is_well_formed() -> None:
    for code, case_type in CASE_TYPES.items():
        assert isinstance(case_type, CaseType)
        assert case_type.code == code
        assert 1 <= len(code) <= 4  # 3 by the SPC standard (art. 7); 执诉前调 is a local code
        assert case_type.name.endswith("案件"), code
    assert len(CASE_TYPES) >= 120
    # 31 provinces (Inner Mongolia's court code is 内, not its abbreviation 蒙) + 军 + 兵
    assert len(PROVINCES) == 33 and len(set(PROVINCES)) == 33
    assert "内" in PROVINCES and "蒙" not in PROVINCES
