"""Case numbers (案号) per the SPC rules (法〔2015〕137号, amended 法〔2018〕335号):
``（收案年度）法院代字[专门审判代字]类型代字案件编号号``, e.g. ``（2022）粤0114执4600号``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from goodfaith.core.errors import InvalidValue

Category = Literal[
    "civil",
    "criminal",
    "administrative",
    "compensation",
    "enforcement",
    "enforcement_review",
    "pre_enforcement",
    "preservation",
    "bankruptcy",
    "sanction",
    "jurisdiction",
    "other",
]


@dataclass(frozen=True, slots=True)
class CaseType:
    """A case type of the SPC standard (人民法院案件类型及其代字标准)."""

    code: str
    name: str
    category: Category


def _types(category: Category, pairs: str) -> dict[str, CaseType]:
    out = {}
    for line in pairs.strip().splitlines():
        code, name = line.split()
        out[code] = CaseType(code, name, category)
    return out


CASE_TYPES: dict[str, CaseType] = {
    **_types(
        "civil",
        """
        民初 民事一审案件
        民终 民事二审案件
        民监 民事依职权再审审查案件
        民申 民事申请再审审查案件
        民抗 民事抗诉再审审查案件
        民再 民事再审案件
        民撤 第三人撤销之诉案件
        民特 民事特别程序案件
        民特监 民事特别程序监督案件
        民催 催告案件
        民督 申请支付令审查案件
        民督监 支付令监督案件
        民他 其他民事案件
        民保令 人身安全保护令申请审查案件
        民保更 人身安全保护令变更案件
        """,
    ),
    **_types(
        "jurisdiction",
        """
        民辖 民事管辖案件
        民辖终 民事管辖上诉案件
        民辖监 民事管辖监督案件
        """,
    ),
    **_types(
        "criminal",
        """
        刑初 刑事一审案件
        刑终 刑事二审案件
        刑监 刑事依职权再审审查案件
        刑申 刑事申请再审审查案件
        刑抗 刑事抗诉再审审查案件
        刑再 刑事再审案件
        刑核 刑事复核案件
        刑更 减刑假释案件
        刑他 其他刑事案件
        """,
    ),
    **_types(
        "administrative",
        """
        行初 行政一审案件
        行终 行政二审案件
        行监 行政依职权再审审查案件
        行申 行政申请再审审查案件
        行抗 行政抗诉再审审查案件
        行再 行政再审案件
        行审 非诉行政行为申请执行审查案件
        行审复 非诉行政行为申请执行审查复议案件
        行他 其他行政案件
        """,
    ),
    **_types(
        "compensation",
        """
        法赔 法院作为赔偿义务机关自赔案件
        委赔 赔偿委员会审理赔偿案件
        司救执 执行司法救助案件
        司救民 民事司法救助案件
        """,
    ),
    **_types(
        "enforcement",
        """
        执 首次执行案件
        执恢 恢复执行案件
        执保 财产保全执行案件
        """,
    ),
    **_types(
        "enforcement_review",
        """
        执异 执行异议案件
        执复 执行复议案件
        执监 执行监督案件
        执协 执行协调案件
        执他 其他执行案件
        """,
    ),
    **_types(
        "pre_enforcement",
        """
        执前调 执行前督促履行案件
        执诉前调 执行前督促履行案件
        """,
    ),
    **_types(
        "preservation",
        """
        财保 非诉财产保全审查案件
        行保 非诉行为保全审查案件
        行保复 非诉行为保全复议案件
        证保 非诉证据保全审查案件
        """,
    ),
    **_types(
        "sanction",
        """
        司惩 司法制裁审查案件
        司惩复 司法制裁复议案件
        """,
    ),
    **_types(
        "bankruptcy",
        """
        破申 破产申请审查案件
        破终 破产上诉案件
        破监 破产监督案件
        破 破产案件
        强清 强制清算案件
        清申 强制清算申请审查案件
        """,
    ),
    **_types(
        "other",
        """
        诉前调 诉前调解案件
        """,
    ),
}

PROVINCES = "京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新军兵"
_COURT = rf"(?:最高法|[{PROVINCES}](?:\d{{4}}|\d{{2}})?)"
_SHAPE = re.compile(rf"^[(（](\d{{4}})[)）]({_COURT})([\u4e00-\u9fff]{{1,4}})(\d+)号$")


@dataclass(frozen=True, slots=True, order=True)
class CaseNumber:
    """A parsed case number; ``str()`` gives the normalised form (full-width brackets, no spaces)."""

    year: int
    court: str
    type_code: str
    serial: int
    special: str = ""

    @classmethod
    def parse(cls, text: str) -> CaseNumber:
        compact = re.sub(r"\s+", "", text)
        match = _SHAPE.match(compact)
        if match is None:
            raise InvalidValue(
                f"expected a case number such as （2022）粤0114执4600号, got {text!r}"
            )
        year, court, codes, serial = match.groups()
        if not 1990 <= int(year) <= 2100:
            raise InvalidValue(f"case year {year} is out of range in {text!r}")
        special, type_code = _split_codes(codes, text)
        return cls(int(year), court, type_code, int(serial), special)

    def __str__(self) -> str:
        return f"（{self.year}）{self.court}{self.special}{self.type_code}{self.serial}号"

    @property
    def kind(self) -> CaseType:
        return CASE_TYPES[self.type_code]

    @property
    def is_enforcement(self) -> bool:
        """首次执行、恢复执行或保全执行案件 (执 / 执恢 / 执保)."""
        return self.kind.category == "enforcement"

    @property
    def is_pre_enforcement(self) -> bool:
        """执前督促 (执前调) case."""
        return self.kind.category == "pre_enforcement"


def _split_codes(codes: str, text: str) -> tuple[str, str]:
    """Split an optional one-character special-trial code (专门审判代字) from the type code."""
    if codes in CASE_TYPES:
        return "", codes
    if len(codes) > 1 and codes[1:] in CASE_TYPES:
        return codes[0], codes[1:]
    raise InvalidValue(f"unknown case type code {codes!r} in {text!r}")


def parse_case_number(text: str) -> CaseNumber:
    return CaseNumber.parse(text)
