"""How big a plan and a year of evidence may grow.

Each limit is far above any real agency (a big one has about 100 measures of up to 10 tasks and
12,000 records a year) and low enough that a plan or year at the limit still opens, ticks and
prints in seconds: without them a plan of 100,000 measures was accepted, after which `status` took
8 seconds and the report 54. A refusal names the limit, so the officer knows what to change.
"""

from __future__ import annotations

#: How many days ahead an open period counts as due soon, unless the officer asks otherwise (a
#: constant here, not in `status`, so the command line's parser does not load the statuses).
DEFAULT_SOON_DAYS = 14

MAX_MEASURES = 200
MAX_TASKS_PER_MEASURE = 20
MAX_RECORDS_PER_YEAR = 50_000
MAX_LINKS_PER_RECORD = 20
MAX_ATTACHMENTS_PER_RECORD = 20


def check_count(count: int, limit: int, th: str, en: str) -> None:
    """ValueError when ``count`` things exceed ``limit``; ``th``/``en`` say what is counted where,
    e.g. ("มาตรการในแผน", "measures in a plan")."""
    if count > limit:
        raise ValueError(f"{th}มีได้ไม่เกิน {limit:,} รายการ แต่มี {count:,} "
                         f"(at most {limit:,} {en} are allowed; this has {count:,})")
