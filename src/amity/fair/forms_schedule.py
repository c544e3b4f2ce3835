"""The schedule page's filter form: it parses the query string; the list query decides."""

from zoneinfo import ZoneInfo

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from amity.fair.domain.schedule_list import ScheduleFilters
from amity.fair.models import FairSession, MeetingStatus


class ScheduleFilterForm(forms.Form):
    session = forms.ModelChoiceField(
        label=_("day and session"),
        queryset=FairSession.objects.none(),
        required=False,
        empty_label=_("every session"),
    )
    table = forms.IntegerField(label=_("table number"), min_value=1, required=False)
    q = forms.CharField(label=_("participant"), max_length=100, required=False)
    status = forms.ChoiceField(
        label=_("status"),
        choices=[("", _("all but cancelled")), *MeetingStatus.choices],
        required=False,
    )

    def __init__(self, *args, fair, time_zone: str, **kwargs):
        super().__init__(*args, **kwargs)
        session = self.fields["session"]
        session.queryset = FairSession.objects.filter(fair=fair).order_by("starts_at")
        session.label_from_instance = lambda s: _session_label(s, time_zone)

    def filters(self) -> ScheduleFilters:
        """The valid fields only: a wrong table number is reported, the other filters hold."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        session = data.get("session")
        return ScheduleFilters(
            session_id=session.pk if session else None,
            table_number=data.get("table"),
            text=(data.get("q") or "").strip(),
            status=data.get("status") or "",
        )


def _session_label(session: FairSession, time_zone: str) -> str:
    starts = timezone.localtime(session.starts_at, ZoneInfo(time_zone))
    return f"{formats.date_format(starts, 'D j M')} {session.get_part_display()}"
