"""The DOCX as another program reads it: LibreOffice converts it to PDF with the bundled Sarabun,
and the PDF must use no other font and hold every word of the meeting in order.

Needs `soffice` (Debian: libreoffice-writer-nogui) and poppler-utils; `.ci/run` installs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from exporters.compose import compose_letter, compose_minutes
from exporters.docx_export import write_letter_docx, write_minutes_docx
from exporters.fonts import FONT_FOLDER
from exporters.layout import DEFAULT_LAYOUT
from models.meeting import MeetingDocument
from tests.textcheck import assert_in_order, chunks, squeezed

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None or shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="LibreOffice or poppler-utils is not installed",
)
LAYOUT = DEFAULT_LAYOUT.with_font("Sarabun")


def convert(source: Path, tmp_path: Path) -> Path:
    """LibreOffice in a profile and font setup of its own: the bundled Sarabun, nothing installed."""
    fonts_conf = tmp_path / "fonts.conf"
    fonts_conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{FONT_FOLDER}</dir><cachedir>{tmp_path / 'fontcache'}</cachedir></fontconfig>",
        "utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(fonts_conf), "HOME": str(tmp_path)}
    profile = (tmp_path / "profile").as_uri()
    command = [str(SOFFICE), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run(
        [*command, "--outdir", str(tmp_path), str(source)],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return tmp_path / source.with_suffix(".pdf").name


def fonts_of(pdf: Path) -> set[str]:
    listing = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    return {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:] if line.strip()}


@pytest.mark.parametrize("which", ["minutes", "letter"])
def test_libreoffice_renders_only_sarabun_and_every_word_in_order(
    tmp_path: Path, demo: MeetingDocument, which: str
) -> None:
    source = tmp_path / f"{which}.docx"
    if which == "minutes":
        write_minutes_docx(demo, source, LAYOUT)
        composition = compose_minutes(demo, LAYOUT)
    else:
        write_letter_docx(demo, source, LAYOUT)
        composition = compose_letter(demo, LAYOUT)
    pdf = convert(source, tmp_path)
    assert fonts_of(pdf) <= {"Sarabun-Regular", "Sarabun-Bold"}
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert_in_order(chunks(composition), squeezed(text))
    for line in composition.first_page_footer:
        assert squeezed(line.text) in squeezed(text)
