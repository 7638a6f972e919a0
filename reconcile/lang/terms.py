"""Latin-script terms that read the same in every language (model names, product codes).

"M6", "GPT-3" or "OFA" in a Chinese sentence are strong evidence that it talks about the
same thing as an English sentence naming them. Common acronyms carry no such evidence.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

TERM_PATTERN = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Za-z]+[0-9][A-Za-z0-9]*|[A-Z][A-Za-z]*[A-Z][A-Za-z]*)(?:-[A-Za-z0-9]+)*(?![A-Za-z0-9])"
)

COMMON_ACRONYMS = frozenset(
    {
        "AI",
        "CEO",
        "CTO",
        "CFO",
        "COO",
        "VP",
        "PhD",
        "US",
        "USA",
        "UK",
        "EU",
        "UN",
        "GDP",
        "IT",
        "TV",
        "PC",
        "APP",
        "App",
        "R&D",
        "RD",
        "HR",
        "PR",
        "OK",
        "AM",
        "PM",
        "ID",
        "AGI",
        "LLM",
        "LLMs",
        "NLP",
        "API",
        "APIs",
        "CPU",
        "GPU",
        "GPUs",
        "SEE",
        "ALSO",
        "NEWS",
        "Xinhua",
        "COVID",
        "NO",
        "Mr",
        "Ms",
        "Dr",
        "Inc",
        "Ltd",
        "Co",
        "CNY",
        "RMB",
        "USD",
        "GMT",
        "UTC",
        "BBC",
        "CNN",
        "CCTV",
        "WeChat",
        "GitHub",
    }
)


def parse_products(text: str) -> dict[str, str]:
    """Alias (casefolded) -> canonical term, from a products.tsv text; ValueError on a repeated alias."""
    products: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            canonical, _, aliases = line.partition("\t")
            for alias in (canonical, *aliases.split("|")):
                key = alias.strip().casefold()
                if key in products:
                    raise ValueError(f"products.tsv line {number}: {alias!r} is listed twice")
                products[key] = canonical.strip()
    return products


@cache
def _products() -> tuple[dict[str, str], re.Pattern[str]]:
    products = parse_products(files("reconcile").joinpath("data", "products.tsv").read_text("utf-8"))
    alternatives = sorted(products, key=len, reverse=True)
    body = "|".join(
        rf"(?<![A-Za-z0-9]){re.escape(alias)}(?![A-Za-z0-9])" if alias[0].isascii() else re.escape(alias)
        for alias in alternatives
    )
    return products, re.compile(body, re.IGNORECASE)


def find_terms(text: str) -> list[tuple[int, int, str]]:
    """(start, end, term) for each distinctive Latin-script term in `text`, and each listed product
    under its canonical term (文心一言 and "Ernie Bot" are "ERNIE Bot")."""
    products, pattern = _products()
    listed = []
    lowered = text.casefold()
    if any(alias in lowered for alias in products):  # most texts name none, and the pattern is slow to run
        listed = [(m.start(), m.end(), products[m.group().casefold()]) for m in pattern.finditer(text)]
    written = [
        (match.start(), match.end(), match.group())
        for match in TERM_PATTERN.finditer(text)
        if match.group() not in COMMON_ACRONYMS
        and match.group().upper() not in COMMON_ACRONYMS
        and not any(start < match.end() and match.start() < end for start, end, _ in listed)
    ]
    return sorted(listed + written) if listed else written
