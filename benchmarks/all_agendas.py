""""All agendas" as one PDF for a generated fair, through the job that the schedule page starts.

    DATABASE_URL=postgres://… PYTHONPATH=src python benchmarks/all_agendas.py \
        [--participants 3000] [--meetings 17000] [--time-limit 60] [--seed 1]

Builds the throw-away fair of ``fair_schedule.py``, runs and adopts a schedule, then runs the
``make_all_agendas`` job body (collect each participant's agenda, write one PDF, store it) and
prints its time as the job recorded it, the PDF's size and pages. Everything is deleted at the
end. Use your own database.
"""

from __future__ import annotations

import argparse
import io
import sys
import time

from fair_schedule import _setup, build, discard


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=3000)
    parser.add_argument("--meetings", type=int, default=17000)
    parser.add_argument("--time-limit", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    _setup()
    from django.core.files.storage import default_storage
    from pypdf import PdfReader

    from amity.fair.agenda_documents import ALL_AGENDAS_KIND, file_path, make_all_agendas
    from amity.fair.domain.schedule import adopt_run, execute_run, new_run
    from amity.jobs.models import Job

    fair, _people, orgs = build(args.participants, args.meetings, args.seed)
    job = None
    try:
        run = execute_run(new_run(fair, time_limit=args.time_limit, seed=args.seed))
        placed = adopt_run(run)
        job = Job.objects.create(kind=f"{ALL_AGENDAS_KIND}:{fair.pk}", title_en="benchmark")
        started = time.perf_counter()
        make_all_agendas.func(str(job.pk), fair_id=fair.pk)
        wall = time.perf_counter() - started
        job.refresh_from_db()
        name = job.result["url"].rsplit("/", 1)[1]
        path = file_path(fair.pk, name)
        with default_storage.open(path, "rb") as handle:
            data = handle.read()
        default_storage.delete(path)
        pages = len(PdfReader(io.BytesIO(data)).pages)
        recorded = (job.finished_at - job.started_at).total_seconds()
        print(
            f"all agendas: {args.participants} participants, {placed} meetings placed; job "
            f"{job.status} in {recorded:.1f} s (wall {wall:.1f} s); {pages} pages, "
            f"{len(data) / 1e6:.1f} MB"
        )
    finally:
        if job is not None:
            job.delete()
        discard(fair, orgs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
