"""Forms of the set-up tabs and of a participant's people: they parse; the domain decides."""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from amity.fair.models import Fair, SessionPart


class SessionForm(forms.Form):
    day = forms.DateField(label=_("day"), widget=forms.DateInput(attrs={"type": "date"}))
    part = forms.ChoiceField(label=_("part of the day"), choices=SessionPart.choices)
    starts = forms.TimeField(label=_("starts"), widget=forms.TimeInput(attrs={"type": "time"}))
    ends = forms.TimeField(label=_("ends"), widget=forms.TimeInput(attrs={"type": "time"}))

    def session_fields(self) -> dict:
        """The action's arguments: the times are read in the current (the event's) time zone."""
        data = self.cleaned_data
        zone = timezone.get_current_timezone()
        return {
            "part": data["part"],
            "starts_at": timezone.make_aware(datetime.combine(data["day"], data["starts"]), zone),
            "ends_at": timezone.make_aware(datetime.combine(data["day"], data["ends"]), zone),
        }


class TableForm(forms.Form):
    number = forms.IntegerField(label=_("number"), min_value=1, max_value=32767)
    exhibitor = forms.ModelChoiceField(
        label=_("fixed exhibitor"), queryset=None, required=False, empty_label="—"
    )

    def __init__(self, *args, fair: Fair, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Participants that have no fixed table yet.
        self.fields["exhibitor"].queryset = fair.participants.filter(fixed_table__isnull=True).only(
            "pk", "name_en", "name_zh"
        )


class InterpreterForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=200)
    languages = forms.CharField(
        label=_("languages"), max_length=100, help_text=_("ISO 639 codes, e.g. zh, en")
    )
    sessions = forms.ModelMultipleChoiceField(
        label=_("available in sessions"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, fair: Fair, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sessions"].queryset = fair.sessions.all()
        self.fields["sessions"].label_from_instance = session_label


def session_label(session) -> str:
    start = timezone.localtime(session.starts_at)
    return f"{start:%Y-%m-%d} {session.get_part_display()} {start:%H:%M}"


class RepresentativeForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=200)
    title = forms.CharField(label=_("title"), max_length=200, required=False)
    email = forms.EmailField(label=_("e-mail"), required=False)
    phone = forms.CharField(label=_("phone"), max_length=50, required=False)
