"""From the words of a BUKTI FISIK cell to the rule's parts, subject, folder and patterns.

"Undangan, Daftar hadir dan Dokumentasi Rapat X" becomes three parts (undangan,
daftar_hadir, dokumentasi) of the subject "Rapat X". The evidence is split at commas,
"dan" and semicolons (not inside brackets); each piece takes the kind of the first kind
word in it, a piece without one continues the piece before it, and pieces of the same kind
become one part. "... yang ditandatangani oleh Ketua KPU ..." names the signer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.documents.kinds import KINDS
from auditor.rules.model import Part

# kind words in the evidence text, longest first at one position
_KIND_WORDS: tuple[tuple[str, str], ...] = tuple(sorted(
    ((w, k.name) for k in KINDS.values() for w in k.plan_words), key=lambda wk: -len(wk[0])))
_MEETING_KINDS = {"undangan", "daftar_hadir", "risalah", "dokumentasi"}
_WORD_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(w) for w, _ in _KIND_WORDS) + r")(?![\w-])", re.I
)
_KIND_OF = {w: k for w, k in _KIND_WORDS}
_SIGNER_RE = re.compile(r"\s*,?\s*yang\s+ditandatangani\s+oleh\s+(.+?)\s*[.;]?\s*$", re.I)
_SPLIT_RE = re.compile(r"\s*,\s*(?:dan\s+)?|\s+dan\s+|\s*;\s*", re.I)
_EVENT_RE = re.compile(r"^(rapat|pelaksanaan rapat|kegiatan)\b", re.I)
_ILLEGAL = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_DANGLING = {"dan", "atau", "dari", "di", "ke", "yang", "oleh", "pada", "untuk", "dengan", "serta"}
_STOP = {"kpu", "zi", "ri", "ii", "os", "it", "asn"}


@dataclass(frozen=True)
class Derived:
    parts: tuple[Part, ...]
    subject: str
    signer: str | None


def _pieces(text: str) -> list[tuple[int, int]]:
    """Spans of the pieces between commas / "dan" / semicolons that are not in brackets."""
    spans: list[tuple[int, int]] = []
    depth, start, index = 0, 0, 0
    while index < len(text):
        char = text[index]
        depth += char == "("
        depth -= char == ")" and depth > 0
        match = _SPLIT_RE.match(text, index) if depth == 0 else None
        if match:
            spans.append((start, index))
            start = index = match.end()
            continue
        index += 1
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip(" ,;.")]


def _kinds_in(piece: str) -> list[tuple[int, str]]:
    """(position, kind) of each part that starts in ``piece``: the first kind word, and any
    kind word following a meeting document directly ("Daftar hadir notulen ...")."""
    found: list[tuple[int, str]] = []
    last_end = -1
    for match in _WORD_RE.finditer(piece):
        kind = _KIND_OF[match.group(1).lower()]
        if not found:
            found.append((match.start(), kind))
        elif found[-1][1] in _MEETING_KINDS and not piece[last_end:match.start()].strip():
            found.append((match.start(), kind))
        else:
            break
        last_end = match.end()
    return found


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def derive(evidence: str) -> Derived:
    """The parts, subject and signer of one bukti fisik text."""
    text = evidence.strip()
    signer = None
    signed_match = _SIGNER_RE.search(text)
    if signed_match:
        signer = signed_match.group(1).strip()
        text = text[: signed_match.start()].strip()

    segments: list[tuple[int, int, str | None]] = []  # span in text, kind or None
    for begin, end in _pieces(text):
        starts = _kinds_in(text[begin:end])
        if not starts:
            segments.append((begin, end, None))
            continue
        starts[0] = (0, starts[0][1])  # words before the first kind word name the same thing
        bounds = [s for s, _ in starts] + [end - begin]
        for (offset, kind), stop in zip(starts, bounds[1:], strict=False):
            segments.append((begin + offset, begin + stop, kind))

    subject = text
    named = [kind for _, _, kind in segments if kind]
    if segments and (len(named) > 1 or segments[-1][2] in _MEETING_KINDS):
        last = text[segments[-1][0]:segments[-1][1]]
        match = _WORD_RE.match(last)
        rest = last[match.end():].strip() if match else ""
        if rest and _EVENT_RE.match(rest):
            subject = rest

    runs: dict[str, list[list[int]]] = {}  # kind -> contiguous [start, end] spans
    current: str | None = None
    for begin, end, kind in segments:
        previous = current
        current = kind or current or "dokumen"
        spans = runs.setdefault(current, [])
        if spans and previous == current:
            spans[-1][1] = end
        else:
            spans.append([begin, end])
    grouped: dict[str, list[str]] = {}
    for kind, spans in runs.items():
        for begin, end in spans:
            label = text[begin:end].strip(" ,;")
            if subject != text and label.lower().endswith(subject.lower()) and label != subject:
                label = label[: -len(subject)].strip()
            grouped.setdefault(kind, []).append(label)
    if not grouped:
        grouped["dokumen"] = [text]
    subject = _capital(subject)

    parts = []
    for kind, labels in grouped.items():
        label = _capital(", ".join(labels))
        defaults = KINDS[kind]
        name_words = defaults.name_words
        for alternative in re.findall(r"/\s*(\w+)", label):  # "Risalah/ laporan": either
            other = _KIND_OF.get(alternative.lower())
            if other and other != kind:
                name_words = tuple(dict.fromkeys(name_words + KINDS[other].name_words))
        if kind == "dokumen":
            name_words = _acronyms(label) + name_words
        parts.append(Part(
            kind=kind, label=label, name_words=name_words, text_words=defaults.text_words,
            formats=defaults.formats, signed_required=defaults.signed_required or bool(
                signer and kind in ("sk", "surat", "laporan", "dokumen")),
            signer=signer if kind in ("sk", "surat", "laporan", "dokumen") else None,
            date_required=defaults.date_required,
        ))
    return Derived(tuple(parts), subject, signer)


def _acronyms(label: str) -> tuple[str, ...]:
    """Upper-case abbreviations of a document name, as file names carry them (RENSTRA, LKE)."""
    words = re.findall(r"\b[A-Z][A-Z0-9]{1,}\b", label)
    seen: list[str] = []
    for word in words:
        low = word.lower()
        if low not in _STOP and low not in seen:
            seen.append(low)
    return tuple(seen)


def safe_name(text: str, limit: int = 60) -> str:
    """A folder name that Windows, SMB and Linux all accept, cut at a word near ``limit``."""
    clean = re.sub(r"<[^>]+>", "", text)
    clean = _ILLEGAL.sub(" ", clean.replace("/", "-"))
    clean = re.sub(r"\s+", " ", clean).strip()
    if len(clean) > limit:
        cut = clean[:limit]
        clean = cut[: cut.rfind(" ")] if " " in cut[limit // 2:] else cut
        if clean.count("(") > clean.count(")"):  # no half-open bracket
            clean = clean[: clean.rfind("(")]
        words = clean.rstrip(" .,;-").split(" ")
        while len(words) > 2 and words[-1].lower() in _DANGLING:
            words.pop()
        clean = " ".join(words)
    return clean.rstrip(" .,;-") or "_"


def folder_for(rule_id: str, area: str, area_name: str, item: int, item_name: str,
               evidence: str, derived: Derived | None = None) -> str:
    """area / item / rule, e.g. 'I Manajemen Perubahan/1 Tim Kerja/I.1.4 SK Tim Kerja ...'.

    Several documents of one meeting are named by the meeting, with the documents after it:
    'I.1.1 Rapat Koordinasi ZI Pembentukan Tim Kerja (Undangan, DH, Dok)'."""
    short = _SIGNER_RE.sub("", evidence)
    name = safe_name(f"{rule_id} {short}")
    if derived and len(derived.parts) > 1 and _EVENT_RE.match(derived.subject):
        kinds = ", ".join(KINDS[p.kind].short or p.label for p in derived.parts)
        room = max(20, 84 - len(rule_id) - len(kinds) - 4)
        name = safe_name(f"{rule_id} {safe_name(derived.subject, room)} ({kinds})", 100)
    return "/".join((safe_name(f"{area} {area_name}"), safe_name(f"{item} {item_name}"), name))


def patterns_for(folder: str) -> tuple[str, ...]:
    """The folder and everything below it."""
    return (f"{folder}/**",)
