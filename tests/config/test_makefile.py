"""The two set-up commands: `make demo` serves where PORT (and HOST) say."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize(
    ("env", "expected"),
    [({}, "--host 127.0.0.1 --port 8000"), ({"PORT": "8080"}, "--host 127.0.0.1 --port 8080")],
)
def test_make_demo_serves_on_the_port_given(env, expected):
    # -n prints the commands without running them; the venv recipe may print first.
    result = subprocess.run(
        ["make", "-n", "demo"],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.strip().splitlines()[-1].endswith(f"amity demo {expected}")
