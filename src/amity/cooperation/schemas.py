"""What the cooperation API reads and writes (Django Ninja schemas)."""

from datetime import date
from typing import Literal

from ninja import Field, Schema

from amity.api import InputSchema, PatchSchema, QuerySchema
from amity.cooperation.timeline import meeting_day

ProjectStatusName = Literal["idea", "agreed", "running", "completed", "stalled"]
MilestoneStatusName = Literal["planned", "reached", "delayed", "dropped"]
StageName = Literal["interest", "study_visit", "pilot", "adopted"]
RoleName = Literal["lead", "partner", "funder", "observer"]
PartnerKind = Literal["partnership", "organisation", "participant"]
TITLE = Field("", max_length=300)
TEXT = Field("", max_length=20_000)


class SourceOut(Schema):
    title_en: str
    url: str


class PartnerOut(Schema):
    """A partner of one kind: ``kind`` says which of the ids is set."""

    kind: PartnerKind
    role: str
    partnership_id: int | None
    place_id: int | None
    organisation_id: int | None
    participant_id: int | None
    # The fair a participant partner took part in (None for the other kinds).
    fair_id: int | None
    name_en: str
    name_zh: str

    @staticmethod
    def resolve_kind(obj) -> str:
        if obj.partnership_id is not None:
            return "partnership"
        return "organisation" if obj.organisation_id is not None else "participant"

    @staticmethod
    def resolve_place_id(obj) -> int | None:
        return obj.partnership.place_id if obj.partnership else None

    @staticmethod
    def resolve_fair_id(obj) -> int | None:
        return obj.participant.fair_id if obj.participant else None

    @staticmethod
    def _named(obj):
        return obj.partnership.place if obj.partnership else obj.organisation or obj.participant

    @staticmethod
    def resolve_name_en(obj) -> str:
        return PartnerOut._named(obj).name_en

    @staticmethod
    def resolve_name_zh(obj) -> str:
        return PartnerOut._named(obj).name_zh


class ProjectOut(Schema):
    id: int
    title_en: str
    title_zh: str
    summary_en: str
    summary_zh: str
    status: str
    starts_on: date | None
    ends_on: date | None
    is_published: bool
    fields: list[str]
    partners: list[PartnerOut]
    source: SourceOut | None
    is_demo: bool

    @staticmethod
    def resolve_fields(obj) -> list[str]:
        return [field.code for field in obj.fields.all()]


class MilestoneOut(Schema):
    id: int
    title_en: str
    title_zh: str
    starts_on: date
    ends_on: date | None
    reached_on: date | None
    status: str
    source: SourceOut | None
    is_demo: bool


class ValueOut(Schema):
    id: int
    measured_on: date
    value: float
    note: str
    source: SourceOut | None
    is_demo: bool


class IndicatorOut(Schema):
    id: int
    name_en: str
    name_zh: str
    unit: str
    baseline: float | None
    target: float | None
    values: list[ValueOut]
    is_demo: bool


class OutcomeLinkOut(Schema):
    """A fair meeting's outcome the project grew from (who met whom stays with the fair)."""

    id: int
    outcome_id: int
    fair_id: int
    rating: str
    meeting_day: date

    @staticmethod
    def resolve_fair_id(obj) -> int:
        return obj.outcome.meeting.fair_id

    @staticmethod
    def resolve_rating(obj) -> str:
        return obj.outcome.rating

    @staticmethod
    def resolve_meeting_day(obj) -> date:
        return meeting_day(obj.outcome.meeting)


class ProjectDetailOut(ProjectOut):
    milestones: list[MilestoneOut]
    indicators: list[IndicatorOut]
    agreement_ids: list[int]
    outcomes: list[OutcomeLinkOut]

    @staticmethod
    def resolve_agreement_ids(obj) -> list[int]:
        return [agreement.pk for agreement in obj.agreements.all()]

    @staticmethod
    def resolve_outcomes(obj) -> list:
        return list(obj.outcome_links.all())


class OutcomeLinkIn(InputSchema):
    outcome_id: int = Field(..., ge=1, le=2**63 - 1)


class UpdateOut(Schema):
    id: int
    posted_on: date
    text_en: str
    text_zh: str


class ProjectFiltersIn(QuerySchema):
    q: str = Field("", max_length=100)
    status: str = Field("", max_length=20)
    field: str = Field("", max_length=40)


class PracticeFiltersIn(QuerySchema):
    field: str = Field("", max_length=40)
    looking_for_partners: bool = False


class ProjectIn(InputSchema):
    title_en: str = TITLE
    title_zh: str = TITLE
    summary_en: str = TEXT
    summary_zh: str = TEXT
    status: ProjectStatusName = "idea"
    starts_on: date | None = None
    ends_on: date | None = None
    fields: list[str] = Field([], max_length=50)
    is_published: bool = False
    source_title: str = TITLE
    source_url: str = Field("", max_length=200)


