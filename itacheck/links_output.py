"""`itacheck check-links` output: a summary line, then one line per link that is not simply fine,
with the records citing it, so the officer can find and correct each."""

from __future__ import annotations

from itacheck import thai
from itacheck.domain.links import KINDS, EvidenceLink, LinkResult
from itacheck.domain.model import Plan
from itacheck.labels import link_label, occurrence_label


def summary_line(year: int, results: list[LinkResult], cached: int, lang: str = "th") -> str:
    counts = {kind: sum(r.kind == kind for r in results) for kind in KINDS}
    if lang == "en":
        line = (f"Evidence links of fiscal year {year}: {len(results)} checked, "
                + ", ".join(f"{counts[k]} {link_label(k, 'en')[2:]}" for k in KINDS))
        return line + (f" ({cached} from today's earlier check; --recheck asks again)" if cached else "")
    n = lambda v: thai.to_thai_digits(str(v))  # noqa: E731
    line = (f"ลิงก์หลักฐานปีงบประมาณ {n(year)}: ตรวจ {n(len(results))} ลิงก์ "
            + " ".join(f"{link_label(k)[2:]} {n(counts[k])}" for k in KINDS))
    return line + (f" (ผลจากการตรวจเมื่อไม่ถึงวัน {n(cached)} ลิงก์ --recheck ตรวจใหม่)" if cached else "")


def result_line(result: LinkResult, link: EvidenceLink, plan: Plan, lang: str = "th") -> str:
    """``✗ เสีย (404 Not Found) https://… · e6-r1 ไตรมาส ๒``; a moved link names its new address."""
    if result.kind == "unreachable":
        why = result.detail
    else:
        why = f"{result.status} {result.detail}".strip() if result.kind == "dead" else str(result.redirects[0][0])
    target = f"{result.url} → {result.final_url}" if result.kind == "moved" else result.url
    return f"{link_label(result.kind, lang)} ({why}) {target} · {places(link, plan, lang)}"


def not_web_line(link: EvidenceLink, plan: Plan, lang: str = "th") -> str:
    what = "not an http(s) link, not checked" if lang == "en" else "ไม่ใช่ลิงก์เว็บ จึงไม่ได้ตรวจ"
    return f"! {what}: {link.url} · {places(link, plan, lang)}"


def places(link: EvidenceLink, plan: Plan, lang: str = "th") -> str:
    """The first record citing the link (task and period), and how many more do."""
    task_id, key = link.places[0]
    try:
        where = f"{task_id} {occurrence_label(plan.occurrence(task_id, key), lang)}"
    except ValueError:  # a record pointing at a period the plan no longer has
        where = f"{task_id} {key}"
    more = len(link.places) - 1
    if more:
        where += f" (+{more})" if lang == "en" else f" (+{thai.to_thai_digits(str(more))})"
    return where
