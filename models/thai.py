"""Thai text rules: digits, Buddhist-era dates, times, amounts in words, item numbers, figures
typed by clerks, and word segmentation for line breaking.

Built on PyThaiNLP where it has the rule; the word dictionary is loaded lazily on the first
segmentation and every segmentation is cached, because exporters ask for the same titles and
paragraphs many times while they measure lines.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from pythainlp.util import arabic_digit_to_thai_digit, bahttext, thai_digit_to_arabic_digit

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)

BUDDHIST_ERA_OFFSET = 543

THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")


def to_thai_digits(text: str) -> str:
    """Replace every Arabic digit 0-9 by its Thai digit; other characters stay."""
    return str(arabic_digit_to_thai_digit(text)) if text else text


def to_arabic_digits(text: str) -> str:
    """Replace every Thai digit by its Arabic digit; other characters stay."""
    return str(thai_digit_to_arabic_digit(text)) if text else text


def digits(text: str, thai: bool = True) -> str:
    """The text with digits in the script the document asks for."""
    return text.translate(_TO_THAI) if thai else text.translate(_TO_ARABIC)


_LATIN_TOKEN = re.compile(r"\S*[A-Za-z@]\S*")


def document_digits(text: str, thai: bool = True) -> str:
    """Digits of free text in the script the document asks for, leaving alone the digits of
    Latin words, e-mail addresses and web addresses (`ThaiQM2`, `www.cdd2.go.th`)."""
    if not thai:
        return digits(text, thai=False)
    pieces: list[str] = []
    position = 0
    for match in _LATIN_TOKEN.finditer(text):
        pieces.append(text[position : match.start()].translate(_TO_THAI))
        pieces.append(match.group())
        position = match.end()
    pieces.append(text[position:].translate(_TO_THAI))
    return "".join(pieces)


def buddhist_year(year: int) -> int:
    """The Buddhist-era year of a Gregorian year (2023 → 2566)."""
    return year + BUDDHIST_ERA_OFFSET


def gregorian_year(year: int) -> int:
    """A year typed in either era, as Gregorian: 2566 and 2023 both give 2023.

    Years above 2400 can only be Buddhist era in any document this program handles.
    """
    return year - BUDDHIST_ERA_OFFSET if year > 2400 else year


def format_date(day: dt.date, weekday: bool = False, thai_digits: bool = True) -> str:
    """`๒ มกราคม ๒๕๖๗`, or with the weekday `วันพุธที่ ๒๗ ธันวาคม ๒๕๖๖`."""
    text = f"{day.day} {THAI_MONTHS[day.month - 1]} {buddhist_year(day.year)}"
    if weekday:
        text = f"วัน{THAI_WEEKDAYS[day.weekday()]}ที่ {text}"
    return digits(text, thai_digits)


_SHORT_MONTHS = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
_NUMERIC_DATE = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TIME = re.compile(r"^(\d{1,2})\s*[:.]\s*(\d{2})(?:\s*น\.?)?$")


def _full_year(year: int) -> int:
    """A year typed in either era, or two digits of the Buddhist era (`66`), as Gregorian."""
    if year < 100:
        year += 2500
    return gregorian_year(year)


def parse_date(text: str) -> dt.date | None:
    """A date as a clerk types it: `27/12/2566`, `27/12/2023`, `2023-12-27`, `๒๗ ธันวาคม ๒๕๖๖`,
    `วันพุธที่ 27 ธ.ค. 66`; None when it is not a date."""
    cleaned = to_arabic_digits(text).strip()
    cleaned = re.sub(r"^วัน\S*ที่\s*", "", cleaned)
    try:
        if match := _ISO_DATE.match(cleaned):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _NUMERIC_DATE.match(cleaned):
            return dt.date(_full_year(int(match[3])), int(match[2]), int(match[1]))
        parts = cleaned.split()
        if len(parts) == 3 and parts[0].isdigit() and parts[2].isdigit():
            month = _month_number(parts[1])
            if month:
                return dt.date(_full_year(int(parts[2])), month, int(parts[0]))
    except ValueError:
        return None
    return None


def _month_number(name: str) -> int | None:
    for number, (full, short) in enumerate(zip(THAI_MONTHS, _SHORT_MONTHS, strict=True), start=1):
        if name in (full, short, short.replace(".", "")):
            return number
    return None


def parse_time(text: str) -> dt.time | None:
    """`13:30`, `13.30`, `๑๓.๓๐ น.`; None when it is not a time of day."""
    match = _TIME.match(to_arabic_digits(text).strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        return None
    return dt.time(int(match[1]), int(match[2]))


def format_month_year(day: dt.date, thai_digits: bool = True) -> str:
    """`สิงหาคม ๒๕๖๕`, as in a period line `ประจำเดือน สิงหาคม ๒๕๖๕`."""
    return digits(f"{THAI_MONTHS[day.month - 1]} {buddhist_year(day.year)}", thai_digits)


def format_time(time: dt.time, thai_digits: bool = True) -> str:
    """`๑๓.๓๐ น.` for 13:30."""
    return digits(f"{time.hour:02d}.{time.minute:02d} น.", thai_digits)


def amount_in_words(amount: Decimal | int | float) -> str:
    """`ห้าหมื่นสองพันบาทถ้วน` for 52000; satang when there is a fraction."""
    return str(bahttext(float(amount)))


_NUMBER_RE = re.compile(
    r"""^(?P<sign>[-−+]?)\s*
        (?P<int>\d{1,3}(?:,\d{3})+|\d+)?
        (?:\.(?P<frac>\d+))?$""",
    re.VERBOSE,
)
_NONE_MARKS = frozenset({"-", "–", "—", "−"})


def parse_figure(text: str) -> Decimal | None:
    """The number a clerk typed in a table cell, or None when the cell is not a number.

    Accepts Thai or Arabic digits, thousands separators, a sign, a decimal point, and a
    trailing `%`. A dash (`-`, meaning "none") and an empty cell also give None; use
    `is_blank_figure` to tell those apart from text that is not a number.
    """
    cleaned = to_arabic_digits(text).strip().replace(" ", "")
    cleaned = cleaned.removesuffix("%")
    if cleaned.startswith("(") and cleaned.endswith(")"):
        cleaned = "-" + cleaned[1:-1]
    match = _NUMBER_RE.match(cleaned)
    if not match or (match["int"] is None and match["frac"] is None):
        return None
    whole = (match["int"] or "0").replace(",", "")
    sign = "-" if match["sign"] in ("-", "−") else ""
    try:
        return Decimal(f"{sign}{whole}.{match['frac'] or '0'}")
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None


def is_blank_figure(text: str) -> bool:
    """True for a cell that means "no figure": empty or a dash."""
    stripped = text.strip()
    return not stripped or stripped in _NONE_MARKS


def decimals_of(text: str) -> int:
    """How many decimal places a typed figure shows (`1,234.50` → 2)."""
    arabic = to_arabic_digits(text)
    return len(arabic.split(".", 1)[1].strip(" %")) if "." in arabic else 0


def format_figure(value: Decimal, decimals: int = 0, thai_digits: bool = True) -> str:
    """`๑๐,๕๓๖,๖๗๗.๕๑`: thousands separators and a fixed number of decimals."""
    quantum = Decimal(1).scaleb(-decimals)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    return digits(f"{rounded:,.{decimals}f}", thai_digits)


def item_number(section_number: int | None, path: Sequence[int], thai_digits: bool = True) -> str:
    """The printed number of an agenda item from its position in the tree.

    `path` holds 1-based positions from the section down: (12,) under section 3 gives `๓.๑๒`,
    (1, 2) gives `(๒)`, (1, 5, 1) gives `(๕.๑)`. Items of the part before the agenda (no
    section number) are numbered `๑.`, `๒.` ...
    """
    if not path:
        raise ValueError("an item number needs a position")
    if len(path) == 1:
        text = f"{section_number}.{path[0]}" if section_number else f"{path[0]}."
    else:
        text = "(" + ".".join(str(p) for p in path[1:]) + ")"
    return digits(text, thai_digits)


def section_heading_number(section_number: int, thai_digits: bool = True) -> str:
    """`ระเบียบวาระที่ ๓`."""
    return digits(f"ระเบียบวาระที่ {section_number}", thai_digits)


@lru_cache(maxsize=65536)
def segment(text: str) -> tuple[str, ...]:
    """The text cut into words, spaces kept as their own pieces, so that "".join() gives it back.

    Uses PyThaiNLP's dictionary-based `newmm` engine. Marks that may not start a line (ๆ, ฯ and
    closing punctuation) are joined to the word before them, so every boundary between two
    pieces is a place where a line may break.
    """
    from pythainlp.tokenize import word_tokenize  # noqa: PLC0415  (the dictionary loads on first use)

    words = word_tokenize(text, engine="newmm", keep_whitespace=True)
    return tuple(_glue_units(_glue_non_starters(words)))


_NON_STARTERS = frozenset("ๆฯ)]}”’,.;:!?%")
_NON_ENDERS = frozenset("([{“‘")


def _glue_non_starters(words: list[str]) -> list[str]:
    glued: list[str] = []
    for word in words:
        if (glued and word[:1] in _NON_STARTERS and not glued[-1].isspace()) or (
            glued and glued[-1] in _NON_ENDERS
        ):
            glued[-1] += word
        else:
            glued.append(word)
    return _glue_space_before_mai_yamok(glued)


_ERAS = ("พ.ศ.", "ค.ศ.", "จ.ศ.", "ร.ศ.")
_NUMBER_PIECE = re.compile(r"^[0-9๐-๙][0-9๐-๙,.:/]*$")


def _glue_units(words: list[str]) -> list[str]:
    """An era and its year (`พ.ศ. ๒๕๖๘`) and a time and its `น.` (`๑๓.๓๐ น.`) never part at a
    line end, though a space stands between them."""
    result: list[str] = []
    for word in words:
        if len(result) >= 2 and result[-1] == " " and _belongs_together(result[-2], word):
            space = result.pop()
            result[-1] += space + word
        else:
            result.append(word)
    return result


def _belongs_together(before: str, after: str) -> bool:
    era_then_year = before.endswith(_ERAS) and bool(_NUMBER_PIECE.match(after))
    time_then_mark = bool(_NUMBER_PIECE.match(before.rsplit(" ", maxsplit=1)[-1])) and after.startswith("น.")
    return era_then_year or time_then_mark


def _glue_space_before_mai_yamok(words: list[str]) -> list[str]:
    """`อื่น ๆ` is written with a space, yet ๆ must never start a line: keep all three together."""
    result: list[str] = []
    for word in words:
        if word[:1] in "ๆฯ" and len(result) >= 2 and result[-1].isspace() and not result[-2].isspace():
            space = result.pop()
            result[-1] += space + word
        else:
            result.append(word)
    return result
