"""Latin-script terms that read the same in every language (model names, product codes).

"M6", "GPT-3" or "OFA" in a Chinese sentence are strong evidence that it talks about the
same thing as an English sentence naming them. Common acronyms carry no such evidence.
"""

from __future__ import annotations

import re

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


def find_terms(text: str) -> list[tuple[int, int, str]]:
    """(start, end, term) for each distinctive Latin-script term in `text`."""
    return [
        (match.start(), match.end(), match.group())
        for match in TERM_PATTERN.finditer(text)
        if match.group() not in COMMON_ACRONYMS and match.group().upper() not in COMMON_ACRONYMS
    ]
