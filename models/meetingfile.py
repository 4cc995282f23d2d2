"""The meeting file (`*.minutes.json`, format `thai-minutes` version 1): reading with validation
and Thai messages that name the JSON path, and writing in a canonical form.

The canonical form leaves out what carries no information: empty optional strings and lists,
defaults (`kind: text`, `indent: true`, `status: pending`). A file in that form reads and writes
back unchanged; any valid file reads into the same meeting it wrote.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models import meetingfile_check
from models.fileio import atomic_write_text
from models.meeting import (
    DEFAULT_TOTAL_LABEL,
    Attachment,
    Attendee,
    AttendeeStatus,
    Block,
    BulletList,
    Column,
    ColumnKind,
    Item,
    Letter,
    Meeting,
    MeetingDocument,
    Office,
    Paragraph,
    Person,
    Recipient,
    RecipientStatus,
    Section,
    Table,
    Vote,
)
from models.text import clean_text, shorten

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

FORMAT = "thai-minutes"
VERSION = 1
MAX_REPORTED_PROBLEMS = 5

# Items nest at most this deep below their section (`(๑.๒.๓)` is three levels below `๓.๑`), so a
# meeting file never nests deeper than MAX_JSON_DEPTH: the file, the meeting, its sections, a
# section, its items, an item, then an items list and an item for each level further down, and at
# the bottom an item's blocks, a table, its rows and a row. A deeper file is refused before it is
# read, long before Python's recursion limit.
MAX_ITEM_DEPTH = 20
MAX_JSON_DEPTH = 6 + 2 * (MAX_ITEM_DEPTH - 1) + 4
# Dates of a meeting file are in the Christian era, in the years of the Buddhist-era years the
# format allows for `year` (2400-2700).
FIRST_YEAR, LAST_YEAR = 2400 - 543, 2700 - 543

JsonObject = dict[str, Any]


@dataclass(frozen=True)
class Problem:
    path: str  # `$.meeting.attendees[3].status`
    message: str  # Thai

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class MeetingFileError(ValueError):
    """A file that cannot be read as a meeting; `problems` say where and why, in Thai."""

    def __init__(self, summary: str, problems: Iterable[Problem] = ()) -> None:
        self.summary = summary
        self.problems = list(problems)
        super().__init__(self.describe())

    def describe(self) -> str:
        lines = [self.summary, *(f"  - {problem}" for problem in self.problems)]
        return "\n".join(lines)


# --- reading --------------------------------------------------------------------------------


def read_meeting_file(path: Path) -> MeetingDocument:
    """Read and validate a meeting file. Raises MeetingFileError with Thai messages."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise MeetingFileError(f"ไม่พบไฟล์ {path}") from error
    except OSError as error:
        raise MeetingFileError(f"อ่านไฟล์ {path} ไม่ได้: {error.strerror}") from error
    return parse_meeting_json(raw, str(path))


def parse_meeting_json(raw: bytes | str, name: str = "ไฟล์") -> MeetingDocument:
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise MeetingFileError(f"{name} ไม่ได้เข้ารหัสแบบ UTF-8 (ไบต์ที่ {error.start + 1} อ่านไม่ได้)") from error
    if _nesting_depth(raw) > MAX_JSON_DEPTH:
        raise _too_deep(name)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise MeetingFileError(
            f"{name} ไม่ใช่ JSON ที่ถูกต้อง: บรรทัด {error.lineno} คอลัมน์ {error.colno}"
        ) from error
    except ValueError as error:  # an integer of more digits than Python converts
        raise MeetingFileError(f"{name} มีตัวเลขที่ยาวเกินกว่าจะอ่านได้") from error
    return document_from_dict(data, name)


