"""What the sample plan's reports look like to a reader, recorded once so that work on the
report's speed can show it changed nothing: the page count, the text pypdf extracts from each
page and a digest of each page's content stream (every glyph code, position and rule).

    python tests/report/golden.py      (rewrites tests/report/golden/*.json)

Run it only when a change to the report's layout or wording is meant to change the PDF, and read
the diff of the recorded text before committing it.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
from pathlib import Path

import pypdf

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"


def reports() -> dict:
    """The reports recorded: name -> (status, digits)."""
    from pdfcheck import FULL_YEAR_AS_OF, mixed_status, sample_status

    half = sample_status()
    return {"half": (half, "thai"), "half-arabic": (half, "arabic"),
            "full": (sample_status("full", FULL_YEAR_AS_OF), "thai"), "mixed": (mixed_status(), "thai")}


def summary(data: bytes) -> dict:
    """Page count, each page's extracted text and the SHA-256 of its (decoded) content stream."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return {"pages": len(reader.pages),
            "text": [page.extract_text() for page in reader.pages],
            "content_sha256": [hashlib.sha256(page.get_contents().get_data()).hexdigest()
                               for page in reader.pages]}


def path_for(name: str) -> Path:
    return GOLDEN / f"{name}.json"


def main() -> None:
    from itacheck.report import build_report

    GOLDEN.mkdir(exist_ok=True)
    for name, (status, digits) in reports().items():
        record = summary(build_report(status, digits=digits))
        path_for(name).write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{path_for(name)}: {record['pages']} pages")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE.parents[1]))
    main()
