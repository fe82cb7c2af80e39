"""The Thai PDF report: the sample's half-year report in a fresh process, and a 1,000-page report.

    python bench/pdf.py [--runs N]

* sample: the whole `itacheck report` (the sample plan's half-year round) against WeasyPrint
  rendering the same content (cover lines, intro, the five-column table with the header repeated,
  the outcomes written from the records) from HTML with the same Sarabun fonts, each a fresh
  process; CPU time (user + system), the figure a busy machine disturbs least, and wall time.
  WeasyPrint is a bench-only dependency (`pip install ".[bench]"`; it needs pango from the system).
* 1,000 pages: a plan of 200 measures of long Thai text with records on every occurrence, built
  in a fresh process; its time and peak memory.
"""

from __future__ import annotations

import argparse
import html
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import PYTHON, ROOT, line, ms, p50, run_process, show  # noqa: E402

import datasets  # noqa: E402
from tick import itacheck_command  # noqa: E402

AS_OF = date(2023, 3, 31)
WEASY = """import sys, weasyprint
weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])
"""


def sample_status():
    from itacheck.domain.fiscal import fiscal_round
    from itacheck.domain.status import plan_status
    from itacheck.locations import data_files_dir
    from itacheck.store.planfile import read_plan_file

    plan, records = read_plan_file(data_files_dir() / "sample-2566.toml")
    return plan_status(plan, records, fiscal_round(2566, "half"), AS_OF)


def report_html(status) -> str:
    """The report's content as HTML for WeasyPrint: the same texts, fonts, page size and columns."""
    from itacheck.report import outcomes, wording
    from itacheck.report.fonts import font_path

    def cell(paras) -> str:
        return "".join(f"<p style='margin:0 0 0 {p.indent * 4}mm'>{html.escape(p.text)}</p>" for p in paras)

    plan, rnd, d = status.plan, status.round, "thai"
    head = "".join(f"<th>{html.escape(t)}</th>" for t in wording.COLUMN_TITLES)
    rows = []
    for m in status.measures:
        rows.append("<tr>" + "".join(f"<td>{cell(c)}</td>" for c in (
            wording.issue_paras(m.measure, d), wording.responsible_paras(m.measure, d),
            wording.task_paras(m.measure.steps, d), wording.task_paras(m.measure.reporting, d),
            outcomes.outcome_paras(m, d))) + "</tr>")
    cover = "".join(f"<h1>{html.escape(t)}</h1>" for t in wording.TITLE_LINES)
    return f"""<!doctype html><html lang="th"><head><meta charset="utf-8"><style>
@font-face {{ font-family: Sarabun; src: url("file://{font_path(False)}"); }}
@font-face {{ font-family: Sarabun; font-weight: bold; src: url("file://{font_path(True)}"); }}
@page {{ size: A4 landscape; margin: 15mm 12mm; @bottom-right {{ content: "หน้า " counter(page) "/" counter(pages);
        font-family: Sarabun; font-size: 9pt; }} }}
body {{ font-family: Sarabun; font-size: 10.5pt; line-height: 1.3; }}
h1 {{ font-size: 18pt; text-align: center; margin: 0; }}
table {{ border-collapse: collapse; width: 100%; }} th, td {{ border: 0.3mm solid #000; vertical-align: top;
padding: 1mm; }} thead {{ display: table-header-group; }} tr {{ break-inside: auto; }}
</style></head><body>{cover}<h2 style="text-align:center">{html.escape(wording.fiscal_year_line(rnd, d))}</h2>
<p style="text-align:center">{html.escape(wording.months_line(rnd, d))}</p>
<p style="text-align:center; break-after: page">{html.escape(wording.localise(plan.organisation.name, d))}</p>
<h2 style="text-align:center">{html.escape(wording.intro_heading(plan, d))}</h2>
<p>{html.escape(wording.intro_text(plan, d))}</p>
<table><colgroup><col style="width:18%"><col style="width:10%"><col style="width:22%"><col style="width:21%">
<col style="width:29%"></colgroup><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>
</body></html>"""


