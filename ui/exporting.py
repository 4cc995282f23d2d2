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

from models.fileio import WriteError, replace_keeping_mode
from models.meeting import MeetingDocument
from ui.worker import Job, failure_reason, log_failure

DOCUMENT_NAMES = {
    "minutes": "รายงานการประชุม",
    "letter": "หนังสือนำส่ง",
    "amendments": "บันทึกการแก้ไขหลังรับรอง",
}


def document_label(document: str, kind: str) -> str:
    return f"{DOCUMENT_NAMES.get(document, document)} ({kind.upper()})"


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


def write_documents(
    job: Job, document: MeetingDocument, folder: Path, wanted: list[tuple[str, str]]
) -> Outcome:
    """Runs in the worker: each wanted (document, format) written, then all renamed together;
    nothing stays when the job is cancelled."""
    from exporters import output_name, writer_for  # noqa: PLC0415  (the writers load on first export)
    from exporters.layout import DEFAULT_LAYOUT  # noqa: PLC0415

    outcome = Outcome()
    staged: list[tuple[Path, Path]] = []
    try:
        for step, (name, kind) in enumerate(wanted):
            if job.cancelled:
                break
            job.report(step)
            target = folder / output_name(name, kind)
            temporary = staging_name(target)
            try:
                writer_for(name, kind)(document, temporary, DEFAULT_LAYOUT)
            except Exception as error:  # said to the clerk per document; the others go on
                outcome.failures.append(Failure(name, kind, target, _named_as(error, temporary, target)))
                _remove(temporary)
            else:
                staged.append((temporary, target))
        with job.committing() as allowed:
            outcome.cancelled = not allowed
            while allowed and staged:
                temporary, target = staged.pop(0)
                try:
                    replace_keeping_mode(temporary, target)
                except OSError as error:
                    name, kind = _job_of(target, wanted)
                    outcome.failures.append(Failure(name, kind, target, _named_as(error, temporary, target)))
                else:
                    outcome.written.append(target)
    finally:
        for temporary, _ in staged:  # cancelled, or stopped by an error: none of them stays
            _remove(temporary)
    return outcome


def _job_of(target: Path, wanted: list[tuple[str, str]]) -> tuple[str, str]:
    from exporters import output_name  # noqa: PLC0415

    return next(job for job in wanted if output_name(*job) == target.name)


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
