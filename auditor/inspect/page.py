"""Pages in pictures: is a photo a page of paper, and the page made flat, straight and white.

A letter photographed on a desk is grey paper (150–170, not white), a few degrees rotated,
in perspective, with a table edge or a hand in the frame. Before OCR the page is found and
cut out (a perspective warp when it is clearly a quadrilateral), its uneven light divided
out (the background estimated by a large dilation and median), and the text lines turned
level (the angle whose row profile is sharpest). OpenCV does the pixel work: it is a
maintained library with wheels, no model downloads, and its C loops are ~100x a Python loop.

Whether a picture is a page is told by its text: many small dark marks of one height, side
by side in rows. A photo of a meeting, a banner or a screen has edges and blobs, not
hundreds of letter-sized marks with neighbours on their line; such photos are not OCR'd.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ANALYSIS_SIDE = 1000  # pixels: the long side of the copy that decisions are made on
MIN_LETTERS = 150  # letter-sized marks with a neighbour on their line, on a page
FEW_LETTERS = 15  # enough on a white, colourless scan of a short page
OCR_WIDTH = (1700, 2600)  # page width in pixels handed to Tesseract (A4 at ~200–300 dpi)


@dataclass
class Page:
    """A page ready for OCR: ``gray`` flattened (white paper, dark ink), ``color`` aligned."""

    gray: Any  # numpy uint8 (H, W)
    color: Any  # numpy uint8 (H, W, 3) RGB, same geometry
    letters: int  # letter-sized marks found (how much the page looks like text)
    angle: float  # degrees the page was turned to level its lines
    warped: bool  # cut out of the frame by a perspective warp


def _np_rgb(img: Any) -> Any:
    import numpy as np

    return np.asarray(img.convert("RGB"))


def flatten(gray: Any) -> Any:
    """Divide out the light: the paper becomes ~255 wherever it is, ink stays dark."""
    import cv2
    import numpy as np

    h, w = gray.shape
    k = max(15, (min(h, w) // 40) | 1)
    background = cv2.dilate(gray, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    background = cv2.medianBlur(background, k if k <= 255 else 255)
    out = cv2.divide(gray, np.maximum(background, 1), scale=255)
    return out


def ink_mask(flat: Any, level: int = 170) -> Any:
    import cv2

    return (cv2.GaussianBlur(flat, (3, 3), 0) < level).astype("uint8")


def count_letters(mask: Any) -> int:
    """Marks the size of printed letters that have a neighbour of the same height on their line."""
    import cv2
    import numpy as np

    h, w = mask.shape
    n, _labels, stats, _c = cv2.connectedComponentsWithStats(mask, connectivity=8)
    if n <= 1:
        return 0
    s = stats[1:]
    hh, ww, area = s[:, cv2.CC_STAT_HEIGHT], s[:, cv2.CC_STAT_WIDTH], s[:, cv2.CC_STAT_AREA]
    lo, hi = max(4, h // 250), max(8, h // 30)
    ok = (hh >= lo) & (hh <= hi) & (ww <= 3 * hi) & (ww >= 1) & (area >= 6)
    ok &= area <= 0.9 * hh * ww  # letters are strokes, not filled boxes
    idx = np.nonzero(ok)[0]
    if len(idx) < 20:
        return 0
    x = s[idx, cv2.CC_STAT_LEFT].astype(float)
    y = s[idx, cv2.CC_STAT_TOP] + hh[idx] / 2.0
    hts = hh[idx].astype(float)
    order = np.argsort(y)
    x, y, hts = x[order], y[order], hts[order]
    with_neighbour = 0
    j0 = 0
    for i in range(len(y)):  # sorted by y: a window of marks on about the same line
        while y[j0] < y[i] - hts[i] / 2:
            j0 += 1
        j = j0
        while j < len(y) and y[j] <= y[i] + hts[i] / 2:
            if j != i and abs(x[j] - x[i]) <= 3 * hts[i] and 0.5 <= hts[j] / hts[i] <= 2:
                with_neighbour += 1
                break
            j += 1
    return with_neighbour


def _quad(gray: Any) -> Any | None:
    """The page's four corners when the frame shows a bright quadrilateral on a darker ground."""
    import cv2
    import numpy as np

    h, w = gray.shape
    blur = cv2.GaussianBlur(gray, (7, 7), 0)
    _t, bright = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))
    contours, _h = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    page = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(page)
    if not 0.25 * h * w <= area <= 0.95 * h * w:
        return None  # the page fills the frame (nothing to cut) or is not there
    approx = cv2.approxPolyDP(page, 0.02 * cv2.arcLength(page, True), True)
    if len(approx) != 4 or not cv2.isContourConvex(approx):
        return None
    if area < 0.85 * cv2.contourArea(cv2.convexHull(page)):
        return None
    return approx.reshape(4, 2).astype("float32")


