"""The command line as a clerk or a script uses it: real processes, Thai messages, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from models.paths import DEMO_MEETING

MAIN = Path(__file__).resolve().parent.parent / "main.py"


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONIOENCODING": "utf-8",
        "QT_QPA_PLATFORM": "offscreen",
        "THAI_MINUTES_EXIT_AFTER_SHOW": "1",
    }
    return subprocess.run(  # noqa: PLW1510  (the tests read the exit code)
        [sys.executable, str(MAIN), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


def test_import_then_dump_gives_back_the_demo_meeting(tmp_path: Path) -> None:
    db = tmp_path / "m.sqlite3"
    imported = run("import", DEMO_MEETING, "--db", db)
    assert imported.returncode == 0, imported.stderr
    meeting_id = imported.stdout.strip()
    assert meeting_id == "1"
    out = tmp_path / "out.minutes.json"
    dumped = run("dump", "--meeting", meeting_id, "--db", db, "-o", out)
    assert dumped.returncode == 0, dumped.stderr
    assert json.loads(out.read_text("utf-8")) == json.loads(DEMO_MEETING.read_text("utf-8"))
    to_stdout = run("--db", db, "dump", "--meeting", meeting_id)
    assert json.loads(to_stdout.stdout) == json.loads(DEMO_MEETING.read_text("utf-8"))


def test_opening_an_empty_database_adds_the_demo_meeting(tmp_path: Path) -> None:
    db = tmp_path / "m.sqlite3"
    assert run("--db", db).returncode == 0
    assert run("--db", db).returncode == 0
    dumped = run("dump", "--meeting", "1", "--db", db)
    assert json.loads(dumped.stdout)["meeting"]["seq"] == 10
    missing = run("dump", "--meeting", "2", "--db", db)
    assert missing.returncode == 2  # added once only
    assert "ไม่มีการประชุมหมายเลข 2" in missing.stderr


def test_the_default_database_is_the_users(tmp_path: Path) -> None:
    assert run("import", DEMO_MEETING).returncode == 0
    assert Path(os.environ["THAI_MINUTES_DB"]).exists()


def test_a_bad_meeting_file_is_explained_in_thai(tmp_path: Path) -> None:
    data = json.loads(DEMO_MEETING.read_text("utf-8"))
    data["meeting"]["attendees"][2]["status"] = "มา"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    result = run("import", bad, "--db", tmp_path / "m.sqlite3")
    assert result.returncode == 2
    assert "$.meeting.attendees[2].status" in result.stderr
    assert "Traceback" not in result.stderr
    checked = run("check", bad)
    assert checked.returncode == 2  # a file that cannot be read is a mistake, not a finding
    assert "ผิดพลาด: $.meeting.attendees[2].status" in checked.stdout
    assert "อ่านไฟล์ bad.json ไม่ได้" in checked.stderr


def test_check_of_the_demo_finds_only_unknown_words(tmp_path: Path) -> None:
    result = run("check", DEMO_MEETING)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("คำเตือน:") and "ไม่รู้จักคำว่า" in line for line in lines)


def test_check_reports_a_table_cell_that_is_not_a_number(tmp_path: Path) -> None:
    data = json.loads(DEMO_MEETING.read_text("utf-8"))
    data["meeting"]["sections"][3]["items"][0]["blocks"][1]["rows"][0][2] = "สองหมื่น"
    data["meeting"]["sections"][4]["items"][0]["blocks"][1]["columns"][4]["formula"] = "=D/"
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    result = run("check", path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("คำเตือน: วาระ ๓.๑ ตารางที่ ๑ ช่อง C1") and "สองหมื่น" in line for line in lines)
    assert any(line.startswith("ผิดพลาด: วาระ ๔.๑ ตารางที่ ๑ คอลัมน์ E") for line in lines)


def test_a_damaged_database_is_refused_and_kept(tmp_path: Path) -> None:
    db = tmp_path / "m.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    result = run("import", DEMO_MEETING, "--db", db)
    assert result.returncode == 2
    assert "เสียหาย" in result.stderr
    assert db.read_bytes() == b"this is not a database" * 100


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("dump",), "ต้องระบุ --meeting"),
        (("export", "-o", "."), "อย่างใดอย่างหนึ่ง"),
        (("export", "x.json", "-o", ".", "--format", "odt"), "ไม่มีตัวเลือก"),
        (("import", "missing.json"), "ไม่พบไฟล์"),
        (("dump", "--meeting", "7"), "ไม่พบฐานข้อมูล"),  # read-only: the missing database is not made
        (("fly",), "ไม่มีตัวเลือก"),
    ],
)
def test_user_mistakes_get_thai_messages_without_tracebacks(
    tmp_path: Path, args: tuple[str, ...], words: str
) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_export_writes_all_four_documents(tmp_path: Path) -> None:
    result = run("export", DEMO_MEETING, "-o", tmp_path)
    assert result.returncode == 0, result.stderr
    names = ["letter.docx", "letter.pdf", "minutes.docx", "minutes.pdf"]
    assert sorted(p.name for p in tmp_path.iterdir()) == names
    assert all((tmp_path / name).stat().st_size > 10_000 for name in names)


def test_export_only_the_letter_as_pdf(tmp_path: Path) -> None:
    result = run("export", DEMO_MEETING, "-o", tmp_path, "--only", "letter", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["letter.pdf"]
    assert (tmp_path / "letter.pdf").read_bytes().startswith(b"%PDF")


def test_export_of_a_stored_meeting_in_docx(tmp_path: Path) -> None:
    db = tmp_path / "m.sqlite3"
    assert run("import", DEMO_MEETING, "--db", db).returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    result = run("export", "--meeting", "1", "--db", db, "-o", out, "--format", "docx", "--font", "Sarabun")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["letter.docx", "minutes.docx"]


def test_export_to_a_missing_folder_is_explained(tmp_path: Path) -> None:
    result = run("export", DEMO_MEETING, "-o", tmp_path / "nowhere")
    assert result.returncode == 2
    assert "ไม่มีโฟลเดอร์" in result.stderr


def test_new_from_makes_the_next_meeting(tmp_path: Path) -> None:
    db = tmp_path / "m.sqlite3"
    assert run("import", DEMO_MEETING, "--db", db).returncode == 0
    result = run("new-from", "--meeting", "1", "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2"
    dumped = json.loads(run("dump", "--meeting", "2", "--db", db).stdout)
    assert (dumped["meeting"]["seq"], dumped["meeting"]["date"]) == (11, "2024-11-28")
    assert [a["status"] for a in dumped["meeting"]["attendees"]].count("guest") == 1  # a guest stays one
    assert dumped["letter"]["to"] and dumped["letter"]["recipients"]  # the letter's fields carried
    assert run("new-from", "--meeting", "2", "--without-guests", "--db", db).stdout.strip() == "3"
    third = json.loads(run("dump", "--meeting", "3", "--db", db).stdout)
    assert "guest" not in [a["status"] for a in third["meeting"]["attendees"]]
    assert run("new-from", "--meeting", "9", "--db", db).returncode == 2


def test_the_amendment_list_exports(tmp_path: Path) -> None:
    import datetime as dt  # noqa: PLC0415

    from models.editing import MeetingEditor  # noqa: PLC0415
    from models.storage import Database  # noqa: PLC0415

    db = tmp_path / "m.sqlite3"
    assert run("import", DEMO_MEETING, "--db", db).returncode == 0
    with Database.open(db, backup=False) as database:
        editor = MeetingEditor(database, 1)
        editor.certify(dt.date(2024, 11, 16))
        editor.begin_amendment("นางบุษบา ยอดดี", "ที่ประชุมขอแก้ไข")
        editor.set_meeting_field("venue", "ห้องประชุมใหม่")
    out = tmp_path / "out"
    out.mkdir()
    result = run("export", "--meeting", "1", "--db", db, "-o", out, "--only", "amendments")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["amendments.docx", "amendments.pdf"]
    import docx  # noqa: PLC0415

    text = "\n".join(p.text for p in docx.Document(str(out / "amendments.docx")).paragraphs)
    assert "นางบุษบา ยอดดี" in text
    assert "แก้เป็น\tห้องประชุมใหม่" in text and "เหตุผล\tที่ประชุมขอแก้ไข" in text


# --- encodings, version, PyThaiNLP's data (issue 14) -----------------------------------------


def run_with_code_page(encoding: str, *args: str | Path) -> subprocess.CompletedProcess[bytes]:
    """The command as on a Windows whose code page is `encoding`, its output redirected to a
    file or pipe (Python then writes in the code page unless told otherwise)."""
    env = {**os.environ, "PYTHONIOENCODING": encoding, "THAI_MINUTES_EXIT_AFTER_SHOW": "1"}
    return subprocess.run(  # noqa: PLW1510  (the tests read the exit code)
        [sys.executable, str(MAIN), *map(str, args)], capture_output=True, env=env, timeout=120
    )


@pytest.mark.parametrize("code_page", ["cp874", "cp1252"])
def test_dump_redirected_on_a_thai_or_western_code_page_writes_utf8_that_imports_back(
    tmp_path: Path, code_page: str
) -> None:
    db = tmp_path / "m.sqlite3"
    assert run("import", DEMO_MEETING, "--db", db).returncode == 0
    dumped = run_with_code_page(code_page, "dump", "--meeting", "1", "--db", db)
    assert dumped.returncode == 0, dumped.stderr.decode("utf-8", "replace")
    dumped.stdout.decode("utf-8")  # UTF-8, not the code page
    assert "รายงานการประชุม" not in dumped.stdout.decode("latin-1")  # (not an escaped copy either)
    assert "การประชุมประจำเดือน".encode() in dumped.stdout
    copy = tmp_path / "m.json"
    copy.write_bytes(dumped.stdout)
    again = run("import", copy, "--db", tmp_path / "other.sqlite3")
    assert again.returncode == 0, again.stderr


@pytest.mark.parametrize("code_page", ["cp874", "cp1252"])
def test_messages_on_a_redirected_stream_are_readable_thai_whatever_the_code_page(
    tmp_path: Path, code_page: str
) -> None:
    checked = run_with_code_page(code_page, "check", tmp_path / "missing.json")
    assert checked.returncode == 2
    findings, errors = checked.stdout.decode("utf-8"), checked.stderr.decode("utf-8")
    assert "ไม่พบไฟล์" in findings and "อ่านไฟล์ missing.json ไม่ได้" in errors
    assert "\\u0e" not in findings + errors and "Traceback" not in errors


def test_a_meeting_file_with_a_utf8_bom_is_read(tmp_path: Path) -> None:
    with_bom = tmp_path / "bom.minutes.json"
    with_bom.write_bytes(b"\xef\xbb\xbf" + DEMO_MEETING.read_bytes())
    checked = run("check", with_bom)
    assert checked.returncode == 0 and "Traceback" not in checked.stderr  # read and checked
    imported = run("import", with_bom, "--db", tmp_path / "m.sqlite3")
    assert imported.returncode == 0 and "Traceback" not in imported.stderr


def test_version() -> None:
    shown = run("--version")
    assert shown.returncode == 0 and shown.stdout.startswith("thai-minutes 0.")


def test_pythainlp_keeps_its_data_in_the_program_s_folder_not_the_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHAINLP", "XDG_DATA"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), PYTHONIOENCODING="utf-8")
    checked = subprocess.run(  # noqa: PLW1510
        [sys.executable, str(MAIN), "check", str(DEMO_MEETING)], capture_output=True, text=True, env=env
    )
    assert checked.returncode in (0, 1), checked.stderr
    assert not (home / "pythainlp-data").exists()
    assert (home / "data" / "thai-minutes" / "pythainlp-data").is_dir()


def test_the_help_is_thai_and_explains_every_option() -> None:
    """(Issue 14.) argparse's own words are in Thai and no option is left without a word."""
    import argparse  # noqa: PLC0415

    from main import build_parser  # noqa: PLC0415

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for each in (parser, *commands.choices.values()):
        unexplained = [a.dest for a in each._actions if not a.help and a is not commands]
        assert unexplained == [], f"{each.prog}: {unexplained}"
    for args in ([], *([name] for name in commands.choices)):
        shown = run(*args, "--help")
        assert shown.returncode == 0
        for english in ("usage", "options", "positional arguments", "show this help", "subcommand"):
            assert english not in shown.stdout, (args, english)
        assert shown.stdout.startswith("วิธีใช้: python main.py")


