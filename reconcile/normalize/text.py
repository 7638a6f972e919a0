"""Character folding that keeps offsets: matching runs on the folded text, quotes use the original.

Full-width digits and Latin letters (１２月, ＧＰＵ) become ASCII, Traditional Chinese becomes
Simplified (OpenCC t2s). Every character maps to exactly one character, so an offset
found in the folded text is an offset in the original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import opencc

_T2S = opencc.OpenCC("t2s")

# Characters NFKC would fold that must keep their meaning here.
_KEEP = frozenset("…")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _KEEP:
        return char
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) != 1:
        return char
    return folded


def fold(text: str) -> str:
    """`text` with full-width forms made ASCII and Traditional made Simplified, same length."""
    widened = "".join(_fold_char(char) if ord(char) > 0x7F else char for char in text)
    simplified: str = _T2S.convert(widened)
    if len(simplified) == len(widened):
        return simplified
    return "".join(converted if len(converted := _T2S.convert(char)) == 1 else char for char in widened)
