"""Evidence images are rendered by PDFium, which is not thread-safe: the server's thread pool renders
a report page's images at once, and unguarded renders crashed `cchc serve` (SIGSEGV, no traceback)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "minh-duc-2022.pdf"

RACE = """
import sys, threading
from pathlib import Path
from cchc.web import evidence

sizes = []
def work():
    for _ in range(15):
        sizes.append(len(evidence.render_region(Path(sys.argv[1]), 1, (50.0, 100.0, 300.0, 130.0))))
threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(sizes), len(set(sizes)))
"""


def test_evidence_renders_from_many_threads_at_once_without_crashing() -> None:
    done = subprocess.run([sys.executable, "-c", RACE, str(SAMPLE)], check=False, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-500:]}"
    assert done.stdout.split() == ["120", "1"]  # every render done, all the same image


def test_the_region_image_is_a_png_of_the_quoted_box_with_context() -> None:
    from PIL import Image

    from cchc.web.evidence import MARGIN, SCALE, render_region

    png = render_region(SAMPLE, 1, (50.0, 100.0, 300.0, 130.0))
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.height == int((130.0 + MARGIN) * SCALE) - int((100.0 - MARGIN) * SCALE)
