"""The web fair at scale: 3,000 participants and 15,000 requests on PostgreSQL.

Generates a fair from the matching engine's generator (demo data), then measures
recommendations for everyone in the background function (cold: texts embedded and stored;
warm: every vector read from the database), search by meaning, and the p95 of the
marketplace, a participant's home and the organiser's overview (with query counts).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/amity_fair \
        PYTHONPATH=src python benchmarks/fair_pages.py [--participants 3000 --requests 15000]

It deletes and recreates its own fair (event "Benchmark fair (demo data)") on every run.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.config.settings")
# The test client's host name; the benchmark never serves anything.
os.environ.setdefault("AMITY_ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from amity.accounts.models import Organisation, Role, User  # noqa: E402
from amity.engine.matching.generator import generate_fair  # noqa: E402
from amity.events.models import Event, EventKind  # noqa: E402
from amity.fair.domain.profiles import fill_indexes  # noqa: E402
from amity.fair.domain.suggestions import refresh_recommendations  # noqa: E402
from amity.fair.embeddings import shared_backend  # noqa: E402
from amity.fair.models import (  # noqa: E402
    Fair,
    MeetingRequest,
    Opportunity,
    Participant,
    RequestState,
)
from amity.fair.search import search_opportunities, warm  # noqa: E402

EVENT_NAME = "Benchmark fair (demo data)"
STATES = (
    [RequestState.PENDING] * 3
    + [RequestState.ACCEPTED] * 4
    + [RequestState.DECLINED, RequestState.WITHDRAWN, RequestState.EXPIRED]
)
QUERIES = (
    "电动公交车",
    "battery-electric buses",
    "cold-chain logistics",
    "旅游线路",
    "wine tours",
    "software for city services",
    "港口物流",
    "textile manufacturing",
)


def _build(participants: int, requests: int, seed: int) -> tuple[Fair, Participant]:
    Event.objects.filter(name_en=EVENT_NAME).delete()
    Organisation.objects.filter(name_en__startswith="bench ").delete()
    event = Event.objects.create(
        name_en=EVENT_NAME, kind=EventKind.FAIR, starts_on="2027-05-01", ends_on="2027-05-01"
    )
    fair = Fair.objects.create(event=event, approval_required=False, is_demo=True)
    profiles = generate_fair(participants, participants // 10, seed).profiles["organisations"]
    orgs = Organisation.objects.bulk_create(
        [Organisation(name_en=f"bench {p['id']}", is_demo=True) for p in profiles]
    )
    rows = []
    for org, p in zip(orgs, profiles, strict=True):
        row = Participant(
            fair=fair,
            organisation=org,
            status="approved",
            name_en=p["name"],
            city_name=p["city"],
            country=p.get("country", "CN"),
            sectors=p.get("sectors", []),
            languages=p.get("languages", []),
            max_meetings=p.get("max_meetings", 10),
            contact_email=f"{p['id']}@demo.example",
            is_demo=True,
        )
        fill_indexes(row)
        rows.append(row)
    people = Participant.objects.bulk_create(rows, batch_size=1000)
    opportunities = [
        Opportunity(participant=person, kind=kind, title=text[:200], is_demo=True)
        for person, p in zip(people, profiles, strict=True)
        for kind, key in (("offer", "offers"), ("request", "seeks"))
        for text in p.get(key, [])
    ]
    Opportunity.objects.bulk_create(opportunities, batch_size=2000)
    rng = random.Random(seed)
    pairs: set[tuple[int, int]] = set()
    ids = [p.pk for p in people]
    # The first participant is the home page's subject: give it a busy inbox.
    home = people[0]
    for other in ids[1:41]:
        pairs.add((other, home.pk))
    while len(pairs) < requests:
        a, b = rng.sample(ids, 2)
        if (a, b) not in pairs and (b, a) not in pairs:
            pairs.add((a, b))
    MeetingRequest.objects.bulk_create(
        [
            MeetingRequest(fair=fair, sender_id=a, receiver_id=b, state=rng.choice(STATES))
            for a, b in pairs
        ],
        batch_size=2000,
    )
    return fair, home


def _timed(client: Client, url: str, runs: int) -> tuple[float, float, int]:
    client.get(url)  # warm the template and query caches once
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], len(queries)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=3000)
    parser.add_argument("--requests", type=int, default=15000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the fair of the last run (its vectors stored): measure the warm run and pages",
    )
    args = parser.parse_args(argv)
    if connection.vendor != "postgresql":
        print("run this on PostgreSQL (set DATABASE_URL)", file=sys.stderr)
        return 2
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    existing = Fair.objects.filter(event__name_en=EVENT_NAME).first()
    if args.reuse and existing is not None:
        fair = existing
        home = fair.participants.order_by("pk").first()
    else:
        fair, home = _build(args.participants, args.requests, args.seed)
    # As autovacuum would after a bulk load: the planner needs the tables' statistics.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE fair_participant, fair_opportunity, fair_meetingrequest")
    print(
        f"generated {fair.participants.count()} participants, "
        f"{Opportunity.objects.filter(participant__fair=fair).count()} opportunities, "
        f"{fair.requests.count()} requests in {time.perf_counter() - started:.1f} s"
    )
    backend = shared_backend()
    labels = ["first run (texts not yet stored)", "second run (vectors from the database)"]
    for label in labels[1:] if args.reuse else labels:
        before = getattr(backend, "embedded_count", 0)
        started = time.perf_counter()
        stored = refresh_recommendations(fair)
        took = time.perf_counter() - started
        embedded = getattr(backend, "embedded_count", 0) - before
        print(f"recommendations, {label}: {took:.1f} s, {stored} rows, {embedded} texts embedded")
    warm(fair)
    # The first time a query is asked its text is embedded (then stored); later asks read it.
    for label, rounds in (("new queries", 1), ("repeated queries", 5)):
        search_times = []
        for query in QUERIES * rounds:
            started = time.perf_counter()
            search_opportunities(fair, query)
            search_times.append((time.perf_counter() - started) * 1000)
        search_times.sort()
        print(
            f"search by meaning, {label}: median {statistics.median(search_times):.0f} ms, "
            f"p95 {search_times[int(0.95 * (len(search_times) - 1))]:.0f} ms, "
            f"max {search_times[-1]:.0f} ms ({len(search_times)} queries)"
        )
    member, _ = User.objects.get_or_create(
        username="bench-member", defaults={"role": Role.ENTERPRISE}
    )
    member.organisation_id, member.role = home.organisation_id, Role.ENTERPRISE
    member.save()
    organiser, _ = User.objects.get_or_create(
        username="bench-organiser", defaults={"role": Role.ORGANISER}
    )
    client = Client()
    client.force_login(member)
    pages = [
        ("marketplace", f"/en/fair/{fair.pk}/marketplace/"),
        ("marketplace, filtered", f"/en/fair/{fair.pk}/marketplace/?kind=offer&language=en"),
        (
            "marketplace, search",
            f"/en/fair/{fair.pk}/marketplace/?q=%E7%94%B5%E5%8A%A8%E5%85%AC%E4%BA%A4",
        ),
        ("participant home", "/en/fair/"),
    ]
    results = [(name, *_timed(client, url, args.runs)) for name, url in pages]
    client.force_login(organiser)
    results.append(
        ("organiser overview", *_timed(client, f"/en/fair/{fair.pk}/overview/", args.runs))
    )
    print("| page | median | p95 | queries |")
    print("| --- | --- | --- | --- |")
    for name, median, p95, queries in results:
        print(f"| {name} | {median:.0f} ms | {p95:.0f} ms | {queries} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
