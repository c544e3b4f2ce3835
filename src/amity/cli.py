"""The `amity` command.

`amity schedule` and `amity recommend` run the pure engine without starting Django; every
other sub-command is a Django management command (`amity demo`, `amity migrate`, …), where
hyphens in the name stand for underscores (`amity import-partnerships` → import_partnerships).
"""

import os
import sys
from importlib import import_module

ENGINE_COMMANDS = {
    "schedule": "amity.engine.scheduling.cli",
    "recommend": "amity.engine.matching.cli",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ENGINE_COMMANDS:
        return import_module(ENGINE_COMMANDS[argv[0]]).main(argv[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.config.settings")
    from django.core.management import execute_from_command_line

    if argv and not argv[0].startswith("-"):
        argv = [argv[0].replace("-", "_"), *argv[1:]]
    execute_from_command_line(["amity", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
