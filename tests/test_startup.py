"""(Issue 14.) A window that cannot start says why in Thai: in a box when there is no console,
in the data folder, on stderr; a missing system library is named by its Debian package before
Qt's X11 plugin could abort the process."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pytest

import main
from ui import startup


def test_the_missing_xcb_library_is_named_by_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    real = ctypes.CDLL

    def without_cursor(name: str, *args: object, **kwargs: object) -> object:
        if name == "libxcb-cursor.so.0":
            raise OSError(f"{name}: cannot open shared object file")
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ctypes, "CDLL", without_cursor)
    assert startup.missing_packages("xcb") == ["libxcb-cursor0"]
    assert startup.missing_packages("offscreen") == []  # no X11 plugin, none of its libraries


def test_every_library_qt_needs_here_is_found() -> None:
    """This machine runs the window tests on xcb: the list names no library that does not exist
    (a misspelt name would tell every clerk to install a package they already have)."""
    assert startup.missing_packages("xcb") == []


def test_a_window_that_cannot_start_says_why_in_a_box_and_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("THAI_MINUTES_EXIT_AFTER_SHOW", raising=False)
    monkeypatch.setattr(startup, "missing_packages", lambda: ["libxcb-cursor0", "libxkbcommon-x11-0"])
    monkeypatch.setattr(startup, "_has_console", lambda: False)  # started from a shortcut
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(startup, "_box", lambda title, message: boxes.append((title, message)))

    assert main.main(["--db", str(tmp_path / "m.sqlite3")]) == main.EXIT_USER_ERROR

    ((title, message),) = boxes
    assert title == "เปิดโปรแกรมไม่ได้"
    assert "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0" in message
    kept = (tmp_path / "data" / "thai-minutes" / startup.PROBLEM_FILE).read_text(encoding="utf-8")
    assert message in kept
    assert message in capsys.readouterr().err
    assert not (tmp_path / "m.sqlite3").exists()  # nothing was opened or made


def test_with_a_console_the_reason_is_printed_not_boxed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("THAI_MINUTES_EXIT_AFTER_SHOW", raising=False)
    monkeypatch.setattr(startup, "_has_console", lambda: True)
    monkeypatch.setattr(startup, "_box", lambda *_: pytest.fail("a box while a console shows the reason"))
    startup.tell("เปิดโปรแกรมไม่ได้", "เหตุผล", tmp_path)
    assert "เหตุผล" in capsys.readouterr().err
