"""Case-number series (案号): the next free serial of a court's series for a year and type code.

A 执前调 registration or an enforcement filing takes the next number of its court's series
(e.g. ``（2026）粤0117执前调13号``). The number is proposed when the form opens; the unique
constraint on ``Case.number`` refuses a number taken in the meantime.
"""

from __future__ import annotations

from goodfaith.core.errors import InvalidValue
from goodfaith.core.values.case_number import CaseNumber
from goodfaith.web.cases.models import Case

#: the type code a new case of each opening event type takes
OPENING_CODES = {
    "pre_enforcement_registered": "执前调",
    "enforcement_filed": "执",
    "case_resumed": "执恢",
}


def next_case_number(court_code: str, year: int, type_code: str) -> str:
    """The next number of ``court_code``'s ``type_code`` series in ``year``."""
    prefix = f"（{year}）{court_code}{type_code}"
    last = 0
    for number in Case.objects.filter(number__startswith=prefix).values_list("number", flat=True):
        try:
            parsed = CaseNumber.parse(number)
        except InvalidValue:
            continue
        if parsed.type_code == type_code and parsed.court == court_code:
            last = max(last, parsed.serial)
    return str(CaseNumber(year=year, court=court_code, type_code=type_code, serial=last + 1))
