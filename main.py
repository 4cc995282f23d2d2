"""thai-minutes: the window by default, and the command line for import, dump, export and check.

    python main.py [--db FILE]                      open the window
    python main.py import FILE.json [--db FILE]     add a meeting, print its id
    python main.py dump --meeting ID [-o FILE]      write a meeting file
    python main.py export (FILE.json | --meeting ID) -o DIR [--only minutes|letter]
                          [--format docx|pdf] [--font NAME]
    python main.py check (FILE.json | --meeting ID)
    python main.py new-from --meeting ID            the next meeting of the series, print its id

Messages for the clerk are in Thai on stderr; user mistakes exit non-zero without a traceback.
Commands that only read (dump, export, check) open the database read-only and never create one;
commands that write (import, new-from) wait briefly for the database's writer lock and refuse
while a window has the database open. What is printed has its control characters shown as
escapes (`\x1b`), so text from a meeting cannot drive the terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from models.sql import DatabaseTarget, database_target

if TYPE_CHECKING:  # the commands import what they need, so that `--help` answers at once
    from models.meeting import MeetingDocument
    from models.storage import Database

EXIT_OK = 0
EXIT_FINDINGS = 1  # `check` found an error in the meeting
EXIT_USER_ERROR = 2
LOCK_WAIT_SECONDS = 3.0  # how long a writing command waits for another writer to finish

_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with control characters (ESC, BEL, CR, ...), bidirectional overrides and lone
    surrogates shown as escapes (`\x1b`, `\u202e`): printed raw they would drive the terminal
    or reorder what the clerk reads."""

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNPRINTABLE.sub(escape, text)


def say(text: object, error: bool = False) -> None:
    print(printable(str(text)), file=sys.stderr if error else sys.stdout)


def use_utf8_unless_console() -> None:
    """What a command writes to a file or a pipe (`dump > m.json`, a log) is UTF-8 whatever the
    system's code page (cp874 on a Thai Windows, whose meeting file `import` would then refuse);
    a console keeps its own encoding (Windows' console shows Thai through its Unicode API), and a
    character it cannot show comes out as an escape rather than a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            console = stream.isatty()
        except ValueError:  # a closed stream
            continue
        if console:
            reconfigure(errors="backslashreplace")
        else:
            reconfigure(encoding="utf-8", errors="backslashreplace")


class UserError(Exception):
    """Something the clerk can fix; the message is in Thai."""


_ARGPARSE_MESSAGES = (
    (r"the following arguments are required: (.*)", "ต้องระบุ {0}"),
    (r"unrecognized arguments: (.*)", "ไม่รู้จักตัวเลือก {0}"),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", "{0}: ไม่มีตัวเลือก {1} (เลือกได้: {2})"),
    (r"argument (\S+): invalid int value: (.*)", "{0}: {1} ไม่ใช่ตัวเลข"),
    (r"argument (\S+): expected one argument", "{0}: ต้องระบุค่าต่อท้าย"),
    (r"argument (\S+): not allowed with argument (\S+)", "ใช้ {0} พร้อมกับ {1} ไม่ได้"),
)


class ThaiHelpFormatter(argparse.HelpFormatter):
    """argparse's help with its own words in Thai."""

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "วิธีใช้: " if prefix is None else prefix)


class ThaiArgumentParser(argparse.ArgumentParser):
    """argparse with its help and its usage errors in Thai."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.update(add_help=False, formatter_class=ThaiHelpFormatter)
        super().__init__(**kwargs)
        self._positionals.title = "ข้อมูลที่ต้องระบุ"
        self._optionals.title = "ตัวเลือก"
        self.add_argument("-h", "--help", action="help", help="แสดงคำอธิบายนี้แล้วจบ")

    def error(self, message: str) -> NoReturn:
        for pattern, thai in _ARGPARSE_MESSAGES:
            match = re.fullmatch(pattern, message)
            if match:
                message = thai.format(*match.groups())
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_USER_ERROR, f"คำสั่งไม่ถูกต้อง: {message}\n")


def program_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("thai-minutes")
    except PackageNotFoundError:  # run from a folder that was never installed
        return "(ยังไม่ได้ติดตั้ง)"


class VersionAction(argparse.Action):
    """`--version`, reading the installed version only when asked: reading the package metadata
    took 20 ms of every command's start."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"thai-minutes {program_version()}")
        parser.exit()


