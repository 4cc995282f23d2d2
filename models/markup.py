"""The little markup a paragraph may carry: `**bold**` inside the text."""

from __future__ import annotations

import re

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)


def split_bold(text: str) -> list[tuple[str, bool]]:
    """`ก **ข** ค` → [("ก ", False), ("ข", True), (" ค", False)]; an unclosed `**` stays as typed."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _BOLD.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], False))
        pieces.append((match.group(1), True))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def plain_text(text: str) -> str:
    """The text as printed, without the markup."""
    return "".join(piece for piece, _ in split_bold(text))
