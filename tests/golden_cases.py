"""The golden cases: JSON inputs under tests/golden/, run on CPython and in Pyodide."""

from __future__ import annotations

import json
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def golden_paths() -> list[Path]:
    return sorted(GOLDEN.glob("*/*.json"))


def load_case(path: Path) -> tuple[str, object]:
    case = json.loads(path.read_text(encoding="utf-8"))
    return case["calculator"], case["inputs"]
