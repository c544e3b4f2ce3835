"""HTTP p95 of the agenda page, the ICS feed and the table plan on the 3,000-participant fair.

    DATABASE_URL=postgres://… PYTHONPATH=src nice -n 10 python benchmarks/fair_pages_http.py \
        [--participants 3000] [--meetings 17000] [--time-limit 60] [--seed 1] [--sample 200]

Builds the throw-away fair of ``benchmarks/fair_schedule.py`` (same generator, same seed),
runs and adopts a schedule, then requests each page through Django's test client (the whole
stack: URL routing, middleware, sessions, permission rules, templates; no network) as an
organiser — ``--sample`` agendas, as many ICS feeds (polled twice: the second poll reads the
cache) and every slot's table plan — and prints
p50 / p95 and the queries per request. Then it marks 20 meetings no-show (each offers its slot
to waiting pairs, in the marking request) and accepts one offer of each, timing both. Everything
it made is deleted at the end.
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
os.environ.setdefault("AMITY_ALLOWED_HOSTS", "testserver")

from fair_schedule import _setup, build, discard


def _timed(client, urls: list[str]) -> tuple[list[float], set[int]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries = [], set()
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append(1000 * (time.perf_counter() - started))
        assert response.status_code == 200, (url, response.status_code)
        queries.add(len(captured))
    return times, queries


def _freed_slots(fair) -> None:
    from amity.fair.domain.day import mark_meeting
    from amity.fair.domain.freed_slots import accept_offer
    from amity.fair.models import FreedSlot, Meeting, MeetingStatus

    meetings = list(Meeting.objects.filter(fair=fair, status=MeetingStatus.SCHEDULED)[:20])
    marking, accepting, offers = [], [], 0
    for meeting in meetings:
        started = time.perf_counter()
        mark_meeting(meeting, MeetingStatus.NO_SHOW)
        marking.append(1000 * (time.perf_counter() - started))
        freed = FreedSlot.objects.filter(source=meeting).first()
        if freed is None:
            continue
        offers += freed.offers.count()
        started = time.perf_counter()
        accept_offer(freed.offers.first())
        accepting.append(1000 * (time.perf_counter() - started))
    for name, times in (("no-show mark with its offers", marking), ("accept", accepting)):
        if len(times) >= 2:
            p95 = statistics.quantiles(times, n=20)[-1]
            print(
                f"{name}: {len(times)} times, "
                f"p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms"
            )
    print(f"offers made: {offers} for {len(accepting)} freed slots")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=3000)
    parser.add_argument("--meetings", type=int, default=17000)
    parser.add_argument("--time-limit", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sample", type=int, default=200)
    args = parser.parse_args(argv)
    _setup()
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from amity.accounts.models import Role, User
    from amity.fair.domain.agenda import feed_token
    from amity.fair.domain.schedule import adopt_run, execute_run, new_run
    from amity.fair.models import ScheduleSlot

    fair, people, orgs = build(args.participants, args.meetings, args.seed)
    organiser = User.objects.create_user(
        username=f"bench-organiser-{fair.pk}", password="x", role=Role.ORGANISER
    )
    try:
        run = execute_run(new_run(fair, time_limit=args.time_limit, seed=args.seed))
        adopted = adopt_run(run)
        print(f"schedule: {adopted} meetings adopted of {run.stats['requested']} requested")
        sample = random.Random(0).sample(people, min(args.sample, len(people)))
        slots = list(ScheduleSlot.objects.filter(fair=fair))
        with translation.override("en"):
            pages = {
                "agenda page": [reverse("fair:agenda", args=[p.pk]) for p in sample],
                "ICS feed": [reverse("fair:ics-feed", args=[feed_token(p).token]) for p in sample],
                "table plan": [reverse("fair:table-plan", args=[s.pk]) for s in slots],
            }
            # Calendar programs poll: the second poll of each feed is answered from the cache
            # (rendered once per version of the fair's schedule).
            pages["ICS feed, polled again"] = pages["ICS feed"]
        client = Client()
        client.force_login(organiser)
        for name, urls in pages.items():
            _timed(client, urls[:5])  # warm-up: templates compiled, connection open
            times, queries = _timed(client, urls)
            p95 = statistics.quantiles(times, n=20)[-1]
            print(
                f"{name}: {len(urls)} requests, p50 {statistics.median(times):.1f} ms, "
                f"p95 {p95:.1f} ms, max {max(times):.1f} ms, queries {sorted(queries)}"
            )
        _freed_slots(fair)
    finally:
        organiser.delete()
        discard(fair, orgs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
