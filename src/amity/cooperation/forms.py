"""Forms of the cooperation pages: parse and label only; the domain actions check the rules."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.accounts.models import Organisation
from amity.cities.forms import ISO_DATE_INPUT
from amity.cities.models import Agreement, CooperationField, DatePrecision, Partnership, Place
from amity.cities.templatetags.registry import local_name
from amity.cooperation.domain.outcomes import CHOOSER_SIZE, linkable_outcomes
from amity.cooperation.domain.queries import participants_to_add
from amity.cooperation.models import (
    PRACTICE_SECTIONS,
    MilestoneStatus,
    PartnerRole,
    ProjectStatus,
    TransferStage,
)
from amity.cooperation.templatetags.cooperation import participant_city
from amity.fair.models import Participant

TEXTAREA = forms.Textarea(attrs={"rows": 3})


class LocalNameChoiceField(forms.ModelChoiceField):
    """Options named in the reader's language (a Chinese reader looks for 约翰内斯堡); a
    partnership is named by its place."""

    def label_from_instance(self, obj) -> str:
        return local_name(getattr(obj, "place", None) or obj)


def _source_fields() -> dict[str, forms.Field]:
    return {
        "source_title": forms.CharField(
            label=_("Source"),
            max_length=300,
            required=False,
            help_text=_("The report, press release or agreement that states this."),
        ),
        "source_url": forms.URLField(
            label=_("Web address of the source"), required=False, assume_scheme="https"
        ),
    }


def _fields_choice() -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=_("Fields of cooperation"),
        queryset=CooperationField.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class ProjectFilterForm(forms.Form):
    """The project list's query string; invalid values are dropped, never an error page."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", ""), *ProjectStatus.choices]
    )
    field = forms.SlugField(label=_("Field of cooperation"), required=False, max_length=40)

    def filters(self) -> dict[str, str]:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "text": data.get("q") or "",
            "status": data.get("status") or "",
            "field": data.get("field") or "",
        }


class ProjectForm(forms.Form):
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    title_zh = forms.CharField(label=_("Title (Chinese)"), max_length=300, required=False)
    summary_en = forms.CharField(label=_("Summary (English)"), widget=TEXTAREA, required=False)
    summary_zh = forms.CharField(label=_("Summary (Chinese)"), widget=TEXTAREA, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=ProjectStatus.choices)
    starts_on = forms.DateField(label=_("Starts"), widget=ISO_DATE_INPUT, required=False)
    ends_on = forms.DateField(label=_("Ends"), widget=ISO_DATE_INPUT, required=False)
    fields = _fields_choice()
    agreements = forms.ModelMultipleChoiceField(
        label=_("Agreements"),
        queryset=Agreement.objects.select_related("partnership__place").order_by("-signed_on"),
        required=False,
    )
    is_published = forms.BooleanField(label=_("Published"), required=False)
    locals().update(_source_fields())


class PartnerForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=PartnerRole.choices)
    partnership = LocalNameChoiceField(
        label=_("Partner city"),
        queryset=Partnership.objects.select_related("place").order_by("place__name_en"),
        required=False,
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.all(), required=False
    )


# How many fair participants the search offers at once: a fair has hundreds, a programme
# thousands; a narrower name finds the rest (the API takes any id).
PARTICIPANT_CHOICES = 50


def participant_label(participant: Participant) -> str:
    """ "Name (city) · fair", in the reader's language."""
    return str(_("%(name)s (%(city)s) · %(fair)s")) % {
        "name": local_name(participant),
        "city": participant_city(participant),
        "fair": local_name(participant.fair.event),
    }


class ParticipantPartnerForm(forms.Form):
    """A fair participant as a partner, chosen among the participants named like the search."""

    role = forms.ChoiceField(label=_("Role"), choices=PartnerRole.choices)
    participant = forms.ModelChoiceField(
        label=_("Fair participant"),
        queryset=Participant.objects.select_related("fair__event"),
    )

    def __init__(self, *args, project, query: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        offered = list(participants_to_add(project, query)[: PARTICIPANT_CHOICES + 1])
        self.cut = len(offered) > PARTICIPANT_CHOICES
        offered = offered[:PARTICIPANT_CHOICES]
        # The one already chosen stays offered when the form comes back with an error.
        chosen = self.data.get("participant") if self.is_bound else None
        if chosen and str(chosen).isdigit() and int(chosen) not in {p.pk for p in offered}:
            offered = [
                *self.fields["participant"].queryset.filter(pk=int(chosen)),
                *offered,
            ]
        self.offered = offered
        # The field validates against every participant; the widget lists only this slice.
        self.fields["participant"].widget.choices = [("", "---------")] + [
            (p.pk, participant_label(p)) for p in offered
        ]
        if not offered:
            self.fields["participant"].help_text = _(
                "No fair participant with this name; search for another."
            )


class MilestoneForm(forms.Form):
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    title_zh = forms.CharField(label=_("Title (Chinese)"), max_length=300, required=False)
    starts_on = forms.DateField(label=_("Planned start"), widget=ISO_DATE_INPUT)
    ends_on = forms.DateField(label=_("Planned end"), widget=ISO_DATE_INPUT, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=MilestoneStatus.choices)
    reached_on = forms.DateField(label=_("Actually reached"), widget=ISO_DATE_INPUT, required=False)
    locals().update(_source_fields())


class IndicatorForm(forms.Form):
    name_en = forms.CharField(label=_("Name (English)"), max_length=300, required=False)
    name_zh = forms.CharField(label=_("Name (Chinese)"), max_length=300, required=False)
    unit = forms.CharField(label=_("Unit"), max_length=40, required=False)
    baseline = forms.FloatField(label=_("Baseline"), required=False)
    target = forms.FloatField(label=_("Target"), required=False)


class ValueForm(forms.Form):
    # Not required here: the domain action says why a value needs its day.
    measured_on = forms.DateField(label=_("Measured on"), widget=ISO_DATE_INPUT, required=False)
    value = forms.FloatField(label=_("Value"))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    locals().update(_source_fields())


class UpdateForm(forms.Form):
    posted_on = forms.DateField(label=_("Date"), widget=ISO_DATE_INPUT, required=False)
    text_en = forms.CharField(label=_("Text (English)"), widget=TEXTAREA, required=False)
    text_zh = forms.CharField(label=_("Text (Chinese)"), widget=TEXTAREA, required=False)


class DocumentForm(forms.Form):
    # Translators: the title of a document (not a person's job title).
    title = forms.CharField(
        label=pgettext_lazy("document", "Title"), max_length=300, required=False
    )
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, Word, Excel, PowerPoint, PNG, JPEG or text.")
    )


