"""List the translatable strings of the code that the zh_Hans catalogue lacks, as .po entries.

Usage (from the project root; needs GNU gettext's xgettext, which only this tool uses):

    .venv/bin/python tools/missing_translations.py > /tmp/missing.po

It runs Django's ``makemessages`` on a copy of the catalogue and restores the original, so the
catalogue keeps its order (it merges as a union of lines; see .gitattributes). Append the
printed entries, translated, at the end of the catalogue.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "src" / "amity" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def msgids(path: Path) -> dict[object, object]:
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale="zh_Hans")
    return {(m.id, m.context): m for m in catalogue if m.id}


def main() -> int:
    known = msgids(PO)
    backup = Path(tempfile.mkdtemp()) / "django.po"
    shutil.copy2(PO, backup)
    try:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "django",
                "makemessages",
                "--locale",
                "zh_Hans",
                "--no-obsolete",
                "--ignore",
                ".venv/*",
                "--ignore",
                "tests/*",
                "--ignore",
                "benchmarks/*",
            ],
            cwd=ROOT / "src" / "amity",
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "amity.config.settings"},
            check=True,
            capture_output=True,
        )
        fresh = msgids(PO)
    finally:
        shutil.copy2(backup, PO)
    missing = [m for key, m in fresh.items() if key not in known]
    for message in missing:
        for location, line in message.locations:
            print(f"#: {location}:{line}")
        if message.context:
            print(f'msgctxt "{message.context}"')
        if isinstance(message.id, tuple):
            print(f'msgid "{message.id[0]}"\nmsgid_plural "{message.id[1]}"')
            print('msgstr[0] ""\n')
        else:
            print(f'msgid "{message.id}"\nmsgstr ""\n')
    print(f"# {len(missing)} missing", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
