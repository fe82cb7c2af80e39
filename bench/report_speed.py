"""How fast the Thai PDF report is built, against a naive fpdf2 baseline, and the segmenters compared.

    python bench/report_speed.py [--repeat N]

Prints figures only; nothing here is asserted (timings belong in a benchmark, not in tests).

* Segmenters: the time a fresh process takes to import each one and segment its first sentence,
  then the time to segment all the sample report's text, for pythainlp (newmm), nlpo3 (newmm in
  Rust, fed pythainlp's dictionary), thaibreak, and what the report uses: thaibreak plus the
  compound-word list (``itacheck.thaitext.segment.words``).
* The report: the sample plan's half-year report in a fresh process (imports included), then
  warm in this process (median of N), then a 60-measure plan of long Thai text.
* The baseline, in this same run: the same table content drawn the way fpdf2's documentation
  suggests, ``pdf.table()`` with text shaping and ZWSPs from the segmenter as break hints.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "report"))

SAMPLE = ROOT / "data" / "sample-2566.toml"

SEGMENTERS = {
    "pythainlp newmm": (
        "from pythainlp.tokenize import word_tokenize as w; seg = lambda s: w(s, engine='newmm')"),
    "nlpo3 (pythainlp dict)": (
        "import nlpo3, pythainlp, pathlib; "
        "nlpo3.load_dict(str(pathlib.Path(pythainlp.__file__).parent / 'corpus' / 'words_th.txt'), 'th'); "
        "seg = lambda s: nlpo3.segment(s, 'th')"),
    "thaibreak": "import thaibreak; seg = lambda s: thaibreak.lines(s).split('\\u200b')",
    "report: thaibreak + compounds": (
        "from itacheck.thaitext import segment as m\n"
        "def seg(s):\n"
        "    m.words.cache_clear(); m.break_units.cache_clear()\n"
        "    return m.words(s)"),
}


def sample_status(round_name: str = "half"):
    from itacheck.domain.fiscal import fiscal_round
    from itacheck.domain.status import plan_status
    from itacheck.store.planfile import read_plan_file

    plan, records = read_plan_file(SAMPLE)
    return plan_status(plan, records, fiscal_round(plan.year, round_name), date(2023, 3, 31))


def sample_texts() -> list[str]:
    status = sample_status()
    texts = [status.plan.intro]
    for m in status.plan.measures:
        texts += [m.issue, *m.responsible, *(t.text for t in m.tasks)]
    return [p for t in texts for p in t.split("\n") if p]


def bench_segmenters() -> None:
    print("Thai segmenters (fresh process: import + first call; then all sample text, warm)")
    texts = sample_texts()
    chars = sum(len(t) for t in texts)
    for name, setup in SEGMENTERS.items():
        code = (
            "import time, json, sys\n"
            "t0 = time.perf_counter()\n"
            f"{setup}\n"
            "texts = json.loads(sys.stdin.read())\n"
            "seg(texts[0]); t1 = time.perf_counter()\n"
            "for _ in range(20):\n"
            "    [seg(t) for t in texts]\n"
            "t2 = time.perf_counter()\n"
            "print(f'{(t1 - t0) * 1000:.0f} {(t2 - t1) / 20 * 1000:.2f}')\n")
        import json

        run = subprocess.run([sys.executable, "-c", code], input=json.dumps(texts), capture_output=True,
                             text=True, cwd=ROOT)
        if run.returncode:
            print(f"  {name:31} not available ({run.stderr.strip().splitlines()[-1]})")
            continue
        load, per_pass = run.stdout.split()
        print(f"  {name:31} load {load:>4} ms   {chars} chars: {per_pass:>5} ms")


def bench_cold() -> float:
    code = (
        "import time; t0 = time.perf_counter()\n"
        "import sys; sys.path.insert(0, 'bench'); from report_speed import sample_status\n"
        "status = sample_status(); t1 = time.perf_counter()\n"
        "from itacheck.report import build_report; build_report(status); t2 = time.perf_counter()\n"
        "print(f'{t2 - t1:.3f} {t1 - t0:.3f}')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    report, before = (float(x) for x in out.stdout.split())
    print(f"  fresh process: {report * 1000:.0f} ms for import itacheck.report + first build "
          f"(loading the plan before it: {before * 1000:.0f} ms)")
    return report


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def naive_fpdf2(status) -> bytes:
    """The sample's table drawn with fpdf2's own table/multi_cell, ZWSPs as break hints."""
    import thaibreak
    from fpdf import FPDF

    from itacheck.report import outcomes, wording
    from itacheck.report.fonts import font_path

    def cell(paras) -> str:
        return "\n".join(thaibreak.lines(p.text) for p in paras)

    pdf = FPDF(orientation="L", format="A4")
    pdf.add_font("Sarabun", "", font_path(False))
    pdf.add_font("Sarabun", "B", font_path(True))
    pdf.set_text_shaping(True)
    pdf.set_font("Sarabun", size=10.5)
    pdf.add_page()
    with pdf.table(col_widths=(50, 27, 61, 57, 72), text_align="LEFT", line_height=5.2,
                   repeat_headings=1) as table:
        table.row(wording.COLUMN_TITLES)
        for m in status.measures:
            table.row([cell(wording.issue_paras(m.measure, "thai")), cell(wording.responsible_paras(m.measure, "thai")),
                       cell(wording.task_paras(m.measure.steps, "thai")),
                       cell(wording.task_paras(m.measure.reporting, "thai")),
                       cell(outcomes.outcome_paras(m, "thai"))])
    return bytes(pdf.output())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    import platform

    print(f"Python {platform.python_version()} on {platform.machine()}, {args.repeat} runs each (median)\n")
    bench_segmenters()
    print("\nThe sample plan's half-year report (6 pages)")
    bench_cold()
    from itacheck.report import build_report

    status = sample_status()
    build_report(status)
    warm, data = timed(lambda: build_report(status), args.repeat)
    print(f"  warm, this process: {warm * 1000:.0f} ms ({len(data):,} bytes)")
    naive_fpdf2(status)
    base, _ = timed(lambda: naive_fpdf2(status), max(3, args.repeat // 2))
    print(f"  baseline, fpdf2 table()/multi_cell with shaping and ZWSP hints, table only: {base * 1000:.0f} ms "
          f"({base / warm:.0f}x slower)")

    from pdfcheck import stress_plan

    from itacheck.domain.fiscal import fiscal_round
    from itacheck.domain.status import plan_status

    plan, records = stress_plan(60)
    big = plan_status(plan, records, fiscal_round(2566, "half"), date(2023, 3, 31))
    build_report(big)
    stress, data = timed(lambda: build_report(big), max(3, args.repeat // 2))
    import io

    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(data)).pages)
    print(f"\n60 measures of long Thai text: {stress * 1000:.0f} ms for {pages} pages")
    try:
        base, _ = timed(lambda: naive_fpdf2(big), 1)
        print(f"  baseline fpdf2 table(): {base * 1000:.0f} ms")
    except ValueError as exc:  # fpdf2's table cannot split a row over two pages
        print(f"  baseline fpdf2 table(): fails ({exc})")


if __name__ == "__main__":
    main()
