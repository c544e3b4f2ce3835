"""Large files and simultaneous imports."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction

from amity.cities.importing import import_partnerships
from amity.cities.models import Partnership, Place
from tests.factories import PartnershipFactory, PlaceFactory

COUNTRIES = ("NZ", "JP", "DE", "BR", "ZA", "US", "FR", "IT", "KR", "AU")


def _big_file(rows: int) -> bytes:
    lines = ["partner,country_iso2,partner_kind,relationship,established_on,fields,source"]
    for n in range(rows):
        lines.append(
            f"Testville {n:05d},{COUNTRIES[n % len(COUNTRIES)]},city,friendship_city,"
            f"{1970 + n % 50}-{1 + n % 12:02d},trade;tourism,Generated list {n % 7}"
        )
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.django_db
def test_import_ten_thousand_rows_with_a_bounded_number_of_queries(django_assert_max_num_queries):
    data = _big_file(10_000)

    # Reads and writes go in batches (500 rows, or fewer where SQLite limits the parameters of
    # one statement): 10,000 rows take hundreds of queries, where a query per row and record
    # would take over 50,000. The audit log's history rows go in batches too.
    with django_assert_max_num_queries(1_000):
        summary = import_partnerships(data, "big.csv")

    assert (summary.created, summary.updated, summary.unchanged) == (10_000, 0, 0)
    assert Partnership.objects.count() == 10_000
    assert Partnership.fields.through.objects.count() == 20_000


@pytest.mark.django_db
def test_reimport_of_a_large_file_changes_nothing():
    data = _big_file(2_000)
    import_partnerships(data, "big.csv")

    summary = import_partnerships(data, "big.csv")

    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 2_000)


@pytest.mark.django_db
def test_database_refuses_a_second_place_with_the_same_natural_key():
    PlaceFactory(name_en="Dunedin", country="NZ", kind="city")

    with pytest.raises(IntegrityError), transaction.atomic():
        PlaceFactory(name_en="Dunedin", country="NZ", kind="city")
    with pytest.raises(IntegrityError), transaction.atomic():
        PlaceFactory(name_en="DUNEDIN", country="NZ", kind="city")


@pytest.mark.django_db
def test_database_refuses_a_second_partnership_at_the_same_level():
    partnership = PartnershipFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        PartnershipFactory(place=partnership.place)


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    # SQLite's shared-cache in-memory test database reports "table is locked" at once instead
    # of waiting; the constraints above are what guard SQLite, and CI runs this on PostgreSQL.
    reason="needs a database server that lets the second writer wait",
)
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_imports_of_one_file_create_each_partnership_once(cooperation_fields):
    data = _big_file(300)
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def run() -> None:
        try:
            barrier.wait()
            import_partnerships(data, "same.csv")
        except BaseException as error:  # reported below, in the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert (Place.objects.count(), Partnership.objects.count()) == (300, 300)
