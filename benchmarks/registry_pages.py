"""Response time and query count of the registry pages with thousands of partners.

Usage (from the project root; uses its own throw-away SQLite database):

    mkdir -p /tmp/amity-bench/static
    AMITY_ALLOWED_HOSTS=testserver AMITY_VAR_DIR=/tmp/amity-bench \\
        .venv/bin/python benchmarks/registry_pages.py 5000

Prints, per page, the status, the number of SQL queries and the median of five requests.
"""

import datetime
import os
import random
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.config.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from amity.cities.models import CooperationField, Partnership, Place  # noqa: E402

COUNTRIES = [("NZ", "OC"), ("DE", "EU"), ("FR", "EU"), ("JP", "AS"), ("US", "NA"), ("BR", "SA")]


def populate(count: int) -> list[Partnership]:
    rng = random.Random(1)
    Partnership.objects.all().delete()
    Place.objects.all().delete()
    places = Place.objects.bulk_create(
        Place(
            kind="city",
            name_en=f"City {i}",
            name_zh=f"城市{i}",
            country=country,
            continent=continent,
            latitude=rng.uniform(-50, 70),
            longitude=rng.uniform(-179, 179),
            population=1000 + i,
        )
        for i, (country, continent) in ((i, rng.choice(COUNTRIES)) for i in range(count))
    )
    partnerships = Partnership.objects.bulk_create(
        Partnership(
            place=place,
            kind=rng.choice(["friendship_city", "friendly_exchange"]),
            established_on=datetime.date(rng.randint(1973, 2024), 1, 1),
            established_precision="year",
        )
        for place in places
    )
    fields = list(CooperationField.objects.all())
    through = Partnership.fields.through
    through.objects.bulk_create(
        through(partnership_id=p.pk, cooperationfield_id=field.pk)
        for p in partnerships
        for field in rng.sample(fields, 3)
    )
    return partnerships


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    call_command("migrate", verbosity=0)
    partnerships = populate(count)
    client = Client()
    pages = [
        "/en/",
        "/en/?continent=EU&sort=name&page=40",
        "/en/?q=City%2012",
        "/zh-hans/",
        "/en/network/",
        f"/en/partners/{partnerships[0].pk}/",
    ]
    print(f"{count} partners")
    for page in pages:
        client.get(page)  # warm caches (templates, catalogues, world-city data)
        timings = []
        for _ in range(5):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(page)
                timings.append(time.perf_counter() - start)
        print(
            f"{page:40s} {response.status_code} queries={len(queries):2d} "
            f"median={statistics.median(timings) * 1000:5.0f} ms"
        )


if __name__ == "__main__":
    main()
