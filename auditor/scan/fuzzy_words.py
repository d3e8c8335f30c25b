"""The words the tolerant matcher (``fuzzy``) reads folder and file names with.

Every text, a rule's or a path's, goes through ``tokens``: ``names.words``, then the phrases
offices write in other words become the plan's Indonesian words: English, the Zona Integritas
abbreviations and their long forms (``ABBREVIATIONS``, their one table), and the ways to write
a kind of document (the kinds registry's ``variants``). ``content`` then keeps only the
words that tell one bukti fisik from another: no stopwords, office names, plan years,
numbers, months or kind-of-document words (those are read separately as kinds).
"""

from __future__ import annotations

import re
from functools import lru_cache

from auditor.documents import kinds
from auditor.scan import names

# The Zona Integritas abbreviations offices write in folder and file names, and their long
# forms, as the plan writes them (phrase as names.words writes it -> the plan's words). The
# abbreviations of kinds of document ("SK", "DH", "Und", "Dok") are the kinds registry's.
ABBREVIATIONS: dict[str, str] = {
    "zona integritas": "zi",
    "rakor": "rapat koordinasi", "renaksi": "rencana aksi",
    "monev": "monitoring evaluasi",
    "lembar kerja evaluasi": "lke", "evaluation sheet": "lke",
    "pmpzi": "penilaian mandiri pembangunan zi",
    # a Unit Pengendalian Gratifikasi's report is the gratification report: "UPG", "Unit
    # Pengendalian Gratifikasi" and "Pengendalian Gratifikasi" are one subject
    "upg": "pengendalian gratifikasi", "unit pengendalian gratifikasi": "pengendalian gratifikasi",
    "sistem pengendalian intern pemerintah": "spip", "sistem pengendalian internal pemerintah": "spip",
    "sistem pengendalian intern": "spip", "sistem pengendalian internal": "spip",
    "internal control": "spip",
    "whistle blowing system": "wbs", "whistleblowing system": "wbs", "whistle blowing": "wbs",
    "whistleblowing": "wbs", "whistle blower": "wbs", "whistleblower": "wbs",
    "sistem pelaporan pelanggaran": "wbs",
    # the Indeks Kepuasan Masyarakat is what the survey (SKM) gives: its result, not its analysis
    "skm": "survei kepuasan masyarakat", "ikm": "hasil survei",
    "indeks kepuasan masyarakat": "hasil survei",
    "prosedur operasional standar": "sop", "standar operasional prosedur": "sop",
    "prosedur operasional tetap": "sop", "standard operating procedure": "sop",
    "standard operating procedures": "sop",
    "pejabat pengelola informasi dan dokumentasi": "ppid",
    # the acronym says the subject; "Laporan ..." written out also says the kind
    "lhkpn": "harta kekayaan penyelenggara negara", "lhkasn": "harta kekayaan asn",
    "aparatur sipil negara": "asn",
    "smt": "semester", "sem": "semester", "tw": "triwulan", "trw": "triwulan",
    "sat gas": "satgas", "medsos": "media sosial",
}
# "RA" is the plan's Rencana Aksi only beside the words of one ("SK RA", "RA ZI"): alone it is
# as often R.A. Kartini or a Raudhatul Athfal
ABBREVIATIONS.update({f"{w} ra": f"{ABBREVIATIONS.get(w, w)} rencana aksi" for w in (
    "sk", "dokumen", "penyusunan", "sosialisasi", "rapat", "rakor", "pleno", "evaluasi", "monev",
    "capaian", "laporan", "publikasi")})
ABBREVIATIONS.update({f"ra {w}": f"rencana aksi {w}" for w in ("zi", "wbk", "wbbm", "pembangunan")})

