"""The one-way layering of DESIGN §2 as a failing test: core, scoring and audit import no Django, file formats
or engines; nothing but the web layer imports the web layer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_import_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert lint, "import-linter is a dev dependency"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run([lint, "--config", str(REPO / ".importlinter")], capture_output=True, text=True,
                            env=env, cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
