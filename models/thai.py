"""Thai text rules: digits, Buddhist-era dates, times, amounts in words, item numbers, figures
typed by clerks, and word segmentation for line breaking.

Built on PyThaiNLP where it has the rule; the word dictionary is loaded lazily on the first
segmentation and every segmentation is cached, because exporters ask for the same titles and
paragraphs many times while they measure lines.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Context, Decimal, DecimalException, InvalidOperation, localcontext
from functools import lru_cache

from pythainlp.util import arabic_digit_to_thai_digit, num_to_thaiword, thai_digit_to_arabic_digit

from models.dictionary import syllables, word_trie

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


# A run of non-space characters holding a Latin letter or `@`. Only the start of a run may begin a
# match and the lookahead stops at the first letter, so each character is looked at a bounded
# number of times: linear however long a run without spaces (`\S*[A-Za-z@]\S*` was quadratic).
_LATIN_TOKEN = re.compile(r"(?<!\S)(?=[^\sA-Za-z@]*[A-Za-z@])\S+")
_LATIN_LETTER = re.compile(r"[A-Za-z@]")


def document_digits(text: str, thai: bool = True) -> str:
    """Digits of free text in the script the document asks for, leaving alone the digits of
    Latin words, e-mail addresses and web addresses (`ThaiQM2`, `www.cdd2.go.th`)."""
    if not thai:
        return digits(text, thai=False)
    if _LATIN_LETTER.search(text) is None:  # nearly every Thai paragraph: no scan for tokens
        return text.translate(_TO_THAI)
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


SHORT_MONTHS = (
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


YEARS_BE = range(2400, 2701)  # the Buddhist years a meeting may have (the meeting-file format's)


def parse_date(text: str) -> dt.date | None:
    """A date as a clerk types it: `27/12/2566`, `27/12/2023`, `2023-12-27`, `2566-12-27`, `๒๗ ธันวาคม ๒๕๖๖`,
    `วันพุธที่ 27 ธ.ค. 66`; None when it is not a date, or not one of YEARS_BE."""
    day = _read_date(text)
    return day if day is not None and buddhist_year(day.year) in YEARS_BE else None


def _read_date(text: str) -> dt.date | None:
    cleaned = to_arabic_digits(text).strip()
    cleaned = re.sub(r"^วัน\S*ที่\s*", "", cleaned)
    try:
        if match := _ISO_DATE.match(cleaned):  # `2566-12-27` is typed in the Buddhist era
            return dt.date(gregorian_year(int(match[1])), int(match[2]), int(match[3]))
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
    for number, (full, short) in enumerate(zip(THAI_MONTHS, SHORT_MONTHS, strict=True), start=1):
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
    """`ห้าหมื่นสองพันบาทถ้วน` for 52000; satang when there is a fraction (rounded half up to
    the satang). Exact for an amount of any length (PyThaiNLP's `bahttext` goes through a float
    and misreads amounts past 15 digits)."""
    value = Decimal(str(amount)) if isinstance(amount, float) else Decimal(amount)
    if value == 0:
        return "ศูนย์บาทถ้วน"
    with localcontext(_precision_for(value, 2)):
        baht_text, satang_text = f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):f}".split(".")
    words = ""
    baht = num_to_thaiword(int(baht_text))
    if baht:
        words += f"{baht}บาท"
    satang = num_to_thaiword(int(satang_text))
    if satang and satang != "ศูนย์":
        return f"{words}{satang}สตางค์"
    return f"{words}ถ้วน"


_NUMBER_RE = re.compile(
    r"""^(?P<sign>[-−+]?)\s*
        (?P<int>\d{1,3}(?:,\d{3})+|\d+)?
        (?:\.(?P<frac>\d+))?$""",
    re.VERBOSE,
)
_NONE_MARKS = frozenset({"-", "–", "—", "−"})

# A figure is computed exactly up to this many digits (integer and decimals together); a longer
# one is kept and printed as typed but is not a number (`parse_figure` gives None and the table
# says why: `figure_too_long`). No budget of a Thai office comes near it.
MAX_FIGURE_DIGITS = 60
# Sums of figures and formulas over them are computed at this precision: a sum of any number of
# rows of the longest figures, and the product of two of them, are exact.
FIGURE_PRECISION = 4 * MAX_FIGURE_DIGITS


def figure_context() -> Context:
    """The decimal context of table and check arithmetic (use with `decimal.localcontext`):
    enough digits for every figure `parse_figure` gives, rounding half up, traps as usual."""
    return Context(prec=FIGURE_PRECISION, rounding=ROUND_HALF_UP)


def _precision_for(value: Decimal, decimals: int) -> Context:
    """A context in which `value` quantized to `decimals` places is exact."""
    needed = max(value.adjusted(), 0) + max(decimals, 0) + 2
    return Context(prec=max(needed, FIGURE_PRECISION), rounding=ROUND_HALF_UP)


def figure_too_long(text: str) -> bool:
    """True for a typed figure with more digits than are computed (`MAX_FIGURE_DIGITS`)."""
    count = 0
    for char in text:
        if char.isdigit():
            count += 1
            if count > MAX_FIGURE_DIGITS:
                return True
    return False


def parse_figure(text: str) -> Decimal | None:
    """The number a clerk typed in a table cell, or None when the cell is not a number.

    Accepts Thai or Arabic digits, thousands separators, a sign, a decimal point, a trailing
    `%`, and the accountants' `.-` after whole baht (`๓๒๕,๔๐๐.-`). A dash (`-`, meaning "none") and an empty cell also give None; use
    `is_blank_figure` to tell those apart from text that is not a number. A figure of more than
    MAX_FIGURE_DIGITS digits is not a number either (`figure_too_long`).
    """
    if figure_too_long(text):
        return None
    cleaned = to_arabic_digits(text).strip().replace(" ", "")
    cleaned = cleaned.removesuffix("%")
    if cleaned.endswith(".-") and cleaned[-3:-2].isdigit():  # `๓๒๕,๔๐๐.-`: baht, no satang
        cleaned = cleaned[:-2]
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
    arabic = to_arabic_digits(text).strip().removesuffix(".-")  # `๓๒๕,๔๐๐.-`: whole baht
    return len(arabic.split(".", 1)[1].strip(" %")) if "." in arabic else 0


def format_figure(value: Decimal, decimals: int = 0, thai_digits: bool = True) -> str:
    """`๑๐,๕๓๖,๖๗๗.๕๑`: thousands separators and a fixed number of decimals. Exact for a value
    of any length; a value that is no finite number (never made by this program) prints `-`."""
    if not value.is_finite():
        return "-"
    quantum = Decimal(1).scaleb(-decimals)
    try:
        with localcontext(_precision_for(value, decimals)):
            rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    except DecimalException:  # pragma: no cover - the context holds every digit
        return "-"
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

    Uses PyThaiNLP's dictionary-based `newmm` engine, then joins what must never part at a line
    end, so every boundary between two pieces is a place where a line may break: ๆ, ฯ, closing
    punctuation, a following vowel or a mark never starts a piece, a leading vowel (เ แ โ ใ ไ)
    never ends one; numbers with their separators (`๘/๒๕๖๖`, `๑๖-๑๘`), an era and its year
    (`พ.ศ. ๒๕๖๘`), a time and `น.`, an ordinal and its number (`ครั้งที่ ๘/๒๕๖๖`) and a day and
    its month (`๑๖-๑๘ สิงหาคม`) stay together though a space stands inside them.
    """
    from pythainlp.tokenize import word_tokenize  # noqa: PLC0415

    cut = word_tokenize(text, custom_dict=word_trie(), engine="newmm", keep_whitespace=True)
    words = _keep_whole(cut)
    glued = _glue_number_runs(_glue_non_starters(words))
    return tuple(_glue_space_before_mai_yamok(_glue_units(glued)))


