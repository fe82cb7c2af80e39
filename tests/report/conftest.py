"""Fixtures for the report tests: the sample plan's statuses and the PDFs built from them.

PDFs are built once per test session (a build takes well under a second, but many tests read
the same one)."""

from __future__ import annotations

import pytest
from pdfcheck import FULL_YEAR_AS_OF, Built, mixed_status, sample_status

from itacheck.domain.status import PlanStatus
from itacheck.report import build_report


def _build(tmp_path_factory: pytest.TempPathFactory, status: PlanStatus, digits: str, name: str) -> Built:
    data = build_report(status, digits=digits)
    path = tmp_path_factory.mktemp("report") / name
    path.write_bytes(data)
    return Built(data, path)


@pytest.fixture(scope="session")
def half_status() -> PlanStatus:
    return sample_status()


@pytest.fixture(scope="session")
def half_year(tmp_path_factory: pytest.TempPathFactory, half_status: PlanStatus) -> Built:
    return _build(tmp_path_factory, half_status, "thai", "half.pdf")


@pytest.fixture(scope="session")
def half_year_arabic(tmp_path_factory: pytest.TempPathFactory, half_status: PlanStatus) -> Built:
    return _build(tmp_path_factory, half_status, "arabic", "half-arabic.pdf")


@pytest.fixture(scope="session")
def full_year(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _build(tmp_path_factory, sample_status("full", FULL_YEAR_AS_OF), "thai", "full.pdf")


@pytest.fixture(scope="session")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[PlanStatus, Built]:
    """A plan whose indicators all have different counts (see `pdfcheck.mixed_plan`), and its report."""
    status = mixed_status()
    return status, _build(tmp_path_factory, status, "thai", "mixed.pdf")
