"""Romanisation of Chinese names, so an organisation the lexicon lacks can still be
recognised across scripts: 兰州交通大学 holds "lanzhou" and "jiaotong", as does
"Lanzhou Jiaotong University".
"""

from __future__ import annotations

import re
from functools import lru_cache

_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_LATIN_WORD = re.compile(r"[a-z]+")
# Words shorter than this match too easily by chance ("an", "hui").
_MIN_WORD = 4


@lru_cache(maxsize=8192)
def romanised_words(name: str) -> frozenset[str]:
    """Words a name may be written with in Latin script.

    Latin words are kept (lower case); runs of Chinese characters give their pinyin
    syllables joined in twos and threes, the way place and institution names are spelt.
    """
    words = {word for word in _LATIN_WORD.findall(name.casefold()) if len(word) >= _MIN_WORD}
    runs = _HAN_RUN.findall(name)
    if runs:
        from pypinyin import Style, lazy_pinyin  # imported only when a Chinese name needs it

        for run in runs:
            syllables = lazy_pinyin(run, style=Style.NORMAL)
            for size in (2, 3):
                words.update(
                    "".join(syllables[start : start + size])
                    for start in range(len(syllables) - size + 1)
                    if len("".join(syllables[start : start + size])) >= _MIN_WORD
                )
    return frozenset(words)
