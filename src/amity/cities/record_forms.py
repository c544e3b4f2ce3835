"""Forms of what organisers add to a partner on its page: visits and events, agreements,
contacts, sources of its facts, and other names of its place.

Each form only reads the input; the domain action it feeds checks the registry's rules and
names the bad field (amity.cities.domain).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from amity.cities.forms import ISO_DATE_INPUT
from amity.cities.models import AgreementKind, Citation, ContactKind, ExchangeKind
from amity.documents.uploads import check_upload, extensions

TEXTAREA = forms.Textarea(attrs={"rows": 3})
# Files an agreement may come as (the limits are amity.documents.uploads').
DOCUMENT_TYPES = extensions("document")


def _source_field() -> forms.CharField:
    return forms.CharField(
        label=_("Source"),
        max_length=300,
        required=False,
        help_text=_("The list, agreement or report that states this."),
    )


class ExchangeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ExchangeKind.choices)
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    title_zh = forms.CharField(label=_("Title (Chinese)"), max_length=300, required=False)
    starts_on = forms.DateField(label=_("Starts"), widget=ISO_DATE_INPUT)
    ends_on = forms.DateField(label=_("Ends"), widget=ISO_DATE_INPUT, required=False)
    description_en = forms.CharField(
        label=_("Description (English)"), widget=TEXTAREA, required=False
    )
    description_zh = forms.CharField(
        label=_("Description (Chinese)"), widget=TEXTAREA, required=False
    )
    delegation_head = forms.CharField(label=_("Head of delegation"), max_length=200, required=False)
    delegation_size = forms.IntegerField(
        label=_("Delegation size"), min_value=0, max_value=10_000, required=False
    )
    source_title = _source_field()


class AgreementForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=AgreementKind.choices)
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    title_zh = forms.CharField(label=_("Title (Chinese)"), max_length=300, required=False)
    signed_on = forms.DateField(label=_("Signed"), widget=ISO_DATE_INPUT, required=False)
    signatories = forms.CharField(label=_("Signatories"), max_length=500, required=False)
    summary_en = forms.CharField(label=_("Summary (English)"), widget=TEXTAREA, required=False)
    summary_zh = forms.CharField(label=_("Summary (Chinese)"), widget=TEXTAREA, required=False)
    document = forms.FileField(
        label=_("The agreement's file"),
        required=False,
        help_text=_("PDF, Word, OpenDocument or a scan; seen by organisers only."),
    )
    source_title = _source_field()

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document is not None:
            check_upload("document", document)
        return document


class ContactForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ContactKind.choices)
    name = forms.CharField(label=_("Name"), max_length=200)
    position_en = forms.CharField(label=_("Position (English)"), max_length=200, required=False)
    position_zh = forms.CharField(label=_("Position (Chinese)"), max_length=200, required=False)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    languages = forms.CharField(
        label=_("Languages"),
        max_length=100,
        required=False,
        help_text=_("Language codes separated by commas, e.g. en, zh, lo."),
    )
    protocol_notes_en = forms.CharField(
        label=_("Protocol notes (English)"), widget=TEXTAREA, required=False
    )
    protocol_notes_zh = forms.CharField(
        label=_("Protocol notes (Chinese)"), widget=TEXTAREA, required=False
    )


class CitationForm(forms.Form):
    fact = forms.ChoiceField(label=_("Fact"), choices=Citation.Fact.choices)
    value = forms.CharField(
        label=_("The value as the source states it"),
        max_length=200,
        required=False,
        help_text=_(
            "For the date: 1994, 1994-10 or 1994-10-21. For the kind: its code "
            "(friendship_city …). Leave empty to cite the value recorded now."
        ),
    )
    source_title = forms.CharField(label=_("Source"), max_length=300)
    source_url = forms.URLField(
        label=_("Web address of the source"), required=False, assume_scheme="https"
    )
    note_en = forms.CharField(label=_("Note (English)"), max_length=500, required=False)
    note_zh = forms.CharField(label=_("Note (Chinese)"), max_length=500, required=False)


class AlternateNameForm(forms.Form):
    name = forms.CharField(label=_("Another name"), max_length=200)
