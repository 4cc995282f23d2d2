"""Long work off the window's thread, as the clerk meets it: F7 (the checks) and Ctrl+E (export).

While the checks run the clerk goes on typing, and every key is stored; the findings that come
back are those `check_document` gives and point at the meeting's own items, even when the agenda
changed meanwhile; a check that fails says so in Thai. An export runs in a worker behind a
progress box that Esc cancels, and a cancelled export leaves the folder as it was; a failing one
is said in Thai. The benchmark's probe (`ui.probe`) writes a line for each key handled.
"""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from exporters.layout import Layout
from models.checkjob import PlacedFinding, check_pickled, meeting_nodes
from models.checks import Finding, OtherMeeting, check_document
from models.meeting import Item, MeetingDocument, Node, Paragraph
from tests.conftest import reopened
from tests.keyboard import focused, press, type_text
from tests.test_window import Accepting, answer_next_box
from tests.test_window_messages import Screen, screen  # noqa: F401  (the fixture)
from ui.checks_panel import CHANGED_MEANWHILE, RUNNING, Checker
from ui.main_window import MainWindow

WRONG_AMOUNT = "รวมเป็นเงิน ๕๐๐ บาท (หกร้อยบาทถ้วน)"
RELEASE_TIMEOUT_S = 30  # a checker run on the window's own thread would wait this long, then go on


def blocked_checker(release: threading.Event, threads: list[str]) -> Checker:
    """The real checks, held back until the test has typed what it types meanwhile."""

    def checker(
        payload: bytes, others: Sequence[OtherMeeting], accepted: Sequence[str]
    ) -> list[PlacedFinding]:
        threads.append(threading.current_thread().name)
        release.wait(RELEASE_TIMEOUT_S)
        return check_pickled(payload, others, accepted)

    return checker


def what_check_document_says(window: MainWindow, document: MeetingDocument) -> list[Finding]:
    database = window.database
    others = [OtherMeeting(m.id, m.seq, m.year) for m in database.list_meetings()]
    office = document.office
    accepted = database.office_words(office.id) if office is not None and office.id is not None else []
    return check_document(document, others, accepted)


def paragraph_typed_into(window: MainWindow, qtbot: QtBot, item: Item, text: str) -> None:
    window.tabs.setCurrentWidget(window.agenda_tab)
    window.agenda_tab.select(item)
    editor = window.agenda_tab.item_editor
    assert editor is not None
    editor.add_block(Paragraph(""))
    field = editor.block_widgets[-1].field
    field.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(field.hasFocus)
    type_text(text)


def live_nodes(window: MainWindow) -> list[Node]:
    return list(meeting_nodes(window.editor.document.meeting))


# --- checks ---------------------------------------------------------------------------------


