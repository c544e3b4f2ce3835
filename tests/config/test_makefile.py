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
    # -n prints the commands without running them (the venv's recipe may print some first);
    # the variables of a make that runs this test must not reach the inner one.
    outer = {"MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES"}
    environment = {k: v for k, v in os.environ.items() if k not in outer and k != "PORT"}
    result = subprocess.run(
        ["make", "--no-print-directory", "-n", "demo"],
        cwd=ROOT,
        env={**environment, **env},
        capture_output=True,
        text=True,
        check=True,
    )

    demo = [line for line in result.stdout.splitlines() if "amity demo" in line]
    assert demo == [f"{ROOT / '.venv/bin/amity'} demo {expected}".replace(f"{ROOT}/", "")]