def document_from_dict(data: Any, name: str = "ไฟล์") -> MeetingDocument:
    """The meeting a file's JSON holds. Every string is cleaned first (`models.text`): the
    characters a document cannot hold and lone surrogates are left out."""
    data = _cleaned(data, name)
    _check_format(data, name)
    problems = validation_problems(data)
    if problems:
        raise MeetingFileError(f"{name} มีข้อมูลไม่ถูกต้อง", problems)
    meeting = _meeting(data["meeting"])
    office = _office(data["office"]) if "office" in data else None
    letter = _letter(data["letter"]) if "letter" in data else None
    return MeetingDocument(meeting, office, letter)


# A JSON string (closed or not: an unclosed one runs to the end, so no quote is read twice) or a
# bracket. The string alternative is possessive and nothing of it is read again.
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*+"?|[\[\]{}]', re.DOTALL)


def _nesting_depth(raw: str) -> int:
    """How deep the JSON text nests arrays and objects (brackets inside strings do not count),
    or MAX_JSON_DEPTH + 1 as soon as it is deeper. Linear in the text, and no recursion."""
    depth = deepest = 0
    for match in _JSON_TOKEN.finditer(raw):
        char = raw[match.start()]
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_JSON_DEPTH:
                break
        elif char in "]}":
            depth -= 1
    return deepest


def _too_deep(name: str) -> MeetingFileError:
    return MeetingFileError(
        f"{name} มีข้อมูลซ้อนกันลึกเกิน {MAX_JSON_DEPTH} ชั้น ซึ่งไฟล์การประชุมไม่มีทางลึกถึง "
        f"(เรื่องย่อยซ้อนกันได้ไม่เกิน {MAX_ITEM_DEPTH} ชั้น)"
    )


def _cleaned(data: Any, name: str, depth: int = 1) -> Any:
    """The JSON value with every string value cleaned (keys stay as they are: an unknown key is
    reported, cleaned for the message); refused when nested deeper than MAX_JSON_DEPTH."""
    if isinstance(data, str):
        return clean_text(data)
    if isinstance(data, dict | list):
        if depth > MAX_JSON_DEPTH:
            raise _too_deep(name)
        if isinstance(data, dict):
            return {key: _cleaned(value, name, depth + 1) for key, value in data.items()}
        return [_cleaned(value, name, depth + 1) for value in data]
    return data


def _check_format(data: Any, name: str) -> None:
    if not isinstance(data, dict):
        raise MeetingFileError(f"{name} ไม่ใช่ไฟล์การประชุม: ข้อมูลต้องเป็นออบเจกต์ JSON")
    found_format = data.get("format")
    if found_format != FORMAT:
        raise MeetingFileError(f"{name} ไม่ใช่ไฟล์การประชุมของ thai-minutes (format ที่พบ: {_shown(found_format)})")
    found_version = data.get("version")
    if found_version != VERSION or type(found_version) is not int:
        raise MeetingFileError(f"{name} เป็นไฟล์รุ่น {_shown(found_version)} แต่โปรแกรมนี้อ่านได้เฉพาะรุ่น {VERSION}")


def _shown(value: Any) -> str:
    """A value of the file as a message quotes it: JSON, at most a line long, nothing hidden."""
    return clean_text(shorten(json.dumps(value, ensure_ascii=False)[:200]))


def _is_integer(_checker: Any, instance: Any) -> bool:
    """JSON's integers only: `1.0` is refused where the format says integer (jsonschema takes a
    float without fraction for one, and `seq: 1.0` printed `ครั้งที่ ๑.๐`)."""
    return isinstance(instance, int) and not isinstance(instance, bool)


