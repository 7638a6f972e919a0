"""Settings in one place: documented defaults, a corpus' own reconcile.toml, flags that win."""

from __future__ import annotations

import dataclasses
import json
import re
import tomllib
from pathlib import Path

import pytest

from reconcile.cli import main
from reconcile.config import Config, default_cache_dir
from reconcile.pipeline import Pipeline

from .conftest import ROOT, HashingEmbedder

EN = "---\nlang: en\npublished: 2023-03\n---\nAlibaba hired 300 engineers in September last year.\n"
ZH = "---\nlang: zh\npublished: 2024-07-28\n---\n阿里巴巴2022年9月招聘了300名工程师。\n"


def _corpus(folder: Path, settings: str | None = None) -> Path:
    folder.mkdir(parents=True)
    (folder / "en.md").write_text(EN, encoding="utf-8")
    (folder / "zh.md").write_text(ZH, encoding="utf-8")
    if settings is not None:
        (folder / "reconcile.toml").write_text(f"[tool.reconcile]\n{settings}\n", encoding="utf-8")
    return folder


def _readme_settings() -> dict[str, str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Settings", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \| `([^`]+)` \|", section, re.MULTILINE)
    return dict(rows)


def test_the_readme_documents_every_setting_and_its_default() -> None:
    documented = _readme_settings()
    defaults = Config()
    assert list(documented) == [field.name for field in dataclasses.fields(Config)]
    for name, shown in documented.items():
        value = getattr(defaults, name)
        if name == "cache_dir":
            assert value == default_cache_dir() and shown == "~/.cache/reconcile"
            continue
        parsed = tomllib.loads(f"v = {shown}")["v"]
        assert (tuple(parsed) if isinstance(parsed, list) else parsed) == value, name


def test_a_corpus_file_sets_its_own_settings(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "story", 'pair_threshold = 0.9\nlanguages = ["en", "zh"]\nfigure = false')
    pipeline = Pipeline(Config(cache=False), embedder=HashingEmbedder())
    _, config = pipeline.read_folder(corpus)
    assert (config.pair_threshold, config.languages, config.figure) == (0.9, ("en", "zh"), False)
    other = _corpus(tmp_path / "other")
    assert pipeline.read_folder(other)[1] == pipeline.config  # no file: the run's settings


def test_flags_beat_the_corpus_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _corpus(tmp_path / "story", "figure = false")
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--embedder", "none", "--quiet"]) == 0
    assert not (out / "story.png").exists()  # the corpus said no figure
    assert main(["run", str(corpus), "--out", str(out), "--embedder", "none", "--quiet", "--set", "figure=true"]) == 0
    assert (out / "story.png").exists()  # the flag said yes


def test_pair_threshold_from_the_corpus_changes_the_findings(tmp_path: Path) -> None:
    def verdicts(settings: str | None, name: str) -> list[str]:
        corpus = _corpus(tmp_path / name, settings)
        result = Pipeline(Config(cache=False, embedder="none")).run_folder(corpus)
        return sorted(finding.verdict for finding in result.findings)

    assert verdicts(None, "default") == ["agree"]
    assert verdicts("lexical_pair_threshold = 5.0", "strict") == ["adds_detail", "adds_detail"]


def test_languages_refuses_an_article_in_another(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _corpus(tmp_path / "story", 'languages = ["en"]')
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), "--embedder", "none"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "zh.md: an article in 'zh', but the setting languages allows only en" in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("settings", "flags", "message"),
    [
        ('embedder = "use"', [], "embedder cannot be set for one corpus"),
        ("pair_threshold = -1", [], "pair_threshold = -1 is out of range; expected a number, 0 or more"),
        ('languages = ["fr"]', [], 'languages = ["fr"] is not a supported list'),
        ("colour = 1", [], "unknown setting 'colour'"),
        (None, ["--set", "pair_threshold"], "'pair_threshold' is not KEY=VALUE"),
        (None, ["--set", "top_k=0"], "top_k = 0 is out of range; expected a whole number, at least 1"),
        (None, ["--set", "bogus=1"], "unknown setting 'bogus'"),
    ],
)
def test_bad_settings_get_one_line(
    tmp_path: Path, settings: str | None, flags: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path / "story", settings)
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), "--embedder", "none", *flags]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("reconcile: error: ") and message in err, err
    assert not (tmp_path / "out").exists()


def test_json_prints_findings_and_moves_the_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one, two = _corpus(tmp_path / "one"), _corpus(tmp_path / "two")
    argv = ["run", str(one), str(two), "--out", str(tmp_path / "out"), "--embedder", "none", "--json"]
    assert main(argv) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert [json.loads(line)["corpus"] for line in lines] == ["one", "two"]
    assert lines[0] == json.dumps(
        json.loads((tmp_path / "out" / "one.json").read_text(encoding="utf-8")), ensure_ascii=False, sort_keys=True
    )
    assert "conflict" in captured.err and "2 corpora" in captured.err


def test_the_summary_table_and_quiet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _corpus(tmp_path / "story")
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), "--embedder", "none"]) == 0
    header, _, row = capsys.readouterr().out.splitlines()[:3]
    assert header.split() == ["corpus", "conflict", "adds", "detail", "agree", "seconds", "report"]
    assert row.split()[:4] == ["story", "0", "0", "1"] and row.endswith("story.md")
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), "--embedder", "none", "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
