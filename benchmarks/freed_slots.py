"""Time of a no-show mark and of a cancellation (each offers the freed slot) on a large fair.

    DATABASE_URL=postgres://… PYTHONPATH=src nice -n 10 python benchmarks/freed_slots.py \
        [--participants 3000] [--meetings 17000] [--time-limit 30] [--seed 1] [--marks 20] \
        [--cap 0]

Builds the throw-away fair of ``benchmarks/fair_schedule.py`` (same generator, same seed),
runs and adopts a schedule, then marks ``--marks`` meetings no-show and cancels as many others
(spread over the slots, fixed choice), timing each call and counting its queries and the offers
it made. With ``--cap N`` every participant's cap (and the fair's) is raised to N after the
schedule is adopted, so pairs are no longer held back by their caps and offers are made (the
placement path is exercised too). Everything it made is deleted at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fair_schedule import _setup, build, discard


def _summary(name: str, times: list[float], queries: list[int], offers: int) -> str:
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 2 else times[0]
    return (
        f"{name}: {len(times)} calls, p50 {statistics.median(times):.1f} ms, "
        f"p95 {p95:.1f} ms, max {max(times):.1f} ms, "
        f"queries {min(queries)}–{max(queries)}, offers made {offers}"
    )


def _measure(meetings, action) -> tuple[list[float], list[int], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from amity.fair.models import SlotOffer

    times, queries = [], []
    before = SlotOffer.objects.count()
    for meeting in meetings:
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            action(meeting)
            times.append(1000 * (time.perf_counter() - started))
        queries.append(len(captured))
    return times, queries, SlotOffer.objects.count() - before


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=3000)
    parser.add_argument("--meetings", type=int, default=17000)
    parser.add_argument("--time-limit", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--marks", type=int, default=20)
    parser.add_argument("--cap", type=int, default=0)
    args = parser.parse_args(argv)
    _setup()
    from amity.fair.domain.day import mark_meeting
    from amity.fair.domain.schedule import adopt_run, cancel_meeting, execute_run, new_run
    from amity.fair.models import Fair, Meeting, MeetingStatus, Participant

    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    fair, _people, orgs = build(args.participants, args.meetings, args.seed)
    try:
        run = execute_run(new_run(fair, time_limit=args.time_limit, seed=args.seed))
        adopted = adopt_run(run)
        print(f"schedule: {adopted} meetings adopted of {run.stats['requested']} requested")
        if args.cap:
            Participant.objects.filter(fair=fair).update(max_meetings=args.cap)
            Fair.objects.filter(pk=fair.pk).update(max_meetings=args.cap)
        placed = list(
            Meeting.objects.filter(fair=fair, status=MeetingStatus.SCHEDULED).select_related(
                "fair", "slot__fair__event", "request"
            )
        )
        chosen = random.Random(args.seed).sample(placed, 2 * args.marks)
        no_shows, cancellations = chosen[: args.marks], chosen[args.marks :]
        mark = _measure(no_shows, lambda m: mark_meeting(m, MeetingStatus.NO_SHOW))
        print(_summary("no-show mark with its offers", *mark))
        cancel = _measure(cancellations, cancel_meeting)
        print(_summary("cancellation with its offers", *cancel))
        print(f"load average at end: {os.getloadavg()[0]:.2f}")
    finally:
        discard(fair, orgs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
