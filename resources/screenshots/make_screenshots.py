"""Screenshots of each tab of the window with the demo meeting, at 1366×768 (the common laptop
size in government offices), and of the agenda with the page view beside it (F9), for the
README: `python resources/screenshots/make_screenshots.py`.

Runs offscreen; uses a throw-away database, never the user's.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from ui.app import application, create_window, keep_settings_in, open_database

TABS = ("header", "roster", "agenda", "letter")


def main() -> None:
    out = Path(__file__).parent
    with tempfile.TemporaryDirectory() as folder:
        keep_settings_in(Path(folder))
        database = open_database(Path(folder) / "screenshots.sqlite3")
        app = application()
        window = create_window(database)
        window.settings.clear()
        window.resize(1366, 768)
        window.show()
        for index, name in enumerate(TABS):
            window.tabs.setCurrentIndex(index)
            if name == "agenda":
                model = window.agenda_tab.model
                assert model is not None
                window.agenda_tab.tree.setCurrentIndex(model.index(0, 0, model.index(4, 0)))
            app.processEvents()
            window.grab().save(str(out / f"{name}.png"))
            print(out / f"{name}.png")
        window.tabs.setCurrentIndex(TABS.index("agenda"))
        window.toggle_page_view()
        give_up = time.monotonic() + 60
        while (window.page_view is None or window.page_view.view is None) and time.monotonic() < give_up:
            app.processEvents()
            time.sleep(0.01)
        window.grab().save(str(out / "page-view.png"))
        print(out / "page-view.png")
        window.close()
        database.close()


if __name__ == "__main__":
    main()
