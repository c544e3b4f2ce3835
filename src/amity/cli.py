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

# The commands people use, in the order they meet them; `amity help` lists all the others.
OVERVIEW = """usage: amity <command> [options]      (amity <command> --help explains each command)

Getting started
  demo                   migrate, load Shanghai's registry and labelled demo data, create the
                         demo accounts (admin, organiser, enterprise, delegate), then serve
  serve                  serve the site (gunicorn) with a background-task worker
                         (--production: the production profile, README "Production")
  worker                 run background tasks (RQ in production, else the database queue)
  createsuperuser        create an administrator account (asks for a password)
  backup FILE            the database and uploaded files in one archive
  restore FILE           put a backup back (saves the current state first)

The partner registry
  import-partnerships    import partners from CSV or XLSX, all rows or none
                         (docs/import-format.md; example: examples/partners.csv)
  export-partnerships    export partners as CSV (standard output) or XLSX
  create-api-token       a personal token for the API (/api/v1/docs)

The matching fair (no database needed)
  schedule               place a fair's meetings in slots and at tables, with interpreters
                         (docs/formats/scheduling-problem.md; example: examples/fair-problem.json)
  recommend              suggest who should meet whom
                         (docs/formats/recommendation-profiles.md;
                         example: examples/fair-profiles.json)

Hyphens and underscores are the same (import-partnerships = import_partnerships). Every Django
command works too (migrate, check, changepassword …); they are listed below.
"""


def _wants_overview(argv: list[str]) -> bool:
    return not argv or argv == ["help"] or argv[0] in {"-h", "--help"}


def main(argv: list[str] | None = None) -> int:
    from_process = argv is None
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "schedule" and from_process:
        # The whole process counts against `amity schedule --time-limit` (start-up included).
        return import_module(ENGINE_COMMANDS["schedule"]).main(argv[1:], count_startup=True)
    if argv and argv[0] in ENGINE_COMMANDS:
        return import_module(ENGINE_COMMANDS[argv[0]]).main(argv[1:])
    if len(argv) == 2 and argv[0] == "help" and argv[1] in ENGINE_COMMANDS:
        try:
            return import_module(ENGINE_COMMANDS[argv[1]]).main(["--help"])
        except SystemExit as done:  # argparse ends with SystemExit after printing help
            return int(done.code or 0)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.config.settings")
    from django.core.management import ManagementUtility, execute_from_command_line

    if _wants_overview(argv):
        sys.stdout.write(OVERVIEW + "\n")
        django_help = ManagementUtility(["amity"]).main_help_text(commands_only=False)
        sys.stdout.write(django_help.split("\n", 3)[-1] + "\n")
        return 0
    if argv and not argv[0].startswith("-"):
        argv = [argv[0].replace("-", "_"), *argv[1:]]
    if len(argv) == 2 and argv[0] == "help":
        argv = ["help", argv[1].replace("-", "_")]
    execute_from_command_line(["amity", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
