"""Tatoeba cmn-eng: cross-lingual retrieval accuracy of an embedder, both directions."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from reconcile.embed import Embedder
from reconcile.evaluation import Figure


def tatoeba_figures(embedder: Embedder, data: Path) -> list[Figure]:
    """Share of sentences whose nearest neighbour across languages is their translation."""
    chinese = (data / "tatoeba.cmn-eng.cmn").read_text(encoding="utf-8").splitlines()
    english = (data / "tatoeba.cmn-eng.eng").read_text(encoding="utf-8").splitlines()
    zh = embedder.encode(chinese)
    en = embedder.encode(english)
    similarity = zh @ en.T
    truth = np.arange(len(chinese))
    zh_en = float(np.mean(similarity.argmax(axis=1) == truth))
    en_zh = float(np.mean(similarity.argmax(axis=0) == truth))
    return [
        Figure("tatoeba.zh_en", zh_en, f"{len(chinese)} sentence pairs"),
        Figure("tatoeba.en_zh", en_zh, f"{len(chinese)} sentence pairs"),
    ]