MEETING_ID_HELP = "หมายเลขการประชุมในฐานข้อมูล (คำสั่ง import พิมพ์ออกมา)"
FILE_OR_MEETING = "ไฟล์การประชุม (.json); หรือระบุ --meeting แทน"


def build_parser() -> argparse.ArgumentParser:
    parser = ThaiArgumentParser(
        prog="python main.py",
        description="thai-minutes: รายงานการประชุมและหนังสือนำส่งตามแบบหนังสือราชการ ไม่ระบุคำสั่ง: เปิดหน้าต่างโปรแกรม",
    )
    parser.add_argument(
        "--db",
        type=database_target,
        metavar="FILE",
        help="ไฟล์ฐานข้อมูล (ค่าเริ่มต้น: ในโฟลเดอร์ข้อมูลของผู้ใช้) หรือฐานข้อมูลของสำนักงาน postgresql://…",
    )
    parser.add_argument("--version", action=VersionAction, help="แสดงรุ่นของโปรแกรมแล้วจบ")
    commands = parser.add_subparsers(
        dest="command", parser_class=ThaiArgumentParser, title="คำสั่ง", metavar="คำสั่ง", help="หนึ่งในคำสั่งต่อไปนี้"
    )

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument(
            "--db",
            type=database_target,
            default=argparse.SUPPRESS,
            metavar="FILE",
            help="ไฟล์ฐานข้อมูล หรือ postgresql://…",
        )
        return sub

    importer = add(
        "import",
        "นำเข้าไฟล์การประชุม (.json) หรือรายงานการประชุมที่พิมพ์ไว้ใน Word (.docx) หรือข้อความ (.txt) "
        "หรือทุกไฟล์ .docx ในโฟลเดอร์ แล้วพิมพ์หมายเลขการประชุม",
    )
    importer.add_argument(
        "file", type=Path, metavar="FILE", help="ไฟล์ .json .docx .txt หรือโฟลเดอร์ของไฟล์ .docx ที่จะนำเข้า"
    )

    dumper = add("dump", "เขียนการประชุมจากฐานข้อมูลเป็นไฟล์การประชุม (.json)")
    dumper.add_argument("--meeting", type=int, required=True, metavar="ID", help=MEETING_ID_HELP)
    dumper.add_argument("-o", "--output", type=Path, metavar="FILE.json", help="ค่าเริ่มต้น: พิมพ์ออกทางหน้าจอ")

    exporter = add("export", "ส่งออกรายงานการประชุมและหนังสือนำส่งเป็น DOCX และ PDF")
    exporter.add_argument("file", type=Path, nargs="?", metavar="FILE.json", help=FILE_OR_MEETING)
    exporter.add_argument("--meeting", type=int, metavar="ID", help=MEETING_ID_HELP)
    exporter.add_argument(
        "-o", "--output", type=Path, required=True, metavar="DIR", help="โฟลเดอร์ที่จะบันทึกเอกสาร (ต้องมีอยู่แล้ว)"
    )
    exporter.add_argument(
        "--only",
        choices=("minutes", "letter", "amendments", "resolutions", "agenda", "public"),
        help="เฉพาะเอกสารนี้: minutes รายงานการประชุม, letter หนังสือนำส่ง, "
        "amendments บันทึกการแก้ไขหลังรับรอง, resolutions สรุปมติ, agenda ระเบียบวาระการประชุม, "
        "public รายงานการประชุมฉบับเผยแพร่ (ไม่รวมเรื่องลับ) (ค่าเริ่มต้น: รายงานและหนังสือนำส่ง)",
    )
    exporter.add_argument(
        "--format", choices=("docx", "pdf"), dest="file_format", help="เฉพาะรูปแบบนี้ (ค่าเริ่มต้น: ทั้งสองแบบ)"
    )
    exporter.add_argument("--font", metavar="NAME", help="ชื่อแบบอักษร (ค่าเริ่มต้น: TH Sarabun New)")

    follower = add("new-from", "สร้างการประชุมครั้งถัดไปจากครั้งนี้ แล้วพิมพ์หมายเลขการประชุมใหม่")
    follower.add_argument("--meeting", type=int, required=True, metavar="ID", help=MEETING_ID_HELP)
    follower.add_argument(
        "--without-guests",
        action="store_true",
        help="ไม่คงรายชื่อผู้เข้าร่วมประชุม (ที่ไม่ใช่กรรมการ) ของครั้งก่อนไว้ (ค่าเริ่มต้น: ตามที่เลือกไว้สำหรับการประชุมชุดนี้ หรือคงไว้)",
    )

    copier = commands.add_parser(
        "copy",
        help="คัดลอกการประชุมทั้งหมดจากฐานข้อมูลหนึ่งไปอีกฐานข้อมูลหนึ่ง (เช่น จากไฟล์ไปยังเซิร์ฟเวอร์ของสำนักงาน)",
        description="คัดลอกการประชุมทั้งหมดที่ปลายทางยังไม่มี ทำซ้ำได้โดยไม่เกิดรายการซ้ำ และไม่เขียนทับการประชุมที่ปลายทางแก้ไขไว้",
    )
    copier.add_argument(
        "--from",
        dest="source",
        type=database_target,
        required=True,
        metavar="FILE",
        help="ต้นทาง: ไฟล์ฐานข้อมูลหรือ postgresql://…",
    )
    copier.add_argument(
        "--to",
        dest="target",
        type=database_target,
        required=True,
        metavar="FILE",
        help="ปลายทาง: ไฟล์ฐานข้อมูลหรือ postgresql://…",
    )

    checker = add("check", "ตรวจรายงานการประชุมก่อนเวียน")
    checker.add_argument("file", type=Path, nargs="?", metavar="FILE.json", help=FILE_OR_MEETING)
    checker.add_argument("--meeting", type=int, metavar="ID", help=MEETING_ID_HELP)
    return parser


