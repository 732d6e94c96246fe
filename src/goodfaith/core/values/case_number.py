"""Case numbers (案号) per the SPC rules (法〔2015〕137号, amended 法〔2018〕335号):
``（收案年度）法院代字[专门审判代字]类型代字案件编号号``, e.g. ``（2022）粤0114执4600号``.

The type codes are those of the SPC standard 《人民法院案件类型及其代字标准》, plus the local codes
courts use for pre-enforcement urging (执前调, 执诉前调) and pre-litigation mediation (诉前调).
"""

from __future__ import annotations

import re
import unicodedata
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
    "other",
]


@dataclass(frozen=True, slots=True)
class CaseType:
    """A case type (案件类型) and its type code (类型代字)."""

    code: str
    name: str
    category: Category


def _table(*groups: tuple[Category, str]) -> dict[str, CaseType]:
    """Groups of ``"code name code name …"`` (any whitespace between) -> the table by code."""
    table: dict[str, CaseType] = {}
    for category, pairs in groups:
        words = pairs.split()
        for code, name in zip(words[::2], words[1::2], strict=True):
            if code in table:
                raise ValueError(f"type code {code} is listed twice")
            table[code] = CaseType(code, name, category)
    return table


CASE_TYPES: dict[str, CaseType] = _table(
    (
        "enforcement",
        "执 首次执行案件  执恢 恢复执行案件  执保 财产保全执行案件",
    ),
    (
        "enforcement_review",
        """
        执异 执行异议案件  执复 执行复议案件  执监 执行监督案件
        执协 执行协调案件  执他 其他执行案件
        """,
    ),
    (
        "pre_enforcement",
        "执前调 执行前督促履行案件  执诉前调 执行前督促履行案件",
    ),
    (
        "civil",
        """
        民初 民事一审案件  民终 民事二审案件  民监 民事依职权再审审查案件
        民申 民事申请再审审查案件  民抗 民事抗诉再审审查案件  民再 民事再审案件
        民撤 第三人撤销之诉案件  民特 特别程序案件  民特监 民事特别程序监督案件
        民催 催告案件  民督 申请支付令审查案件  民督监 支付令监督案件
        民他 其他民事案件  民保令 人身安全保护令申请审查案件  民保更 人身安全保护令变更案件
        民辖 民事管辖案件  民辖终 民事管辖上诉案件  民辖监 民事管辖监督案件
        """,
    ),
    (
        "criminal",
        """
        刑初 刑事一审案件  刑终 刑事二审案件  刑监 刑事依职权再审审查案件
        刑申 刑事申诉再审审查案件  刑抗 刑事抗诉再审审查案件  刑再 刑事再审案件
        刑没 申请没收违法所得案件  刑核 刑事复核案件  刑医 申请强制医疗审查案件
        刑医解 解除强制医疗审查案件  刑医复 强制医疗复议案件  刑医监 强制医疗监督案件
        刑止 停止执行死刑案件  刑止调 停止执行死刑调查案件  刑止核 停止执行死刑调查审核案件
        刑更 刑罚与执行变更审查案件  刑更监 刑罚与执行变更监督案件
        刑更备 刑罚与执行变更备案案件  刑他 其他刑事案件  刑教 申请安置教育审查案件
        刑教解 解除安置教育审查案件  刑教复 安置教育复议案件  刑教监 安置教育监督案件
        刑辖 刑事管辖案件
        """,
    ),
    (
        "administrative",
        """
        行初 行政一审案件  行终 行政二审案件  行监 行政依职权再审审查案件
        行申 行政申请再审审查案件  行抗 行政抗诉再审审查案件  行再 行政再审案件
        行审 非诉行政行为申请执行审查案件  行审复 非诉行政行为申请执行审查复议案件
        行他 其他行政案件  行辖 行政管辖案件  行辖终 行政管辖上诉案件
        """,
    ),
    (
        "compensation",
        """
        行赔初 行政赔偿一审案件  行赔终 行政赔偿二审案件  行赔监 行政赔偿依职权再审审查案件
        行赔申 行政赔偿申请再审审查案件  行赔抗 行政赔偿抗诉再审审查案件
        行赔再 行政赔偿再审案件  行赔他 其他行政赔偿案件  赔辖 行政赔偿管辖案件
        赔辖终 行政赔偿管辖上诉案件  法赔 法院作为赔偿义务机关自赔案件
        委赔 赔偿委员会审理赔偿案件  委赔监 司法赔偿监督审查案件  赔确监 赔偿确认申诉审查案件
        委赔提 司法赔偿监督上级法院赔偿委员会重审案件
        委赔再 司法赔偿监督本院赔偿委员会重审案件  赔他 其他赔偿案件
        司救刑 刑事司法救助案件  司救民 民事司法救助案件  司救行 行政司法救助案件
        司救赔 国家赔偿司法救助案件  司救执 执行司法救助案件  司救访 涉诉信访司法救助案件
        司救他 其他司法救助案件
        """,
    ),
    (
        "preservation",
        """
        财保 非诉财产保全审查案件  行保 非诉行为保全审查案件
        行保复 非诉行为保全复议案件  证保 非诉证据保全审查案件
        """,
    ),
    ("sanction", "司惩 司法制裁审查案件  司惩复 司法制裁复议案件"),
    (
        "bankruptcy",
        """
        清申 强制清算申请审查案件  破申 破产申请审查案件  清终 强制清算上诉案件
        破终 破产上诉案件  清监 强制清算监督案件  破监 破产监督案件  强清 强制清算案件
        破 破产案件
        """,
    ),
    (
        "other",
        """
        诉前调 诉前调解案件
        认台 认可与执行台湾地区法院裁判或仲裁裁决审查案件
        认港 认可与执行香港特别行政区法院裁判或仲裁裁决审查案件
        认澳 认可与执行澳门特别行政区法院裁判或仲裁裁决审查案件
        认复 认可与执行审查复议案件  认他 认可与执行审查其他案件
        请台送 请求台湾地区送达文书审查案件  请港送 请求香港特别行政区法院送达文书审查案件
        请澳送 请求澳门特别行政区法院送达文书审查案件  台请送 台湾地区请求送达文书案件
        港请送 香港特别行政区法院请求送达文书案件  澳请送 澳门特别行政区法院请求送达文书案件
        请台调 请求台湾地区调查取证审查案件  请港调 请求香港特别行政区调查取证审查案件
        请澳调 请求澳门特别行政区法院调查取证审查案件  台请调 台湾地区请求调查取证案件
        港请调 香港特别行政区请求调查取证案件  澳请调 澳门特别行政区法院请求调查取证案件
        请移管 接收在台湾地区被判刑人案件  助移管 向台湾地区移管被判刑人案件
        请移赃 接收台湾地区移交罪赃案件  助移赃 向台湾地区移交罪赃案件
        协外认 承认与执行外国法院裁判或国外仲裁裁决审查案件  协他 承认与执行审查其他案件
        协外送 外国法院请求送达文书案件  请外送 请求外国法院送达文书审查案件
        协外调 外国法院请求调查取证案件  请外调 请求外国法院调查取证审查案件
        请外移 接收在外国被判刑人案件  协外移 向外国移管被判刑人案件
        请外引 请求外国引渡案件  协外引 协助外国引渡案件
        """,
    ),
)

