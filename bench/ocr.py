"""How well and how fast scanned PDF pages are read: pages of a bundled document rendered to an image-only PDF
(clean, and two scan-like variants: skew, blur and speckle at 200 and 150 dpi), read by the PDF loader (Tesseract's
Vietnamese model).

    .venv/bin/python -m bench.ocr [--pages 2] [--document corpus/ha-noi-2021-87-KH-UBND-kiem-tra-cchc.txt] [--font F]

Prints, per variant, the share of characters read right (1 − edit distance / characters, whitespace ignored), the
share of words found (folded), and the seconds per page (rendering and recognition, as ingest does them) in wall time
and in CPU time (this process and Tesseract; on a loaded machine the wall time is several times the CPU time).

>>> char_accuracy("Sở Nội vụ", "Sở Nội vu")
0.857
>>> wrap("Kiểm tra công tác cải cách hành chính", 20)
['Kiểm tra công tác', 'cải cách hành chính']
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import tempfile
import textwrap
import time
from pathlib import Path

from textnorm import fold_word, syllables

ROOT = Path(__file__).resolve().parents[1]
#: Fonts with Vietnamese glyphs: Debian's fonts-dejavu-core, then the copy matplotlib (a runtime requirement) ships.
FONT_CANDIDATES = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",)
#: An A4 page at 300 dpi, in pixels, and its margin.
PAGE_PIXELS, MARGIN = (2480, 3508), 200
#: 13 pt at 300 dpi (the size plans are set in), the line pitch, and the characters a line holds at that size.
FONT_PIXELS, LINE_PIXELS, LINE_CHARS = 54, 80, 70
#: Lines a page holds between its margins.
PAGE_LINES = (PAGE_PIXELS[1] - 2 * MARGIN) // LINE_PIXELS
#: The scan-like variants: skew in degrees, blur radius in pixels (at 300 dpi), speckles per page, resolution kept.
SCANS = {"scan-like": (0.6, 1.0, 3000, 200), "rough scan": (1.5, 1.8, 20000, 150)}
DEFAULT_DOCUMENT = ROOT / "corpus" / "ha-noi-2021-87-KH-UBND-kiem-tra-cchc.txt"


def vietnamese_font() -> str | None:
    """A TrueType font with Vietnamese glyphs on this machine, or ``None``."""
    candidates = list(FONT_CANDIDATES)
    try:
        import matplotlib

        candidates.append(str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"))
    except ImportError:
        pass
    return next((c for c in candidates if Path(c).is_file()), None)


def page_image(lines: list[str], font_path: str | None = None):
    """An A4 page at 300 dpi holding ``lines`` (PIL's own small font when no path is given)."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", PAGE_PIXELS, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(font_path, FONT_PIXELS) if font_path else ImageFont.load_default()
    for n, line in enumerate(lines):
        draw.text((MARGIN, MARGIN + LINE_PIXELS * n), line, font=font, fill=0)
    return image


def scan_like(image, skew: float, blur: float, speckles: int, dpi: int, seed: int = 0):
    """The page as a scanner gives it: skewed, blurred, speckled, at ``dpi``."""
    from PIL import ImageFilter

    rng = random.Random(seed)
    page = image.rotate(skew, fillcolor=255, expand=False).filter(ImageFilter.GaussianBlur(blur))
    pixels = page.load()
    for _ in range(speckles):
        pixels[rng.randrange(page.width), rng.randrange(page.height)] = rng.randrange(0, 120)
    scale = dpi / 300
    return page.resize((round(page.width * scale), round(page.height * scale)))


def image_pdf(images, dpi: int = 300) -> bytes:
    """An image-only PDF, one page per image (no text layer at all)."""
    buffer = io.BytesIO()
    first, *rest = images
    first.save(buffer, "PDF", resolution=dpi, save_all=True, append_images=rest)
    return buffer.getvalue()


def wrap(text: str, width: int = LINE_CHARS) -> list[str]:
    """The document's lines cut to fit a page line."""
    return [part for line in text.splitlines() for part in (textwrap.wrap(line, width) or [""])]


def char_accuracy(expected: str, got: str) -> float:
    """1 − edit distance / characters expected, whitespace ignored, to three decimals."""
    a, b = re.sub(r"\s", "", expected), re.sub(r"\s", "", got)
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        diagonal, row[0] = row[0], i
        for j, cb in enumerate(b, start=1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (ca != cb))
    return round(max(0.0, 1 - row[-1] / max(1, len(a))), 3)


def word_share(expected: str, got: str) -> float:
    """Share of the expected words found in the text read, compared folded."""
    words = [fold_word(w) for w in syllables(expected)]
    found = {fold_word(w) for w in syllables(got)}
    return round(sum(w in found for w in words) / max(1, len(words)), 3)


def measure(pages: list[list[str]], images, dpi: int) -> dict:
    """Read an image-only PDF of ``images`` with the loader: accuracy against ``pages`` and seconds per page."""
    from ingest.loaders import load_file

    with tempfile.TemporaryDirectory(prefix="ocr-bench-") as folder:
        path = Path(folder) / "quet.pdf"
        path.write_bytes(image_pdf(images, dpi))
        started, cpu = time.perf_counter(), _cpu_seconds()
        loaded = load_file(path)
        seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    expected = "\n".join("\n".join(p) for p in pages)
    return {"pages": len(pages), "chars": len(re.sub(r"\s", "", expected)), "ocr": loaded.ocr,
            "char_accuracy": char_accuracy(expected, loaded.text), "word_share": word_share(expected, loaded.text),
            "seconds_per_page": round(seconds / len(pages), 2), "cpu_seconds_per_page": round(cpu / len(pages), 2)}


def _cpu_seconds() -> float:
    """CPU time of this process and of the children it waited for (Tesseract): the figure a shared machine's load
    does not inflate."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--document", type=Path, default=DEFAULT_DOCUMENT, help="plain-text document to typeset")
    parser.add_argument("--pages", type=int, default=2, help="pages of it to render")
    parser.add_argument("--font", help="TrueType font to set it in (default: DejaVu Sans)")
    args = parser.parse_args(argv)
    from ingest.loaders.ocr import ocr_engine

    font = args.font or vietnamese_font()
    if ocr_engine() is None or font is None:
        print("Tesseract with Vietnamese data, or a Vietnamese font, is missing: nothing to measure.")
        return 2
    lines = wrap(args.document.read_text(encoding="utf-8"))
    pages = [lines[k:k + PAGE_LINES] for k in range(0, len(lines), PAGE_LINES)][:args.pages]
    clean = [page_image(p, font) for p in pages]
    print("clean 300 dpi", measure(pages, clean, 300))
    for name, (skew, blur, speckles, dpi) in SCANS.items():
        scans = [scan_like(image, skew, blur, speckles, dpi, seed) for seed, image in enumerate(clean)]
        print(f"{name} {dpi} dpi, skew {skew}°, blur {blur} px", measure(pages, scans, dpi))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
