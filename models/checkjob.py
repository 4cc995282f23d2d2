"""The checks as the window's checking process runs them (F7): the meeting arrives pickled (the
window pickles it on its own thread at the moment F7 is pressed, which is the snapshot), and the
findings go back without the process's copies of the sections and items, each with the index of
its place in `meeting_nodes` order, by which the window finds its own node.

The window runs them in a process of its own so that the checks, their word list included, never
share an interpreter lock with the window's typing. Nothing here imports Qt.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import pickle
from collections.abc import Iterator, Sequence

from models.checks import Finding, OtherMeeting, check_document
from models.meeting import Meeting, MeetingDocument, Node, Section, walk_items

PlacedFinding = tuple[Finding, int | None]  # the finding without its node, and the node's index


def meeting_nodes(meeting: Meeting) -> Iterator[Node]:
    """Every section and item, in printing order (the order a finding's place is counted in)."""
    for section in meeting.sections:
        yield section
        for _, item in walk_items(section.items):
            yield item


def check_pickled(
    payload: bytes, others: Sequence[OtherMeeting], accepted: Sequence[str]
) -> list[PlacedFinding]:
    """Every check of the pickled meeting document, as F7 runs them."""
    document = pickle.loads(payload)  # pickled by this program's window a moment ago
    if not isinstance(document, MeetingDocument):
        raise TypeError(f"expected a meeting document, got {type(document).__name__}")
    places = {id(node): index for index, node in enumerate(meeting_nodes(document.meeting))}
    return [
        (dataclasses.replace(finding, node=None), places.get(id(finding.node)) if finding.node else None)
        for finding in check_document(document, others, accepted)
    ]


def prepare() -> None:
    """Run once when the checking process starts: below the window in the CPU's favour, and the
    word list and spelling list loaded by checking a small meeting, so the first F7 does not wait
    for them."""
    if hasattr(os, "nice"):
        os.nice(5)
    meeting = Meeting("การประชุม", 1, 2567, dt.date(2024, 1, 1), sections=[Section("ทดสอบคำว่าฎฏฐฑฒ")])
    check_pickled(pickle.dumps(MeetingDocument(meeting)), [], [])
