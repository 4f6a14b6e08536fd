"""A scanned page turned a little on the scanner, turned straight again before OCR reads it; a page
turned a quarter (a landscape page fed portrait) found by a cheap test of its ink (:func:`may_lie_turned`).

A page laid 0.5-1.5 degrees askew drifts a ruled table's horizontal rules by several pixels from one
end to the other: the rules break into short steps and the table's grid is lost. The angle is found
by the projection profile: the ink's rows, sheared by each candidate angle, are sharpest (text lines
and rules fall into fewest, fullest rows) at the page's own angle. A page found straighter than
:data:`MIN_DEGREES` is left exactly as it was.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from PIL.Image import Image

MAX_DEGREES = 2.0  # a page turned further is not searched for (the scanner's feeder holds it closer)
COARSE_STEP = 0.2  # degrees between the first candidates
FINE_STEP = 0.025  # degrees between the candidates around the best coarse one
MIN_DEGREES = 0.15  # a page turned less than this stays as it is (a straight page measures up to 0.1)
INK = 160  # grey level under which a pixel is ink (as ocr_tables.DARK)
MAX_POINTS = 100_000  # ink pixels the profile is made from (a sample of them on a dark page)


def ink_points(image: Image) -> tuple[np.ndarray, np.ndarray]:
    """The (x, y) of the page's ink pixels, a regular sample of them when there are many."""
    import numpy as np

    ys, xs = np.nonzero(np.asarray(image.convert("L")) < INK)
    step = max(1, len(xs) // MAX_POINTS)
    return xs[::step].astype(np.float64), ys[::step].astype(np.float64)


def profile_sharpness(xs: np.ndarray, ys: np.ndarray, degrees: float) -> float:
    """How sharply the ink falls into rows when the page is sheared by ``degrees``: the sum of the
    squared row counts."""
    import numpy as np

    rows = np.rint(ys - xs * math.tan(math.radians(degrees))).astype(np.int64)
    counts = np.bincount(rows - rows.min())
    return float(np.dot(counts, counts))


def skew_degrees(image: Image) -> float:
    """The angle (degrees, counter-clockwise as Pillow's ``rotate``) the page is turned by; 0.0 for a
    page with too little ink to tell."""
    xs, ys = ink_points(image)
    if len(xs) < 1000:
        return 0.0

    def best(candidates: list[float]) -> float:
        return max(candidates, key=lambda a: profile_sharpness(xs, ys, a))

    steps = round(MAX_DEGREES / COARSE_STEP)
    coarse = best([k * COARSE_STEP for k in range(-steps, steps + 1)])
    fine_steps = round(COARSE_STEP / FINE_STEP)
    return -best([coarse + k * FINE_STEP for k in range(-fine_steps, fine_steps + 1)])  # shear back = turn


def deskewed(image: Image) -> tuple[Image, float]:
    """The page turned straight and the angle it was turned by (0.0: the same image, untouched)."""
    from PIL import Image as PILImage

    angle = skew_degrees(image)
    if abs(angle) < MIN_DEGREES:
        return image, 0.0
    grey = image.convert("L")
    return grey.rotate(-angle, resample=PILImage.Resampling.BICUBIC, fillcolor=_paper_level(grey)), angle


def _paper_level(grey: Image) -> int:
    """The commonest grey level: the paper's."""
    histogram = grey.histogram()
    return max(range(256), key=histogram.__getitem__)


TURN_TEST_DPI = 100  # the turned-page test looks at the page at about this resolution
TURNED_RATIO = 1.0  # columns' spread over rows' above which a page may lie turned (a quarter inverts it)
MIN_EXTENT = 0.1  # ...when its ink reaches this share of the page across and down (a line alone: no)


def may_lie_turned(image: Image, dpi: float) -> bool:
    """Whether the page's ink may run in columns rather than rows (a page turned a quarter): a
    necessary condition only, confirmed by Tesseract's orientation detection. Text lines make the
    ink's row profile uneven (lines and the white between them) and its column profile even; turned
    a quarter, the other way round; a line or two alone tell neither way and never pass. Measured at
    :data:`TURN_TEST_DPI`, upright pages give 0.03-0.34 (prose, ruled tables, a signature page, a fax),
    up to 0.7 on two columns; turned table pages 1.4-15. Costs a reduction of the image and two sums
    (~8 ms a page at 300 dpi)."""
    import numpy as np

    grey = image if image.mode == "L" else image.convert("L")
    small = grey.reduce(max(1, round(dpi / TURN_TEST_DPI)))
    ink = np.asarray(small) < INK
    columns, rows = ink.sum(axis=0, dtype=np.int64), ink.sum(axis=1, dtype=np.int64)
    if (
        int(ink.sum()) < 1000
        or min(_extent(columns) / ink.shape[1], _extent(rows) / ink.shape[0]) < MIN_EXTENT
    ):
        return False
    return _spread(columns) > TURNED_RATIO * _spread(rows)


def _extent(profile: np.ndarray) -> int:
    """How far the ink reaches along a profile: from its first inked place to its last."""
    import numpy as np

    inked = np.flatnonzero(profile)
    return int(inked[-1] - inked[0] + 1) if len(inked) else 0


def _spread(profile: np.ndarray) -> float:
    """How uneven a profile is between its first and last inked place: variance over squared mean."""
    import numpy as np

    inked = np.flatnonzero(profile)
    part = profile[inked[0] : inked[-1] + 1].astype(np.float64)
    return float(part.var() / (part.mean() ** 2))


TWO_UP_GUTTER = 0.015  # x the sheet's width: the blank band down the middle of a sheet of two pages, at least
TWO_UP_SIDE_INK = 0.05  # each half holds at least this share of the ink (a last sheet's right page may be short)


def two_up_gutter(image: Image) -> int | None:
    """The x (pixels) of the blank band down the middle of a landscape sheet that holds two pages side by side (2-up
    printing, then scanned; or two columns), where each half is read as a page of its own; None for any other
    page. The band is a run of ink-free columns at least 1.5% of the width within the middle fifth, each side with
    some of the ink, the left one's reaching down half the sheet at least."""
    import numpy as np

    if image.width <= image.height:
        return None
    grey = image if image.mode == "L" else image.convert("L")
    small = grey.reduce(max(1, round(grey.width / 800)))
    ink = np.asarray(small) < INK
    columns = ink.sum(axis=0, dtype=np.int64)
    width = ink.shape[1]
    lo, hi = int(width * 0.4), int(width * 0.6)
    blank = np.flatnonzero(columns[lo:hi] <= max(1, ink.shape[0] // 500))
    if len(blank) == 0:
        return None
    runs = np.split(blank, np.flatnonzero(np.diff(blank) > 1) + 1)
    run = max(runs, key=len)
    if len(run) < TWO_UP_GUTTER * width:
        return None
    cut = lo + int(run[len(run) // 2])
    total = int(columns.sum())
    left, right = ink[:, :cut], ink[:, cut:]
    if total == 0 or min(int(left.sum()), int(right.sum())) < TWO_UP_SIDE_INK * total:
        return None
    if _extent(left.sum(axis=1)) < 0.5 * ink.shape[0]:
        return None
    return cut * grey.width // width


PHOTO_CONTRAST = 60  # grey levels between a photograph's paper and the table or desk around it, at least
PHOTO_BORDER_PAPER = 0.2  # share of the image's edge that may be paper or glare (the desk shows along the rest)


def paper_corners(image: Image) -> list[tuple[float, float]] | None:
    """The corners of a sheet photographed on a darker desk (top left, top right, bottom right, bottom left, in
    pixels), when the sheet lies in perspective or turned inside the image; None for a scan, whose paper fills the
    image, and for a photograph already square to the frame. The desk is what the image's edge shows; the paper is
    what is clearly brighter than the desk's brightest there, however the light falls; its corners are its extreme
    points along the diagonals."""
    import numpy as np

    grey = image if image.mode == "L" else image.convert("L")
    factor = max(1, round(grey.width / 400))
    a = np.asarray(grey.reduce(factor), dtype=np.float64)
    edge = np.concatenate([a[0], a[-1], a[:, 0], a[:, -1]])
    hi = float(np.percentile(a, 95))
    desk, brightest_desk = np.percentile(edge, [50, 100 * (1 - PHOTO_BORDER_PAPER)])
    if hi - desk < PHOTO_CONTRAST or hi - brightest_desk < PHOTO_CONTRAST / 2:
        return None  # a scan: paper all round
    paper = a > brightest_desk + 0.25 * (hi - brightest_desk)  # above the desk's brightest, however the light falls
    if not 0.4 < paper.mean() < 0.97:
        return None
    ys, xs = np.nonzero(paper)
    plus, minus = xs + ys, xs - ys
    picks = [np.argmin(plus), np.argmax(minus), np.argmax(plus), np.argmin(minus)]
    corners = [(float(xs[k] * factor), float(ys[k] * factor)) for k in picks]
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners
    skew = max(abs(x0 - x3), abs(x1 - x2), abs(y0 - y1), abs(y3 - y2))
    return corners if skew > 0.005 * grey.width else None


def flattened(image: Image, corners: list[tuple[float, float]]) -> Image:
    """The sheet inside ``corners`` (top left, top right, bottom right, bottom left) warped to an upright rectangle
    as wide and high as its longer sides, a thin band of its margin trimmed off each edge."""
    import math

    import numpy as np
    from PIL import Image as PILImage

    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners
    width = round(max(math.dist((x0, y0), (x1, y1)), math.dist((x3, y3), (x2, y2))))
    height = round(max(math.dist((x0, y0), (x3, y3)), math.dist((x1, y1), (x2, y2))))
    target = [(0, 0), (width, 0), (width, height), (0, height)]
    rows, rhs = [], []
    for (u, v), (x, y) in zip(target, corners, strict=True):  # output (u, v) -> input (x, y)
        rows.append([u, v, 1, 0, 0, 0, -u * x, -v * x])
        rows.append([0, 0, 0, u, v, 1, -u * y, -v * y])
        rhs.extend([x, y])
    coeffs = np.linalg.solve(np.array(rows, dtype=np.float64), np.array(rhs, dtype=np.float64))
    flat = image.transform((width, height), PILImage.Transform.PERSPECTIVE, tuple(coeffs.tolist()),
                           PILImage.Resampling.BICUBIC, fillcolor=255 if image.mode == "L" else None)  # fmt: skip
    inset = round(PHOTO_INSET * min(width, height))  # the desk's sliver along the edges would read as table rules
    return _evened(flat.crop((inset, inset, width - inset, height - inset)))


def _evened(image: Image) -> Image:
    """A photograph's uneven light taken out: each pixel over the paper's brightness around it (the page's largest
    grey level near it, text filtered out), so the paper reads white everywhere, as a scan's does."""
    import numpy as np
    from PIL import Image as PILImage
    from PIL import ImageFilter

    grey = image if image.mode == "L" else image.convert("L")
    small = grey.reduce(max(1, round(grey.width / 100))).filter(ImageFilter.MaxFilter(5))
    paper = np.asarray(small.resize(grey.size, PILImage.Resampling.BILINEAR), dtype=np.float64)
    level = np.asarray(grey, dtype=np.float64) * 255.0 / np.maximum(paper, 1.0)
    return PILImage.fromarray(np.clip(level, 0, 255).astype(np.uint8), mode="L")


PHOTO_INSET = 0.015  # x the sheet's shorter side: trimmed off each edge of a straightened photograph (its margin)

