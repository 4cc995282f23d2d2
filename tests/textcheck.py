"""Helpers for checking the text of rendered documents against what was composed."""

from __future__ import annotations

import re

from exporters.compose import Composition, Grid, Para

PAGE_NUMBER = re.compile(r"-[0-9๐-๙]+-")


def squeezed(text: str) -> str:
    """Text without white space and page numbers: lines wrap and pages break differently."""
    return PAGE_NUMBER.sub("", re.sub(r"\s+", "", text))


def chunks(composition: Composition) -> list[str]:
    """Every paragraph and table cell of a composition in reading order."""
    found = []
    for element in composition.body:
        if isinstance(element, Para):
            found.append(element.text)
        elif isinstance(element, Grid):
            found.extend(cell.text for row in element.rows for cell in row if cell is not None)
    return [text for text in map(squeezed, found) if text]


def assert_in_order(expected: list[str], text: str) -> None:
    position = 0
    for chunk in expected:
        found = text.find(chunk, position)
        assert found >= 0, f"missing or out of order: {chunk!r} (after position {position})"
        position = found + len(chunk)
