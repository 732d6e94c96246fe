"""Errors raised by the legal core."""


class InvalidValue(ValueError):
    """A value (identity number, case number, amount, date …) is malformed.

    The message says what was expected; the caller adds where (file, index, field).
    """


class CalendarNotCovered(ValueError):
    """A date falls in a year for which the working-day calendar has no official data."""
