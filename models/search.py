"""Search across meetings: text cut into Thai words for SQLite's FTS5, queries cut the same way,
and snippets from the original text.

A meeting's index rows (`index_rows`: its header, then each section and item in printing order)
are numbered by meeting: the row at `position` of meeting `m` has rowid `m << ROWID_BITS |
position` (`row_id`), so a meeting's rows are found and replaced by a rowid range, without a scan,
and a hit's meeting is its rowid shifted. Text is cut into words one line at a time, each distinct
line once a process (`words_of`): an edit re-cuts only the line that changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from models import thai
from models.dictionary import word_trie
from models.meeting import Meeting, node_text, walk_items

SNIPPET_AROUND = 40
ROWID_BITS = 20  # rows a meeting may have in the index: 2**20, far above any meeting's sections and items
LINES_CACHED = 32768
_ARABIC_DIGIT = re.compile("[0-9]")


@dataclass(frozen=True)
class IndexRow:
    node_id: int | None
    place: str
    original: str
    words: str

    @property
    def grams(self) -> str:
        """The text for the trigram index: one digit script, white space folded."""
        return " ".join(thai_digits(self.original).split())


def row_id(meeting_id: int, position: int) -> int:
    """The rowid of a meeting's index row at `position` (0 is the header)."""
    if not 0 <= position < 1 << ROWID_BITS:
        raise ValueError(f"a meeting has at most {1 << ROWID_BITS} index rows")
    return (meeting_id << ROWID_BITS) | position


def row_range(meeting_id: int) -> tuple[int, int]:
    """The first and last rowid a meeting's index rows may have."""
    return meeting_id << ROWID_BITS, ((meeting_id + 1) << ROWID_BITS) - 1


@lru_cache(maxsize=LINES_CACHED)
def _line_words(line: str) -> str:
    from pythainlp.tokenize import word_tokenize  # noqa: PLC0415  (loaded on the first text to cut)

    pieces = word_tokenize(thai_digits(line), custom_dict=word_trie(), engine="newmm", keep_whitespace=False)
    return " ".join(piece.strip() for piece in pieces if piece.strip())


def words_of(text: str, pause: Callable[[], None] | None = None) -> str:
    """`การประชุมประจำเดือน` → `การ ประชุม ประจำเดือน`: Thai words apart, digits in one script.

    PyThaiNLP's dictionary cut (`newmm`) as it is, without the joins line breaking needs
    (`thai.segment`): FTS5 cuts at spaces and punctuation again anyway, and index and query are
    cut by this same function. `pause()` is called before each line (the background indexer
    waits there while the clerk types)."""
    cut = []
    for line in text.split("\n"):
        if pause is not None:
            pause()
        if words := _line_words(line):
            cut.append(words)
    return " ".join(cut)


def index_rows(meeting: Meeting, pause: Callable[[], None] | None = None) -> Iterator[IndexRow]:
    """The meeting's index rows: its header, then each section and item in printing order."""
    header = " ".join([meeting.title, meeting.period, meeting.venue])
    yield IndexRow(None, "ข้อมูลการประชุม", header, words_of(header, pause))
    for section in meeting.sections:
        number = meeting.section_number(section)
        place = thai.section_heading_number(number) if number else "ส่วนก่อนระเบียบวาระ"
        text = node_text(section)
        yield IndexRow(section.id, place, text, words_of(text, pause))
        for path, item in walk_items(section.items):
            text = node_text(item)
            yield IndexRow(item.id, f"วาระ {thai.item_number(number, path)}", text, words_of(text, pause))


def match_query(words: str) -> str:
    """An FTS5 phrase query for the words as typed; empty when there is nothing to find."""
    cut = words_of(" ".join(words.split()))
    tokens = [token.replace('"', "") for token in cut.split() if token.replace('"', "")]
    return '"' + " ".join(tokens) + '"' if tokens else ""


def gram_query(words: str) -> str:
    """A trigram (substring) query, for words of three characters or more; else empty."""
    text = " ".join(thai_digits(words).split()).replace('"', "")
    return f'"{text}"' if len(text) >= 3 else ""


def thai_digits(text: str) -> str:
    """`thai.to_thai_digits`, without going through text that has no Arabic digit (most text:
    translating a paragraph costs 100 times more than looking for a digit in it)."""
    return thai.to_thai_digits(text) if _ARABIC_DIGIT.search(text) else text


@lru_cache(maxsize=256)
def _either_script(words: str) -> re.Pattern[str]:
    """The words as a pattern where each digit stands for itself in either script."""
    return re.compile(
        "".join(
            f"[{digit}{thai.THAI_DIGITS[int(digit)]}]" if digit in thai.ARABIC_DIGITS else re.escape(digit)
            for digit in thai.to_arabic_digits(words)
        )
    )


def snippet(original: str, words: str) -> str:
    """The original text around the first place the words stand, on one line."""
    text = " ".join(original.split())
    wanted = " ".join(words.split())
    found = _either_script(wanted).search(text)
    position = found.start() if found else 0
    start = max(0, position - SNIPPET_AROUND)
    end = min(len(text), position + len(wanted) + SNIPPET_AROUND)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
