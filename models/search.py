"""Search across meetings: text cut into Thai words for SQLite's FTS5, queries cut the same way,
and snippets from the original text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from models import thai
from models.meeting import Meeting, node_text, walk_items

SNIPPET_AROUND = 40


@dataclass(frozen=True)
class IndexRow:
    node_id: int | None
    place: str
    original: str
    words: str

    @property
    def grams(self) -> str:
        """The text for the trigram index: one digit script, white space folded."""
        return " ".join(thai.to_thai_digits(self.original).split())


def words_of(text: str) -> str:
    """`การประชุมประจำเดือน` → `การ ประชุม ประจำเดือน`: Thai words apart, digits in one script."""
    pieces = thai.segment(thai.to_thai_digits(text))
    return " ".join(piece.strip() for piece in pieces if piece.strip())


def index_rows(meeting: Meeting) -> Iterator[IndexRow]:
    header = " ".join([meeting.title, meeting.period, meeting.venue])
    yield IndexRow(None, "ข้อมูลการประชุม", header, words_of(header))
    for section in meeting.sections:
        number = meeting.section_number(section)
        place = thai.section_heading_number(number) if number else "ส่วนก่อนระเบียบวาระ"
        text = node_text(section)
        yield IndexRow(section.id, place, text, words_of(text))
        for path, item in walk_items(section.items):
            text = node_text(item)
            yield IndexRow(item.id, f"วาระ {thai.item_number(number, path)}", text, words_of(text))


def match_query(words: str) -> str:
    """An FTS5 phrase query for the words as typed; empty when there is nothing to find."""
    cut = words_of(words)
    tokens = [token.replace('"', "") for token in cut.split() if token.replace('"', "")]
    return '"' + " ".join(tokens) + '"' if tokens else ""


def gram_query(words: str) -> str:
    """A trigram (substring) query, for words of three characters or more; else empty."""
    text = " ".join(thai.to_thai_digits(words).split()).replace('"', "")
    return f'"{text}"' if len(text) >= 3 else ""


def snippet(original: str, words: str) -> str:
    """The original text around the first place the words stand, on one line."""
    text = " ".join(original.split())
    wanted = thai.to_thai_digits(words.strip())
    position = thai.to_thai_digits(text).find(wanted)
    position = max(position, 0)
    start = max(0, position - SNIPPET_AROUND)
    end = min(len(text), position + len(wanted) + SNIPPET_AROUND)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
