"""The one place where plans and records become plain dicts and back.

The same shape serves the TinyDB year files (JSON, dates as ISO strings) and the human-edited
TOML plan files (native dates): ``from_*`` accepts both, ``to_*`` writes ISO strings.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from itacheck.domain.cadence import Cadence
from itacheck.domain.model import Attachment, InvalidId, Measure, Organisation, Plan, Record, Signatory, Task


class FormatError(ValueError):
    """A plan or record document is missing something or has a wrong value; the message says where."""


def _date(value: Any, where: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise FormatError(f"{where}: expected a date such as 2022-10-31, got {value!r}")


def _str(doc: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    value = doc.get(key, default)
    if value is None:
        raise FormatError(f"{where}: '{key}' is missing")
    if not isinstance(value, str):
        raise FormatError(f"{where}: '{key}' must be text, got {value!r}")
    return value


def _strs(doc: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = doc.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FormatError(f"{where}: '{key}' must be a list of texts")
    return tuple(value)


def _table(doc: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = doc.get(key, {})
    if not isinstance(value, dict):
        raise FormatError(f"{where}: '{key}' must be a table")
    return value


def cadence_to_dict(c: Cadence) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": c.kind}
    if c.due is not None:
        out["due"] = c.due.isoformat()
    if c.due_months:
        out["due_months"] = list(c.due_months)
    if c.rule:
        out["rule"] = c.rule
    return out


def cadence_from_dict(doc: Any, where: str) -> Cadence:
    if isinstance(doc, str):
        doc = {"kind": doc}
    if not isinstance(doc, dict):
        raise FormatError(f"{where}: cadence must be a table such as {{ kind = \"quarterly\" }}")
    months = doc.get("due_months", [])
    if not isinstance(months, list) or not all(isinstance(m, int) for m in months):
        raise FormatError(f"{where}: due_months must be a list of month numbers")
    try:
        return Cadence(
            kind=_str(doc, "kind", where),
            due=_date(doc["due"], where) if "due" in doc else None,
            due_months=tuple(months),
            rule=_str(doc, "rule", where, ""),
        )
    except FormatError:
        raise
    except ValueError as exc:
        raise FormatError(f"{where}: {exc}") from None


def task_to_dict(t: Task) -> dict[str, Any]:
    out: dict[str, Any] = {"id": t.id, "role": t.role, "text": t.text, "cadence": cadence_to_dict(t.cadence)}
    if t.responsible:
        out["responsible"] = t.responsible
    return out


def _suggested(text: str, where: str) -> Cadence:
    """A plan file may leave a task's cadence out when its Thai wording says it ("ทุกไตรมาส")."""
    from itacheck.domain.cadence_wording import parse_cadence  # loaded only by plan files that need it

    cadence = parse_cadence(text)
    if cadence is None:
        raise FormatError(f"{where}: no cadence given and the wording names none; add e.g. "
                          'cadence = "quarterly" or cadence = { kind = "once", due = 2023-03-31 }')
    return cadence


def task_from_dict(doc: Any, where: str) -> Task:
    if not isinstance(doc, dict):
        raise FormatError(f"{where}: a task must be a table")
    where = f"{where} task {doc.get('id', '?')!r}"
    text = _str(doc, "text", where)
    try:
        return Task(id=_str(doc, "id", where), role=_str(doc, "role", where, "step"), text=text,
                    cadence=cadence_from_dict(doc["cadence"], where) if "cadence" in doc else _suggested(text, where),
                    responsible=_str(doc, "responsible", where, ""))
    except (FormatError, InvalidId):  # an id error names the id: a file reader finds its line
        raise
    except ValueError as exc:
        raise FormatError(f"{where}: {exc}") from None


def measure_to_dict(m: Measure) -> dict[str, Any]:
    return {"id": m.id, "tool": m.tool, "indicator": m.indicator, "indicator_name": m.indicator_name,
            "code": m.code, "label": m.label, "issue": m.issue, "responsible": list(m.responsible),
            "tasks": [task_to_dict(t) for t in m.tasks]}


def measure_from_dict(doc: Any, where: str) -> Measure:
    if not isinstance(doc, dict):
        raise FormatError(f"{where}: a measure must be a table")
    where = f"measure {doc.get('id', '?')!r}"
    indicator = doc.get("indicator")
    if not isinstance(indicator, int) or isinstance(indicator, bool):
        raise FormatError(f"{where}: 'indicator' must be a number 1–10")
    tasks = doc.get("tasks", [])
    if not isinstance(tasks, list):
        raise FormatError(f"{where}: 'tasks' must be a list")
    try:
        return Measure(id=_str(doc, "id", where), tool=_str(doc, "tool", where).upper(), indicator=indicator,
                       indicator_name=_str(doc, "indicator_name", where, ""), issue=_str(doc, "issue", where),
                       responsible=_strs(doc, "responsible", where),
                       tasks=tuple(task_from_dict(t, where) for t in tasks), code=_str(doc, "code", where, ""),
                       label=_str(doc, "label", where, ""))
    except (FormatError, InvalidId):
        raise
    except ValueError as exc:
        raise FormatError(f"{where}: {exc}") from None


