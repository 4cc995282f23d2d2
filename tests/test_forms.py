"""Issue 18: the documents written from one meeting besides the minutes. The resolutions' form
(สรุปมติ, part 5): the heading, each section and item under which something was resolved,
numbered as in the minutes, with its resolution; nothing of the text, the roster or the
signatures. The agenda sent before the meeting (ระเบียบวาระการประชุม, part 1): every section
and item numbered as the minutes will be, with presenter lines and attachments, no text. The
public version (ฉบับเผยแพร่, part 5): the minutes without the items marked confidential (ลับ)."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from exporters.compose import (
    PUBLIC_VERSION,
    Composition,
    Para,
    compose_agenda,
    compose_minutes,
    compose_public,
    compose_resolutions,
)
from exporters.layout import DEFAULT_LAYOUT
from models.meeting import Item, MeetingDocument, Paragraph
from models.meetingfile import read_meeting_file, write_meeting_file
from models.storage import Database
from tests.conftest import reopen, reopened
from tests.keyboard import focused, press, type_text
from tests.pdf_readers import mupdf_text, poppler_text
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent


def texts(document: MeetingDocument) -> list[str]:
    return paragraphs(compose_resolutions(document, DEFAULT_LAYOUT))


def paragraphs(composition: Composition) -> list[str]:
    return [
        "".join(span.text for span in element.spans)
        for element in composition.body
        if isinstance(element, Para)
    ]


def test_the_resolutions_form_holds_titles_and_resolutions_only(demo: MeetingDocument) -> None:
    lines = texts(demo)
    assert lines[0].startswith("สรุปมติการประชุมประจำเดือน")
    assert "๔.๒ การจัดงานแสดงและจำหน่ายสินค้า OTOP ของดีจังหวัดพะเยา" in lines
    assert "มติที่ประชุม\tรับทราบ" in lines
    words = " ".join(lines)
    assert demo.meeting.attendees[0].first not in words  # no roster
    assert "ครัวเรือน" not in words.replace("จปฐ.", "")  # no paragraph of the items' text
    assert demo.meeting.recorder is not None and demo.meeting.recorder.name not in words


def test_an_item_without_a_resolution_is_left_out_and_the_others_keep_their_numbers(
    demo: MeetingDocument,
) -> None:
    unresolved = copy.deepcopy(demo)
    unresolved.meeting.sections[4].items[0].resolution = ""  # ๔.๑ resolved nothing
    lines = texts(unresolved)
    assert not [line for line in lines if line.startswith("๔.๑ ")]
    assert [line for line in lines if line.startswith("๔.๒ ")]  # still ๔.๒, as in the minutes
    for section in unresolved.meeting.sections:
        section.resolution = ""
        for item in section.items:
            item.resolution = ""
            for sub in item.items:
                sub.resolution = ""
    assert "การประชุมครั้งนี้ยังไม่มีมติที่ประชุม" in texts(unresolved)


def test_the_command_writes_the_resolutions_form_as_pdf_and_docx(
    demo: MeetingDocument, tmp_path: Path
) -> None:
    source = tmp_path / "meeting.json"
    write_meeting_file(demo, source)
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "export",
            str(source),
            "-o",
            str(tmp_path),
            "--only",
            "resolutions",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "resolutions.docx").read_bytes()[:2] == b"PK"
    for reader in (poppler_text, mupdf_text):  # what two PDF readers get from it
        read = " ".join(reader(tmp_path / "resolutions.pdf").split())
        assert "สรุปมติการประชุมประจำเดือน" in read
        assert "มติที่ประชุม รับรองรายงานการประชุม โดยไม่มีการแก้ไข" in read


def test_the_agenda_lists_every_item_with_its_presenter_and_attachments_and_no_text(
    demo: MeetingDocument,
) -> None:
    lines = paragraphs(compose_agenda(demo, DEFAULT_LAYOUT))
    assert lines[0].startswith("ระเบียบวาระการประชุมประจำเดือน")
    assert "ระเบียบวาระที่ ๑\tเรื่องที่ประธานแจ้งให้ทราบ" in lines
    assert "๔.๒ การจัดงานแสดงและจำหน่ายสินค้า OTOP ของดีจังหวัดพะเยา" in lines
    assert "นายวีระพงษ์ คำแสน พัฒนาการจังหวัดพะเยา แจ้งให้ที่ประชุมทราบ จำนวน ๒ เรื่อง ดังนี้" in lines
    assert any("(เอกสารแนบ ๑)" in line for line in lines)
    words = " ".join(lines)
    assert "มติที่ประชุม" not in words and "ก่อนเข้าระเบียบวาระ" not in words
    assert "ครัวเรือน" not in words.replace("จปฐ.", "")


def test_the_command_writes_the_agenda(demo: MeetingDocument, tmp_path: Path) -> None:
    source = tmp_path / "meeting.json"
    write_meeting_file(demo, source)
    command = [sys.executable, str(ROOT / "main.py"), "export", str(source), "-o", str(tmp_path)]
    done = subprocess.run([*command, "--only", "agenda"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    for reader in (poppler_text, mupdf_text):
        read = " ".join(reader(tmp_path / "agenda.pdf").split())
        assert "ระเบียบวาระการประชุมประจำเดือน" in read and "๖.๑ กำหนดการประชุมครั้งต่อไป" in read


def with_a_confidential_item(demo: MeetingDocument) -> MeetingDocument:
    """The demo with ๔.๒ (the OTOP fair) confidential, a sub-item of its own under it."""
    document = copy.deepcopy(demo)
    fair = document.meeting.sections[4].items[1]
    fair.confidential = True
    fair.blocks.append(Paragraph("งบประมาณค่าเช่าพื้นที่ ๑๒๐,๐๐๐ บาท"))
    fair.items.append(Item("ผู้ประกอบการที่ได้รับคัดเลือก", blocks=[Paragraph("ห้างหุ้นส่วนจำกัดรุ่งเรืองพะเยา")]))
    return document


def test_the_public_version_leaves_out_confidential_items_and_keeps_the_numbers(
    demo: MeetingDocument,
) -> None:
    document = with_a_confidential_item(demo)
    public = paragraphs(compose_public(document, DEFAULT_LAYOUT))
    words = " ".join(public)
    assert PUBLIC_VERSION in public[:6]
    assert "การจัดงานแสดงและจำหน่ายสินค้า OTOP" not in words
    assert "๑๒๐,๐๐๐" not in words and "รุ่งเรืองพะเยา" not in words  # its text and its sub-item
    assert any(line.startswith("๔.๑ ") for line in public)
    assert any(line.startswith("๔.๓ ") for line in public)  # ๔.๓ still, as the signed minutes number it
    assert not any(line.startswith("๔.๒ ") for line in public)
    minutes = " ".join(paragraphs(compose_minutes(document, DEFAULT_LAYOUT)))
    assert "การจัดงานแสดงและจำหน่ายสินค้า OTOP" in minutes and "รุ่งเรืองพะเยา" in minutes
    assert PUBLIC_VERSION not in minutes


@pytest.mark.parametrize("database", ["sqlite", "postgresql"], indirect=True)
def test_the_confidential_mark_is_kept_by_the_database_and_the_meeting_file(
    database: Database, demo: MeetingDocument, tmp_path: Path
) -> None:
    document = with_a_confidential_item(demo)
    meeting_id = database.add_document(copy.deepcopy(document))
    with reopen(database) as again:
        stored = again.load_document(meeting_id)
    assert stored.meeting.sections[4].items[1].confidential
    assert not stored.meeting.sections[4].items[0].confidential
    path = tmp_path / "meeting.json"
    write_meeting_file(stored, path)
    assert path.read_text(encoding="utf-8").count('"confidential": true') == 1  # only where set
    assert read_meeting_file(path).meeting.sections[4].items[1].confidential


def test_the_command_writes_the_public_version(demo: MeetingDocument, tmp_path: Path) -> None:
    source = tmp_path / "meeting.json"
    write_meeting_file(with_a_confidential_item(demo), source)
    command = [sys.executable, str(ROOT / "main.py"), "export", str(source), "-o", str(tmp_path)]
    done = subprocess.run([*command, "--only", "public"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "public.docx").read_bytes()[:2] == b"PK"
    for reader in (poppler_text, mupdf_text):
        read = " ".join(reader(tmp_path / "public.pdf").split())
        assert "ฉบับเผยแพร่" in read and "๔.๓" in read
        assert "ของดีจังหวัดพะเยา" not in read and "รุ่งเรืองพะเยา" not in read


def test_an_item_is_marked_confidential_from_the_keyboard(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    """In the item's form, Tab from the presenter to ติดตาม…, Tab to เรื่องลับ, Space: stored,
    shown in the tree, and nothing else changed; Space again takes it off."""
    from ui.agenda import CONFIDENTIAL_LABEL  # noqa: PLC0415

    window.tabs.setCurrentWidget(window.agenda_tab)
    tree, model = window.agenda_tab.tree, window.agenda_tab.model
    assert model is not None
    before = copy.deepcopy(window.editor.document)
    fair = model.index(1, 0, model.index(4, 0))  # ๔.๒
    tree.setFocus()
    tree.setCurrentIndex(fair)
    editor = window.agenda_tab.item_editor
    assert editor is not None and editor.presenter is not None
    presenter = editor.presenter
    presenter.setFocus()
    qtbot.waitUntil(presenter.hasFocus)
    type_text("\t\t")
    assert focused() is editor.confidential and editor.confidential.text() == CONFIDENTIAL_LABEL
    press(Qt.Key.Key_Space)
    assert window.editor.document.meeting.sections[4].items[1].confidential
    assert "(ลับ)" in str(model.data(fair))
    stored = reopened(db_path)
    assert stored.meeting.sections[4].items[1].confidential
    stored.meeting.sections[4].items[1].confidential = False
    assert stored == before  # nothing else changed
    press(Qt.Key.Key_Space)
    assert not reopened(db_path).meeting.sections[4].items[1].confidential
    assert "(ลับ)" not in str(model.data(fair))
