"""Inline SVG charts drawn by zi-auditor itself (no plotting library, no script, no image
file): they print, scale, and read without colour — complete bars are solid, gaps are
hatched, and every bar and point carries its number as text."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import count

from markupsafe import Markup, escape

_ids = count(1)
DONE_FILL = "#2e7d32"
GAP_STROKE = "#8b0000"


def _hatch(pattern_id: str) -> str:
    return (f'<pattern id="{pattern_id}" width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="{GAP_STROKE}" stroke-width="3"/></pattern>')


def stacked_bars(title: str, labels: Sequence[str], done: Sequence[int | None],
                 gaps: Sequence[int | None], done_label: str, gaps_label: str,
                 note: str = "") -> Markup:
    """One bar per label: ``done`` (solid) under ``gaps`` (hatched); None draws no bar (no
    report that month). The gaps count is written above each bar, complete inside it."""
    width, height, left, bottom, top = 30 * len(labels) + 40, 150, 30, 22, 16
    tallest = max([(d or 0) + (g or 0) for d, g in zip(done, gaps, strict=True)] + [1])
    scale = (height - bottom - top) / tallest
    hatch = f"hatch{next(_ids)}"
    parts = [f'<svg class="chart" role="img" width="{width}" height="{height + 16}" '
             f'viewBox="0 0 {width} {height + 16}" xmlns="http://www.w3.org/2000/svg">',
             f"<title>{escape(title)}</title><defs>{_hatch(hatch)}</defs>",
             f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" '
             'stroke="#333"/>']
    for i, (label, d, g) in enumerate(zip(labels, done, gaps, strict=True)):
        x = left + 4 + 30 * i
        parts.append(f'<text x="{x + 11}" y="{height - bottom + 13}" font-size="9" '
                     f'text-anchor="middle">{escape(label)}</text>')
        if d is None or g is None:
            continue
        base = height - bottom
        hd, hg = d * scale, g * scale
        parts.append(f'<rect class="done" x="{x}" y="{base - hd:.1f}" width="22" '
                     f'height="{hd:.1f}" fill="{DONE_FILL}"><title>{escape(done_label)}: '
                     f'{d}</title></rect>')
        parts.append(f'<rect class="gap" x="{x}" y="{base - hd - hg:.1f}" width="22" '
                     f'height="{hg:.1f}" fill="url(#{hatch})" stroke="{GAP_STROKE}">'
                     f'<title>{escape(gaps_label)}: {g}</title></rect>')
        if hd >= 11:
            parts.append(f'<text x="{x + 11}" y="{base - 3}" font-size="8" fill="#fff" '
                         f'text-anchor="middle">{d}</text>')
        parts.append(f'<text class="gap-count" x="{x + 11}" y="{base - hd - hg - 3:.1f}" '
                     f'font-size="9" font-weight="bold" text-anchor="middle">{g}</text>')
    legend_y = height + 10
    parts.append(f'<rect x="{left}" y="{legend_y - 8}" width="10" height="9" fill="{DONE_FILL}"/>'
                 f'<text x="{left + 14}" y="{legend_y}" font-size="9">{escape(done_label)}</text>'
                 f'<rect x="{left + 110}" y="{legend_y - 8}" width="10" height="9" '
                 f'fill="url(#{hatch})" stroke="{GAP_STROKE}"/>'
                 f'<text x="{left + 124}" y="{legend_y}" font-size="9">{escape(gaps_label)} '
                 f'{escape(note)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def line_chart(title: str, labels: Sequence[str], values: Sequence[int]) -> Markup:
    """A line through ``values`` with each point's number written beside it."""
    step = 46
    width, height, left, bottom, top = max(step * len(labels) + 40, 200), 150, 20, 30, 18
    tallest = max(list(values) + [1])
    scale = (height - bottom - top) / tallest
    points = [(left + 20 + step * i, height - bottom - v * scale) for i, v in enumerate(values)]
    parts = [f'<svg class="chart" role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
             f"<title>{escape(title)}</title>",
             f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" '
             'stroke="#333"/>']
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{GAP_STROKE}" '
                     'stroke-width="2" stroke-dasharray="5 2"/>')
    for (x, y), label, value in zip(points, labels, values, strict=True):
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{GAP_STROKE}"/>'
                     f'<text class="point" x="{x:.1f}" y="{y - 6:.1f}" font-size="9" '
                     f'font-weight="bold" text-anchor="middle">{value}</text>'
                     f'<text x="{x:.1f}" y="{height - bottom + 12}" font-size="8" '
                     f'text-anchor="middle">{escape(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
