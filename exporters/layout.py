"""The one layout description the DOCX and PDF writers both read: page, margins, font, sizes,
indents, tab stops, spacing and the fixed words of the official format (LAYOUT.md).

Every field has the default LAYOUT.md gives; the ones it marks *default* are settings a clerk
may change. Lengths are in centimetres, font sizes and spacing in points.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from models import thai, wording

DEFAULT_FONT = "TH Sarabun New"
BUNDLED_FONT = "TH Sarabun New"  # embedded in the PDF when the named font is not installed


@dataclass(frozen=True)
class Layout:
    # page (A4 portrait)
    page_width_cm: float = 21.0
    page_height_cm: float = 29.7
    margin_left_cm: float = 3.0
    margin_right_cm: float = 2.0
    margin_top_cm: float = 2.5  # default
    margin_bottom_cm: float = 2.0  # default
    header_distance_cm: float = 1.25  # from the top edge to the page number
    footer_distance_cm: float = 1.0

    # type
    font_name: str = DEFAULT_FONT  # default: the font the clerk's Word has
    font_size_pt: float = 16.0
    slogan_size_pt: float = 14.0
    thai_digits: bool = True  # default

    # paragraphs
    first_line_indent_cm: float = 2.5
    item_indent_cm: float = 1.25  # one step of item heading indent per level
    list_hang_cm: float = 0.75  # from a list marker to its text
    section_tab_cm: float = 3.25  # `ระเบียบวาระที่ ๑` then the title at this tab
    resolution_tab_cm: float = 5.0  # `มติที่ประชุม` then the text at this tab
    letter_label_tab_cm: float = 2.75  # `เรื่อง`, `เรียน`, `สิ่งที่ส่งมาด้วย` then the text
    letter_space_before_pt: float = 6.0
    signature_indent_cm: float = 5.0  # signature blocks are centred right of this (less when needed)
    letter_office_indent_cm: float = 9.0  # the office block of a letter starts here
    letter_date_indent_cm: float = 8.0  # the date and the closing start at the centre
    garuda_height_cm: float = 3.0
    table_cell_padding_cm: float = 0.1

    # fixed words
    title_prefix: str = wording.TITLE_PREFIX
    present_heading: str = wording.PRESENT_HEADING  # default
    present_count: bool = False  # default: `ผู้มาประชุม จำนวน ๑๘ คน`
    absent_heading: str = wording.ABSENT_HEADING
    guest_heading: str = wording.GUEST_HEADING
    start_words: str = wording.START_WORDS
    show_start: bool = True  # default
    end_words: str = wording.END_WORDS
    agenda_words: str = wording.AGENDA_WORDS
    resolution_words: str = wording.RESOLUTION_WORDS
    presenter_line: str = wording.PRESENTER_LINE  # {wording}: models.presenter
    attachment_line: str = wording.ATTACHMENT_LINE
    recorder_role: str = wording.RECORDER_ROLE
    checker_role: str = wording.CHECKER_ROLE
    signature_leader_cm: float = 6.0  # the dotted line to sign on, the same in every signature
    distribution_heading: str = "บัญชีแจกจ่าย"

    @property
    def text_width_cm(self) -> float:
        return self.page_width_cm - self.margin_left_cm - self.margin_right_cm

    @property
    def text_height_cm(self) -> float:
        return self.page_height_cm - self.margin_top_cm - self.margin_bottom_cm

    def digits(self, text: str) -> str:
        """Digits of printed text in the script this layout asks for."""
        return thai.document_digits(text, self.thai_digits)

    def with_font(self, font_name: str | None) -> Layout:
        return replace(self, font_name=font_name) if font_name else self


DEFAULT_LAYOUT = Layout()
