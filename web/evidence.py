"""A finding's evidence as a picture: the PDF page region rendered by pypdfium2, the quoted box drawn
with Pillow. (DOCX and text evidence is shown as its paragraph or line, in the page itself.)"""

from __future__ import annotations

import io
from pathlib import Path

from cchc.extractors.readers.pdf import PDFIUM_LOCK

SCALE = 2.0  # 144 dpi: small print stays readable
MARGIN = 60.0  # points of context above and below the quoted box
# PDFium is not thread-safe, not even across documents: a report page's evidence images are requested
# together and run on the server's thread pool, so they take the readers' process-wide lock.


def parse_bbox(text: str | None) -> tuple[float, float, float, float] | None:
    """``"x0,top,x1,bottom"`` in PDF points (origin top-left), or None."""
    if not text:
        return None
    try:
        x0, top, x1, bottom = (float(v) for v in text.split(","))
    except ValueError:
        return None
    if not (x1 >= x0 and bottom >= top) or min(x0, top) < 0 or max(x1, bottom) > 20_000:
        return None
    return x0, top, x1, bottom


def render_region(pdf: Path, page: int, bbox: tuple[float, float, float, float] | None) -> bytes:
    """PNG of ``page`` (1-based) around ``bbox``, the box outlined; the whole page without a box.

    Raises ``ValueError`` for a page the PDF does not have.
    """
    import pypdfium2 as pdfium
    from PIL import ImageDraw

    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(str(pdf))
        try:
            if not 1 <= page <= len(document):
                raise ValueError(f"page {page} out of 1..{len(document)}")
            pdf_page = document[page - 1]
            width, height = pdf_page.get_size()
            image = pdf_page.render(scale=SCALE).to_pil().convert("RGB")
            pdf_page.close()
        finally:
            document.close()
    if bbox is not None:
        x0, top, x1, bottom = bbox
        draw = ImageDraw.Draw(image, "RGBA")
        box = [x0 * SCALE - 3, top * SCALE - 3, x1 * SCALE + 3, bottom * SCALE + 3]
        draw.rectangle(box, fill=(255, 220, 0, 70), outline=(220, 30, 30, 255), width=3)
        crop_top = max(0.0, top - MARGIN) * SCALE
        crop_bottom = min(height, bottom + MARGIN) * SCALE
        image = image.crop((0, int(crop_top), int(width * SCALE), int(crop_bottom)))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
