"""Practices in UN-Habitat's best-practice form, and their transfers from one city to another.

A place left empty is the home city, which is not a registry place.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from amity.cities.models import DatePrecision

# The UN-Habitat best-practice form, in its order: (field stem, label).
PRACTICE_SECTIONS: list[tuple[str, object]] = [
    ("situation", _("Situation before the initiative")),
    ("objectives", _("Objectives")),
    ("process", _("Process")),
    ("resources", _("Resources")),
    ("results", _("Results")),
    ("sustainability", _("Sustainability")),
    ("lessons", _("Lessons learned")),
    ("transferability", _("Transferability")),
    ("key_dates", _("Key dates")),
    ("partners", _("Partners")),
]


def _text(label: str) -> models.TextField:
    return models.TextField(label, blank=True)


class Practice(models.Model):
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300, blank=True)
    # The city the practice comes from; empty: the home city.
    place = models.ForeignKey(
        "cities.Place",
        verbose_name=_("city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="practices",
    )
    fields = models.ManyToManyField(
        "cities.CooperationField", verbose_name=_("fields of cooperation"), blank=True
    )
    # Who runs the practice (a city department, a utility, a company): named, since most are
    # not organisations with an Amity account, with its web address as the link.
    organisation_en = models.CharField(
        _("organisation running it (English)"), max_length=300, blank=True
    )
    organisation_zh = models.CharField(
        _("organisation running it (Chinese)"), max_length=300, blank=True
    )
    organisation_url = models.URLField(_("web address of the organisation"), blank=True)
    situation_en = _text(_("situation before (English)"))
    situation_zh = _text(_("situation before (Chinese)"))
    objectives_en = _text(_("objectives (English)"))
    objectives_zh = _text(_("objectives (Chinese)"))
    process_en = _text(_("process (English)"))
    process_zh = _text(_("process (Chinese)"))
    resources_en = _text(_("resources (English)"))
    resources_zh = _text(_("resources (Chinese)"))
    results_en = _text(_("results (English)"))
    results_zh = _text(_("results (Chinese)"))
    sustainability_en = _text(_("sustainability (English)"))
    sustainability_zh = _text(_("sustainability (Chinese)"))
    lessons_en = _text(_("lessons learned (English)"))
    lessons_zh = _text(_("lessons learned (Chinese)"))
    transferability_en = _text(_("transferability (English)"))
    transferability_zh = _text(_("transferability (Chinese)"))
    key_dates_en = _text(_("key dates (English)"))
    key_dates_zh = _text(_("key dates (Chinese)"))
    partners_en = _text(_("partners (English)"))
    partners_zh = _text(_("partners (Chinese)"))
    # Lets an enterprise or delegate ask for a meeting about it at the next fair.
    looking_for_partners = models.BooleanField(_("looking for partners"), default=False)
    is_published = models.BooleanField(_("published"), default=False)
    source = models.ForeignKey(
        "cities.Source",
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        ordering = ["title_en", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(title_en="") | ~Q(title_zh=""), name="practice_has_a_title"
            ),
            # A web address says whose site it is.
            models.CheckConstraint(
                condition=Q(organisation_url="") | ~Q(organisation_en="") | ~Q(organisation_zh=""),
                name="practice_organisation_link_has_a_name",
            ),
        ]

    def __str__(self) -> str:
        return self.title_en or self.title_zh


class TransferStage(models.TextChoices):
    INTEREST = "interest", _("Interest")
    STUDY_VISIT = "study_visit", _("Study visit")
    PILOT = "pilot", _("Pilot")
    ADOPTED = "adopted", _("Adopted")


class Transfer(models.Model):
    """A practice taken up by another city: who learns from whom, since when, how far."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="transfers")
    from_place = models.ForeignKey(
        "cities.Place",
        verbose_name=_("from city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transfers_out",
    )
    to_place = models.ForeignKey(
        "cities.Place",
        verbose_name=_("to city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transfers_in",
    )
    since = models.DateField(_("since"), null=True, blank=True)
    since_precision = models.CharField(
        _("precision of the date"), max_length=5, choices=DatePrecision.choices, blank=True
    )
    stage = models.CharField(_("stage"), max_length=20, choices=TransferStage.choices)
    adaptation_en = models.TextField(_("adaptation notes (English)"), blank=True)
    adaptation_zh = models.TextField(_("adaptation notes (Chinese)"), blank=True)
    source = models.ForeignKey(
        "cities.Source",
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        ordering = ["since", "id"]
        constraints = [
            # A city does not learn from itself; two empty places are the home city twice.
            models.CheckConstraint(
                condition=(Q(from_place__isnull=False) | Q(to_place__isnull=False))
                & ~Q(from_place=F("to_place")),
                name="transfer_between_two_cities",
            ),
            models.CheckConstraint(
                condition=Q(since__isnull=True, since_precision="")
                | Q(since__isnull=False) & ~Q(since_precision=""),
                name="transfer_date_has_precision",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.practice}: {self.from_place or '-'} → {self.to_place or '-'}"