last_command: str | None = None  # the command `main` ran last; None for the window


def main(argv: Sequence[str] | None = None) -> int:
    use_utf8_unless_console()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if len(arguments) == 1 and arguments[0].lower().endswith(".json") and Path(arguments[0]).is_file():
        # started with a meeting file ("Open with" on Windows): the window, with that meeting
        args = argparse.Namespace(db=None, command=None, meeting_file=Path(arguments[0]))
    else:
        args = build_parser().parse_args(arguments)
    global last_command  # noqa: PLW0603  (read by __main__ below: how to end the process)
    last_command = args.command
    if args.command is not None and __name__ == "__main__":
        # A command lives a second and makes almost no reference cycles: Python's collector
        # only walked its objects again and again (a tenth of an export; the peak memory of ten
        # times the large meeting's PDF stayed 184 MB without it). The window keeps it.
        gc.disable()
    handlers = {
        None: run_window,
        "import": run_import,
        "dump": run_dump,
        "export": run_export,
        "check": run_check,
        "new-from": run_new_from,
        "copy": run_copy,
    }
    try:
        return handlers[args.command](args)
    except UserError as error:
        say(error, error=True)
        return EXIT_USER_ERROR
    except Exception as error:
        problem = database_problem(error, args)
        if problem is None:
            raise
        say(problem, error=True)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("ยกเลิกแล้ว", file=sys.stderr)
        return 130


def database_problem(error: Exception, args: argparse.Namespace) -> str | None:
    """A database's refusal midway through a command (full disk, read-only file, another
    program's lock, text damaged on the disk) in Thai; None for anything else."""
    storage = sys.modules.get("models.storage")  # loaded by whatever raised such an error
    if storage is None or not isinstance(error, sqlite3.Error | storage.StorageError):
        return None
    target = database_path(args)
    if isinstance(target, str):  # the server's errors are said in Thai where they are raised
        return str(error) if isinstance(error, storage.StorageError) else None
    return str(storage.storage_error(error, target))


# --- commands -------------------------------------------------------------------------------


def run_window(args: argparse.Namespace) -> int:
    """The window. Why it cannot open is said in a box as well (a program started from a
    shortcut has no console): by the window itself once Qt runs, else by `ui.startup`."""
    from models.paths import data_folder
    from models.storage import StorageError
    from ui.startup import missing_libraries_message, missing_packages, tell

    missing = missing_packages()
    if missing:  # Qt's X11 plugin would abort the process: say it first, naming the packages
        tell("เปิดโปรแกรมไม่ได้", missing_libraries_message(missing), data_folder())
        return EXIT_USER_ERROR
    try:
        from ui.app import run
    except ImportError as error:  # a library Qt itself links to is missing
        message = missing_libraries_message([package for _, package in _qt_packages()])
        tell("เปิดโปรแกรมไม่ได้", f"{message} ({error})", data_folder())
        return EXIT_USER_ERROR
    try:
        chosen = (
            getattr(args, "db", None) is not None
        )  # else the office's server chosen in the window, if any
        return run(database_path(args), getattr(args, "meeting_file", None), chosen)
    except StorageError as error:  # already said in a box by the window
        raise UserError(str(error)) from error


