"""The independent scheduling test bed lives in benchmarks/independent as plain scripts that
import each other; its tests import them the same way."""

import sys
from pathlib import Path

BED = Path(__file__).resolve().parents[2] / "benchmarks" / "independent"
# Appended, not prepended: the bed's module names must not hide an installed package.
if str(BED) not in sys.path:
    sys.path.append(str(BED))
