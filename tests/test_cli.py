"""CLI: exit codes and one-line messages for what a user gets wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.cli import main

EN = "---\nlang: en\npublished: 2023-03\n---\nAlibaba hired 300 engineers in September last year.\n"
ZH = "---\nlang: zh\npublished: 2024-07-28\n---\n阿里巴巴去年9月招聘了300名工程师。\n"


def _corpus(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "files, message",
    [
        ({}, "no articles found"),
        ({"a.md": EN}, "only one article"),
        ({"a.md": EN, "b.md": ""}, "the file is empty"),
        ({"a.md": EN, "b.md": "---\nlang: en\npublished: [x\n---\ntext\n"}, "malformed front matter"),
        (
            {"a.md": EN, "b.md": "Le ministre a annoncé que la réforme sera mise en place dans les prochains mois.\n"},
            "language 'fr' is not supported",
        ),
    ],
)
def test_bad_corpus_gets_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files: dict[str, str], message: str
) -> None:
    corpus = _corpus(tmp_path / "story", files)
    code = main(["run", str(corpus), "--out", str(tmp_path / "out"), "--embedder", "none"])
    error = capsys.readouterr().err
    assert code == 1
    assert message in error
    assert len(error.strip().splitlines()) == 1 and "Traceback" not in error
    assert not (tmp_path / "out" / "story.md").exists()


def test_missing_corpus_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 1
    assert "no such folder" in capsys.readouterr().err


def test_unknown_embedder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _corpus(tmp_path / "story", {"a.md": EN, "b.md": ZH})
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), "--embedder", "bert"]) == 1
    assert "unknown embedder 'bert'" in capsys.readouterr().err


def test_one_bad_corpus_does_not_stop_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = _corpus(tmp_path / "good", {"a.md": EN, "b.md": ZH})
    bad = _corpus(tmp_path / "bad", {"a.md": EN})
    code = main(["run", str(bad), str(good), "--out", str(tmp_path / "out"), "--embedder", "none"])
    assert code == 2
    assert (tmp_path / "out" / "good.json").exists()
    assert "bad" in capsys.readouterr().err
