"""Damaged, extreme and hostile meeting files, each through what a clerk can do with one: import
it into a database, check it, export both documents in both formats, open it in the window.

Every case is made here from the demo meeting. A file the format cannot hold is refused: exit
status 2, a message in Thai on stderr, no traceback, no file written, the database byte for byte
as it was. A file that can be held is taken (exit 0, or 1 from `check` when it finds an error),
exported without fault and opened in the window.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from main import main
from models.meeting import MeetingDocument
from models.meetingfile import document_to_dict
from models.storage import Database

Json = dict[str, Any]
THAI = "ทดสอบข้อความภาษาไทยที่ยาวมาก"


def _first_item(data: Json) -> Json:
    return data["meeting"]["sections"][1]["items"][0]  # type: ignore[no-any-return]


def _paragraph(text: str) -> Callable[[Json], None]:
    def change(data: Json) -> None:
        _first_item(data).setdefault("blocks", []).append({"type": "paragraph", "text": text})

    return change


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[Json], None]:
    def change(data: Json) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _table(columns: list[Json], rows: list[list[str]]) -> Callable[[Json], None]:
    def change(data: Json) -> None:
        _first_item(data).setdefault("blocks", []).append({"type": "table", "columns": columns, "rows": rows})

    return change


def _title_only_items(count: int) -> Callable[[Json], None]:
    def change(data: Json) -> None:
        data["meeting"]["sections"][1]["items"] = [{"title": f"เรื่องที่ {n} {THAI}"} for n in range(count)]

    return change


ACCEPTED: dict[str, Callable[[Json], None]] = {
    "a 200,000-character paragraph without a space": _paragraph("ก" * 200_000),
    "a 200,000-letter Latin word": _paragraph("a" * 200_000),
    "20,000 digits in a row": _paragraph("๑" * 20_000),
    "an amount of 20,000 digits in words' place": _paragraph("จำนวน " + "9" * 20_000 + " บาท (หนึ่งบาทถ้วน)"),
    "control characters pasted from a PDF": _paragraph("ก\x00ข\x07ค\x1bง\x0cจ\ufffeฉ\uffff"),
    "a lone surrogate escaped in the file": _paragraph("ก\ud800ข"),
    "bidi override characters": _paragraph("ผู้อำนวยการ\u202eสำนักงาน\u2066"),
    "HTML and an image tag in a name": _set(("meeting", "title"), "<img src='/dev/zero'><b>การประชุม</b>"),
    "22 items with only a title": _title_only_items(22),
    "a cell of 1,300 Thai characters": _table(
        [{"title": "ที่"}, {"title": "เรื่อง"}, {"title": "หมายเหตุ"}], [["1", "ก" * 1300, "ข"]]
    ),
    "a long URL in a narrow column": _table(
        [{"title": c} for c in "ABCDEFGHIJ"], [["https://example.org/" + "a" * 300, *["1"] * 9]]
    ),
    "a figure of 40 digits": _table(
        [{"title": "ก"}, {"title": "จำนวน", "kind": "number"}], [["ก", "1" * 40], ["ข", "2"]]
    ),
    "a formula 330 brackets deep": _table(
        [
            {"title": "ก", "kind": "number"},
            {"title": "ข", "kind": "number", "formula": "(" * 330 + "A" + ")" * 330},
        ],
        [["1", ""]],
    ),
}

REFUSED: dict[str, Callable[[Json], None] | bytes] = {
    "a 200,000-character title": _set(("meeting", "title"), "ก" * 200_000),
    "a meeting number 1.0": _set(("meeting", "seq"), 1.0),
    "a meeting number 0": _set(("meeting", "seq"), 0),
    "a meeting number of 20 digits": _set(("meeting", "seq"), 10**20),
    "a year 3000": _set(("meeting", "year"), 3000),
    "a Buddhist-era year in an ISO date": _set(("meeting", "date"), "2565-08-01"),
    "a field name with terminal escapes": _set(("meeting", "\x1b[31mชื่อ\x07"), "x"),
    "JSON nested 500 levels": b'{"format": "thai-minutes", "meeting": ' + b"[" * 500 + b"]" * 500 + b"}",
    "not JSON": b"\x89PNG\r\n\x1a\n\x00\x00",
    "an empty file": b"",
    "a lone surrogate as raw bytes": b'{"format": "thai-minutes", "meeting": {"title": "\xed\xa0\x80"}}',
}


def write_case(folder: Path, demo: MeetingDocument, case: Callable[[Json], None] | bytes) -> Path:
    path = folder / "case.minutes.json"
    if isinstance(case, bytes):
        path.write_bytes(case)
    else:
        data = document_to_dict(copy.deepcopy(demo))
        case(data)
        path.write_text(json.dumps(data), "ascii")  # a lone surrogate is written as its escape
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def has_thai(text: str) -> bool:
    return any("\u0e00" <= char <= "\u0e7f" for char in text)


@pytest.fixture
def existing_database(tmp_path: Path, demo: MeetingDocument) -> Path:
    path = tmp_path / "office.sqlite3"
    with Database.open(path, backup=False) as database:
        database.add_document(copy.deepcopy(demo))
    return path


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_file_the_format_cannot_hold_is_refused_in_thai_and_nothing_changes(
    name: str,
    tmp_path: Path,
    demo: MeetingDocument,
    existing_database: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = write_case(tmp_path, demo, REFUSED[name])
    before = digest(existing_database)
    out = tmp_path / "out"
    out.mkdir()
    for argv in (
        ["import", str(source), "--db", str(existing_database)],
        ["check", str(source)],
        ["export", str(source), "-o", str(out)],
    ):
        assert main(argv) == 2, argv
        captured = capsys.readouterr()
        assert has_thai(captured.err) and "Traceback" not in captured.err, captured.err
        assert "\x1b" not in captured.err and "\x07" not in captured.err
    assert digest(existing_database) == before
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_a_file_that_can_be_held_imports_checks_exports_and_opens(
    name: str,
    tmp_path: Path,
    demo: MeetingDocument,
    existing_database: Path,
    qtbot: QtBot,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = write_case(tmp_path, demo, ACCEPTED[name])
    out = tmp_path / "out"
    out.mkdir()
    assert main(["import", str(source), "--db", str(existing_database)]) == 0
    assert main(["check", str(source)]) in (0, 1)  # 1: it found something to correct
    assert main(["export", str(source), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err, captured.err
    if "control" in name or "surrogate" in name:  # taken, and said what was left out
        assert "คำเตือน: ตัดอักขระควบคุม" in captured.err
    written = sorted(path.name for path in out.iterdir())
    assert written == ["letter.docx", "letter.pdf", "minutes.docx", "minutes.pdf"]

    from ui.app import create_window  # noqa: PLC0415

    database = Database.open(existing_database, backup=False)
    window = create_window(database)
    qtbot.addWidget(window)
    try:
        for summary in database.list_meetings():
            window.open_meeting(summary.id)
            assert window.editor.meeting_id == summary.id
    finally:
        window.close()
        database.close()