# Words of official writing that the dictionary cuts (`ชำนาญ|การ`, `โครง|การพัฒนา`, `ตัว|ชี้|วัด`);
# a line must not part them.
KEEP_WHOLE = (
    "ชำนาญการพิเศษ",
    "ชำนาญการ",
    "ชำนาญงาน",
    "ตัวชี้วัด",
    "โครงการ",
    "เอกสารแนบ",
)
_KEEP_LOOKAHEAD = 3  # pieces a kept word may span


def _keep_whole(words: list[str]) -> list[str]:
    """Join the pieces that spell a word of KEEP_WHOLE, cutting what stands before it in the
    first piece and after it in the last off as pieces of their own (`ตามตัว`, `ชี้`, `วัด` →
    `ตาม`, `ตัวชี้วัด`; `โครง`, `การพัฒนา` → `โครงการ`, `พัฒนา`)."""
    result: list[str] = []
    index = 0
    while index < len(words):
        found = _kept_in(words[index : index + _KEEP_LOOKAHEAD])
        if found is None:
            result.append(words[index])
            index += 1
            continue
        before, kept, after, used = found
        result.extend(piece for piece in (before, kept, after) if piece)
        index += used
    return result


def _kept_in(pieces: list[str]) -> tuple[str, str, str, int] | None:
    """A KEEP_WHOLE word that starts in the first piece and ends in a later one: the first
    piece's text before it, the word, the last piece's text after it, and the pieces used."""
    span: list[str] = []
    for piece in pieces:
        if piece.isspace():
            break
        span.append(piece)
    if len(span) < 2:
        return None
    joined = "".join(span)
    for word in KEEP_WHOLE:
        at = joined.find(word)
        end = at + len(word)
        if 0 <= at < len(span[0]) < end:
            used, length = 0, 0
            while length < end:
                length += len(span[used])
                used += 1
            return joined[:at], word, joined[end:length], used
    return None


