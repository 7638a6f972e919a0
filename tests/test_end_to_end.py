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

from .conftest import ROOT, SEED_CORPUS


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


def test_the_committed_reports_are_what_the_code_writes(
    seed_run: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """reports/ is generated: after a change to what the reports say, `make report` rewrites it.
    Run as `make report` runs it, from the checkout (the findings name the files as given),
    with the session's caches (`seed_run` points RECONCILE_CACHE at them)."""
    monkeypatch.chdir(ROOT)
    assert main(["run", "corpora/yang-hongxia-m6", "--out", str(tmp_path), "--quiet"]) == 0
    for suffix in (".json", ".md", ".csv"):
        name = "yang-hongxia-m6" + suffix
        committed = ROOT / "reports" / name
        assert committed.read_bytes() == (tmp_path / name).read_bytes(), f"{name} is stale: run `make report`"


def _claim_holding(findings: dict[str, Any], doc: str, passage: str) -> dict[str, Any]:
    """The claim of `doc` whose text holds `passage` (a reader's way of finding it)."""
    matches = [c for c in findings["claims"] if c["doc"] == doc and passage in c["text"]]
    assert len(matches) == 1, (passage, [c["text"] for c in matches])
    return matches[0]


def _findings_with(findings: dict[str, Any], claim_id: str) -> list[dict[str, Any]]:
    return [finding for finding in findings["findings"] if claim_id in finding["claims"]]


def test_departure_date_is_a_conflict_naming_both_dates(findings: dict[str, Any]) -> None:
    english = _claim_holding(findings, "pandaily-en", "in September last year")
    chinese = _claim_holding(findings, "qbitai-zh", "而就在这项重磅发布1个月后，杨红霞被曝因家庭原因从达摩院离职")
    [finding] = [f for f in _findings_with(findings, english["id"]) if chinese["id"] in f["claims"]]
    assert finding["verdict"] == "conflict"
    reasons = " ".join(finding["reasons"])
    assert "2022-09" in reasons and "2022-10" in reasons
    dates = {claim["id"]: [s["value"] for s in claim["slots"] if s["kind"] == "date"] for claim in (english, chinese)}
    assert dates == {english["id"]: ["2022-09"], chinese["id"]: ["2022-10"]}


def test_ten_trillion_parameters_agree_and_are_normalised(findings: dict[str, Any]) -> None:
    chinese = _claim_holding(findings, "qbitai-zh", "2021年10月M6正式成为全球首个10万亿参数多模态大模型")
    claims = _claims(findings)
    paired = [f for f in _findings_with(findings, chinese["id"]) if len(f["claims"]) > 1]
    assert paired, "the Chinese 10-trillion claim is paired with an English one"
    for finding in paired:
        assert finding["verdict"] in ("agree", "adds_detail")
        assert "parameters: 10 trillion parameters" in finding["agreements"]
        english = [claims[c] for c in finding["claims"] if claims[c]["lang"] == "en"]
        assert any("10 trillion" in claim["text"] for claim in english)
        for claim in [chinese, *english]:
            amounts = [(s["value"], s["unit"]) for s in claim["slots"] if s["kind"] == "quantity"]
            assert (1e13, "parameters") in amounts, claim["text"]
    assert all(f["verdict"] != "conflict" for f in _findings_with(findings, chinese["id"]))


def test_the_report_says_what_a_finding_with_added_detail_agrees_on(seed_run: Path) -> None:
    report = (seed_run / "yang-hongxia-m6.md").read_text(encoding="utf-8")
    detail = report.split("## Added detail", 1)[1].split("### Only in", 1)[0]
    assert "- agreed: parameters: 10 trillion parameters" in detail


def test_the_sign_off_after_the_end_marker_is_not_claimed(findings: dict[str, Any]) -> None:
    """QbitAI ends its story with "— 完 —"; the promotion after it is no claim of the article."""
    texts = [claim["text"] for claim in findings["claims"]]
    assert texts and not any("投稿" in text or "365行" in text for text in texts)


def test_other_real_disagreements_are_flagged(findings: dict[str, Any]) -> None:
    """Papers: nearly 100 (below) vs 100余 (above); manager: Yang Zhenyuan vs 项亮."""
    papers = _claim_holding(findings, "pandaily-en", "nearly 100 top papers")
    manager = _claim_holding(findings, "pandaily-en", "reports directly to Yang Zhenyuan")
    for claim, words in ((papers, ("<100", ">100")), (manager, ("Yang Zhenyuan", "Xiang Liang"))):
        [finding] = [f for f in _findings_with(findings, claim["id"]) if f["verdict"] == "conflict"]
        assert all(word in " ".join(finding["reasons"]) for word in words)
    [manager_finding] = [f for f in _findings_with(findings, manager["id"]) if f["verdict"] == "conflict"]
    assert any(
        reason.startswith("may be outdated: sources published 2023-03 and 2024-07")
        for reason in manager_finding["reasons"]
    )


def test_a_stated_range_is_shown_and_kept_as_written(findings: dict[str, Any], seed_run: Path) -> None:
    """3000-4000万美元: the report says "30–40 million USD", not the midpoint, and the
    findings file keeps both numbers beside the interval the comparison uses."""
    claim = _claim_holding(findings, "qbitai-zh", "已获得3000-4000万美元投资")
    [amount] = [slot for slot in claim["slots"] if slot["kind"] == "quantity"]
    assert (amount["low"], amount["high"], amount["stated_range"], amount["unit"]) == (3e7, 4e7, [3e7, 4e7], "usd")
    row = next(line for line in (seed_run / "yang-hongxia-m6.md").read_text(encoding="utf-8").splitlines()
               if "3000-4000万美元" in line)  # fmt: skip
    assert "30–40 million USD" in row and "35 million" not in row


def test_a_claims_slots_are_listed_once_each(seed_run: Path) -> None:
    """最近…前不久 resolve to one date: the report's slot column names it once."""
    report = (seed_run / "yang-hongxia-m6.md").read_text(encoding="utf-8")
    rows = [line.split(" | ") for line in report.splitlines() if line.startswith("| F")]
    slot_lists = [cells[-1].rstrip(" |").split("; ") for cells in rows if len(cells) == 3]
    assert slot_lists and all(len(set(slots)) == len(slots) for slots in slot_lists)
    assert any("前不久" in cells[1] for cells in rows if len(cells) == 3)


def test_report_shows_the_departure_conflict_with_both_quotes(seed_run: Path) -> None:
    report = (seed_run / "yang-hongxia-m6.md").read_text(encoding="utf-8")
    conflicts = report.split("## Conflicts", 1)[1].split("## Added detail", 1)[0]
    section = next(part for part in conflicts.split("### ") if "2022-09" in part and "2022-10" in part)
    assert "in September last year" in section
    assert "杨红霞被曝因家庭原因从达摩院离职" in section


# The people and the model of the seed story: the package must work on any story.
STORY_WORDS = ("杨红霞", "项亮", "Hongxia", "Zhenyuan", "Xiang Liang", "M6", "通义", "Tongyi")


def _string_literals(path: Path) -> list[str]:
    """String constants of a module, docstrings excepted (examples there are documentation)."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_nothing_about_the_seed_story_is_hard_coded() -> None:
    package = Path(__file__).resolve().parents[1] / "reconcile"
    texts = [(path, "\n".join(_string_literals(path))) for path in package.rglob("*.py")]
    texts += [(path, path.read_text(encoding="utf-8")) for path in (package / "data").iterdir() if path.is_file()]
    found = [(str(path), word) for path, text in texts for word in STORY_WORDS if word in text]
    assert not found
