"""What an import reports: the summary of a good file, or every error of a bad one."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# The problems of a rejected file that are listed; the rest are counted.
MAX_ERRORS_KEPT = 200


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem, located as a spreadsheet shows it (the header is row 1)."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        # Translators: where an import error is: "row 7, column established_on: …".
        where = [_("row %(row)s") % {"row": self.row}] if self.row is not None else []
        if self.column:
            where.append(_("column %(column)s") % {"column": self.column})
        return f"{', '.join(where)}: {self.message}" if where else self.message


class ImportRejected(Exception):
    """The file was refused as a whole; nothing was imported.

    ``errors`` holds the first problems (at most ``MAX_ERRORS_KEPT``), ``total`` counts them
    all: a file of 250,000 bad rows must not become a 31 MB error list.
    """

    def __init__(self, errors: list[RowError], total: int | None = None) -> None:
        self.errors = errors[:MAX_ERRORS_KEPT]
        self.total = len(errors) if total is None else total
        first = str(errors[0]) if errors else _("the file was rejected")
        more = _(" (and %(count)s more)") % {"count": self.total - 1} if self.total > 1 else ""
        super().__init__(first + more)


@dataclass(slots=True)
class ImportSummary:
    created: int
    updated: int
    unchanged: int
    # Things worth knowing that did not stop the import, e.g. columns that were ignored.
    warnings: list[str] = field(default_factory=list)
