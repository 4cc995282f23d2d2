"""Text cleaned at the door: what is pasted from PDFs and old systems, or read from a meeting
file, is stored without the characters a document cannot hold.

XML (and so every DOCX) forbids the control characters U+0000–U+001F other than tab, line feed
and carriage return, and U+FFFE and U+FFFF; a lone surrogate (half of a UTF-16 pair, which
`json.loads` makes of a `\\ud800` escape) cannot even be written as UTF-8. `clean_text` removes
them; `clean_value` cleans every string of a value the editor is about to store (a list, a
person, a row, an item with its blocks), changing nothing that is clean.

Bidirectional controls (U+202A–U+202E, U+2066–U+2069) are legal but can make a line read in
another order than it prints; they are kept and `check` warns about them.

`normal_thai` is what an import reads: Thai written in a wrong order of characters that prints
the same (text copied out of a PDF gives ำ as ํ + า; เเ typed for แ; a tone mark before its
vowel) put in the order Thai is spelled, and the zero-width spaces a web page puts between words
dropped, so that headings, names and searches match (PyThaiNLP's `reorder_vowels`, `remove_zw`).
"""

from __future__ import annotations

import dataclasses
import re
from enum import Enum
from typing import Any, TypeVar, cast

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

Value = TypeVar("Value")


def clean_text(text: str) -> str:
    """The text without the characters XML forbids and without lone surrogates; a surrogate
    pair standing as two code points is joined into the character it encodes."""
    if not _FORBIDDEN.search(text):
        return text
    if _SURROGATE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return _FORBIDDEN.sub("", text)


def forbidden_characters(text: str) -> list[str]:
    """The distinct characters of the text that `clean_text` removes, in order of appearance."""
    return list(dict.fromkeys(_FORBIDDEN.findall(text)))


def forbidden_in(value: object) -> list[str]:
    """The characters XML forbids in every text of a parsed JSON value (what cleaning removes)."""
    if isinstance(value, str):
        return forbidden_characters(value)
    if isinstance(value, dict):
        return [char for key, item in value.items() for char in forbidden_in(key) + forbidden_in(item)]
    if isinstance(value, list):
        return [char for item in value for char in forbidden_in(item)]
    return []


def bidi_controls(text: str) -> list[str]:
    """The distinct bidirectional control characters of the text, in order of appearance."""
    return list(dict.fromkeys(_BIDI_CONTROLS.findall(text)))


def code_points(characters: list[str]) -> str:
    """`U+000C, U+202E`: characters that cannot be seen, named so a clerk can tell them."""
    return ", ".join(f"U+{ord(char):04X}" for char in characters)


def shorten(text: str, limit: int = 40) -> str:
    """The text as a message quotes it: at most `limit` characters, then `…`."""
    return text if len(text) <= limit else text[:limit] + "…"


def clean_value(value: Value) -> Value:
    """A value with every string in it cleaned. Nothing is changed that needs no cleaning, and
    then the very same object comes back. A string comes back cleaned; a list or a tuple that
    holds something to clean comes back as a new one (the list given is left as it was); the
    fields of a (non-frozen) dataclass are cleaned in place, so an item, a block or a person
    stays the object the views hold. Anything else comes back as it is."""
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return cast(Value, clean_text(value))
    if isinstance(value, list | tuple):
        members = cast(list[Any] | tuple[Any, ...], value)
        cleaned = [clean_value(member) for member in members]
        if all(a is b for a, b in zip(cleaned, members, strict=True)):
            return value
        return cast(Value, cleaned if isinstance(value, list) else tuple(cleaned))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        params: Any = getattr(value, "__dataclass_params__", None)
        if params is not None and params.frozen:
            return value
        for field in dataclasses.fields(value):
            current = getattr(value, field.name)
            cleaned_field = clean_value(current)
            if cleaned_field is not current:
                setattr(value, field.name, cleaned_field)
    return value


# what `reorder_vowels` changes: nikhahit (ํ + า), two sara e, a tone mark or thanthakhat before
# an upper or lower vowel, a following vowel before a tone mark, lakkhangyao
_MISORDERED_THAI = re.compile(
    "\u0e4d|\u0e40\u0e40|[\u0e48-\u0e4c][\u0e31\u0e34-\u0e3a\u0e47]|[\u0e30\u0e32\u0e33\u0e45][\u0e48-\u0e4b]|\u0e45"
)


_ZERO_WIDTH = re.compile("[\u200b\u200c]")  # spaces and non-joiners nobody sees (ZWJ joins emoji)


def normal_thai(text: str) -> str:
    """The text with Thai characters typed or copied in an order that prints the same put in
    the order Thai is spelled (ํ + า as ำ, how a PDF gives it; เ + เ as แ; a tone mark before an
    upper or lower vowel after it), without zero-width spaces. Other text comes back as it is."""
    misordered, invisible = _MISORDERED_THAI.search(text), _ZERO_WIDTH.search(text)
    if not misordered and not invisible:
        return text
    from pythainlp.util import remove_zw, reorder_vowels  # noqa: PLC0415  (PyThaiNLP: when needed)

    normal: str = reorder_vowels(remove_zw(text)) if misordered else remove_zw(text)
    return normal
