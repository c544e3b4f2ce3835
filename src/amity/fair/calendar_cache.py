"""Participants' calendar feeds, rendered once per version of their fair's schedule.

Calendar programs poll a feed every few minutes, for every participant, all fair week; the
feed changes only when the fair's schedule does. So a feed is kept in the shared cache under
the fair's *schedule version*, which is raised by every change that shows in a feed: a
meeting, a participant's name, a table, a slot, an interpreter, the fair or its event
(model signals, connected in ``connect``), and by the schedule's writes that send no signal,
which all go through ``meetings_written``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from amity.audit.tracking import record_as_they_stand
from amity.events.models import Event
from amity.fair.models import Fair, Interpreter, Meeting, Participant, ScheduleSlot, Table
from amity.versioned_cache import CacheVersion

SCHEDULE = CacheVersion("fair:schedule")
# Unused copies go after this long; a change makes a copy unreachable at once.
FEED_SECONDS = 900


def schedule_changed(fair_id: int) -> None:
    SCHEDULE.changed(fair_id)


def meetings_written(fair_id: int, meeting_ids: Iterable[int], *, created: bool = False) -> None:
    """After meetings are written with ``update()`` or ``bulk_create`` (which send no signals):
    they go on record in the audit log as they now stand, and the fair's feeds are out of date.
    Call it inside the write's transaction, after the write."""
    record_as_they_stand(Meeting, meeting_ids, created=created)
    schedule_changed(fair_id)


def cached_feed(participant: Participant, render: Callable[[Participant], bytes]) -> bytes:
    """``render(participant)`` (the domain's ``ics_feed``), from the cache when the fair's
    schedule has not changed since it was rendered."""
    fair_id = participant.fair_id
    key = f"fair:ics:{fair_id}:{SCHEDULE.current(fair_id)}:{participant.pk}"
    feed = cache.get(key)
    if feed is None:
        feed = render(participant)
        cache.set(key, feed, FEED_SECONDS)
    return feed


def _fair_row_changed(sender, instance, **kwargs) -> None:
    schedule_changed(instance.fair_id)


def _fair_changed(sender, instance, **kwargs) -> None:
    schedule_changed(instance.pk)


def _event_changed(sender, instance, **kwargs) -> None:
    for fair_id in Fair.objects.filter(event_id=instance.pk).values_list("pk", flat=True):
        schedule_changed(fair_id)


def connect() -> None:
    """From the app's ``ready()``."""
    for model in (Meeting, Participant, Table, ScheduleSlot, Interpreter):
        for signal in (post_save, post_delete):
            signal.connect(_fair_row_changed, sender=model, dispatch_uid=f"feeds-{model}-{signal}")
    for signal in (post_save, post_delete):
        signal.connect(_fair_changed, sender=Fair, dispatch_uid=f"feeds-fair-{signal}")
        signal.connect(_event_changed, sender=Event, dispatch_uid=f"feeds-event-{signal}")