def _place_choice(label) -> forms.ModelChoiceField:
    return LocalNameChoiceField(
        label=label,
        queryset=Place.objects.order_by("name_en"),
        required=False,
        empty_label=_("the home city"),
    )


class PracticeForm(forms.Form):
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    title_zh = forms.CharField(label=_("Title (Chinese)"), max_length=300, required=False)
    place = _place_choice(_("City it comes from"))
    fields = _fields_choice()
    organisation_en = forms.CharField(
        label=_("Organisation running it (English)"), max_length=300, required=False
    )
    organisation_zh = forms.CharField(
        label=_("Organisation running it (Chinese)"), max_length=300, required=False
    )
    organisation_url = forms.URLField(
        label=_("Web address of the organisation"), required=False, assume_scheme="https"
    )
    for _stem, _label in PRACTICE_SECTIONS:
        locals()[f"{_stem}_en"] = forms.CharField(
            label=format_lazy("{} ({})", _label, _("English")), widget=TEXTAREA, required=False
        )
        locals()[f"{_stem}_zh"] = forms.CharField(
            label=format_lazy("{} ({})", _label, _("Chinese")), widget=TEXTAREA, required=False
        )
    del _stem, _label
    looking_for_partners = forms.BooleanField(label=_("Looking for partners"), required=False)
    is_published = forms.BooleanField(label=_("Published"), required=False)
    locals().update(_source_fields())


class TransferForm(forms.Form):
    from_place = _place_choice(_("From city"))
    to_place = _place_choice(_("To city"))
    stage = forms.ChoiceField(label=_("Stage"), choices=TransferStage.choices)
    since = forms.DateField(label=_("Since"), widget=ISO_DATE_INPUT, required=False)
    since_precision = forms.ChoiceField(
        label=_("Precision of the date"),
        choices=[("", ""), *DatePrecision.choices],
        required=False,
    )
    adaptation_en = forms.CharField(
        label=_("Adaptation notes (English)"), widget=TEXTAREA, required=False
    )
    adaptation_zh = forms.CharField(
        label=_("Adaptation notes (Chinese)"), widget=TEXTAREA, required=False
    )
    locals().update(_source_fields())


class NetworkFilterForm(forms.Form):
    field = forms.SlugField(label=_("Field of cooperation"), required=False, max_length=40)


class ReportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1949, max_value=2200)


class PracticeMeetingForm(forms.Form):
    """Whom to meet about a practice at the next fair; the domain action checks the choice."""

    receiver = forms.IntegerField(label=_("Meet"), min_value=1)
    note = forms.CharField(
        label=_("Note for them (optional)"), widget=TEXTAREA, required=False, max_length=2000
    )


def outcome_label(outcome) -> str:
    """ "Fair · A – B · Agreement reached (rated by A)", in the reader's language."""
    request = outcome.meeting.request
    return " · ".join(
        [
            local_name(outcome.meeting.fair.event),
            f"{local_name(request.sender)} – {local_name(request.receiver)}",
            str(_("%(rating)s (rated by %(side)s)"))
            % {"rating": outcome.get_rating_display(), "side": local_name(outcome.participant)},
        ]
    )


class OutcomeForm(forms.Form):
    """A fair outcome to link; the newest that may have led somewhere are offered."""

    outcome = forms.TypedChoiceField(label=_("Fair outcome"), coerce=int)

    def __init__(self, *args, project, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        offered = linkable_outcomes(project)[:CHOOSER_SIZE]
        self.fields["outcome"].choices = [(o.pk, outcome_label(o)) for o in offered]
        if not self.fields["outcome"].choices:
            self.fields["outcome"].help_text = _(
                "No fair outcome to link yet: participants record them on their agendas "
                "after the meetings."
            )
