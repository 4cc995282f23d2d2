"""Export from the window (Ctrl+E): the chosen documents written in a worker from a copy of the
meeting, so the window repaints and Cancel (or Esc) answers at once while a large meeting's PDF
is set.

Each document is written under a temporary name in the target folder (which the writers
themselves fill through a temporary of their own) and all of them take their real names together
at the end, under the job's commit lock: a cancelled export leaves the folder exactly as it was,
whatever moment it is cancelled at, and a document that fails leaves nothing of itself while the
others are written. The temporary names hold the process id (`.minutes.pdf.1234.k3j9x.tmp`), so
those of a program killed midway are removed by the next write of the same document.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from pathlib import Path

from exporters import DOCUMENT_TITLES
from models.fileio import WriteError, replace_keeping_mode
from models.meeting import MeetingDocument
from ui.worker import Job, failure_reason, log_failure


@dataclasses.dataclass(frozen=True)
class Target:
    """One document in one format, and the file it is written to."""

    document: str
    kind: str
    path: Path


def document_label(document: str, kind: str) -> str:
    return f"{DOCUMENT_TITLES.get(document, document)} ({kind.upper()})"


@dataclasses.dataclass
class Failure:
    document: str
    kind: str
    target: Path
    error: Exception


@dataclasses.dataclass
class Outcome:
    written: list[Path] = dataclasses.field(default_factory=list)
    failures: list[Failure] = dataclasses.field(default_factory=list)
    cancelled: bool = False


def staging_name(target: Path) -> Path:
    """A temporary beside `target` that `models.fileio` recognises as the target's, should this
    process be killed before it is renamed or removed."""
    return target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(5).hex()}.tmp")


def write_documents(job: Job, document: MeetingDocument, targets: list[Target]) -> Outcome:
    """Runs in the worker: each target written, then all renamed together; nothing stays when
    the job is cancelled."""
    from exporters import writer_for  # noqa: PLC0415  (the writers load on first export)
    from exporters.layout import DEFAULT_LAYOUT  # noqa: PLC0415

    outcome = Outcome()
    staged: list[tuple[Path, Target]] = []
    try:
        for step, target in enumerate(targets):
            if job.cancelled:
                break
            job.report(step)
            temporary = staging_name(target.path)
            try:
                writer_for(target.document, target.kind)(document, temporary, DEFAULT_LAYOUT)
            except Exception as error:  # said to the clerk per document; the others go on
                outcome.failures.append(_failure(target, error, temporary))
                _remove(temporary)
            else:
                staged.append((temporary, target))
        with job.committing() as allowed:
            outcome.cancelled = not allowed
            while allowed and staged:
                temporary, target = staged.pop(0)
                try:
                    replace_keeping_mode(temporary, target.path)
                except OSError as error:
                    outcome.failures.append(_failure(target, error, temporary))
                else:
                    outcome.written.append(target.path)
    finally:
        for temporary, _ in staged:  # cancelled, or stopped by an error: none of them stays
            _remove(temporary)
    return outcome


def _failure(target: Target, error: Exception, temporary: Path) -> Failure:
    return Failure(target.document, target.kind, target.path, _named_as(error, temporary, target.path))


def _named_as(error: Exception, temporary: Path, target: Path) -> Exception:
    """A refused write names the file the clerk chose, not the temporary it was written under."""
    text = str(error)
    if not isinstance(error, WriteError) or temporary.name not in text:
        return error
    renamed = WriteError(text.replace(str(temporary), str(target)).replace(temporary.name, target.name))
    renamed.__cause__ = error
    return renamed


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def failure_message(failure: Failure) -> str:
    """One document that could not be written, for the clerk (its traceback goes to stderr)."""
    label = document_label(failure.document, failure.kind)
    log_failure(f"ส่งออก{label} เป็น {failure.target} ไม่สำเร็จ", failure.error)
    return (
        f"ส่งออก{label} ไม่สำเร็จ: {failure_reason(failure.error)}\n"
        f"ไม่ได้เขียนไฟล์ {failure.target.name} (ไฟล์เดิมที่มีชื่อนี้ ถ้ามี ยังอยู่เหมือนเดิม)"
    )
