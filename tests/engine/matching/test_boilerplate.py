"""Boilerplate sentences: found by counting, removed before embedding (issue 13)."""

from amity.engine.matching.boilerplate import boilerplate, sentences, strip


def test_a_sentence_many_organisations_repeat_is_boilerplate_and_removed():
    profiles = [
        ["Certified to ISO 9001. We export wine", "Open to all kinds of cooperation"],
        ["Certified to ISO 9001. We need cold storage for seafood"],
        ["Certified to ISO 9001. Tours of the Otago peninsula", "Open to all kinds of cooperation"],
        ["Certified to ISO 9001. Legal advice in Laos", "Open to all kinds of cooperation"],
        ["Certified to ISO 9001. Solar panels", "Open to all kinds of cooperation."],
        ["Open to all kinds of cooperation", "Container shipping to Hamburg"],
    ] + [[f"need number {i}"] for i in range(494)]

    common = boilerplate(profiles)

    assert common == {"certified to iso 9001", "open to all kinds of cooperation"}
    assert strip("Certified to ISO 9001. We export wine", common) == "We export wine"
    assert strip("Open to all kinds of cooperation", common) == ""
    assert strip("Container shipping to Hamburg", common) == "Container shipping to Hamburg"


def test_chinese_sentences_split_on_the_full_stop():
    assert sentences("公司成立于1998年，现有员工40人。我们需要冷链运输") == [
        "公司成立于1998年，现有员工40人。",
        "我们需要冷链运输",
    ]


def test_a_few_repeats_are_not_boilerplate():
    profiles = [["We export wine"]] * 4 + [["Tours"]] * 10
    padding = [[f"need number {i}"] for i in range(500)]

    assert boilerplate(profiles + padding) == {"tours"}
    # A small fair: twelve organisations sharing a need is normal, nothing is set aside.
    assert boilerplate([["solar panels"]] * 12 + [["wine"]] * 4) == set()