def _order(pts: Any) -> Any:
    import numpy as np

    s, d = pts.sum(axis=1), np.diff(pts, axis=1).ravel()
    return np.array([pts[np.argmin(s)], pts[np.argmin(d)], pts[np.argmax(s)], pts[np.argmax(d)]],
                    dtype="float32")


def _warp(rgb: Any, quad: Any) -> Any:
    import cv2
    import numpy as np

    tl, tr, br, bl = _order(quad)
    width = int(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = int(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    dst = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype="float32")
    m = cv2.getPerspectiveTransform(np.array([tl, tr, br, bl], dtype="float32"), dst)
    return cv2.warpPerspective(rgb, m, (width, height), flags=cv2.INTER_CUBIC,
                               borderMode=cv2.BORDER_REPLICATE)


def skew_angle(mask: Any, limit: float = 8.0) -> float:
    """Degrees to turn the page so that its text lines lie level (sharpest row profile)."""
    import cv2
    import numpy as np

    h, w = mask.shape
    scale = 600 / max(h, w)
    small = cv2.resize(mask * 255, (max(1, int(w * scale)), max(1, int(h * scale))),
                       interpolation=cv2.INTER_AREA)
    sh, sw = small.shape
    centre = (sw / 2, sh / 2)

    def sharpness(angle: float) -> float:
        m = cv2.getRotationMatrix2D(centre, angle, 1.0)
        turned = cv2.warpAffine(small, m, (sw, sh), flags=cv2.INTER_NEAREST)
        rows = turned.sum(axis=1, dtype=np.float64)
        return float(np.var(np.diff(rows)))

    best = max(np.arange(-limit, limit + 0.01, 1.0), key=sharpness)
    best = max(np.arange(best - 0.9, best + 0.91, 0.3), key=sharpness)
    return float(best)


def _rotate(a: Any, angle: float, border: Any) -> Any:
    import cv2

    h, w = a.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(a, m, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=border)


def _white_paper(rgb: Any, gray: Any) -> bool:
    """A flatbed scan of a sparse page: mostly white, nearly colourless (a short decree)."""
    import cv2
    import numpy as np

    white = float(np.count_nonzero(gray >= 215)) / gray.size
    saturation = float(cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)[..., 1].mean())
    return white >= 0.6 and saturation < 30


def find_page(img: Any, *, need_letters: int = MIN_LETTERS) -> Page | None:
    """The page in a photo or scan, flat and level, or None when the picture shows no text page."""
    import cv2

    rgb = _np_rgb(img)
    h, w = rgb.shape[:2]
    scale = min(1.0, ANALYSIS_SIDE / max(h, w))
    small = cv2.resize(rgb, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA) \
        if scale < 1 else rgb
    gray_small = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    letters = count_letters(ink_mask(flatten(gray_small)))
    if letters < need_letters and not (letters >= FEW_LETTERS and _white_paper(small, gray_small)):
        return None
    quad = _quad(gray_small)
    warped = quad is not None
    page = _warp(rgb, quad / scale) if warped else rgb
    gray = flatten(cv2.cvtColor(page, cv2.COLOR_RGB2GRAY))
    angle = skew_angle(ink_mask(gray))
    if abs(angle) >= 0.3:
        gray = _rotate(gray, angle, 255)
        page = _rotate(page, angle, (255, 255, 255))
    ph, pw = gray.shape
    target = min(max(pw, OCR_WIDTH[0]), OCR_WIDTH[1])
    if target != pw:
        f = target / pw
        interp = cv2.INTER_CUBIC if f > 1 else cv2.INTER_AREA
        gray = cv2.resize(gray, (target, int(ph * f)), interpolation=interp)
        page = cv2.resize(page, (target, int(ph * f)), interpolation=interp)
    return Page(gray=gray, color=page, letters=letters, angle=angle, warped=warped)
