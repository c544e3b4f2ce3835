"""The two sector-fit reasons read as bilingual sentences; unknown kinds are still dropped."""

from django.utils import translation

from amity.fair.reasons import reason_text, reason_texts

SEEK_SECTOR = {
    "kind": "seek_sector",
    "mine": "Tour operators for school trips",
    "code": "7912",
    "label_en": "Tour operator activities",
    "label_zh": "旅游经营者活动",
    "similarity": 0.41,
}
SECTOR_SEEK = {
    "kind": "sector_seek",
    "theirs": "A partner for bus maintenance",
    "code": "2910",
    "label_en": "Manufacture of motor vehicles",
    "label_zh": "汽车制造",
}


def test_seek_sector_quotes_my_request_and_their_sector():
    with translation.override("en"):
        text = reason_text(SEEK_SECTOR)
    assert text == (
        "You seek “Tour operators for school trips”; their sector is Tour operator activities."
    )


def test_sector_seek_quotes_their_request_and_my_sector():
    with translation.override("en"):
        text = reason_text(SECTOR_SEEK)
    assert text == (
        "They seek “A partner for bus maintenance”; your sector is Manufacture of motor vehicles."
    )


def test_sector_reasons_in_chinese_use_chinese_labels():
    with translation.override("zh-hans"):
        texts = reason_texts([SEEK_SECTOR, SECTOR_SEEK], interpreter_needed=False)
    assert texts == [
        "您寻求“Tour operators for school trips”；对方所属行业为旅游经营者活动。",
        "对方寻求“A partner for bus maintenance”；您所属行业为汽车制造。",
    ]


def test_unknown_kind_is_still_dropped():
    assert reason_texts([{"kind": "no_such_kind"}, SECTOR_SEEK], False) == [
        "They seek “A partner for bus maintenance”; your sector is Manufacture of motor vehicles."
    ]
