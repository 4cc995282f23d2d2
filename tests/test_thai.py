"""Thai text rules with cases taken from real minutes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models import thai


def test_date_with_weekday_in_buddhist_era() -> None:
    assert thai.format_date(dt.date(2022, 8, 31), weekday=True) == "วันพุธที่ ๓๑ สิงหาคม ๒๕๖๕"
    assert thai.format_date(dt.date(2023, 12, 27), weekday=True) == "วันพุธที่ ๒๗ ธันวาคม ๒๕๖๖"


def test_date_without_weekday() -> None:
    assert thai.format_date(dt.date(2024, 1, 2)) == "๒ มกราคม ๒๕๖๗"
    assert thai.format_date(dt.date(2024, 1, 2), thai_digits=False) == "2 มกราคม 2567"


def test_month_year_for_the_period_line() -> None:
    assert thai.format_month_year(dt.date(2022, 8, 1)) == "สิงหาคม ๒๕๖๕"


def test_time() -> None:
    assert thai.format_time(dt.time(13, 30)) == "๑๓.๓๐ น."
    assert thai.format_time(dt.time(9, 5)) == "๐๙.๐๕ น."


@pytest.mark.parametrize("typed", [2566, 2023])
def test_years_typed_in_either_era(typed: int) -> None:
    assert thai.gregorian_year(typed) == 2023
    assert thai.buddhist_year(thai.gregorian_year(typed)) == 2566


def test_digits_both_ways() -> None:
    assert thai.to_thai_digits("ครั้งที่ 8/2566 เวลา 13.30") == "ครั้งที่ ๘/๒๕๖๖ เวลา ๑๓.๓๐"
    assert thai.to_arabic_digits("๑๐,๕๓๖") == "10,536"


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (5677860, "ห้าล้านหกแสนเจ็ดหมื่นเจ็ดพันแปดร้อยหกสิบบาทถ้วน"),
        (52000, "ห้าหมื่นสองพันบาทถ้วน"),
        (38400, "สามหมื่นแปดพันสี่ร้อยบาทถ้วน"),
        (Decimal("21.25"), "ยี่สิบเอ็ดบาทยี่สิบห้าสตางค์"),
        (101, "หนึ่งร้อยเอ็ดบาทถ้วน"),
    ],
)
def test_amount_in_words(amount: Decimal | int, words: str) -> None:
    assert thai.amount_in_words(amount) == words


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("๑๐,๕๓๖,๖๗๗.๕๑", Decimal("10536677.51")),
        ("10,536,677.51", Decimal("10536677.51")),
        ("๒๗,๘๐๐", Decimal("27800")),
        (" 42 ", Decimal("42")),
        ("๗.๔๔ %", Decimal("7.44")),
        ("-1,000", Decimal("-1000")),
        ("(๑,๐๐๐)", Decimal("-1000")),
        (".5", Decimal("0.5")),
    ],
)
def test_figures_typed_by_clerks(typed: str, value: Decimal) -> None:
    assert thai.parse_figure(typed) == value


@pytest.mark.parametrize("typed", ["-", "", "   ", "—"])
def test_blank_figures_are_not_numbers_but_not_mistakes(typed: str) -> None:
    assert thai.parse_figure(typed) is None
    assert thai.is_blank_figure(typed)


@pytest.mark.parametrize("typed", ["abc", "12,34", "1.2.3", "๑๒ ผลิตภัณฑ์"])
def test_text_is_not_a_figure(typed: str) -> None:
    assert thai.parse_figure(typed) is None
    assert not thai.is_blank_figure(typed)


def test_figures_format_with_separators_and_rounding_half_up() -> None:
    assert thai.format_figure(Decimal("10536677.51"), 2) == "๑๐,๕๓๖,๖๗๗.๕๑"
    assert thai.format_figure(Decimal("0.125"), 2) == "๐.๑๓"
    assert thai.format_figure(Decimal("1234"), 0, thai_digits=False) == "1,234"


@pytest.mark.parametrize(
    ("section", "path", "number"),
    [
        (3, (12,), "๓.๑๒"),
        (3, (1, 2), "(๒)"),
        (3, (1, 5, 1), "(๕.๑)"),
        (1, (1, 1, 1, 2), "(๑.๑.๒)"),
        (None, (2,), "๒."),
    ],
)
def test_item_numbers_follow_position(section: int | None, path: tuple[int, ...], number: str) -> None:
    assert thai.item_number(section, path) == number


def test_segmentation_keeps_the_text_and_cuts_between_words() -> None:
    text = "ผู้ใหญ่บ้านแจ้งที่ประชุมเรื่องการจัดเก็บข้อมูลความจำเป็นพื้นฐาน ปี ๒๕๖๗"
    words = thai.segment(text)
    assert "".join(words) == text
    assert "ผู้ใหญ่บ้าน" in words
    assert "ข้อมูล" in words


def test_mai_yamok_and_paiyannoi_never_start_a_piece() -> None:
    words = thai.segment("เรื่องอื่น ๆ ของกรุงเทพฯ และอื่นๆ (ต่อ)")
    assert "".join(words) == "เรื่องอื่น ๆ ของกรุงเทพฯ และอื่นๆ (ต่อ)"
    assert not any(w.startswith(("ๆ", "ฯ", ")")) for w in words)
    assert not any(w.endswith("(") for w in words)


def test_segmentation_is_cached() -> None:
    text = "การประชุมประจำเดือนของสำนักงาน"
    assert thai.segment(text) is thai.segment(text)


@pytest.mark.parametrize(
    "typed",
    [
        "27/12/2566",
        "27/12/2023",
        "2023-12-27",
        "2566-12-27",
        "๒๗ ธันวาคม ๒๕๖๖",
        "วันพุธที่ 27 ธ.ค. 66",
        "27-12-66",
        "๒๗/๑๒/๒๕๖๖",
    ],
)
def test_dates_typed_in_either_era(typed: str) -> None:
    assert thai.parse_date(typed) == dt.date(2023, 12, 27)


@pytest.mark.parametrize("typed", ["31/02/2566", "ธันวาคม", "", "27 ธันวา 2566 เวลา"])
def test_not_dates(typed: str) -> None:
    assert thai.parse_date(typed) is None


@pytest.mark.parametrize(
    ("typed", "time"), [("13:30", dt.time(13, 30)), ("๑๓.๓๐ น.", dt.time(13, 30)), ("9.05", dt.time(9, 5))]
)
def test_times(typed: str, time: dt.time) -> None:
    assert thai.parse_time(typed) == time


@pytest.mark.parametrize("typed", ["25:00", "13:60", "บ่ายโมง"])
def test_not_times(typed: str) -> None:
    assert thai.parse_time(typed) is None


def test_whole_baht_written_with_the_accountants_dash() -> None:
    from models.thai import decimals_of, parse_figure  # noqa: PLC0415

    assert (parse_figure("๓๒๕,๔๐๐.-"), decimals_of("๓๒๕,๔๐๐.-")) == (Decimal("325400"), 0)
    assert parse_figure(".-") is None and parse_figure("-") is None
