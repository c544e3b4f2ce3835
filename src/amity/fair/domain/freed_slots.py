"""Freed slots: a cancelled or no-show meeting's slot offered to pairs still waiting to meet.

The pairs offered are accepted requests without a meeting whose two sides are both free in
the slot (a side of a no-show meeting counts as free: its partner did not come), not declared
unavailable then, under their meeting cap, and — once the slot has begun — both checked in.
Each side's people get a notification with a one-click link. The first accept takes the slot:
it locks the ``FreedSlot`` row, so a second accept waits, then reads "already taken"; the
seat and table constraints of ``Meeting`` still refuse a double booking if anything slipped.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, Least
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from amity.events.models import Attendee
from amity.fair.domain.notices import people_of
from amity.fair.domain.schedule import add_meeting
from amity.fair.models import (
    ACTIVE_MEETING_STATES,
    FreedSlot,
    FreedSlotState,
    Interpreter,
    Meeting,
    MeetingRequest,
    MeetingSeat,
    MeetingStatus,
    Participant,
    Recommendation,
    RequestState,
    ScheduleSlot,
    SlotOffer,
    Table,
    Unavailability,
)
from amity.id_lists import InIds
from amity.notifications.domain import notify

# More offers than this for one slot only makes more people read "already taken".
OFFERS_PER_SLOT = 5
OFFERED = gettext_noop(
    "A slot at %(time)s became free for your meeting with %(other)s: accept it in one click."
)


def offer_freed_slot(meeting: Meeting, now: datetime | None = None) -> FreedSlot | None:
    """Offer the slot ``meeting`` gave back; None when it is too late or nobody can use it."""
    now = now or timezone.now()
    slot = meeting.slot
    expires_at = offer_deadline(slot)
    if expires_at <= now or FreedSlot.objects.filter(source=meeting).exists():
        return None
    if not _free_tables(slot).exists():
        return None
    # A bounded look: on a large fair thousands may wait, most needing no interpreter.
    waiting = waiting_pairs(
        meeting.fair_id,
        slot,
        present_only=slot.starts_at <= now,
        # The pair that just gave the slot back is not asked to take it again.
        exclude_request=meeting.request_id,
        limit=OFFERS_PER_SLOT * 10,
    )
    places = SlotPlaces.load(slot, waiting)
    pairs = [r for r in waiting if places.place_for(r) is not None][:OFFERS_PER_SLOT]
    if not pairs:
        return None
    with transaction.atomic():
        freed = FreedSlot.objects.create(
            fair_id=meeting.fair_id, slot=slot, source=meeting, expires_at=expires_at
        )
        offers = SlotOffer.objects.bulk_create(
            SlotOffer(freed_slot=freed, request=r, token=secrets.token_urlsafe(32)) for r in pairs
        )
        for offer, request in zip(offers, pairs, strict=True):
            _tell_sides(offer, request, slot)
    return freed


def offer_deadline(slot: ScheduleSlot) -> datetime:
    """Offers stay open until half the slot has passed (a no-show is seen once it starts).

    Half a slot is still a meeting worth having; less is not worth the walk to the table.
    """
    return slot.starts_at + (slot.ends_at - slot.starts_at) / 2


def waiting_pairs(
    fair_id: int,
    slot: ScheduleSlot,
    *,
    present_only: bool,
    exclude_request: int | None = None,
    limit: int | None = None,
) -> list[MeetingRequest]:
    """Accepted requests without a meeting whose two sides could meet in ``slot``.

    Who cannot meet then is read first, as plain id sets (three small queries); the database
    then returns only the first ``limit`` pairs clear of them. Correlated subqueries for the
    caps were tried: on a freshly loaded fair PostgreSQL's stale statistics turned them into a
    per-row aggregate over the whole fair (96 s for one mark), while an id list filter keeps
    one simple plan whatever the statistics. Each list goes as one parameter (``InIds``), so
    a fair of any size stays under PostgreSQL's limit of parameters per statement.
    """
    unable = list(_unable_in(slot))
    requests = (
        MeetingRequest.objects.filter(fair_id=fair_id, state=RequestState.ACCEPTED)
        .exclude(
            Exists(Meeting.objects.filter(request=OuterRef("pk"), status__in=ACTIVE_MEETING_STATES))
        )
        .exclude(InIds(F("sender_id"), unable))
        .exclude(InIds(F("receiver_id"), unable))
        .annotate(score=_pair_score())
        .select_related("sender", "receiver", "fair")
        # The sides' priority first, as the scheduler weighs it; among equal priorities the
        # matching engine's score says which pair gains most from meeting.
        .order_by("-priority", "-score", "pk")
    )
    if present_only:
        present = list(_present(slot))
        requests = requests.filter(InIds(F("sender_id"), present), InIds(F("receiver_id"), present))
    if exclude_request is not None:
        requests = requests.exclude(pk=exclude_request)
    return list(requests[:limit] if limit is not None else requests)


def _pair_score() -> Greatest:
    """The better of the two sides' suggestion scores for each other; 0 when unsuggested."""

    def toward(side: str, other: str):
        return Coalesce(
            Subquery(
                Recommendation.objects.filter(
                    participant_id=OuterRef(f"{side}_id"), partner_id=OuterRef(f"{other}_id")
                )
                .order_by()
                .values("score")[:1]
            ),
            Value(0.0),
        )

    return Greatest(toward("sender", "receiver"), toward("receiver", "sender"))


