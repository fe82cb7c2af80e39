"""Thai paragraphs are cut into the same words and lines whatever shortcuts compute them.

``data/thai-lines.json.gz`` holds 1,500 paragraphs and the words and lines the straightforward
implementation made of them: the lines of the sample plan and of a real agency's report (tabs,
HTML, numbered steps, dates), wording from agencies' pages, Wikipedia titles, and paragraphs made
of dictionary words between spaces, numbers, dates, brackets, quotes, slashes, tabs, zero-width
and no-break spaces. Each is compared by lengths: of every unit of every word, and of every line
filled at two terminal widths (one with a hanging indent) and as the PDF fills them (its own
measure, over-long pieces left whole, no preferred breaks).

Regenerate only when the breaks are meant to change: ``python tests/test_thai_lines_identity.py``
(needs pythainlp, a test dependency).
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

from itacheck.thaitext.cells import cell_width
from itacheck.thaitext.lines import fill
from itacheck.thaitext.segment import words

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib

GOLDEN = Path(__file__).parent / "data" / "thai-lines.json.gz"


def _pdf_measure(text: str) -> float:
    """A measure unlike the terminal's, as the PDF's is: Thai letters narrower than Latin ones."""
    return sum(0.6 if "\u0e00" <= ch <= "\u0e7f" else 1.0 for ch in text)


def shapes(text: str) -> dict[str, list]:
    """What is compared for one paragraph: lengths, not text, to keep the file small."""
    return {
        "words": [[len(unit) for unit in word] for word in words(text)],
        "37/4": [len(line) for line in fill(text, 37, cell_width, hang=4)],
        "66": [len(line) for line in fill(text, 66, cell_width)],
        "pdf": [len(line) for line in fill(text, 24, _pdf_measure, fold=False, min_fill=0)],
    }


def test_words_and_lines_are_as_before() -> None:
    golden = json.loads(gzip.decompress(GOLDEN.read_bytes()))
    assert len(golden) == 1500
    changed = [case["text"] for case in golden if shapes(case["text"]) != case["shapes"]]
    assert changed == []


def corpus() -> list[str]:
    """The paragraphs (made once, when the file is regenerated)."""
    import pythainlp

    here = Path(__file__).parent
    rng = random.Random(2566)
    report = (here / "data" / "report-2566-half-year-mueangnoi.txt").read_text(encoding="utf-8").splitlines()
    texts = [line for line in report if line.strip()]
    texts += [cell for line in report for cell in line.split("\t") if cell.strip()][:150]
    plan = tomllib.loads((here.parent / "data" / "sample-2566.toml").read_text(encoding="utf-8"))
    texts += [value for value in _strings(plan) if len(value) > 12][:150]
    wording = tomllib.loads((here / "data" / "wording_corpus.toml").read_text(encoding="utf-8"))
    texts += [value for value in _strings(wording) if any("\u0e00" <= ch <= "\u0e7f" for ch in value)][:200]
    corpus_dir = Path(pythainlp.__file__).parent / "corpus"
    titles = (corpus_dir / "wikipedia_titles_th.txt").read_text(encoding="utf-8").splitlines()
    texts += rng.sample([t for t in titles if len(t) > 12 and not t.startswith("#")], 200)
    vocabulary = sorted({w.strip() for w in (corpus_dir / "words_th.txt").read_text(encoding="utf-8").splitlines()
                         if w.strip() and " " not in w})
    between = [" ", " ", " ", "  ", "", "", " ๑ ", " 12 ", "๕ ", " (๕ ", " (", ") ", "[", "] ", " ๓๑ มีนาคม ๒๕๖๖ ",
               " พ.ศ. ๒๕๖๖ ", "มีนาคม ๒๕๖๖", " 31 Mar 2023 ", " ๑ ต.ค. ๖๕ ", ". ", ", ", ": ", "/", " - ", "\t",
               "\t-", " \"", "\" ", " “", "” ", "ๆ ", "\u200b", "\u00a0", " ITA ", " e1 ", "๑.", " ๒๕๖๖ ",
               " http://example.go.th/ita ", "<p>", "</p> "]
    while len(texts) < 1500:
        parts = []
        for _ in range(rng.randint(1, 24)):
            parts.append(rng.choice(vocabulary))
            if rng.random() < 0.6:
                parts.append(rng.choice(between))
        texts.append("".join(parts))
    return [t.replace("\n", " ") for t in texts][:1500]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value.replace("\n", " ")]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


if __name__ == "__main__":
    cases = [{"text": text, "shapes": shapes(text)} for text in corpus()]
    GOLDEN.write_bytes(gzip.compress(json.dumps(cases, ensure_ascii=False).encode(), 9, mtime=0))
    print(f"written {GOLDEN}: {len(cases)} paragraphs")
