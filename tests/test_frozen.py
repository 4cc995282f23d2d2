"""(Issue 14.) The packaged program (PyInstaller, `packaging/thai-minutes.spec`) works on its own:
its command line exports the demo to PDF and DOCX, and its window opens and closes offscreen.

The build takes a minute or two, so it is made by `.ci/run` (or by hand: `pyinstaller --noconfirm
packaging/thai-minutes.spec`), and these tests run when `THAI_MINUTES_FROZEN` names its folder
(`dist/thai-minutes`); otherwise they are skipped and say why.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from models.paths import DEMO_MEETING

FROZEN = os.environ.get("THAI_MINUTES_FROZEN")
pytestmark = pytest.mark.skipif(
    not FROZEN, reason="THAI_MINUTES_FROZEN does not name a packaged program (see .ci/run)"
)


def frozen(name: str) -> Path:
    assert FROZEN is not None
    program = Path(FROZEN) / name
    assert program.is_file(), f"{program} was not built"
    return program


def clean_environment(tmp_path: Path) -> dict[str, str]:
    """No Python of ours, no source tree: what a clerk's machine gives the program."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    env.update(THAI_MINUTES_CACHE=str(tmp_path / "cache"), THAI_MINUTES_EXIT_AFTER_SHOW="1")
    return env


def run_frozen(tmp_path: Path, name: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The packaged program `name` with `args`, in a clean environment, from a folder of its own."""
    done = subprocess.run(
        [str(frozen(name)), *args],
        capture_output=True,
        check=False,
        env=clean_environment(tmp_path),
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done


def test_the_packaged_command_line_exports_the_demo(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    run_frozen(tmp_path, "thai-minutes-cmd", "export", str(DEMO_MEETING), "-o", str(out))
    assert sorted(p.name for p in out.iterdir()) == [
        "letter.docx",
        "letter.pdf",
        "minutes.docx",
        "minutes.pdf",
    ]
    assert (out / "minutes.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "minutes.docx").read_bytes()[:2] == b"PK"
    assert not (tmp_path / "home" / "pythainlp-data").exists()


def test_the_packaged_window_opens_with_the_demo(tmp_path: Path) -> None:
    database = tmp_path / "window.sqlite3"
    run_frozen(tmp_path, "thai-minutes", "--db", str(database))
    assert database.is_file()  # made, with the demo meeting in it


def test_the_packaged_program_says_its_version(tmp_path: Path) -> None:
    assert run_frozen(tmp_path, "thai-minutes-cmd", "--version").stdout.startswith(b"thai-minutes ")


def test_the_packaged_command_line_imports_minutes_typed_in_word(tmp_path: Path) -> None:
    """importers/ travels in the build: the program's own DOCX of the demo is imported back."""
    out = tmp_path / "out"
    out.mkdir()
    run_frozen(tmp_path, "thai-minutes-cmd", "export", str(DEMO_MEETING), "-o", str(out), "--format", "docx")
    done = run_frozen(
        tmp_path, "thai-minutes-cmd", "import", str(out / "minutes.docx"), "--db", str(tmp_path / "m.db")
    )
    assert done.stdout.strip().isdigit()


def test_the_packaged_program_keeps_meetings_on_the_offices_server(tmp_path: Path, pg_database: str) -> None:
    """psycopg and its libpq travel in the build (issue 17): the packaged command line stores
    the demo on the tests' PostgreSQL server and exports it from there."""
    done = run_frozen(tmp_path, "thai-minutes-cmd", "import", str(DEMO_MEETING), "--db", pg_database)
    meeting = done.stdout.decode().strip()
    assert meeting.isdigit()
    out = tmp_path / "out"
    out.mkdir()
    run_frozen(
        tmp_path, "thai-minutes-cmd", "export", "--meeting", meeting, "--db", pg_database, "-o", str(out),
        "--only", "minutes", "--format", "pdf",
    )  # fmt: skip
    assert (out / "minutes.pdf").read_bytes().startswith(b"%PDF")
