"""Forms of the events pages. They parse input only; the domain actions check the rules.

Date-times are typed in the event's own time zone: views validate and render these forms
inside ``timezone.override(event.time_zone)``, so Django stores the UTC instant.
"""

import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

from amity.cities.models import Partnership, Place
from amity.events.domain.delegations import DELEGATE_FIELDS, DELEGATION_FIELDS
from amity.events.domain.programme import EVENT_FIELDS, SESSION_FIELDS, SPEAKER_FIELDS
from amity.events.models import Attendee, Delegation, Event, Session, Speaker

LOCAL_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class HttpsURLField(forms.URLField):
    def __init__(self, **kwargs) -> None:
        super().__init__(assume_scheme="https", **kwargs)


class EventForm(forms.ModelForm):
    partnerships = forms.ModelMultipleChoiceField(
        label=_("Partnerships concerned"),
        queryset=Partnership.objects.select_related("place").order_by("place__name_en"),
        required=False,
        help_text=_("Each partner's page shows the event on its timeline."),
    )

    class Meta:
        model = Event
        fields = EVENT_FIELDS
        widgets = {"starts_on": DATE, "ends_on": DATE, "delegation_deadline": LOCAL_DATETIME}

    def clean_time_zone(self) -> str:
        zone = self.cleaned_data["time_zone"].strip()
        if zone not in zoneinfo.available_timezones():
            raise forms.ValidationError(_("Unknown time zone (for example Asia/Shanghai)."))
        return zone

    def _post_clean(self) -> None:
        # The domain action checks the whole event; the form only parses.
        pass


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = SESSION_FIELDS
        widgets = {"starts_at": LOCAL_DATETIME, "ends_at": LOCAL_DATETIME}
        field_classes = {"source_url": HttpsURLField}

    def _post_clean(self) -> None:
        pass


class DelegationForm(forms.ModelForm):
    class Meta:
        model = Delegation
        fields = DELEGATION_FIELDS
        widgets = {"arrival_at": LOCAL_DATETIME, "departure_at": LOCAL_DATETIME}

    def __init__(self, *args, delegate: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if delegate:
            for name in set(DELEGATION_FIELDS) - set(DELEGATE_FIELDS):
                del self.fields[name]

    def _post_clean(self) -> None:
        pass


class NewDelegationForm(DelegationForm):
    place = forms.ModelChoiceField(label=_("Partner city"), queryset=Place.objects.all())

    field_order = ["place"]


class MemberForm(forms.ModelForm):
    class Meta:
        model = Attendee
        fields = (
            "role",
            "name_en",
            "name_zh",
            "name_native",
            "title_en",
            "title_zh",
            "organisation_name",
            "email",
            "phone",
        )

    def _post_clean(self) -> None:
        pass


class InviteHeadForm(forms.Form):
    email = forms.EmailField(label=_("E-mail of the head of delegation"))
    first_name = forms.CharField(label=_("First name"), required=False, max_length=150)
    last_name = forms.CharField(label=_("Last name"), required=False, max_length=150)


class SpeakerForm(forms.ModelForm):
    class Meta:
        model = Speaker
        fields = SPEAKER_FIELDS
        field_classes = {"source_url": HttpsURLField}

    def __init__(self, *args, event: Event, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attendee"].queryset = event.attendees.order_by("name_en")
        self.fields["attendee"].help_text = _("Or type the name of a speaker from outside.")
        self.fields["name_en"].required = False

    def _post_clean(self) -> None:
        pass
