"""Meetings of a chosen size for benchmarks, grown from the demo meeting.

`lampang_sized(scale)` gives about 17,000 characters of text, 38 attendees and 6 tables at scale 1
(the size of the real Lampang minutes in ../shared/examples, which benchmarks do not read), and
`scale` times all of that at larger scales.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.meeting import (
    Attendee,
    BulletList,
    Item,
    MeetingDocument,
    Paragraph,
    Table,
    all_blocks,
    walk_items,
)
from models.meetingfile import read_meeting_file
from models.paths import DEMO_MEETING

TEXT_PER_SCALE = 17_000
ATTENDEES_PER_SCALE = 38
TABLES_PER_SCALE = 6


def text_size(document: MeetingDocument) -> int:
    meeting = document.meeting
    size = len(meeting.title) + sum(len(a.full_name) + len(a.position) for a in meeting.attendees)
    for section in meeting.sections:
        size += len(section.title) + len(section.resolution)
        for _, item in walk_items(section.items):
            size += len(item.title) + len(item.presenter) + len(item.resolution)
    for _, block in all_blocks(meeting):
        if isinstance(block, Paragraph):
            size += len(block.text)
        elif isinstance(block, BulletList):
            size += sum(map(len, block.items))
        elif isinstance(block, Table):
            size += sum(len(c.title) for c in block.columns) + sum(
                len(cell) for row in block.rows for cell in row
            )
    return size


def roster_of(people: list[Attendee], count: int) -> list[Attendee]:
    """`count` attendees cycled from `people`, each name made unique after the first round."""
    return [
        Attendee(
            f"{person.first}{'' if index < len(people) else index}",
            person.status,
            person.prefix,
            person.last,
            person.position,
            person.note,
        )
        for index, person in enumerate(people[i % len(people)] for i in range(count))
    ]


def lampang_sized(scale: int = 1) -> MeetingDocument:
    demo = read_meeting_file(DEMO_MEETING)
    document = copy.deepcopy(demo)
    meeting = document.meeting
    meeting.attendees = roster_of(demo.meeting.attendees, ATTENDEES_PER_SCALE * scale)
    donors = [item for section in demo.meeting.sections for item in section.items]
    tables = [block for _, block in all_blocks(demo.meeting) if isinstance(block, Table)]
    table_count = sum(1 for _, block in all_blocks(meeting) if isinstance(block, Table))
    target = meeting.sections[4]  # เรื่องเพื่อทราบ grows
    turn = 0
    while text_size(document) < TEXT_PER_SCALE * scale:
        item = copy.deepcopy(donors[turn % len(donors)])
        item.items = []
        item.blocks = [b for b in item.blocks if not isinstance(b, Table)]
        if table_count < TABLES_PER_SCALE * scale:
            item.blocks.append(copy.deepcopy(tables[table_count % len(tables)]))
            table_count += 1
        target.items.append(Item(item.title, item.presenter, item.blocks, item.resolution))
        turn += 1
    return document


LARGE_TEXT = 70_000
LARGE_ATTENDEES = 28
LARGE_TABLES = 11
LARGE_ITEMS = 60


def item_count(document: MeetingDocument) -> int:
    return sum(1 for section in document.meeting.sections for _ in walk_items(section.items))


def table_count(document: MeetingDocument) -> int:
    return sum(1 for _, block in all_blocks(document.meeting) if isinstance(block, Table))


def large_meeting(scale: int = 1) -> MeetingDocument:
    """The large meeting of issue 12, `scale` times over: 70,000 characters, 28 attendees,
    11 tables and 60 items at scale 1, grown from the demo (items cloned into the report
    section, tables added to them, then paragraphs until the text is long enough)."""
    demo = read_meeting_file(DEMO_MEETING)
    document = copy.deepcopy(demo)
    meeting = document.meeting
    meeting.attendees = roster_of(demo.meeting.attendees, LARGE_ATTENDEES * scale)
    donors = [item for section in demo.meeting.sections for item in section.items if item.blocks]
    tables = [block for _, block in all_blocks(demo.meeting) if isinstance(block, Table)]
    paragraphs = [block for _, block in all_blocks(demo.meeting) if isinstance(block, Paragraph)]
    target = meeting.sections[4]  # เรื่องเพื่อทราบ grows
    grown: list[Item] = []
    turn = 0
    while item_count(document) < LARGE_ITEMS * scale:
        donor = donors[turn % len(donors)]
        item = Item(donor.title, donor.presenter, [], donor.resolution)
        item.blocks.extend(copy.deepcopy(b) for b in donor.blocks if not isinstance(b, Table))
        target.items.append(item)
        grown.append(item)
        turn += 1
    turn = 0
    while table_count(document) < LARGE_TABLES * scale:
        grown[(turn * 7) % len(grown)].blocks.append(copy.deepcopy(tables[turn % len(tables)]))
        turn += 1
    turn = 0
    while text_size(document) < LARGE_TEXT * scale:
        grown[(turn * 3) % len(grown)].blocks.insert(0, copy.deepcopy(paragraphs[turn % len(paragraphs)]))
        turn += 1
    return document
