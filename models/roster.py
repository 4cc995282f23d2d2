"""The roster as clerks bring it: names typed whole, rows pasted from a spreadsheet."""

from __future__ import annotations

from dataclasses import dataclass

from models import thai
from models.meeting import Attendee, AttendeeStatus, Meeting

# Longest first, so that นางสาว is not read as นาง + สาว...
# police ranks spelled out in full, each also with หญิง for a woman officer (ร้อยตำรวจโทหญิง)
_POLICE_RANKS = (
    "พลตำรวจเอก", "พลตำรวจโท", "พลตำรวจตรี", "พันตำรวจเอก", "พันตำรวจโท", "พันตำรวจตรี",
    "ร้อยตำรวจเอก", "ร้อยตำรวจโท", "ร้อยตำรวจตรี", "ดาบตำรวจ", "จ่าสิบตำรวจ",
    "สิบตำรวจเอก", "สิบตำรวจโท", "สิบตำรวจตรี",
    "พ.ต.อ.", "พ.ต.ท.", "พ.ต.ต.", "ร.ต.อ.", "ร.ต.ท.", "ร.ต.ต.", "ด.ต.", "จ.ส.ต.",
    "ส.ต.อ.", "ส.ต.ท.", "ส.ต.ต.", "พล.ต.อ.", "พล.ต.ท.", "พล.ต.ต.",
)  # fmt: skip
# monks' titles: a monk has no surname (a second name is his ฉายา, typed with the name)
MONASTIC_PREFIXES = (
    "พระครู", "พระมหา", "พระอธิการ", "พระปลัด", "พระสมุห์", "พระใบฎีกา", "พระครูสมุห์", "พระครูปลัด",
    "พระครูใบฎีกา", "เจ้าอธิการ", "สามเณร",
)  # fmt: skip
_NAVY_RANKS = ("นาวาเอก", "นาวาโท", "นาวาตรี", "เรือเอก", "เรือโท", "เรือตรี", "น.อ.", "น.ท.", "น.ต.")
# ranks and titles that a second review of clerks' rosters met
_MORE_TITLES = (
    "พลเอก", "พลโท", "พลตรี", "พล.อ.", "พล.ท.", "พล.ต.",
    "พลเรือเอก", "พลเรือโท", "พลเรือตรี", "พลอากาศเอก", "พลอากาศโท", "พลอากาศตรี",
    "นาวาอากาศเอก", "นาวาอากาศโท", "นาวาอากาศตรี", "เรืออากาศเอก", "เรืออากาศโท", "เรืออากาศตรี",
    "จ่าเอก", "จ่าโท", "จ่าตรี", "พันจ่าเอก", "พันจ่าโท", "พันจ่าตรี",
    "จ่าอากาศเอก", "จ่าอากาศโท", "จ่าอากาศตรี", "พันจ่าอากาศเอก", "พันจ่าอากาศโท", "พันจ่าอากาศตรี",
    "ทันตแพทย์", "ทันตแพทย์หญิง", "เภสัชกร", "เภสัชกรหญิง", "สัตวแพทย์", "สัตวแพทย์หญิง",
    "ศาสตราจารย์", "รองศาสตราจารย์", "ผู้ช่วยศาสตราจารย์", "อาจารย์", "อ.",
    "Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Prof.",
    "พระอธิการ", "พระปลัด", "พระสมุห์", "พระใบฎีกา", "พระครูสมุห์", "พระครูปลัด", "พระครูใบฎีกา",
    "แม่ชี", "สามเณร", "เจ้าอธิการ",
    "หม่อมเจ้า", "หม่อมราชวงศ์", "หม่อมหลวง", "ม.จ.", "ม.ร.ว.", "ม.ล.", "คุณหญิง", "ท่านผู้หญิง",
)  # fmt: skip
PREFIXES = tuple(
    sorted(
        dict.fromkeys(
            (
                "นาย",
                "นาง",
                "นางสาว",
                "น.ส.",
                "ดร.",
                "ว่าที่ร้อยตรี",
                "ว่าที่ร้อยตรีหญิง",
                "ว่าที่ ร.ต.",
                "ว่าที่ ร.ต.หญิง",
                "ร.ต.",
                "ร.ท.",
                "ร.อ.",
                "พ.ต.",
                "พ.ท.",
                "พ.อ.",
                "ส.อ.",
                "จ.ส.อ.",
                "ด.ต.",
                "พ.ต.อ.",
                "พ.ต.ท.",
                "พ.ต.ต.",
                "ร.ต.อ.",
                "ร.ต.ท.",
                "ร.ต.ต.",
                "นพ.",
                "พญ.",
                "ผศ.",
                "รศ.",
                "ศ.",
                "ผศ.ดร.",
                "รศ.ดร.",
                "ศ.ดร.",
                "นายแพทย์",
                "แพทย์หญิง",
                "ทพ.",
                "ทพญ.",
                "ภก.",
                "ภญ.",
                "ว่าที่ร้อยโท",
                "ว่าที่ร้อยเอก",
                "ว่าที่ ร.ท.",
                "ว่าที่ ร.อ.",
                "ร้อยตรี",
                "ร้อยโท",
                "ร้อยเอก",
                "พันตรี",
                "พันโท",
                "พันเอก",
                "สิบตรี",
                "สิบโท",
                "สิบเอก",
                "จ่าสิบตรี",
                "จ่าสิบโท",
                "จ่าสิบเอก",
                "จ.ส.ต.",
                "จ.ส.ท.",
                "ส.ต.ต.",
                "ส.ต.ท.",
                "ส.ต.อ.",
                "พ.จ.ต.",
                "พ.จ.ท.",
                "พ.จ.อ.",
                "พล.ต.ต.",
                "พล.ต.ท.",
                "พล.ต.อ.",
                "พระครู",
                "พระมหา",
                *_POLICE_RANKS,
                *(f"{rank}หญิง" for rank in _POLICE_RANKS),
                *_NAVY_RANKS,
                *_MORE_TITLES,
            )
        ),
        key=len,
        reverse=True,
    )
)
# a doctorate or a medical title after a rank or an academic title joins it
_STACKED_TITLES = ("ดร.", "นพ.", "พญ.", "ทพ.", "ทพญ.", "ภก.", "ภญ.")
STATUS_WORDS = {
    "present": AttendeeStatus.PRESENT, "มา": AttendeeStatus.PRESENT, "มาประชุม": AttendeeStatus.PRESENT,
    "absent": AttendeeStatus.ABSENT, "ไม่มา": AttendeeStatus.ABSENT, "ไม่มาประชุม": AttendeeStatus.ABSENT,
    "guest": AttendeeStatus.GUEST, "เข้าร่วม": AttendeeStatus.GUEST, "ผู้เข้าร่วมประชุม": AttendeeStatus.GUEST,
}  # fmt: skip
STATUS_LABELS = {
    AttendeeStatus.PRESENT: "มาประชุม",
    AttendeeStatus.ABSENT: "ไม่มาประชุม",
    AttendeeStatus.GUEST: "ผู้เข้าร่วมประชุม",
}


