"""The generated check's one entry point (see `models/meetingfile_check.py`)."""

from collections.abc import Callable

def validate(
    data: object, custom_formats: dict[str, Callable[[str], bool]] = ..., name_prefix: str | None = None
) -> object: ...
