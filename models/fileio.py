"""Safe file writes: everything the program writes goes to a temporary name in the target folder
and is renamed over the target only once complete, so a crash or a full disk never leaves a
half-written meeting file or document, and never damages the file that was there.

A temporary file's name holds the writing process's id (`.minutes.pdf.1234.k3j9x.tmp`): the
temporaries of a process that was killed mid-write are removed by the next write to that target.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

# Where a process cannot be asked whether it still runs (Windows), a temporary this old is a leftover.
STALE_SECONDS = 3600


class WriteError(OSError):
    """A file that could not be written; the message is in Thai for the clerk."""


def os_reason(error: OSError) -> str:
    """Why the file system refused, in Thai."""
    reasons = {
        errno.ENOSPC: "พื้นที่ดิสก์เต็ม",
        errno.EROFS: "สื่อที่เก็บเป็นแบบอ่านอย่างเดียว",
        errno.EACCES: "ไม่มีสิทธิ์เขียน",
        errno.EPERM: "ไม่มีสิทธิ์เขียน",
        errno.EISDIR: "ที่ระบุเป็นโฟลเดอร์ ไม่ใช่ไฟล์",
        errno.ENOTDIR: "ส่วนหนึ่งของที่อยู่เป็นไฟล์ ไม่ใช่โฟลเดอร์",
        errno.ENOENT: "ไม่มีโฟลเดอร์หรือไฟล์นี้",
        errno.ENAMETOOLONG: "ชื่อไฟล์ยาวเกินไป",
        getattr(errno, "EDQUOT", -1): "เกินโควตาพื้นที่ดิสก์",
    }
    reason = reasons.get(error.errno or 0)
    if reason is not None:
        return reason
    return error.strerror or str(error)


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """Yield a binary file to write; on success it replaces `path`, on failure it vanishes."""
    folder = path.parent
    if path.is_dir():
        raise WriteError(f"{path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ กรุณาระบุชื่อไฟล์ที่จะเขียน")
    if folder.exists() and not folder.is_dir():
        raise WriteError(f"{folder} เป็นไฟล์ ไม่ใช่โฟลเดอร์ จึงเขียน {path.name} ลงไปไม่ได้")
    remove_stale_temporaries(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
    except FileNotFoundError as error:
        raise WriteError(f"ไม่มีโฟลเดอร์ {folder}") from error
    except OSError as error:
        raise WriteError(f"เขียนไฟล์ในโฟลเดอร์ {folder} ไม่ได้: {os_reason(error)}") from error
    try:
        os.chmod(temporary, _mode_for(path))
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        if isinstance(error, OSError) and not isinstance(error, WriteError):
            raise WriteError(f"เขียนไฟล์ {path} ไม่ได้: {os_reason(error)}") from error
        raise


def remove_stale_temporaries(path: Path) -> None:
    """Remove the temporaries of `path` that a killed process left: those of a process that no
    longer runs, or (where that cannot be asked) older than an hour, and those of older versions,
    whose names hold no process id."""
    pattern = re.compile(re.escape(f".{path.name}.") + r"(?:(\d+)\.)?[A-Za-z0-9_]+\.tmp")
    try:
        candidates = list(path.parent.iterdir())
    except OSError:
        return
    for candidate in candidates:
        match = pattern.fullmatch(candidate.name)
        if match is None:
            continue
        pid = int(match.group(1)) if match.group(1) else None
        if pid is not None and not _left_over(candidate, pid):
            continue
        with contextlib.suppress(OSError):
            candidate.unlink()


def _left_over(temporary: Path, pid: int) -> bool:
    if pid == os.getpid():
        return False
    if sys.platform == "win32":  # os.kill would end the process: go by age
        try:
            return time.time() - temporary.stat().st_mtime > STALE_SECONDS
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def replace_keeping_mode(temporary: Path, target: Path) -> None:
    """Rename a complete temporary over `target`, which keeps its permissions (a new one gets
    the usual ones)."""
    os.chmod(temporary, _mode_for(target))
    os.replace(temporary, target)


def _mode_for(path: Path) -> int:
    """Keep the permissions of the file replaced; a new file gets the usual ones (umask)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_output(path) as stream:
        stream.write(data)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
