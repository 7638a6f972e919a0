"""What is kept on disk between runs: SQLite files shared by concurrent runs.

Three caches live in `Config.cache_dir`, one SQLite file each, in write-ahead-log mode:
readers never wait for a writer, SQLite serialises writers itself (busy timeout), so
several runs or Dask workers can share a folder. A write that still fails costs only a
recomputation next time and is logged, never raised.

- embeddings (`embed.py`), keyed by embedder and text;
- each document's claims, keyed by its content (id, language, publication date, section
  starts, text) and by a fingerprint of the code and data extraction reads (segment.py,
  extract.py, model.py, normalize/, lang/, data/ and the versions of OpenCC and pypinyin),
  so editing a lexicon or a rule misses the old rows instead of serving stale claims;
- each corpus' claims and findings, keyed by its documents' keys, its name, the settings
  that decide findings and a fingerprint of all of reconcile's code and data: a rerun over
  an archive where most corpora did not change reads them instead of aligning again.

Rows are stored pickled: the cache folder is the user's own, trusted like the embedding cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import logging
import pickle
import sqlite3
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from reconcile.config import Config
from reconcile.model import Claim, Document, Finding

if TYPE_CHECKING:
    from reconcile.report import Reconciliation

logger = logging.getLogger(__name__)

_CLAIMS_SCHEMA = "CREATE TABLE IF NOT EXISTS claims (key BLOB PRIMARY KEY, claims BLOB NOT NULL)"
# What extraction reads besides a document: its own code, the model it builds, the language data.
_EXTRACTION_SOURCES = ("segment.py", "extract.py", "model.py", "normalize", "lang", "data")
_EXTRACTION_PACKAGES = ("opencc", "pypinyin")
_RESULT_PACKAGES = (*_EXTRACTION_PACKAGES, "numpy")  # numpy: similarities, rounded in findings
_RESULTS_SCHEMA = "CREATE TABLE IF NOT EXISTS results (key BLOB PRIMARY KEY, results BLOB NOT NULL)"
# Settings that change no claim and no finding: where caches live, the input size limit, the figure.
_NOT_IN_RESULTS = frozenset({"cache", "cache_dir", "max_file_bytes", "figure"})
_TIMELINES_SCHEMA = "CREATE TABLE IF NOT EXISTS timelines (key BLOB PRIMARY KEY, timelines BLOB NOT NULL)"
_CHUNK = 500  # keys per SELECT, well under SQLite's limit on parameters


def use_wal(connection: sqlite3.Connection) -> None:
    """Switch the cache to write-ahead logging (readers never wait for a writer), once per file.

    SQLite answers "locked" at once, without the busy timeout, when processes opening a new
    cache together switch it at the same moment: the switch is retried for up to ~10 s.
    """
    for attempt in range(200):
        try:
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt == 199:
                raise
            time.sleep(0.01 * (attempt % 10 + 1))


def connect(path: Path, schema: str) -> sqlite3.Connection:
    """The cache file at `path`, created with `schema` if new (OSError or sqlite3.Error if it cannot be)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=60, isolation_level=None)
    use_wal(connection)
    connection.execute("PRAGMA synchronous=NORMAL")  # WAL stays consistent; a crash loses recent rows only
    connection.execute(schema)
    return connection


def unusable(path: Path, error: OSError | sqlite3.Error) -> str:
    """Why a cache cannot be kept in the folder of `path`, in a few words."""
    return "a file, not a folder" if path.parent.is_file() else str(getattr(error, "strerror", None) or error)


def write_rows(connection: sqlite3.Connection, statement: str, rows: Sequence[tuple[bytes, bytes]], what: str) -> None:
    """All rows in one transaction: one commit instead of one per row, and readers in other
    processes see all of them or none. BEGIN IMMEDIATE waits (busy timeout) for a concurrent
    writer; a cache that still cannot be written costs only a recomputation next time."""
    try:
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.executemany(statement, rows)
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    except sqlite3.OperationalError as error:
        logger.warning("%s not updated (%s); the results are used anyway", what, error)


