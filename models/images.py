"""The office's Garuda image: checked when the clerk chooses it, and again where a letter is
written, so that an image no writer can place never fails an export.

PNG and JPEG are kept as they are. WebP, GIF, BMP, ICO, TIFF and PPM are converted to PNG; any
other file (SVG included: it would need a renderer) is refused. A file over 5 MB or an image over
4000 × 4000 pixels is refused before it is decoded, and so is a damaged one. Messages are in Thai.
Pillow reads the images (ReportLab depends on it); only its plugins for the formats above are
ever asked to read a file.
"""

from __future__ import annotations

import functools
import io
import warnings
from pathlib import Path
from typing import NamedTuple

from PIL import Image, UnidentifiedImageError

from models import thai

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_SIDE = 4000  # pixels, each way

KEPT = {"PNG": ("1", "L", "LA", "P", "RGB", "RGBA"), "JPEG": ("L", "RGB")}  # format: modes kept as is
CONVERTED = ("GIF", "BMP", "WEBP", "ICO", "TIFF", "PPM")
_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG: damaged rather than unknown

ACCEPTED_MESSAGE = "กรุณาใช้ไฟล์ PNG หรือ JPEG"


class ImageError(ValueError):
    """An image that cannot be the Garuda; the message says why, in Thai."""


class Garuda(NamedTuple):
    data: bytes  # PNG or JPEG
    converted_from: str | None  # the format it was converted from (`WEBP`), None when kept


def garuda_from_file(path: Path) -> Garuda:
    """Read and check the image file the clerk chose. Raises ImageError."""
    try:
        if not path.is_file():
            raise ImageError(f"{path.name} ไม่ใช่ไฟล์ภาพ {ACCEPTED_MESSAGE}")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ImageError(_too_big_file(path.stat().st_size))
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ImageError(f"อ่านไฟล์ {path.name} ไม่ได้ ({error.strerror or 'ไม่ทราบสาเหตุ'})") from error
    return prepare_garuda(data)


def prepare_garuda(data: bytes) -> Garuda:
    """The image as the letter can use it (PNG or JPEG). Raises ImageError."""
    if not data:
        raise ImageError(f"ไฟล์ภาพว่างเปล่า {ACCEPTED_MESSAGE}")
    if len(data) > MAX_FILE_BYTES:
        raise ImageError(_too_big_file(len(data)))
    if _looks_like_svg(data):
        raise ImageError("ภาพแบบ SVG ใช้ไม่ได้ กรุณาบันทึกภาพเป็น PNG จากโปรแกรมวาดภาพแล้วเลือกใหม่")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # palette and bomb warnings: the limits below decide
        try:
            with Image.open(io.BytesIO(data), formats=[*KEPT, *CONVERTED]) as image:
                width, height = image.size
                if not 0 < width <= MAX_SIDE or not 0 < height <= MAX_SIDE:
                    raise ImageError(_too_big_image(width, height))
                image.load()
                found = "JPEG" if image.format == "MPO" else str(image.format)  # a camera's JPEG
                if image.mode in KEPT.get(found, ()):
                    return Garuda(data, None)
                return Garuda(_png(image), found)
        except ImageError:
            raise
        except Image.DecompressionBombError as error:
            raise ImageError(f"ภาพใหญ่เกินไป ใช้ได้ไม่เกิน {_side_limit()} จุด") from error
        except UnidentifiedImageError as error:
            if data.startswith(_SIGNATURES):
                raise ImageError(_damaged()) from error
            raise ImageError(f"ไม่รู้จักชนิดของไฟล์ภาพนี้ {ACCEPTED_MESSAGE}") from error
        except Exception as error:  # Pillow's decoders raise many kinds on a damaged file
            raise ImageError(_damaged()) from error


def usable_garuda(data: bytes) -> bytes | None:
    """The Garuda as a writer can place it, or None when it cannot be used: for images that
    reached the database before they were checked."""
    try:
        return prepare_garuda(data).data
    except Exception:  # never let a stored image fail an export
        return None


def letter_garuda(own: bytes | None) -> bytes | None:
    """The Garuda a letter prints: the office's own image when it has a usable one, else the
    standard emblem shipped with the program (a new office's letter is complete at once); None
    only when neither can be read (the letter then leaves the space blank)."""
    usable = usable_garuda(own) if own else None
    return usable if usable is not None else standard_garuda()


@functools.cache
def standard_garuda() -> bytes | None:
    from models.paths import STANDARD_GARUDA  # noqa: PLC0415

    try:
        return usable_garuda(STANDARD_GARUDA.read_bytes())
    except OSError:  # an installation without its resources: the letter leaves the space blank
        return None


def _png(image: Image.Image) -> bytes:
    if image.mode in ("1", "L"):
        mode = "L"
    elif image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        mode = "RGBA"
    else:
        mode = "RGB"
    out = io.BytesIO()
    image.convert(mode).save(out, format="PNG")
    return out.getvalue()


def _looks_like_svg(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) and b"<svg" in data[:4096].lower()


def _too_big_file(size: int) -> str:
    megabytes = thai.to_thai_digits(f"{size / 1024 / 1024:.1f}")
    limit = thai.to_thai_digits(str(MAX_FILE_BYTES // 1024 // 1024))
    return f"ไฟล์ภาพใหญ่เกินไป ({megabytes} เมกะไบต์) ใช้ได้ไม่เกิน {limit} เมกะไบต์"


def _side_limit() -> str:
    side = thai.to_thai_digits(f"{MAX_SIDE:,}")
    return f"{side} × {side}"


def _too_big_image(width: int, height: int) -> str:
    size = thai.to_thai_digits(f"{width:,} × {height:,}")
    return f"ภาพใหญ่เกินไป ({size} จุด) ใช้ได้ไม่เกิน {_side_limit()} จุด กรุณาย่อภาพก่อน"


def _damaged() -> str:
    return f"ไฟล์ภาพเสียหรือไม่ครบ อ่านภาพไม่ได้ {ACCEPTED_MESSAGE}"
