"""Time importing a generated registry file of N rows, then re-importing it unchanged.

    AMITY_VAR_DIR=$(mktemp -d) .venv/bin/python benchmarks/registry_import.py --rows 10000

Uses the database from DATABASE_URL (default: a fresh SQLite file in AMITY_VAR_DIR), which it
migrates; the generated partners are deleted afterwards. Prints one line per step.
"""

import argparse
import os
import statistics
import time


def generated_file(rows: int) -> bytes:
    countries = ("NZ", "JP", "DE", "BR", "ZA", "US", "FR", "IT", "KR", "AU")
    lines = ["partner,country_iso2,partner_kind,relationship,established_on,fields,source"]
    lines += [
        f"Benchville {n:06d},{countries[n % 10]},city,friendship_city,{1970 + n % 50}-"
        f"{1 + n % 12:02d},trade;tourism,Generated list {n % 7}"
        for n in range(rows)
    ]
    return ("\n".join(lines) + "\n").encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from amity.cities.importing import import_partnerships
    from amity.cities.models import Partnership, Place
    from amity.cities.world_cities import _index

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    _index()
    print(f"world-city index built once per process: {time.perf_counter() - started:.2f} s")

    data = generated_file(args.rows)
    first, again = [], []
    for _ in range(args.repeat):
        Partnership.objects.filter(place__name_en__startswith="Benchville").delete()
        Place.objects.filter(name_en__startswith="Benchville").delete()
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            summary = import_partnerships(data, "bench.csv")
            first.append(time.perf_counter() - started)
        assert summary.created == args.rows, summary
        started = time.perf_counter()
        summary = import_partnerships(data, "bench.csv")
        again.append(time.perf_counter() - started)
        assert summary.unchanged == args.rows, summary
    Partnership.objects.filter(place__name_en__startswith="Benchville").delete()
    Place.objects.filter(name_en__startswith="Benchville").delete()
    vendor = connection.vendor
    print(
        f"{vendor}: {args.rows} new rows: median {statistics.median(first):.2f} s "
        f"(runs: {', '.join(f'{t:.2f}' for t in first)}), {len(queries)} queries"
    )
    print(
        f"{vendor}: {args.rows} unchanged rows again: median {statistics.median(again):.2f} s "
        f"(runs: {', '.join(f'{t:.2f}' for t in again)})"
    )


if __name__ == "__main__":
    main()
