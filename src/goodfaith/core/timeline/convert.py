"""Turn plain YAML/JSON values into the typed records of ``model``, driven by type hints.

Every failure raises ``FieldError`` carrying the path of the field (``obligations[0].amount``)
and what was expected; the loader adds the file and the event index.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal, TypeVar, Union, cast, get_args, get_origin

from goodfaith.core.errors import InvalidValue
from goodfaith.core.timeline.model import PARTY_MARKER
from goodfaith.core.values.case_number import CaseNumber
from goodfaith.core.values.money import parse_amount

T = TypeVar("T")


class FieldError(ValueError):
    """A field's value is malformed: ``path`` names the field, the message what was expected."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def _join(path: str, part: str | int) -> str:
    if isinstance(part, int):
        return f"{path}[{part}]"
    return f"{path}.{part}" if path else part


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, include_extras=True)


@functools.cache
def yaml_fields(cls: type) -> tuple[tuple[str, str, Any, bool], ...]:
    """(python name, YAML key, type, required) of a record's fields, ``TYPE`` excluded."""
    hints = _hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        out.append((f.name, f.metadata.get("key", f.name), hints[f.name], required))
    return tuple(out)


def build(cls: type[T], raw: Any, path: str = "", skip: frozenset[str] = frozenset()) -> T:
    """Build record ``cls`` from mapping ``raw``; keys in ``skip`` are ignored (e.g. ``type``)."""
    if not isinstance(raw, dict):
        raise FieldError(path or "(record)", f"expected a mapping, got {_show(raw)}")
    fields = yaml_fields(cast(type, cls))
    known = {yaml_key for _, yaml_key, _, _ in fields}
    for k in raw:
        if k not in known and k not in skip:
            raise FieldError(_join(path, str(k)), f"unknown key; expected one of {sorted(known)}")
    kwargs: dict[str, Any] = {}
    for name, yaml_key, tp, required in fields:
        fpath = _join(path, yaml_key)
        if yaml_key not in raw:
            if required:
                raise FieldError(fpath, "missing required field")
            continue
        kwargs[name] = convert(tp, raw[yaml_key], fpath)
    return cls(**kwargs)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def convert(tp: Any, value: Any, path: str) -> Any:
    """Convert ``value`` to type ``tp``; raise ``FieldError`` at ``path``."""
    origin = get_origin(tp)
    if origin is typing.Annotated:
        base, *marks = get_args(tp)
        if PARTY_MARKER in marks:
            if not isinstance(value, str) or not value:
                raise FieldError(path, f"expected a party key, got {_show(value)}")
            return value
        return convert(base, value, path)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return convert(args[0], value, path)
    if origin is Literal:
        allowed = get_args(tp)
        if isinstance(value, bool) and str(value).lower() in allowed:
            return str(value).lower()  # the enum value `false` written without quotes
        if value not in allowed or isinstance(value, bool) != isinstance(allowed[0], bool):
            raise FieldError(path, f"expected one of {list(allowed)}, got {_show(value)}")
        return value
    if origin is tuple:
        (item_tp, _) = get_args(tp)
        if not isinstance(value, list):
            raise FieldError(path, f"expected a list, got {_show(value)}")
        return tuple(convert(item_tp, v, _join(path, i)) for i, v in enumerate(value))
    if origin is dict:
        key_tp, val_tp = get_args(tp)
        if not isinstance(value, dict):
            raise FieldError(path, f"expected a mapping, got {_show(value)}")
        return {
            convert(key_tp, k, _join(path, str(k))): convert(val_tp, v, _join(path, str(k)))
            for k, v in value.items()
        }
    if dataclasses.is_dataclass(tp) and isinstance(tp, type) and tp is not CaseNumber:
        return build(tp, value, path)
    if tp is None or value is None:
        raise FieldError(path, "expected a value, got null")
    return _scalar(tp, value, path)


def _scalar(tp: Any, value: Any, path: str) -> Any:
    if tp is bool:
        if not isinstance(value, bool):
            raise FieldError(path, f"expected true or false, got {_show(value)}")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise FieldError(path, f"expected a whole number, got {_show(value)}")
        return value
    if tp is str:
        if not isinstance(value, str) or not value.strip():
            raise FieldError(path, f"expected non-empty text, got {_show(value)}")
        return value.strip()
    if tp is date:
        return _date(value, path)
    if tp is Decimal:
        try:
            return parse_amount(value)
        except InvalidValue as exc:
            raise FieldError(path, str(exc)) from None
    if tp is CaseNumber:
        if not isinstance(value, str):
            raise FieldError(
                path, f"expected a case number such as （2022）粤0114执4600号, got {_show(value)}"
            )
        try:
            return CaseNumber.parse(value)
        except InvalidValue as exc:
            raise FieldError(path, str(exc)) from None
    raise TypeError(f"no converter for {tp!r} at {path}")  # a bug in the model, not in the file


def _date(value: Any, path: str) -> date:
    if isinstance(value, datetime):
        raise FieldError(path, f"expected a date YYYY-MM-DD without time, got {value.isoformat()}")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            if len(value) == 10:
                return date.fromisoformat(value)
        except ValueError:
            pass
    raise FieldError(path, f"expected a date YYYY-MM-DD, got {_show(value)}")
