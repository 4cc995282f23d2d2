"""The search index kept current in the background, as the window needs it: nothing the clerk does
waits on indexing.

A `SearchIndexer` is a thread with its own connection to the database. The database tells it of
every change (after the change is committed) and of every meeting added; it indexes a changed
meeting once the clerk has paused for `settle` seconds, an added one at once, and everything
behind when it starts (after the same pause, so that opening the window is not slowed). While
the clerk types it waits between pieces of work, and each of its transactions holds the write
lock for a few milliseconds (`Database.index_meeting`), so a keystroke never waits on it for
longer. A search asks it to catch up now (`flush`) and waits at most the time it was given.

Killed at any moment, it leaves a database whose index is behind, never a wrong one: a meeting
counts as indexed only once its last index rows are written, in the same transaction.

On the office's server (`models.server`) the same thread works over a server connection of its
own, given by `opener`; the write gate and the WAL's care are the file's alone.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from models.storage import Database

SETTLE_SECONDS = 1.0  # quiet after the clerk's last change before indexing starts again
RETRY_SECONDS = 5.0  # after a failure (the database refused a write), the next try
BUSY_TIMEOUT = 5.0  # seconds the indexer's connection waits for the write lock
STOP_WAIT = 10.0  # seconds closing waits for a transaction under way to end
CHECKPOINT_EVERY = 4  # of the indexer's commits (a few hundred pages of WAL)


class IndexingStoppedError(Exception):
    """Raised inside the indexer's work when the database is being closed."""


class SearchIndexer:
    """Indexes the meetings of the database at `path` in a thread of its own (`start`, `stop`)."""

    def __init__(
        self,
        path: Path,
        settle: float = SETTLE_SECONDS,
        gate: threading.Lock | None = None,
        opener: Callable[[], Database] | None = None,
    ) -> None:
        self.path = path
        self.opener = opener  # the server's: a connection of the indexer's own
        self.settle = settle
        self.gate = gate  # taken around each transaction, by the clerk's connection too
        self.error: Exception | None = None  # the last failure, None once indexing succeeds again
        self._condition = threading.Condition()
        self._wanted = 1  # generations of work asked for: the first is what is behind at start
        self._done = 0  # the last generation fully indexed
        self._last_change = time.monotonic()
        self._urgent = 0  # searches waiting: no settling, no pausing
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="search-indexer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop at the next piece of work (a transaction under way ends first) and close."""
        with self._condition:
            self._stopping = True
            self._condition.notify_all()
        if self._thread.is_alive():
            self._thread.join(STOP_WAIT)

    def meeting_changed(self) -> None:
        """A change was committed: index it once the clerk pauses."""
        with self._condition:
            self._wanted += 1
            self._last_change = time.monotonic()
            self._condition.notify_all()

    def meeting_added(self) -> None:
        """A meeting was added (imported, new): index it now."""
        with self._condition:
            self._wanted += 1
            self._condition.notify_all()

    def flush(self, timeout: float) -> bool:
        """Index what is behind now and wait for it, at most `timeout` seconds; True when the
        index holds every change made before the call."""
        with self._condition:
            target = self._wanted
            if self._done >= target:
                return True
            if not self._thread.is_alive():
                return False
            self._urgent += 1
            self._condition.notify_all()
            try:
                self._condition.wait_for(
                    lambda: self._done >= target or self._stopping or self.error is not None, timeout
                )
            finally:
                self._urgent -= 1
            return self._done >= target

    # --- the thread -------------------------------------------------------------------------

    def _quiet(self) -> bool:
        """Whether work may go on: a search waits, or the clerk paused long enough."""
        return self._urgent > 0 or time.monotonic() - self._last_change >= self.settle

    def pause(self) -> None:
        """Between pieces of work: wait while the clerk types; raise when closing."""
        with self._condition:
            while not self._stopping and not self._quiet():
                remaining = self.settle - (time.monotonic() - self._last_change)
                self._condition.wait(max(remaining, 0.01))
            if self._stopping:
                raise IndexingStoppedError

    def _keep_going(self) -> bool:
        return not self._stopping

    def _run(self) -> None:
        if self.opener is not None:
            self._run_on(self.opener)
            return
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT)
        except sqlite3.Error as error:
            self._gave_up(error)
            return
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
            # A commit that crosses the WAL's size checkpoints it on the spot, inside the write
            # gate: this connection checkpoints after its commits instead, out of the gate.
            conn.execute("PRAGMA wal_autocheckpoint = 0")
            database = Database(conn, self.path)
            database._write_gate = self.gate
            database.checkpoint_every = CHECKPOINT_EVERY
            self._work(database)
        except IndexingStoppedError:
            pass
        except sqlite3.Error as error:  # the connection could not be set up
            self._gave_up(error)
        finally:
            conn.close()

    def _run_on(self, opener: Callable[[], Database]) -> None:
        try:
            database = opener()
        except Exception as error:  # the server out of reach: its clerks' searches catch up
            self._gave_up(error)
            return
        try:
            self._work(database)
        except IndexingStoppedError:
            pass
        finally:
            database.close()

    def _gave_up(self, error: Exception) -> None:
        """No connection to index with: searches find what is indexed (the next window tries again)."""
        print("ค้นหา: เปิดฐานข้อมูลเพื่อจัดทำดัชนีค้นหาไม่ได้", file=sys.stderr)
        traceback.print_exception(error, file=sys.stderr)
        with self._condition:
            self.error = error
            self._condition.notify_all()

    def _work(self, database: Database) -> None:
        while True:
            with self._condition:
                while not self._stopping and self._done >= self._wanted:
                    self._condition.wait()
                if self._stopping:
                    return
                target = self._wanted
            self.pause()
            try:
                caught_up = database.index_stale_meetings(keep_going=self._keep_going, pause=self.pause)
            except IndexingStoppedError:
                raise
            except Exception as error:  # the index waits; the clerk's work never does
                self._failed(error)
                continue
            self.error = None
            with self._condition:
                if caught_up:
                    self._done = max(self._done, target)
                self._condition.notify_all()

    def _failed(self, error: Exception) -> None:
        """Said once on stderr for whoever looks after the program; tried again a little later."""
        if self.error is None:
            print("ค้นหา: จัดทำดัชนีค้นหาไม่สำเร็จ จะลองใหม่", file=sys.stderr)
            traceback.print_exception(error, file=sys.stderr)
        self.error = error
        with self._condition:
            self._condition.notify_all()  # searches waiting get what is indexed
            deadline = time.monotonic() + RETRY_SECONDS
            while not self._stopping and time.monotonic() < deadline:
                self._condition.wait(deadline - time.monotonic())
            if self._stopping:
                raise IndexingStoppedError
