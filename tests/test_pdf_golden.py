"""Golden images: a few pages of the demo's PDF rendered and compared with reviewed renders.

Run `UPDATE_GOLDEN=1 pytest tests/test_pdf_golden.py` after a deliberate change to the layout,
then look at the new PNGs in tests/golden/ before committing them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image, ImageChops

from exporters.layout import DEFAULT_LAYOUT
from exporters.pdf_export import write_letter_pdf, write_minutes_pdf
from models.meeting import MeetingDocument

GOLDEN = Path(__file__).parent / "golden"
RESOLUTION = 40
PAGES = [("minutes", 1), ("minutes", 4), ("letter", 1)]
MAX_CHANGED = 0.004  # share of pixels allowed to differ clearly (anti-aliasing, library updates)


def render(pdf: Path, page: int) -> Image.Image:
    with pdfplumber.open(pdf) as document:
        return document.pages[page - 1].to_image(resolution=RESOLUTION).original.convert("L")


def changed_share(a: Image.Image, b: Image.Image) -> float:
    if a.size != b.size:
        return 1.0
    difference = ImageChops.difference(a, b).point(lambda value: 255 if value > 96 else 0)
    histogram = difference.histogram()
    return histogram[255] / (a.size[0] * a.size[1])


@pytest.mark.parametrize(("which", "page"), PAGES)
def test_pages_look_as_reviewed(tmp_path: Path, demo: MeetingDocument, which: str, page: int) -> None:
    pdf = tmp_path / f"{which}.pdf"
    writer = write_minutes_pdf if which == "minutes" else write_letter_pdf
    writer(demo, pdf, DEFAULT_LAYOUT)
    image = render(pdf, page)
    golden = GOLDEN / f"{which}-{page}.png"
    if os.environ.get("UPDATE_GOLDEN"):
        image.save(golden)
    reviewed = Image.open(golden).convert("L")
    assert changed_share(image, reviewed) <= MAX_CHANGED, (
        f"{golden.name} changed; look at both and update if intended"
    )


def test_the_comparison_notices_a_moved_line(tmp_path: Path, demo: MeetingDocument) -> None:
    pdf = tmp_path / "minutes.pdf"
    write_minutes_pdf(demo, pdf, DEFAULT_LAYOUT)
    image = render(pdf, 1)
    moved = ImageChops.offset(image, 0, 3)
    assert changed_share(image, moved) > MAX_CHANGED
