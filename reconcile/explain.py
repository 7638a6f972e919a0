"""`reconcile explain NAME.json FINDING_ID`: one finding, shown from the findings JSON alone.

Reads the file a run wrote (schema "reconcile/findings@1") and nothing else: no article is
re-read, no model is loaded, so it answers at once and shows exactly what the report said.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from reconcile.errors import InputError
from reconcile.report import SCHEMA

# What each part of the file needs for an explanation; checked once, at the boundary.
_REQUIRED: dict[str, tuple[str, ...]] = {
    "documents": ("id", "lang"),
    "claims": ("id", "doc", "text", "start", "end", "slots"),
    "findings": ("id", "verdict", "claims", "reasons", "fact"),
}


def load_findings(path: Path) -> dict[str, Any]:
    """The findings JSON at `path`, checked to be one; InputError (one line) otherwise."""
    if not path.exists():
        raise InputError(f"{path}: no such file; give the NAME.json that `reconcile run` wrote (in reports/)")
    if path.is_dir():
        raise InputError(f"{path}: a folder; give the NAME.json file that `reconcile run` wrote")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(
            f"{path}: not a findings JSON (not valid JSON: {error}); give NAME.json, not NAME.md"
        ) from None
    except OSError as error:
        raise InputError(f"{path}: cannot read the file ({error.strerror or error})") from None
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema != SCHEMA:
        found = f"schema {schema!r}" if schema else "no schema key"
        raise InputError(f"{path}: not a findings JSON ({found}, expected {SCHEMA!r}); give the NAME.json of a run")
    for part, keys in _REQUIRED.items():
        items = data.get(part)
        if not isinstance(items, list):
            raise InputError(f"{path}: malformed findings JSON: {part!r} is not a list; re-run `reconcile run`")
        for index, item in enumerate(items):
            missing = [key for key in keys if not isinstance(item, dict) or key not in item]
            if missing:
                raise InputError(
                    f"{path}: malformed findings JSON: {part}[{index}] lacks {', '.join(missing)}; "
                    "re-run `reconcile run`"
                )
    return data


def finding_id(given: str) -> str:
    """ "F001" as typed in any of the forms people use: F001, f1, 1."""
    match = re.fullmatch(r"[Ff]?0*(\d{1,6})", given.strip())
    return f"F{int(match[1]):03d}" if match else given.strip()


def list_findings(data: dict[str, Any]) -> str:
    """Every finding as one line: id, verdict, fact."""
    lines = [f"{data.get('corpus', '')}: {len(data['findings'])} findings"]
    lines += [f"  {f['id']}  {f['verdict']:<11}  {f['fact']}" for f in data["findings"]]
    return "\n".join(lines)


def explain(data: dict[str, Any], wanted: str, where: Path | str = "the file") -> str:
    """The finding `wanted` in words: verdict and reasons, scores, and every claim with its
    source, offsets and normalised slots."""
    findings = {finding["id"]: finding for finding in data["findings"]}
    key = finding_id(wanted)
    if key not in findings:
        ids = list(findings)
        span = f"{ids[0]}–{ids[-1]}" if ids else "none"
        raise InputError(
            f"{where}: no finding {wanted!r} (its findings are {span}); list them with `reconcile explain {where}`"
        )
    finding = findings[key]
    claims = {claim["id"]: claim for claim in data["claims"]}
    documents = {document["id"]: document for document in data["documents"]}
    lines = [
        f"{finding['id']} · {finding['verdict']} · {finding['fact']}",
        "",
        "Why:",
        *[f"  - {reason}" for reason in finding["reasons"]],
        *_agreed(finding),
        "",
        f"Similarity:    {_score(finding.get('similarity'), 'no embedding similarity (no embedder, or one claim)')}"
        "  (cosine of the claims' sentence embeddings)",
        f"Pairing score: {_score(finding.get('score'), 'none (found in one source only)')}"
        "  (cosine adjusted by shared names, event type and slots; what paired the claims)",
    ]
    for claim_id in finding["claims"]:
        claim = claims.get(claim_id)
        if claim is None:
            lines += ["", f"Claim {claim_id}: not in the file's claims (the file is inconsistent)"]
            continue
        lines += ["", *_claim(claim, documents.get(claim["doc"], {}))]
    return "\n".join(lines)


def _agreed(finding: dict[str, Any]) -> list[str]:
    """What the claims share beside a conflict or added detail (an agreement's reasons say it
    already; a findings file written before `agreements` existed has none)."""
    if finding["verdict"] == "agree":
        return []
    agreements = finding.get("agreements") or []
    return ["Agreed:", *[f"  - {agreement}" for agreement in agreements]] if agreements else []


def _score(value: Any, missing: str) -> str:
    return f"{value:.2f}" if isinstance(value, (int, float)) else missing


def _claim(claim: dict[str, Any], document: dict[str, Any]) -> list[str]:
    source = [document.get("lang", "?").upper(), claim["doc"]]
    if document.get("source"):
        source.append(document["source"])
    if document.get("published"):
        source.append(f"published {document['published']}")
    lines = [
        f"Claim {claim['id']} — {', '.join(source)}",
        f"  file:      {document.get('path') or '(text given in memory)'}",
        f"  offsets:   {claim['start']}–{claim['end']} in the cleaned article text"
        + (f", sentence {claim['sentence']}" if claim.get("sentence") is not None else ""),
        f"  text:      {claim['text']}",
    ]
    about = []
    for label, key in (("event", "event"), ("subject", "subject"), ("object", "object")):
        if claim.get(key):
            about.append(f"{label} {claim[key]}")
    others = [event for event in claim.get("events", []) if event != claim.get("event")]
    if others:
        about.append(f"also {', '.join(others)}")
    if claim.get("terms"):
        about.append(f"terms {', '.join(claim['terms'])}")
    if about:
        lines.append(f"  about:     {'; '.join(about)}")
    if not claim["slots"]:
        lines.append("  slots:     none")
    for index, slot in enumerate(claim["slots"]):
        lines.append(("  slots:     " if index == 0 else "             ") + _slot(slot))
    return lines


def _slot(slot: dict[str, Any]) -> str:
    kind = slot.get("kind", "?")
    parts = [f"{kind:<8} {json.dumps(slot.get('text', ''), ensure_ascii=False)}"]
    if "value" in slot:
        value = slot["value"]
        parts.append(f"value {_number(value, 'none') if kind == 'quantity' else value}")
    if kind == "date":
        low, high = slot.get("low"), slot.get("high")
        parts.append(f"interval {low or 'open'} .. {high or 'open'} ({slot.get('precision', '?')})")
        if slot.get("basis"):
            parts.append(f"basis: {slot['basis']}")
    elif kind == "quantity":
        low, high = slot.get("low"), slot.get("high")
        opening = "(" if slot.get("low_open") or low is None else "["
        closing = ")" if slot.get("high_open") or high is None else "]"
        parts.append(f"interval {opening}{_number(low, '-inf')}, {_number(high, 'inf')}{closing}")
        parts.append(f"unit {slot.get('unit') or 'none'}")
    return "  ·  ".join(parts)


def _number(value: Any, missing: str) -> str:
    if not isinstance(value, (int, float)):
        return missing
    return f"{value:g}" if abs(value) < 1e6 else f"{value:.3g}"
