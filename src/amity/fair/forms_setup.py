"""Forms of the set-up tabs and of a participant's people: they parse; the domain decides."""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from amity.fair.forms import Picker
from amity.fair.models import Fair, Participant, SessionPart

# A search list to choose from, never all 3,000 participants.
MAX_EXHIBITORS = 20


def exhibitor_candidates(fair: Fair):
    """Participants that have no fixed table yet."""
    return fair.participants.filter(fixed_table__isnull=True).only(
        "pk", "name_en", "name_zh", "city_name"
    )


def exhibitor_matches(fair: Fair, query: str, limit: int = MAX_EXHIBITORS) -> list[Participant]:
    text = query.strip()
    if not text:
        return []
    found = exhibitor_candidates(fair).filter(
        Q(name_en__icontains=text) | Q(name_zh__icontains=text)
    )
    return list(found.order_by("name_en", "pk")[:limit])


class ExhibitorPicker(Picker):
    placeholder = _("Type a participant's name in English or Chinese")

    def __init__(self, fair: Fair) -> None:
        super().__init__(single=True, search_url=reverse("fair:exhibitor-search", args=[fair.pk]))
        self.fair = fair

    def chips(self, value) -> list[dict]:
        ids = [int(v) for v in (value or []) if str(v).strip().isdigit()]
        chosen = exhibitor_candidates(self.fair).filter(pk__in=ids[:1])
        return [{"code": p.pk, "label": p.name_en, "note": p.city_name} for p in chosen]


class ExhibitorField(forms.Field):
    """A chosen participant's id, or (without JavaScript) a name that matches exactly one."""

    def __init__(self, *args, fair: Fair, **kwargs) -> None:
        super().__init__(*args, widget=ExhibitorPicker(fair), **kwargs)
        self.fair = fair

    def clean(self, value) -> Participant | None:
        texts = [str(v).strip() for v in (value or []) if str(v).strip()]
        if not texts:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        candidates = exhibitor_candidates(self.fair)
        chosen = [t for t in texts if t.isdigit()]
        if chosen:
            found = candidates.filter(pk=int(chosen[0])).first()
            if found is None:
                raise ValidationError(_("Choose a participant of this fair without a table."))
            return found
        matches = exhibitor_matches(self.fair, texts[0], limit=2)
        if len(matches) != 1:
            raise ValidationError(
                _("No participant without a table is called “%(name)s”.")
                if not matches
                else _("Several participants match “%(name)s”: type more of the name."),
                params={"name": texts[0]},
            )
        return matches[0]


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

    def __init__(self, *args, fair: Fair, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["exhibitor"] = ExhibitorField(
            label=_("fixed exhibitor"), required=False, fair=fair
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
