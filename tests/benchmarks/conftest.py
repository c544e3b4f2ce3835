"""The independent scheduling test bed lives in benchmarks/independent as plain scripts that
import each other; its tests import them the same way."""

import sys
from pathlib import Path

BED = Path(__file__).resolve().parents[2] / "benchmarks" / "independent"
if str(BED) not in sys.path:
    sys.path.insert(0, str(BED))
