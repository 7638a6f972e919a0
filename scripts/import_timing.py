"""Cold import time of a module, shared by the library-comparison scripts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def cold_import_seconds(module: str) -> float:
    """Seconds to import `module` in a fresh interpreter (cumulative, from -X importtime)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    for line in result.stderr.splitlines():
        parts = [part.strip() for part in line.removeprefix("import time:").split("|")]
        if len(parts) == 3 and parts[2] == module:
            return int(parts[1]) / 1e6
    raise RuntimeError(f"no import time reported for {module}")
