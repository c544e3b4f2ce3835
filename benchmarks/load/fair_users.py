"""Locust users of the matching fair (named in locustfile.EXTRA_MODULES).

``AMITY_LOAD_FAIR`` names the JSON written by fair_setup.py: the fair, its members' sessions,
feed tokens, pending requests and badges. Each simulated member takes one member of the fair
(a logged-in session; one locust user per member, so no request is accepted twice).
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import random
import secrets

from locust import task
from locustfile import AmityUser
from requests.cookies import create_cookie

_next_member = itertools.count()


@functools.cache
def facts() -> dict:
    with open(os.environ["AMITY_LOAD_FAIR"]) as handle:
        return json.load(handle)


class FairUser(AmityUser):
    abstract = True

    def on_start(self) -> None:
        super().on_start()
        self.fair = facts()["fair"]
        members = facts()["members"]
        self.member = members[next(_next_member) % len(members)]
        self.pending = list(self.member.get("pending", []))
        self.login(self.member["session"])

    def login(self, session_key: str) -> None:
        """The session fair_setup.py made, and a CSRF cookie sent back in the header."""
        self.csrf = secrets.token_hex(16)
        for name, value in (("sessionid", session_key), ("csrftoken", self.csrf)):
            self.client.cookiejar.set_cookie(create_cookie(name, value, domain="127.0.0.1"))

    def get(self, path: str, name: str) -> None:
        # No redirects followed: a page that sends the visitor to log in is a failure.
        with self.client.get(
            path, name=name, catch_response=True, allow_redirects=False
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} for {path}")

    def post(self, path: str, name: str, expected: int, **kwargs) -> None:
        headers = {"X-CSRFToken": self.csrf}
        with self.client.post(
            path, name=name, headers=headers, catch_response=True, allow_redirects=False, **kwargs
        ) as response:
            if response.status_code != expected:
                response.failure(f"{response.status_code} for {path}")

    def marketplace(self) -> None:
        self.get(f"/en/fair/{self.fair}/marketplace/", "marketplace")

    def agenda(self) -> None:
        self.get(f"/en/fair/participants/{self.member['participant']}/agenda/", "agenda")

    def feed(self) -> None:
        self.get(f"/en/fair/feeds/{self.member['feed']}.ics", "ICS feed")

    def accept(self) -> None:
        if not self.pending:
            return  # every request of this member is answered
        path = f"/api/v1/fairs/{self.fair}/requests/{self.pending.pop()}/accept"
        self.post(path, "request accept (API)", 200)


class CheckInDesk(AmityUser):
    """The organisers' check-in desk scanning badges."""

    abstract = True

    def on_start(self) -> None:
        super().on_start()
        FairUser.login(self, facts()["organiser_session"])
        self.fair = facts()["fair"]

    def check_in(self) -> None:
        code = random.choice(facts()["badges"])
        FairUser.post(self, f"/en/fair/{self.fair}/checkin/", "check-in", 302, data={"code": code})


class MarketplaceUser(FairUser):
    @task
    def visit(self) -> None:
        self.marketplace()


class AgendaUser(FairUser):
    @task
    def visit(self) -> None:
        self.agenda()


class FeedUser(FairUser):
    @task
    def visit(self) -> None:
        self.feed()


class CheckInUser(CheckInDesk):
    @task
    def visit(self) -> None:
        self.check_in()


class FairVisitor(FairUser):
    """A member during the fair: agenda and feed most, the marketplace, answering requests."""

    @task(4)
    def visit_agenda(self) -> None:
        self.agenda()

    @task(3)
    def visit_feed(self) -> None:
        self.feed()

    @task(3)
    def visit_marketplace(self) -> None:
        self.marketplace()

    @task(1)
    def answer(self) -> None:
        self.accept()


class FairDesk(CheckInDesk):
    """Mixed in one per ten members: the check-in desk."""

    weight = 1

    @task
    def scan(self) -> None:
        self.check_in()


FairVisitor.weight = 10
FAIR_PAGE_TYPES: dict[str, type[AmityUser]] = {
    "marketplace": MarketplaceUser,
    "agenda": AgendaUser,
    "ICS feed": FeedUser,
    "check-in": CheckInUser,
}
# One locust run with both classes (weights 10 : 1).
FAIR_MIXED = (FairVisitor, FairDesk)
