"""A cooperation project: who takes part, its milestones, indicators, documents and updates."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.documents.uploads import upload_validators


class ProjectStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    AGREED = "agreed", _("Agreed")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")
    STALLED = "stalled", _("Stalled")


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Lead")
    PARTNER = "partner", pgettext_lazy("role in a project", "Partner")
    FUNDER = "funder", _("Funder")
    OBSERVER = "observer", _("Observer")


class Project(models.Model):
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300, blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_zh = models.TextField(_("summary (Chinese)"), blank=True)
    fields = models.ManyToManyField(
        "cities.CooperationField", verbose_name=_("fields of cooperation"), blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.IDEA
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    # Registry agreements the project rests on (fair outcomes: ProjectOutcome, models/links.py).
    agreements = models.ManyToManyField(
        "cities.Agreement",
        verbose_name=_("agreements"),
        blank=True,
        related_name="cooperation_projects",
    )
    # Only published projects are shown to the public.
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
        verbose_name = _("cooperation project")
        verbose_name_plural = _("cooperation projects")
        ordering = ["-starts_on", "title_en", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(title_en="") | ~Q(title_zh=""), name="project_has_a_title"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="project_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title_en or self.title_zh


class ProjectPartner(models.Model):
    """One participant of a project, of exactly one kind: a registry partnership (its city),
    an organisation, or a matching fair's participant (an organisation as it took part in one
    fair, so the project shows where the contact was made)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="partners")
    partnership = models.ForeignKey(
        "cities.Partnership",
        verbose_name=_("partner city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="project_roles",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="project_roles",
    )
    participant = models.ForeignKey(
        "fair.Participant",
        verbose_name=_("fair participant"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="project_roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices)

    class Meta:
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")
        ordering = ["project", "role", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    partnership__isnull=False, organisation__isnull=True, participant__isnull=True
                )
                | Q(partnership__isnull=True, organisation__isnull=False, participant__isnull=True)
                | Q(partnership__isnull=True, organisation__isnull=True, participant__isnull=False),
                name="project_partner_exactly_one_kind",
            ),
            models.UniqueConstraint(
                fields=["project", "partnership"],
                condition=Q(partnership__isnull=False),
                name="project_partner_city_once",
            ),
            models.UniqueConstraint(
                fields=["project", "organisation"],
                condition=Q(organisation__isnull=False),
                name="project_partner_organisation_once",
            ),
            models.UniqueConstraint(
                fields=["project", "participant"],
                condition=Q(participant__isnull=False),
                name="project_partner_participant_once",
            ),
        ]

    def __str__(self) -> str:
        return str(self.partnership or self.organisation or self.participant)


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("milestone status", "Planned")
    REACHED = "reached", _("Reached")
    DELAYED = "delayed", _("Delayed")
    DROPPED = "dropped", _("Dropped")


class Milestone(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300, blank=True)
    starts_on = models.DateField(_("planned start"))
    ends_on = models.DateField(_("planned end"), null=True, blank=True)
    reached_on = models.DateField(_("actually reached"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MilestoneStatus.choices,
        default=MilestoneStatus.PLANNED,
    )
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
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="milestone_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(title_en="") | ~Q(title_zh=""), name="milestone_has_a_title"
            ),
            # "Reached" says when.
            models.CheckConstraint(
                condition=~Q(status="reached") | Q(reached_on__isnull=False),
                name="milestone_reached_has_a_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title_en or self.title_zh


class Indicator(models.Model):
    """What a project measures, e.g. "share of voyages on reduced-carbon fuels" in %."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=300, blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.FloatField(_("baseline"), null=True, blank=True)
    target = models.FloatField(_("target"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["project", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(name_en="") | ~Q(name_zh=""), name="indicator_has_a_name"
            ),
        ]

    def __str__(self) -> str:
        return self.name_en or self.name_zh


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    # A measured value means nothing without the day it was measured.
    measured_on = models.DateField(_("measured on"))
    value = models.FloatField(_("value"))
    source = models.ForeignKey(
        "cities.Source",
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("measured value")
        verbose_name_plural = _("measured values")
        ordering = ["indicator", "measured_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"], name="indicator_value_one_per_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value:g} ({self.measured_on})"


class ProjectDocument(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(pgettext_lazy("document", "title"), max_length=300)
    file = models.FileField(
        _("file"),
        upload_to="cooperation/%Y/",
        validators=upload_validators("project_document"),
    )
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_on = models.DateField(_("uploaded"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("project document")
        verbose_name_plural = _("project documents")
        ordering = ["uploaded_on", "id"]

    def __str__(self) -> str:
        return self.title


class ProjectUpdate(models.Model):
    """A dated note on the project's progress, by an organiser or a partner city's delegate."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="updates")
    posted_on = models.DateField(_("date"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text_en = models.TextField(_("text (English)"), blank=True)
    text_zh = models.TextField(_("text (Chinese)"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("project update")
        verbose_name_plural = _("project updates")
        ordering = ["posted_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(text_en="") | ~Q(text_zh=""), name="project_update_has_text"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} · {self.posted_on}"
