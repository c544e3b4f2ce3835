"""Dates known to a year, a month or a day, as the official lists give them."""

import datetime
import re

_PARTIAL_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?$")


def parse_partial_date(text: str) -> tuple[datetime.date, str]:
    """Parse "1985", "1985-06" or "1985-06-29" into (first day of the period, precision).

    Raises ValueError for anything else, including impossible days such as 1986-13-01.
    """
    match = _PARTIAL_DATE.match(text.strip())
    if not match:
        raise ValueError(text)
    year = int(match["year"])
    if match["day"]:
        return datetime.date(year, int(match["month"]), int(match["day"])), "day"
    if match["month"]:
        return datetime.date(year, int(match["month"]), 1), "month"
    return datetime.date(year, 1, 1), "year"


def format_partial_date(value: datetime.date | None, precision: str) -> str:
    if value is None:
        return ""
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()
