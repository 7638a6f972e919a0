"""What is kept on disk between runs: SQLite files shared by concurrent runs, and the claims.

Both caches (claims here, embeddings in `embed.py`) live in `Config.cache_dir`, one SQLite
file each, in write-ahead-log mode: readers never wait for a writer, SQLite serialises
writers itself (busy timeout), so several runs or Dask workers can share a folder. A write
that still fails costs only a recomputation next time and is logged, never raised.

A document's claims are keyed by its content (id, language, publication date, section
starts, text) and by a fingerprint of the code and data extraction reads (segment.py,
extract.py, model.py, normalize/, lang/, data/ and the versions of OpenCC and pypinyin), so
editing a lexicon or a rule misses the old rows instead of serving stale claims. Claims
are stored pickled: the cache folder is the user's own, trusted like the embedding cache.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import sqlite3
import sys
import time
from collections.abc import Sequence
from functools import cache
from importlib import metadata
from importlib.resources import files
from pathlib import Path

from reconcile.model import Claim, Document

logger = logging.getLogger(__name__)

_CLAIMS_SCHEMA = "CREATE TABLE IF NOT EXISTS claims (key BLOB PRIMARY KEY, claims BLOB NOT NULL)"
# What extraction reads besides a document: its own code, the model it builds, the language data.
_EXTRACTION_SOURCES = ("segment.py", "extract.py", "model.py", "normalize", "lang", "data")
_EXTRACTION_PACKAGES = ("opencc", "pypinyin")
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


@cache
def extraction_fingerprint() -> str:
    """A digest of everything but the document that decides what extraction finds, once per process."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"python {sys.version_info[0]}.{sys.version_info[1]}".encode())
    for package in _EXTRACTION_PACKAGES:
        digest.update(f"\x00{package} {metadata.version(package)}".encode())
    root = files("reconcile")
    sources: dict[str, bytes] = {}
    pending = [(name, root.joinpath(name)) for name in _EXTRACTION_SOURCES]
    while pending:
        name, entry = pending.pop()
        if entry.is_dir():
            pending.extend((f"{name}/{child.name}", child) for child in entry.iterdir() if child.name != "__pycache__")
        elif not name.endswith(".pyc"):
            sources[name] = entry.read_bytes()
    for name in sorted(sources):  # in a fixed order: the listing order of a folder is the file system's
        digest.update(b"\x00" + name.encode() + b"\x00" + sources[name])
    return digest.hexdigest()


def _document_key(document: Document) -> bytes:
    """The key of a document's claims: everything segment and extract read from it, and the code."""
    digest = hashlib.blake2b(digest_size=16)
    parts = (document.id, document.lang, repr(document.published), repr(document.sections), document.text)
    for part in (extraction_fingerprint(), *parts):
        encoded = part.encode()
        digest.update(len(encoded).to_bytes(8, "little") + encoded)  # lengths first: no two documents share a key
    return digest.digest()


class ClaimsCache:
    """The claims of documents already extracted, in `cache_dir`/claims.sqlite.

    A cache that cannot be kept (the folder is a file, the database is damaged) is logged and
    the run goes on extracting; the embedding cache, which the run cannot do without, is the
    one that reports an unusable folder as an error.
    """

    def __init__(self, cache_dir: Path) -> None:
        self._path = cache_dir / "claims.sqlite"
        self._connection: sqlite3.Connection | None = None
        self._given_up = False

    def _db(self) -> sqlite3.Connection | None:
        if self._connection is None and not self._given_up:
            try:
                self._connection = connect(self._path, _CLAIMS_SCHEMA)
            except (OSError, sqlite3.Error) as error:
                self._give_up(error)
        return self._connection

    def _give_up(self, error: OSError | sqlite3.Error) -> None:
        reason = unusable(self._path, error)
        logger.warning("claims cache %s not used (%s); extracting every document", self._path, reason)
        if self._connection is not None:
            self._connection.close()
        self._connection, self._given_up = None, True

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

    def _read(self, keys: list[bytes]) -> dict[bytes, bytes]:
        blobs: dict[bytes, bytes] = {}
        db = self._db()
        try:
            for start in range(0, len(keys) if db is not None else 0, _CHUNK):
                chunk = keys[start : start + _CHUNK]
                query = f"SELECT key, claims FROM claims WHERE key IN ({','.join('?' * len(chunk))})"
                blobs.update(db.execute(query, chunk).fetchall())  # type: ignore[union-attr]
        except sqlite3.Error as error:
            self._give_up(error)
        return blobs

    def put(self, extracted: Sequence[tuple[Document, tuple[Claim, ...]]]) -> None:
        """Keep the claims of these documents (a failure to write is logged, not raised)."""
        db = self._db()
        if not extracted or db is None:
            return
        rows = [(_document_key(document), pickle.dumps(claims, protocol=5)) for document, claims in extracted]
        try:
            write_rows(db, "INSERT OR REPLACE INTO claims VALUES (?, ?)", rows, f"claims cache {self._path}")
        except sqlite3.Error as error:  # not a busy database (write_rows logs those): a damaged one
            self._give_up(error)


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
