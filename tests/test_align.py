"""Align: who is the same across scripts, and how claims are scored and paired."""

from __future__ import annotations

import numpy as np
import pytest

from reconcile.align import NameMatcher
from reconcile.embed import Embedder
from reconcile.normalize.romanise import romanised_words

ROMANISED = [
    ("兰州交通大学", {"lanzhou", "jiaotong"}),
    ("杭州市公安局", {"hangzhou"}),
    ("Lanzhou Jiaotong University", {"lanzhou", "jiaotong", "university"}),
    ("云南省人社厅", {"yunnan"}),
]


@pytest.mark.parametrize("name, words", ROMANISED)
def test_romanised_words(name: str, words: set[str]) -> None:
    assert words <= romanised_words(name)


UNKNOWN_ORGANISATIONS = [
    ("Lanzhou Jiaotong University", "兰州交通大学", True),
    ("Hangzhou Public Security Bureau", "杭州市公安局", True),
    ("Department of Human Resources and Social Security of Yunnan", "云南省人社厅", False),  # embeds at 0.42
    ("Lanzhou Jiaotong University", "杭州市公安局", False),
]


@pytest.mark.parametrize("english, chinese, same", UNKNOWN_ORGANISATIONS)
def test_organisations_outside_the_lexicon_fall_back_to_embeddings(
    embedder: Embedder, english: str, chinese: str, same: bool
) -> None:
    vectors = embedder.encode([english, chinese])
    names = NameMatcher({english: vectors[0], chinese: vectors[1]})
    assert names.same("org", english, chinese) is same


def test_sister_institutions_are_not_merged_by_embedding() -> None:
    """Peking University and 清华大学 embed close (0.72) but share no romanised word."""
    close = np.array([1.0, 0.0], dtype=np.float32)
    names = NameMatcher({"Peking University": close, "清华大学": close})
    assert not names.same("org", "Peking University", "清华大学")


def test_lexicon_organisations_match_without_embeddings() -> None:
    assert NameMatcher().same("org", "DAMO Academy", "达摩院")
    assert NameMatcher().same("person", "Yang Hongxia", "Hongxia Yang")
