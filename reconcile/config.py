"""All tunable settings in one frozen value with documented defaults.

Built once, from defaults, an optional `reconcile.toml` (table `[tool.reconcile]`) and
CLI flags, in that order of precedence; stages receive it and never read the
environment themselves.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reconcile.errors import InputError


def default_cache_dir() -> Path:
    """Where embeddings are cached: $RECONCILE_CACHE, else $XDG_CACHE_HOME/reconcile, else ~/.cache."""
    if explicit := os.environ.get("RECONCILE_CACHE"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reconcile"


@dataclass(frozen=True, slots=True)
class Config:
    """Settings of a run.

    embedder:            "use" (multilingual USE v3, the default), "st:PATH" (a local
                         sentence-transformers model folder) or "none" (lexical only).
    cache:               keep embeddings on disk between runs (keyed by embedder and text).
    cache_dir:           where that cache lives.
    max_file_bytes:      larger input files are refused (articles are small; a huge file
                         is almost always a mistake).
    pair_threshold:      combined score (cosine + slot/entity agreement) a claim pair needs
                         to be aligned; below it a claim stays one-sided.
    extra_pair_threshold: score an additional claim needs to join an already matched claim
                         (one source splitting what the other says in one sentence).
    lexical_pair_threshold: the pairing threshold when no embedder is used (embedder
                         "none"): the score is then made of shared anchors only.
    top_k:               candidates kept per claim from the embedding search.
    block_rows:          rows of the similarity matrix computed at once (bounds memory).
    """

    embedder: str = "use"
    cache: bool = True
    cache_dir: Path = dataclasses.field(default_factory=default_cache_dir)
    max_file_bytes: int = 2_000_000
    pair_threshold: float = 0.5
    extra_pair_threshold: float = 0.75
    lexical_pair_threshold: float = 0.2
    top_k: int = 8
    block_rows: int = 2048

    def replace(self, **changes: Any) -> Config:
        return dataclasses.replace(self, **changes)


_FIELDS = {field.name: field for field in dataclasses.fields(Config)}


def load_config(path: Path | None = None, **overrides: Any) -> Config:
    """Defaults, then `[tool.reconcile]` from `path` (if given and present), then `overrides`."""
    settings: dict[str, Any] = {}
    if path is not None and path.is_file():
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("reconcile", {})
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise InputError(f"{path}: not valid TOML ({error}); fix the file or remove it") from None
        unknown = sorted(set(table) - set(_FIELDS))
        if unknown:
            raise InputError(
                f"{path}: unknown setting(s) {', '.join(unknown)} in [tool.reconcile] "
                f"(known: {', '.join(sorted(_FIELDS))})"
            )
        settings.update(table)
    settings.update({key: value for key, value in overrides.items() if value is not None})
    if "cache_dir" in settings:
        settings["cache_dir"] = Path(settings["cache_dir"]).expanduser()
    return Config(**settings)
