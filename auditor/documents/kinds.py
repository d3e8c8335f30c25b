"""The one table of kinds of document: how each is named in a plan, in file and folder names
and at the head of its text, its formats, and what the audit requires of it.

Every stage asks here: the rules importer (which kind a BUKTI FISIK phrase names, the
defaults of a new part), the rules file's `kinds:` block (written from this table; an
office widens a kind's words there), the scan (which part a file is by its name or its
first lines; the tolerant matcher's kind words), the audit (how a missing file is named in
advice). A new kind is one entry here and the enum of `auditor/rules/schema.yaml` (a test
holds the two equal).

Words are matched case-insensitively with spaces, underscores and hyphens alike
("daftar_hadir", "Daftar-Hadir" and "DAFTAR HADIR" are the same).

``variants`` are the other ways offices write a word of the kind (English, misspellings:
"screenshoot", "Invitation", "Decree"); the tolerant matcher reads each as the kind's word,
in rules and in names alike, so a new spelling is one pair here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str
    plan_words: tuple[str, ...]  # words of a plan's BUKTI FISIK cell that name this kind
    name_words: tuple[str, ...]  # words in file and folder names
    text_words: tuple[str, ...]  # words at the head of the document's text
    formats: tuple[str, ...]  # contract families a part of this kind accepts
    signed_required: bool
    date_required: bool
    example: str | None = None  # a file name to suggest: "Undangan Rapat"
    short: str | None = None  # in a folder name listing a meeting's documents: "DH"
    # the name words that only say the kind (never a subject: "foto", not "data")
    generic_words: tuple[str, ...] = ()
    # (as offices write it, the kind's word the tolerant matcher reads it as), lowercase words
    variants: tuple[tuple[str, str], ...] = ()


_KINDS = (
    Kind("undangan", ("undangan",),
         ("undangan", "und", "undang", "surat undangan"),
         ("Hal : Undangan", "Perihal : Undangan", "UNDANGAN", "mengundang", "Hari/Tanggal"),
         ("pdf", "docx", "image"), True, True, "Undangan Rapat", "Undangan", ("undangan", "und"),
         (("invitation", "undangan"), ("invitations", "undangan"))),
    Kind("daftar_hadir", ("daftar hadir", "absensi", "presensi"),
         ("daftar hadir", "dh", "absensi", "presensi", "absen", "hadir", "attendance"),
         ("DAFTAR HADIR", "PRESENSI", "ABSENSI", "Tanda Tangan"),
         ("pdf", "docx", "xlsx", "image"), False, True, "Daftar Hadir Rapat", "DH",
         ("daftar", "hadir", "dh"),
         (("attendance list", "daftar hadir"), ("attendance", "daftar hadir"))),
    Kind("dokumentasi", ("dokumentasi", "foto", "banner"),
         ("foto", "dok", "dokumentasi", "img", "dsc", "dscn", "dscf", "whatsapp image", "wa", "wa image",
          "photo", "pict", "pxl", "documentation"),
         ("DOKUMENTASI",),
         ("image", "pdf", "docx"), False, True, "Foto Rapat", "Dok", ("dokumentasi", "dok", "foto", "img"),
         (("photo", "foto"), ("photos", "foto"), ("picture", "foto"), ("pictures", "foto"),
          ("documentation", "dokumentasi"))),
    Kind("risalah", ("risalah", "notulen", "notulensi", "notula", "berita acara"),
         ("risalah", "notulen", "notula", "notulensi", "berita acara", "ba", "minutes"),
         ("RISALAH", "NOTULEN", "NOTULA", "NOTULENSI", "BERITA ACARA"),
         ("pdf", "docx", "image"), True, True, "Notulen Rapat", "Risalah",
         ("risalah", "notulen", "notula", "notulensi"), (("minutes", "risalah"),)),
    Kind("sk", ("sk", "keputusan"),
         ("sk", "keputusan", "kep", "kpts", "surat keputusan"),
         ("KEPUTUSAN", "MEMUTUSKAN", "Menetapkan", "Ditetapkan di"),
         ("pdf", "docx", "image"), True, True, "SK", None, ("sk",),
         (("decree", "sk"), ("decision letter", "sk"), ("surat keputusan", "sk"))),
    Kind("laporan", ("laporan", "lakip", "lkjip", "lkj"),
         ("laporan", "lap", "lakip", "lkj", "report"),
         ("LAPORAN", "PENDAHULUAN", "PENUTUP"),
         ("pdf", "docx", "xlsx", "image"), True, True, "Laporan", None, ("laporan",),
         (("report", "laporan"), ("reports", "laporan"), ("lkjip", "lakip"), ("lkj ip", "lakip"))),
    # A screenshot of a web page or an app shows that it existed on a day: the day comes from
    # its name ("Screenshot_20220514-…"), its EXIF, or the clock captured in the picture; the
    # file's own time (which copies reset) never credits a month, so an undated one is undated.
    Kind("screenshot", ("screenshot", "screenshoot", "tangkapan layar", "website", "halaman", "aplikasi"),
         ("screenshot", "screenshoot", "screen shot", "ss", "tangkapan layar", "capture", "screen", "layar"),
         (),
         ("image", "pdf", "docx"), False, True, "Screenshot", None, (),
         (("screenshoot", "screenshot"), ("screen shot", "screenshot"),
          ("tangkapan layar", "screenshot"), ("web", "website"), ("situs", "website"))),
    Kind("surat", ("surat", "spmt", "usulan"),
         ("surat", "srt", "nota dinas", "usulan", "permohonan", "pernyataan", "spmt"),
         ("Nomor", "Perihal", "Hal :"),
         ("pdf", "docx", "image"), True, True, None, None, ("surat",)),
    Kind("tabel", ("tabel", "rekapitulasi", "data", "kartu kendali", "matrik", "register"),
         ("tabel", "data", "rekap", "rekapitulasi", "nominatif", "kartu kendali", "matrik", "register"),
         ("REKAPITULASI", "JUMLAH", "NO"),
         ("xlsx", "pdf", "docx", "image"), False, True, None, None, (),
         (("control card", "kartu kendali"), ("control cards", "kartu kendali"),
          ("nominative", "nominatif"))),
    Kind("dokumen", ("dokumen", "draft"),
         ("dokumen",),
         (),
         ("pdf", "docx", "xlsx", "image", "other"), False, True, None, None, ("dokumen",),
         (("document", "dokumen"), ("documents", "dokumen"))),
)

KINDS: dict[str, Kind] = {k.name: k for k in _KINDS}
KIND_NAMES: tuple[str, ...] = tuple(KINDS)


def generic_words() -> frozenset[str]:
    """Words that only say what kind of document a file is (read as kinds, not subjects)."""
    return frozenset(w for k in KINDS.values() for w in k.generic_words)


def variants() -> dict[str, str]:
    """Every kind's other spellings: as offices write it -> the kind's word."""
    return {written: word for k in KINDS.values() for written, word in k.variants}
