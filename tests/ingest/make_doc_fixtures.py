"""Regenerate the committed Word 97–2003 fixtures in tests/ingest/doc_fixtures/ (CI has no LibreOffice).

    apt-get install -y --no-install-recommends libreoffice-writer-nogui
    PYTHONPATH=src:. python tests/ingest/make_doc_fixtures.py

Each fixture is the carrier documents of tests/carriers.py (this project's own wording and figures) written as
.docx by the carriers' Word writer and converted by `soffice --headless --convert-to doc` ("MS Word 97" filter).
The Word binary format has no two tables side by side: adjacent tables become one table there, so an empty
paragraph (which no reader turns into a block) is put between them first. hand_made_* fixtures are written by
tests/ingest/test_worddoc.py itself.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.carriers import DOC_FIXTURES, FIXTURE_DIR, Block, write_docx


def separated(blocks: list[Block]) -> list[Block]:
    """An empty paragraph between two adjacent tables."""
    out: list[Block] = []
    for block in blocks:
        if out and out[-1][0] == "t" and block[0] == "t":
            out.append(("p", "", 0))
        out.append(block)
    return out


def main() -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("soffice not found: apt-get install -y --no-install-recommends libreoffice-writer-nogui")
    FIXTURE_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, make in DOC_FIXTURES.items():
            write_docx(separated(make()), folder / f"{name}.docx")
            subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile",
                            "--convert-to", "doc", "--outdir", str(folder), str(folder / f"{name}.docx")],
                           check=True, capture_output=True, timeout=120)
            shutil.copyfile(folder / f"{name}.doc", FIXTURE_DIR / f"{name}.doc")
            print(FIXTURE_DIR / f"{name}.doc")


if __name__ == "__main__":
    main()
