from amity.engine.matching.isic import ancestry, is_known, isic_table, normalise_code, sector_fit


def test_isic_table_has_every_level_of_rev4():
    table = isic_table()

    levels = [entry.level for entry in table.values()]

    # ISIC Rev.4 (UN, 2008): 21 sections, 88 divisions, 238 groups, 419 classes.
    assert (levels.count("section"), levels.count("division")) == (21, 88)
    assert (levels.count("group"), levels.count("class")) == (238, 419)


def test_isic_table_labels_are_bilingual():
    entry = isic_table()["7911"]

    assert (entry.label_en, entry.label_zh) == ("Travel agency activities", "旅行社活动")


def test_ancestry_walks_up_to_the_section():
    assert ancestry("7911") == {"class": "7911", "group": "791", "division": "79", "section": "N"}


def test_normalise_code_accepts_nace_dots_and_lowercase_sections():
    assert (normalise_code("79.11"), normalise_code("n")) == ("7911", "N")


def test_is_known_rejects_codes_outside_rev4():
    assert (is_known("7911"), is_known("7999"), is_known("Z")) == (True, False, False)


def test_sector_fit_prefers_deeper_shared_levels():
    same_class = sector_fit(["7911"], ["7911"])
    same_group = sector_fit(["7911"], ["7912"])
    same_division = sector_fit(["7911"], ["7990"])
    same_section = sector_fit(["7911"], ["8010"])
    unrelated = sector_fit(["7911"], ["0111"])

    assert [same_class, same_group, same_division] == [(1.0, "7911"), (0.75, "791"), (0.5, "79")]
    assert (same_section, unrelated) == ((0.2, "N"), (0.0, None))