def _unable_in(slot: ScheduleSlot) -> set[int]:
    """The fair's participants who cannot take a meeting in ``slot``: seated in it (a seat of
    a no-show meeting is free: the partner did not come), declared unavailable, or at their
    meeting cap (their own or the fair's, the lower)."""
    seated = MeetingSeat.objects.filter(slot=slot).exclude(meeting__status=MeetingStatus.NO_SHOW)
    unavailable = Unavailability.objects.filter(session_id=slot.session_id, slot=slot.index)
    # A seat exists only while its meeting is active (cancelling deletes it), so counting
    # seats counts active meetings without a join to every meeting of the fair.
    at_cap = (
        Participant.objects.filter(fair_id=slot.fair_id)
        .annotate(held=Count("seats"))
        .filter(held__gte=Least(F("max_meetings"), Value(slot.fair.max_meetings)))
    )
    return (
        set(seated.values_list("participant_id", flat=True))
        | set(unavailable.values_list("participant_id", flat=True))
        | set(at_cap.values_list("pk", flat=True))
    )


def _present(slot: ScheduleSlot) -> set[int]:
    """Participants with a checked-in badge (their own registration's or a member's)."""
    badges = Attendee.objects.filter(event_id=slot.fair.event_id, checked_in_at__isnull=False)
    return set(
        Participant.objects.filter(fair_id=slot.fair_id)
        .filter(
            Q(organisation_id__in=badges.values("registration__organisation_id"))
            | Q(organisation_id__in=badges.values("user__organisation_id"))
        )
        .values_list("pk", flat=True)
    )


