"""The Garuda image: PNG and JPEG kept, other images converted to PNG, the rest refused in Thai;
an image in the database that cannot be used never fails a letter (its space stays blank).
Every image is made here with Pillow."""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from exporters import writer_for
from exporters.compose import Picture, Spacer, compose_letter
from exporters.layout import DEFAULT_LAYOUT
from models.images import (
    MAX_FILE_BYTES,
    MAX_SIDE,
    ImageError,
    garuda_from_file,
    prepare_garuda,
    standard_garuda,
    usable_garuda,
)
from models.meeting import MeetingDocument
from models.paths import STANDARD_GARUDA

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="90" height="100"/>'


def image_bytes(file_format: str, size: tuple[int, int] = (90, 100), mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, "black").save(buffer, format=file_format)
    return buffer.getvalue()


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize(
    ("file_format", "mode"), [("PNG", "RGB"), ("PNG", "RGBA"), ("PNG", "P"), ("JPEG", "RGB")]
)
def test_png_and_jpeg_are_kept_as_they_are(file_format: str, mode: str) -> None:
    data = image_bytes(file_format, mode=mode)
    assert prepare_garuda(data) == (data, None)
    assert usable_garuda(data) == data


@pytest.mark.parametrize(
    ("file_format", "mode"),
    [
        ("WEBP", "RGB"),
        ("ICO", "RGBA"),
        ("PPM", "RGB"),
        ("GIF", "P"),
        ("BMP", "RGB"),
        ("TIFF", "RGB"),
        ("JPEG", "CMYK"),
    ],
)
def test_other_images_are_converted_to_png(file_format: str, mode: str) -> None:
    source = image_bytes(file_format, mode=mode)
    garuda = prepare_garuda(source)
    assert garuda.data.startswith(PNG_SIGNATURE) and garuda.converted_from == file_format
    assert opened(garuda.data).size == opened(source).size  # (an icon keeps its largest picture)


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (SVG, "SVG"),
        (image_bytes("PNG")[:70], "เสีย"),  # cut short
        (image_bytes("JPEG")[:300], "เสีย"),
        (image_bytes("PNG", (MAX_SIDE + 1, 10), "L"), "ใหญ่เกินไป"),
        (image_bytes("PNG", (10, MAX_SIDE + 1), "L"), "ใหญ่เกินไป"),
        (b"\0" * (MAX_FILE_BYTES + 1), "ใหญ่เกินไป"),
        ("รายงานการประชุม".encode(), "ไม่รู้จัก"),
        (b"", "ว่าง"),
    ],
    ids=["svg", "png-cut", "jpeg-cut", "too-wide", "too-tall", "over-5-mb", "text", "empty"],
)
def test_what_cannot_be_the_garuda_is_refused_in_thai(data: bytes, said: str) -> None:
    with pytest.raises(ImageError, match=said) as refused:
        prepare_garuda(data)
    assert any("\u0e00" <= char <= "\u0e7f" for char in str(refused.value))  # said in Thai
    assert usable_garuda(data) is None


def test_a_file_is_checked_before_it_is_read_whole(tmp_path: Path) -> None:
    big = tmp_path / "scan.png"
    with big.open("wb") as stream:  # a sparse file: its size says enough
        stream.truncate(50 * MAX_FILE_BYTES)
    with pytest.raises(ImageError, match="ใหญ่เกินไป"):
        garuda_from_file(big)
    with pytest.raises(ImageError, match="ไม่ใช่ไฟล์ภาพ"):
        garuda_from_file(tmp_path)  # a folder (or a pipe, or a device) is not an image
    picture = tmp_path / "garuda.gif"
    picture.write_bytes(image_bytes("GIF", mode="P"))
    assert garuda_from_file(picture).data.startswith(PNG_SIGNATURE)


def test_an_image_as_big_as_allowed_is_accepted() -> None:
    data = image_bytes("PNG", (MAX_SIDE, MAX_SIDE), "1")
    assert prepare_garuda(data).data == data


def _with_garuda(demo: MeetingDocument, garuda: bytes) -> MeetingDocument:
    document = copy.deepcopy(demo)
    assert document.office is not None
    document.office.garuda = garuda
    return document


def _docx_pictures(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as package:
        return [package.read(name) for name in package.namelist() if name.startswith("word/media/")]


def _pdf_pictures(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages[0].images)


def test_a_webp_garuda_already_in_the_database_prints_as_png(demo: MeetingDocument, tmp_path: Path) -> None:
    document = _with_garuda(demo, image_bytes("WEBP"))
    for file_format in ("docx", "pdf"):
        writer_for("letter", file_format)(document, tmp_path / f"letter.{file_format}", DEFAULT_LAYOUT)
    pictures = _docx_pictures(tmp_path / "letter.docx")
    assert len(pictures) == 1 and pictures[0].startswith(PNG_SIGNATURE)
    assert _pdf_pictures(tmp_path / "letter.pdf") == 1


@pytest.mark.parametrize(
    "garuda", [image_bytes("PNG")[:70], SVG, b"not an image"], ids=["png-cut", "svg", "text"]
)
def test_an_unusable_garuda_in_the_database_gives_way_to_the_standard_emblem(
    demo: MeetingDocument, tmp_path: Path, garuda: bytes
) -> None:
    document = _with_garuda(demo, garuda)
    body = compose_letter(document, DEFAULT_LAYOUT).body
    assert isinstance(body[0], Picture) and body[0].data == STANDARD_GARUDA.read_bytes()
    for file_format in ("docx", "pdf"):
        writer_for("letter", file_format)(document, tmp_path / f"letter.{file_format}", DEFAULT_LAYOUT)
    assert len(_docx_pictures(tmp_path / "letter.docx")) == 1
    assert _pdf_pictures(tmp_path / "letter.pdf") == 1


def test_a_new_office_prints_the_standard_garuda_three_centimetres_high(
    demo: MeetingDocument, tmp_path: Path
) -> None:
    """The demo's office has no Garuda image of its own: its letter is complete all the same."""
    assert demo.office is not None and demo.office.garuda is None
    picture = compose_letter(demo, DEFAULT_LAYOUT).body[0]
    assert isinstance(picture, Picture) and picture.height_cm == 3.0
    assert opened(picture.data).size == (550, 600)  # the emblem in resources/garuda


def test_without_its_resources_the_letter_leaves_the_garuda_space_blank(
    demo: MeetingDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("models.paths.STANDARD_GARUDA", tmp_path / "missing.png")
    standard_garuda.cache_clear()
    try:
        body = compose_letter(demo, DEFAULT_LAYOUT).body
    finally:
        standard_garuda.cache_clear()
    assert isinstance(body[0], Spacer) and not any(isinstance(element, Picture) for element in body)