def thousand_page_status(measures: int = 200):
    """200 measures (the most a plan may have) of long Thai text, 4 monthly tasks each, each
    occurrence of the round recorded with a note and a link: about 1,000 pages."""
    sys.path.insert(0, str(ROOT / "tests" / "report"))
    from pdfcheck import LONG_ISSUE, LONG_REPORT, LONG_STEP, make_plan

    from itacheck.domain.cadence import Cadence, occurrences_for
    from itacheck.domain.fiscal import fiscal_round
    from itacheck.domain.model import Measure, Record, Task
    from itacheck.domain.status import plan_status

    ms, records = [], []
    for i in range(1, measures + 1):
        tool = ("IIT", "EIT", "OIT")[i % 3]
        tasks = [Task(f"m{i}-s{j}", "step" if j <= 3 else "reporting",
                      f"ขั้นตอนที่ {j} {LONG_STEP if j <= 3 else LONG_REPORT}", Cadence("monthly"))
                 for j in range(1, 5)]
        ms.append(Measure(f"m{i}", tool, 1 + i % 10, f"ตัวชี้วัดที่ {1 + i % 10}", f"ประเด็นที่ {i} {LONG_ISSUE}",
                          ("สำนักปลัด", "กองคลัง"), tuple(tasks), code=f"{tool[0].lower()}{i}"))
        for task in tasks:
            for o in occurrences_for(task.cadence, 2566)[:6]:
                records.append(Record(f"r-{task.id}-{o.key}", task.id, o.key, o.end,
                                      note=f"ดำเนินการตามขั้นตอนและรายงานผู้บริหารแล้ว ({task.id})",
                                      links=(f"https://www.example.go.th/ita/{task.id}/{o.key}.pdf",)))
    return plan_status(make_plan(ms), records, fiscal_round(2566, "half"), AS_OF)


def thousand_pages_child() -> None:
    """Run in a fresh process: build the 1,000-page report; print its wall and CPU seconds, pages
    and peak MB."""
    status = thousand_page_status()
    from itacheck.report import build_report

    t0, c0 = time.perf_counter(), time.process_time()
    data = build_report(status)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    pages = data.count(b"/Type /Page\n") or data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    print(json.dumps({"seconds": seconds, "cpu": cpu, "pages": pages,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def weasyprint_works() -> bool:
    return subprocess.run([PYTHON, "-c", "import weasyprint"], capture_output=True).returncode == 0


def main(runs: int = 5) -> None:
    sample = datasets.build()["sample"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "r.pdf"
        report = [*itacheck_command(), "report", "--data", str(sample), "--year", "2566", "--round", "half",
                  "--as-of", AS_OF.isoformat(), "-o", str(out)]
        wall, cpu = run_process(report, runs)
        if weasyprint_works():
            page = Path(tmp) / "r.html"
            page.write_text(report_html(sample_status()), encoding="utf-8")
            b_wall, b_cpu = run_process([PYTHON, "-c", WEASY, str(page), str(Path(tmp) / "w.pdf")], runs)
            show(line("sample half-year PDF, fresh process: CPU", ms(p50(cpu)), ms(p50(b_cpu)) + " WeasyPrint",
                      p50(cpu) / p50(b_cpu), "<= 0.33x", p50(cpu) <= 0.33 * p50(b_cpu)))
            show(line("sample half-year PDF, fresh process: wall", ms(p50(wall)), ms(p50(b_wall)) + " WeasyPrint",
                      p50(wall) / p50(b_wall)))
        else:
            show(line("sample half-year PDF, fresh process: CPU", ms(p50(cpu)), "WeasyPrint not installed"))
    child = subprocess.run([PYTHON, __file__, "--thousand-pages-child"], capture_output=True, text=True, cwd=ROOT)
    if child.returncode:
        raise RuntimeError(child.stderr[-2000:])
    big = json.loads(child.stdout.strip().splitlines()[-1])
    show(line(f"report of {big['pages']:,} pages", ms(big["seconds"]), target="< 5 s", met=big["seconds"] < 5))
    show(line(f"report of {big['pages']:,} pages: CPU", ms(big["cpu"])))  # what a busy machine disturbs least
    show(line(f"report of {big['pages']:,} pages: peak RSS", f"{big['peak_mb']:.0f} MB", target="< 150 MB",
              met=big["peak_mb"] < 150))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--thousand-pages-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.thousand_pages_child:
        thousand_pages_child()
    else:
        main(args.runs)