def _qt_packages() -> tuple[tuple[str, str], ...]:
    from ui.startup import QT_LIBRARIES

    return QT_LIBRARIES


def run_import(args: argparse.Namespace) -> int:
    path: Path = args.file
    if path.is_dir():
        return import_folder(args, path)
    from importers.source import TYPED_MINUTES_SUFFIXES

    if path.suffix.lower() in TYPED_MINUTES_SUFFIXES:
        for document, report in import_typed_minutes(path):  # a file may hold several meetings
            add_imported(args, document)
            for line in report:
                say(line, error=True)
        return EXIT_OK
    add_imported(args, read_file(path))
    return EXIT_OK


def add_imported(args: argparse.Namespace, document: MeetingDocument, source: str = "") -> int:
    """Store the meeting (one transaction), print its number (and the file it came from, for a
    folder), index it for search."""
    with open_database(args, write=True) as database:
        meeting_id = database.add_document(document)
        print(f"{meeting_id}\t{source}" if source else meeting_id, flush=True)
        index_for_search(database, meeting_id)
    return meeting_id


def import_typed_minutes(path: Path) -> list[tuple[MeetingDocument, list[str]]]:
    """Minutes typed in Word or as text, read into meetings (a file may hold several), each with
    the import's report in Thai and the checks' findings on it. Raises UserError for a file that
    is not minutes or cannot be read."""
    from importers.minutes import NotMinutesError, import_file_meetings
    from importers.source import SourceError
    from models.checks import check_document

    try:
        meetings = import_file_meetings(path)
    except (SourceError, NotMinutesError) as error:
        raise UserError(f"{path.name}: {error}") from error
    read = []
    for document, report in meetings:
        lines = [f"{path.name}: " + report.lines()[0], *report.lines()[1:]]
        findings = check_document(document, spelling=False)
        if findings:
            lines.append(f"ผลการตรวจ {len(findings)} รายการ (เปิดในหน้าต่างแล้วกด F7 เพื่อดูทั้งหมด):")
            lines.extend(f"- {finding}" for finding in findings[:10])
        read.append((document, lines))
    return read


def import_folder(args: argparse.Namespace, folder: Path) -> int:
    """Every .docx of the folder, each in its own transaction; a file that is not minutes or is
    damaged is named and skipped. Ends with a summary."""
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".docx" and not p.name.startswith("~$"))
    if not files:
        raise UserError(f"ไม่มีไฟล์ .docx ในโฟลเดอร์ {folder}")
    imported, skipped = 0, []
    for number, path in enumerate(files, start=1):
        say(f"[{number}/{len(files)}] {path.name}", error=True)
        try:
            meetings = import_typed_minutes(path)
        except UserError as error:
            skipped.append(str(error))
            continue
        for document, report in meetings:
            add_imported(args, document, path.name)
            for line in report:
                say(f"  {line}", error=True)
        imported += 1
    say(f"นำเข้าแล้ว {imported} ไฟล์ จาก {len(files)} ไฟล์", error=True)
    for reason in skipped:
        say(f"ข้าม {reason}", error=True)
    return EXIT_OK if not skipped else EXIT_USER_ERROR


def index_for_search(database: Database, meeting_id: int) -> None:
    """Index the meeting just stored, after its id is printed: the next search finds it at once.
    (Other meetings behind in the index are left to the window.) Refused, the meeting stays
    stored and the next search or the window indexes it."""
    from models.storage import StorageError

    try:
        database.index_meeting(meeting_id)
    except (StorageError, sqlite3.Error) as error:
        say(
            f"บันทึกการประชุมแล้ว แต่ยังจัดทำดัชนีค้นหาไม่ได้ ({error}) โปรแกรมจะจัดทำให้เมื่อค้นหาหรือเปิดหน้าต่างครั้งถัดไป",
            error=True,
        )


