"""Long work off the UI thread (the checks, an export), as Anki's QueryOp: the work runs in a
thread of its own on data it owns (a snapshot of the meeting taken on the UI thread), and its
result, its failure or its progress comes back to the UI thread as a Qt signal, so the window
keeps answering keys meanwhile. A failure reaches the window as an exception object, which the
window says in Thai (`failure_reason`), its traceback going to stderr for whoever looks after
the program, never to the clerk.

Work that can take more than a second asks `job.cancelled` between its steps; `cancel()` returns
whether it came in time, i.e. before the work committed its result (`job.committing()`).

Pure-Python work that runs while the clerk types (the checks) goes one step further, to a process
of the program's own (`in_own_process`): a thread of this process would share the interpreter
lock, and each of the many calls Qt makes into Python for a key would wait for it (keys typed
during the checks took up to 30 ms in a thread, 2 ms with the checks in their own process). The
process is started once, ahead of need (`start_own_process`), and kept for the program's life.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sqlite3
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

from models.fileio import WriteError
from models.storage import StorageError

if TYPE_CHECKING:  # multiprocessing loads when the first process is started, not with the window
    from concurrent.futures import Future, ProcessPoolExecutor

    from PySide6.QtWidgets import QProgressDialog, QWidget

# While a job runs in a thread of the window's process (an export; the checks when no process
# can start), the UI thread waits about this long for the interpreter each time Qt calls into
# Python (an event filter, a slot, a paint). With Python's 5 ms, a key typed while the checks ran
# in a thread waited 100 ms, as a relayout calls into Python a few dozen times; with 0.1 ms, 15-25.
SWITCH_INTERVAL_S = 0.0001


def answer_keys_first() -> None:
    """Let the UI thread have the interpreter back quickly while other threads work."""
    if sys.getswitchinterval() > SWITCH_INTERVAL_S:
        sys.setswitchinterval(SWITCH_INTERVAL_S)


class Job(QObject):
    """One piece of work in a thread; `succeeded(result)`, `failed(exception)` and `progressed(step)`
    arrive on the thread that made the job (the UI thread), through Qt's queued connections."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int)
    ended = Signal()  # after succeeded or failed, in either case

    def __init__(self, work: Callable[[Job], Any], name: str, writes_files: bool = False) -> None:
        super().__init__()  # no parent: the thread keeps the job alive until it has said its end
        self.work = work
        self._cancel = threading.Event()
        self._commit = threading.Lock()
        self._committed = False
        # Work that writes files is no daemon: a closing program waits for it to end cleanly (an
        # export removes its unfinished files) rather than the interpreter stopping it midway.
        self._thread = threading.Thread(target=self._run, name=name, daemon=not writes_files)

    def start(self) -> None:
        answer_keys_first()
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> bool:
        """Ask the work to stop; True when it had not committed its result yet (so it never will)."""
        with self._commit:
            if self._committed:
                return False
            self._cancel.set()
            return True

    @contextlib.contextmanager
    def committing(self) -> Iterator[bool]:
        """For the work: hold this while making its result final; yields False when cancelled
        (then nothing may be made final)."""
        with self._commit:
            if self._cancel.is_set():
                yield False
                return
            self._committed = True
            yield True

    def report(self, step: int) -> None:
        """For the work: how far it has come (the window shows it)."""
        self.progressed.emit(step)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work has ended (for closing the window); False on timeout."""
        if self._thread.ident is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            result = self.work(self)
        except Exception as error:  # every failure goes to the window, which says it in Thai
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
        self.ended.emit()


_Result = TypeVar("_Result")
_processes: dict[str, ProcessPoolExecutor] = {}
_processes_lock = threading.Lock()


def _own_process(name: str, prepare: Callable[[], None]) -> ProcessPoolExecutor:
    import multiprocessing  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    with _processes_lock:
        executor = _processes.get(name)
        if executor is None:
            # "spawn": a fresh interpreter, never a fork of a process that runs Qt's threads
            context = multiprocessing.get_context("spawn")
            executor = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=prepare)
            if not _processes:
                atexit.register(stop_own_processes)
            _processes[name] = executor
        return executor


def stop_own_processes() -> None:
    """End the program's own processes (at exit: while Python can still say goodbye to them;
    left to the interpreter's teardown, concurrent.futures prints an error)."""
    with _processes_lock:
        executors = list(_processes.values())
        _processes.clear()
    for executor in executors:
        executor.shutdown(wait=True, cancel_futures=True)


def start_own_process(name: str, prepare: Callable[[], None]) -> Future[int]:
    """Start the process `name` now (it runs `prepare` first), so the first work sent to it does
    not wait for it to start."""
    return _own_process(name, prepare).submit(os.getpid)


def in_own_process(
    name: str,
    prepare: Callable[[], None],
    function: Callable[..., _Result],
    *args: Any,
    timeout: float = 120.0,
) -> _Result:
    """`function(*args)` run in the process `name` (started with `prepare` when it is not yet
    running); blocks the calling thread, not the interpreter, until the answer comes. A process
    that died is replaced at the next call."""
    from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415

    executor = _own_process(name, prepare)
    try:
        return executor.submit(function, *args).result(timeout)
    except BrokenProcessPool:
        with _processes_lock:
            if _processes.get(name) is executor:
                del _processes[name]
        executor.shutdown(wait=False, cancel_futures=True)
        raise


def progress_box(parent: QWidget | None, title: str, label: str, steps: int) -> QProgressDialog:
    """A window-modal progress box for a job of `steps` steps, with a Thai ยกเลิก (Esc); shown
    only when the job lasts (a quick one shows just the busy cursor)."""
    from PySide6.QtWidgets import QProgressDialog  # noqa: PLC0415

    from ui.plain import plain_label  # noqa: PLC0415

    progress = QProgressDialog(parent)
    progress.setWindowTitle(title)
    progress.setLabel(plain_label(label))
    progress.setCancelButtonText("ยกเลิก")
    progress.setRange(0, steps)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setAutoReset(False)
    progress.setMinimumDuration(400)
    progress.setValue(0)
    return progress


def log_failure(what: str, error: BaseException) -> None:
    """What failed, with its traceback, on stderr (for whoever looks after the program); a write
    refused for a reason the clerk is told needs no traceback."""
    if isinstance(error, WriteError):
        print(f"thai-minutes: {what}: {error}", file=sys.stderr)
    else:
        print(f"thai-minutes: {what}", file=sys.stderr)
        traceback.print_exception(error, file=sys.stderr)


def failure_reason(error: BaseException) -> str:
    """Why something could not be done, in Thai, never a traceback."""
    if isinstance(error, WriteError):
        return str(error)
    if isinstance(error, OSError):
        return f"เขียนหรืออ่านไฟล์ไม่ได้ ({error.strerror or type(error).__name__})"
    if isinstance(error, (sqlite3.Error, StorageError)):
        return "ฐานข้อมูลไม่ยอมรับการบันทึก (อาจถูกโปรแกรมอื่นใช้งานอยู่ ดิสก์เต็ม หรือเป็นแบบอ่านอย่างเดียว)"
    return (
        f"เกิดข้อผิดพลาดภายในโปรแกรม ({type(error).__name__}) กรุณาตรวจก่อนเวียน (F7) แก้ส่วนที่ผิดปกติแล้วลองใหม่ "
        "หรือส่งไฟล์การประชุม (ไฟล์ → บันทึกเป็นไฟล์การประชุม) ให้ผู้ดูแลโปรแกรม"
    )
