"""Reading and writing meeting files: validation in Thai with JSON paths, lossless round trip."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.meeting import AttendeeStatus, MeetingDocument, Table, all_blocks, numbered_items
from models.meetingfile import (
    MeetingFileError,
    document_from_dict,
    document_to_dict,
    parse_meeting_json,
    read_meeting_file,
    write_meeting_file,
)
from models.paths import DEMO_MEETING

ROOT = Path(__file__).resolve().parent.parent


def demo_dict() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DEMO_MEETING.read_text("utf-8"))
    return data


def test_demo_meeting_writes_back_exactly(tmp_path: Path, demo: MeetingDocument) -> None:
    target = tmp_path / "again.minutes.json"
    write_meeting_file(demo, target)
    assert json.loads(target.read_text("utf-8")) == demo_dict()
    assert read_meeting_file(target) == demo


def test_demo_meeting_is_what_the_issue_asks_for(demo: MeetingDocument) -> None:
    meeting = demo.meeting
    assert 18 <= len(meeting.attendees) <= 24
    assert len(meeting.attendees_with(AttendeeStatus.ABSENT)) == 1
    assert len(meeting.attendees_with(AttendeeStatus.GUEST)) == 1
    assert not meeting.sections[0].is_agenda
    assert [meeting.section_number(s) for s in meeting.sections[1:]] == [1, 2, 3, 4, 5, 6]
    tables = [b for _, b in all_blocks(meeting) if isinstance(b, Table)]
    assert len(tables) == 3
    assert any(len({c.group for c in t.columns if c.group}) >= 2 for t in tables)
    assert any(t.has_total and any(c.formula for c in t.columns) for t in tables)
    numbers = [n.number for n in numbered_items(meeting)]
    assert "(๒.๑)" in numbers
    assert demo.letter is not None
    assert demo.letter.recipients


def test_files_in_non_canonical_form_read_to_the_same_meeting() -> None:
    data = demo_dict()
    data["meeting"]["attendees"][0]["note"] = ""
    data["meeting"]["sections"][1]["items"][0]["items"][0]["items"] = []
    block = data["meeting"]["sections"][0]["blocks"][0]
    block["indent"] = True
    assert document_from_dict(data) == document_from_dict(demo_dict())


def expect_problem(data: dict[str, Any], path: str, words: str) -> None:
    with pytest.raises(MeetingFileError) as raised:
        document_from_dict(data, "demo.json")
    assert any(p.path == path and words in p.message for p in raised.value.problems), raised.value.describe()


def test_an_unknown_status_is_reported_with_its_path() -> None:
    data = demo_dict()
    data["meeting"]["attendees"][3]["status"] = "here"
    expect_problem(data, "$.meeting.attendees[3].status", "present")


def test_a_missing_field_is_named() -> None:
    data = demo_dict()
    del data["meeting"]["seq"]
    expect_problem(data, "$.meeting", "“seq”")


def test_an_impossible_date_is_reported() -> None:
    data = demo_dict()
    data["meeting"]["date"] = "2023-02-30"
    expect_problem(data, "$.meeting.date", "วันที่")


def test_an_impossible_time_is_reported() -> None:
    data = demo_dict()
    data["meeting"]["start"] = "25:10"
    expect_problem(data, "$.meeting.start", "25:10")


def test_a_block_of_the_wrong_shape_says_what_is_missing() -> None:
    data = demo_dict()
    data["meeting"]["sections"][2]["blocks"][0] = {"type": "paragraph"}
    expect_problem(data, "$.meeting.sections[2].blocks[0]", "“text”")


def test_a_row_wider_than_its_table_is_reported() -> None:
    data = demo_dict()
    table = data["meeting"]["sections"][4]["items"][0]["blocks"][1]
    table["rows"][0].append("เกิน")
    expect_problem(data, "$.meeting.sections[4].items[0].blocks[1].rows[0]", "คอลัมน์")


def test_problems_come_in_document_order_and_are_limited() -> None:
    data = demo_dict()
    for attendee in data["meeting"]["attendees"]:
        attendee["status"] = "?"
    with pytest.raises(MeetingFileError) as raised:
        document_from_dict(data)
    paths = [p.path for p in raised.value.problems]
    assert paths == [f"$.meeting.attendees[{i}].status" for i in range(5)]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"format": "thai-minutes", "version": 2, "meeting": {}}', "รุ่น 2"),
        (b'{"format": "other", "version": 1}', '"other"'),
        (b'{"format": ', "บรรทัด 1"),
        (b"\xff\xfe\x00", "UTF-8"),
        (b"[]", "ออบเจกต์"),
    ],
)
def test_files_that_are_not_meeting_files_are_refused_in_thai(content: bytes, words: str) -> None:
    with pytest.raises(MeetingFileError) as raised:
        parse_meeting_json(content, "x.json")
    assert words in str(raised.value)


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(MeetingFileError, match="ไม่พบไฟล์"):
        read_meeting_file(tmp_path / "none.json")


def test_a_failed_write_keeps_the_old_file(
    tmp_path: Path, demo: MeetingDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "m.json"
    target.write_text("old", "utf-8")
    broken = copy.deepcopy(demo)

    def explode(_: MeetingDocument) -> str:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("models.meetingfile.meeting_json", explode)
    with pytest.raises(RuntimeError):
        write_meeting_file(broken, target)
    assert target.read_text("utf-8") == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_canonical_output_leaves_out_defaults(demo: MeetingDocument) -> None:
    data = document_to_dict(demo)
    first_columns = data["meeting"]["sections"][3]["items"][0]["blocks"][1]["columns"]
    assert "kind" not in first_columns[0]
    assert first_columns[2]["kind"] == "number"
    assert all("status" not in r for r in data["letter"]["recipients"])


def test_a_sections_presenter_wording_goes_into_the_file_and_back(
    tmp_path: Path, demo: MeetingDocument
) -> None:
    assert all("presenter_wording" not in s for s in demo_dict()["meeting"]["sections"])  # none: left out
    document = copy.deepcopy(demo)
    document.meeting.sections[5].presenter_wording = "ขอเสนอ ที่ประชุมพิจารณา"
    target = tmp_path / "wording.minutes.json"
    write_meeting_file(document, target)
    written = json.loads(target.read_text("utf-8"))
    expected = demo_dict()
    expected["meeting"]["sections"][5]["presenter_wording"] = "ขอเสนอ ที่ประชุมพิจารณา"
    assert written == expected  # only that section carries it
    again = read_meeting_file(target)
    assert again == document and again.meeting.sections[5].presenter_wording == "ขอเสนอ ที่ประชุมพิจารณา"
    assert document_to_dict(again) == written


def test_a_presenter_wording_that_is_not_text_is_reported() -> None:
    data = demo_dict()
    data["meeting"]["sections"][5]["presenter_wording"] = 5
    expect_problem(data, "$.meeting.sections[5].presenter_wording", "ข้อความ")


def test_inlined_schema_judges_files_as_the_published_one(demo: MeetingDocument) -> None:
    """The validator inlines the schema's definitions for speed; every path of a damaged file
    must still get the same errors as the published schema gives."""
    from importlib import resources  # noqa: PLC0415

    from jsonschema import Draft202012Validator  # noqa: PLC0415

    from models.meetingfile import _inline_definitions, _validator  # noqa: PLC0415

    published = json.loads(resources.files("models").joinpath("minutes.schema.json").read_text("utf-8"))
    assert json.dumps(_inline_definitions(published)).count("$ref") < json.dumps(published).count("$ref") / 5
    reference = Draft202012Validator(published, format_checker=Draft202012Validator.FORMAT_CHECKER)
    data = document_to_dict(demo)
    damaged = copy.deepcopy(data)
    damaged["meeting"]["title"] = 5
    damaged["meeting"]["attendees"][0]["name"] = "x" * 100_000
    damaged["meeting"]["sections"][1]["items"][0]["blocks"] = [{"kind": "nothing"}]
    damaged["meeting"]["sections"][1]["items"][0]["items"] = [{"title": ["not a title"]}]
    damaged["meeting"]["date"] = "2566-99-99"
    for candidate in (data, damaged):
        ours = sorted((list(e.absolute_path), e.validator) for e in _validator().iter_errors(candidate))
        theirs = sorted((list(e.absolute_path), e.validator) for e in reference.iter_errors(candidate))
        assert ours == theirs
    assert len(theirs) >= 4


def test_the_generated_check_is_made_from_the_schema_as_it_is() -> None:
    """`models/meetingfile_check.py` is generated; a schema changed without writing it again
    would let files through that the schema refuses."""
    from tests.meetingfile_check_source import TARGET, check_source  # noqa: PLC0415

    assert TARGET.read_text("utf-8") == check_source(), "run: python -m tests.meetingfile_check_source"


JSON_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=3000),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-5, max_value=3000),
    st.integers(min_value=0, max_value=3000).map(float),  # 8.0: an integer to jsonschema? no
    st.sampled_from(["", "x", "2024-02-29", "2023-02-29", "2024-1-05", "13:30", "25:61", "13:30\n"]),
    st.sampled_from(["present", "absent", "guest", "paragraph", "list", "table", "money", "pending"]),
    st.text(max_size=5),
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["title", "text", "type", "x"]), inner, max_size=3)
    ),
    max_leaves=6,
)


def _places(node: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every path in a JSON value, the value itself included."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _places(value, (*path, index))
    return found


def _kinds_of_place(node: Any) -> list[tuple[str | int, ...]]:
    """One path for each kind of place in the file (`sections[*].items[*].title` once), so that
    the few kinds of place (an integer's) are drawn as often as the many."""
    kinds: dict[tuple[str | int, ...], tuple[str | int, ...]] = {}
    for path in _places(node)[1:]:
        kinds.setdefault(tuple("*" if isinstance(part, int) else part for part in path), path)
    return list(kinds.values())


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_fast_check_never_takes_what_the_schema_refuses(data: st.DataObject) -> None:
    """A meeting file with one value replaced, removed or added anywhere: whatever the fast
    check takes, jsonschema (the reference, with its strict integers) takes too, so no invalid
    file is read as valid. (The other way does not matter: what it refuses goes to jsonschema.)"""
    from models.meetingfile import _passes_fast_check, _validator  # noqa: PLC0415

    meeting = demo_dict()
    path = data.draw(st.sampled_from(_kinds_of_place(meeting)))
    parent: Any = meeting
    for part in path[:-1]:
        parent = parent[part]
    change = data.draw(st.sampled_from(["replace", "remove", "add"]))
    if change == "remove":
        del parent[path[-1]]
    elif change == "add" and isinstance(parent, dict):
        parent[data.draw(st.sampled_from(["note", "kind", "extra", "indent", "total"]))] = data.draw(
            JSON_VALUES
        )
    else:
        parent[path[-1]] = data.draw(JSON_LEAVES | JSON_VALUES)
    if _passes_fast_check(meeting):
        assert list(_validator().iter_errors(meeting)) == []


def test_files_the_fast_check_takes_read_without_jsonschema(tmp_path: Path) -> None:
    """The export of a valid file does not load jsonschema (70 ms of every export); a file with
    a float where an integer belongs still gets jsonschema's message."""
    program = (
        "import sys; from pathlib import Path; from models.meetingfile import read_meeting_file; "
        "read_meeting_file(Path(sys.argv[1])); print('jsonschema' in sys.modules)"
    )
    good = tmp_path / "good.json"
    good.write_text(DEMO_MEETING.read_text("utf-8"), "utf-8")
    run = subprocess.run(
        [sys.executable, "-c", program, str(good)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert run.stdout.strip() == "False"
    data = demo_dict()
    data["meeting"]["seq"] = 8.0
    with pytest.raises(MeetingFileError) as raised:
        document_from_dict(data)
    assert "$.meeting.seq" in raised.value.describe() and "จำนวนเต็ม" in raised.value.describe()


@pytest.mark.parametrize(
    ("place", "value"),
    [
        (("meeting", "seq"), 8.0),
        (("meeting", "seq"), True),
        (("meeting", "year"), "2567"),
        (("meeting", "date"), "2023-02-29"),
        (("meeting", "date"), "2024-2-29"),
        (("meeting", "date"), "๒๐๒๔-๐๒-๒๙"),
        (("meeting", "start"), "25:61"),
        (("meeting", "start"), "13:30\n"),
        (("meeting", "attendees", 0, "status"), "late"),
        (("meeting", "sections", 1, "number"), 0),
        (("meeting", "sections", 1, "items", 0, "blocks"), [{"type": "paragraph"}]),
    ],
)
def test_the_fast_check_agrees_with_the_schema_where_they_could_differ(
    place: tuple[str | int, ...], value: object
) -> None:
    """Where fastjsonschema's reading of a keyword could differ from jsonschema's (integers,
    dates, the end of a pattern, enums, oneOf), both give the same answer, or the fast check
    refuses and leaves the answer to jsonschema."""
    from models.meetingfile import _passes_fast_check, _validator  # noqa: PLC0415

    meeting = demo_dict()
    parent: Any = meeting
    for part in place[:-1]:
        parent = parent[part]
    parent[place[-1]] = value
    valid = not list(_validator().iter_errors(meeting))
    assert not _passes_fast_check(meeting) or valid