def test_started_with_a_meeting_file_the_window_imports_and_opens_it(tmp_path: Path) -> None:
    """("Open with" on Windows runs `thai-minutes FILE.minutes.json`.)"""
    from models.storage import Database  # noqa: PLC0415

    meeting = json.loads(DEMO_MEETING.read_text(encoding="utf-8"))
    meeting["meeting"]["title"] = "การประชุมที่เปิดจากไฟล์"
    opened = tmp_path / "จากอีเมล.minutes.json"
    opened.write_text(json.dumps(meeting, ensure_ascii=False), encoding="utf-8")

    started = run(opened)

    assert started.returncode == 0, started.stderr
    with Database.open(Path(os.environ["THAI_MINUTES_DB"]), backup=False) as database:
        titles = [m.title for m in database.list_meetings()]
    assert "การประชุมที่เปิดจากไฟล์" in titles


def test_a_font_the_machine_lacks_is_said_not_silent(tmp_path: Path) -> None:
    done = run(
        "export", DEMO_MEETING, "-o", tmp_path, "--only", "minutes", "--format", "pdf", "--font", "NoSuchFont"
    )
    assert done.returncode == 0  # set all the same, in the bundled look-alike
    assert "ไม่พบแบบอักษร NoSuchFont" in done.stderr and "TH Sarabun New" in done.stderr
    bundled = run(
        "export", DEMO_MEETING, "-o", tmp_path, "--only", "minutes", "--format", "pdf", "--font", "Sarabun"
    )
    assert "ไม่พบแบบอักษร" not in bundled.stderr