class ProjectPatch(PatchSchema):
    title_en: str = Field(None, max_length=300)
    title_zh: str = Field(None, max_length=300)
    summary_en: str = Field(None, max_length=20_000)
    summary_zh: str = Field(None, max_length=20_000)
    status: ProjectStatusName = None
    starts_on: date | None = None
    ends_on: date | None = None
    fields: list[str] = Field(None, max_length=50)
    is_published: bool = None


class PartnerIn(InputSchema):
    role: RoleName
    partnership_id: int | None = Field(None, ge=1, le=2**63 - 1)
    organisation_id: int | None = Field(None, ge=1, le=2**63 - 1)
    participant_id: int | None = Field(None, ge=1, le=2**63 - 1)


class MilestoneIn(InputSchema):
    title_en: str = TITLE
    title_zh: str = TITLE
    starts_on: date
    ends_on: date | None = None
    reached_on: date | None = None
    status: MilestoneStatusName = "planned"
    source_title: str = TITLE
    source_url: str = Field("", max_length=200)


class IndicatorIn(InputSchema):
    name_en: str = TITLE
    name_zh: str = TITLE
    unit: str = Field("", max_length=40)
    baseline: float | None = None
    target: float | None = None


class ValueIn(InputSchema):
    # Optional in the schema so that the answer names the rule, as on the page.
    measured_on: date | None = None
    value: float
    note: str = Field("", max_length=300)
    source_title: str = TITLE
    source_url: str = Field("", max_length=200)


class UpdateIn(InputSchema):
    posted_on: date | None = None
    text_en: str = TEXT
    text_zh: str = TEXT


class PlaceRefOut(Schema):
    id: int
    name_en: str
    name_zh: str


class PracticeOut(Schema):
    id: int
    title_en: str
    title_zh: str
    place: PlaceRefOut | None
    fields: list[str]
    organisation_en: str
    organisation_zh: str
    organisation_url: str
    situation_en: str
    situation_zh: str
    objectives_en: str
    objectives_zh: str
    process_en: str
    process_zh: str
    resources_en: str
    resources_zh: str
    results_en: str
    results_zh: str
    sustainability_en: str
    sustainability_zh: str
    lessons_en: str
    lessons_zh: str
    transferability_en: str
    transferability_zh: str
    key_dates_en: str
    key_dates_zh: str
    partners_en: str
    partners_zh: str
    looking_for_partners: bool
    is_published: bool
    source: SourceOut | None
    is_demo: bool

    @staticmethod
    def resolve_fields(obj) -> list[str]:
        return [field.code for field in obj.fields.all()]


class PracticeIn(InputSchema):
    title_en: str = TITLE
    title_zh: str = TITLE
    place_id: int | None = Field(None, ge=1, le=2**63 - 1)
    fields: list[str] = Field([], max_length=50)
    organisation_en: str = TITLE
    organisation_zh: str = TITLE
    # Checked by the model's URL field (http or https), answered as a 422 naming it.
    organisation_url: str = Field("", max_length=200)
    situation_en: str = TEXT
    situation_zh: str = TEXT
    objectives_en: str = TEXT
    objectives_zh: str = TEXT
    process_en: str = TEXT
    process_zh: str = TEXT
    resources_en: str = TEXT
    resources_zh: str = TEXT
    results_en: str = TEXT
    results_zh: str = TEXT
    sustainability_en: str = TEXT
    sustainability_zh: str = TEXT
    lessons_en: str = TEXT
    lessons_zh: str = TEXT
    transferability_en: str = TEXT
    transferability_zh: str = TEXT
    key_dates_en: str = TEXT
    key_dates_zh: str = TEXT
    partners_en: str = TEXT
    partners_zh: str = TEXT
    looking_for_partners: bool = False
    is_published: bool = False
    source_title: str = TITLE
    source_url: str = Field("", max_length=200)


class TransferOut(Schema):
    id: int
    practice_id: int
    from_place: PlaceRefOut | None
    to_place: PlaceRefOut | None
    since: date | None
    since_precision: str
    stage: str
    adaptation_en: str
    adaptation_zh: str
    source: SourceOut | None
    is_demo: bool


class TransferIn(InputSchema):
    practice_id: int = Field(..., ge=1, le=2**63 - 1)
    # Left out: the practice's own city; null: the home city.
    from_place_id: int | None = Field(None, ge=1, le=2**63 - 1)
    to_place_id: int | None = Field(None, ge=1, le=2**63 - 1)
    since: date | None = None
    since_precision: Literal["", "year", "month", "day"] = ""
    stage: StageName
    adaptation_en: str = TEXT
    adaptation_zh: str = TEXT
    source_title: str = TITLE
    source_url: str = Field("", max_length=200)


class PracticeMeetingIn(InputSchema):
    # A participant of the next fair from the practice's city (GET /api/v1/fair/… lists them).
    receiver_id: int = Field(..., ge=1, le=2**63 - 1)
    note: str = Field("", max_length=2000)


class PracticeMeetingOut(Schema):
    """The fair's meeting request the question became."""

    id: int
    fair_id: int
    sender_id: int
    receiver_id: int
    state: str
    note: str
