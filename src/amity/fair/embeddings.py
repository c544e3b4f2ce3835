"""One embedding backend per process, its vectors stored in the database (``TextEmbedding``).

Loading the model costs a second or so; reusing it keeps a search under its time budget.
The setting ``AMITY_MATCHING_BACKEND`` (auto, e5, lexical) chooses the backend.
"""

from __future__ import annotations

import threading

from django.conf import settings

from amity.engine.matching import EmbeddingBackend, make_backend
from amity.engine.matching.embedding import E5Backend
from amity.fair.engine_io import DatabaseVectorCache

_lock = threading.Lock()
_backends: dict[str, EmbeddingBackend] = {}


def backend_choice() -> str:
    return getattr(settings, "AMITY_MATCHING_BACKEND", "auto")


def shared_backend() -> EmbeddingBackend:
    choice = backend_choice()
    with _lock:
        if choice not in _backends:
            # The key of a stored vector hashes the model's name; the column is for people.
            cache = DatabaseVectorCache(model=E5Backend.name)
            backend, _warnings = make_backend(choice, cache=cache)
            _backends[choice] = backend
        return _backends[choice]
