"""Per-language knowledge, looked up by language code."""

from __future__ import annotations

from reconcile.errors import UnsupportedLanguageError
from reconcile.lang import en, zh
from reconcile.lang.events import EVENT_TYPES, EventType
from reconcile.lang.rules import LangRules

_RULES: dict[str, LangRules] = {rules.code: rules for rules in (en.RULES, zh.RULES)}
SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(sorted(_RULES))


def rules_for(lang: str) -> LangRules:
    """The rules for `lang`, or a clear error naming the languages that are supported."""
    try:
        return _RULES[lang]
    except KeyError:
        raise UnsupportedLanguageError(
            f"language {lang!r} is not supported (supported: {', '.join(SUPPORTED_LANGUAGES)})"
        ) from None


__all__ = ["EVENT_TYPES", "SUPPORTED_LANGUAGES", "EventType", "LangRules", "rules_for"]