def split_name(text: str) -> tuple[str, str, str]:
    """`นางสาวสมใจ ใจดี` → (`นางสาว`, `สมใจ`, `ใจดี`); a prefix written apart works too, and a
    doctorate or a medical title after a rank or an academic title (`รองศาสตราจารย์ ดร.สมชาย`,
    `ผศ.นพ.อนุชา`) joins the prefix."""
    rest = " ".join(text.split())
    prefix = next((p for p in PREFIXES if rest.startswith(p)), "")
    rest = rest[len(prefix) :]
    stacked = next((t for t in _STACKED_TITLES if rest.lstrip().startswith(t) and t not in prefix), None)
    if prefix and stacked is not None:  # `ผศ.นพ.`, `รองศาสตราจารย์ ดร.`, `อ.ดร.`
        prefix = f"{prefix}{rest[: len(rest) - len(rest.lstrip())]}{stacked}"
        rest = rest.lstrip()[len(stacked) :]
    rest = rest.strip()
    first, _, last = rest.partition(" ")
    return prefix, first, last.strip()


def parse_pasted_rows(text: str) -> list[Attendee]:
    """Rows copied from a spreadsheet (tab-separated). With one name cell the whole name is
    split; with three the cells are prefix, first name and surname. Then position, and an
    optional status (มา / ไม่มา / เข้าร่วม) and note. A leading running number is dropped."""
    attendees = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.split("\t")]
        if cells and cells[0].rstrip(".").isdigit():
            cells = cells[1:]
        if not any(cells):
            continue
        if len(cells) >= 3 and (cells[0] in PREFIXES or not cells[0]):
            prefix, first, last, rest = cells[0], cells[1], cells[2], cells[3:]
        else:
            (prefix, first, last), rest = split_name(cells[0]), cells[1:]
        position = rest[0] if rest else ""
        status = (
            STATUS_WORDS.get(rest[1], AttendeeStatus.PRESENT) if len(rest) > 1 else AttendeeStatus.PRESENT
        )
        note = rest[2] if len(rest) > 2 else ""
        attendees.append(Attendee(first, status, prefix, last, position, note))
    return attendees


@dataclass(frozen=True)
class Quorum:
    """The quorum (องค์ประชุม) of a meeting of a board: the members who came against all its
    members (those present and those absent; guests are no members), at least half of them as
    the Administrative Procedure Act (พ.ร.บ.วิธีปฏิบัติราชการทางปกครอง มาตรา ๗๙) asks."""

    present: int
    members: int

    @property
    def needed(self) -> int:
        return -(-self.members // 2)  # not less than half: half rounded up

    @property
    def met(self) -> bool:
        return self.present >= self.needed

    def words(self) -> str:
        """`ครบองค์ประชุม (ต้องไม่น้อยกว่ากึ่งหนึ่ง คือ ๑๙ คน)`, in Thai digits."""
        state = "ครบองค์ประชุม" if self.met else "ไม่ครบองค์ประชุม"
        return thai.to_thai_digits(
            f"{state} (ต้องมาประชุมไม่น้อยกว่ากึ่งหนึ่งของกรรมการ {self.members} คน คือ {self.needed} คน)"
        )


def quorum(meeting: Meeting) -> Quorum:
    present = len(meeting.attendees_with(AttendeeStatus.PRESENT))
    return Quorum(present, present + len(meeting.attendees_with(AttendeeStatus.ABSENT)))