# Characters that cannot begin a line: repetition marks, closing punctuation, Thai following
# vowels and every mark above or below a letter (a piece starting with one is a segmentation slip).
_THAI_FOLLOWING = "".join(chr(code) for code in (0x0E30, 0x0E31, *range(0x0E32, 0x0E3B), 0x0E45))
_THAI_MARKS = "".join(chr(code) for code in range(0x0E47, 0x0E4F))
_NON_STARTERS = frozenset("ๆฯ)]}”’,.;:!?%/" + _THAI_FOLLOWING + _THAI_MARKS)
_NON_ENDERS = frozenset("([{“‘เแโใไ")


def _glue_non_starters(words: list[str]) -> list[str]:
    glued: list[str] = []
    for word in words:
        if (
            glued
            and not word.isspace()
            and not glued[-1].isspace()
            and (word[:1] in _NON_STARTERS or glued[-1][-1:] in _NON_ENDERS)
        ):
            glued[-1] += word
        else:
            glued.append(word)
    return glued


_ERAS = ("พ.ศ.", "ค.ศ.", "จ.ศ.", "ร.ศ.")
_NUMBER_PIECE = re.compile(r"^[0-9๐-๙][0-9๐-๙,.:/–-]*$")
_NUMBER_JOINERS = frozenset("/-–.:")
# Words that take a number after a space and must not be parted from it (`ครั้งที่ ๘/๒๕๖๖`);
# `วันที่` is not one of them: `วันที่ | ๒๖ ธันวาคม` may part, the day and its month not.
_ORDINAL_HEADS = frozenset({"ครั้ง", "ลำดับ", "ข้อ", "วาระ", "ระเบียบวาระ", "ฉบับ", "หมู่", "เลข"})
_ORDINALS = (*(head + "ที่" for head in sorted(_ORDINAL_HEADS)), "ข้อ", "หมู่", "ฉบับ", "เอกสารแนบ")


def _glue_number_runs(words: list[str]) -> list[str]:
    """`๘`, `/`, `๒๕๖๖` and `๑๖`, `-`, `๑๘` as one piece each: a number range or a meeting
    number is never cut at its separator, nor a sign from its number (`-45`)."""
    result: list[str] = []
    for word in words:
        previous = result[-1] if result else ""
        number_after_joiner = bool(_NUMBER_PIECE.match(word)) and previous[-1:] in _NUMBER_JOINERS
        continues_number = number_after_joiner and bool(_NUMBER_PIECE.match(previous))
        signed = previous in ("-", "+", "−") and (len(result) < 2 or result[-2].isspace())
        sign_then_number = signed and bool(_NUMBER_PIECE.match(word))
        joiner_after_number = (
            word in _NUMBER_JOINERS
            and bool(_NUMBER_PIECE.match(previous))
            and previous[-1:] not in _NUMBER_JOINERS
        )
        if continues_number or sign_then_number or joiner_after_number:
            result[-1] += word
        else:
            result.append(word)
    return result


