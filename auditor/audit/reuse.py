"""The same photo used as dokumentasi of two events or months.

Perceptual hashes (64-bit, hex) within Hamming distance 4 count as the same photo. Split
into five chunks, two such hashes share at least one chunk exactly, so candidates are found
through a chunk index instead of comparing every pair.

Decision: both verdicts get a sentence; the later one (by due month, then rule id) is
downgraded to ``needs_review`` when it was ``ok`` or ``late`` — the first use is presumed
genuine, the second needs a person to look.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from auditor.audit import problems
from auditor.audit.model import Verdict

MAX_DISTANCE = 4
_CHUNKS = ((0, 13), (13, 26), (26, 39), (39, 52), (52, 64))


def _int(phash: str) -> int | None:
    try:
        return int(phash, 16)
    except (TypeError, ValueError):
        return None


def mark_photo_reuse(photos: Sequence[tuple[Verdict, str, str]], lang: str) -> int:
    """Flag photos (verdict, path, phash) reused across verdicts; returns pairs found."""
    hashes = [(_int(h), v, p) for v, p, h in photos]
    items = [(h, v, p) for h, v, p in hashes if h is not None]
    index: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, (h, _, _) in enumerate(items):
        for c, (lo, hi) in enumerate(_CHUNKS):
            index[(c, (h >> lo) & ((1 << (hi - lo)) - 1))].append(i)
    pairs: set[tuple[int, int]] = set()
    for bucket in index.values():
        for x in range(len(bucket)):
            for y in range(x + 1, len(bucket)):
                pairs.add((bucket[x], bucket[y]))
    found = 0
    for a, b in sorted(pairs):
        ha, va, pa = items[a]
        hb, vb, pb = items[b]
        if (va.rule_id, va.month) == (vb.rule_id, vb.month):
            continue
        if bin(ha ^ hb).count("1") > MAX_DISTANCE:
            continue
        found += 1
        first, second = sorted(((va, pa), (vb, pb)), key=lambda x: (x[0].month, _key(x[0].rule_id)))
        for (v, p), (ov, op) in ((first, second), (second, first)):
            sentence = problems.photo_reuse(p, op, ov.rule_id, ov.month, lang)
            if sentence not in v.problems:
                v.problems.append(sentence)
        if second[0].status in ("ok", "late"):
            second[0].status = "needs_review"
    return found


def _key(rule_id: str) -> tuple[int | str, ...]:
    return tuple(int(x) if x.isdigit() else x for x in rule_id.split("."))
