"""Name normalisation shared by folder and part matching.

Case, spaces, underscores, hyphens, dots and numbering prefixes ("01.", "1_", "a.", "IV.")
never matter; a rule id at the start of a folder name ("I.1.4 SK Tim ...") identifies the
rule's folder even when the words after it were changed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from auditor.months import MONTHS

_SEPARATOR_TABLE = str.maketrans(dict.fromkeys("_-.,;()[]{}+&'\"", " "))  # whitespace: split()
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")
_PREFIX = re.compile(r"^\s*(?:\d{1,3}|[a-z]|[ivx]{1,4})\s*[.)_\-]+\s*", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s+(?=\D)")
_RULE_ID = re.compile(r"^\s*(i{1,3}|iv|vi?)[.\s_-]+(\d{1,2})[.\s_-]+(\d{1,2})(?![\d])", re.IGNORECASE)
_ROMAN_WORD = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|x)\s+(?=\S)")

_MONTH_FILLER = {"bulan", "bln", "month", "tahun", "th", "thn", "year", "periode"}


def strip_extension(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    return stem if dot and stem and len(ext) <= 5 and " " not in ext else name


def strip_numbering(name: str) -> str:
    """'01. Undangan' -> 'Undangan'; 'a. Risalah' -> 'Risalah'; '1_DH' -> 'DH'."""
    previous = None
    while previous != name:
        previous = name
        name = _PREFIX.sub("", name, count=1)
    return name


def words(name: str) -> str:
    """Lowercase words separated by single spaces, letters and digits split apart.

    Called for every file name and the first lines of every document on each scan, so it
    avoids running a regular expression over the whole text: separators become spaces by
    one ``translate``, and only tokens that mix letters and digits are split further.
    """
    out = []
    for token in name.lower().translate(_SEPARATOR_TABLE).split():
        if token.isalpha() or token.isdigit():
            out.append(token)
        else:  # "rakor2" -> "rakor 2", "13mei2022" -> "13 mei 2022"
            out.append(_LETTER_DIGIT.sub(" ", token))
    return " ".join(out)


def name_words(file_name: str) -> str:
    """The words of a file name: no extension, no numbering prefix."""
    return words(strip_numbering(strip_extension(file_name)))


def rule_id_of(segment: str) -> str | None:
    """'I.1.4 SK Tim Kerja' -> 'I.1.4'; None when the segment does not start with a rule id."""
    m = _RULE_ID.match(segment)
    if not m:
        return None
    return f"{m.group(1).upper()}.{int(m.group(2))}.{int(m.group(3))}"


def segment_key(segment: str) -> str:
    """How a folder name is compared: its rule id when it has one, else its plain words."""
    rule_id = rule_id_of(segment)
    if rule_id:
        return "#" + rule_id
    text = words(strip_numbering(segment))
    text = _BARE_NUMBER.sub("", text)
    return _ROMAN_WORD.sub("", text) if " " in text else text


@lru_cache(maxsize=4096)
def month_of_folder(segment: str) -> int | None:
    """'05 Mei', '2022-05', 'Mei', 'Bulan 5', 'Mei 2022', '05' -> 5; None when not a month."""
    tokens = words(segment).split()
    if not tokens:
        return None
    month: int | None = None
    numbers: list[int] = []
    for token in tokens:
        if token in MONTHS:
            if month is not None and month != MONTHS[token]:
                return None
            month = MONTHS[token]
        elif token.isdecimal():
            numbers.append(int(token))
        elif token not in _MONTH_FILLER:
            return None
    small = [n for n in numbers if not 1900 <= n <= 2100]
    if month is not None:
        return month if all(n == month for n in small) else None
    if len(small) == 1 and 1 <= small[0] <= 12:
        return small[0]
    return None