def _fingerprint(sources: Sequence[str], packages: Sequence[str]) -> str:
    """A digest of the files (or folders) `sources` of the reconcile package, the versions of
    `packages` and the Python version."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"python {sys.version_info[0]}.{sys.version_info[1]}".encode())
    for package in packages:
        digest.update(f"\x00{package} {metadata.version(package)}".encode())
    root = files("reconcile")
    contents: dict[str, bytes] = {}
    pending = [(name, root.joinpath(name)) for name in sources]
    while pending:
        name, entry = pending.pop()
        if entry.is_dir():
            pending.extend((f"{name}/{child.name}", child) for child in entry.iterdir() if child.name != "__pycache__")
        elif not name.endswith(".pyc"):
            contents[name] = entry.read_bytes()
    for name in sorted(contents):  # in a fixed order: the listing order of a folder is the file system's
        digest.update(b"\x00" + name.encode() + b"\x00" + contents[name])
    return digest.hexdigest()


@cache
def extraction_fingerprint() -> str:
    """A digest of everything but the document that decides what extraction finds, once per process."""
    return _fingerprint(_EXTRACTION_SOURCES, _EXTRACTION_PACKAGES)


@cache
def code_fingerprint() -> str:
    """A digest of all of reconcile's code and data, once per process: what decides findings."""
    return _fingerprint(
        [entry.name for entry in files("reconcile").iterdir() if entry.name != "__pycache__"], _RESULT_PACKAGES
    )


def _document_key(document: Document) -> bytes:
    """The key of a document's claims: everything segment and extract read from it, and the code."""
    digest = hashlib.blake2b(digest_size=16)
    parts = (document.id, document.lang, repr(document.published), repr(document.sections), document.text)
    for part in (extraction_fingerprint(), *parts):
        encoded = part.encode()
        digest.update(len(encoded).to_bytes(8, "little") + encoded)  # lengths first: no two documents share a key
    return digest.digest()


class _Store:
    """One cache file, opened on first use. A cache that cannot be kept (the folder is a
    file, the database is damaged) is logged and the run goes on without it; the embedding
    cache, which the run cannot do without, is the one that reports an unusable folder."""

    def __init__(self, path: Path, schema: str, name: str, without: str) -> None:
        self._path = path
        self._schema = schema
        self._name = name  # the table, and its column of values
        self._without = without  # what the run does instead, for the warning
        self._connection: sqlite3.Connection | None = None
        self._given_up = False

    def _db(self) -> sqlite3.Connection | None:
        if self._connection is None and not self._given_up:
            try:
                self._connection = connect(self._path, self._schema)
            except (OSError, sqlite3.Error) as error:
                self._give_up(error)
        return self._connection

    def _give_up(self, error: OSError | sqlite3.Error) -> None:
        reason = unusable(self._path, error)
        logger.warning("%s cache %s not used (%s); %s", self._name, self._path, reason, self._without)
        if self._connection is not None:
            self._connection.close()
        self._connection, self._given_up = None, True

    def _read(self, keys: list[bytes]) -> dict[bytes, bytes]:
        blobs: dict[bytes, bytes] = {}
        db = self._db()
        try:
            for start in range(0, len(keys) if db is not None else 0, _CHUNK):
                chunk = keys[start : start + _CHUNK]
                query = f"SELECT key, {self._name} FROM {self._name} WHERE key IN ({','.join('?' * len(chunk))})"
                blobs.update(db.execute(query, chunk).fetchall())  # type: ignore[union-attr]
        except sqlite3.Error as error:
            self._give_up(error)
        return blobs

    def _write(self, rows: Sequence[tuple[bytes, bytes]]) -> None:
        """Keep `rows` (a failure to write is logged, not raised)."""
        db = self._db()
        if not rows or db is None:
            return
        statement = f"INSERT OR REPLACE INTO {self._name} VALUES (?, ?)"
        try:
            write_rows(db, statement, rows, f"{self._name} cache {self._path}")
        except sqlite3.Error as error:  # not a busy database (write_rows logs those): a damaged one
            self._give_up(error)


class ClaimsCache(_Store):
    """The claims of documents already extracted, in `cache_dir`/claims.sqlite."""

    def __init__(self, cache_dir: Path) -> None:
        super().__init__(cache_dir / "claims.sqlite", _CLAIMS_SCHEMA, "claims", "extracting every document")

    def get(self, documents: Sequence[Document]) -> list[tuple[Claim, ...] | None]:
        """The cached claims of each of `documents`, None where there are none.

        A row that does not unpickle to claims of that document (written by another version,
        damaged) is a miss: the document is extracted again and the row replaced.
        """
        keys = [_document_key(document) for document in documents]
        blobs = self._read(list(dict.fromkeys(keys)))
        return [
            _unpickled(blobs[key], document.id) if key in blobs else None
            for key, document in zip(keys, documents, strict=True)
        ]

    def put(self, extracted: Sequence[tuple[Document, tuple[Claim, ...]]]) -> None:
        """Keep the claims of these documents (a failure to write is logged, not raised)."""
        self._write([(_document_key(document), pickle.dumps(claims, protocol=5)) for document, claims in extracted])


