"""Partial dates: a year, a year and month, or a full day.

Sources often give only "2019" or "November 2022"; ordering must still work so that
2022 < 2022-11 < 2022-11-15 (a missing part sorts before any given one).
"""

# No `from __future__ import annotations`: typing.NamedTuple would compile each
# string annotation into a ForwardRef on every start-up.

import re
from datetime import date
from typing import NamedTuple

# ASCII digits only: \d would take "２０２３" (fullwidth) and "٢٠٢٣" as years.
_PATTERN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class PartialDate(NamedTuple):
    """Ordered as a tuple: (2022, 0, 0) < (2022, 11, 0) < (2022, 11, 15)."""

    year: int
    month: int = 0  # 0: not given
    day: int = 0  # 0: not given

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
            if self.day:
                text += f"-{self.day:02d}"
        return text


def parse_partial_date(text: str) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError otherwise."""
    match = _PATTERN.fullmatch(text.strip())
    if match is None:
        shown = repr(text) if len(text) <= 40 else repr(text[:37]) + "..."
        raise ValueError(f"not a date: {shown} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(part) if part else 0 for part in match.groups())
    if year == 0:
        raise ValueError(f"not a date: {text!r} (year 0000 is out of range)")
    if match[2] is not None and not 1 <= month <= 12:  # "2023-00" is not "2023"
        raise ValueError(f"not a date: {text!r} (month {month} is out of range)")
    if day:
        try:
            date(year, month, day)
        except ValueError as error:  # 2023-02-30 and the like
            raise ValueError(f"not a date: {text!r} ({error})") from None
    return PartialDate(year, month, day)
