"""Evidence links checked over HTTP, against a server on 127.0.0.1 only: 200, 404, redirects,
a server too slow to answer, a refused connection, a TLS certificate nobody vouches for; results
kept for a day in the officer's own cache; `itacheck check-links` and its exit code."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from linkserver import link_server, refused_url, self_signed

from itacheck.cli import main
from itacheck.domain.links import LinkResult
from itacheck.domain.model import Record
from itacheck.linkcheck import check_evidence, check_links
from itacheck.store import linkcache
from itacheck.store.repository import Repository


@pytest.fixture
def server():
    with link_server() as s:
        yield s


def test_each_kind_of_answer(server):
    """Repro: a dead evidence link was found by the assessor. Each answer comes back as what it
    is, with the redirects followed and named, and a slow server does not hold the check up."""
    urls = {name: server.url(path) for name, path in (
        ("ok", "/ok"), ("missing", "/missing"), ("gone", "/gone"), ("moved", "/moved"),
        ("twice", "/moved-twice"), ("nohead", "/nohead"), ("slow", "/slow"), ("loop", "/loop"),
        ("thai", "/เอกสาร.pdf"))}
    urls["refused"] = refused_url()
    results = check_links(urls.values(), timeout=2)  # the slow server never answers within the check
    r = {name: results[url] for name, url in urls.items()}
    assert (r["ok"].kind, r["ok"].status, r["ok"].redirects) == ("ok", 200, ())
    assert (r["missing"].kind, r["missing"].status, r["missing"].detail) == ("dead", 404, "Not Found")
    assert (r["gone"].kind, r["gone"].status) == ("dead", 410)
    assert (r["moved"].kind, r["moved"].status, r["moved"].final_url) == ("moved", 200, server.url("/ok"))
    assert r["moved"].redirects == ((301, "/ok"),)
    assert r["twice"].redirects == ((302, "/moved"), (301, "/ok"))
    assert (r["nohead"].kind, r["nohead"].status) == ("ok", 200)  # HEAD refused, GET answered
    assert server.requests[("GET", "/nohead")] == 1 and server.requests[("GET", "/ok")] == 0  # HEAD was enough
    assert (r["slow"].kind, r["slow"].detail) == ("unreachable", "timed out after 2 s")
    assert (r["loop"].kind, r["loop"].detail) == ("unreachable", "more than 10 redirects")
    assert (r["refused"].kind, r["refused"].detail) == ("unreachable", "connection refused")
    assert r["thai"].kind == "ok"


def test_tls_errors_are_reported(tmp_path):
    certificate = self_signed(tmp_path)
    if certificate is None:
        pytest.skip("openssl is not installed, so no certificate can be made")
    with link_server(certificate) as tls:
        result = check_links([tls.url("/ok")], timeout=2)[tls.url("/ok")]
    assert result.kind == "unreachable"
    assert result.detail.startswith("TLS certificate not accepted: ") and "self-signed" in result.detail


def test_concurrency_is_bounded_overall_and_per_server():
    """Never more than `concurrency` links at once, nor more than PER_HOST on one server (often the
    agency's own small web site), counted by the server itself."""
    from itacheck.linkcheck import PER_HOST

    with link_server() as server:
        results = check_links([server.url(f"/hold?{i}") for i in range(6)], timeout=5, concurrency=2)
        assert {r.kind for r in results.values()} == {"ok"}
        assert server.requests[("HEAD", "/hold")] == 6 and server.most_in_flight <= 2
    with link_server() as server:
        check_links([server.url(f"/hold?{i}") for i in range(10)], timeout=5, concurrency=8)
        assert server.most_in_flight <= PER_HOST == 4


def test_a_link_waiting_its_turn_does_not_spend_its_time_out(server):
    """Six links answered in 0.2 s each, one at a time, with a 1 s time-out: each is timed
    from its own start, so none is called unreachable for having waited behind the others."""
    results = check_links([server.url(f"/hold?{i}") for i in range(6)], timeout=1, concurrency=1)
    assert [r.kind for r in results.values()] == ["ok"] * 6


def _record(task: str, occurrence: str, *links: str) -> Record:
    return Record(f"r-{task}-{occurrence}", task, occurrence, date(2022, 11, 1), links=links)


def test_results_are_kept_for_a_day_in_the_officers_own_cache(server):
    records = [_record("e6-r1", "2566-Q1", server.url("/ok"), server.url("/missing")),
               _record("e6-r2", "2566-M01", server.url("/ok"))]
    first = check_evidence(records, timeout=1)
    assert first.cached == 0 and [l.url for l in first.links] == [server.url("/ok"), server.url("/missing")]
    assert first.links[0].places == (("e6-r1", "2566-Q1"), ("e6-r2", "2566-M01"))
    second = check_evidence(records, timeout=1)
    assert second.cached == 2 and second.results == first.results
    assert server.requests[("HEAD", "/ok")] == 1  # not asked again within the day
    third = check_evidence(records, timeout=1, recheck=True)
    assert third.cached == 0 and server.requests[("HEAD", "/ok")] == 2
    path = linkcache.cache_path()
    assert path.parent == Path(os.environ["XDG_CACHE_HOME"]) / "itacheck"  # not the shared data directory
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_result_a_day_old_is_asked_again_and_a_damaged_cache_ignored(server):
    url = server.url("/ok")
    yesterday = datetime.now(timezone.utc) - timedelta(days=1, minutes=1)
    linkcache.remember([LinkResult(url, "dead", 404)], now=yesterday)
    assert linkcache.fresh_results([url], now=yesterday + timedelta(hours=23))[url].kind == "dead"
    assert check_evidence([_record("e6-r1", "2566-Q1", url)], timeout=1).results[url].kind == "ok"
    linkcache.cache_path().write_text("{not json")
    assert linkcache.fresh_results([url]) == {}
    linkcache.remember([LinkResult(url, "ok", 200)])
    assert json.loads(linkcache.cache_path().read_text())["links"][url]["kind"] == "ok"


# --- the command -----------------------------------------------------------------------------------

def test_check_links_lists_what_is_wrong_with_where_it_is_cited(data, server, capsys):
    repo = Repository(data, user="tester")
    repo.add_record(2566, "e6-r1", "2566-Q1", date(2022, 12, 20), links=[server.url("/ok"), server.url("/missing")])
    repo.add_record(2566, "e7-s1", "2566-M01", date(2022, 10, 20), links=[server.url("/moved")])
    assert main(["check-links", "--year", "2566", "--timeout", "2"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "ลิงก์หลักฐานปีงบประมาณ ๒๕๖๖: ตรวจ ๓ ลิงก์ ใช้ได้ ๑ ย้ายที่ ๑ เสีย ๑ เข้าไม่ได้ ๐"
    assert f"✗ เสีย (404 Not Found) {server.url('/missing')} · e6-r1 ไตรมาส ๑" in out
    assert f"↪ ย้ายที่ (301) {server.url('/moved')} → {server.url('/ok')} · e7-s1 ต.ค. ๖๕" in out
    assert len(out) == 3  # the good link is not listed
    assert main(["check-links", "--lang", "en"]) == 1  # from the cache, in English
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Evidence links of fiscal year 2566: 3 checked, 1 ok, 1 moved, 1 dead, 0 unreachable")
    assert "(3 from today's earlier check; --recheck asks again)" in out[0]


def test_moved_links_alone_exit_0_and_no_links_says_so(data, server, capsys):
    assert main(["check-links"]) == 0
    assert "no evidence links in fiscal year 2566" in capsys.readouterr().out
    Repository(data, user="tester").add_record(2566, "e7-s1", "2566-M01", date(2022, 10, 20),
                                               links=[server.url("/moved")])
    assert main(["check-links"]) == 0


def test_unreachable_links_say_why_and_bad_time_outs_are_refused(data, capsys):
    Repository(data, user="tester").add_record(2566, "e6-r1", "2566-Q1", date(2022, 12, 20), links=[refused_url()])
    assert main(["check-links", "--timeout", "1"]) == 1
    assert "? เข้าไม่ได้ (connection refused)" in capsys.readouterr().out
    assert main(["check-links", "--timeout", "0"]) == 2
    assert "the time-out must be more than 0 and at most 300 seconds" in capsys.readouterr().err