@dataclass
class SlotPlaces:
    """What is free in one slot — tables, interpreters, the candidates' own exhibitor tables —
    read in three queries, so many candidate pairs are checked without a query each."""

    free_tables: list[Table]
    home_tables: dict[int, Table]
    interpreters: list[Interpreter]

    @classmethod
    def load(cls, slot: ScheduleSlot, requests: list[MeetingRequest]) -> SlotPlaces:
        taken = Meeting.objects.filter(slot=slot, status__in=ACTIVE_MEETING_STATES)
        sides = {r.sender_id for r in requests} | {r.receiver_id for r in requests}
        homes: dict[int, Table] = {}
        for table in Table.objects.filter(exhibitor_id__in=sides):
            homes.setdefault(table.exhibitor_id, table)
        return cls(
            free_tables=list(_free_tables(slot).order_by("number")),
            home_tables=homes,
            interpreters=list(
                Interpreter.objects.filter(fair_id=slot.fair_id, sessions=slot.session_id)
                .exclude(pk__in=taken.exclude(interpreter__isnull=True).values("interpreter_id"))
                .order_by("name")
            ),
        )

    def place_for(self, request: MeetingRequest) -> tuple[Table, Interpreter | None] | None:
        """A free table (an exhibitor's own one if a side has it) and, if needed, an
        interpreter who speaks a language of each side; None when there is none."""
        homes = [self.home_tables.get(request.sender_id), self.home_tables.get(request.receiver_id)]
        home = min((h for h in homes if h is not None), key=lambda t: t.number, default=None)
        free = {t.pk for t in self.free_tables}
        if home is not None:
            table = home if home.pk in free else None
        else:
            table = self.free_tables[0] if self.free_tables else None
        if table is None:
            return None
        if not _needs_interpreter(request):
            return table, None
        first, second = set(request.sender.languages), set(request.receiver.languages)
        for interpreter in self.interpreters:
            spoken = set(interpreter.languages)
            if spoken & first and spoken & second:
                return table, interpreter
        return None


def _place_for(request: MeetingRequest, slot: ScheduleSlot) -> tuple[Table, Interpreter | None]:
    place = SlotPlaces.load(slot, [request]).place_for(request)
    if place is None:
        raise ValidationError(_("No table or interpreter is free in this slot any more."))
    return place


def _free_tables(slot: ScheduleSlot):
    taken = Meeting.objects.filter(slot=slot, status__in=ACTIVE_MEETING_STATES)
    return Table.objects.filter(fair_id=slot.fair_id).exclude(pk__in=taken.values("table_id"))


def _needs_interpreter(request: MeetingRequest) -> bool:
    # As the engine decides: a side that declares no language needs no interpreter.
    first, second = set(request.sender.languages), set(request.receiver.languages)
    return bool(first and second and not first & second)


def _tell_sides(offer: SlotOffer, request: MeetingRequest, slot: ScheduleSlot) -> None:
    try:
        url = reverse("fair:slot-offer", args=[offer.token])
    except NoReverseMatch:
        url = ""
    zone = slot.fair.event.time_zone
    time = timezone.localtime(slot.starts_at, ZoneInfo(zone)).strftime("%H:%M")
    for side, other in ((request.sender, request.receiver), (request.receiver, request.sender)):
        notify(
            people_of(side), OFFERED, url, time=time, other=other.name_en, other_zh=other.name_zh
        )


def offer_by_token(token: str) -> SlotOffer | None:
    return (
        SlotOffer.objects.select_related(
            "freed_slot__slot",
            "freed_slot__fair__event",
            "request__sender",
            "request__receiver",
            "request__fair",
        )
        .filter(token=token)
        .first()
    )


def offer_status(offer: SlotOffer, now: datetime | None = None) -> str:
    """open, accepted (this offer won), taken (another did), expired or scheduled elsewhere."""
    now = now or timezone.now()
    freed = offer.freed_slot
    if offer.accepted_at is not None:
        return "accepted"
    if freed.state == FreedSlotState.TAKEN:
        return "taken"
    if freed.state == FreedSlotState.EXPIRED or freed.expires_at <= now:
        return "expired"
    if Meeting.objects.filter(request=offer.request, status__in=ACTIVE_MEETING_STATES).exists():
        return "scheduled"
    return "open"


STATUS_MESSAGES = {
    "accepted": gettext_noop("You accepted this slot: the meeting is in your agenda."),
    "taken": gettext_noop("This slot is already taken: another pair accepted it first."),
    "expired": gettext_noop("This offer has expired."),
    "scheduled": gettext_noop("This meeting is already in the schedule at another time."),
}


