"""The Chinese catalogue defines each message once: GNU msgfmt refuses it otherwise."""

from tools.dedupe_po import CATALOGUE, repeated


def test_the_catalogue_defines_each_message_once():
    assert repeated(CATALOGUE.read_text(encoding="utf-8")) == []


def test_a_repeated_message_is_found_even_without_a_blank_line_between():
    text = 'msgid "Title"\nmsgstr "标题"\nmsgctxt "document"\nmsgid "Title"\nmsgstr "标题"\n'

    assert repeated(text) == []
    assert repeated(text + 'msgctxt "document"\nmsgid "Title"\nmsgstr "题目"\n') == [
        ("document", "Title")
    ]
