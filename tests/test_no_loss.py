"""Nothing is lost: inputs are only read, and a report is replaced whole or not at all."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import reconcile.report
from reconcile.cli import main
from reconcile.errors import OutputError
from reconcile.report import write_outputs

from .conftest import SEED_CORPUS

EN = "---\nlang: en\npublished: 2023-03\n---\nAlibaba hired 300 engineers in September last year.\n"
ZH = "---\nlang: zh\npublished: 2024-07-28\n---\n阿里巴巴去年9月招聘了300名工程师。\n"


def hashes(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def corpus(root: Path, name: str = "story", files: dict[str, str] | None = None) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    for file, text in (files or {"a.md": EN, "b.md": ZH}).items():
        (folder / file).write_text(text, encoding="utf-8")
    return folder


def run(folder: Path, out: Path) -> int:
    return main(["run", str(folder), "--out", str(out), "--embedder", "none", "--quiet"])


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    """The seed corpus (front matter, Markdown, HTML) and odd encodings and line ends, hashed before and after."""
    seed = tmp_path / "seed"
    shutil.copytree(SEED_CORPUS, seed)
    (seed / "crlf-en.txt").write_bytes(EN.replace("\n", "\r\n").encode("utf-16"))
    (seed / "gbk-zh.md").write_bytes(ZH.encode("gbk"))
    before = hashes(seed)
    stat_before = {path.name: path.stat().st_mtime_ns for path in seed.iterdir()}
    assert run(seed, tmp_path / "out") == 0
    assert hashes(seed) == before
    assert {path.name: path.stat().st_mtime_ns for path in seed.iterdir()} == stat_before
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [
        "seed.csv",
        "seed.json",
        "seed.md",
        "seed.png",
    ]


@pytest.fixture()
def previous(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A corpus whose report was written once (by a run over a different article text)."""
    folder = corpus(tmp_path)
    out = tmp_path / "out"
    assert run(folder, out) == 0
    (folder / "b.md").write_text(ZH.replace("300", "400"), encoding="utf-8")  # the next run would differ
    return folder, out, hashes(out)


def _fail_on_call(number: int, real: Callable[..., object], error: BaseException) -> Callable[..., object]:
    calls = {"count": 0}

    def wrapper(*args: object, **kwargs: object) -> object:
        calls["count"] += 1
        if calls["count"] == number:
            raise error
        return real(*args, **kwargs)

    return wrapper


def test_a_failing_renderer_leaves_the_previous_report(
    previous: tuple[Path, Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in a renderer shows its traceback (it is not the user's doing) and writes nothing."""
    folder, out, before = previous
    failing = _fail_on_call(1, reconcile.report.render_markdown, RuntimeError("renderer bug"))
    monkeypatch.setattr(reconcile.report, "render_markdown", failing)
    with pytest.raises(RuntimeError, match="renderer bug"):
        run(folder, out)
    assert hashes(out) == before


@pytest.mark.parametrize("failing_call", [1, 2, 3])
def test_a_failing_rename_leaves_the_previous_report(
    previous: tuple[Path, Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    """Renames 1 and 2 of 3 done and the third fails: the first two are put back."""
    folder, out, before = previous
    monkeypatch.setattr(os, "replace", _fail_on_call(failing_call, os.replace, OSError(5, "Input/output error")))
    assert run(folder, out) == 1
    assert hashes(out) == before  # same files, same bytes: no temporary or backup file left


@pytest.mark.parametrize("failing_call", [1, 3])
def test_ctrl_c_while_renaming_leaves_the_previous_report(
    previous: tuple[Path, Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    folder, out, before = previous
    monkeypatch.setattr(os, "replace", _fail_on_call(failing_call, os.replace, KeyboardInterrupt()))
    assert run(folder, out) == 130
    assert hashes(out) == before


def test_ctrl_c_while_writing_a_first_report_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = corpus(tmp_path)
    monkeypatch.setattr(os, "fsync", _fail_on_call(2, os.fsync, KeyboardInterrupt()))
    assert run(folder, tmp_path / "out") == 130
    assert hashes(tmp_path / "out") == {}


def test_a_second_run_replaces_the_report(previous: tuple[Path, Path, dict[str, str]]) -> None:
    folder, out, before = previous
    assert run(folder, out) == 0
    after = hashes(out)
    assert set(after) == set(before) and after != before
    assert "400" in (out / "story.md").read_text(encoding="utf-8")


def test_write_outputs_all_or_none(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("old a")
    (tmp_path / "blocked").mkdir()  # a folder where a file should go: its rename fails
    with pytest.raises(OutputError, match="cannot write"):
        write_outputs({tmp_path / "a.txt": "new a", tmp_path / "b.txt": b"new b", tmp_path / "blocked": "x"})
    assert hashes(tmp_path) == {"a.txt": hashlib.sha256(b"old a").hexdigest()}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.txt", "blocked"]


def test_write_outputs_keeps_the_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    target.write_text("old")
    target.chmod(0o640)
    write_outputs({target: "new", tmp_path / "fresh.md": "new"})
    assert target.read_text() == "new" and (target.stat().st_mode & 0o777) == 0o640
    assert (tmp_path / "fresh.md").stat().st_mode & 0o777 == 0o644
