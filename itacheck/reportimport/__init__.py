"""Reading last year's measures report (Word .docx, pasted table, or text extracted from its PDF)
into a plan draft the officer reviews before anything is saved.

Agencies write one report a year in a fixed five-column table; this year's plan is mostly last
year's. The readers turn each source into the same `blocks` (paragraphs and table rows), and
`measures` builds the plan from those, noting every guess it makes so the review can show it.
"""

from __future__ import annotations

from itacheck.reportimport.draft import Note, PlanDraft, TaskReading
from itacheck.reportimport.read import read_report, read_report_text

__all__ = ["Note", "PlanDraft", "TaskReading", "read_report", "read_report_text"]
