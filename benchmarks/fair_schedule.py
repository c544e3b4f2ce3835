"""Issue 10's bars through the web app's own path: models → run → live schedule → agenda, ICS.

    DATABASE_URL=postgres://… PYTHONPATH=src python benchmarks/fair_schedule.py \
        [--participants 3000] [--meetings 17000] [--time-limit 60] [--seed 1]

Builds a throw-away fair in the database (bulk inserts, not the domain actions: the point is
the schedule), runs ``execute_run`` (the adapter and the engine, timed as one), adopts the
result, then times ``agenda`` and ``ics_feed`` for 200 participants (p50 / p95). Everything
it made is deleted at the end. Use your own database.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.config.settings")
    import django

    django.setup()


def build(participants: int, meetings: int, seed: int):
    from amity.accounts.models import Organisation
    from amity.events.models import Event, EventKind
    from amity.fair.models import (
        Fair,
        FairSession,
        MeetingRequest,
        Participant,
        RequestState,
        SessionPart,
        Table,
    )

    rng = random.Random(seed)
    event = Event.objects.create(
        name_en="Benchmark fair (generated)",
        kind=EventKind.FAIR,
        starts_on=datetime(2027, 5, 10).date(),
        ends_on=datetime(2027, 5, 11).date(),
    )
    fair = Fair.objects.create(
        event=event, approval_required=False, max_meetings=12, slot_minutes=20, pause_minutes=0
    )
    for day in (10, 11):
        for part, start, end in ((SessionPart.MORNING, 1, 4), (SessionPart.AFTERNOON, 5, 9)):
            FairSession.objects.create(
                fair=fair,
                part=part,
                starts_at=datetime(2027, 5, day, start, tzinfo=UTC),
                ends_at=datetime(2027, 5, day, end, tzinfo=UTC),
            )
    Table.objects.bulk_create([Table(fair=fair, number=n) for n in range(1, 700)])
    orgs = Organisation.objects.bulk_create(
        [Organisation(name_en=f"Bench org {seed}-{i}") for i in range(participants)]
    )
    people = Participant.objects.bulk_create(
        [
            Participant(
                fair=fair,
                organisation=o,
                status="approved",
                name_en=o.name_en,
                city_name="Shanghai",
                country="CN",
                max_meetings=12,
                languages=rng.choice([["zh"], ["en"], ["zh", "en"]]),
            )
            for o in orgs
        ]
    )
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < meetings:
        a, b = rng.sample(range(participants), 2)
        pairs.add((min(a, b), max(a, b)))
    MeetingRequest.objects.bulk_create(
        [
            MeetingRequest(
                fair=fair,
                sender=people[a],
                receiver=people[b],
                state=RequestState.ACCEPTED,
                priority=rng.choice([1, 2, 2, 3]),
            )
            for a, b in pairs
        ],
        batch_size=2000,
    )
    return fair, people, orgs


def discard(fair, orgs) -> None:
    """Delete the throw-away fair ``build`` made: its meetings, the fair, its event, the
    organisations."""
    from amity.accounts.models import Organisation

    event = fair.event
    fair.meetings.all().delete()
    fair.delete()
    event.delete()
    Organisation.objects.filter(pk__in=[o.pk for o in orgs]).delete()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=3000)
    parser.add_argument("--meetings", type=int, default=17000)
    parser.add_argument("--time-limit", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    _setup()
    from amity.fair.domain.agenda import agenda, ics_feed
    from amity.fair.domain.schedule import adopt_run, execute_run, new_run

    fair, people, orgs = build(args.participants, args.meetings, args.seed)
    try:
        started = time.perf_counter()
        run = execute_run(new_run(fair, time_limit=args.time_limit, seed=args.seed))
        solve_s = time.perf_counter() - started
        stats = run.stats
        gap = 100 * (1 - stats["priority"] / stats["priority_bound"])
        print(
            f"run: {solve_s:.1f} s, {stats['scheduled']}/{stats['requested']} scheduled, "
            f"priority {stats['priority']} of bound {stats['priority_bound']} "
            f"({gap:.2f} % below), breaks {stats['breaks']}"
        )
        adopt_run(run)
        sample = random.Random(0).sample(people, min(200, len(people)))
        for name, function in (("agenda", agenda), ("ics", ics_feed)):
            times = []
            for participant in sample:
                t = time.perf_counter()
                function(participant)
                times.append(1000 * (time.perf_counter() - t))
            p95 = statistics.quantiles(times, n=20)[-1]
            print(f"{name}: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms")
    finally:
        discard(fair, orgs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
