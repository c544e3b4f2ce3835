"""The demo fair's schedule: solved, adopted and published, so agendas open straight away.

Runs after the fair's own demo loader. A short deterministic budget (seed 0, a few seconds)
keeps ``make demo`` quick; a second load finds the publication and does nothing.
"""

from __future__ import annotations

from django.urls import reverse

from amity.accounts.models import User
from amity.fair.domain.publish import publish
from amity.fair.domain.schedule import adopt_run, execute_run, new_run
from amity.fair.models import Fair, Participant, Publication, RunStatus

DEMO_BUDGET_SECONDS = 8


def load_demo() -> list[str]:
    fair = Fair.objects.filter(is_demo=True).select_related("event").first()
    if fair is None:
        return ["Fair schedule: skipped (no demo fair)."]
    if Publication.objects.filter(fair=fair).exists():
        return ["Fair schedule: already published."]
    organiser = User.objects.filter(username="organiser").first()
    run = execute_run(new_run(fair, started_by=organiser, seed=0, time_limit=DEMO_BUDGET_SECONDS))
    if run.status != RunStatus.FINISHED:
        return [f"Fair schedule: the demo run failed ({run.error})."]
    adopt_run(run)
    publish(fair, "preliminary", by=organiser, run=run)
    lines = [
        f"Fair schedule: {run.stats['scheduled']} of {run.stats['requested']} meetings "
        f"published (priority {run.stats['priority']} of bound {run.stats['priority_bound']})."
    ]
    enterprise = User.objects.filter(username="enterprise").first()
    own = Participant.objects.filter(
        fair=fair, organisation_id=getattr(enterprise, "organisation_id", None)
    ).first()
    if own is not None:
        lines.append(f"  agenda of the enterprise account: {reverse('fair:agenda', args=[own.pk])}")
    return lines
