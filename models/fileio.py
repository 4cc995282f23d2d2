"""Safe file writes: everything the program writes goes to a temporary name in the target folder
and is renamed over the target only once complete, so a crash or a full disk never leaves a
half-written meeting file or document, and never damages the file that was there."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


class WriteError(OSError):
    """A file that could not be written; the message is in Thai for the clerk."""


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """Yield a binary file to write; on success it replaces `path`, on failure it vanishes."""
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError as error:
        raise WriteError(f"ไม่มีโฟลเดอร์ {folder}") from error
    except OSError as error:
        raise WriteError(f"เขียนไฟล์ในโฟลเดอร์ {folder} ไม่ได้: {error.strerror}") from error
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
            raise WriteError(f"เขียนไฟล์ {path} ไม่ได้: {error.strerror}") from error
        raise


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
