"""Reading the JSON interchange files (ledger, work-summary facts): one Chinese error naming the file and where."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def read_json(path: Path, error: type[ValueError]) -> Any:
    """The parsed file, or `error` saying why it cannot be read (unreadable, not UTF-8, bad JSON, nested too deep)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"无法读取 {path.name}：{exc}") from exc
    except json.JSONDecodeError as exc:
        raise error(f"{path.name} 第 {exc.lineno} 行第 {exc.colno} 列 JSON 格式错误") from exc
    except RecursionError as exc:
        raise error(f"{path.name} 嵌套层数过多") from exc