def test_keys_typed_while_the_checks_run_are_all_stored(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    item = window.editor.document.meeting.sections[4].items[0]
    paragraph_typed_into(window, qtbot, item, "")
    paragraph = focused()
    at_f7 = copy.deepcopy(window.editor.document)
    release, threads = threading.Event(), list[str]()
    window.checks.checker = blocked_checker(release, threads)

    press(Qt.Key.Key_F7)
    assert window.checks.busy.isVisible() and window.checks.summary.text() == RUNNING
    cursor = QApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.BusyCursor
    type_text("ที่ประชุมรับทราบ และมอบหมาย\nให้อำเภอดำเนินการต่อไป\t")  # Tab leaves the paragraph
    assert focused() is not paragraph
    editor = window.agenda_tab.item_editor
    assert editor is not None
    editor.resolution.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(editor.resolution.hasFocus)
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # what the resolution said is replaced
    type_text("รับทราบ และถือปฏิบัติ")
    assert window.checks.summary.text() == RUNNING and window.checks.findings == []  # still running

    with qtbot.waitSignal(window.checks.shown, timeout=60_000):
        release.set()

    typed = "ที่ประชุมรับทราบ และมอบหมาย\nให้อำเภอดำเนินการต่อไป"
    assert threads and "MainThread" not in threads
    assert paragraph.toPlainText() == typed  # type: ignore[attr-defined]
    stored = item.blocks[-1]
    assert isinstance(stored, Paragraph) and stored.text == typed
    assert item.resolution == "รับทราบ และถือปฏิบัติ"
    again = reopened(db_path).meeting.sections[4].items[0]
    assert again.blocks[-1] == Paragraph(typed) and again.resolution == "รับทราบ และถือปฏิบัติ"
    # the findings are those of the meeting as it was at F7, said to be older than what is typed
    assert [str(f) for f in window.checks.findings] == [
        str(f) for f in what_check_document_says(window, at_f7)
    ]
    assert window.checks.summary.text().endswith(CHANGED_MEANWHILE)
    nodes = live_nodes(window)
    assert all(f.node is None or any(f.node is node for node in nodes) for f in window.checks.findings)
    assert QApplication.overrideCursor() is None and not window.checks.busy.isVisible()


def test_f7_shows_the_findings_of_check_document_and_goes_to_their_place(
    window: MainWindow, qtbot: QtBot
) -> None:
    item = window.editor.document.meeting.sections[4].items[1]
    paragraph_typed_into(window, qtbot, item, WRONG_AMOUNT)

    with qtbot.waitSignal(window.checks.shown, timeout=120_000):  # the checking process starts here
        press(Qt.Key.Key_F7)

    expected = what_check_document_says(window, window.editor.document)
    shown = window.checks.findings
    assert [str(f) for f in shown] == [str(f) for f in expected]
    assert all(a.node is b.node for a, b in zip(shown, expected, strict=True))  # the meeting's own nodes
    assert not window.checks.summary.text().endswith(CHANGED_MEANWHILE)
    wrong = next(i for i, f in enumerate(shown) if "หกร้อย" in f.message)
    window.tabs.setCurrentWidget(window.header_tab)
    window.checks.list.setCurrentRow(wrong)
    window.checks._activated(window.checks.list.currentItem())
    assert window.tabs.currentWidget() is window.agenda_tab
    assert window.agenda_tab.current_node() is item


def test_f7_checks_in_the_window_when_no_checking_process_can_start(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415

    def no_process(*_: object, **__: object) -> list[PlacedFinding]:
        raise BrokenProcessPool("A child process terminated abruptly")

    monkeypatch.setattr("ui.checks_panel.in_own_process", no_process)
    item = window.editor.document.meeting.sections[4].items[1]
    paragraph_typed_into(window, qtbot, item, WRONG_AMOUNT)
    with qtbot.waitSignal(window.checks.shown, timeout=60_000):
        press(Qt.Key.Key_F7)
    expected = what_check_document_says(window, window.editor.document)
    assert [str(f) for f in window.checks.findings] == [str(f) for f in expected]
    assert any("หกร้อย" in f.message and f.node is item for f in window.checks.findings)
    assert "BrokenProcessPool" in capsys.readouterr().err


def test_findings_point_at_their_items_when_the_agenda_changed_meanwhile(
    window: MainWindow, qtbot: QtBot
) -> None:
    section = window.editor.document.meeting.sections[4]
    kept, removed = section.items[1], section.items[2]
    paragraph_typed_into(window, qtbot, kept, WRONG_AMOUNT)
    paragraph_typed_into(window, qtbot, removed, WRONG_AMOUNT)
    release, threads = threading.Event(), list[str]()
    window.checks.checker = blocked_checker(release, threads)
    press(Qt.Key.Key_F7)

    window.agenda_tab.select(section.items[0])
    window.add_sibling()  # a new item before `kept`: its number changes
    type_text("เรื่องที่แทรกระหว่างตรวจ")
    window.agenda_tab.select(removed)
    window.delete_node(confirm=False)
    with qtbot.waitSignal(window.checks.shown, timeout=60_000):
        release.set()

    amounts = [f for f in window.checks.findings if "หกร้อย" in f.message]
    assert [f.node for f in amounts] == [kept] and amounts[0].node is kept  # the removed item's is left out
    assert window.checks.summary.text().endswith(CHANGED_MEANWHILE)
    window.go_to(amounts[0])
    assert window.agenda_tab.current_node() is kept


def test_a_check_that_fails_says_so_in_thai(
    window: MainWindow, qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    def failing(
        payload: bytes, others: Sequence[OtherMeeting], accepted: Sequence[str]
    ) -> list[PlacedFinding]:
        raise RuntimeError("segmentation blew up at offset 1234")

    window.checks.checker = failing
    with qtbot.waitSignal(window.checks.shown, timeout=60_000):
        press(Qt.Key.Key_F7)

    summary = window.checks.summary.text()
    assert summary.startswith("ตรวจไม่สำเร็จ: เกิดข้อผิดพลาดภายในโปรแกรม (RuntimeError)")
    assert "Traceback" not in summary and "offset" not in summary
    assert window.checks.findings == [] and not window.checks.busy.isVisible()
    assert QApplication.overrideCursor() is None
    assert "Traceback" in capsys.readouterr().err  # for whoever looks after the program


def test_f7_pressed_again_while_checking_checks_again_afterwards(window: MainWindow, qtbot: QtBot) -> None:
    release, threads = threading.Event(), list[str]()
    window.checks.checker = blocked_checker(release, threads)
    press(Qt.Key.Key_F7)
    press(Qt.Key.Key_F7)
    assert len(threads) <= 1  # one run at a time
    with qtbot.waitSignal(window.checks.shown, timeout=60_000):
        release.set()
    qtbot.waitUntil(lambda: len(threads) == 2 and not window.checks.running, timeout=60_000)


# --- export ---------------------------------------------------------------------------------


@pytest.mark.parametrize("active", [True, False], ids=["box-active", "box-not-active"])
def test_cancelling_an_export_with_escape_leaves_the_folder_as_it_was(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, active: bool
) -> None:
    """Escape in the progress box: its cancel shortcut while it is the active window, else the
    dialog's own Escape, which rejects it (seen under load, when the box had not been activated
    yet): either way nothing is written."""
    import exporters  # noqa: PLC0415
    from ui.dialogs import ExportDialog  # noqa: PLC0415

    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "letter.pdf").write_bytes(b"the letter exported yesterday")
    real = exporters.writer_for
    writing, release = threading.Event(), threading.Event()
    threads: list[str] = []

    def writer_for(document: str, kind: str) -> exporters.Writer:
        write = real(document, kind)

        def slow(meeting: MeetingDocument, path: Path, layout: Layout) -> None:
            threads.append(threading.current_thread().name)
            write(meeting, path, layout)  # complete, under its temporary name
            if (document, kind) == ("minutes", "pdf"):
                writing.set()
                release.wait(RELEASE_TIMEOUT_S)  # the clerk cancels while this one is being written

        return slow

    monkeypatch.setattr("exporters.writer_for", writer_for)
    pressed: list[bool] = []

    def escape_when_shown() -> None:
        progress = window.export_progress
        if not pressed and writing.is_set() and progress is not None and progress.isVisible():
            if active and not progress.isActiveWindow():
                progress.activateWindow()
                return
            if active:
                QTest.keyClick(progress, Qt.Key.Key_Escape)
            else:
                progress.reject()  # what Escape does to a dialog whose shortcut is not live
            pressed.append(True)
            release.set()

    timer = QTimer()
    timer.timeout.connect(escape_when_shown)
    timer.start(20)
    dialog = ExportDialog(str(folder), [("minutes", "docx"), ("minutes", "pdf"), ("letter", "pdf")])
    qtbot.addWidget(dialog)
    answer_next_box("แทนที่")  # yesterday's letter.pdf may be replaced

    written = window.export_documents(Accepting(dialog))
    timer.stop()

    assert pressed and written == []
    assert "ยกเลิก" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.export_job is None, timeout=60_000)  # the worker has ended
    assert sorted(p.name for p in folder.iterdir()) == ["letter.pdf"]  # nothing new, no temporaries
    assert (folder / "letter.pdf").read_bytes() == b"the letter exported yesterday"
    assert threads and "MainThread" not in threads


def test_an_export_written_in_the_worker_lands_under_its_names(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    from ui.dialogs import ExportDialog  # noqa: PLC0415

    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "minutes.docx").write_bytes(b"last week's minutes")
    (folder / "minutes.docx").chmod(0o640)
    dialog = ExportDialog(str(folder), [("minutes", "docx"), ("letter", "docx")])
    qtbot.addWidget(dialog)
    asked = answer_next_box("แทนที่")

    written = window.export_documents(Accepting(dialog))

    assert len(asked) == 1 and "minutes.docx" in asked[0] and "letter.docx" not in asked[0]
    assert [p.name for p in written] == ["minutes.docx", "letter.docx"]
    assert sorted(p.name for p in folder.iterdir()) == ["letter.docx", "minutes.docx"]
    assert (folder / "minutes.docx").read_bytes()[:2] == b"PK"  # a whole DOCX replaced last week's
    assert (folder / "minutes.docx").stat().st_mode & 0o777 == 0o640  # its permissions kept


def test_an_unexpected_failure_in_the_export_worker_is_said_in_thai(
    window: MainWindow,
    screen: Screen,  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.dialogs import ExportDialog  # noqa: PLC0415

    def broken(meeting: MeetingDocument, path: Path, layout: object) -> None:
        path.write_bytes(b"half a document")
        raise KeyError("glyph 0x0e33 missing from the width table")

    monkeypatch.setattr("exporters.writer_for", lambda *_: broken)
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = ExportDialog(str(folder), [("minutes", "pdf")])
    qtbot.addWidget(dialog)

    assert window.export_documents(Accepting(dialog)) == []

    assert list(folder.iterdir()) == []
    assert len(screen.boxes) == 1
    text = screen.boxes[0].text
    assert "ส่งออกรายงานการประชุม (PDF) ไม่สำเร็จ" in text and "เกิดข้อผิดพลาดภายในโปรแกรม (KeyError)" in text
    assert "Traceback" not in text and "0x0e33" not in text


# --- the benchmark's probe -------------------------------------------------------------------


def test_the_probe_writes_a_line_for_each_key_handled(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.probe import install_probe  # noqa: PLC0415

    application = QApplication.instance()
    assert isinstance(application, QApplication)
    assert install_probe(application) is None  # nothing without the variable
    target = tmp_path / "probe.txt"
    monkeypatch.setenv("THAI_MINUTES_PROBE", str(target))
    probe = install_probe(application)
    assert probe is not None
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    before = time.monotonic()
    try:
        type_text("ก ข")
        qtbot.waitUntil(lambda: target.is_file() and len(target.read_text().splitlines()) == 3)
    finally:
        application.removeEventFilter(probe)
    lines = [line.split() for line in target.read_text().splitlines()]
    assert [(line[0], line[2], line[3]) for line in lines] == [
        ("key", "QLineEdit", "0e01"),
        ("key", "QLineEdit", "0020"),
        ("key", "QLineEdit", "0e02"),
    ]
    times = [float(line[1]) for line in lines]
    assert before <= times[0] <= times[1] <= times[2] <= time.monotonic()
    assert field.text() == "ก ข"
