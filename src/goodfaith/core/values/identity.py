"""Identity numbers: the resident identity number (公民身份号码, GB 11643) of a person and the
unified social credit code (统一社会信用代码, GB 32100) of a unit.

Check characters and dates are checked strictly; an unknown or out-of-date region code is only a
warning, because real numbers carry codes that python-stdnum's tables lack.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from stdnum.cn import ric, uscc
from stdnum.exceptions import ValidationError

from goodfaith.core.errors import InvalidValue

_USCC_ALPHABET = set("0123456789ABCDEFGHJKLMNPQRTUWXY")


@dataclass(frozen=True, slots=True)
class ResidentId:
    """A valid resident identity number and what it tells."""

    number: str
    region_code: str
    birth_date: date
    gender: Literal["male", "female"]
    warnings: tuple[str, ...] = ()

    def age_on(self, d: date) -> int:
        """Full years of age on ``d`` (a 29 February birthday counts from 1 March)."""
        b = self.birth_date
        return d.year - b.year - ((d.month, d.day) < (b.month, b.day))

    def is_minor_on(self, d: date) -> bool:
        """Under 18 on ``d`` (未成年人); one turns 18 on the birthday."""
        return self.age_on(d) < 18

    @property
    def masked(self) -> str:
        """The public form: the month and day of birth hidden (``4401142006****6067``)."""
        return self.number[:10] + "****" + self.number[14:]


@dataclass(frozen=True, slots=True)
class CreditCode:
    """A valid unified social credit code."""

    number: str
    warnings: tuple[str, ...] = ()

    @property
    def registration_authority(self) -> str:
        """登记管理部门代码 (1 = 机构编制, 5 = 民政, 9 = 工商 …)."""
        return self.number[0]

    @property
    def org_type(self) -> str:
        """机构类别代码 (e.g. 1 = 企业 under authority 9)."""
        return self.number[1]


def parse_resident_id(text: str) -> ResidentId:
    number = text.replace(" ", "").upper()
    if len(number) != 18:
        raise InvalidValue(f"expected an 18-character resident identity number, got {text!r}")
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise InvalidValue(f"expected 17 digits and a digit or X, got {text!r}")
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise InvalidValue(
            f"the birth date {number[6:14]} in {text!r} is not a real date"
        ) from None
    expected = ric.calc_check_digit(number)
    if number[17] != expected:
        raise InvalidValue(f"wrong check digit in {text!r}: expected {expected}, got {number[17]}")
    warnings: tuple[str, ...] = ()
    try:
        ric.get_birth_place(number)
    except ValidationError:
        warnings = (f"region code {number[:6]} is not known for a birth in {birth.year}",)
    gender: Literal["male", "female"] = "male" if int(number[16]) % 2 else "female"
    return ResidentId(number, number[:6], birth, gender, warnings)


def parse_credit_code(text: str) -> CreditCode:
    number = text.replace(" ", "").upper()
    if len(number) != 18:
        raise InvalidValue(f"expected an 18-character unified social credit code, got {text!r}")
    bad = sorted(set(number) - _USCC_ALPHABET)
    if bad:
        raise InvalidValue(f"characters {''.join(bad)} are not allowed in a credit code: {text!r}")
    if not number[2:8].isdigit():
        raise InvalidValue(f"expected six digits of region code at positions 3–8 of {text!r}")
    expected = uscc.calc_check_digit(number[:17])
    if number[17] != expected:
        raise InvalidValue(
            f"wrong check character in {text!r}: expected {expected}, got {number[17]}"
        )
    return CreditCode(number)


def parse_identity(text: str, kind: Literal["person", "unit"]) -> ResidentId | CreditCode:
    """A person's resident identity number or a unit's credit code."""
    return parse_resident_id(text) if kind == "person" else parse_credit_code(text)
