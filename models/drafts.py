"""Drafts: what the clerk typed into a field whose value cannot be stored yet.

A date, a time or a meeting number is stored as a value once it reads as one (`15/09/2565`,
`13.30`, `2567`). While it is half typed (`15/09/25`, `13.3`), or when it never reads, the text
itself is kept here, keystroke by keystroke, so that a crash or a kill loses nothing: the form
shows the draft again, marked, when the meeting is opened next. A draft is dropped as soon as
its field stores a value.

Drafts live in the database's settings table under `draft/<meeting id>/<field>`; they belong to
no meeting file and print nowhere.
"""

from __future__ import annotations

from typing import Protocol


class SettingsStore(Protocol):
    def setting(self, key: str, default: str | None) -> str | None: ...

    def set_setting(self, key: str, value: str | None) -> None: ...


def draft_key(meeting_id: int, field: str) -> str:
    return f"draft/{meeting_id}/{field}"


class Drafts:
    """The drafts of one meeting's fields, written through to the database only when they change."""

    def __init__(self, store: SettingsStore, meeting_id: int) -> None:
        self.store, self.meeting_id = store, meeting_id
        self._known: dict[str, str | None] = {}

    def get(self, field: str) -> str | None:
        if field not in self._known:
            self._known[field] = self.store.setting(draft_key(self.meeting_id, field), None)
        return self._known[field]

    def put(self, field: str, text: str | None) -> None:
        """Keep `text` as the field's draft; None (or nothing typed) drops it."""
        text = text or None
        if self.get(field) == text:
            return
        self.store.set_setting(draft_key(self.meeting_id, field), text)
        self._known[field] = text