@dataclass(frozen=True, slots=True)
class KnownResult:
    """What a corpus was reconciled into, as the results cache keeps it."""

    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    embedder: str


class ResultsCache(_Store):
    """The claims and findings of corpora already reconciled, in `cache_dir`/results.sqlite.

    Used only when the settings name everything that made a result (the embedder is the
    configured one, not an object handed to the pipeline), so its key can describe it.
    """

    def __init__(self, cache_dir: Path) -> None:
        super().__init__(cache_dir / "results.sqlite", _RESULTS_SCHEMA, "results", "reconciling every corpus")

    @staticmethod
    def key(documents: Sequence[Document], corpus: str, config: Config) -> bytes:
        """The documents' keys, the corpus name, the settings that decide findings, all the code."""
        settings = {
            field.name: getattr(config, field.name)
            for field in dataclasses.fields(config)
            if field.name not in _NOT_IN_RESULTS
        }
        digest = hashlib.blake2b(digest_size=16)
        for part in (code_fingerprint().encode(), corpus.encode(), repr(settings).encode()):
            digest.update(len(part).to_bytes(8, "little") + part)
        for document in documents:
            digest.update(_document_key(document))
        return digest.digest()

    def get(self, key: bytes) -> KnownResult | None:
        """The result kept under `key`; a row that does not unpickle to one is a miss."""
        blob = self._read([key]).get(key)
        if blob is None:
            return None
        try:
            known = pickle.loads(blob)
        except Exception as error:  # any damage: a miss, recomputed and rewritten
            logger.info("results cache row unreadable (%s); reconciling again", error)
            return None
        return known if isinstance(known, KnownResult) else None

    def put(self, key: bytes, known: KnownResult) -> None:
        """Keep `known` under `key` (a failure to write is logged, not raised)."""
        self._write([(key, pickle.dumps(known, protocol=5))])


def _unpickled(blob: bytes, doc: str) -> tuple[Claim, ...] | None:
    try:
        claims = pickle.loads(blob)
    except Exception as error:  # any damage: a miss, recomputed and rewritten
        logger.info("claims cache row of %s unreadable (%s); extracting again", doc, error)
        return None
    if not isinstance(claims, tuple) or not all(isinstance(claim, Claim) and claim.doc == doc for claim in claims):
        logger.info("claims cache row of %s holds something else; extracting again", doc)
        return None
    return claims


class TimelineCache(_Store):
    """Timeline PNGs already drawn, in `cache_dir`/timelines.sqlite: a result's figure is the
    same bytes every time, and drawing it was most of a warm batch rerun (about 50-80 ms a
    figure, and matplotlib's import before the first)."""

    def __init__(self, cache_dir: Path) -> None:
        super().__init__(cache_dir / "timelines.sqlite", _TIMELINES_SCHEMA, "timelines", "drawing every timeline")

    @staticmethod
    def key(result: Reconciliation) -> bytes:
        """What the figure is drawn from (the corpus name, its documents, claims and findings) and
        the code that draws it, pickled without the memo: a result read back from the results
        cache shares fewer objects than a fresh one, and would otherwise pickle to other bytes.
        Equal values that still pickle differently (the order of a set) are a miss, never a
        wrong figure."""
        digest = hashlib.blake2b(digest_size=16)
        digest.update(f"{code_fingerprint()} matplotlib {metadata.version('matplotlib')}".encode())
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=5)
        pickler.fast = True  # every value written out in full, whatever it shares
        pickler.dump((result.corpus, result.documents, result.claims, result.findings))
        digest.update(buffer.getvalue())
        return digest.digest()

    def get(self, key: bytes) -> bytes | None:
        return self._read([key]).get(key)

    def put(self, key: bytes, png: bytes) -> None:
        """Keep `png` under `key` (a failure to write is logged, not raised)."""
        self._write([(key, png)])
