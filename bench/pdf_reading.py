"""A 25-page 部门决算 PDF (our own numbers, WeasyPrint from HTML, the district layouts of issue 11) read and audited,
against pdfplumber's bare `extract_text` of every page of the same file, measured in the same run.

`python bench/pdf_reading.py` prints the section and puts it into bench/RESULTS.md; `make bench` (bench/run.py) includes it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(ROOT / "bench")]

from tests.ingest.disclosure_pdf import Layout, write_pdf  # noqa: E402

from jixiao.audit.engine import audit_document  # noqa: E402
from jixiao.core.finding import Tier  # noqa: E402
from jixiao.ingest.pipeline import load_document  # noqa: E402
from jixiao.profiles import load_profile  # noqa: E402

PAGES = 25
HEADING = "## 决算公开 PDF (read + audit)"


def _pdf(folder: Path) -> Path:
    """The fixture with enough 情况说明 pages to make PAGES pages."""
    import pypdfium2

    for filler in range(14, 40):
        path = write_pdf(folder / "disclosure.pdf", Layout(narrative_pages=filler))
        if len(pypdfium2.PdfDocument(str(path))) >= PAGES:
            return path
    return path


def report() -> list[str]:
    import pdfplumber
    from run import best_of  # bench/run.py

    profile = load_profile("central")
    with tempfile.TemporaryDirectory() as folder:
        path = _pdf(Path(folder))

        def baseline() -> None:
            with pdfplumber.open(str(path)) as pdf:
                for page in pdf.pages:
                    page.extract_text()

        def read() -> None:
            document, _ = load_document(path)
            assert document is not None and document.disclosure is not None

        def read_and_audit() -> object:
            document, _ = load_document(path)
            assert document is not None
            return audit_document(document, profile)

        result = read_and_audit()  # warm imports
        errors = sum(1 for f in result.findings if f.tier is Tier.ERROR)  # type: ignore[attr-defined]
        base = best_of(3, baseline)
        alone = best_of(5, read)
        full = best_of(5, read_and_audit)
        import pypdfium2

        pages = len(pypdfium2.PdfDocument(str(path)))
        size_kb = path.stat().st_size / 1024
    return [
        HEADING,
        "",
        f"Document: generated 部门决算公开, {pages} pages ({size_kb:.0f} KB): cover, 10 tables (类/款/项 split codes, "
        f"stacked and wrapped headers, 公开01/04 without 行次, 公开03 continued with its header repeated), "
        f"情况说明 pages. Error findings on this consistent package: {errors}.",
        "",
        "| measure | median seconds | ratio to baseline |",
        "|---|---|---|",
        f"| baseline: pdfplumber `extract_text` of every page | {base:.3f} | 1.00 |",
        f"| jixiao read (tables + text, detect, extract) | {alone:.3f} | {alone / base:.2f} |",
        f"| jixiao read + full audit | {full:.3f} | {full / base:.2f} |",
        "",
    ]


def main() -> None:
    lines = report()
    print("\n".join(lines))
    from run import write_section  # bench/run.py

    write_section(HEADING, lines)


if __name__ == "__main__":
    main()
