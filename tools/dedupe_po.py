"""Drop repeated entries from the Chinese catalogue (the last translation of each message wins).

The catalogue merges by union (``.gitattributes``): when two branches add the same message,
both copies land and GNU msgfmt refuses the file. Run ``python tools/dedupe_po.py`` after such a
merge; ``tests/config/test_catalogue.py`` fails until it is run.
"""

import re
import sys
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[1] / "src/amity/locale/zh_Hans/LC_MESSAGES/django.po"
STRING = re.compile(r'^(msgctxt|msgid|msgstr|msgid_plural|msgstr\[\d+\])?\s*"(.*)"$')


def message_keys(text: str) -> list[tuple[str, str]]:
    """Every (context, message id) the catalogue defines, in order, repeats included."""
    keys: list[tuple[str, str]] = []
    parts = {"msgctxt": "", "msgid": ""}
    field = None
    for line in text.splitlines():
        match = STRING.match(line.strip())
        if match is None:
            continue
        keyword, value = match.groups()
        if keyword is not None and keyword.startswith("msgstr"):
            keys.append((parts["msgctxt"], parts["msgid"]))
            parts = {"msgctxt": "", "msgid": ""}
        field = keyword or field  # a bare "..." line continues the field above it
        if field in parts:
            parts[field] += value
    return keys


def repeated(text: str) -> list[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    twice = []
    for key in message_keys(text):
        if key in seen:
            twice.append(key)
        seen.add(key)
    return twice


def main() -> int:
    from babel.messages.pofile import read_po, write_po

    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle, locale="zh_Hans")
    with CATALOGUE.open("wb") as handle:
        write_po(handle, catalogue, width=0, sort_output=False)
    print(f"{CATALOGUE}: {len(catalogue)} messages, each once")
    return 0


if __name__ == "__main__":
    sys.exit(main())
