"""The same photo used as dokumentasi of two events or months.

Perceptual hashes (64-bit, hex) within Hamming distance 4 count as the same photo. Copies
with one hash are grouped first (a dict: linear in the photos, however many copies of one
picture a drive holds); only the distinct hashes are then compared, through a chunk index
(split into five chunks, two hashes that close share at least one chunk exactly), and
joined into groups of one photo. Blank and one-colour pictures all hash alike (all bits
nought but one or two), so such hashes are never "the same photo"; the image reader gives
near-uniform pictures no hash at all.

Decision: every verdict that shows a photo also shown by another verdict gets sentences
naming the other uses, at most ``MAX_SENTENCES`` and then "and N other files"; the later
verdicts (by due month, then rule id) are downgraded to ``needs_review`` when ``ok`` or
``late`` — the first use is presumed genuine, the others need a person to look.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from auditor.audit import problems
from auditor.audit.model import Verdict
from auditor.i18n import t

MAX_DISTANCE = 4
MAX_SENTENCES = 3  # sentences naming other uses per verdict, then one "and N more"
_CHUNKS = ((0, 13), (13, 26), (26, 39), (39, 52), (52, 64))
_FLAT_BITS = 2  # a hash with this few bits set (or unset) is a blank picture's


def _int(phash: str) -> int | None:
    try:
        value = int(phash, 16)
    except (TypeError, ValueError):
        return None
    ones = bin(value).count("1")
    return None if ones <= _FLAT_BITS or ones >= 64 - _FLAT_BITS else value


def _groups(hashes: list[int]) -> list[list[int]]:
    """The distinct ``hashes`` joined into groups of one photo (indexes into ``hashes``)."""
    parent = list(range(len(hashes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, h in enumerate(hashes):
        for c, (lo, hi) in enumerate(_CHUNKS):
            index[(c, (h >> lo) & ((1 << (hi - lo)) - 1))].append(i)
    for bucket in index.values():  # distinct hashes only: a bucket is small
        for x in range(len(bucket)):
            for y in range(x + 1, len(bucket)):
                a, b = bucket[x], bucket[y]
                if bin(hashes[a] ^ hashes[b]).count("1") <= MAX_DISTANCE:
                    parent[root(a)] = root(b)
    out: dict[int, list[int]] = defaultdict(list)
    for i in range(len(hashes)):
        out[root(i)].append(i)
    return list(out.values())


def mark_photo_reuse(photos: Sequence[tuple[Verdict, str, str]], lang: str) -> int:
    """Flag photos (verdict, path, phash) reused across verdicts; returns how many pairs of
    photos of different verdicts show the same picture."""
    by_hash: dict[int, list[tuple[Verdict, str]]] = defaultdict(list)
    for verdict, path, phash in photos:
        value = _int(phash)
        if value is not None:
            by_hash[value].append((verdict, path))
    distinct = list(by_hash)
    found = 0
    for group in _groups(distinct):
        uses: dict[tuple[str, int], list[tuple[Verdict, str]]] = defaultdict(list)
        for i in group:
            for verdict, path in by_hash[distinct[i]]:
                uses[(verdict.rule_id, verdict.month)].append((verdict, path))
        if len(uses) < 2:
            continue  # copies within one verdict are fine
        sizes = [len(u) for u in uses.values()]
        found += (sum(sizes) ** 2 - sum(n * n for n in sizes)) // 2
        order = sorted(uses, key=lambda k: (k[1], _key(k[0])))
        for rank, key in enumerate(order):
            verdict, path = uses[key][0]
            others = [(v, p) for k in order if k != key for v, p in uses[k]]
            for other, other_path in others[:MAX_SENTENCES]:
                sentence = problems.photo_reuse(path, other_path, other.rule_id, other.month,
                                                lang)
                if sentence not in verdict.problems:
                    verdict.problems.append(sentence)
            if len(others) > MAX_SENTENCES:
                verdict.problems.append(t("audit.photo_reuse_more", lang,
                                          count=len(others) - MAX_SENTENCES))
            if rank > 0 and verdict.status in ("ok", "late"):
                verdict.status = "needs_review"
    return found


def _key(rule_id: str) -> tuple[int | str, ...]:
    return tuple(int(x) if x.isdigit() else x for x in rule_id.split("."))
