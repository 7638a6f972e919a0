"""Folding: same length, full-width made ASCII, Traditional made Simplified, nothing else touched."""

from __future__ import annotations

import subprocess
from pathlib import Path

import opencc
import pytest

from reconcile.normalize.text import _CJK_FROM, fold

FOLDS = [
    ("ＧＰＵ在１２月", "GPU在12月"),
    ("阿里巴巴的研發團隊", "阿里巴巴的研发团队"),
    ("“Quotes” — and…", "“Quotes” — and…"),  # "…" keeps its meaning
    ("plain ASCII", "plain ASCII"),
    ("", ""),
]


@pytest.mark.parametrize("text, folded", FOLDS)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert len(fold(text)) == len(text)


def test_opencc_converts_nothing_before_the_cjk_blocks() -> None:
    """fold skips OpenCC for a text without a character from `_CJK_FROM` on: safe only while
    no key of the t2s dictionaries holds a character below it."""
    folder = Path(opencc.__file__).parent / "clib"
    tool = folder / "bin" / "opencc_dict"
    if not tool.exists():
        pytest.skip("opencc_dict is not shipped with this OpenCC")
    for name in ("TSPhrases", "TSCharacters", "TSCharactersExt", "CJK_Compatibility_Ideographs"):
        listed = subprocess.run(
            [
                str(tool),
                "-i",
                str(folder / "share" / "opencc" / f"{name}.ocd2"),
                "-o",
                "/dev/stdout",
                "-f",
                "ocd2",
                "-t",
                "text",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        keys = [line.split("\t")[0] for line in listed.splitlines() if line.strip()]
        assert keys and min(min(key) for key in keys) >= _CJK_FROM, name