def run_dump(args: argparse.Namespace) -> int:
    from models.meetingfile import meeting_json, write_meeting_file

    document = load_from_database(args, args.meeting)
    if args.output is None:
        sys.stdout.write(meeting_json(document))
    else:
        write_file(lambda: write_meeting_file(document, args.output))
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from exporters import DOCUMENTS, FORMATS, output_name, writer_for
    from exporters.layout import DEFAULT_LAYOUT

    document = load_source(args)
    layout = DEFAULT_LAYOUT.with_font(args.font)
    if args.font:
        warn_font_not_found(args.font)
    folder: Path = args.output
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder} เป็นไฟล์ ไม่ใช่โฟลเดอร์ ส่งออกได้เฉพาะลงโฟลเดอร์ กรุณาระบุโฟลเดอร์ด้วย -o")
    if not folder.is_dir():
        raise UserError(f"ไม่มีโฟลเดอร์ {folder} กรุณาสร้างโฟลเดอร์ก่อน หรือระบุโฟลเดอร์อื่นด้วย -o")
    wanted = [
        (doc, fmt)
        for doc in (DOCUMENTS if args.only is None else (args.only,))
        for fmt in FORMATS
        if args.file_format in (None, fmt)
    ]
    for doc, fmt in wanted:
        target = folder / output_name(doc, fmt)
        write_file(functools.partial(writer_for(doc, fmt), document, target, layout))
        say(target)
    return EXIT_OK


def warn_font_not_found(family: str) -> None:
    """A font the machine does not have is set in the bundled look-alike: said, not silent (a
    misspelt name would otherwise pass unseen)."""
    from exporters.fonts import choose_font

    chosen = choose_font(family)
    if not chosen.installed and chosen.family.replace(" ", "").lower() != family.replace(" ", "").lower():
        say(f"คำเตือน: ไม่พบแบบอักษร {family} ในเครื่องนี้ จึงใช้ {chosen.family} ที่มากับโปรแกรมแทน", error=True)


def run_new_from(args: argparse.Namespace) -> int:
    from models.series import GUESTS_SETTING, STANDARD_SECTIONS, TEMPLATE_SETTING, next_meeting, series_key

    with open_database(args, write=True) as database:
        try:
            previous = database.load_document(args.meeting)
        except KeyError:
            raise UserError(f"ไม่มีการประชุมหมายเลข {args.meeting} ในฐานข้อมูล {database.path}") from None
        template = database.setting(TEMPLATE_SETTING, list(STANDARD_SECTIONS))
        chosen = database.setting(GUESTS_SETTING, {})  # as the window asked the clerk, once a series
        keep_guests = not args.without_guests and bool(chosen.get(series_key(previous), True))
        meeting_id = database.add_document(next_meeting(previous, template, keep_guests=keep_guests))
        print(meeting_id, flush=True)
        index_for_search(database, meeting_id)
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    from models.checks import OtherMeeting, Severity, check_document, file_findings
    from models.meetingfile import MeetingFileError, read_meeting_file

    require_one_source(args)
    if args.file is not None:
        try:
            findings = check_document(read_meeting_file(args.file))
            warn_removed_characters(args.file)
        except MeetingFileError as error:
            for finding in file_findings(error):  # every problem the file has, as findings
                say(finding)
            say(f"อ่านไฟล์ {args.file.name} ไม่ได้: แก้ตามรายการข้างบนแล้วตรวจอีกครั้ง", error=True)
            return EXIT_USER_ERROR
    else:
        with open_database(args) as database:
            try:
                document = database.load_document(args.meeting)
            except KeyError:
                raise UserError(f"ไม่มีการประชุมหมายเลข {args.meeting} ในฐานข้อมูล {database.path}") from None
            others = [OtherMeeting(m.id, m.seq, m.year) for m in database.list_meetings()]
            office_id = document.office.id if document.office else None
            accepted = database.office_words(office_id) if office_id is not None else []
        findings = check_document(document, others, accepted)
    for finding in findings:
        say(finding)
    if not findings:
        say("ไม่พบข้อผิดพลาด")
    return EXIT_FINDINGS if any(f.severity is Severity.ERROR for f in findings) else EXIT_OK


def run_copy(args: argparse.Namespace) -> int:
    """Every meeting of one database the other lacks, a progress line while it goes, a count."""
    from models.transfer import copy_meetings

    if str(args.source) == str(args.target):
        raise UserError("ต้นทางและปลายทางเป็นฐานข้อมูลเดียวกัน")
    with open_target(args.source, write=False) as source, open_target(args.target, write=True) as target:
        count = copy_meetings(source, target, progress_line)
        if sys.stderr.isatty():
            say("", error=True)
        for line in count.lines():
            say(line, error=True)
        if target.is_server and not target.read_only and target.search_backlog():
            # the office's readers may not index: the copied meetings are indexed for them now
            # (a file's index catches up in the window)
            say("กำลังจัดทำดัชนีค้นหาบนเซิร์ฟเวอร์...", error=True)
            say(f"จัดทำดัชนีค้นหาแล้ว {target.refresh_search_index()} การประชุม", error=True)
    return EXIT_OK


