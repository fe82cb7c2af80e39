"""The ITA catalogue: corrected names, per-year sources and verification marks, and an agency's
corrected catalogue in its data directory that overrides the bundled one for its years."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from itacheck.cli import main
from itacheck.locations import data_files_dir
from itacheck.store.catalogue_file import (
    AGENCY_CATALOGUE,
    CatalogueError,
    agency_catalogues,
    bundled_catalogues,
    catalogue_for,
    parse_catalogues,
)

BUNDLED = data_files_dir() / "catalogue.toml"

CORRECTED_2568 = """\
format = 1

[[years]]
year = 2568
verified = true
sources = ["https://itas.nacc.go.th/"]
note = "แก้ตามรายการใน ITAS ของหน่วยงาน (corrected from the agency's ITAS list)"

[[years.tools]]
code = "IIT"
name = "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน"

[[years.tools]]
code = "EIT"
name = "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก"

[[years.tools]]
code = "OIT"
name = "แบบตรวจการเปิดเผยข้อมูลสาธารณะ"

[[years.indicators]]
number = 7
tool = "EIT"
name = "ประสิทธิภาพการสื่อสาร"

[[years.indicators]]
number = 10
tool = "OIT"
name = "การป้องกันการทุจริต"

[[years.items]]
code = "O25"
indicator = 10
text = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
verified = true
sources = ["https://itas.nacc.go.th/"]
"""


def test_indicator_8_is_named_การปรับปรุงระบบการทำงาน_in_every_year():
    """Repro: the catalogue called indicator 8 "การปรับปรุงการทำงาน"; the NACC's name (ITA 2567
    pages list "ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน") has "ระบบ" in it."""
    for catalogue in bundled_catalogues().values():
        eight = catalogue.indicator(8)
        assert eight is not None and (eight.tool, eight.name) == ("EIT", "การปรับปรุงระบบการทำงาน")


def test_the_tools_carry_their_official_names():
    """Repro: the OIT was called "แบบวัดการเปิดเผยข้อมูลสาธารณะ"; the NACC names it
    "แบบตรวจการเปิดเผยข้อมูลสาธารณะ" (the surveys IIT/EIT are the แบบวัด ones)."""
    for catalogue in bundled_catalogues().values():
        assert {t.code: t.name for t in catalogue.tools} == {
            "IIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน",
            "EIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก",
            "OIT": "แบบตรวจการเปิดเผยข้อมูลสาธารณะ",
        }


def test_the_file_does_not_date_the_ten_indicator_model_from_2561():
    """Repro: the header said the ten indicators were used "in fiscal years 2561–2566"; ITA 2561
    still used five indices (ดัชนี), the ten indicators came with ITA 2562."""
    text = BUNDLED.read_text(encoding="utf-8")
    assert "2561–2566" not in text and "2561-2566" not in text
    assert "ITA 2561 still used five indices" in text


def test_every_year_names_its_sources_and_every_verified_entry_has_one():
    """Each year's list says where it comes from (at least one web address), and nothing is
    marked verified without a source of its own or of its year."""
    for year, catalogue in bundled_catalogues().items():
        assert any(s.startswith(("https://", "http://")) for s in catalogue.sources), year
        assert catalogue.note, year
        for item in catalogue.items:
            if item.verified:
                assert item.sources, (year, item.code)


def test_the_codes_of_2566_to_2568_are_the_researched_ones_and_unverified_ones_stay_marked():
    """2566: the reference report's e6, e7, e9, e10 under indicator 7 (verified from it) and
    O42/O43 (the 2566 list's order up to O41 was seen, the two lines themselves were not).
    2567: the same codes carried over, none confirmed for that year. 2568: the OIT list was
    renumbered (its O1 now holds structure and authority), the measures items' new codes were not
    found, so no OIT code is offered; the EIT codes are carried over, unverified."""
    c = bundled_catalogues()
    codes = {year: {i.code: (i.indicator, i.verified) for i in cat.items} for year, cat in c.items()}
    assert codes[2566] == {"e6": (7, True), "e7": (7, True), "e9": (7, True), "e10": (7, True),
                           "O42": (10, False), "O43": (10, False)}
    assert codes[2567] == {"e6": (7, False), "e7": (7, False), "e9": (7, False), "e10": (7, False),
                           "O42": (10, False), "O43": (10, False)}
    assert codes[2568] == {"e6": (7, False), "e7": (7, False), "e9": (7, False), "e10": (7, False)}
    assert c[2566].verified and c[2567].verified and not c[2568].verified
    assert "O25" in c[2568].note and "O42" in c[2568].note
    assert c[2566].item("O42").text == "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    assert c[2566].item("o43").text == "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    assert all(cat.origin == "bundled" for cat in c.values())


def test_entries_without_a_verified_mark_are_unverified_and_verified_needs_a_source():
    year_unmarked = CORRECTED_2568.replace('verified = true\nsources = ["https://itas.nacc.go.th/"]\n', "", 1)
    parsed = parse_catalogues(year_unmarked, "test")
    assert not parsed[2568].verified and parsed[2568].sources == ()
    assert parsed[2568].item("O25").verified
    item_unmarked = CORRECTED_2568.rsplit("verified = true", 1)[0] + 'sources = ["https://itas.nacc.go.th/"]\n'
    assert not parse_catalogues(item_unmarked, "test")[2568].item("O25").verified
    with pytest.raises(ValueError, match="verified.*source"):
        parse_catalogues(CORRECTED_2568.replace('sources = ["https://itas.nacc.go.th/"]\n', "", 1), "test")


def test_no_agency_file_means_the_bundled_catalogue(tmp_path: Path):
    assert agency_catalogues(tmp_path) == {}
    assert catalogue_for(2568, tmp_path) == catalogue_for(2568) == bundled_catalogues()[2568]
    assert agency_catalogues(tmp_path / "missing") == {}


def test_the_agency_file_wins_for_its_year_and_only_for_it(tmp_path: Path):
    (tmp_path / AGENCY_CATALOGUE).write_text(CORRECTED_2568, encoding="utf-8")
    corrected = catalogue_for(2568, tmp_path)
    assert corrected.item("O25").verified and corrected.item("O42") is None
    assert corrected.origin == str(tmp_path / AGENCY_CATALOGUE)
    assert corrected.indicator(7).name == "ประสิทธิภาพการสื่อสาร" and corrected.indicator(8) is None
    assert catalogue_for(2569, tmp_path) == corrected  # later years fall back to the nearest earlier one
    assert catalogue_for(2566, tmp_path) == bundled_catalogues()[2566]
    assert catalogue_for(2568) == bundled_catalogues()[2568]


def test_agency_texts_are_cleaned(tmp_path: Path):
    (tmp_path / AGENCY_CATALOGUE).write_text(
        CORRECTED_2568.replace('text = "มาตรการ', 'text = "\\u001b[31mมาตรการ'), encoding="utf-8")
    assert catalogue_for(2568, tmp_path).item("O25").text.startswith("มาตรการ")


BROKEN = {
    "not TOML": ("year = = 2568\n", "line 1"),
    "not UTF-8": (b"\xff\xfe[[years]]\n", "UTF-8"),
    "no tools": (CORRECTED_2568.split("[[years.tools]]")[0], "tools"),
    "a year as text": (CORRECTED_2568.replace("year = 2568", 'year = "2568"'), "year"),
    "indicator of an unknown tool": (CORRECTED_2568.replace('tool = "EIT"', 'tool = "XIT"'), "XIT"),
    "item of an unknown indicator": (CORRECTED_2568.replace("indicator = 10", "indicator = 11"), "11"),
    "the same year twice": (CORRECTED_2568 + CORRECTED_2568.replace("format = 1", ""), "2568"),
    "a newer format": (CORRECTED_2568.replace("format = 1", "format = 9"), "format"),
    "sources not a list": (CORRECTED_2568.replace('sources = ["https://itas.nacc.go.th/"]', 'sources = "x"', 1),
                           "sources"),
}


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_agency_file_is_one_line_thai_then_english_naming_it(tmp_path: Path, content):
    text, detail = content
    path = tmp_path / AGENCY_CATALOGUE
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(CatalogueError) as caught:
        catalogue_for(2568, tmp_path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"แคตตาล็อก ITA ของหน่วยงาน {path} ")
    assert f"(the agency's ITA catalogue {path} " in message and detail in message


def test_an_agency_file_that_is_not_a_regular_file_is_refused_without_reading_it(tmp_path: Path):
    """A colleague in a shared data directory could plant a FIFO (a read would hang) or a symlink
    to another file; both are refused with the same kind of message."""
    path = tmp_path / AGENCY_CATALOGUE
    os.mkfifo(path)
    with pytest.raises(CatalogueError, match="not a regular file"):
        catalogue_for(2568, tmp_path)
    path.unlink()
    elsewhere = tmp_path / "elsewhere.toml"
    elsewhere.write_text(CORRECTED_2568, encoding="utf-8")
    path.symlink_to(elsewhere)
    with pytest.raises(CatalogueError, match="symbolic link"):
        catalogue_for(2568, tmp_path)


def test_a_huge_agency_file_is_refused(tmp_path: Path):
    (tmp_path / AGENCY_CATALOGUE).write_text(CORRECTED_2568 + "#" * 3_000_000, encoding="utf-8")
    with pytest.raises(CatalogueError, match="is larger than 1 MB"):
        catalogue_for(2568, tmp_path)


def test_plan_list_says_which_catalogue_each_plan_is_checked_against(data: Path, capsys):
    assert main(["plan", "copy", "2566", "2568"]) == 0
    capsys.readouterr()
    assert main(["plan", "list"]) == 0
    out = capsys.readouterr().out
    assert ("      แคตตาล็อก ITA 2566 ที่มากับโปรแกรม: ยืนยันรหัสข้อแล้ว 4 จาก 6 "
            "(bundled ITA catalogue 2566: 4 of 6 item codes verified)\n") in out
    assert ("      แคตตาล็อก ITA 2568 ที่มากับโปรแกรม: ยังไม่ยืนยันเครื่องมือและตัวชี้วัด ยืนยันรหัสข้อแล้ว 0 จาก 4 "
            "(bundled ITA catalogue 2568: tools and indicators unverified, 0 of 4 item codes verified)\n") in out
    (data / AGENCY_CATALOGUE).write_text(CORRECTED_2568, encoding="utf-8")
    assert main(["plan", "list"]) == 0
    out = capsys.readouterr().out
    assert (f"      แคตตาล็อก ITA 2568 ของหน่วยงาน: ยืนยันรหัสข้อแล้ว 1 จาก 1 "
            f"(agency ITA catalogue 2568, {data / AGENCY_CATALOGUE}: 1 of 1 item codes verified)\n") in out
    assert "แคตตาล็อก ITA 2566 ที่มากับโปรแกรม" in out


def test_a_plan_of_a_later_year_says_which_year_s_catalogue_it_uses():
    from itacheck.labels import catalogue_label

    assert catalogue_label(catalogue_for(2570), 2570).startswith("แคตตาล็อก ITA 2568 ที่มากับโปรแกรม ใช้กับปี 2570: ")
    assert "(bundled ITA catalogue 2568, used for 2570: " in catalogue_label(catalogue_for(2570), 2570)


def test_plan_list_with_a_broken_agency_file_is_one_line_exit_2(data: Path, capsys):
    (data / AGENCY_CATALOGUE).write_text("[[years]\n", encoding="utf-8")
    assert main(["plan", "list"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert err.startswith(f"itacheck: error: แคตตาล็อก ITA ของหน่วยงาน {data / AGENCY_CATALOGUE} ")
