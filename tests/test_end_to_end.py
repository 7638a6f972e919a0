"""End to end on the seed corpus: the findings a reader relies on.

Runs `reconcile run` once per session with the real default embedder and asserts on the
findings file, the Markdown report and the CSV it wrote.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reconcile.cli import main

from .conftest import SEED_CORPUS


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    cache = tmp_path_factory.mktemp("cache")
    import os

    os.environ["RECONCILE_CACHE"] = str(cache)
    assert main(["run", str(SEED_CORPUS), "--out", str(out), "--quiet"]) == 0
    return out


@pytest.fixture(scope="session")
def findings(seed_run: Path) -> dict[str, Any]:
    return json.loads((seed_run / "yang-hongxia-m6.json").read_text(encoding="utf-8"))


def _claims(findings: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {claim["id"]: claim for claim in findings["claims"]}


def test_schema_and_documents(findings: dict[str, Any]) -> None:
    assert findings["schema"] == "reconcile/findings@1"
    assert [(d["id"], d["lang"], d["published"]) for d in findings["documents"]] == [
        ("pandaily-en", "en", "2023-03"),
        ("qbitai-zh", "zh", "2024-07-28"),
    ]


def test_every_claim_is_in_a_finding(findings: dict[str, Any]) -> None:
    in_findings = {claim_id for finding in findings["findings"] for claim_id in finding["claims"]}
    assert set(_claims(findings)) == in_findings
    assert len(findings["claims"]) >= 20


def test_no_finding_pairs_two_claims_of_one_language(findings: dict[str, Any]) -> None:
    claims = _claims(findings)
    for finding in findings["findings"]:
        languages = [claims[claim_id]["lang"] for claim_id in finding["claims"]]
        assert len(languages) == len(set(languages)), finding


def test_claim_text_is_found_in_the_document(findings: dict[str, Any]) -> None:
    from reconcile.config import Config
    from reconcile.ingest import ingest_corpus

    documents = {document.id: document for document in ingest_corpus(SEED_CORPUS, Config())}
    for claim in findings["claims"]:
        assert documents[claim["doc"]].text[claim["start"] : claim["end"]] == claim["text"]


def test_one_sided_claims_are_added_detail(findings: dict[str, Any]) -> None:
    for finding in findings["findings"]:
        if len(finding["claims"]) == 1:
            assert finding["verdict"] == "adds_detail" and finding["similarity"] is None


def test_output_is_byte_identical_across_runs(seed_run: Path, tmp_path: Path) -> None:
    assert main(["run", str(SEED_CORPUS), "--out", str(tmp_path), "--quiet", "--no-cache"]) == 0
    for suffix in (".json", ".md", ".csv"):
        name = "yang-hongxia-m6" + suffix
        assert (tmp_path / name).read_bytes() == (seed_run / name).read_bytes(), name
