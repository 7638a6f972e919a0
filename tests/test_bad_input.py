"""Bad input gets a clear answer: one line on stderr, exit code 1, no report, inputs untouched.

Each case builds its files in a fresh folder (the working directory of the run), runs
`reconcile.cli.main` and checks the exit code and the message. The whole folder is hashed
before and after, so a case also proves that nothing was written or modified.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from reconcile.cli import main

EN = "---\nlang: en\npublished: 2023-03\n---\nAlibaba hired 300 engineers in September last year.\n"
ZH = "---\nlang: zh\npublished: 2024-07-28\n---\n阿里巴巴去年9月招聘了300名工程师。\n"
EN_PLAIN = "Alibaba hired 300 engineers in September last year, the company said on Monday.\n"
FRENCH = "Le ministre a annoncé que la réforme sera mise en place dans les prochains mois.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
ZIP = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml"
RANDOM = bytes((index * 7919 + 13) % 251 for index in range(600))  # deterministic noise


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def story(*extra: tuple[str, str | bytes], base: dict[str, str | bytes] | None = None) -> Callable[[Path], list[str]]:
    """A corpus `story/` holding a good English article plus `extra` files; argv runs it."""

    def build(root: Path) -> list[str]:
        write(root / "story", {**(base if base is not None else {"a.md": EN}), **dict(extra)})
        return ["run", "story"]

    return build


def settings(toml: str, *more: str) -> Callable[[Path], list[str]]:
    """A good corpus and a settings file `bad.toml` holding `toml`."""

    def build(root: Path) -> list[str]:
        write(root / "story", {"a.md": EN, "b.md": ZH})
        (root / "bad.toml").write_text(toml, encoding="utf-8")
        return ["run", "story", "--config", "bad.toml", *more]

    return build


def good(*args: str) -> Callable[[Path], list[str]]:
    """A good corpus `story/` run with extra arguments `args`."""

    def build(root: Path) -> list[str]:
        write(root / "story", {"a.md": EN, "b.md": ZH})
        return ["run", "story", *args]

    return build


def then(build: Callable[[Path], list[str]], prepare: Callable[[Path], object]) -> Callable[[Path], list[str]]:
    def both(root: Path) -> list[str]:
        argv = build(root)
        prepare(root)
        return argv

    return both


# (case, builder of files and argv, exit code, message fragment)
BAD_INPUT: list[tuple[str, Callable[[Path], list[str]], int, str]] = [
    # Paths
    ("missing corpus", lambda root: ["run", "nope"], 1, "nope: no such folder"),
    (
        "file instead of folder",
        lambda root: ["run", str(write(root / "story", {"a.md": EN}) / "a.md")],
        1,
        "a.md: not a folder; a corpus is a folder of .md/.txt articles",
    ),
    ("empty folder", lambda root: ["run", str(write(root / "story", {}))], 1, "story: no articles found"),
    (
        "only non-article files",
        lambda root: ["run", str(write(root / "story", {"a.pdf": PDF, "b.png": PNG}))],
        1,
        "no articles found (looked for .md, .txt, .markdown, .html, .htm); ignored a.pdf, b.png",
    ),
    (
        "folder of corpora given as a corpus",
        lambda root: ["run", str(write(root / "all" / "story", {"a.md": EN, "b.md": ZH}).parent)],
        1,
        "all: no articles found (looked for .md, .txt, .markdown, .html, .htm); its subfolders (story) look like",
    ),
    ("no corpus and no corpora/", lambda root: ["run"], 1, "no corpus given and no corpora/ folder here"),
    ("one article", story(), 1, "only one article (a.md); add at least one more article on the same story"),
    ("corpus given twice", lambda root: [*good()(root), "story"], 1, "story: corpus folder given twice"),
    (
        "two corpora with one name",
        lambda root: ["run", str(write(root / "x" / "story", {"a.md": EN, "b.md": ZH})), *good()(root)[1:]],
        1,
        "two corpora named 'story' would write the same story.md",
    ),
    # Files
    ("empty file", story(("b.md", "")), 1, "b.md: the file is empty"),
    ("blank file", story(("b.md", " \n\r\n\t\n")), 1, "b.md: the file is empty"),
    ("byte-order mark only", story(("b.txt", b"\xff\xfe")), 1, "b.txt: the file is empty"),
    ("PNG named .md", story(("b.md", PNG)), 1, "b.md: this is a PNG image, not a text article"),
    ("PDF named .txt", story(("b.txt", PDF)), 1, "b.txt: this is a PDF document, not a text article"),
    ("docx named .md", story(("b.md", ZIP)), 1, "b.md: this is a zip archive"),
    ("random bytes", story(("b.md", RANDOM)), 1, "b.md: not readable as text (tried UTF-8, UTF-16, GB18030, Big5)"),
    (
        "Latin-1 text",
        story(("b.txt", "Le café était très bon, déjà à l'école. Ça coûte 5 francs.\n".encode("latin-1"))),
        1,
        "b.txt: not readable as text",
    ),
    ("NUL bytes in text", story(("b.md", b"Alibaba hired\x00 300 engineers.\n")), 1, "b.md: not readable as text"),
    (
        "broken UTF-16",
        story(("b.md", b"\xff\xfeA\x00\x00\xd8B\x00")),
        1,
        "b.md: starts with a UTF-16-LE byte-order mark but is not valid UTF-16-LE",
    ),
    ("file over the limit (flag)", good("--max-file-bytes", "60"), 1, "bytes is over the 60-byte limit"),
    ("file over the limit (settings)", settings("[tool.reconcile]\nmax_file_bytes = 60\n"), 1, "over the 60-byte"),
    # Language
    (
        "unsupported language, detected",
        story(("b.md", FRENCH)),
        1,
        "b.md: language 'fr' is not supported (detected from the text; supported: en, zh)",
    ),
    (
        "unsupported language, declared",
        story(("b.md", "---\nlang: de\n---\n" + EN_PLAIN)),
        1,
        "b.md: language 'de' is not supported (set by `lang:` in front matter; supported: en, zh)",
    ),
    ("too little text", story(("b.md", "ok 42\n")), 1, "b.md: too little text to tell its language"),
    # Front matter
    (
        "malformed front matter",
        story(("b.md", "---\nlang: en\npublished: [2023\n---\n" + EN_PLAIN)),
        1,
        "b.md: line 3: malformed front matter (expected ',' or ']', but got '<stream end>'); fix the YAML between",
    ),
    (
        "front matter not a mapping",
        story(("b.md", "---\n- en\n- 2023\n---\n" + EN_PLAIN)),
        1,
        "b.md: front matter must be key: value lines",
    ),
    (
        "front matter never closed",
        story(("b.md", "---\nlang: en\n\n" + EN_PLAIN)),
        1,
        "b.md: line 1: front matter is never closed",
    ),
    (
        "impossible date",
        story(("b.md", "---\nlang: en\npublished: 2023-02-30\n---\n" + EN_PLAIN)),
        1,
        "b.md: line 3: front matter `published:` is not a date",
    ),
    (
        "unknown front matter key",
        story(("b.md", "---\nlang: en\nauthor: someone\n---\n" + EN_PLAIN)),
        1,
        "b.md: line 3: unknown front matter key(s) author (allowed: lang, published, title, source)",
    ),
    (
        "front matter without text",
        story(("b.md", "---\nlang: en\ntitle: Nothing yet\n---\n\n")),
        1,
        "b.md: no article text after the front matter",
    ),
    # Output folder
    (
        "--out is a file",
        then(good("--out", "taken"), lambda root: (root / "taken").write_text("mine\n")),
        1,
        "taken: --out is a file, not a folder",
    ),
    (
        "--out under a file",
        then(good("--out", "taken/reports"), lambda root: (root / "taken").write_text("mine\n")),
        1,
        "taken/reports: --out cannot be created",
    ),
    ("--out is the corpus", good("--out", "story"), 1, "story: --out is the corpus folder itself"),
    # Settings file
    ("--config missing", good("--config", "nope.toml"), 1, "nope.toml: no such settings file (--config)"),
    ("--config is a folder", good("--config", "story"), 1, "story: --config needs a TOML file"),
    ("settings not TOML", settings("[tool.reconcile\nmax_file_bytes = 5\n"), 1, "bad.toml: not valid TOML"),
    ("settings duplicate key", settings("[tool.reconcile]\ntop_k = 1\ntop_k = 2\n"), 1, "bad.toml: not valid TOML"),
    ("settings outside the table", settings("max_file_bytes = 5\n"), 1, "bad.toml: no [tool.reconcile] table"),
    (
        "unknown setting",
        settings("[tool.reconcile]\nmax_bytes = 5\n"),
        1,
        "bad.toml: unknown setting 'max_bytes' (known: block_rows, cache, cache_dir",
    ),
    (
        "setting of the wrong type",
        settings('[tool.reconcile]\nmax_file_bytes = "big"\n'),
        1,
        'bad.toml: max_file_bytes = "big" is a string; expected a whole number, at least 1',
    ),
    (
        "setting out of range",
        settings("[tool.reconcile]\ntop_k = 0\n"),
        1,
        "bad.toml: top_k = 0 is out of range; expected a whole number, at least 1",
    ),
    (
        "boolean for a number",
        settings("[tool.reconcile]\npair_threshold = true\n"),
        1,
        "bad.toml: pair_threshold = true is true/false; expected a number, 0 or more",
    ),
    (
        "string for a boolean",
        settings('[tool.reconcile]\ncache = "yes"\n'),
        1,
        'bad.toml: cache = "yes" is a string; expected true or false',
    ),
    (
        "cache folder is a file",
        then(
            settings('[tool.reconcile]\ncache_dir = "taken"\n', "--embedder", "use"),
            lambda root: (root / "taken").write_text("x"),
        ),
        1,
        "taken: cannot keep the embedding cache there (a file, not a folder)",
    ),
    # Command line
    ("unknown embedder", good("--embedder", "bert"), 1, "unknown embedder 'bert'"),
    (
        "embedder folder missing",
        good("--embedder", "st:nowhere"),
        1,
        "embedder st:nowhere: not a sentence-transformers",
    ),
    (
        "size limit not a number",
        good("--max-file-bytes", "2MB"),
        1,
        "argument --max-file-bytes: '2MB' is not a whole number of bytes, like 5000000 (see `reconcile run --help`)",
    ),
    ("size limit zero", good("--max-file-bytes", "0"), 1, "argument --max-file-bytes: '0' must be at least 1 byte"),
    ("unknown option", good("--fast"), 1, "unrecognized arguments: --fast"),
    ("unknown command", lambda root: ["rnu", "story"], 1, "argument COMMAND: invalid choice: 'rnu'"),
    ("no command", lambda root: [], 1, "the following arguments are required: COMMAND"),
]


def snapshot(root: Path) -> dict[str, str]:
    """Every file and folder under `root` with a hash of its content."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        for path in sorted(root.rglob("*"))
    }


