"""XLSX exports of a fair's meetings and outcomes, for organisers.

Every cell goes through ``amity.documents.spreadsheets`` (text cells, never a formula); times
are in the fair's zone, named in the header. An export is bounded: a fair larger than
``MAX_EXPORT_ROWS`` is refused with a message rather than filling a worker's memory.
"""

from __future__ import annotations

import io
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from amity.documents.spreadsheets import xlsx_text_row
from amity.fair.models import Fair, Meeting, MeetingOutcome

# 17,000 meetings of the largest fair measured, twice over for both sides' outcomes.
MAX_EXPORT_ROWS = 50_000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _bounded(rows, what: str):
    count = rows.count()
    if count > MAX_EXPORT_ROWS:
        raise ValidationError(
            _("%(count)s %(what)s are more than one export holds (%(max)s).")
            % {"count": count, "what": what, "max": MAX_EXPORT_ROWS}
        )
    return rows


def _when(value, zone: ZoneInfo) -> str:
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def _workbook(title: str, header: list[str], rows) -> bytes:
    import openpyxl  # loaded on first use, as elsewhere: a page request seldom needs it

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append(xlsx_text_row(sheet, header))
    for row in rows:
        sheet.append(xlsx_text_row(sheet, row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def fair_meetings(fair: Fair):
    """The fair's meetings with everything one row shows, in one query."""
    return (
        Meeting.objects.filter(fair=fair)
        .select_related("slot", "table", "interpreter", "request__sender", "request__receiver")
        .order_by("slot__starts_at", "table__number", "pk")
    )


def meetings_xlsx(fair: Fair) -> bytes:
    zone = ZoneInfo(fair.event.time_zone)
    header = [
        _("Starts (%(zone)s)") % {"zone": fair.event.time_zone},
        _("Ends"),
        _("Table"),
        _("Requesting participant"),
        _("Requesting participant (Chinese)"),
        _("Requested participant"),
        _("Requested participant (Chinese)"),
        _("Interpreter"),
        _("Status"),
        _("Locked"),
    ]
    meetings = _bounded(fair_meetings(fair), _("meetings"))

    def rows():
        for m in meetings.iterator(chunk_size=2000):
            yield [
                _when(m.slot.starts_at, zone),
                _when(m.slot.ends_at, zone),
                m.table.number,
                m.request.sender.name_en,
                m.request.sender.name_zh,
                m.request.receiver.name_en,
                m.request.receiver.name_zh,
                m.interpreter.name if m.interpreter_id else "",
                m.get_status_display(),
                _("yes") if m.locked else _("no"),
            ]

    return _workbook(_("Meetings"), header, rows())


def fair_outcomes(fair: Fair):
    return (
        MeetingOutcome.objects.filter(meeting__fair=fair)
        .select_related(
            "participant", "meeting__slot", "meeting__request__sender", "meeting__request__receiver"
        )
        .order_by("meeting__slot__starts_at", "meeting_id", "participant_id")
    )


def outcomes_xlsx(fair: Fair) -> bytes:
    zone = ZoneInfo(fair.event.time_zone)
    header = [
        _("Meeting"),
        _("Starts (%(zone)s)") % {"zone": fair.event.time_zone},
        _("Answered by"),
        _("Other side"),
        _("Outcome"),
        _("Note"),
        _("Answered (%(zone)s)") % {"zone": fair.event.time_zone},
    ]
    outcomes = _bounded(fair_outcomes(fair), _("outcomes"))

    def rows():
        for o in outcomes.iterator(chunk_size=2000):
            other = o.meeting.request.other_side(o.participant)
            yield [
                o.meeting_id,
                _when(o.meeting.slot.starts_at, zone),
                o.participant.name_en,
                other.name_en,
                o.get_rating_display(),
                o.note,
                _when(o.updated_at, zone),
            ]

    return _workbook(_("Outcomes"), header, rows())
