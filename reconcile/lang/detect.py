"""Language identification by script and function words, so an article needs no label.

Only two languages are supported, but the detector knows a few more so that a French or
Japanese file is named as such in the error instead of being misread as English or Chinese.
"""

from __future__ import annotations

import re
from collections import Counter

# Script -> language, for scripts that identify a language on their own.
_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("hangul", "ko"),
    ("kana", "ja"),
    ("cyrillic", "ru"),
    ("arabic", "ar"),
    ("hebrew", "he"),
    ("greek", "el"),
    ("thai", "th"),
    ("devanagari", "hi"),
)

_SCRIPT_RANGES: dict[str, str] = {
    "han": r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
    "kana": r"\u3040-\u30ff",
    "hangul": r"\uac00-\ud7af\u1100-\u11ff",
    "cyrillic": r"\u0400-\u04ff",
    "arabic": r"\u0600-\u06ff",
    "hebrew": r"\u0590-\u05ff",
    "greek": r"\u0370-\u03ff",
    "thai": r"\u0e00-\u0e7f",
    "devanagari": r"\u0900-\u097f",
    "latin": r"A-Za-z\u00c0-\u024f",
}
_SCRIPT_PATTERN = re.compile("|".join(f"(?P<{name}>[{chars}])" for name, chars in _SCRIPT_RANGES.items()))

# Function words of Latin-script languages (data for telling them apart).
_LATIN_STOPWORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "en": "the of and to in is was for on that with as by at from has have are were this which",
        "fr": "le la les des du et est une un pour dans que qui sur au aux par avec ce sont",
        "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem",
        "es": "el la los las de del y en que por con una un para es se su al como",
        "it": "il lo la gli le di che e è un una per con del della non sono da nel",
        "pt": "o a os as de do da e que em um uma para com não por se no na dos",
        "nl": "de het een en van is dat op te in zijn met voor niet aan er ook",
    }.items()
}
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")

# How many Latin letters weigh as much as one Han character (a word is ~4-5 letters).
_LETTERS_PER_HAN = 3


def detect_language(text: str) -> str:
    """An ISO 639-1 code for `text`, or "und" when it holds too little text to tell."""
    counts: Counter[str] = Counter(str(match.lastgroup) for match in _SCRIPT_PATTERN.finditer(text))
    han, latin = counts["han"], counts["latin"]
    for script, code in _SCRIPTS:
        if counts[script] > max(10, 0.1 * (han + latin)):
            return code
    if han >= 10 and han * _LETTERS_PER_HAN >= latin:
        return "zh"
    if latin < 20:
        return "und"
    words = Counter(word.lower() for word in _WORD.findall(text))
    hits = {code: sum(words[w] for w in stopwords) for code, stopwords in _LATIN_STOPWORDS.items()}
    best = max(sorted(hits), key=lambda code: hits[code])
    return best if hits[best] else "und"
