"""What one edit of an open meeting changed, as a typed record.

Every edit of `models.editing.MeetingEditor` returns a `Change` and announces it to the editor's
listeners. The window shows each change in the views that hold what changed, and only there, so
that the field being typed into is never rewritten by its own keystroke.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ChangeKind(StrEnum):
    MEETING = "meeting"  # a header field of the meeting (field: its name)
    ATTENDEE = "attendee"  # a field of one attendee (target: the attendee)
    ROSTER = "roster"  # attendees inserted, removed or moved
    NODE = "node"  # a field of a section or item (target: the node)
    TREE = "tree"  # sections or items inserted, removed or moved (target: the parent, None at the top)
    BLOCK = "block"  # a field of a block (target: the block)
    BLOCKS = "blocks"  # blocks of a node inserted, removed or moved (target: the node)
    CELL = "cell"  # one cell of a table (target: the table; index: (row, column))
    ROWS = "rows"  # rows of a table inserted, removed, moved or replaced (target: the table)
    TABLE = "table"  # a table's columns and rows at once (target: the table)
    LETTER = "letter"  # a field of the cover letter (field: its name)
    RECIPIENTS = "recipients"  # the letter's distribution list
    OFFICE = "office"  # the sending office's profile
    CERTIFICATION = "certification"  # answers, certification, amendments


@dataclass(frozen=True)
class Change:
    """One edit: what kind of thing, which one, and its value before and after.

    `target` is the domain object that changed (an attendee, node, block or table, or the parent
    whose children changed); views compare it by identity. `old` is what undo needs to put the
    meeting back: the value replaced, the object removed, or where a moved object stood.
    """

    kind: ChangeKind
    target: object | None = None
    field: str = ""
    old: object = None
    new: object = None
    index: tuple[int, ...] = ()

    @property
    def target_id(self) -> int | None:
        """The database id of the object that changed, when it has one."""
        value = getattr(self.target, "id", None)
        return value if isinstance(value, int) else None
