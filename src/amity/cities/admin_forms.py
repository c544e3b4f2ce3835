"""The admin's model forms: each asks one of the registry's invariants before the admin saves.

The admin saves models directly, not through the domain actions, so its forms call the same
checks the actions call (amity.cities.domain.invariants).
"""

from collections.abc import Callable

from django import forms
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.forms.models import construct_instance
from django.utils.translation import gettext_lazy as _

from amity.cities.domain import PLACE_FIELDS
from amity.cities.domain.invariants import (
    normalise_dates,
    validate_agreement,
    validate_citation,
    validate_contact,
    validate_exchange,
    validate_partnership,
    validate_place,
    validate_source,
)
from amity.cities.domain.partnerships import PARTNERSHIP_FIELDS
from amity.cities.models import (
    Agreement,
    Citation,
    Contact,
    CooperationField,
    Exchange,
    Partnership,
    Place,
    Source,
)


class RulesForm(forms.ModelForm):
    """A model form that asks one of the registry's invariants before the admin saves."""

    check: Callable[[models.Model], None] | None = None

    def _post_clean(self) -> None:
        # Before Django's own model checks: the rules name the field, where a broken database
        # constraint would only say "constraint … is violated".
        if not self.errors and type(self).check is not None:
            instance = construct_instance(
                self, self.instance, self._meta.fields, self._meta.exclude
            )
            try:
                self.prepare(instance)
                # What prepare derived is what the form saves.
                for name in self.cleaned_data:
                    if name in self._model_field_names():
                        self.cleaned_data[name] = getattr(instance, name)
                type(self).check(instance)
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    self.add_error(field if field in self.fields else None, messages)
                return
        super()._post_clean()

    def prepare(self, instance: models.Model) -> None:
        """Derive what the domain actions derive before their checks."""

    def _model_field_names(self) -> set[str]:
        return {field.name for field in self._meta.model._meta.concrete_fields}


def _partnership_of(instance: models.Model) -> Partnership | None:
    try:
        return instance.partnership
    except ObjectDoesNotExist:
        return None


def _check_citation(citation: Citation) -> None:
    validate_citation(citation, CooperationField.objects.values_list("code", flat=True))


def _check_agreement(agreement: Agreement) -> None:
    validate_agreement(agreement, _partnership_of(agreement))


class CitationForm(RulesForm):
    check = staticmethod(_check_citation)

    class Meta:
        model = Citation
        fields = ("partnership", "fact", "value", "source", "note_en", "note_zh")


class AgreementForm(RulesForm):
    check = staticmethod(_check_agreement)

    class Meta:
        model = Agreement
        fields = (
            "partnership",
            "kind",
            "title_en",
            "title_zh",
            "signed_on",
            "signatories",
            "summary_en",
            "summary_zh",
            "document",
            "source",
            "is_demo",
        )


class ExchangeForm(RulesForm):
    check = staticmethod(validate_exchange)

    class Meta:
        model = Exchange
        fields = (
            "partnership",
            "kind",
            "title_en",
            "title_zh",
            "starts_on",
            "ends_on",
            "description_en",
            "description_zh",
            "delegation_head",
            "delegation_size",
            "source",
            "is_demo",
        )


class ContactForm(RulesForm):
    check = staticmethod(validate_contact)

    class Meta:
        model = Contact
        fields = (
            "partnership",
            "kind",
            "name",
            "position_en",
            "position_zh",
            "organisation",
            "email",
            "phone",
            "address",
            "languages",
            "protocol_notes_en",
            "protocol_notes_zh",
            "is_demo",
        )


class SourceForm(RulesForm):
    check = staticmethod(validate_source)
    url = forms.URLField(label=_("address"), required=False, assume_scheme="https")

    class Meta:
        model = Source
        fields = ("title_en", "title_zh", "url", "publisher", "published_on")


class PartnershipForm(RulesForm):
    check = staticmethod(validate_partnership)

    class Meta:
        model = Partnership
        fields = ("place", *PARTNERSHIP_FIELDS, "fields")

    def prepare(self, instance: Partnership) -> None:
        normalise_dates(instance)


class PlaceAdminForm(RulesForm):
    """The place as the domain actions see it: a known country, paired coordinates, a real zone.

    Otherwise an unknown country would be stored with no continent and drop off the map and
    the filters.
    """

    check = staticmethod(validate_place)

    class Meta:
        model = Place
        # The continent is derived (read-only in the admin).
        fields = PLACE_FIELDS

    def prepare(self, instance: Place) -> None:
        instance.country = (instance.country or "").upper()
