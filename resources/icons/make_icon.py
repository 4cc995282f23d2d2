"""The program's icon: a page of minutes (a title band and lines of text) with ร, drawn with
Pillow and the bundled Sarabun Bold, saved as PNG (the window) and ICO (Windows' program, its
shortcuts and the installer): `python resources/icons/make_icon.py`."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "fonts" / "Sarabun-Bold.ttf"
SIZE = 256
BLUE = (27, 77, 140, 255)


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((36, 12, 220, 244), radius=14, fill=(255, 255, 255, 255), outline=BLUE, width=8)
    pen.rectangle((52, 30, 204, 62), fill=BLUE)
    for y in range(150, 230, 22):
        pen.line((62, y, 194, y), fill=(90, 90, 90, 255), width=7)
    font = ImageFont.truetype(str(FONT), 96)
    pen.text((SIZE // 2, 108), "ร", font=font, fill=BLUE, anchor="mm")
    return image


def main() -> None:
    image = draw()
    image.save(HERE / "thai-minutes.png")
    image.save(
        HERE / "thai-minutes.ico",
        sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)],
    )
    print(HERE / "thai-minutes.png", HERE / "thai-minutes.ico")


if __name__ == "__main__":
    main()
