"""Forms of the fair's pages: they parse input; the domain actions decide."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from amity.engine.matching import COOPERATION_TYPES
from amity.engine.matching.isic import isic_table, normalise_code
from amity.fair.domain.profiles import clean_sectors
from amity.fair.domain.setup import FAIR_FIELDS
from amity.fair.models import Fair, OpportunityKind, OrganisationSize


class Picker(forms.Widget):
    """Chosen entries as removable chips plus a search-as-you-type box (htmx, pickers.js).

    Without JavaScript the chips are checkboxes (untick to remove) and the box is a plain text
    field the form field reads (codes, a name), so the form works the same. Subclasses say where
    the search is and how a chosen value is labelled.
    """

    template_name = "fair/widgets/picker.html"
    placeholder = ""

    def __init__(self, attrs=None, single: bool = False, search_url: str = "") -> None:
        super().__init__(attrs)
        self.single, self.search_url = single, search_url

    def value_from_datadict(self, data, files, name) -> list[str]:
        values = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
        if isinstance(values, str):
            values = [values]
        return [part for value in values for part in value.replace(";", ",").split(",")]

    def chips(self, value) -> list[dict]:
        raise NotImplementedError

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"].update(
            chips=self.chips(value),
            single=self.single,
            search_url=self.search_url,
            placeholder=self.placeholder,
        )
        return context


class SectorPicker(Picker):
    placeholder = _("Type a sector in English or Chinese, or an ISIC code")

    def __init__(self, attrs=None, single: bool = False) -> None:
        super().__init__(attrs, single=single)

    def get_context(self, name, value, attrs):
        self.search_url = reverse("fair:sector-search")
        return super().get_context(name, value, attrs)

    def chips(self, value) -> list[dict]:
        table, chinese = isic_table(), (get_language() or "").startswith("zh")
        chips = []
        for code in sector_codes(value):
            entry = table.get(code)
            label = (entry.label_zh if chinese else entry.label_en) if entry else code
            chips.append({"code": code, "label": label, "note": code})
        return chips


def sector_codes(value) -> list[str]:
    items = value.replace(";", ",").split(",") if isinstance(value, str) else list(value or [])
    return list(dict.fromkeys(normalise_code(str(item)) for item in items if str(item).strip()))


class SectorField(forms.Field):
    widget = SectorPicker

    def to_python(self, value) -> list[str]:
        # The domain's rule, so the page says exactly what the API and the import say.
        try:
            return clean_sectors(sector_codes(value))
        except ValidationError as error:
            raise ValidationError(error.message_dict["sectors"]) from error


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
    sectors = SectorField(
        label=_("sectors"),
        required=False,
        help_text=_("Search by name in English or Chinese, or type ISIC codes, e.g. 4923, 7911."),
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
