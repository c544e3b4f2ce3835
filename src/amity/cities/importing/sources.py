"""The `source` column: one or more statements of where a row's facts come from.

Statements are separated by ";". Three forms occur in the official-list spreadsheets:

- a title, optionally with a note after a colon:
  "China Daily 2023 forum report: friendship city since 1994";
- a conflicting date from another source: "the 2007 Shanghai Statistical Yearbook gives
  1985-06-29" (kept as that source's own statement of the date; both are shown);
- a remark in lower case that qualifies the statement before it: "day and month not found".
"""

import re
from dataclasses import dataclass

_GIVES = re.compile(
    r"^(?:the\s+)?(?P<title>.+?)\s+gives\s+(?P<value>\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)\.?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class SourceStatement:
    title: str
    note: str = ""
    # The establishment date as this source states it when it differs from the row's own date.
    stated_date: str | None = None


def parse_sources(text: str) -> list[SourceStatement]:
    statements: list[SourceStatement] = []
    for raw in text.split(";"):
        part = raw.strip()
        if not part:
            continue
        if match := _GIVES.match(part):
            statements.append(
                SourceStatement(title=_title(match["title"]), stated_date=match["value"])
            )
        elif part[0].islower() and statements:
            previous = statements[-1]
            note = f"{previous.note}; {part}" if previous.note else part
            statements[-1] = SourceStatement(previous.title, note, previous.stated_date)
        else:
            title, _, note = part.partition(":")
            statements.append(SourceStatement(title=_title(title), note=note.strip()))
    return statements


def format_sources(statements: list[SourceStatement]) -> str:
    """The inverse of parse_sources, for the export."""
    parts: list[str] = []
    for statement in statements:
        if statement.stated_date:
            parts.append(f"{statement.title} gives {statement.stated_date}")
            if statement.note:
                parts.append(statement.note)
        elif statement.note:
            parts.append(f"{statement.title}: {statement.note}")
        else:
            parts.append(statement.title)
    return "; ".join(parts)


def _title(text: str) -> str:
    title = text.strip()
    # "the 2007 yearbook" and "2007 yearbook" are one source.
    if title.lower().startswith("the "):
        title = title[4:]
    return title[:1].upper() + title[1:]
