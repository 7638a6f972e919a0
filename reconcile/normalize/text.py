"""Character folding that keeps offsets: matching runs on the folded text, quotes use the original.

Full-width digits and Latin letters (１２月, ＧＰＵ) become ASCII, Traditional Chinese becomes
Simplified (OpenCC t2s). Every character maps to exactly one character, so an offset
found in the folded text is an offset in the original.
"""

from __future__ import annotations

import unicodedata

import opencc

_T2S = opencc.OpenCC("t2s")
# OpenCC's t2s dictionaries convert Han characters only (every key starts at U+346E; a test
# reads them): a text without a character from the CJK blocks on is left as it is.
_CJK_FROM = "\u2e80"

# Characters NFKC would fold that must keep their meaning here.
_KEEP = frozenset("…")


def _fold_char(char: str) -> str:
    if char in _KEEP:
        return char
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) != 1:
        return char
    return folded


class _FoldTable(dict[int, str]):
    """Code point -> folded character for str.translate, each worked out when first met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLDED = _FoldTable()


def fold(text: str) -> str:
    """`text` with full-width forms made ASCII and Traditional made Simplified, same length."""
    if text.isascii():
        return text
    widened = text.translate(_FOLDED)
    if max(widened) < _CJK_FROM:
        return widened
    simplified: str = _T2S.convert(widened)
    if len(simplified) == len(widened):
        return simplified
    return "".join(converted if len(converted := _T2S.convert(char)) == 1 else char for char in widened)
