"""The instruments the rules cite, by their full titles, and dated article numbers."""

from __future__ import annotations

from datetime import date

from goodfaith.core.rules.outcome import Citation

#: 最高人民法院关于公布失信被执行人名单信息的若干规定 (法释〔2017〕7号修正, 2017-05-01)
DISHONEST_LIST = "最高人民法院关于公布失信被执行人名单信息的若干规定"
#: 最高人民法院关于限制被执行人高消费及有关消费的若干规定 (2015-07-22)
CONSUMPTION = "最高人民法院关于限制被执行人高消费及有关消费的若干规定"
#: 法发〔2019〕35号
GOOD_FAITH_2019 = "最高人民法院关于在执行工作中进一步强化善意文明执行理念的意见"
#: 2022; only art. 20 (信用修复证明) was found (shared/law §4)
SME_2022 = "最高人民法院关于充分发挥司法职能作用助力中小微企业发展的指导意见"
CIVIL_PROCEDURE = "中华人民共和国民事诉讼法"
#: guiding case of the Huadu court (seed 000); "article" numbers the paragraph of its reasoning
HUADU_CASE = "2024-17-5-101-004 钟某某与刘某等执行实施案"
#: seed 003
CONGHUA_RULES = "广州市从化区人民法院全面督促自动履行工作机制"

# Civil Procedure Law texts in force: 2017 text (from 2017-07-01), 2021 text (from 2022-01-01),
# 2023 text (from 2024-01-01). Arts 1–120 kept their numbers in 2021 and 2023 except that the
# 2021 text renumbered the fines articles (old 111 -> 114, old 115 -> 118); the enforcement part
# moved by +7 in 2021 and +4 more in 2023.
_CPL_TEXTS = (
    (date(2024, 1, 1), "2023"),
    (date(2022, 1, 1), "2021"),
    (date(1991, 4, 9), "2017"),
)
_CPL_ARTICLES: dict[str, dict[str, int]] = {
    # topic: number in the 2017 / 2021 / 2023 text
    "obstruction": {"2017": 111, "2021": 114, "2023": 114},
    "false_litigation": {"2017": 112, "2021": 115, "2023": 115},
    "collusive_evasion": {"2017": 113, "2021": 116, "2023": 116},
    "fine_amounts": {"2017": 115, "2021": 118, "2023": 118},
    "sanction_procedure": {"2017": 116, "2021": 119, "2023": 119},
    "performance_duty": {"2017": 236, "2021": 243, "2023": 247},
    "enforcement_notice": {"2017": 240, "2021": 247, "2023": 251},
    "property_report": {"2017": 241, "2021": 248, "2023": 252},
    "specified_acts": {"2017": 252, "2021": 259, "2023": 263},
    "late_interest": {"2017": 253, "2021": 260, "2023": 264},
    "exit_and_credit": {"2017": 255, "2021": 262, "2023": 266},
}


def cpl_text(on: date) -> str:
    """Which text of the Civil Procedure Law is in force on ``on``."""
    return next(name for start, name in _CPL_TEXTS if on >= start)


def cpl(topic: str, on: date, paragraph: int | None = None, item: int | None = None) -> Citation:
    """The Civil Procedure Law article on ``topic`` as numbered in the text in force on ``on``."""
    return Citation(CIVIL_PROCEDURE, _CPL_ARTICLES[topic][cpl_text(on)], paragraph, item)


def cite(
    source: str, article: int, paragraph: int | None = None, item: int | None = None
) -> Citation:
    return Citation(source, article, paragraph, item)