@pytest.mark.parametrize("build, code, message", [case[1:] for case in BAD_INPUT], ids=[case[0] for case in BAD_INPUT])
def test_bad_input_gets_one_clear_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    build: Callable[[Path], list[str]],
    code: int,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    argv = build(tmp_path)
    if argv[:1] == ["run"] and "--embedder" not in argv:
        argv += ["--embedder", "none"]
    before = snapshot(tmp_path)
    assert main(argv) == code
    out, err = capsys.readouterr()
    assert message in err
    assert err.startswith("reconcile: error: ") and err.count("\n") == 1 and "Traceback" not in err
    assert out == ""
    assert snapshot(tmp_path) == before  # no report, no temporary file, every input unchanged


def test_there_are_at_least_twenty_cases() -> None:
    assert len(BAD_INPUT) >= 20
    assert len({case[0] for case in BAD_INPUT}) == len(BAD_INPUT)


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    from reconcile.errors import InputError

    with pytest.raises(InputError, match="no such folder"):
        main(["--debug", "run", str(tmp_path / "nope")])


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_out_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = write(tmp_path / "story", {"a.md": EN, "b.md": ZH})
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        assert main(["run", str(corpus), "--out", str(locked), "--embedder", "none"]) == 1
    finally:
        locked.chmod(0o755)
    err = capsys.readouterr().err
    assert "--out is not writable" in err and err.count("\n") == 1
    assert not any(locked.iterdir())


