"""Moving an archive between databases (issue 17): a clerk's SQLite file to the office's server,
or back, meeting by meeting (`main.py copy --from … --to …`).

Each meeting is copied in a transaction of its own, with its office, the office's accepted
words and its amendments. A meeting the target already holds (the same title, number, year
and date) is not copied again: copying twice changes nothing. One the target holds with other
content (edited there since) is left as it is and counted apart: never written over.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

from models.meeting import Meeting, MeetingDocument
from models.storage import Database

MeetingKey = tuple[str, int, int, str]


@dataclass
class CopyCount:
    copied: int = 0
    already_there: int = 0
    differing: list[str] = field(default_factory=list)  # the meetings left as the target has them

    def lines(self) -> list[str]:
        """The count in Thai, for the command line and the window."""
        lines = [f"คัดลอกแล้ว {self.copied} การประชุม, มีอยู่แล้ว {self.already_there} การประชุม"]
        if self.differing:
            lines.append(
                f"มีการประชุมเดียวกันในปลายทางแต่เนื้อหาต่างกัน {len(self.differing)} การประชุม "
                "ไม่ได้คัดลอกทับ (ตรวจดูแล้วแก้ไขในที่ที่ถูกต้อง):"
            )
            lines.extend(f"- {name}" for name in self.differing)
        return lines


def meeting_key(meeting: Meeting) -> MeetingKey:
    return (meeting.title, meeting.seq, meeting.year, meeting.date.isoformat())


def copy_meetings(
    source: Database, target: Database, progress: Callable[[int, int], None] | None = None
) -> CopyCount:
    """Copy every meeting of `source` into `target` that it does not hold (see the module)."""
    summaries = source.list_meetings()
    held: dict[MeetingKey, int] = {
        (summary.title, summary.seq, summary.year, summary.date.isoformat()): summary.id
        for summary in target.list_meetings()
    }
    count = CopyCount()
    for done, summary in enumerate(reversed(summaries), start=1):  # oldest first, as they were made
        document = source.load_document(summary.id)
        key = meeting_key(document.meeting)
        if key in held:
            if target.load_document(held[key]) == document:  # ids aside: the same meeting
                count.already_there += 1
            else:
                count.differing.append(_name(document.meeting))
        else:
            held[key] = _copy_one(source, target, document)
            count.copied += 1
        if progress is not None:
            progress(done, len(summaries))
    return count


def _copy_one(source: Database, target: Database, document: MeetingDocument) -> int:
    words = source.office_words(document.office.id) if document.office and document.office.id else []
    fresh = copy.deepcopy(document)
    with target.transaction():
        meeting_id = target.add_document(fresh)
        for amendment in document.amendments:
            target.add_amendment(meeting_id, amendment)
        office_id = target.meeting_office_id(meeting_id)
        if office_id is not None:
            for word in words:
                target.add_office_word(office_id, word)
    return meeting_id


def _name(meeting: Meeting) -> str:
    return f"ครั้งที่ {meeting.seq}/{meeting.year} {meeting.title} ({meeting.date.isoformat()})"
