"""The claims cache: a rerun reads claims instead of extracting, and never serves stale or damaged ones."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

import reconcile.cache
import reconcile.extract
import reconcile.pipeline
from reconcile.config import Config
from reconcile.embed import Embedder
from reconcile.model import Claim, Document, Sentence

from .conftest import STORY_EN, story


def run(config: Config, embedder: Embedder, docs: Sequence[Document]) -> tuple[Claim, ...]:
    return reconcile.pipeline.Pipeline(config, embedder).run(docs, "story").claims


@pytest.fixture()
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the documents the pipeline extracts (rather than reads from the cache)."""
    seen: list[str] = []
    real: Callable[[Document, Sequence[Sentence]], tuple[Claim, ...]] = reconcile.extract.extract

    def counting(document: Document, sentences: Sequence[Sentence]) -> tuple[Claim, ...]:
        seen.append(document.id)
        return real(document, sentences)

    monkeypatch.setattr(reconcile.extract, "extract", counting)
    return seen


def test_rerun_reads_the_claims_it_extracted(config: Config, fake_embedder: Embedder, extracted: list[str]) -> None:
    first = run(config, fake_embedder, story())
    assert extracted == ["en", "zh"]
    second = run(config, fake_embedder, story())
    assert extracted == ["en", "zh"]  # nothing extracted again
    assert second == first
    assert first and any(claim.slots for claim in first)


def test_changed_text_is_extracted_again(config: Config, fake_embedder: Embedder, extracted: list[str]) -> None:
    run(config, fake_embedder, story())
    changed = run(config, fake_embedder, story(STORY_EN.replace("2021", "2022")))
    assert extracted == ["en", "zh", "en"]
    assert any("2022" in claim.text for claim in changed)


def test_another_extraction_fingerprint_misses(
    config: Config, fake_embedder: Embedder, extracted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(config, fake_embedder, story())
    monkeypatch.setattr(reconcile.cache, "extraction_fingerprint", lambda: "edited lexicon")
    run(config, fake_embedder, story())
    assert extracted == ["en", "zh", "en", "zh"]


def test_no_cache_writes_nothing(tmp_path: Path, fake_embedder: Embedder, extracted: list[str]) -> None:
    config = Config(cache=False, cache_dir=tmp_path / "cache")
    run(config, fake_embedder, story())
    run(config, fake_embedder, story())
    assert extracted == ["en", "zh", "en", "zh"]
    assert not (tmp_path / "cache").exists()


@pytest.mark.parametrize("damage", [b"not a pickle", b"\x80\x05K\x01.", b""], ids=["garbage", "an int", "empty"])
def test_damaged_row_is_a_miss(config: Config, fake_embedder: Embedder, extracted: list[str], damage: bytes) -> None:
    first = run(config, fake_embedder, story())
    with sqlite3.connect(config.cache_dir / "claims.sqlite") as db:
        db.execute("UPDATE claims SET claims = ?", (damage,))
    again = run(config, fake_embedder, story())
    assert again == first
    assert extracted == ["en", "zh", "en", "zh"]
    run(config, fake_embedder, story())  # the damaged rows were replaced
    assert extracted == ["en", "zh", "en", "zh"]


def test_rows_of_another_document_are_not_served(config: Config, fake_embedder: Embedder) -> None:
    """A row holding claims of another document (keys are digests: a damaged file) is a miss."""
    run(config, fake_embedder, story())
    with sqlite3.connect(config.cache_dir / "claims.sqlite") as db:
        rows = db.execute("SELECT key, claims FROM claims").fetchall()
        db.execute("UPDATE claims SET claims = ? WHERE key = ?", (rows[1][1], rows[0][0]))
    cache = reconcile.cache.ClaimsCache(config.cache_dir)
    found = cache.get(story())
    assert found.count(None) == 1


def test_unusable_folder_only_costs_extraction(
    tmp_path: Path, fake_embedder: Embedder, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "taken").write_text("a file where the cache folder should be")
    config = Config(cache_dir=tmp_path / "taken")
    with caplog.at_level(logging.WARNING, logger="reconcile.cache"):
        claims = run(config, fake_embedder, story())
    assert claims
    assert "claims cache" in caplog.text and "a file, not a folder" in caplog.text


def test_fingerprint_is_stable_within_a_process() -> None:
    fingerprint = reconcile.cache.extraction_fingerprint()
    assert fingerprint == reconcile.cache.extraction_fingerprint()
    assert len(fingerprint) == 32


def test_damaged_database_only_costs_extraction(
    config: Config, fake_embedder: Embedder, extracted: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    first = run(config, fake_embedder, story())
    (config.cache_dir / "claims.sqlite").write_bytes(b"not a database" * 512)
    for suffix in ("-wal", "-shm"):
        (config.cache_dir / f"claims.sqlite{suffix}").unlink(missing_ok=True)
    with caplog.at_level(logging.WARNING, logger="reconcile.cache"):
        again = run(config, fake_embedder, story())
    assert again == first
    assert extracted == ["en", "zh", "en", "zh"]
    assert "claims cache" in caplog.text