def plan_to_dict(p: Plan) -> dict[str, Any]:
    return {
        "year": p.year,
        "organisation": {"name": p.organisation.name, "district": p.organisation.district,
                         "province": p.organisation.province},
        "intro": p.intro,
        "reporter": {"name": p.reporter.name, "position": p.reporter.position},
        "approver": {"name": p.approver.name, "position": p.approver.position},
        "measures": [measure_to_dict(m) for m in p.measures],
    }


def _signatory(doc: dict[str, Any], key: str) -> Signatory:
    table = _table(doc, key, "plan")
    return Signatory(_str(table, "name", key, ""), _str(table, "position", key, ""))


def plan_from_dict(doc: Any) -> Plan:
    if not isinstance(doc, dict):
        raise FormatError("plan: expected a table")
    year = doc.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 2400 < year < 2700:
        raise FormatError(f"plan: 'year' must be a Buddhist-Era fiscal year such as 2566, got {year!r}")
    org = _table(doc, "organisation", "plan")
    measures = doc.get("measures", [])
    if not isinstance(measures, list):
        raise FormatError("plan: 'measures' must be a list")
    try:
        return Plan(year=year,
                    organisation=Organisation(_str(org, "name", "organisation"), _str(org, "district", "organisation", ""),
                                              _str(org, "province", "organisation", "")),
                    intro=_str(doc, "intro", "plan", ""), reporter=_signatory(doc, "reporter"),
                    approver=_signatory(doc, "approver"),
                    measures=tuple(measure_from_dict(m, "plan") for m in measures))
    except (FormatError, InvalidId):
        raise
    except ValueError as exc:
        raise FormatError(f"plan: {exc}") from None


def record_to_dict(r: Record) -> dict[str, Any]:
    out: dict[str, Any] = {"id": r.id, "task": r.task_id, "occurrence": r.occurrence, "done_on": r.done_on.isoformat(),
                           "note": r.note, "links": list(r.links),
                           "attachments": [{"sha256": a.sha256, "name": a.name, "size": a.size} for a in r.attachments],
                           "recorded_by": r.recorded_by}
    if r.recorded_at is not None:
        out["recorded_at"] = r.recorded_at.isoformat(timespec="seconds")
    if r.skipped:
        out["skipped"] = True
    return out


def record_from_dict(doc: Any, default_id: str = "") -> Record:
    """The record of a document, or FormatError saying what is wrong. A year holds thousands of
    records and every read decodes them all, so a well-formed document takes the short way (the
    message naming the field is made only for a document that needs it)."""
    if not isinstance(doc, dict):
        raise FormatError("record: expected a table")
    get = doc.get
    rid, task, occurrence, note, by = get("id", default_id), get("task"), get("occurrence"), get("note", ""), \
        get("recorded_by", "")
    links, done_on, at = get("links", []), get("done_on"), get("recorded_at")
    if (type(rid) is str and type(task) is str and type(occurrence) is str and type(note) is str and type(by) is str
            and type(done_on) is str and type(at) is str and get("attachments", []) == []
            and type(links) is list and (not links or all(type(v) is str for v in links))):
        try:  # the fields in `Record`'s order: keywords cost a big year a tenth of its read
            return Record(rid, task, occurrence, date.fromisoformat(done_on), note, tuple(links), (), by,
                          datetime.fromisoformat(at), bool(get("skipped", False)))
        except ValueError:
            pass  # the way below says which field is wrong
    return _record_from_dict(doc, default_id)


def _record_from_dict(doc: dict[str, Any], default_id: str) -> Record:
    where = f"record for task {doc.get('task', '?')!r}"
    attachments = doc.get("attachments", [])
    if not isinstance(attachments, list) or not all(isinstance(a, dict) for a in attachments):
        raise FormatError(f"{where}: 'attachments' must be a list of tables")
    at = doc.get("recorded_at")
    if isinstance(at, str):
        try:
            at = datetime.fromisoformat(at)
        except ValueError:
            raise FormatError(f"{where}: 'recorded_at' is not a timestamp: {at!r}") from None
    elif not isinstance(at, datetime):
        at = None
    return Record(
        id=_str(doc, "id", where, default_id),
        task_id=_str(doc, "task", where),
        occurrence=_str(doc, "occurrence", where),
        done_on=_date(doc.get("done_on"), where),
        note=_str(doc, "note", where, ""),
        links=_strs(doc, "links", where),
        attachments=tuple(Attachment(_str(a, "sha256", where), _str(a, "name", where), int(a.get("size", 0)))
                          for a in attachments),
        recorded_by=_str(doc, "recorded_by", where, ""),
        recorded_at=at,
        skipped=bool(doc.get("skipped", False)),
    )
