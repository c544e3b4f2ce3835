"""A job's progress and result are for the person who started it, and for organisers."""

import rules

from amity.accounts.rules import is_organiser


@rules.predicate
def started_the_job(user, job) -> bool:
    return job is not None and user.is_authenticated and job.owner_id == user.pk


rules.add_perm("jobs.view_job", is_organiser | started_the_job)
# Starting a failed job again runs the same work with the same input: whoever may see it.
rules.add_perm("jobs.restart_job", is_organiser | started_the_job)
