"""Window benchmark with a meeting the size of the Lampang example open.

Types 1,000 characters into a paragraph through key events (each one stored in the database as
it is typed, undo command included) and reports the median and worst time a keystroke takes;
then the time from starting `python main.py` to a usable window (median of several starts).
Goals: median keystroke under 10 ms, worst under 50 ms; a usable window within 2 s.

    python bench/bench_window.py [--characters 1000] [--starts 5]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from bench.sized_meeting import lampang_sized
from models.meeting import Paragraph
from models.storage import Database
from ui.app import application, create_window, keep_settings_in

ROOT = Path(__file__).resolve().parent.parent
TEXT = "ที่ประชุมมอบหมายให้ผู้ใหญ่บ้านทุกหมู่ดำเนินการจัดเก็บข้อมูลความจำเป็นพื้นฐาน ปี ๒๕๖๘ "


def keystrokes(database: Database, characters: int) -> list[float]:
    app = application()
    window = create_window(database)
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentWidget(window.agenda_tab)
    item = window.editor.document.meeting.sections[4].items[-1]
    window.agenda_tab.select(item)
    editor = window.agenda_tab.item_editor
    assert editor is not None
    editor.add_block(Paragraph(""))
    field = editor.block_widgets[-1].field
    field.setFocus()
    app.processEvents()
    timings = []
    for index in range(characters):
        char = TEXT[index % len(TEXT)]
        started = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )
        app.processEvents()
        timings.append((time.perf_counter() - started) * 1000)
    stored = database.load_document(window.editor.meeting_id).meeting.sections[4].items[-1].blocks[-1]
    assert isinstance(stored, Paragraph) and len(stored.text) == characters
    window.close()
    return timings


def start_seconds(db_path: Path, starts: int) -> tuple[float, float]:
    config = str(db_path.parent / "config")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "THAI_MINUTES_EXIT_AFTER_SHOW": "1",
        "XDG_CONFIG_HOME": config,
    }
    usable, whole = [], []
    for _ in range(starts):
        begun = time.perf_counter()
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--db", str(db_path)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        whole.append(time.perf_counter() - begun)
        match = re.search(r"usable after ([0-9.]+) s", result.stderr)
        usable.append(float(match.group(1)) if match else float("nan"))
    return statistics.median(usable), statistics.median(whole)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--characters", type=int, default=1000)
    parser.add_argument("--starts", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        keep_settings_in(Path(folder))
        db_path = Path(folder) / "bench.sqlite3"
        database = Database.open(db_path, backup=False)
        database.add_document(lampang_sized(1))
        timings = keystrokes(database, args.characters)
        database.close()
        print(
            f"{args.characters} keystrokes into a paragraph of a Lampang-sized meeting (each stored at once):"
        )
        print(
            f"  median {statistics.median(timings):6.2f} ms (goal < 10 ms), worst {max(timings):6.2f} ms (goal < 50 ms)"
        )
        print(f"  95th percentile {sorted(timings)[int(len(timings) * 0.95)]:6.2f} ms")
        _, whole = start_seconds(db_path, args.starts)
        print(
            f"start to a usable window (process start, window shown, quit): median {whole:.2f} s (goal < 2 s)"
        )


if __name__ == "__main__":
    main()
