"""Compile the zh_Hans catalogue for the tests when the .mo is missing or older than the .po.

The Makefile compiles it at set-up; this keeps a plain `pytest` run after editing the .po honest.
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.utils import translation
from django.utils.translation import trans_real

import amity

LOCALE_DIR = Path(amity.__file__).resolve().parent / "locale"
PO_FILE = LOCALE_DIR / "zh_Hans" / "LC_MESSAGES" / "django.po"


def compile_translations() -> None:
    mo_file = PO_FILE.with_suffix(".mo")
    if mo_file.exists() and mo_file.stat().st_mtime >= PO_FILE.stat().st_mtime:
        return
    with PO_FILE.open("rb") as po:
        catalogue = read_po(po, locale="zh_Hans")
    with mo_file.open("wb") as mo:
        write_mo(mo, catalogue)
    # Django caches catalogues per process; drop them so the fresh .mo is read.
    trans_real._translations = {}
    trans_real._default = None
    translation.deactivate()
