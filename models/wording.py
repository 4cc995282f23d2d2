"""The fixed words of minutes, in one place: what the exporters print (`exporters.layout`'s
defaults), what the recognisers of typed minutes look for (`models.recognize`), and what the
importer counts as the program's own wording rather than the clerk's text (`importers.minutes`).
"""

from __future__ import annotations

TITLE_PREFIX = "รายงาน"  # `รายงาน` + the meeting's title
PRESENT_HEADING = "ผู้มาประชุม"
ABSENT_HEADING = "ผู้ไม่มาประชุม"
GUEST_HEADING = "ผู้เข้าร่วมประชุม"
START_WORDS = "เริ่มประชุมเวลา"
END_WORDS = "เลิกประชุมเวลา"
AGENDA_WORDS = "ระเบียบวาระที่"
RESOLUTION_WORDS = "มติที่ประชุม"
PRESENTER_LINE = "{presenter} {wording} จำนวน {count} เรื่อง ดังนี้"
ATTACHMENT_LINE = "รายละเอียดตาม{title} (เอกสารแนบ {number})"
RECORDER_ROLE = "ผู้จดรายงานการประชุม"
CHECKER_ROLE = "ผู้ตรวจรายงานการประชุม"
PRE_AGENDA_TITLE = "ก่อนเข้าระเบียบวาระการประชุม"
SIGNED = "(ลงชื่อ)"
