"""Issue 18, part 5: the resolutions' form of the minutes (สรุปมติ), written from the same meeting:
the heading, each section and item under which something was resolved, numbered as in the
minutes, with its resolution; nothing of the text, the roster or the signatures."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

from exporters.compose import Para, compose_resolutions
from exporters.layout import DEFAULT_LAYOUT
from models.meeting import MeetingDocument
from models.meetingfile import write_meeting_file
from tests.pdf_readers import mupdf_text, poppler_text

ROOT = Path(__file__).resolve().parent.parent


def texts(document: MeetingDocument) -> list[str]:
    composition = compose_resolutions(document, DEFAULT_LAYOUT)
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
