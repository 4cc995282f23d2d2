"""Where things live: the default database in the user's data folder, the cache folder, and the
bundled resources."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "thai-minutes"
DATABASE_ENV = "THAI_MINUTES_DB"  # overrides the default database, for tests and portable setups
CACHE_ENV = "THAI_MINUTES_CACHE"  # overrides the cache folder, for tests and portable setups

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES = PROJECT_ROOT / "resources"
DEMO_MEETING = RESOURCES / "demo" / "demo.minutes.json"
STANDARD_GARUDA = RESOURCES / "garuda" / "garuda.png"  # the emblem for letters; see its PROVENANCE.md


def default_database_path() -> Path:
    override = os.environ.get(DATABASE_ENV)
    if override:
        return Path(override)
    return data_folder() / "minutes.sqlite3"


def data_folder() -> Path:
    """The program's own folder in the user's data folder (the database's by default)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def keep_pythainlp_inside() -> None:
    """PyThaiNLP's data folder inside the program's data folder and PyThaiNLP offline, unless
    whoever runs the program chose otherwise (PyThaiNLP refuses both of its folder variables)."""
    if "PYTHAINLP_DATA" not in os.environ and "PYTHAINLP_DATA_DIR" not in os.environ:
        os.environ["PYTHAINLP_DATA"] = str(data_folder() / "pythainlp-data")
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")


def cache_folder() -> Path:
    """Where the program keeps what it can always rebuild (the index of installed fonts)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)
