"""Issue 18, part 3: a resolution carried by votes. The counts (เห็นด้วย, ไม่เห็นด้วย,
งดออกเสียง) are typed in the item's form, stored on both backends and in the meeting file, printed
after the resolution in the customary wording, and checked against those present."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from exporters.compose import Composition, Para, compose_minutes, compose_resolutions
from exporters.layout import DEFAULT_LAYOUT
from models.checks import Severity, check_document
from models.meeting import AttendeeStatus, MeetingDocument, Vote
from models.meetingfile import read_meeting_file, write_meeting_file
from models.storage import Database
from tests.conftest import reopen, reopened
from tests.keyboard import focused, press, type_text
from ui.main_window import MainWindow

CONSIDERED = (5, 0)  # ระเบียบวาระที่ ๕ เรื่องเพื่อพิจารณา, its first item ๕.๑


def texts(composition: Composition) -> list[str]:
    return ["".join(span.text for span in e.spans) for e in composition.body if isinstance(e, Para)]


def with_votes(demo: MeetingDocument, vote: Vote) -> MeetingDocument:
    document = copy.deepcopy(demo)
    section, index = CONSIDERED
    document.meeting.sections[section].items[index].vote = vote
    return document


def test_the_votes_print_after_the_resolution_in_the_customary_wording(demo: MeetingDocument) -> None:
    document = with_votes(demo, Vote(12, 0, 1))
    item = document.meeting.sections[CONSIDERED[0]].items[CONSIDERED[1]]
    expected = f"มติที่ประชุม\t{item.resolution} ด้วยคะแนนเสียง เห็นด้วย ๑๒ เสียง ไม่เห็นด้วย ไม่มี งดออกเสียง ๑ เสียง"
    assert expected in texts(compose_minutes(document, DEFAULT_LAYOUT))
    assert expected in texts(compose_resolutions(document, DEFAULT_LAYOUT))  # the resolutions' form too


def test_votes_beyond_those_present_or_without_a_resolution_are_found(demo: MeetingDocument) -> None:
    present = len(demo.meeting.attendees_with(AttendeeStatus.PRESENT))
    too_many = with_votes(demo, Vote(present, 1, 0))
    [finding] = [f for f in check_document(too_many, spelling=False) if "คะแนนเสียง" in f.message]
    assert finding.severity is Severity.ERROR and "มากกว่าผู้มาประชุม" in finding.message
    assert not [
        f
        for f in check_document(with_votes(demo, Vote(present - 1, 1, 0)), spelling=False)
        if "คะแนนเสียง" in f.message
    ]
    unwritten = with_votes(demo, Vote(3, 0, 0))
    unwritten.meeting.sections[CONSIDERED[0]].items[CONSIDERED[1]].resolution = ""
    assert any("ยังไม่มีข้อความมติ" in f.message for f in check_document(unwritten, spelling=False))


@pytest.mark.parametrize("database", ["sqlite", "postgresql"], indirect=True)
def test_the_votes_are_kept_by_the_database_and_the_meeting_file(
    database: Database, demo: MeetingDocument, tmp_path: Path
) -> None:
    document = with_votes(demo, Vote(9, 2, 1))
    document.meeting.sections[2].vote = Vote(14, 0, 0)  # a section's own resolution, counted too
    meeting_id = database.add_document(copy.deepcopy(document))
    with reopen(database) as again:
        stored = again.load_document(meeting_id)
    assert stored.meeting.sections[CONSIDERED[0]].items[CONSIDERED[1]].vote == Vote(9, 2, 1)
    assert stored.meeting.sections[2].vote == Vote(14, 0, 0) and stored.meeting.sections[1].vote is None
    path = tmp_path / "meeting.json"
    write_meeting_file(stored, path)
    assert path.read_text(encoding="utf-8").count('"vote"') == 2  # only where counted
    assert read_meeting_file(path) == stored


def test_the_votes_are_typed_in_the_item_s_form(window: MainWindow, qtbot: QtBot, db_path: Path) -> None:
    """From the resolution, Tab to เห็นด้วย, the counts in Thai digits with Tab between them:
    stored at once, the rest of the meeting unchanged; a count that is no number is marked and
    not stored; emptied, the votes are no longer counted."""
    window.tabs.setCurrentWidget(window.agenda_tab)
    tree, model = window.agenda_tab.tree, window.agenda_tab.model
    assert model is not None
    before = copy.deepcopy(window.editor.document)
    tree.setFocus()
    tree.setCurrentIndex(model.index(CONSIDERED[1], 0, model.index(CONSIDERED[0], 0)))
    editor = window.agenda_tab.item_editor
    assert editor is not None
    editor.resolution.setFocus()
    qtbot.waitUntil(editor.resolution.hasFocus)
    type_text("\t")
    assert focused() is editor.votes.fields[0]
    type_text("๑๒\t๒\t๑")
    item = window.editor.document.meeting.sections[CONSIDERED[0]].items[CONSIDERED[1]]
    assert item.vote == Vote(12, 2, 1)
    stored = reopened(db_path)
    assert stored.meeting.sections[CONSIDERED[0]].items[CONSIDERED[1]].vote == Vote(12, 2, 1)
    stored.meeting.sections[CONSIDERED[0]].items[CONSIDERED[1]].vote = None
    assert stored == before  # nothing else changed
    type_text("ก")  # งดออกเสียง `๑ก`: no number
    assert "ตัวเลข" in editor.votes.fields[2].toolTip()
    assert reopened(db_path).meeting.sections[CONSIDERED[0]].items[CONSIDERED[1]].vote == Vote(12, 2, 1)
    for field in editor.votes.fields:  # all emptied: not counted
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        field.selectAll()
        press(Qt.Key.Key_Delete)
    assert reopened(db_path).meeting.sections[CONSIDERED[0]].items[CONSIDERED[1]].vote is None