# phrase (as names.words writes it) -> the plan's word(s). Longest phrases are tried first.
SYNONYMS: dict[str, str] = {
    # areas
    "tata laksana": "tatalaksana", "ketatalaksanaan": "tatalaksana",
    "business process": "tatalaksana", "business processes": "tatalaksana",
    "governance": "tatalaksana", "sumber daya manusia": "sdm", "human resources": "sdm",
    "human resource": "sdm", "hr": "sdm", "change management": "manajemen perubahan",
    "accountability": "akuntabilitas", "performance": "kinerja", "supervision": "pengawasan",
    "oversight": "pengawasan", "public services": "pelayanan publik",
    "public service": "pelayanan publik", "service": "pelayanan", "services": "pelayanan",
    # meetings and documents
    "pemantauan": "monitoring", "eval": "evaluasi", "evaluation": "evaluasi",
    "meeting": "rapat", "meetings": "rapat",
    "coordination": "koordinasi", "coordinating": "koordinasi", "plenary": "pleno",
    "team": "tim", "work": "kerja", "working": "kerja", "formation": "pembentukan",
    "establishment": "pembentukan", "action plan": "rencana aksi",
    "socialization": "sosialisasi", "socialisation": "sosialisasi", "sosialiasi": "sosialisasi",
    "follow up": "tindak lanjut", "tindaklanjut": "tindak lanjut",
    "results": "hasil", "result": "hasil",
    # subjects
    "gratification": "gratifikasi",
    "conflict of interest": "benturan kepentingan", "complaint": "pengaduan",
    "complaints": "pengaduan", "survey": "survei", "surveys": "survei",
    "satisfaction": "kepuasan", "standard": "standar", "standards": "standar",
    "employee": "pegawai", "employees": "pegawai", "staff": "pegawai",
    "personnel": "kepegawaian", "change agent": "agen perubahan",
    "change agents": "agen perubahan", "mindset": "pola pikir", "work culture": "budaya kerja",
    "social media": "media sosial", "resiko": "risiko", "risk": "risiko",
    "information disclosure": "keterbukaan informasi", "public information": "informasi publik",
    "training": "diklat", "rotation": "rotasi", "placement": "penempatan",
    "integrity pact": "pakta integritas",
    **ABBREVIATIONS,
    # the ways offices write a kind of document ("Invitation", "screenshoot"): the registry's
    **kinds.variants(),
}

STOPWORDS = frozenset("""
dan di yang ke dari untuk pada oleh atas dalam dengan serta atau terkait tentang per bagi
tahun th thn kpu kab kabupaten kota provinsi prov republik indonesia ri
zi zona integritas wbk wbbm menuju bukti fisik dukung data_dukung lampiran scan scanned
pindai pindaian copy salinan final fix revisi rev new baru ok ttd versi ver dll tgl tanggal
hari minggu bulan bln pengungkit komponen area folder file berkas data
the of and for a an to in on at by with
pdf doc docx xls xlsx jpg jpeg png
""".split())
# Words that only say what kind of document a file is; read as kinds, not as subject words.
GENERIC_KIND_WORDS = kinds.generic_words()
ARCHIVE_WORDS = frozenset("arsip archive archives lama old backup bak cadangan trash sampah "
                          "recycle".split())
# Area keywords besides the ruleset's area names, by Roman numeral (tokens, after SYNONYMS).
AREA_WORDS: dict[str, tuple[str, ...]] = {
    "I": ("manajemen perubahan", "mp"),
    "II": ("tatalaksana", "ptl"),
    "III": ("sdm", "manajemen sdm", "psdm"),
    "IV": ("akuntabilitas",),
    "V": ("pengawasan",),
    "VI": ("pelayanan publik",),
}
# Words of area names that do not tell one area from another.
AREA_FILLER = frozenset("penataan penguatan peningkatan kualitas sistem".split())
ROMAN = {"i": "I", "ii": "II", "iii": "III", "iv": "IV", "v": "V", "vi": "VI"}
ARABIC = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V", "6": "VI"}

_SYNONYM_RE = re.compile(
    r"(?<!\S)(" + "|".join(re.escape(k) for k in sorted(SYNONYMS, key=len, reverse=True))
    + r")(?!\S)")
_YEAR = re.compile(r"^(19|20)\d\d$", re.A)


@lru_cache(maxsize=16384)
def tokens(text: str) -> tuple[str, ...]:
    """Lowercase words of ``text`` with the offices' other words turned into the plan's."""
    plain = names.words(text).replace("data dukung", "data_dukung")
    return tuple(_SYNONYM_RE.sub(lambda m: SYNONYMS[m.group(1)], plain).split())


def is_year(token: str) -> bool:
    return bool(_YEAR.match(token))


def content(words: tuple[str, ...], plan_year: int | None,
            extra_stop: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The words that can tell one bukti fisik from another, in order, once each."""
    out: dict[str, None] = {}
    for word in words:
        if (len(word) < 2 or word in STOPWORDS or word in extra_stop
                or word in GENERIC_KIND_WORDS or word in names.MONTHS):
            continue
        if word.isdecimal() and not (is_year(word) and int(word) != plan_year):
            continue
        if word in ROMAN:  # "Semester II", "Area III": numbering, not a subject
            continue
        out[word] = None
    return tuple(out)
