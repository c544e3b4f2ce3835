"""The registry of the home city's partners: places, partnerships, agreements, exchanges."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.documents.uploads import upload_validators


class PlaceKind(models.TextChoices):
    CITY = "city", _("City")
    # Translators: a first-level subdivision of a country (state, prefecture, voivodeship …).
    PROVINCE = "province", _("Province / state")
    REGION = "region", _("Region")


class Continent(models.TextChoices):
    AFRICA = "AF", _("Africa")
    ASIA = "AS", _("Asia")
    EUROPE = "EU", _("Europe")
    NORTH_AMERICA = "NA", _("North America")
    OCEANIA = "OC", _("Oceania")
    SOUTH_AMERICA = "SA", _("South America")
    ANTARCTICA = "AN", _("Antarctica")


POPULATION_MAX = 10_000_000_000
GEONAMES_ID_MAX = 2**31 - 1


class Place(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=PlaceKind.choices)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166-1 alpha-2"))
    # Derived from the country when the place is saved through the domain actions; stored
    # because the partner list filters on it.
    continent = models.CharField(_("continent"), max_length=2, choices=Continent.choices)
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    # Bounded alike on every database: no place has more people than the world, and the
    # GeoNames id column is a 32-bit integer on PostgreSQL.
    population = models.PositiveBigIntegerField(
        _("population"), null=True, blank=True, validators=[MaxValueValidator(POPULATION_MAX)]
    )
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True)
    geonames_id = models.PositiveIntegerField(
        _("GeoNames id"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(GEONAMES_ID_MAX)],
    )
    # Every name of the place (English, Chinese, alternate) folded for search: lower case,
    # half-width, without accents or tone marks, one per line. Kept by domain/names.py.
    search_names = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name_en"]
        constraints = [
            # Case-insensitive: "dunedin" in an import is Dunedin, not a second place.
            # (SQLite's lower() folds ASCII letters only; PostgreSQL's folds all.)
            models.UniqueConstraint(
                Lower("name_en"), "country", "kind", name="place_unique_name_country_kind_ci"
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name_en


class NameOrigin(models.TextChoices):
    GEONAMES = "geonames", _("GeoNames")
    # Translators: an alternate name added by hand by the foreign-affairs office.
    ORGANISER = "organiser", _("added by an organiser")


class PlaceName(models.Model):
    """Another name a place is known by (但尼丁 for 达尼丁, Sankt-Peterburg, Ōtepoti …)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="alternate_names")
    name = models.CharField(_("name"), max_length=200)
    origin = models.CharField(_("origin"), max_length=20, choices=NameOrigin.choices)

    class Meta:
        verbose_name = _("alternate name")
        verbose_name_plural = _("alternate names")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["place", "name"], name="place_name_unique"),
            models.CheckConstraint(condition=~Q(name=""), name="place_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name


class RelationshipKind(models.TextChoices):
    FRIENDSHIP_CITY = "friendship_city", _("Friendship city")
    FRIENDLY_EXCHANGE = "friendly_exchange", _("Friendly exchange relationship")
    LETTER_OF_INTENT = "letter_of_intent", _("Letter of intent")
    PARTNER = "partner", _("Other partner")


class PartnershipStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    LOI_SIGNED = "loi_signed", _("Letter of intent signed")
    ACTIVE = "active", pgettext_lazy("partnership status", "Active")
    DORMANT = "dormant", _("Dormant")
    ENDED = "ended", pgettext_lazy("partnership status", "Ended")


class PartnershipLevel(models.TextChoices):
    MUNICIPAL = "municipal", _("Municipal")
    DISTRICT = "district", _("District")


class DatePrecision(models.TextChoices):
    YEAR = "year", _("Year")
    MONTH = "month", _("Month")
    DAY = "day", _("Day")


class CooperationField(models.Model):
    """One entry of the controlled list of fields of cooperation (seeded by a migration)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_zh = models.CharField(_("name (Chinese)"), max_length=100)

    class Meta:
        verbose_name = _("field of cooperation")
        verbose_name_plural = _("fields of cooperation")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name_en


class Partnership(models.Model):
    place = models.ForeignKey(
        Place, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="partnerships"
    )
    kind = models.CharField(
        _("kind of relationship"), max_length=30, choices=RelationshipKind.choices
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PartnershipStatus.choices, default="active"
    )
    level = models.CharField(
        _("level"), max_length=20, choices=PartnershipLevel.choices, default="municipal"
    )
    # For a district-level partnership: which district of the home city holds it.
    home_district = models.CharField(_("home-city district"), max_length=120, blank=True)
    established_on = models.DateField(_("established"), null=True, blank=True)
    established_precision = models.CharField(
        _("precision of the date"),
        max_length=5,
        choices=DatePrecision.choices,
        blank=True,
    )
    ended_on = models.DateField(_("ended"), null=True, blank=True)
    fields = models.ManyToManyField(
        CooperationField, verbose_name=_("fields of cooperation"), blank=True
    )
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_zh = models.TextField(_("summary (Chinese)"), blank=True)
    # Organisers' working notes: never shown to other roles.
    notes = models.TextField(_("internal notes"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["established_on", "place__name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["place", "level", "home_district"], name="partnership_unique_per_level"
            ),
            models.CheckConstraint(
                condition=Q(established_on__isnull=True, established_precision="")
                | Q(established_on__isnull=False) & ~Q(established_precision=""),
                name="partnership_date_has_precision",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(established_on__isnull=True)
                | Q(ended_on__gte=models.F("established_on")),
                name="partnership_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(level="district") | ~Q(home_district=""),
                name="partnership_district_names_its_district",
            ),
        ]

    def __str__(self) -> str:
        return str(self.place)


class Source(models.Model):
    """Where a fact comes from: a publication, an official list, a news report."""

    # The title identifies the source (the import's source column names it); the Chinese
    # title is for readers of the Chinese pages.
    title_en = models.CharField(_("title (English)"), max_length=300, unique=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300, blank=True)
    url = models.URLField(_("address"), blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    published_on = models.DateField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["title_en"]

    def __str__(self) -> str:
        return self.title_en


class Citation(models.Model):
    """One source's statement of one fact; conflicting statements are all kept side by side."""

    class Fact(models.TextChoices):
        ESTABLISHED_ON = "established_on", _("established")
        KIND = "kind", _("kind of relationship")
        STATUS = "status", _("status")
        FIELDS = "fields", _("fields of cooperation")
        # Coordinates, population and time zone of the place.
        LOCATION = "location", _("location")
        GENERAL = "general", _("general")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="citations")
    fact = models.CharField(_("fact"), max_length=30, choices=Fact.choices)
    # The value as this source states it, e.g. "1985-06-29" when another source says otherwise.
    value = models.CharField(_("stated value"), max_length=200, blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    note_en = models.CharField(_("note (English)"), max_length=500, blank=True)
    note_zh = models.CharField(_("note (Chinese)"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        ordering = ["fact", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "fact", "source", "value"], name="citation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.get_fact_display()} {self.value}".strip()


class AgreementKind(models.TextChoices):
    LETTER_OF_INTENT = "letter_of_intent", _("Letter of intent")
    FRIENDSHIP_AGREEMENT = "friendship_agreement", _("Friendship agreement")
    MOU = "mou", _("Memorandum of understanding")
    COOPERATION_AGREEMENT = "cooperation_agreement", _("Cooperation agreement")
    RENEWAL = "renewal", _("Renewal")


class Agreement(models.Model):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="agreements"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=AgreementKind.choices)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300, blank=True)
    signed_on = models.DateField(_("signed"), null=True, blank=True)
    signatories = models.CharField(_("signatories"), max_length=500, blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_zh = models.TextField(_("summary (Chinese)"), blank=True)
    document = models.FileField(
        _("document"),
        upload_to="agreements/%Y/",
        blank=True,
        validators=upload_validators("document"),
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, null=True, blank=True
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["signed_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(title_en="") | ~Q(title_zh=""), name="agreement_has_a_title"
            )
        ]

    def __str__(self) -> str:
        return self.title_en or self.title_zh


class ExchangeKind(models.TextChoices):
    INCOMING_VISIT = "incoming_visit", _("Visit to the home city")
    OUTGOING_VISIT = "outgoing_visit", _("Visit to the partner")
    EVENT = "event", _("Event")
    ANNIVERSARY = "anniversary", _("Anniversary")


class Exchange(models.Model):
    """A visit, an event or an anniversary on a partnership's timeline."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="exchanges")
    kind = models.CharField(_("kind"), max_length=30, choices=ExchangeKind.choices)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300, blank=True)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    delegation_head = models.CharField(_("head of delegation"), max_length=200, blank=True)
    delegation_size = models.PositiveIntegerField(_("delegation size"), null=True, blank=True)
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, null=True, blank=True
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")
        ordering = ["starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="exchange_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(title_en="") | ~Q(title_zh=""), name="exchange_has_a_title"
            ),
        ]

    def __str__(self) -> str:
        return self.title_en or self.title_zh


class ContactKind(models.TextChoices):
    REPRESENTATIVE = "representative", _("Partner-city representative")
    REPRESENTATIVE_OFFICE = "office", _("Representative office in the home city")


class Contact(models.Model):
    """Personal data: visible to organisers only (see rules.py)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(_("kind"), max_length=20, choices=ContactKind.choices)
    name = models.CharField(_("name"), max_length=200)
    position_en = models.CharField(_("position (English)"), max_length=200, blank=True)
    position_zh = models.CharField(_("position (Chinese)"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    # BCP 47 codes such as "en", "zh", "lo".
    languages = models.CharField(_("languages"), max_length=100, blank=True)
    protocol_notes_en = models.TextField(_("protocol notes (English)"), blank=True)
    protocol_notes_zh = models.TextField(_("protocol notes (Chinese)"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