def accept_offer(offer: SlotOffer, now: datetime | None = None) -> Meeting:
    """Place the offered meeting in the freed slot; the first accept wins, nothing else changes."""
    now = now or timezone.now()
    with transaction.atomic():
        # The row lock: a second accept of any offer of this slot waits here for the first.
        freed = FreedSlot.objects.select_for_update().get(pk=offer.freed_slot_id)
        offer.freed_slot = freed
        offer.refresh_from_db(fields=["accepted_at"])
        status = offer_status(offer, now)
        if status != "open":
            raise ValidationError(_(STATUS_MESSAGES[status]))
        request = offer.request
        request.refresh_from_db(fields=["state"])
        if request.state != RequestState.ACCEPTED:
            raise ValidationError(_("This meeting request is no longer accepted."))
        table, interpreter = _place_for(request, freed.slot)
        # The present side of a no-show keeps its seat until it takes a new meeting.
        MeetingSeat.objects.filter(
            slot=freed.slot,
            participant_id__in=(request.sender_id, request.receiver_id),
            meeting__status=MeetingStatus.NO_SHOW,
        ).delete()
        # A clash the checks missed (the same pair accepting two slots at once) is refused by
        # the meeting constraints, which add_meeting turns into a message.
        meeting = add_meeting(request, slot=freed.slot, table=table, interpreter=interpreter)
        FreedSlot.objects.filter(pk=freed.pk).update(state=FreedSlotState.TAKEN, filled_by=meeting)
        SlotOffer.objects.filter(pk=offer.pk).update(accepted_at=now)
    return meeting


def withdraw_freed_slot(meeting: Meeting) -> int:
    """The meeting is back (a no-show mark undone): its open offers end.

    Refused once a replacement took the slot: the present side's seat went to the new
    meeting, so the old one back would seat that side twice. The rows are locked first, so an
    accept running at the same time either finishes before (and this refuses) or waits and
    then reads the offer withdrawn.
    """
    freed = list(FreedSlot.objects.select_for_update().filter(source=meeting))
    if any(f.state == FreedSlotState.TAKEN for f in freed):
        raise ValidationError(
            _("Its slot went to a replacement meeting: this meeting stays a no-show.")
        )
    return FreedSlot.objects.filter(source=meeting, state=FreedSlotState.OPEN).update(
        state=FreedSlotState.EXPIRED
    )


def freed_slots(fair_id: int, limit: int = 200) -> list[FreedSlot]:
    """The organisers' list: newest first, with the offers and the pairs, in two queries."""
    offers = SlotOffer.objects.select_related("request__sender", "request__receiver")
    return list(
        FreedSlot.objects.filter(fair_id=fair_id)
        .select_related("slot", "source__request__sender", "source__request__receiver")
        .prefetch_related(Prefetch("offers", queryset=offers))[:limit]
    )


def expire_past(fair_id: int, now: datetime | None = None) -> int:
    return FreedSlot.objects.filter(
        fair_id=fair_id, state=FreedSlotState.OPEN, expires_at__lte=now or timezone.now()
    ).update(state=FreedSlotState.EXPIRED)


def open_offers(participant, now: datetime | None = None) -> list[SlotOffer]:
    """The offers a participant can still accept (for its agenda page), soonest first."""
    now = now or timezone.now()
    side = Q(request__sender=participant) | Q(request__receiver=participant)
    met = Meeting.objects.filter(request=OuterRef("request_id"), status__in=ACTIVE_MEETING_STATES)
    return list(
        SlotOffer.objects.filter(side, accepted_at__isnull=True)
        .filter(freed_slot__state=FreedSlotState.OPEN, freed_slot__expires_at__gt=now)
        .exclude(Exists(met))
        .select_related("freed_slot__slot", "request__sender", "request__receiver")
        .order_by("freed_slot__slot__starts_at", "pk")
    )