def progress_line(done: int, total: int) -> None:
    """`คัดลอก 12/120 การประชุม` on one line that a terminal rewrites (a log gets every tenth)."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\rคัดลอก {done}/{total} การประชุม")
        sys.stderr.flush()
    elif done == total or done % 10 == 0:
        say(f"คัดลอก {done}/{total} การประชุม", error=True)


# --- shared steps ---------------------------------------------------------------------------


def database_path(args: argparse.Namespace) -> DatabaseTarget:
    """The database `--db` names (a file, or an office server's connection string), else the
    user's own file."""
    from models.paths import default_database_path

    return args.db if getattr(args, "db", None) else default_database_path()


def open_database(args: argparse.Namespace, write: bool = False) -> Database:
    """The database to read (read-only: never created, never written, no backup), or with
    `write` to write (waiting briefly for another writer; refused while a window has it open)."""
    return open_target(database_path(args), write)


def open_target(path: DatabaseTarget, write: bool = False) -> Database:
    """A database file (read-only unless `write`) or an office server, or a UserError in Thai."""
    from models.storage import Database, StorageError, storage_error

    if isinstance(path, str):
        from models.server import ServerDatabase

        try:
            return ServerDatabase.open_server(path)
        except StorageError as error:
            raise UserError(str(error)) from error
    try:
        if write:
            return Database.open(
                path, backup=False, lock_wait=LOCK_WAIT_SECONDS, busy_timeout=LOCK_WAIT_SECONDS
            )
        return Database.open(path, read_only=True)
    except StorageError as error:
        raise UserError(str(error)) from error
    except (OSError, sqlite3.Error) as error:
        raise UserError(str(storage_error(error, path))) from error


def read_file(path: Path) -> MeetingDocument:
    from models.meetingfile import MeetingFileError, read_meeting_file

    try:
        document = read_meeting_file(path)
    except MeetingFileError as error:
        raise UserError(error.describe()) from error
    warn_removed_characters(path)
    return document


def warn_removed_characters(path: Path) -> None:
    """Say on stderr which characters XML forbids the file held: reading removed them (a meeting
    file read is already known to be JSON)."""
    import json

    from models.text import code_points, forbidden_in

    removed = forbidden_in(json.loads(path.read_bytes().decode("utf-8-sig", errors="replace")))
    if removed:
        say(
            f"คำเตือน: ตัดอักขระควบคุมออกจาก {path.name} ({code_points(sorted(set(removed))[:5])}) "
            "เพราะเอกสารพิมพ์หรือบันทึกอักขระเหล่านี้ไม่ได้",
            error=True,
        )


def load_from_database(args: argparse.Namespace, meeting_id: int) -> MeetingDocument:
    with open_database(args) as database:
        try:
            return database.load_document(meeting_id)
        except KeyError:
            raise UserError(f"ไม่มีการประชุมหมายเลข {meeting_id} ในฐานข้อมูล {database.path}") from None


def require_one_source(args: argparse.Namespace) -> None:
    if (args.file is None) == (args.meeting is None):
        raise UserError("คำสั่งไม่ถูกต้อง: ระบุไฟล์การประชุม (.json) หรือ --meeting ID อย่างใดอย่างหนึ่ง")


def load_source(args: argparse.Namespace) -> MeetingDocument:
    require_one_source(args)
    return read_file(args.file) if args.file is not None else load_from_database(args, args.meeting)


def write_file(write: Callable[[], None]) -> None:
    from models.fileio import WriteError

    try:
        write()
    except WriteError as error:
        raise UserError(str(error)) from error


def exit_at_once(code: int) -> NoReturn:
    """End a command without Python's teardown: freeing the dictionary, the document trees and
    every module took 80 ms after the work was done, while the clerk waited. By then everything
    the command wrote is closed and renamed and every database closed; only the standard streams
    need flushing."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed or broken pipe: nothing to say
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # the packaged program: its own processes start through it
        import multiprocessing

        multiprocessing.freeze_support()
    status = main()
    if last_command is not None:  # the window ends as Qt wants
        exit_at_once(status)
    sys.exit(status)
