"""What each kind of document looks like: file-name words, words inside, formats, checks.

These are the defaults of a Part of that kind. A rules file repeats them in its `kinds:`
block (so an office can widen the words without touching code) and a part overrides any
of them. The words are matched case-insensitively, with spaces, underscores and hyphens
alike ("daftar_hadir", "Daftar-Hadir" and "DAFTAR HADIR" are the same).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KindDefaults:
    name_words: tuple[str, ...]
    text_words: tuple[str, ...]
    formats: tuple[str, ...]
    signed_required: bool
    date_required: bool


KIND_DEFAULTS: dict[str, KindDefaults] = {
    "undangan": KindDefaults(
        ("undangan", "und", "undang"),
        ("Hal : Undangan", "Perihal : Undangan", "UNDANGAN", "mengundang", "Hari/Tanggal"),
        ("pdf", "docx", "image"), True, True,
    ),
    "daftar_hadir": KindDefaults(
        ("daftar hadir", "dh", "absensi", "presensi", "absen", "hadir"),
        ("DAFTAR HADIR", "PRESENSI", "Tanda Tangan"),
        ("pdf", "docx", "xlsx", "image"), False, True,
    ),
    "dokumentasi": KindDefaults(
        ("foto", "dok", "dokumentasi", "img", "dsc", "whatsapp image", "wa", "photo", "pict"),
        (),
        ("image", "pdf", "docx"), False, True,
    ),
    "risalah": KindDefaults(
        ("risalah", "notulen", "notula", "notulensi", "berita acara", "ba"),
        ("RISALAH", "NOTULEN", "NOTULA", "BERITA ACARA"),
        ("pdf", "docx", "image"), True, True,
    ),
    "sk": KindDefaults(
        ("sk", "keputusan", "kep", "kpts"),
        ("KEPUTUSAN", "MEMUTUSKAN", "Menetapkan", "Ditetapkan di"),
        ("pdf", "docx", "image"), True, True,
    ),
    "laporan": KindDefaults(
        ("laporan", "lap", "lakip", "lkj"),
        ("LAPORAN", "PENDAHULUAN", "PENUTUP"),
        ("pdf", "docx", "xlsx", "image"), True, True,
    ),
    # A screenshot of a web page or an app shows that it existed on a day: the day comes from
    # its name ("Screenshot_20220514-…"), its EXIF, or the clock captured in the picture; the
    # file's own time (which copies reset) never credits a month, so an undated one is undated.
    "screenshot": KindDefaults(
        ("screenshot", "screenshoot", "ss", "tangkapan layar", "capture", "screen", "layar"),
        (),
        ("image", "pdf", "docx"), False, True,
    ),
    "surat": KindDefaults(
        ("surat", "srt", "nota dinas", "usulan", "permohonan", "pernyataan", "spmt"),
        ("Nomor", "Perihal", "Hal :"),
        ("pdf", "docx", "image"), True, True,
    ),
    "tabel": KindDefaults(
        ("tabel", "data", "rekap", "rekapitulasi", "nominatif", "kartu kendali", "matrik",
         "register"),
        ("REKAPITULASI", "JUMLAH", "NO"),
        ("xlsx", "pdf", "docx", "image"), False, True,
    ),
    "dokumen": KindDefaults(
        ("dokumen",),
        (),
        ("pdf", "docx", "xlsx", "image", "other"), False, True,
    ),
}