SPECIAL_TRIAL_CODES: dict[str, str] = {"知": "知识产权"}
"""The special-trial codes (专门审判代字, 法〔2018〕335号) known to this module: only 知 was seen."""

PROVINCES = "京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新军兵"
"""The high courts' codes: the 31 provinces (内 for Inner Mongolia), 军 (PLA) and 兵 (XPCC)."""

_SHAPE = re.compile(
    r"\((?P<year>[0-9]+)\)(?P<court>最高法|\D[0-9]*)(?P<codes>\D+)(?P<serial>[0-9]+)"
)
_COURT = re.compile(rf"最高法|[{PROVINCES}](?:[0-9]{{2}}|[0-9]{{4}})?")
_EXAMPLE = "（2022）粤0114执4600号"


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
        """Parse ``（2022）粤0114执4600号``; ASCII brackets and digits and spaces are accepted."""
        # NFKC turns full-width brackets and digits into ASCII and leaves the CJK characters alone.
        compact = "".join(unicodedata.normalize("NFKC", text).split())
        if not compact.endswith("号"):
            raise InvalidValue(
                f"expected a case number ending in 号, such as {_EXAMPLE}, got {text!r}"
            )
        match = _SHAPE.fullmatch(compact[:-1])
        if match is None:
            raise InvalidValue(f"expected a case number such as {_EXAMPLE}, got {text!r}")
        year, court, codes, serial = match.group("year", "court", "codes", "serial")
        if len(year) != 4:
            raise InvalidValue(
                f"expected a case number with a four-digit year, got {year!r} in {text!r}"
            )
        if not 1990 <= int(year) <= 2100:
            raise InvalidValue(
                f"expected a case number with a year 1990–2100, got {year} (out of range) "
                f"in {text!r}"
            )
        if not _COURT.fullmatch(court):
            raise InvalidValue(
                "expected a case number with a court code: 最高法, or a province abbreviation "
                f"with none, 2 or 4 digits (粤, 粤01, 粤0114), got {court!r} in {text!r}"
            )
        if int(serial) == 0:
            raise InvalidValue(f"expected a serial number from 1, got {serial} in {text!r}")
        special, type_code = _split_codes(codes, text)
        return cls(int(year), court, type_code, int(serial), special)

    def __str__(self) -> str:
        return f"（{self.year}）{self.court}{self.special}{self.type_code}{self.serial}号"

    @property
    def kind(self) -> CaseType:
        """The case type named by the type code."""
        return CASE_TYPES[self.type_code]

    @property
    def is_enforcement(self) -> bool:
        """An enforcement-implementation case: 首次执行 (执), 恢复执行 (执恢) or 保全执行 (执保)."""
        return self.kind.category == "enforcement"

    @property
    def is_pre_enforcement(self) -> bool:
        """A pre-enforcement urging case (执前督促, 执前调 or 执诉前调)."""
        return self.kind.category == "pre_enforcement"


def _split_codes(codes: str, text: str) -> tuple[str, str]:
    """Split the characters between court and serial into special-trial code and type code.

    The whole run is tried as a type code first; only if that fails is its first character taken as
    a special-trial code, and then only when it is a known one and the rest is a known type code.
    Because the serial ends the run, this is the longest match: 执恢 is never read as 执 + 恢.
    """
    if codes in CASE_TYPES:
        return "", codes
    if codes[:1] in SPECIAL_TRIAL_CODES and codes[1:] in CASE_TYPES:
        return codes[0], codes[1:]
    raise InvalidValue(
        f"unknown case type code {codes!r} in {text!r}; expected one of the SPC codes such as "
        "执, 执恢, 民初, 民终, optionally after a special-trial code ("
        + ", ".join(SPECIAL_TRIAL_CODES)
        + ")"
    )


def parse_case_number(text: str) -> CaseNumber:
    """Same as :meth:`CaseNumber.parse`."""
    return CaseNumber.parse(text)
