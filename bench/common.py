"""What the benchmarks share: medians of repeated runs, and LibreOffice's conversion time."""

from __future__ import annotations

import functools
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


def run_quietly(command: list[str]) -> None:
    subprocess.run(command, check=True, capture_output=True)


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
    return median_s(functools.partial(run_quietly, command), repeat)


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
    return median_s(functools.partial(run_quietly, command), repeat)
