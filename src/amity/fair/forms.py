"""Forms of the fair's pages: they parse input; the domain actions decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from amity.engine.matching import COOPERATION_TYPES
from amity.fair.domain.setup import FAIR_FIELDS
from amity.fair.models import Fair, OpportunityKind, OrganisationSize


class ProfileForm(forms.Form):
    name_en = forms.CharField(label=_("name (English)"), max_length=200)
    name_zh = forms.CharField(label=_("name (Chinese)"), max_length=200, required=False)
    city_name = forms.CharField(label=_("city"), max_length=120)
    country = forms.CharField(
        label=_("country"), max_length=2, help_text=_("Two letters, e.g. NZ or CN.")
    )
    size = forms.ChoiceField(
        label=_("size"), choices=[("", "—"), *OrganisationSize.choices], required=False
    )
    sectors = forms.CharField(
        label=_("sectors (ISIC)"),
        required=False,
        help_text=_("ISIC Rev.4 codes separated by commas, e.g. 4923, 7911."),
    )
    languages = forms.CharField(
        label=_("languages spoken"), required=False, help_text=_("e.g. en, zh")
    )
    description = forms.CharField(label=_("description"), widget=forms.Textarea, required=False)
    max_meetings = forms.IntegerField(label=_("meetings at most"), min_value=1, max_value=100)
    contact_email = forms.EmailField(label=_("contact e-mail"), required=False)
    contact_phone = forms.CharField(label=_("contact phone"), max_length=50, required=False)
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    def profile_fields(self) -> dict:
        data = dict(self.cleaned_data)
        return data


def cooperation_choices(language_zh: bool = False) -> list[tuple[str, str]]:
    return [("", "—")] + [
        (k, zh if language_zh else en) for k, (en, zh) in COOPERATION_TYPES.items()
    ]


class OpportunityForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=OpportunityKind.choices)
    title = forms.CharField(label=_("title"), max_length=200)
    text = forms.CharField(label=_("text"), widget=forms.Textarea, required=False)
    cooperation = forms.ChoiceField(label=_("cooperation type"), required=False, choices=[])

    def __init__(self, *args, chinese: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cooperation"].choices = cooperation_choices(chinese)


class RequestForm(forms.Form):
    note = forms.CharField(label=_("note"), widget=forms.Textarea, required=False, max_length=2000)


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("reason (optional)"), widget=forms.Textarea, required=False, max_length=2000
    )


class FairSetupForm(forms.ModelForm):
    class Meta:
        model = Fair
        # The fields the set-up action may change: one list, in the domain.
        fields = list(FAIR_FIELDS)


class MeetingForm(forms.Form):
    first = forms.IntegerField(label=_("first participant"))
    second = forms.IntegerField(label=_("second participant"))
    note = forms.CharField(label=_("note"), required=False, max_length=2000)