def _glue_units(words: list[str]) -> list[str]:
    """Pieces that a space separates but a line must not: an era and its year, a time and its
    `น.`, an ordinal and its number, a day (or days) and its month."""
    result: list[str] = []
    for word in words:
        if word == "ที่" and result and result[-1] in _ORDINAL_HEADS:
            result[-1] += word  # ครั้ง + ที่
        elif len(result) >= 2 and result[-1] == " " and _belongs_together(result[-2], word):
            space = result.pop()
            result[-1] += space + word
        else:
            result.append(word)
    return result


_STARTS_WITH_DIGIT = re.compile(r"^[0-9๐-๙]")


def _belongs_together(before: str, after: str) -> bool:
    number_after = bool(_STARTS_WITH_DIGIT.match(after))  # `๒๕๖๖)` too
    era_then_year = before.endswith(_ERAS) and number_after
    time_then_mark = bool(_NUMBER_PIECE.match(before.rsplit(" ", maxsplit=1)[-1])) and after.startswith("น.")
    ordinal_then_number = before.endswith(_ORDINALS) and number_after
    day_then_month = bool(_NUMBER_PIECE.match(before.rsplit(" ", maxsplit=1)[-1])) and after in THAI_MONTHS
    return era_then_year or time_then_mark or ordinal_then_number or day_then_month


def _glue_space_before_mai_yamok(words: list[str]) -> list[str]:
    """`อื่น ๆ` and `๕ %` are written with a space, yet ๆ and % must never start a line: keep all
    three together."""
    result: list[str] = []
    for word in words:
        after_word = len(result) >= 2 and result[-1].isspace() and not result[-2].isspace()
        percent_after_number = word[:1] == "%" and after_word and result[-2][-1:].isdigit()
        if (word[:1] in "ๆฯ" and after_word) or percent_after_number:
            space = result.pop()
            result[-1] += space + word
        else:
            result.append(word)
    return result


_LEADING_VOWELS = frozenset("เแโใไ")
_SARA_AM = "\u0e33"


def cluster_starts(text: str) -> list[int]:
    """Where each grapheme cluster of the text starts: a letter with the marks above and below
    it and a SARA AM after it; a leading vowel (เ แ โ ใ ไ) belongs to the letter it precedes."""
    starts: list[int] = []
    for index, char in enumerate(text):
        joins_previous = unicodedata.category(char) == "Mn" or char == _SARA_AM
        after_leading_vowel = index > 0 and text[index - 1] in _LEADING_VOWELS
        if not starts or not (joins_previous or after_leading_vowel):
            starts.append(index)
    return starts


def grapheme_clusters(text: str) -> list[str]:
    """The text as grapheme clusters (see `cluster_starts`): the smallest pieces a line may ever
    be cut into."""
    starts = cluster_starts(text)
    return [text[start:end] for start, end in zip(starts, [*starts[1:], len(text)], strict=True)]


@lru_cache(maxsize=8192)
def word_parts(word: str) -> tuple[str, ...]:
    """A word cut into its syllables (PyThaiNLP's syllable dictionary), for breaking a word that
    is wider than its column; no part ends with a leading vowel or starts with a mark."""
    parts = [part for part in syllables(word) if part]
    if "".join(parts) != word:
        return (word,)
    return tuple(_glue_non_starters(parts))


COMPOUND_PART_MIN = 5  # characters: shorter dictionary "words" (ประ, หลัก, เป้า) are not parts


@lru_cache(maxsize=8192)
def compound_parts(word: str) -> tuple[str, ...]:
    """A dictionary compound cut into the dictionary words it is made of
    (`เศรษฐกิจพอเพียง` → `เศรษฐกิจ`, `พอเพียง`; `สำนักงานพัฒนาชุมชน` → three), longest first
    part first; the word itself when it is no such compound. Parts are whole words of at least
    COMPOUND_PART_MIN characters, so `ประชุม` stays whole. A justified line may break there
    rather than open gaps between its letters."""
    known = word_trie()  # the words segmentation cuts with (PyThaiNLP's list, read once)
    for cut in reversed(cluster_starts(word)[1:]):
        head, rest = word[:cut], word[cut:]
        if len(head) < COMPOUND_PART_MIN or head not in known:
            continue
        if rest[0] in _NON_STARTERS or head[-1] in _NON_ENDERS:
            continue
        tail = (rest,) if rest in known else compound_parts(rest)
        if all(len(part) >= COMPOUND_PART_MIN and part in known for part in tail):
            return (head, *tail)
    return (word,)
