"""All tunable settings in one frozen value with documented defaults.

Built once, from defaults, an optional `reconcile.toml` (table `[tool.reconcile]`) and
CLI flags, in that order of precedence; stages receive it and never read the
environment themselves.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import tomllib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reconcile.errors import InputError
from reconcile.lang import SUPPORTED_LANGUAGES


def default_cache_dir() -> Path:
    """Where embeddings and claims are cached: $RECONCILE_CACHE, else $XDG_CACHE_HOME/reconcile, else ~/.cache."""
    if explicit := os.environ.get("RECONCILE_CACHE"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reconcile"


@dataclass(frozen=True, slots=True)
class Config:
    """Settings of a run.

    embedder:            "use" (multilingual USE v3, the default), "st:PATH" (a local
                         sentence-transformers model folder) or "none" (lexical only).
    cache:               keep embeddings (keyed by embedder and text) and each document's
                         claims (keyed by its content and the extraction code) on disk between runs.
    cache_dir:           where those caches live.
    max_file_bytes:      larger input files are refused (articles are small; a huge file
                         is almost always a mistake).
    pair_threshold:      combined score (cosine + slot/entity agreement) a claim pair needs
                         to be aligned; below it a claim stays one-sided.
    extra_pair_threshold: score an additional claim needs to join an already matched claim
                         (one source splitting what the other says in one sentence).
    lexical_pair_threshold: the pairing threshold when no embedder is used (embedder
                         "none"): the score is then made of shared anchors only.
    conflict_score:      pairing score a pair needs before incompatible slots are called a
                         conflict; below it they are reported as detail on an uncertain pair.
    lexical_conflict_score: the same without an embedder.
    top_k:               candidates kept per claim from the embedding search.
    block_rows:          rows of the similarity matrix computed at once (bounds memory).
    index_above:         claim pairs (claims of one document x claims of the other) above
                         which the embedding search uses an approximate index instead of
                         comparing every pair (about where the index gets faster on two
                         cores); a news pair stays far below it (exact search).
    figure:              draw the timeline of dated claims (NAME.png beside the report).
    languages:           the languages a corpus may hold (all supported ones by default); an
                         article in another is refused, so a stray file cannot slip into a
                         comparison meant to be, say, English against Chinese only.
    """

    embedder: str = "use"
    cache: bool = True
    cache_dir: Path = dataclasses.field(default_factory=default_cache_dir)
    max_file_bytes: int = 2_000_000
    pair_threshold: float = 0.5
    extra_pair_threshold: float = 0.75
    lexical_pair_threshold: float = 0.2
    conflict_score: float = 0.5
    lexical_conflict_score: float = 0.0
    top_k: int = 8
    block_rows: int = 2048
    index_above: int = 100_000_000
    figure: bool = True
    languages: tuple[str, ...] = SUPPORTED_LANGUAGES

    def replace(self, **changes: Any) -> Config:
        return dataclasses.replace(self, **changes)


_FIELDS = {field.name: field for field in dataclasses.fields(Config)}


def load_config(path: Path | None = None, **overrides: Any) -> Config:
    """Defaults, then `[tool.reconcile]` from `path` (if given and present), then `overrides`.

    Every setting is checked here, at the boundary: an unknown key, a value of the wrong type
    or out of range is an InputError naming the key, the value and what is expected.
    """
    settings: dict[str, Any] = {}
    if path is not None and path.is_file():
        table = _read_table(path)
        for key, value in table.items():
            _check(f"{path}: ", key, value)
        settings.update(table)
    given = {key: value for key, value in overrides.items() if value is not None}
    for key, value in given.items():
        _check("", key, value)
    settings.update(given)
    return Config(**_typed(settings))


def _typed(settings: dict[str, Any]) -> dict[str, Any]:
    """Checked settings as the Config fields hold them: a path as a Path, a list as a tuple."""
    typed = dict(settings)
    if "cache_dir" in typed:
        typed["cache_dir"] = Path(typed["cache_dir"]).expanduser()
    if "languages" in typed:
        typed["languages"] = _languages(typed["languages"])
    return typed


def _languages(value: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """["en", "zh"] or "en,zh" as a tuple of language codes."""
    items = value.split(",") if isinstance(value, str) else value
    return tuple(dict.fromkeys(item.strip().lower() for item in items))


CORPUS_SETTINGS = "reconcile.toml"  # a corpus folder's own settings file, never an article
RUN_SETTINGS = frozenset({"embedder", "cache", "cache_dir"})  # one model and one cache per run


def corpus_config(config: Config, folder: Path, keep: Collection[str] = ()) -> Config:
    """`config` with the settings of `folder/reconcile.toml` (if the corpus has one) on top.

    Settings named in `keep` (given on the command line) stay as they are: a flag beats every
    file. The embedder and its cache serve the whole run, so a corpus file may not set them.
    """
    path = folder / CORPUS_SETTINGS
    if not path.is_file():
        return config
    table = _read_table(path)
    for key, value in table.items():
        _check(f"{path}: ", key, value)
        current = getattr(config, key)
        same = Path(value).expanduser() == current if isinstance(current, Path) else value == current
        if key in RUN_SETTINGS and not same:
            raise InputError(
                f"{path}: {key} cannot be set for one corpus (one model and cache serve the whole run); "
                "set it in the global reconcile.toml (--config) or on the command line"
            )
    table = {key: value for key, value in table.items() if key not in keep and key not in RUN_SETTINGS}
    return config.replace(**_typed(table))


def _read_table(path: Path) -> dict[str, Any]:
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: not valid TOML ({error}); fix the file or remove it") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read the settings file ({error.strerror or error})") from None
    tool = document.get("tool", {})
    table = tool.get("reconcile") if isinstance(tool, dict) else None
    if table is None and isinstance(tool, dict) and (path.name == "pyproject.toml" or not document):
        return {}
    if not isinstance(table, dict):
        found = ", ".join(sorted(document)) or "nothing"
        raise InputError(
            f"{path}: no [tool.reconcile] table (found {found}); put the settings under a [tool.reconcile] line"
        )
    return table


_EXPECTED = {
    "bool": "true or false",
    "int": "a whole number, at least 1",
    "float": "a number, 0 or more",
    "str": "a non-empty string",
    "Path": "a folder path, as a string",
    "tuple[str, ...]": f'a list of language codes among {", ".join(SUPPORTED_LANGUAGES)}, like ["en", "zh"]',
}


def _check(where: str, key: str, value: Any) -> None:
    """Raise an InputError, its message starting with `where`, unless `value` suits the Config field `key`."""
    if key not in _FIELDS:
        raise InputError(f"{where}unknown setting {key!r} (known: {', '.join(sorted(_FIELDS))})")
    kind = str(_FIELDS[key].type)
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    valid = {
        "bool": isinstance(value, bool),
        "int": number and isinstance(value, int) and value >= 1,
        "float": number and math.isfinite(value) and value >= 0,
        "str": isinstance(value, str) and bool(value.strip()),
        "Path": isinstance(value, (str, os.PathLike)) and bool(str(value).strip()),
        "tuple[str, ...]": _valid_languages(value),
    }.get(kind, True)
    if not valid:
        found = "not a supported list" if kind == "tuple[str, ...]" else _kind_of(value)
        raise InputError(f"{where}{key} = {_shown(value)} is {found}; expected {_EXPECTED.get(kind, kind)}")


def _valid_languages(value: Any) -> bool:
    if not isinstance(value, (str, list, tuple)) or not all(isinstance(item, str) for item in value):
        return False
    codes = _languages(value)
    return bool(codes) and all(code in SUPPORTED_LANGUAGES for code in codes)


def _shown(value: Any) -> str:
    """`value` as it would be written in TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value) if isinstance(value, (int, float)) else json.dumps(value, default=str, ensure_ascii=False)


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "out of range" if value < 1 else "a whole number"
    if isinstance(value, float):
        return "a decimal number" if math.isfinite(value) and value >= 0 else "out of range"
    if isinstance(value, str):
        return "an empty string" if not value.strip() else "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"
