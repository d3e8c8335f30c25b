"""A labelled corpus: documents of several offices, in varied wording and layouts, with the
truth (the document's own date, signed or not). Used by the accuracy test and
bench/accuracy.py. Everything is generated; ``build(dir)`` writes it and returns the items.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from inspect_fixtures import (
    IMG,
    make_cert,
    make_docx,
    make_jpeg,
    make_pdf,
    make_scan_pdf,
    make_xlsx,
    sign_pdf,
)

BSRE = ("Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik "
        "yang diterbitkan oleh Balai Sertifikasi Elektronik (BSrE), BSSN")


@dataclass
class Item:
    name: str
    date: str | None
    signed: bool | None
    build: Callable[[Path], object]


def _undangan(office: str, city: str, head: str, sig: str | None, day: str, letter_day: str) -> list[str]:
    lines = [office.upper(), "Jalan Raya No. 5 Telp. (0274) 123456", "",
             f"Nomor : 045/PP.04-Und/{city[:4]}/V/2022", "Lampiran : -", "Hal : Undangan", "",
             f"Yth. Anggota {office}", "di tempat", "",
             "Menindaklanjuti Surat Edaran Nomor 12 Tahun 2022 tanggal 2 Maret 2022, dengan ini",
             "kami mengundang Saudara untuk hadir pada:", f"Hari/Tanggal : {day}",
             "Waktu : 09.00 WIB s.d. selesai", "Tempat : Aula Kantor", "",
             f">{city}, {letter_day}", f">{head}"]
    lines += [IMG] if sig == "image" else [">ttd."] if sig == "marker" else ["", ""]
    return lines + [">DRS. HARTONO WIBISONO, M.Si.", ">NIP. 19700101 199003 1 001"]


def _notulen(title: str, day_line: str, place_date: str | None, sig: str | None) -> list[str]:
    lines = [title, "", day_line, "Tempat : Ruang Rapat", "Pimpinan Rapat : Ketua",
             "Pembahasan:", "1. Rapat membahas laporan triwulan I tahun 2022.",
             "2. Menindaklanjuti Berita Acara Nomor 3/BA/IV/2022 tanggal 20 April 2022.", ""]
    if place_date:
        lines.append(f">{place_date}")
    lines += [">Notulis,"]
    lines += [IMG] if sig == "image" else [">ttd"] if sig == "marker" else ["", ""]
    return lines + [">Rina Kartika, S.Sos.", ">NIP. 198505052010012003"]


def _sk(office: str, city: str, when: str, sig: str | None, ditetapkan_style: int = 0) -> list[str]:
    lines = [f"KEPUTUSAN KETUA {office.upper()}", "NOMOR 21/HK.03-Kpt/2022", "TENTANG",
             "PEMBENTUKAN TIM KERJA ZONA INTEGRITAS", "",
             "Menimbang : a. bahwa dalam rangka pembangunan Zona Integritas ...",
             "Mengingat : 1. Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;",
             "2. Peraturan Menteri PANRB Nomor 90 Tahun 2021 tanggal 3 Desember 2021;",
             "MEMUTUSKAN:", "Menetapkan : KEPUTUSAN TENTANG PEMBENTUKAN TIM KERJA", ""]
    if ditetapkan_style == 0:
        lines += [f">Ditetapkan di {city}", f">pada tanggal {when}"]
    else:
        lines += [f">Ditetapkan di : {city}", f">Pada Tanggal : {when}"]
    lines += [f">KETUA {office.upper()},"]
    lines += [IMG] if sig == "image" else [">ttd."] if sig == "marker" else ["", ""]
    lines += [">AHMAD SUBAGYO"]
    if sig == "marker":
        lines += ["", "Salinan sesuai dengan aslinya", "KEPALA SUBBAGIAN HUKUM,", "", "SITI AMINAH"]
    return lines


def items(tmp_keys: Path) -> list[Item]:
    keys: list[tuple[Path, Path]] = []

    def signed_pdf(lines: list[str]) -> Callable[[Path], object]:
        def build(path: Path) -> object:
            if not keys:
                keys.append(make_cert(tmp_keys))
            plain = path.with_suffix(".unsigned.tmp")
            make_pdf(plain, lines)
            sign_pdf(plain, path, keys[0])
            plain.unlink()
            return path
        return build

    sleman = "KPU Kabupaten Sleman"
    out = [
        Item("und_sleman_img.docx", "2022-05-09", True,
             lambda p: make_docx(p, _undangan(sleman, "Sleman", "KETUA KOMISI PEMILIHAN UMUM KABUPATEN SLEMAN,", "image", "Jumat, 13 Mei 2022", "9 Mei 2022"))),
        Item("und_sleman_draft.docx", "2022-05-09", False,
             lambda p: make_docx(p, _undangan(sleman, "Sleman", "KETUA KOMISI PEMILIHAN UMUM KABUPATEN SLEMAN,", None, "Jum'at, 13 Mei 2022", "9 Mei 2022"))),
        Item("und_bawaslu_img.pdf", "2022-06-02", True,
             lambda p: make_pdf(p, _undangan("Bawaslu Kota Yogyakarta", "Yogyakarta", "KETUA BAWASLU KOTA YOGYAKARTA,", "image", "Senin, 6 Juni 2022", "2 Juni 2022"))),
        Item("und_bawaslu_draft.pdf", "2022-06-02", False,
             lambda p: make_pdf(p, _undangan("Bawaslu Kota Yogyakarta", "Yogyakarta", "KETUA BAWASLU KOTA YOGYAKARTA,", None, "Senin, 6 Juni 2022", "2 Juni 2022"))),
        Item("notulen_imigrasi.docx", "2022-08-15", True,
             lambda p: make_docx(p, _notulen("NOTULEN RAPAT EVALUASI ZONA INTEGRITAS", "Hari/Tanggal : Senin, 15 Agustus 2022", None, "image"))),
        Item("notulen_imigrasi_draft.docx", "2022-08-15", False,
             lambda p: make_docx(p, _notulen("NOTULA RAPAT", "Hari, tanggal : Senin, 15 Agt 2022", None, None))),
        Item("notulen_kpu_bantul.pdf", "2022-03-18", True,
             lambda p: make_pdf(p, _notulen("RISALAH RAPAT PLENO", "Hari / Tanggal : Jumat, 18-03-2022", "Bantul, 18 Maret 2022", "image"))),
        Item("notulen_copy.docx", "2022-09-20", True,
             lambda p: make_docx(p, _notulen("NOTULENSI RAPAT KOORDINASI", "Hari/Tgl : Selasa / 20/09/2022", None, "marker"))),
        Item("sk_kulonprogo_img.pdf", "2022-01-10", True,
             lambda p: make_pdf(p, _sk("Komisi Pemilihan Umum Kabupaten Kulon Progo", "Wates", "10 Januari 2022", "image"))),
        Item("sk_kulonprogo_salinan.docx", "2022-02-14", True,
             lambda p: make_docx(p, _sk("Komisi Pemilihan Umum Kabupaten Kulon Progo", "Wates", "14 Pebruari 2022", "marker", 1))),
        Item("sk_draft.docx", "2022-01-03", False,
             lambda p: make_docx(p, _sk("Kantor Imigrasi Kelas I Yogyakarta", "Sleman", "3 Januari 2022", None))),
        Item("sk_words.docx", "2022-05-13", True,
             lambda p: make_docx(p, ["BERITA ACARA PENETAPAN", "Pada hari ini Jumat tanggal tiga belas bulan Mei tahun dua ribu dua puluh dua, kami",
                                     "yang bertanda tangan di bawah ini ...", "", "KETUA TIM KERJA,", IMG, "BAMBANG SUTRISNO"])),
        Item("laporan_bsre.pdf", "2022-07-04", True,
             lambda p: make_pdf(p, ["LAPORAN PENGADUAN MASYARAKAT", "BULAN JUNI 2022", "", "Isi laporan ...", "",
                                    ">Gunungkidul, 4 Juli 2022", ">KEPALA KANTOR,", "", ">SUPRIYADI", "", BSRE])),
        Item("laporan_digital.pdf", "2022-10-31", True,
             signed_pdf(["LAPORAN MONITORING DAN EVALUASI", "Periode Oktober 2022", "", ">Klaten, 31 Oktober 2022",
                         ">SEKRETARIS KPU KABUPATEN KLATEN,", "", ">ENDAH LESTARI"])),
        Item("laporan_unsigned.pdf", "2022-12-05", False,
             lambda p: make_pdf(p, ["LAPORAN KINERJA TRIWULAN IV TAHUN 2022", "", "Berdasarkan Surat Nomor 5 tanggal 1 November 2022 ...",
                                    ">Magelang, 5 Desember 2022", ">Kepala Subbagian Program,", "", "", ">Dwi Hartanto, S.E.", ">NIP 198001012005011002"])),
        Item("daftar_hadir.docx", "2022-05-13", False,
             lambda p: make_docx(p, ["DAFTAR HADIR", "RAPAT KOORDINASI ZONA INTEGRITAS", "Hari/Tanggal : Jumat, 13 Mei 2022",
                                     ("No", "Nama", "Jabatan", "TTD"), ("1", "Budi", "Ketua", ""), ("2", "Sari", "Anggota", "")])),
        Item("daftar_hadir_table_date.docx", "2022-11-21", False,
             lambda p: make_docx(p, ["DAFTAR HADIR APEL PAGI", ("Hari/Tanggal", ":", "Senin, 21 November 2022"),
                                     ("Tempat", ":", "Halaman Kantor"), ("No", "Nama", "Tanda Tangan"), ("1", "Budi", "")])),
        Item("surat_english_date.pdf", "2022-04-08", True,
             lambda p: make_pdf(p, ["NOTA DINAS", "Nomor : ND-12/2022", "", "Isi ...", ">Surakarta, April 8, 2022", ">Kepala Bagian Umum,", IMG, ">YULIANTO"])),
        Item("surat_lowercase.docx", "2022-08-17", True,
             lambda p: make_docx(p, ["PENGUMUMAN", "isi pengumuman ...", "Purworejo, 17 agustus 2022", "Ketua,", IMG, "SRI WAHYUNI"])),
        Item("undated_draft.docx", None, False,
             lambda p: make_docx(p, ["SURAT PERNYATAAN", "Yang bertanda tangan di bawah ini ...", "Wonosobo,       Mei 2022",
                                     "Yang membuat pernyataan,", "", "", "TEGUH SANTOSO"])),
        Item("scan_ba.pdf", "2022-05-20", None,
             lambda p: make_scan_pdf(p, ["BERITA ACARA RAPAT PLENO", "Pada hari ini Jumat tanggal 20 Mei 2022", "telah dilaksanakan rapat.", "",
                                         ">Boyolali, 20 Mei 2022", ">KETUA,", "", ">HERU PRASETYO"], dpi=300)),
        Item("scan_salinan.pdf", "2022-06-10", True,
             lambda p: make_scan_pdf(p, ["SALINAN", "KEPUTUSAN KETUA KPU KABUPATEN SUKOHARJO", "Ditetapkan di Sukoharjo",
                                         "pada tanggal 10 Juni 2022", "KETUA,", "ttd.", "WIDODO", "Salinan sesuai dengan aslinya"], dpi=300)),
        Item("rekap_pengaduan.xlsx", "2022-05-31", False,
             lambda p: make_xlsx(p, [["REKAPITULASI PENGADUAN MASYARAKAT"], ["Bulan Mei 2022"], ["No", "Tanggal", "Uraian"],
                                     [1, dt.datetime(2022, 5, 3), "Pengaduan A"], [2, dt.datetime(2022, 5, 17), "Pengaduan B"]])),
        Item("nominatif_juni.xlsx", "2022-06-30", False,
             lambda p: make_xlsx(p, [["DATA NOMINATIF PEGAWAI"], ["PERIODE JUNI 2022"], ["No", "Nama", "TMT"],
                                     [1, "A", dt.datetime(2015, 1, 1)], [2, "B", dt.datetime(2019, 3, 1)]])),
        Item("kartu_kendali_ttd.xlsx", "2022-09-30", True,
             lambda p: make_xlsx(p, [["KARTU KENDALI GRATIFIKASI"], ["No", "Tanggal", "Uraian"], [1, "02-09-2022", "Nihil"],
                                     [], ["", "", "Sleman, 30 September 2022"], ["", "", "Ketua Tim Pengawasan,"], ["", "", "ttd."], ["", "", "ANDI WIJAYA"]])),
        Item("IMG_20220513_093512.jpg", "2022-05-13", None, lambda p: make_jpeg(p, seed=2)),
        Item("foto rapat.jpg", "2022-05-14", None, lambda p: make_jpeg(p, taken="2022:05:14 10:11:12", seed=3)),
        Item("WhatsApp Image 2022-07-01 at 09.15.33.jpeg", "2022-07-01", None, lambda p: make_jpeg(p, seed=4)),
        Item("dokumentasi 13 Mei 2022.jpg", "2022-05-13", None, lambda p: make_jpeg(p, seed=5)),
        Item("foto tanpa tanggal.jpg", None, None, lambda p: make_jpeg(p, seed=6)),
        Item("kamera.jpg", "2022-03-02", None, lambda p: make_jpeg(p, datetime_only="2022:03:02 08:00:00", seed=7)),
    ]
    return out


def build(directory: Path) -> list[tuple[Item, Path]]:
    directory.mkdir(parents=True, exist_ok=True)
    keys_dir = directory.parent / (directory.name + "-keys")
    keys_dir.mkdir(exist_ok=True)
    built = []
    for item in items(keys_dir):
        path = directory / item.name
        item.build(path)
        built.append((item, path))
    return built
