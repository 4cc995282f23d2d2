"""What the benchmarks share: medians of repeated runs, and LibreOffice's conversion time."""

from __future__ import annotations

import functools
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path


def median_s(action: Callable[[], object], repeat: int) -> float:
    """Median seconds of `repeat` runs: this machine is shared, single runs are noise."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


# A clerk's Python writes the program's compiled modules (`__pycache__`) on the first run and
# reads them after; a development shell's PYTHONDONTWRITEBYTECODE would make every measured start
# compile the program from source again (about 25 ms), which no user waits for.
USER_ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def run_quietly(command: list[str], allowed_exits: tuple[int, ...] = (0,)) -> None:
    """Run a command as a user would (see USER_ENVIRONMENT); fail on an exit not allowed."""
    finished = subprocess.run(command, capture_output=True, check=False, env=USER_ENVIRONMENT)
    if finished.returncode not in allowed_exits:
        raise SystemExit(f"{' '.join(command)} failed: {finished.stderr.decode(errors='replace')}")


def process_seconds(command: list[str], repeat: int, allowed_exits: tuple[int, ...] = (0,)) -> float:
    """Median time of a whole process, from start to exit, after one unmeasured run (which
    writes the compiled modules a user's second run finds)."""
    action = functools.partial(run_quietly, command, allowed_exits)
    action()
    return median_s(action, repeat)


def libreoffice_seconds(source: Path, repeat: int) -> float | None:
    """Median time LibreOffice takes to convert `source` to PDF, None when not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = (source.parent / "lo-profile").as_uri()
    out = str(source.parent / "lo")
    command = [
        soffice,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        out,
        str(source),
    ]
    run_quietly(command)  # the first start creates the profile
    return process_seconds(command, repeat)


ROOT = Path(__file__).resolve().parent.parent


def command_seconds(source: Path, out: Path, file_format: str, repeat: int) -> float:
    """Median time of the whole `python main.py export SOURCE -o OUT --format FORMAT`: process
    start, loading and writing both documents."""
    out.mkdir(exist_ok=True)
    command = [
        sys.executable,
        str(ROOT / "main.py"),
        "export",
        str(source),
        "-o",
        str(out),
        "--format",
        file_format,
    ]
    return process_seconds(command, repeat)
