"""The Indonesian date finder: every date a document shows, ranked by what it means.

General parsers misread these documents (dateparser turns "Pada hari ini" into today), so
this module knows the forms of domain.md and, for each date found, *why* it is there:

rank 1  ``ditetapkan``      "Ditetapkan di X / pada tanggal 13 Mei 2022" (decrees)
rank 1  ``signature_block`` "Sleman, 13 Mei 2022" followed by the office line and the name
rank 2  ``meeting_day``     "Hari/Tanggal : Jumat, 13 Mei 2022", "Pada hari ini Jumat tanggal ..."
rank 3  ``letter_date``     "Karanganyar, 9 Mei 2022" beside Nomor / Lampiran / Hal
rank 5  ``text``            any other date that is not a citation
never   ``citation``        "Surat ... Nomor ... tanggal 1 Maret 2022", "Berita Acara ... tanggal"
Periods ("Bulan Mei 2022", "Triwulan I Tahun 2022") go to ``period``, never to ``date``.
Years before 2000 or after the plan year + 1 are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from auditor.months import MONTHS

_M = "|".join(sorted(MONTHS, key=len, reverse=True))
DAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad")
_DAY = r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)"
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
         "X": 10, "XI": 11, "XII": 12}

_F = re.IGNORECASE
DMY_TEXT = re.compile(
    rf"(?<![\d])(?P<d>\d{{1,2}})\s*(?:[-./]\s*)?(?:bulan\s+)?(?P<m>{_M})\b\.?\s*(?:[-./,]\s*)?"
    rf"(?:tahun\s+)?(?P<y>\d{{4}})(?!\d)", _F)
MDY_TEXT = re.compile(rf"\b(?P<m>{_M})\.?\s+(?P<d>\d{{1,2}})\s*,\s*(?P<y>\d{{4}})(?!\d)", _F)
DMY_NUM = re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})\s?(?P<s>[-/.])\s?(?P<m>\d{1,2})\s?(?P=s)\s?(?P<y>\d{4})(?![\d])")
ISO = re.compile(r"(?<![\d])(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d])")
WORDS = re.compile(rf"\btanggal\s+(?P<dw>[a-z ]+?)\s+bulan\s+(?P<m>{_M})\s+tahun\s+(?P<yw>[a-z ]+)", _F)
MONTH_YEAR = re.compile(rf"(?<![\d\w])(?P<m>{_M})\b\.?\s*(?:tahun\s+)?(?P<y>\d{{4}})(?!\d)", _F)

_NUM_WORDS = {"nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
              "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11,
              "seratus": 100, "seribu": 1000, "belas": -1, "puluh": -2, "ratus": -3, "ribu": -4}

# What stands just before a date tells its meaning.
_MEETING_BEFORE = re.compile(
    r"(hari\s*[/,]?\s*(dan\s+)?(tanggal|tgl)|hari\s+ini|dilaksanakan\s+pada|diselenggarakan\s+pada|"
    r"(waktu|tanggal|tgl\.?)\s+(pelaksanaan|kegiatan|rapat|acara)|pada\s+hari)"
    rf"[^\n]{{0,40}}$|{_DAY}\s*,?\s*(tanggal|tgl\.?)?\s*:?\s*$", _F)
_DATE_FIELD = re.compile(r"^\s*(tanggal|tgl\.?|waktu)\s*:\s*$", _F)
_PADA_TANGGAL = re.compile(r"(pada\s+)?(tanggal|tgl\.?)\s*:?\s*$", _F)
_DITETAPKAN = re.compile(r"\b(ditetapkan|dikeluarkan)\s+di\b", _F)
_PLACE_COMMA = re.compile(r"([A-Za-z][A-Za-z'.-]+(?:\s+[A-Za-z][A-Za-z'.-]+){0,3})\s*,\s*"
                          r"(?:(?:tanggal|tgl\.?)\s*)?$")
_CITATION = re.compile(
    r"\b(nomor|nomer|no\.|surat|undang|peraturan|keputusan|perpres|permen|instruksi|edaran|"
    r"berita\s+acara|nota\s+dinas|memorandum|tanggal\s+\d|sk\b|perihal|menindaklanjuti|"
    r"berlaku|sejak|sampai|hingga|s\.?d\.?|lahir|tmt)", _F)
_LETTER_HEAD = re.compile(r"^\s*(nomor|no\.?|lampiran|lamp\.?|hal|perihal|sifat|kepada|yth)\b", _F)
_OFFICE = re.compile(
    r"\b(ketua|sekretaris|kepala|kasubbag|kasubag|kabag|koordinator|direktur|camat|bupati|walikota|"
    r"gubernur|pl[th]\.?|a\.?\s?n\.?|pejabat|komisioner|anggota|notulis|notulen|pimpinan|pemimpin|"
    r"mengetahui|menyetujui|yang\s+membuat|pembuat|penanggung\s*jawab|ketua\s+tim|kasi|kadiv|"
    r"deputi|menteri|inspektur|asisten|lurah|rektor|dekan|bendahara|"
    # people who sign forms and hand-over reports in their own name
    r"pelapor|yang\s+melaporkan|pemohon|yang\s+menerima|yang\s+menyerahkan|saksi|"
    r"pihak\s+(pertama|kedua|ketiga))\b", _F)
_BLANK_DATE = re.compile(rf"^(?:[A-Za-z][A-Za-z .'-]{{2,40}},|(?:pada\s+)?(?:tanggal|tgl\.?)\s*:?)"
                         rf"\s*[.…_\s]*\s(?:{_M})\s+\d{{4}}\s*$", _F)
# "Jombang, 2y September 2019": the day written by hand, which OCR reads as letters.
_UNREAD_DAY = re.compile(rf"^[A-Za-z][A-Za-z .'-]{{2,40}},\s*(?=\S{{0,3}}[^\d\s])(\S{{1,3}})\s+(?:{_M})\s+\d{{4}}\s*$", _F)


# "Sidoarjo, 2 Oktober 2022": a day read as digits, to be measured against the typed year.
_WRITTEN_DAY = re.compile(rf"^[A-Za-z][A-Za-z .'-]{{2,40}},\s*(\d{{1,2}})\s+(?:{_M})\s+(\d{{4}})\s*$", _F)


def day_and_year_tokens(line: str) -> tuple[str, str] | None:
    """The day and year of a place-and-date line ("2", "2022" in "Sidoarjo, 2 Oktober 2022")."""
    m = _WRITTEN_DAY.match(ocr_fixes(line.strip()))
    return (m.group(1), m.group(2)) if m else None


def unread_day_token(line: str) -> str | None:
    """The unread day of a date line ("2y" in "Jombang, 2y September 2019"), or None."""
    m = _UNREAD_DAY.match(ocr_fixes(line.strip()))
    return m.group(1) if m else None


_HIJRI = (r"\d{1,2}\s+(?:muharr?am|s[h]?afar|rabi'?\s*ul\s*(?:awal|akhir|tsani)|jumadil?\s*(?:awal|akhir|ula|"
          r"tsaniyah|tsani)|rajab|sya'?\s*ban|ramadh?an|syawal|dzulq[a']*\s*dah|zulkaidah|dzul?hijj?ah|"
          r"zulhijah)\s+\d{4}\s*H\.?")
# "Karanganyar," alone, or with the Hijri date, on the line above the Gregorian date.
_PLACE_ONLY = re.compile(rf"^\s*([A-Z][A-Za-z'.-]+(?:\s+[A-Za-z][A-Za-z'.-]+){{0,3}})\s*,\s*(?:{_HIJRI})?\s*$", _F)
_PLACE_DAY = re.compile(rf"^\s*[A-Z][A-Za-z'.-]+(?:\s+[A-Za-z][A-Za-z'.-]+){{0,3}}\s*,\s*{_DAY}\s*,?\s*$", _F)
_LETTER = re.compile(r"^\s*((hal|perihal)\s*:|(kepada\s+)?yth\b)", _F)
_ROMAN_NO = re.compile(r"/(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)/(\d{4})\b")
_PERIOD_MONTH = re.compile(rf"\b(bulan|periode|per|masa|edisi)\s*:?\s*(?P<m>{_M})\b\.?\s*(?:tahun\s+)?(?P<y>\d{{4}})", _F)
_PERIOD_Q = re.compile(
    r"\b(triwulan|trw|tw|kuartal|caturwulan|semester|smt)\.?\s*(?P<n>IV|III|II|I|[1-4]|pertama|kedua|ketiga|keempat)\b"
    r"(?:\s*(?:tahun)?\s*(?:anggaran)?\s*(?P<y>\d{4}))?", _F)
_ORDINAL = {"pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "I": 1, "II": 2, "III": 3, "IV": 4}

# letter_date: a place and date beside the letter head (Nomor / Lampiran / Hal): an invitation's
# own date, ahead of the meeting day it announces. place_date: a place and date anywhere else
# (reported as letter_date).
RANK = {"ditetapkan": 1, "signature_block": 1, "letter_date": 2, "meeting_day": 3, "place_date": 4, "text": 5}
SOURCE = {"place_date": "letter_date"}
_PREFER_LAST = {"signature_block"}


@dataclass
class Candidate:
    value: date
    rule: str  # a RANK key or "citation"
    line: int
    span: tuple[int, int] = (0, 0)  # where in the line the date is written


@dataclass
class DateFinding:
    date: date | None = None
    source: str | None = None
    evidence: str | None = None  # the words the date was read from, for a person to check
    period: str | None = None  # "YYYY-MM" a document reports on
    candidates: list[Candidate] = field(default_factory=list)
    blank_date: bool = False  # "Karanganyar, ...... Mei 2022": a draft's unfilled date
    roman_month: tuple[int, int] | None = None  # (month, year) from ".../V/2022"


_OCR_MONTHS = ("januari", "februari", "pebruari", "agustus", "september", "oktober", "november",
               "nopember", "desember")
_OCR_WORD_YEAR = re.compile(r"(?<![A-Za-z])([A-Za-z]{5,10})(\s+(?:19|20)\d\d)(?!\d)")
_OCR_DAY = re.compile(rf"(?<![\w!|])([0-3]?)([Il!|])([0-9]?)(?=\s+(?:{_M})\b\.?\s*\d{{4}})", _F)


_OCR_PLACE_DOT = re.compile(rf"^(\W{{0,3}}(?!(?:tgl|tanggal|hari|waktu|jam|pukul|per|tmt|lahir|ditetapkan|diundangkan)\b)"
                            rf"(?-i:[A-Z][a-z]{{2,}}))\.\s+(\d{{1,2}}\s+(?:{_M})\s+\d{{4}}\s*)$",
                            _F | re.M)
_OCR_PLACE = re.compile(rf"^[^\w\n]{{0,3}}(?:[A-Za-z]{{1,2}}\s)?([a-z])([a-z]+(?:\s+[A-Za-z]+)?,\s*\S{{1,3}}\s+(?:{_M})\s+\d{{4}})",
                        _F | re.M)


def _near(word: str, target: str) -> bool:
    """Edit distance of at most 2 (1 for short words): OCR's "Septernbar", "Navember"."""
    if abs(len(word) - len(target)) > 2:
        return False
    prev = list(range(len(target) + 1))
    for i, a in enumerate(word, 1):
        cur = [i]
        for j, b in enumerate(target, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = cur
    return prev[-1] <= (1 if len(target) <= 6 else 2)


def ocr_fixes(text: str) -> str:
    """OCR's habits in dates, mended before reading: a month misread before a year
    ("Septernbar 2019"), the letter I, l, | or ! for the digit 1 in a day ("I Februari 2023",
    "3! Oktober 2019"). Only for text read by OCR."""
    def month(m: re.Match[str]) -> str:
        word = m[1].lower()
        if word in MONTHS:
            return m[0]
        word = word.replace("rn", "m").replace("vv", "w")  # OCR's usual merges
        hit = next((name for name in _OCR_MONTHS if _near(word, name)), None)
        return f"{hit.capitalize()}{m[2]}" if hit else m[0]

    text = _OCR_WORD_YEAR.sub(month, text)
    text = _OCR_DAY.sub(lambda m: f"{m[1]}1{m[3]}", text)
    text = _OCR_PLACE_DOT.sub(r"\1, \2", text)  # "Sidoarjo. 21 Juli 2022": a comma read as a dot
    # "-jambang, 24 September 2019", "A bang, 1 Februari 2023": specks or a stamp's mark
    # before a place line, and its lost capital
    return _OCR_PLACE.sub(lambda m: m[1].upper() + m[2], text)


def normalise(text: str) -> str:
    """Typographic quotes, non-breaking spaces and runs of spaces made plain."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").replace("\u00b4", "'")
    text = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\t", " ")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-")  # Word's dashes
    if "(" in text:  # "16 (enam belas) bulan Mei tahun 2022 (dua ribu dua puluh dua)"
        text = _SPELLED.sub(lambda m: "" if all(w in _NUM_WORDS for w in m[1].lower().split()) else m[0], text)
    return re.sub(r"[ \u200b]{2,}", "  ", text)


_SPELLED = re.compile(r"(?<=\d)\s*\(\s*([A-Za-z]+(?:\s+[A-Za-z]+){0,7})\s*\)")


def _valid(y: int, m: int, d: int, max_year: int) -> date | None:
    if not 2000 <= y <= max_year:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _words_value(tokens: list[str]) -> tuple[int, int]:
    """Value of leading Indonesian number words ("dua ribu dua puluh dua") and how many used."""
    total = chunk = last = used = 0
    for tok in tokens:
        v = _NUM_WORDS.get(tok)
        if v is None:
            break
        used += 1
        if v >= 0:
            if v == 1000:
                total += 1000
            else:
                chunk += v
                last = v
        elif v == -1:
            chunk += 10
        elif v == -2:
            chunk += last * 9
        elif v == -3:
            chunk += last * 99
        else:
            total += (chunk or 1) * 1000
            chunk = last = 0
    return total + chunk, used


def latest_year(year: int | None) -> int:
    return (year or date.today().year) + 1


def dates_in_line(line: str, max_year: int) -> list[tuple[int, int, date]]:
    """(start, end, date) of every date written in one line."""
    found: list[tuple[int, int, date]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, value: date | None) -> None:
        if value and not any(s < end and start < e for s, e in taken):
            found.append((start, end, value))
            taken.append((start, end))

    for m in WORDS.finditer(line):
        day, _ = _words_value(m["dw"].lower().split())
        if m["dw"].strip().isdigit():
            day = int(m["dw"])
        yw = m["yw"].lower().split()
        yr, used = (int(yw[0]), 1) if yw and yw[0].isdigit() else _words_value(yw)
        add(m.start(), m.end("m") + 1, _valid(yr, MONTHS[m["m"].lower()], day, max_year))
    for rx in (DMY_TEXT, MDY_TEXT):
        for m in rx.finditer(line):
            add(m.start(), m.end(), _valid(int(m["y"]), MONTHS[m["m"].lower()], int(m["d"]), max_year))
    for m in DMY_NUM.finditer(line):
        add(m.start(), m.end(), _valid(int(m["y"]), int(m["m"]), int(m["d"]), max_year))
    for m in ISO.finditer(line):
        add(m.start(), m.end(), _valid(int(m["y"]), int(m["m"]), int(m["d"]), max_year))
    return sorted(found, key=lambda f: f[0])


def is_office_line(line: str) -> bool:
    return bool(_OFFICE.search(line)) and len(line) < 160


def _followed_by_signature(lines: list[str], i: int) -> bool:
    # Wide enough for the lines OCR makes of a stamp and a signature drawn over the block.
    ahead = [ln for ln in lines[i + 1:i + 18] if ln.strip()]
    if any(_LETTER_HEAD.match(ln) for ln in ahead[:3]):
        return False
    return any(is_office_line(ln) for ln in ahead[:10]) or any(
        re.match(r"^\s*NIP\b", ln, _F) for ln in ahead[:13])


def _beside_letter_head(lines: list[str], i: int) -> bool:
    """A date on the line of, or within two lines of, Nomor / Lampiran / Hal."""
    if re.search(r"\b(nomor|lampiran|hal|perihal)\s*:", lines[i], _F):
        return True
    near = [ln for ln in lines[max(0, i - 4):i] if ln.strip()][-2:] + [ln for ln in lines[i + 1:i + 5] if ln.strip()][:2]
    return any(_LETTER_HEAD.match(ln) for ln in near)


def _heads_a_letter(lines: list[str], i: int) -> bool:
    """A date alone on a line among a letter's first lines, above its Nomor / Hal ("8 April
    2019" at the top right, above the letter head): the letter's own date."""
    above = [ln for ln in lines[:i] if ln.strip()]
    below = [ln for ln in lines[i + 1:i + 12] if ln.strip()]
    return len(above) <= 6 and any(_LETTER_HEAD.match(ln) for ln in below[:8])


def classify(lines: list[str], i: int, start: int, end: int | None = None) -> str:
    """The meaning of a date found at ``lines[i][start:end]``."""
    before = lines[i][:start]
    prev = [ln.strip() for ln in lines[max(0, i - 3):i] if ln.strip()]
    if _PLACE_DAY.match(before) and not re.search(r"\b(hari|tanggal|tgl|pada|waktu)\b", before, _F):
        # "Karanganyar, Senin, 16 Mei 2022": a place line with its day
        return "signature_block" if _followed_by_signature(lines, i) else (
            "letter_date" if _beside_letter_head(lines, i) else "place_date")
    short_prev = " ".join(ln for ln in prev[-2:] if len(ln) <= 30)
    if _MEETING_BEFORE.search(before) or (not before.strip(" :") and _MEETING_BEFORE.search(short_prev + " ")):
        return "meeting_day"
    if _DATE_FIELD.match(before) or (not before.strip(" :") and prev and _DATE_FIELD.match(prev[-1] + " :")):
        return "meeting_day"
    if _PADA_TANGGAL.search(before) and (_DITETAPKAN.search(before) or any(_DITETAPKAN.search(p) for p in prev)):
        return "ditetapkan"
    place = _PLACE_COMMA.search(before)
    placed = bool(place and place.group(1).split()[0][0].isupper() and place.group(1).split()[-1].lower() not in DAYS)
    if not placed and not before.strip(" :") and prev and i > 0 and prev[-1] == lines[i - 1].strip():
        placed = (bool(_PLACE_ONLY.match(prev[-1])) and not is_office_line(prev[-1])
                  and prev[-1].split(",")[0].split()[-1].lower() not in DAYS)
    if placed:
        if _followed_by_signature(lines, i):
            return "signature_block"
        return "letter_date" if _beside_letter_head(lines, i) else "place_date"
    after = lines[i][end:].strip() if end is not None else "?"
    if not after and _SMUDGED_PLACE.match(before) and not _LETTER_HEAD.match(before) \
            and _followed_by_signature(lines, i):
        return "signature_block"  # "Ga Pee 5 September 2022": the place under a stamp, then the office
    if not after and (  # a central agency's letter: "Nomor : B/123/RB.03/2022      9 Mei 2022"
            (_LETTER_HEAD.match(before) and before.endswith("  ") and not re.search(r"tanggal\s*:?\s*$", before, _F))
            or (not before.strip() and (_beside_letter_head(lines, i) or _heads_a_letter(lines, i)))):
        return "letter_date"  # a bare date line at the head
    context = (prev[-1] + " " if prev else "") + before
    if _CITATION.search(context[-140:]):
        return "citation"
    return "text"


_SMUDGED_PLACE = re.compile(r"^\W{0,3}(?!.*\b(?:hari|tanggal|tgl|pada|waktu|bulan|tahun|per|sejak|sampai)\b)"
                            r"[A-Za-z]{1,8}(?:\s+[A-Za-z]{1,8})?[\s.,]*$", _F)
_RANGE_SEP = re.compile(r"^\s*(s\.?\s*/?\s*d\.?|sampai(\s+dengan)?|hingga|[-–—])\s*$", _F)


def _range_end(line: str, max_year: int) -> date | None:
    """The end of a written range of dates ("01-05-2022 s.d. 31-05-2022")."""
    found = dates_in_line(line, max_year) if _DIGIT.search(line) else []
    for (_s1, e1, _d1), (s2, _e2, d2) in zip(found, found[1:], strict=False):
        if _RANGE_SEP.match(line[e1:s2]):
            return d2
    return None


def find_period(lines: list[str], year: int | None = None) -> str | None:
    """The month ("YYYY-MM") a report or table covers; quarters/semesters give their last month;
    a range of dates near the top ("Periode : 01-05-2022 s.d. 31-05-2022") gives its end."""
    max_year = latest_year(year)
    for ln in lines[:8]:
        end = _range_end(ln, max_year)
        if end:
            return f"{end.year:04d}-{end.month:02d}"
    for ln in lines:
        m = _PERIOD_MONTH.search(ln)
        if m and 2000 <= int(m["y"]) <= max_year:
            return f"{int(m['y']):04d}-{MONTHS[m['m'].lower()]:02d}"
        q = _PERIOD_Q.search(ln)
        if q:
            yr = int(q["y"]) if q["y"] else year
            n = _ORDINAL.get(q["n"].upper() if q["n"].isalpha() and q["n"].upper() in _ORDINAL else q["n"].lower())
            n = n or (int(q["n"]) if q["n"].isdigit() else None)
            kind = q.group(1).lower()
            span = 6 if kind in ("semester", "smt") else 4 if kind == "caturwulan" else 3
            if yr and n and 2000 <= yr <= max_year and n * span <= 12:
                return f"{yr:04d}-{n * span:02d}"
    for ln in lines[:8]:  # a month and year in the title: "REKAPITULASI PENGADUAN MEI 2022"
        for m in MONTH_YEAR.finditer(ln):
            before = ln[:m.start()]
            if re.search(r"\d\s*[-./]?\s*$", before) or _PLACE_COMMA.search(before):
                continue
            if 2000 <= int(m["y"]) <= max_year:
                return f"{int(m['y']):04d}-{MONTHS[m['m'].lower()]:02d}"
    return None


def find_date(text: str, year: int | None = None, *, text_lines: int | None = None) -> DateFinding:
    """The document's own date from its text, with the rule that won (``source``).

    ``text_lines`` limits the weakest rule ("text") to the first lines (tables: the title).
    """
    lines = normalise(text).split("\n")
    max_year = latest_year(year)
    finding = DateFinding()
    unread_day = False
    for i, line in enumerate(lines):
        if not _DIGIT.search(line) and "tanggal" not in line.lower():
            continue  # every written date has a digit, but for "tanggal tiga belas bulan ..."
        for start, _end, value in dates_in_line(line, max_year):
            finding.candidates.append(Candidate(value, classify(lines, i, start, _end), i, (start, _end)))
        if _BLANK_DATE.match(line.strip()) and _followed_by_signature(lines, i):
            finding.blank_date = True
        elif _UNREAD_DAY.match(line.strip()) and (_followed_by_signature(lines, i) or _beside_letter_head(lines, i)):
            finding.blank_date = unread_day = True  # a day written by hand and not read
        if finding.roman_month is None:
            r = _ROMAN_NO.search(line)
            if r and re.match(r"^\s*(nomor|no\.?)\b", line, _F) and 2000 <= int(r[2]) <= max_year:
                finding.roman_month = (ROMAN[r[1]], int(r[2]))
    usable = [c for c in finding.candidates if c.rule in RANK
              and not (c.rule == "text" and text_lines is not None and c.line >= text_lines)]
    if finding.blank_date:  # an unfilled date line: only a date the document states as its own
        letter = any(_LETTER.match(ln) for ln in lines[:60])
        usable = [c for c in usable if RANK[c.rule] <= 2
                  or (c.rule == "meeting_day" and not letter and not unread_day)]
    top: list[Candidate] = []
    if usable:
        # A place and date below the meeting day it announces closes the letter: it is the
        # letter's own date even when its office line and name were lost (a stamp, a fold).
        meeting = max((c.line for c in usable if c.rule == "meeting_day"), default=None)

        def rank(c: Candidate) -> float:
            closing = c.rule == "place_date" and meeting is not None and c.line > meeting
            return 2.5 if closing else RANK[c.rule]

        best_rank = min(rank(c) for c in usable)
        top = [c for c in usable if rank(c) == best_rank]
        if best_rank == RANK["text"] and len({c.value for c in top}) > 1 and not _title_date(lines, top[0]):
            top = []  # only dates the text mentions, several: a schedule, a list; none is its own
    if top:
        pick = top[-1] if any(c.rule in _PREFER_LAST for c in top) else top[0]
        finding.date, finding.source = pick.value, SOURCE.get(pick.rule, pick.rule)
        finding.evidence = evidence_of(lines, pick)
    finding.period = find_period(lines, year)
    return finding


_DIGIT = re.compile(r"\d")


def _title_date(lines: list[str], cand: Candidate) -> bool:
    """A date in the title lines ("Keadaan per 30 April 2022"), not in a numbered table row."""
    head = [i for i, ln in enumerate(lines) if ln.strip()][:3]
    return cand.line in head and not re.match(r"^\s*\d+[\s.)]", lines[cand.line])


def evidence_of(lines: list[str], cand: Candidate, limit: int = 120) -> str:
    """The words a date was read from: its line, with the line above when the date line does
    not say by itself what the date is ("Ditetapkan di Sidoarjo" / "pada tanggal 18 Maret")."""
    line = lines[cand.line]
    start, end = cand.span
    written = " ".join(line[start:end].split())
    text = " ".join(line.split())
    if len(line[:start].strip()) < 25 and cand.line > 0:
        prev = next((ln.strip() for ln in reversed(lines[max(0, cand.line - 2):cand.line]) if ln.strip()), "")
        if prev and len(prev) <= 60 and not _DIGIT.search(prev):
            text = " ".join(f"{prev} {text}".split())
    if len(text) <= limit:
        return text
    at = max(0, text.find(written))  # keep the date and what stands just before it
    lo = max(0, min(at - 40, at + len(written) - limit))
    return text[lo:lo + limit].strip()


_NAME_YMD = re.compile(r"(?<!\d)(20\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
_NAME_DMY = re.compile(r"(?<!\d)(\d{2})(\d{2})(20\d{2})(?!\d)")


def date_in_name(name: str, year: int | None = None) -> date | None:
    """A date written in a file name: IMG_20220513_093512, 2022-05-13, "13 Mei 2022", 13-05-2022,
    13052022. Given the plan year, a year before it - 1 is a camera's unset clock: ignored."""
    max_year = latest_year(year)
    min_year = year - 1 if year else 2000
    plain = re.sub(r"[_]+", " ", name)
    values = [v for _s, _e, v in dates_in_line(plain, max_year)]
    values += [_valid(int(m[1]), int(m[2]), int(m[3]), max_year) for m in _NAME_YMD.finditer(name)]
    # "apel_13052022": day, month, year run together
    values += [_valid(int(m[3]), int(m[2]), int(m[1]), max_year) for m in _NAME_DMY.finditer(name)]
    return next((v for v in values if v and v.year >= min_year), None)


def parse_pdf_date(raw: str | None, year: int | None = None) -> date | None:
    """A PDF info date ("D:20220513093512+07'00'") or an XMP date ("2022-05-13T09:35:12")."""
    if not raw:
        return None
    m = re.search(r"(\d{4})-?(\d{2})-?(\d{2})", raw)
    return _valid(int(m[1]), int(m[2]), int(m[3]), latest_year(year)) if m else None
