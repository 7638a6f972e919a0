"""The Python API: the README's example runs as written, and compare() keeps its promises."""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

import pytest

from reconcile import Config, InputError, compare
from reconcile.cli import main

from .conftest import SEED_CORPUS

ROOT = Path(__file__).resolve().parent.parent


def _readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    match = re.search(r"```pycon\n(.*?)```", section, re.DOTALL)
    assert match, "README's Python API section has a ```pycon example"
    return match[1]


def test_the_readme_example_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RECONCILE_CACHE", str(tmp_path / "cache"))
    monkeypatch.chdir(ROOT)
    parser = doctest.DocTestParser()
    test = parser.get_doctest(_readme_example(), {}, "README.md", "README.md", 0)
    assert len(test.examples) >= 8
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_compare_gives_what_run_writes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The CLI is built on the API: the same corpus gives the same findings JSON, byte for byte."""
    monkeypatch.setenv("RECONCILE_CACHE", str(tmp_path / "cache"))
    result = compare(SEED_CORPUS, embedder="none")
    assert main(["run", str(SEED_CORPUS), "--out", str(tmp_path / "out"), "--embedder", "none", "--quiet"]) == 0
    written = (tmp_path / "out" / "yang-hongxia-m6.json").read_text(encoding="utf-8")
    assert result.to_json() == written
    assert json.loads(written)["schema"] == "reconcile/findings@1"


def test_a_missing_file_is_named_not_compared_as_text(tmp_path: Path) -> None:
    existing = SEED_CORPUS / "pandaily-en.txt"
    with pytest.raises(InputError, match=r"qbitai-zh-old\.md: no such file"):
        compare([existing, str(SEED_CORPUS / "qbitai-zh-old.md")], embedder="none")


def test_files_with_one_name_get_distinct_ids(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    (tmp_path / "a" / "story.md").write_text("Yang Hongxia left Alibaba in September 2022.", encoding="utf-8")
    (tmp_path / "b" / "story.md").write_text("杨红霞于2022年10月从阿里巴巴离职。", encoding="utf-8")
    result = compare([tmp_path / "a" / "story.md", tmp_path / "b" / "story.md"], embedder="none")
    assert [document.id for document in result.documents] == ["story", "story-2"]
    assert len({claim.id for claim in result.claims}) == len(result.claims)


def test_langs_and_published_need_one_entry_per_source() -> None:
    with pytest.raises(InputError, match="published has 1 entries for 2 sources"):
        compare(["Yang Hongxia left Alibaba.", "杨红霞离开阿里巴巴。"], published=["2023-03"], embedder="none")


def test_published_resolves_relative_dates_in_texts() -> None:
    result = compare(
        ["Yang Hongxia left Alibaba in September last year.", "杨红霞于去年9月离开阿里巴巴。"],
        published=["2023-03-01", "2023-05-02"],
        config=Config(cache=False, embedder="none"),
    )
    dates = sorted(slot.value.label for claim in result.claims for slot in claim.slots_of("date"))
    assert dates == ["2022-09", "2022-09"]
    assert [finding.verdict for finding in result.findings] == ["agree"]
