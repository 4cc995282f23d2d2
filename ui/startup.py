"""What the program says when its window cannot start, without Qt (which may be what is missing).

Started from a shortcut there is no console, and a message on stderr is lost: the clerk saw the
program silently not open. So a reason is shown in a box that needs no Qt (Windows' own message
box, else Tk when Python has it) and kept in `startup-problem.txt` in the program's data folder.

On Linux, Qt's X11 plugin aborts the whole process, inside Qt, when one of its libraries is
missing; the libraries are therefore looked for before Qt is loaded, and the message names the
Debian packages to install.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

# the libraries PySide6's widgets and its X11 plugin load, with the Debian package of each
QT_LIBRARIES = (
    ("libGL.so.1", "libgl1"),
    ("libEGL.so.1", "libegl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libdbus-1.so.3", "libdbus-1-3"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
)
PROBLEM_FILE = "startup-problem.txt"


def missing_packages(platform: str | None = None) -> list[str]:
    """The Debian packages whose libraries Qt's window would need and cannot find (Linux with
    the X11 plugin only; elsewhere Qt brings its own or the system has them)."""
    chosen = platform if platform is not None else os.environ.get("QT_QPA_PLATFORM", "xcb")
    if not sys.platform.startswith("linux") or not chosen.startswith("xcb"):
        return []
    missing = []
    for library, package in QT_LIBRARIES:
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    return missing


def missing_libraries_message(packages: list[str]) -> str:
    return (
        "เปิดหน้าต่างโปรแกรมไม่ได้ เพราะเครื่องนี้ยังไม่มีไลบรารีของระบบที่ Qt ต้องใช้ "
        f"ให้ผู้ดูแลเครื่องติดตั้ง: sudo apt-get install {' '.join(packages)}"
    )


def tell(title: str, message: str, data_folder: Path | None = None) -> None:
    """Say why the window did not open: on stderr, in the data folder's `startup-problem.txt`,
    and in a box when there is no console to read it in."""
    if sys.stderr is not None:
        print(message, file=sys.stderr)
    if data_folder is not None:
        try:
            data_folder.mkdir(parents=True, exist_ok=True)
            (data_folder / PROBLEM_FILE).write_text(f"{title}\n{message}\n", encoding="utf-8")
        except OSError:
            pass  # the box and stderr still say it
    if _has_console() or os.environ.get("THAI_MINUTES_EXIT_AFTER_SHOW"):
        return
    _box(title, message)


def _has_console() -> bool:
    stream = sys.stderr
    try:
        return stream is not None and stream.isatty()
    except ValueError:
        return False


def _box(title: str, message: str) -> None:
    if sys.platform == "win32":
        ctypes.windll.user32.MessageBoxW(None, message, title, 0x10)  # type: ignore[attr-defined]  # MB_ICONERROR
        return
    try:
        import tkinter  # noqa: PLC0415
        from tkinter import messagebox  # noqa: PLC0415

        root = tkinter.Tk()
        root.withdraw()
        messagebox.showerror(title, message, parent=root)
        root.destroy()
    except Exception:  # no Tk, no display: stderr and the file are all there is
        pass