@cache
def _validator() -> Any:
    """jsonschema's validator of the schema, whose errors make the clerk's messages (it loads
    only for a file the fast check refuses: its import and its walk took 70 ms of every export)."""
    from jsonschema import Draft202012Validator, validators  # noqa: PLC0415

    strict = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator,
        type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
    )
    schema_text = resources.files("models").joinpath("minutes.schema.json").read_text("utf-8")
    schema = _inline_definitions(json.loads(schema_text))
    return strict(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _is_iso_date(text: str) -> bool:
    """jsonschema's `date` format: YYYY-MM-DD of a day that exists."""
    try:
        return bool(_ISO_DATE.fullmatch(text)) and bool(dt.date.fromisoformat(text))
    except ValueError:
        return False


def _passes_fast_check(data: Any) -> bool:
    """Whether the generated check (`models.meetingfile_check`) finds the data valid. It takes
    `1.0` for an integer, so data holding any number with a fraction point (the schema has no
    such field) goes to jsonschema; so does anything the check cannot answer."""
    if _holds_float(data):
        return False
    try:
        meetingfile_check.validate(data, {"date": _is_iso_date})
    except Exception:  # only a shortcut: jsonschema has the last word
        return False
    return True


def _holds_float(data: Any) -> bool:
    if isinstance(data, float):
        return True
    if isinstance(data, dict):
        return any(_holds_float(value) for value in data.values())
    if isinstance(data, list):
        return any(_holds_float(value) for value in data)
    return False


_DEFINITION = "#/$defs/"
_ANNOTATIONS = frozenset({"$comment", "default", "description", "examples", "title"})


def _inline_definitions(schema: JsonObject) -> JsonObject:
    """The schema with every `$ref` to a definition that does not lead back to itself replaced by
    the definition: jsonschema resolves a reference for every string of a meeting, a third of a
    validation's time. References to a definition in a cycle (an item holds items) stay, and so
    does every definition; what is valid, and every message, is unchanged."""
    definitions: dict[str, Any] = schema.get("$defs", {})
    refers = {name: _references(body) for name, body in definitions.items()}

    def reaches(start: str) -> set[str]:
        seen: set[str] = set()
        pending = list(refers[start])
        while pending:
            name = pending.pop()
            if name not in seen and name in refers:
                seen.add(name)
                pending.extend(refers[name])
        return seen

    acyclic = {name for name in definitions if name not in reaches(name)}

    def inline(node: Any) -> Any:
        if isinstance(node, list):
            return [inline(value) for value in node]
        if not isinstance(node, dict):
            return node
        target = node.get("$ref", "")
        name = target.removeprefix(_DEFINITION) if isinstance(target, str) else ""
        if name in acyclic and set(node) - {"$ref"} <= _ANNOTATIONS:
            return inline(definitions[name])
        return {key: inline(value) for key, value in node.items()}

    return inline(schema)  # type: ignore[no-any-return]


def _references(node: Any) -> set[str]:
    """The definitions a part of the schema refers to."""
    if isinstance(node, list):
        return {name for value in node for name in _references(value)}
    if not isinstance(node, dict):
        return set()
    found = {name for value in node.values() for name in _references(value)}
    target = node.get("$ref")
    if isinstance(target, str) and target.startswith(_DEFINITION):
        found.add(target.removeprefix(_DEFINITION))
    return found


def validation_problems(data: Any, limit: int = MAX_REPORTED_PROBLEMS) -> list[Problem]:
    """The first problems of a meeting file against the schema, in document order."""
    if _passes_fast_check(data):
        return _semantic_problems(data)[:limit]
    errors = sorted(_validator().iter_errors(data), key=lambda e: _path_key(e.absolute_path))
    problems = [_problem(error) for error in errors[:limit]]
    problems.extend(_semantic_problems(data) if not errors else [])
    return problems[:limit]


def _path_key(parts: Iterable[str | int]) -> list[str]:
    """Sort key keeping `[2]` before `[10]`."""
    return [f"{p:09d}" if isinstance(p, int) else p for p in parts]


def json_path(parts: Iterable[str | int]) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


_TYPE_NAMES = {
    "string": "ข้อความ",
    "integer": "จำนวนเต็ม",
    "number": "ตัวเลข",
    "boolean": "true หรือ false",
    "array": "รายการ (array)",
    "object": "ออบเจกต์",
    "null": "null",
}


def _problem(error: ValidationError) -> Problem:
    path = json_path(error.absolute_path)
    return Problem(path, _message(error))


def _message(error: ValidationError) -> str:
    keyword = error.validator
    value: Any = error.validator_value
    schema: Any = error.schema
    instance: Any = error.instance
    if keyword == "required":
        missing = next((name for name in value if name not in instance), "")
        return f"ขาดช่อง “{missing}” ที่ต้องมี"
    if keyword == "type":
        wanted: list[str] = value if isinstance(value, list) else [value]
        return "ต้องเป็น" + " หรือ ".join(_TYPE_NAMES.get(t, t) for t in wanted)
    if keyword == "additionalProperties":
        extra = sorted(set(instance) - set(schema.get("properties", {})))
        return "มีช่องที่ไม่รู้จัก: " + ", ".join(f"“{clean_text(shorten(e))}”" for e in extra[:5])
    if keyword == "enum":
        return "ต้องเป็นค่าใดค่าหนึ่งใน " + ", ".join(json.dumps(v, ensure_ascii=False) for v in value)
    if keyword == "const":
        return f"ต้องเป็น {json.dumps(value, ensure_ascii=False)}"
    if keyword == "format" and value == "date":
        return f"วันที่ {_shown(instance)} ไม่ถูกต้อง (ต้องเป็น ค.ศ. แบบ YYYY-MM-DD)"
    if keyword == "pattern":
        return f"เวลา {_shown(instance)} ไม่ถูกต้อง (ต้องเป็นแบบ HH:MM)"
    if keyword == "minimum":
        return f"ต้องไม่น้อยกว่า {value}"
    if keyword == "maximum":
        return f"ต้องไม่มากกว่า {value}"
    if keyword in ("minItems", "minLength"):
        return f"ต้องมีอย่างน้อย {value} รายการ"
    if keyword == "maxLength":
        return f"ยาว {len(instance):,} ตัวอักษร เกินกำหนด {value:,} ตัวอักษร"
    if keyword == "maxItems":
        return f"มี {len(instance):,} รายการ เกินกำหนด {value:,} รายการ"
    if keyword == "oneOf":
        return _block_message(error)
    return error.message  # pragma: no cover - every keyword of the schema is handled above


def _block_message(error: ValidationError) -> str:
    instance: Any = error.instance
    kinds = ("paragraph", "list", "table", "attachment")
    if not isinstance(instance, dict) or instance.get("type") not in kinds:
        return "บล็อกต้องมี “type” เป็น paragraph, list, table หรือ attachment"
    for sub in error.context or []:
        sub_schema: Any = sub.schema
        if sub_schema.get("properties", {}).get("type", {}).get("const") == instance["type"]:
            where = json_path(sub.relative_path)
            inner = _message(sub)
            return inner if where == "$" else f"{where.removeprefix('$.')}: {inner}"
    return "บล็อกไม่ถูกต้อง"  # pragma: no cover


def _semantic_problems(data: JsonObject) -> list[Problem]:
    """What the schema cannot say: dates in the wrong era, times that do not exist, rows wider
    than the table, items nested too deep."""
    problems: list[Problem] = []
    meeting = data["meeting"]
    dates = [("$.meeting.date", meeting["date"])]
    letter = data.get("letter", {})
    dates.extend((f"$.letter.{key}", letter[key]) for key in ("date", "certify_by") if key in letter)
    for path, text in dates:
        problem = _date_problem(text)
        if problem:
            problems.append(Problem(path, problem))
    for key in ("start", "end"):
        if key in meeting and _time(meeting[key]) is None:
            problems.append(
                Problem(f"$.meeting.{key}", f"ไม่มีเวลา {meeting[key]} (ต้องอยู่ระหว่าง 00:00 ถึง 23:59)")
            )
    for path, block in _blocks_with_paths(meeting):
        if block["type"] != "table":
            continue
        width = len(block["columns"])
        for row_index, row in enumerate(block["rows"]):
            if len(row) > width:
                problems.append(
                    Problem(f"{path}.rows[{row_index}]", f"มี {len(row)} ช่อง แต่ตารางมีเพียง {width} คอลัมน์")
                )
    for path in _items_too_deep(meeting):
        problems.append(Problem(path, f"เรื่องย่อยซ้อนกันเกิน {MAX_ITEM_DEPTH} ชั้น"))
    return problems


def _date_problem(text: str) -> str | None:
    """What is wrong with a valid ISO date of the file: a Buddhist-era year (`2565-08-01`, which
    would print as the year ๓๑๐๘), or a year out of any meeting's range."""
    year = dt.date.fromisoformat(text).year
    if FIRST_YEAR + 543 <= year <= LAST_YEAR + 543:
        christian = f"{year - 543:04d}{text[4:]}"
        return (
            f"วันที่ {_shown(text)} ใช้ปีพุทธศักราช {year} แต่วันที่ในไฟล์ต้องเป็นคริสต์ศักราช "
            f"(ค.ศ. {year - 543}: {_shown(christian)})"
        )
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return f"วันที่ {_shown(text)} อยู่นอกช่วงที่รับได้ (ค.ศ. {FIRST_YEAR} ถึง {LAST_YEAR})"
    return None


def _items_too_deep(meeting: JsonObject) -> Iterable[str]:
    """The paths of the first items nested deeper than MAX_ITEM_DEPTH (one per section)."""
    for index, section in enumerate(meeting.get("sections", [])):
        level = [(f"$.meeting.sections[{index}]", section)]
        for _ in range(MAX_ITEM_DEPTH):
            level = [
                (f"{path}.items[{i}]", item)
                for path, node in level
                for i, item in enumerate(node.get("items", []))
            ]
        deeper = [
            (f"{path}.items[{i}]", item)
            for path, node in level
            for i, item in enumerate(node.get("items", []))
        ]
        if deeper:
            yield deeper[0][0]


def _blocks_with_paths(meeting: JsonObject) -> Iterable[tuple[str, JsonObject]]:
    def walk(node: JsonObject, path: str) -> Iterable[tuple[str, JsonObject]]:
        for index, block in enumerate(node.get("blocks", [])):
            yield f"{path}.blocks[{index}]", block
        for index, child in enumerate(node.get("items", [])):
            yield from walk(child, f"{path}.items[{index}]")

    for index, section in enumerate(meeting.get("sections", [])):
        yield from walk(section, f"$.meeting.sections[{index}]")


def _time(text: str) -> dt.time | None:
    try:
        return dt.time.fromisoformat(text)
    except ValueError:
        return None


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _person(data: JsonObject | None) -> Person | None:
    return Person(data["name"], data.get("position", "")) if data is not None else None


def _office(data: JsonObject) -> Office:
    return Office(
        name=data["name"],
        address=list(data.get("address", [])),
        doc_prefix=data.get("doc_prefix", ""),
        unit=data.get("unit", ""),
        phone=data.get("phone", ""),
        fax=data.get("fax", ""),
        email=data.get("email", ""),
        slogan=list(data.get("slogan", [])),
    )


def _meeting(data: JsonObject) -> Meeting:
    return Meeting(
        title=data["title"],
        seq=data["seq"],
        year=data["year"],
        date=dt.date.fromisoformat(data["date"]),
        period=data.get("period", ""),
        start=_time(data["start"]) if "start" in data else None,
        end=_time(data["end"]) if "end" in data else None,
        venue=data.get("venue", ""),
        attendees=[_attendee(a) for a in data.get("attendees", [])],
        sections=[_section(s) for s in data.get("sections", [])],
        recorder=_person(data.get("recorder")),
        checker=_person(data.get("checker")),
    )


def _attendee(data: JsonObject) -> Attendee:
    return Attendee(
        first=data["first"],
        status=AttendeeStatus(data["status"]),
        prefix=data.get("prefix", ""),
        last=data.get("last", ""),
        position=data.get("position", ""),
        note=data.get("note", ""),
    )


def _section(data: JsonObject) -> Section:
    return Section(
        title=data["title"],
        is_agenda=data.get("number", 0) is not None,
        blocks=[_block(b) for b in data.get("blocks", [])],
        items=[_item(i) for i in data.get("items", [])],
        resolution=data.get("resolution", ""),
        presenter_wording=data.get("presenter_wording", ""),
        vote=_vote(data.get("vote")),
    )


def _item(data: JsonObject) -> Item:
    return Item(
        title=data["title"],
        presenter=data.get("presenter", ""),
        blocks=[_block(b) for b in data.get("blocks", [])],
        resolution=data.get("resolution", ""),
        items=[_item(i) for i in data.get("items", [])],
        confidential=bool(data.get("confidential", False)),
        vote=_vote(data.get("vote")),
    )


def _vote(data: JsonObject | None) -> Vote | None:
    if data is None:
        return None
    return Vote(data.get("in_favour", 0), data.get("against", 0), data.get("abstained", 0))


def _vote_dict(vote: Vote) -> JsonObject:
    return {"in_favour": vote.in_favour, "against": vote.against, "abstained": vote.abstained}


def _block(data: JsonObject) -> Block:
    kind = data["type"]
    if kind == "paragraph":
        return Paragraph(data["text"], indent=data.get("indent", True))
    if kind == "list":
        return BulletList(list(data["items"]), ordered=data.get("ordered", False))
    if kind == "table":
        total = data.get("total")
        return Table(
            columns=[_column(c) for c in data["columns"]],
            rows=[list(row) for row in data["rows"]],
            title=data.get("title", ""),
            total_label=total.get("label", DEFAULT_TOTAL_LABEL) if total is not None else None,
            note=data.get("note", ""),
        )
    return Attachment(data["title"])


def _column(data: JsonObject) -> Column:
    return Column(
        title=data["title"],
        group=data.get("group", ""),
        kind=ColumnKind(data.get("kind", "text")),
        formula=data.get("formula", ""),
    )


def _letter(data: JsonObject) -> Letter:
    return Letter(
        number=data.get("number", ""),
        date=_date(data.get("date")),
        subject=data.get("subject", ""),
        to=data.get("to", ""),
        references=list(data.get("references", [])),
        enclosures=list(data.get("enclosures", [])),
        body=list(data.get("body", [])),
        closing=data.get("closing", ""),
        signer=_person(data.get("signer")),
        certify_by=_date(data.get("certify_by")),
        recipients=[
            Recipient(r["name"], RecipientStatus(r.get("status", "pending")), r.get("note", ""))
            for r in data.get("recipients", [])
        ],
    )


# --- writing --------------------------------------------------------------------------------


def document_to_dict(document: MeetingDocument) -> JsonObject:
    data: JsonObject = {"format": FORMAT, "version": VERSION}
    if document.office is not None:
        data["office"] = _office_dict(document.office)
    data["meeting"] = _meeting_dict(document.meeting)
    if document.letter is not None:
        data["letter"] = _letter_dict(document.letter)
    return data


def meeting_json(document: MeetingDocument) -> str:
    return json.dumps(document_to_dict(document), ensure_ascii=False, indent=2) + "\n"


def write_meeting_file(document: MeetingDocument, path: Path) -> None:
    """Write through a temporary file renamed at the end: a failed write leaves no half file."""
    atomic_write_text(path, meeting_json(document))


def _put(data: JsonObject, key: str, value: Any) -> None:
    """Set an optional value, leaving out empty ones (the canonical form)."""
    if value not in ("", [], None):
        data[key] = value


def _person_dict(person: Person) -> JsonObject:
    data: JsonObject = {"name": person.name}
    _put(data, "position", person.position)
    return data


def _office_dict(office: Office) -> JsonObject:
    data: JsonObject = {"name": office.name}
    for key in ("address", "doc_prefix", "unit", "phone", "fax", "email", "slogan"):
        _put(data, key, getattr(office, key))
    return data


def _meeting_dict(meeting: Meeting) -> JsonObject:
    data: JsonObject = {"title": meeting.title}
    _put(data, "period", meeting.period)
    data.update(seq=meeting.seq, year=meeting.year, date=meeting.date.isoformat())
    _put(data, "start", meeting.start.strftime("%H:%M") if meeting.start else None)
    _put(data, "end", meeting.end.strftime("%H:%M") if meeting.end else None)
    _put(data, "venue", meeting.venue)
    _put(data, "attendees", [_attendee_dict(a) for a in meeting.attendees])
    _put(data, "sections", [_section_dict(meeting, s) for s in meeting.sections])
    if meeting.recorder is not None:
        data["recorder"] = _person_dict(meeting.recorder)
    if meeting.checker is not None:
        data["checker"] = _person_dict(meeting.checker)
    return data


def _attendee_dict(attendee: Attendee) -> JsonObject:
    data: JsonObject = {}
    _put(data, "prefix", attendee.prefix)
    data["first"] = attendee.first
    _put(data, "last", attendee.last)
    _put(data, "position", attendee.position)
    data["status"] = attendee.status.value
    _put(data, "note", attendee.note)
    return data


def _section_dict(meeting: Meeting, section: Section) -> JsonObject:
    data: JsonObject = {"number": meeting.section_number(section), "title": section.title}
    _put(data, "presenter_wording", section.presenter_wording)
    _put(data, "blocks", [_block_dict(b) for b in section.blocks])
    _put(data, "items", [_item_dict(i) for i in section.items])
    _put(data, "resolution", section.resolution)
    if section.vote is not None:  # written only when counted
        data["vote"] = _vote_dict(section.vote)
    return data


def _item_dict(item: Item) -> JsonObject:
    data: JsonObject = {"title": item.title}
    _put(data, "presenter", item.presenter)
    _put(data, "blocks", [_block_dict(b) for b in item.blocks])
    _put(data, "resolution", item.resolution)
    _put(data, "items", [_item_dict(i) for i in item.items])
    if item.vote is not None:  # written only when counted
        data["vote"] = _vote_dict(item.vote)
    if item.confidential:  # written only when set: the file of a meeting without one is as before
        data["confidential"] = True
    return data


def _block_dict(block: Block) -> JsonObject:
    if isinstance(block, Paragraph):
        data: JsonObject = {"type": "paragraph", "text": block.text}
        if not block.indent:
            data["indent"] = False
        return data
    if isinstance(block, BulletList):
        data = {"type": "list"}
        if block.ordered:
            data["ordered"] = True
        data["items"] = list(block.items)
        return data
    if isinstance(block, Table):
        data = {"type": "table"}
        _put(data, "title", block.title)
        data["columns"] = [_column_dict(c) for c in block.columns]
        data["rows"] = [list(row) for row in block.rows]
        if block.total_label is not None:
            data["total"] = {"label": block.total_label}
        _put(data, "note", block.note)
        return data
    return {"type": "attachment", "title": block.title}


def _column_dict(column: Column) -> JsonObject:
    data: JsonObject = {"title": column.title}
    _put(data, "group", column.group)
    if column.kind is not ColumnKind.TEXT:
        data["kind"] = column.kind.value
    _put(data, "formula", column.formula)
    return data


def _letter_dict(letter: Letter) -> JsonObject:
    data: JsonObject = {}
    _put(data, "number", letter.number)
    _put(data, "date", letter.date.isoformat() if letter.date else None)
    for key in ("subject", "to", "references", "enclosures", "body", "closing"):
        _put(data, key, getattr(letter, key))
    if letter.signer is not None:
        data["signer"] = _person_dict(letter.signer)
    _put(data, "certify_by", letter.certify_by.isoformat() if letter.certify_by else None)
    _put(data, "recipients", [_recipient_dict(r) for r in letter.recipients])
    return data


def _recipient_dict(recipient: Recipient) -> JsonObject:
    data: JsonObject = {"name": recipient.name}
    if recipient.status is not RecipientStatus.PENDING:
        data["status"] = recipient.status.value
    _put(data, "note", recipient.note)
    return data
