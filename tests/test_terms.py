"""Terms: Latin-script names that read the same in both languages, and listed products under one name."""

from __future__ import annotations

from importlib.resources import files

import pytest

from reconcile.lang.terms import find_terms, parse_products
from reconcile.normalize.text import fold

TERMS = [
    ("M6 was first released in March 2021", ["M6"]),
    ("负责文心大模型ERNIE 3.0 Titan的研发", ["ERNIE"]),
    ("GPT-3 and OFA-M6", ["GPT-3", "OFA-M6"]),
    ("AI and LLM research at the CEO's request", []),  # common acronyms carry no evidence
    # a product under its English name whatever the language
    ("Ernie Bot had more than 200 million users", ["ERNIE Bot"]),
    ("截至2023年底，文心一言用户数已超过1亿。", ["ERNIE Bot"]),
    ("Baidu will release its ERNIE Bot cloud services", ["ERNIE Bot"]),  # not ERNIE alone
    ("腾讯混元大模型已接入微信", ["Hunyuan"]),
    ("Tencent's Hunyuan model", ["Hunyuan"]),
]


@pytest.mark.parametrize(("text", "expected"), TERMS)
def test_terms(text: str, expected: list[str]) -> None:
    assert [term for _, _, term in find_terms(fold(text))] == expected


def test_products_parse_without_repeated_aliases() -> None:
    products = parse_products(files("reconcile").joinpath("data", "products.tsv").read_text("utf-8"))
    assert products["文心一言"] == products["ernie bot"] == "ERNIE Bot"
    with pytest.raises(ValueError, match="listed twice"):
        parse_products("Hunyuan\t混元大模型\nHunyuan Turbo\t混元大模型\n")
