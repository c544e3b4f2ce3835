"""Per-script reference means for the language centring in debias.py, shipped precomputed.

debias.py shrinks each fair's own per-script mean vector toward a reference mean, so that small
fairs (a few dozen texts) are centred stably. The reference must say nothing about any fair the
engine is evaluated on, so it is built only from parallel texts that have nothing to do with
the synthetic benchmark generator:

- every ISIC Rev.4 title in English and Chinese (766 pairs, ``data/isic4.csv``);
- the nine cooperation types' English and Chinese labels;
- 40 hand-written generic business sentences and their translations
  (``data/reference_sentences.csv``; none is taken from the generator's phrasebook).

Each pair says the same thing in both scripts, so the two means differ by language, not topic.
Embedding these ~1,600 texts takes ~20 s, so
``python -m amity.engine.matching.build_reference_means`` embeds them once per backend and
prefix and writes ``data/reference_means.json``; this module only reads the file (it imports
no backend, so embedding.py can import it). A backend or prefix missing from the file (or a
file made from other reference texts) falls back to computing the means at run time.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources

import numpy as np

from amity.engine.matching.isic import isic_table
from amity.engine.matching.model import COOPERATION_TYPES

SCRIPTS = ("other", "cjk")
# embed(texts) -> (len(texts), dim) raw (not yet centred) unit vectors.
Embed = Callable[[Sequence[str]], np.ndarray]
DATA_FILE = "data/reference_means.json"


@cache
def reference_texts() -> dict[str, tuple[str, ...]]:
    """Parallel English ("other") and Chinese ("cjk") texts, row i of each saying the same."""
    pairs = [(e.label_en, e.label_zh) for e in isic_table().values()]
    pairs += list(COOPERATION_TYPES.values())
    text = resources.files("amity.engine.matching").joinpath("data/reference_sentences.csv")
    rows = csv.DictReader(text.read_text("utf-8").splitlines())
    pairs += [(row["en"], row["zh"]) for row in rows]
    return {"other": tuple(en for en, _ in pairs), "cjk": tuple(zh for _, zh in pairs)}


def texts_digest() -> str:
    """SHA-1 of the reference texts: a shipped mean made from other texts is not used."""
    texts = reference_texts()
    joined = "\x00".join(texts["other"] + ("\x01",) + texts["cjk"])
    return hashlib.sha1(joined.encode()).hexdigest()


def entry_key(model: str, prefix: str) -> str:
    """File key: the model's name and version (other weights give other means) and prefix."""
    return f"{model}|{prefix}"


def compute_means(embed: Embed) -> dict[str, np.ndarray]:
    """Mean raw vector of each script's reference texts."""
    return {
        script: np.asarray(embed(texts), dtype=np.float32).mean(axis=0)
        for script, texts in reference_texts().items()
    }


@cache
def _shipped() -> dict[str, dict[str, np.ndarray]]:
    try:
        raw = resources.files("amity.engine.matching").joinpath(DATA_FILE).read_text("utf-8")
    except FileNotFoundError:
        return {}
    document = json.loads(raw)
    if document.get("texts_sha1") != texts_digest():
        return {}
    return {
        key: {s: np.asarray(entry[s], dtype=np.float32) for s in SCRIPTS}
        for key, entry in document["means"].items()
    }


def shipped_means(model: str, prefix: str) -> dict[str, np.ndarray] | None:
    """The precomputed means for this model and prefix, or None if the file lacks them."""
    return _shipped().get(entry_key(model, prefix))


def reference_means(model: str, prefix: str, embed: Embed) -> dict[str, np.ndarray]:
    """Shipped means when available, else computed now with ``embed`` (slow: ~1,600 texts)."""
    found = shipped_means(model, prefix)
    return found if found is not None else compute_means(embed)
