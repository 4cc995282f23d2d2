"""Files the program can always rebuild, kept in the cache folder to save each new process the
work (the sorted word list, the Thai DOCX template).

A cached file names what it was made from (a key the caller builds from versions, sizes and
times of its sources) and carries a checksum of its content: one made from something else, cut
short or edited is ignored, never trusted. Writing goes to a temporary name and is renamed; a
folder that cannot be written only costs the next process the work again.
"""

from __future__ import annotations

import hashlib
import os

from models.paths import cache_folder


def _checksum(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=16).hexdigest()


def read_cached(name: str, key: str) -> bytes | None:
    """The content cached under `name` when it was made from `key` and is whole, else None."""
    if not key:
        return None
    try:
        data = (cache_folder() / name).read_bytes()
    except OSError:
        return None
    header, _, body = data.partition(b"\n")
    if header.decode("utf-8", "replace") != f"{key} {_checksum(body)}":
        return None
    return body


def write_cached(name: str, key: str, body: bytes) -> None:
    """Keep `body` under `name`, made from `key` (nothing when the key is empty)."""
    if not key or "\n" in key:
        return
    path = cache_folder() / name
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(f"{key} {_checksum(body)}\n".encode() + body)
        temporary.replace(path)
    except OSError:
        temporary.unlink(missing_ok=True)


def source_key(*parts: object) -> str:
    """A key from the given parts, on one line."""
    return " ".join(str(part) for part in parts).replace("\n", " ")