def test_read_only_out_folder_as_root_sees_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same check where the test runs as root (for whom every folder is writable): os.access says no."""
    import reconcile.cli

    corpus = write(tmp_path / "story", {"a.md": EN, "b.md": ZH})
    (tmp_path / "locked").mkdir()
    monkeypatch.setattr(reconcile.cli.os, "access", lambda path, mode: Path(path).name != "locked")
    assert main(["run", str(corpus), "--out", str(tmp_path / "locked" / "reports"), "--embedder", "none"]) == 1
    err = capsys.readouterr().err
    assert f"--out is not writable ({tmp_path / 'locked'} is read-only); choose another folder" in err
    assert err.count("\n") == 1 and not any((tmp_path / "locked").iterdir())


def test_unwritable_out_folder_found_while_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """When the folder only turns out unwritable at write time (root, network mounts), still one line."""
    import tempfile

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied", str(tmp_path / "out" / ".story.json.x.tmp"))

    corpus = write(tmp_path / "story", {"a.md": EN, "b.md": ZH})
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), "--embedder", "none"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"cannot write {tmp_path / 'out' / 'story.json'}: Permission denied; choose a writable --out folder" in err


def test_unreadable_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write(tmp_path / "story", {"a.md": EN, "b.md": ZH})
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "b.md":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), "--embedder", "none"]) == 1
    err = capsys.readouterr().err
    assert "b.md: cannot read the file (Permission denied)" in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_interrupt_leaves_no_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import reconcile.report

    corpus = write(tmp_path / "story", {"a.md": EN, "b.md": ZH})

    def interrupted(*args: object, **kwargs: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(reconcile.report, "render_markdown", interrupted)
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), "--embedder", "none"]) == 130
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "interrupted" in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_all_corpora_bad_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = write(tmp_path / "one", {"a.md": EN})
    two = write(tmp_path / "two", {"a.md": EN, "b.md": ""})
    assert main(["run", str(one), str(two), "--out", str(tmp_path / "out"), "--embedder", "none"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert "only one article" in lines[0] and "the file is empty" in lines[1]
    assert lines[2] == "reconcile: error: none of the 2 corpora could be reconciled; nothing written"
    assert not (tmp_path / "out").exists()


def test_one_bad_corpus_among_several(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good_one = write(tmp_path / "good", {"a.md": EN, "b.md": ZH})
    bad = write(tmp_path / "bad", {"a.md": EN, "b.md": PNG})
    also_good = write(tmp_path / "also", {"a.md": EN, "b.md": ZH})
    before = snapshot(tmp_path)
    argv = ["run", str(good_one), str(bad), str(also_good), "--out", str(tmp_path / "out"), "--embedder", "none"]
    assert main(argv) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and "b.md: this is a PNG image" in err[0] and "1 of 3 corpora failed" in err[1]
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert written == [f"{name}.{kind}" for name in ("also", "good") for kind in ("csv", "json", "md", "png")]
    after = snapshot(tmp_path)
    assert {key: value for key, value in after.items() if not key.startswith("out")} == before
