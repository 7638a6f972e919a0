"""The results cache: a rerun over unchanged corpora reads their findings instead of
aligning again, and misses whenever anything that decides findings changed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

import reconcile.align
import reconcile.cache
import reconcile.pipeline
from reconcile.cli import main
from reconcile.config import Config
from reconcile.embed import Embedder
from reconcile.model import Alignment, Document
from reconcile.report import Reconciliation

from .conftest import SEED_CORPUS, STORY_EN, STORY_ZH, story

# The Chinese side dates the move to ByteDance a year later: a conflict among the findings.
ZH = STORY_ZH.replace("2020年9月", "2021年9月")


def documents(en: str = STORY_EN) -> list[Document]:
    return story(en, ZH)


@pytest.fixture()
def lexical(tmp_path: Path) -> Config:
    """Settings whose embedder is named (lexical only: no model to load), caches in the test's folder."""
    return Config(embedder="none", cache_dir=tmp_path / "cache")


@pytest.fixture()
def aligned(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many claims each alignment the pipeline runs (rather than reads from the cache) gets."""
    seen: list[int] = []
    real = reconcile.align.align

    def counting(claims: Sequence[Any], *args: Any, **kwargs: Any) -> tuple[Alignment, ...]:
        seen.append(len(claims))
        return real(claims, *args, **kwargs)

    monkeypatch.setattr(reconcile.align, "align", counting)
    return seen


def run(config: Config, docs: Sequence[Document] | None = None, name: str = "story") -> Reconciliation:
    return reconcile.pipeline.Pipeline(config).run(docs or documents(), name)


def test_rerun_reads_the_findings(lexical: Config, aligned: list[int]) -> None:
    first = run(lexical)
    second = run(lexical)
    assert len(aligned) == 1  # the second run aligned nothing
    assert second.to_json() == first.to_json()
    assert any(finding.verdict == "conflict" for finding in first.findings)  # 2020 against 2021


@pytest.mark.parametrize(
    "change, misses",
    [
        ({"pair_threshold": 0.3}, True),
        ({"conflict_score": 0.9}, True),
        ({"figure": False}, False),  # the timeline is drawn from the findings: they stay
        ({"max_file_bytes": 10_000}, False),
    ],
)
def test_a_setting_that_decides_findings_misses(
    lexical: Config, aligned: list[int], change: dict[str, Any], misses: bool
) -> None:
    run(lexical)
    run(lexical.replace(**change))
    assert len(aligned) == (2 if misses else 1)


def test_changed_text_or_name_misses(lexical: Config, aligned: list[int]) -> None:
    run(lexical)
    changed = run(lexical, documents(STORY_EN.replace("2021", "2022")))
    run(lexical, name="another story")
    assert len(aligned) == 3
    assert any("2022" in claim.text for claim in changed.claims)


def test_another_code_fingerprint_misses(lexical: Config, aligned: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    run(lexical)
    monkeypatch.setattr(reconcile.cache, "code_fingerprint", lambda: "edited judge.py")
    run(lexical)
    assert len(aligned) == 2


def test_no_cache_keeps_no_results(tmp_path: Path, aligned: list[int]) -> None:
    config = Config(embedder="none", cache=False, cache_dir=tmp_path / "cache")
    run(config)
    run(config)
    assert len(aligned) == 2
    assert not (tmp_path / "cache").exists()


def test_an_embedder_handed_over_is_not_cached(config: Config, fake_embedder: Embedder, aligned: list[int]) -> None:
    """Its name alone does not say what it computes: the settings do not describe the result."""
    for _ in range(2):
        reconcile.pipeline.Pipeline(config, fake_embedder).run(documents(), "story")
    assert len(aligned) == 2
    assert not (config.cache_dir / "results.sqlite").exists()


@pytest.mark.parametrize("damage", [b"not a pickle", b"\x80\x05K\x01.", b""], ids=["garbage", "an int", "empty"])
def test_damaged_row_is_a_miss(lexical: Config, aligned: list[int], damage: bytes) -> None:
    first = run(lexical)
    with sqlite3.connect(lexical.cache_dir / "results.sqlite") as db:
        db.execute("UPDATE results SET results = ?", (damage,))
    again = run(lexical)
    run(lexical)  # the damaged row was replaced
    assert again.to_json() == first.to_json()
    assert len(aligned) == 2


def test_reports_of_a_rerun_are_the_same_bytes(tmp_path: Path, aligned: list[int]) -> None:
    """`reconcile run` twice over the seed corpus: the second reads its results, and writes the same report."""
    outs = [tmp_path / "first", tmp_path / "second"]
    for out in outs:
        args = [str(SEED_CORPUS), "--out", str(out), "--set", f"cache_dir={tmp_path / 'cache'}", "--quiet"]
        assert main(["run", *args]) == 0
    assert len(aligned) == 1
    with sqlite3.connect(tmp_path / "cache" / "results.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM results").fetchone() == (1,)
    first, second = (sorted(path.relative_to(out) for path in out.rglob("*")) for out in outs)
    assert first == second and first
    for name in first:
        if (outs[0] / name).is_file():
            assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_every_value_of_a_result_pickles_back_equal(embedder: Embedder) -> None:
    """Every value type of reconcile.model crosses to the helper or into the caches pickled as
    its field values: each comes back equal and of its own type."""
    import dataclasses
    import pickle

    import reconcile.model
    from reconcile.segment import segment

    result = reconcile.pipeline.Pipeline(Config(cache=False), embedder).run(documents(), "story")
    slots = [slot for claim in result.claims for slot in claim.slots]
    finding = result.findings[0]
    values = [
        *result.documents,
        *segment(result.documents[0]),
        *result.claims,
        *slots,
        *(slot.value for slot in slots),
        *result.findings,
        Alignment(finding.claims, finding.similarity, finding.score),
    ]
    model_types = {
        kind for kind in vars(reconcile.model).values() if dataclasses.is_dataclass(kind) and isinstance(kind, type)
    }
    assert {type(value) for value in values} == model_types
    back = pickle.loads(pickle.dumps(values, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == values
    assert [type(value) for value in back] == [type(value) for value in values]


def test_a_rerun_the_results_cache_answers_imports_no_later_stage(tmp_path: Path) -> None:
    """`reconcile run` again over the seed corpus, in a fresh interpreter: the results cache answers,
    so numpy and the stages from segmentation to judging are never imported (they were a quarter of
    a warm rerun of the 437 WMT pairs)."""
    args = [str(SEED_CORPUS), "--out", str(tmp_path / "out"), "--set", f"cache_dir={tmp_path / 'cache'}"]
    args += ["--set", "figure=false", "--set", "embedder=none", "--quiet"]
    assert main(["run", *args]) == 0
    later_stages = [
        "numpy",
        "rapidfuzz",
        *(f"reconcile.{stage}" for stage in ("segment", "extract", "embed", "align", "judge")),
    ]
    rerun = f"import sys; from reconcile.cli import main; main(['run', *{args!r}]); print(*sys.modules)"
    done = subprocess.run([sys.executable, "-c", rerun], capture_output=True, text=True, check=True, cwd=tmp_path)
    imported = set(done.stdout.split())
    assert "reconcile.ingest" in imported and "reconcile.report" in imported
    assert [module for module in later_stages if module in imported] == []
