"""Build ``data/reference_means.json``: embed the reference texts once per model and prefix.

    python -m amity.engine.matching.build_reference_means [-o PATH] [--cache-dir DIR]

Kept apart from the loader (reference_means.py) so the loader needs no embedding backend and
the package has no import cycle: this script imports the backend, the backend the loader.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from amity.engine.matching.embedding import E5Backend
from amity.engine.matching.reference_means import (
    DATA_FILE,
    SCRIPTS,
    compute_means,
    entry_key,
    reference_texts,
    texts_digest,
)


def write_means(path: Path, entries: dict[str, dict[str, np.ndarray]]) -> None:
    """Write the means file; 7 significant digits keep float32 values exact enough and small."""
    document = {
        "about": "Per-script mean embeddings of amity.engine.matching.reference_means texts "
        "(ISIC Rev.4 titles, cooperation labels, hand-written business sentences; English vs "
        "Chinese). Regenerate with: python -m amity.engine.matching.build_reference_means",
        "texts_sha1": texts_digest(),
        "texts_per_script": len(reference_texts()["other"]),
        "means": {
            key: {s: [float(f"{x:.7g}") for x in means[s].tolist()] for s in SCRIPTS}
            for key, means in sorted(entries.items())
        },
    }
    path.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    """Embed the reference texts with multilingual-e5-small and ship their means."""
    parser = argparse.ArgumentParser(prog="python -m amity.engine.matching.build_reference_means")
    parser.add_argument(
        "-o",
        "--output",
        default=str(Path(__file__).parent / DATA_FILE),
        help="means file to write (default: the packaged data file)",
    )
    parser.add_argument("--cache-dir", default="var/embeddings", help="embedding cache")
    args = parser.parse_args(argv)

    entries: dict[str, dict[str, np.ndarray]] = {}
    for prefix in ("query", "passage"):
        backend = E5Backend(cache_dir=args.cache_dir, seek_prefix=prefix)
        entries[entry_key(backend.model_version, prefix)] = compute_means(
            lambda texts, b=backend: b.embed(texts, "seek", debiased=False)
        )
    write_means(Path(args.output), entries)
    print(f"wrote {args.output}: {', '.join(sorted(entries))}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
