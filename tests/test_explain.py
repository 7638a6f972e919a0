"""`reconcile explain NAME.json FINDING_ID`: one finding in words, from the findings file alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconcile.cli import main

from .conftest import SEED_CORPUS


@pytest.fixture(scope="module")
def findings_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    cache = tmp_path_factory.mktemp("cache")
    assert main(["run", str(SEED_CORPUS), "--out", str(out), "--quiet", "--set", f'cache_dir="{cache}"']) == 0
    return out / "yang-hongxia-m6.json"


def _departure_id(findings_file: Path) -> str:
    findings = json.loads(findings_file.read_text(encoding="utf-8"))["findings"]
    return next(f["id"] for f in findings if f["verdict"] == "conflict" and f["fact"].endswith("leave · date"))


def test_explains_the_departure_conflict(findings_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    finding = _departure_id(findings_file)
    assert main(["explain", str(findings_file), finding]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{finding} · conflict · Yang Hongxia · leave · date\n")
    assert "date: 2022-09 (EN" in out and "2022-10 (ZH" in out
    assert "Similarity:    0." in out and "Pairing score: 0." in out
    # Both claims, each with its source, quote and normalised date interval.
    assert "— EN, pandaily-en" in out and "— ZH, qbitai-zh" in out
    assert "interval 2022-09-01 .. 2022-09-30 (month)" in out
    assert "interval 2022-10-01 .. 2022-10-31 (month)" in out
    assert '"September last year"' in out and '"1个月后"' in out


def test_a_finding_with_added_detail_says_what_agrees(findings_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    findings = json.loads(findings_file.read_text(encoding="utf-8"))["findings"]
    finding = next(f for f in findings if f["verdict"] == "adds_detail" and f["agreements"])
    assert main(["explain", str(findings_file), finding["id"]]) == 0
    out = capsys.readouterr().out
    assert "\nAgreed:\n" in out and f"  - {finding['agreements'][0]}\n" in out


@pytest.mark.parametrize("typed", ["F001", "f1", "1", " 001 "])
def test_ids_as_people_type_them(findings_file: Path, typed: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(findings_file), typed]) == 0
    assert capsys.readouterr().out.startswith("F001 · ")


def test_without_an_id_it_lists_the_findings(findings_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(findings_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    data = json.loads(findings_file.read_text(encoding="utf-8"))
    assert lines[0] == f"yang-hongxia-m6: {len(data['findings'])} findings"
    assert len(lines) == len(data["findings"]) + 1 and "conflict" in lines[1]


@pytest.mark.parametrize(
    ("make", "finding", "message"),
    [
        (lambda path: None, "F001", "no such file; give the NAME.json"),
        (lambda path: path.write_text("# report\n", encoding="utf-8"), "F001", "not valid JSON"),
        (lambda path: path.write_text('{"schema": "other@2"}', encoding="utf-8"), "F001", "schema 'other@2'"),
        (
            lambda path: path.write_text('{"schema": "reconcile/findings@1", "findings": {}}', encoding="utf-8"),
            "F001",
            "'documents' is not a list",
        ),
    ],
)
def test_bad_files_get_one_line(
    tmp_path: Path, make: object, finding: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.json"
    make(path)  # type: ignore[operator]
    assert main(["explain", str(path), finding]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("reconcile: error: ") and message in err


def test_an_unknown_id_names_the_range(findings_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(findings_file), "F999"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no finding 'F999' (its findings are F001–F" in err
