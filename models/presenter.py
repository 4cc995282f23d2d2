"""The presenter line printed above a run of items reported by the same person:
`<presenter> <wording> จำนวน <n> เรื่อง ดังนี้`.

The wording follows the section: `แจ้งให้ที่ประชุมทราบ` under a section for information (and by
default), `แจ้งเรื่องสืบเนื่อง` under matters arising, `เสนอที่ประชุมพิจารณา` under a section for
consideration. A section may carry its own wording, which then wins. Composition, checks and the
window all read the line from here, so what the clerk sees while typing is what prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from models import thai
from models.meeting import Item, Meeting, Section

INFORMATION = "แจ้งให้ที่ประชุมทราบ"
MATTERS_ARISING = "แจ้งเรื่องสืบเนื่อง"
CONSIDERATION = "เสนอที่ประชุมพิจารณา"

# The first marker found in a section's title (spaces ignored) decides; none: INFORMATION.
_MARKERS = (("สืบเนื่อง", MATTERS_ARISING), ("เพื่อทราบ", INFORMATION), ("พิจารณา", CONSIDERATION))


def derived_wording(title: str) -> str:
    """The wording a section's title implies (`เรื่องเพื่อพิจารณา` → `เสนอที่ประชุมพิจารณา`)."""
    compact = "".join(title.split())
    return next((wording for marker, wording in _MARKERS if marker in compact), INFORMATION)


def section_wording(section: Section) -> str:
    """The wording printed under this section: the clerk's own (spaces tidied), else derived."""
    own = " ".join(section.presenter_wording.split())
    return own or derived_wording(section.title)


def presenter_run(items: Sequence[Item], index: int) -> tuple[int, int]:
    """Where the run of neighbouring items with the presenter of `items[index]` starts, and how
    many items it holds."""
    presenter = items[index].presenter
    start = index
    while start > 0 and items[start - 1].presenter == presenter:
        start -= 1
    end = index + 1
    while end < len(items) and items[end].presenter == presenter:
        end += 1
    return start, end - start


@dataclass(frozen=True)
class PresenterLine:
    presenter: str
    wording: str
    count: int  # items in the run
    first_path: tuple[int, ...]  # 1-based path (within the section) of the item it prints above

    def text(self, template: str) -> str:
        """The line in a layout's template (`{presenter} {wording} จำนวน {count} เรื่อง ดังนี้`)."""
        return template.format(presenter=self.presenter, wording=self.wording, count=self.count)


def line_at(
    section: Section, items: Sequence[Item], index: int, path: tuple[int, ...] = ()
) -> PresenterLine | None:
    """The line printed above `items[index]` (children of the item at `path`, or of the section):
    None when the item has no presenter or the one before it has the same."""
    item = items[index]
    if not item.presenter or (index > 0 and items[index - 1].presenter == item.presenter):
        return None
    _, count = presenter_run(items, index)
    return PresenterLine(item.presenter, section_wording(section), count, (*path, index + 1))


@dataclass(frozen=True)
class ItemPresenterLine:
    """The line that covers an item, and where it prints."""

    line: PresenterLine
    first_number: str  # printed number of the item the line prints above (`๔.๒`)
    is_first: bool  # the line prints above this very item


def line_covering(meeting: Meeting, item: Item) -> ItemPresenterLine | None:
    """The presenter line that covers `item`: None when it has no presenter (or is not in the
    meeting)."""
    for section in meeting.sections:
        found = _siblings_of(section.items, item, ())
        if found is None:
            continue
        siblings, path = found
        if not item.presenter:
            return None
        index = path[-1] - 1
        start, _ = presenter_run(siblings, index)
        line = line_at(section, siblings, start, path[:-1])
        assert line is not None  # the first of a run with a presenter always has its line
        number = thai.item_number(meeting.section_number(section), line.first_path)
        return ItemPresenterLine(line, number, start == index)
    return None


def _siblings_of(
    items: list[Item], item: Item, path: tuple[int, ...]
) -> tuple[list[Item], tuple[int, ...]] | None:
    for index, child in enumerate(items, start=1):
        if child is item:
            return items, (*path, index)
        found = _siblings_of(child.items, item, (*path, index))
        if found is not None:
            return found
    return None
