"""Write the JSON Schema of every ``--json`` document to docs/schemas/ (``make schemas``).

``python -m leadtui.export.schemas [FOLDER]`` writes ``<command>.json`` for each entry of
:data:`leadtui.export.json.DOCUMENTS` (``people-list.json``, ``energy-work-list.json``)
and removes schema files no command prints any more. A test compares the shipped files
with what this writes, so they never drift from the types.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from leadtui.export.json import DOCUMENTS, json_schema, schema_name

DEFAULT_FOLDER = Path("docs") / "schemas"


def schema_files() -> dict[str, str]:
    """Every schema file's name and its text, as shipped (two-space indent, one final newline)."""
    return {
        schema_name(command): json.dumps(json_schema(command), indent=2, ensure_ascii=False) + "\n"
        for command in DOCUMENTS
    }


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder`` (created if missing); the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    files = schema_files()
    for stale in folder.glob("*.json"):
        if stale.name not in files:
            stale.unlink()
    written = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FOLDER
    for path in write_schemas(target):
        print(path)
