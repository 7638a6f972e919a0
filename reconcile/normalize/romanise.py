"""Romanisation of Chinese, through one lazily imported pypinyin: the readings of people's
names, the timeline's labels, and the words by which an organisation the lexicon lacks can
still be recognised across scripts: 兰州交通大学 holds "lanzhou" and "jiaotong", as does
"Lanzhou Jiaotong University".
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable
from functools import cache, lru_cache, partial

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
    for run in _HAN_RUN.findall(name):
        syllables = pinyin(run)
        for size in (2, 3):
            joined = ("".join(syllables[start : start + size]) for start in range(len(syllables) - size + 1))
            words.update(word for word in joined if len(word) >= _MIN_WORD)
    return frozenset(words)


def pinyin(chars: str, *, v_to_u: bool = False) -> list[str]:
    """The toneless pinyin of each Chinese character of `chars` (others come back as they are);
    `v_to_u` writes ü for v (lü, not lv)."""
    return _lazy_pinyin()(chars, v_to_u=v_to_u)


@cache
def _lazy_pinyin() -> Callable[..., list[str]]:
    """pypinyin, imported on first use (0.3-0.5 s) with the cyclic garbage collector paused:
    its dictionaries are 200,000 new containers, and the collections they set off walked them
    again and again (0.2 s of the import in a loaded process). It resumes after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        from pypinyin import Style, lazy_pinyin
    finally:
        if enabled:
            gc.enable()
    return partial(lazy_pinyin, style=Style.NORMAL)
