"""The fair the load harness visits: generated, scheduled and published, with logged-in users.

    PYTHONPATH=src:benchmarks python benchmarks/load/fair_setup.py OUT.json \\
        [--participants 3000] [--meetings 15000] [--members 200] [--time-limit 60]

Run by ``benchmarks/load/run.py --fair`` inside the production stack's environment (its
database). The participants and accepted requests come from ``benchmarks/fair_schedule.py``'s
generator; this adds what visitors need: an enterprise member per visited participant (a
session made directly, so no password hashing stands between the harness and the pages),
pending requests for them to accept, badges to check in, and a first schedule run adopted and
published, so agendas and feeds have meetings. OUT.json lists ids, sessions, tokens and codes.
Everything is demo data of a throw-away database.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.config.settings")

import django

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402

from amity.accounts.models import Role, User  # noqa: E402
from amity.events.models import Attendee, Registration  # noqa: E402
from amity.fair.domain.agenda import feed_token  # noqa: E402
from amity.fair.domain.publish import publish  # noqa: E402
from amity.fair.domain.schedule import adopt_run, execute_run, new_run  # noqa: E402
from amity.fair.models import (  # noqa: E402
    Fair,
    MeetingRequest,
    Participant,
    RequestState,
    RunStatus,
)
from fair_schedule import build  # noqa: E402

PENDING_PER_MEMBER = 30


def session_for(user: User) -> str:
    """A logged-in session of ``user`` in the database, as the login page would make it."""
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def members_for(people, count: int) -> list[dict]:
    """One enterprise member per visited participant, with a session and a feed token."""
    users = User.objects.bulk_create(
        [
            User(
                username=f"load-member-{p.pk}",
                role=Role.ENTERPRISE,
                organisation_id=p.organisation_id,
                password="!",  # unusable: the harness never logs in with a password
            )
            for p in people[:count]
        ]
    )
    return [
        {"participant": p.pk, "session": session_for(u), "feed": feed_token(p).token}
        for p, u in zip(people, users, strict=False)
    ]


def pending_requests(fair, people, members: list[dict]) -> None:
    """Requests waiting for each member's answer, from participants beyond the members."""
    by_id = {p.pk: p for p in people}
    others = people[len(members) :]
    rows = []
    for index, member in enumerate(members):
        receiver = by_id[member["participant"]]
        first = index * PENDING_PER_MEMBER
        senders = [others[(first + k) % len(others)] for k in range(PENDING_PER_MEMBER)]
        rows += [
            MeetingRequest(
                fair=fair, sender=s, receiver=receiver, state=RequestState.PENDING, is_demo=True
            )
            for s in senders
        ]
    # A pair that already has an open request keeps that one (one open request per pair).
    MeetingRequest.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    waiting = MeetingRequest.objects.filter(
        fair=fair, state=RequestState.PENDING, receiver_id__in=[m["participant"] for m in members]
    ).values_list("receiver_id", "pk")
    for member in members:
        member["pending"] = []
    by_participant = {m["participant"]: m for m in members}
    for receiver_id, pk in waiting:
        by_participant[receiver_id]["pending"].append(pk)


def badges(fair, people, count: int) -> list[str]:
    """Badges of participants' people for the check-in desk to scan."""
    registrations = Registration.objects.bulk_create(
        [Registration(event=fair.event, organisation_id=p.organisation_id) for p in people[:count]]
    )
    attendees = Attendee.objects.bulk_create(
        [
            Attendee(event=fair.event, registration=r, role="business", name_en=f"Visitor {i}")
            for i, r in enumerate(registrations)
        ]
    )
    return [a.checkin_token for a in attendees]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--participants", type=int, default=3000)
    parser.add_argument("--meetings", type=int, default=15000)
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--time-limit", type=int, default=60)
    args = parser.parse_args()
    fair, people, _orgs = build(args.participants, args.meetings, seed=1)
    organiser = User.objects.get(username="organiser")
    run = execute_run(new_run(fair, started_by=organiser, time_limit=args.time_limit))
    if run.status != RunStatus.FINISHED:
        print(f"the first schedule run failed: {run.error}", file=sys.stderr)
        return 1
    adopt_run(run)
    publish(fair, "preliminary", by=organiser, run=run)
    members = members_for(people, args.members)
    # Room for the accepted requests: the generated fair is full at 12 meetings each.
    Fair.objects.filter(pk=fair.pk).update(max_meetings=100, max_pending_requests=100)
    Participant.objects.filter(fair=fair).update(max_meetings=100)
    pending_requests(fair, people, members)
    facts = {
        "fair": fair.pk,
        "participants": [p.pk for p in people],
        "members": members,
        "organiser_session": session_for(organiser),
        "badges": badges(fair, people, args.members * 5),
        "scheduled": run.stats["scheduled"],
    }
    Path(args.out).write_text(json.dumps(facts))
    print(f"fair {fair.pk}: {len(people)} participants, {run.stats['scheduled']} meetings placed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
