"""Forms of the people pages: inviting a person, adding an organisation, filtering the list."""

import pycountry
from django import forms
from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from amity.accounts.models import Organisation, Role

INVITABLE_ROLES = [(Role.ENTERPRISE, Role.ENTERPRISE.label), (Role.DELEGATE, Role.DELEGATE.label)]


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=INVITABLE_ROLES)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        help_text=_("For an enterprise member. Missing? Add it on the organisations page."),
    )
    partner_place = forms.ModelChoiceField(
        label=_("Partner city"),
        queryset=None,
        required=False,
        help_text=_("For a delegate: the partner city whose delegation they belong to."),
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation"), choices=settings.LANGUAGES, initial="en"
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # By name, as User.partner_place refers to it: accounts sits below the registry.
        place = apps.get_model("cities", "Place")
        self.fields["partner_place"].queryset = place.objects.filter(
            partnerships__isnull=False
        ).distinct()


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ("name_en", "name_zh", "country", "city_name")
        help_texts = {"country": _("Two letters (ISO 3166-1), e.g. CN, NZ, ZA.")}

    def clean_country(self) -> str:
        code = (self.cleaned_data.get("country") or "").strip().upper()
        if code and pycountry.countries.get(alpha_2=code) is None:
            raise forms.ValidationError(_("'%(value)s' is not a country code") % {"value": code})
        return code


class PeopleFilterForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", _("All roles")), *Role.choices], required=False
    )
    standing = forms.ChoiceField(
        label=_("Status"),
        choices=[
            ("", _("Everyone")),
            ("active", _("Active")),
            ("invited", _("Invitation pending")),
            ("deactivated", _("Deactivated")),
        ],
        required=False,
    )
