"""The held-out corpus: documents written the way other offices write them, with layouts
the first corpus (inspect_corpus.py) never uses. The truth is written by hand from the
rules of domain.md, never from what the reader says:

- a letter's own date is its letter date ("Karanganyar, 9 Mei 2022", in the signature
  block or beside Nomor/Hal), not the meeting day it announces nor an earlier letter's date;
- a decree's own date is "Ditetapkan di ... pada tanggal ...", never a cited law's date;
- minutes and attendance lists: the meeting day ("Hari/Tanggal", "Pada hari ini ...");
- a table: the period in its title or cells ("Keadaan Bulan Maret 2022" -> 2022-03-31),
  unless a signature block dates it;
- a draft whose date line is unfilled ("Karanganyar, ..... Mei 2022") is undated; a print
  stamp in a footer ("Dicetak 20/06/2022") is not a document's date;
- photos and screenshots: EXIF, else the date in the file name; a camera clock outside the
  plan year +- 1 (2015 on a 2022 photo) is ignored;
- signed: a picture or "ttd." between the office line and the name (one signer suffices), a
  BSrE footer; attendees' signatures in a TTD column are not a signature block; a name with
  empty space above it is not signed. Photos and screenshots: cannot be told (None).

Plan year 2022. ``build(dir)`` writes every document and returns (item, path) pairs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from heldout_builders import (
    Anchored,
    Doc,
    Picture,
    Table,
    Text,
    TextBox,
    flow,
    make_book,
    make_doc,
    make_photo,
    make_platypus_pdf,
    make_positioned_pdf,
    make_screen_png,
    make_web_png,
)
from inspect_fixtures import IMG

BSRE = ("Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik "
        "yang diterbitkan oleh Balai Sertifikasi Elektronik (BSrE), BSSN")
KOP = ["KOMISI PEMILIHAN UMUM", "KABUPATEN KARANGANYAR",
       "Jl. Lawu No. 385 Karanganyar 57712 Telp. (0271) 495123 Email: kab_karanganyar@kpu.go.id"]
KETUA_KPU = ["KETUA KOMISI PEMILIHAN UMUM", "KABUPATEN KARANGANYAR,"]


@dataclass
class Item:
    name: str
    date: str | None
    signed: bool | None
    signature: str | None  # image | marker | digital | None
    build: Callable[[Path], object]
    period: str | None = None  # checked only when given
    why: str = ""


def _letter_head(no: str, hal: str) -> list[str]:
    return [f"Nomor : {no}", "Sifat : Penting", "Lampiran : -", f"Hal : {hal}", "",
            "Yth. Anggota dan Sekretaris KPU Kabupaten Karanganyar", "di -", "Karanganyar", ""]


def _meeting(day: str) -> list[str]:
    return ["Dalam rangka pembangunan Zona Integritas menuju WBK, dengan hormat kami mengundang",
            "Saudara untuk hadir pada:", f"Hari/Tanggal : {day}", "Waktu : 09.00 WIB s.d. selesai",
            "Tempat : Aula KPU Kabupaten Karanganyar", "Acara : Rapat Evaluasi Rencana Aksi", "",
            "Demikian atas perhatian dan kehadirannya disampaikan terima kasih.", ""]


def _right(cell: list[object]) -> Table:
    return Table([["", cell]])


def _minutes(day_line: str) -> list[str]:
    return ["NOTULEN RAPAT", "EVALUASI PELAKSANAAN RENCANA AKSI ZONA INTEGRITAS", "",
            day_line, "Waktu : 09.00 WIB s.d. 11.30 WIB", "Tempat : Ruang Rapat KPU Kabupaten Karanganyar",
            "Pimpinan Rapat : Ketua KPU Kabupaten Karanganyar", "Peserta : daftar hadir terlampir", "",
            "Hasil rapat:", "1. Tindak lanjut rapat tanggal 9 Mei 2022 telah dilaksanakan.",
            "2. Laporan Triwulan I Tahun 2022 disampaikan paling lambat 31 Mei 2022.", ""]


def _sk_body(office: str) -> list[str]:
    return [f"KEPUTUSAN KETUA {office}", "NOMOR 87/HK.03.1-Kpt/3404/2022", "TENTANG",
            "TIM PEMBANGUNAN ZONA INTEGRITAS MENUJU WILAYAH BEBAS DARI KORUPSI", "",
            f"KETUA {office},", "",
            "Menimbang : a. bahwa untuk melaksanakan Peraturan Menteri PANRB Nomor 90 Tahun 2021;",
            "b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan;",
            "Mengingat : 1. Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;",
            "2. Peraturan KPU Nomor 8 Tahun 2019 sebagaimana telah diubah dengan Peraturan KPU Nomor 21 Tahun 2020;",
            "3. Keputusan KPU Nomor 21/HK.03-Kpt/2022 tanggal 1 Maret 2022;",
            "4. Surat Edaran Sekretaris Jenderal KPU Nomor 5 Tahun 2022 tanggal 14 Maret 2022;",
            "Memperhatikan : hasil rapat pleno tanggal 30 Mei 2022;", "",
            "MEMUTUSKAN:", "Menetapkan : KEPUTUSAN KETUA TENTANG TIM PEMBANGUNAN ZONA INTEGRITAS.",
            "KESATU : Membentuk Tim Pembangunan Zona Integritas.",
            "KEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan.", ""]


def _docx_items() -> list[Item]:
    sig_cell = ["Karanganyar, 9 Mei 2022", *KETUA_KPU]
    name = ["Dra. SRI WAHYUNI, M.Si.", "NIP. 19680512 199303 2 004"]
    letter = _letter_head("112/PP.01.2-Und/3313/2022", "Undangan Rapat") + _meeting("Jumat, 13 Mei 2022")
    grid_dh = Table([["Nama", "Jabatan", "Tanda Tangan"], ["AHMAD FAUZI", "Ketua", IMG],
                     ["SITI AMINAH", "Anggota", IMG], ["BUDI HARTONO", "Sekretaris", IMG],
                     ["DEWI LESTARI", "Kasubbag Program dan Data", IMG]], borders=True)
    return [
        Item("und_tabel_ttd_gambar.docx", "2022-05-09", True, "image",
             lambda p: make_doc(p, Doc(header=KOP, body=letter + [_right([*sig_cell, IMG, *name])])),
             why="signature block in the right cell of a borderless table"),
        Item("und_tabel_draft.docx", "2022-05-09", False, None,
             lambda p: make_doc(p, Doc(header=KOP, body=letter + [_right([*sig_cell, "", "", *name])]))),
        Item("und_dua_penandatangan.docx", "2022-05-11", True, "image",
             lambda p: make_doc(p, Doc(header=KOP, body=_letter_head("115/PP.01.2-Und/3313/2022", "Undangan")
                                       + _meeting("Senin, 16 Mei 2022") + [Table([[
                                           ["Mengetahui,", "Sekretaris KPU Kabupaten Karanganyar,", IMG,
                                            "HERI SUSANTO, S.H.", "NIP. 19751010 200212 1 003"],
                                           ["Karanganyar, 11 Mei 2022", "Ketua,", IMG, "MUHAMMAD MAULANA", ""]]])]))),
        Item("notulen_ttd_berdampingan.docx", "2022-05-16", True, "image",
             lambda p: make_doc(p, Doc(body=_minutes("Hari/Tanggal : Senin / 16 Mei 2022") + [Table([
                 ["Pimpinan Rapat,", "Notulis,"], [IMG, IMG], ["AGUS PRIYANTO, S.IP.", "Siti Nur Aisyah"]])])),
             why="two signers side by side, one table row per line"),
        Item("notulen_berdampingan_draft.docx", "2022-05-16", False, None,
             lambda p: make_doc(p, Doc(body=_minutes("Hari/Tanggal : Senin / 16 Mei 2022") + [Table([
                 ["Pimpinan Rapat,", "Notulis,"], ["", ""], ["", ""], ["AGUS PRIYANTO, S.IP.", "Siti Nur Aisyah"]])],
                 footer=["Dicetak: 20/06/2022 10:12"]))),
        Item("surat_an_sekretaris.docx", "2022-05-23", True, "image",
             lambda p: make_doc(p, Doc(header=KOP, body=_letter_head("130/PP.01-SD/3313/2022", "Penyampaian Data Dukung") + [
                 "Menindaklanjuti surat Ketua KPU Provinsi Jawa Tengah Nomor 1024/PP.01-SD/33/2022 tanggal",
                 "17 Mei 2022 perihal Penyampaian Data Dukung Zona Integritas, bersama ini kami sampaikan data dukung.", "",
                 ">Karanganyar, 23 Mei 2022", ">a.n. KETUA KOMISI PEMILIHAN UMUM", ">KABUPATEN KARANGANYAR", ">SEKRETARIS,",
                 IMG, ">BAMBANG TRI WIBOWO, S.Sos., M.M.", ">NIP. 19700312 199403 1 002"]))),
        Item("surat_plh_gambar_melayang.docx", "2022-06-02", True, "image",
             lambda p: make_doc(p, Doc(header=KOP, body=_letter_head("141/PP.01-SD/3313/2022", "Permohonan Narasumber") + [
                 "Sehubungan dengan kegiatan internalisasi Zona Integritas, kami mohon kesediaan Bapak/Ibu menjadi narasumber.", "",
                 _right(["Karanganyar, 2 Juni 2022", Anchored("Plh. KETUA,"), "", "", "YULI ASTUTI, S.E.", "NIP.",
                         "19800101 200501 2 003"])])),
             why="floating picture anchored in the office line, NIP number on its own line"),
        Item("surat_plt_gambar_di_baris_tanggal.docx", "2022-06-03", True, "image",
             lambda p: make_doc(p, Doc(header=KOP, body=_letter_head("142/PP.01-SD/3313/2022", "Penyampaian Laporan") + [
                 "Bersama ini kami sampaikan laporan pelaksanaan rencana aksi bulan Mei 2022.", "",
                 Anchored(">Karanganyar, 3 Juni 2022"), ">Plt. SEKRETARIS,", "", "", ">Drs. H. SUPARNO, M.Pd.",
                 ">NIP. 19650101 199003 1 010"])),
             why="Word anchored the floating signature to the date paragraph"),
        Item("sk_tabel_ditetapkan.docx", "2022-06-02", True, "image",
             lambda p: make_doc(p, Doc(body=_sk_body("KOMISI PEMILIHAN UMUM KABUPATEN SLEMAN") + [_right([
                 "Ditetapkan di Sleman", "pada tanggal 2 Juni 2022", "KETUA KOMISI PEMILIHAN UMUM", "KABUPATEN SLEMAN,",
                 IMG, "TRAPSI HARYADI"])]))),
        Item("sk_draft_tanggal_kosong.docx", None, False, None,
             lambda p: make_doc(p, Doc(body=_sk_body("KOMISI PEMILIHAN UMUM KABUPATEN SLEMAN") + [_right([
                 "Ditetapkan di Sleman", "pada tanggal        Juni 2022", "KETUA KOMISI PEMILIHAN UMUM", "KABUPATEN SLEMAN,",
                 "", "", "TRAPSI HARYADI"])], footer=["Dicetak: 20/06/2022 10:12"])),
             why="a decree whose date is not filled in; the print stamp is not its date"),
        Item("sk_salinan_lampiran.docx", "2022-01-10", True, "marker",
             lambda p: make_doc(p, Doc(body=_sk_body("KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR") + [
                 ">Ditetapkan di Karanganyar", ">pada tanggal 10 Januari 2022", ">KETUA,", "", ">ttd.", "", ">MUHAMMAD MAULANA", "",
                 "Salinan sesuai dengan aslinya", "KEPALA SUBBAGIAN TEKNIS DAN HUKUM,", "", "", "DWI ASTUTI", "",
                 "LAMPIRAN KEPUTUSAN KETUA KPU KABUPATEN KARANGANYAR", "NOMOR : 5/HK.03.1-Kpt/3313/2022",
                 "TANGGAL : 10 JANUARI 2022",
                 Table([["No", "Nama", "Jabatan dalam Tim", "TMT"], ["1", "MUHAMMAD MAULANA", "Pengarah", "1 Februari 2022"],
                        ["2", "HERI SUSANTO", "Ketua", "1 Februari 2022"]], borders=True)]))),
        Item("notulen_tanggal_bulan_tahun.docx", "2022-05-13", True, "image",
             lambda p: make_doc(p, Doc(body=[
                 "NOTULA RAPAT TIM MANAJEMEN PERUBAHAN", "",
                 "Pada hari ini Jum'at, tanggal 13 bulan Mei tahun 2022, bertempat di Ruang Rapat KPU Kabupaten",
                 "Karanganyar, telah dilaksanakan rapat Tim Manajemen Perubahan.", "Rapat dibuka pukul 09.00 WIB.",
                 "Pembahasan: agen perubahan tahun 2022 ditetapkan sebelum 31 Mei 2022.", "",
                 Table([["Mengetahui,", ""], ["Ketua Tim Manajemen Perubahan,", "Notulis,"], [IMG, ""],
                        ["Ir. WAHYU NUGROHO", "Rina Kusuma Dewi, S.Kom."]])]))),
        Item("notulen_tanggal_angka.docx", "2022-05-13", True, "image",
             lambda p: make_doc(p, Doc(body=_minutes("Hari/Tanggal : Jumat, 13-05-2022") + [
                 ">Karanganyar, 13/5/2022", ">Notulis,", IMG, ">Rina Kusuma Dewi, S.Kom."]))),
        Item("undangan_hijriah_dua_baris.docx", "2022-05-13", True, "image",
             lambda p: make_doc(p, Doc(header=KOP, body=_letter_head("120/PP.01.2-Und/3313/2022", "Undangan Halal Bihalal")
                                       + _meeting("Senin, 16 Mei 2022") + [
                 ">Karanganyar, 12 Syawal 1443 H", ">13 Mei 2022 M", ">KETUA,", IMG, ">MUHAMMAD MAULANA"])),
             why="Hijri date on the place line, the Gregorian one on the next"),
        Item("laporan_hijriah_satu_baris.docx", "2022-05-20", True, "image",
             lambda p: make_doc(p, Doc(body=[
                 "LAPORAN KEGIATAN HALAL BIHALAL", "KPU KABUPATEN KARANGANYAR TAHUN 2022", "",
                 "Kegiatan dilaksanakan pada hari Senin, 16 Mei 2022 di Aula KPU Kabupaten Karanganyar.", "",
                 ">Karanganyar, 20 Mei 2022 M / 19 Syawal 1443 H", ">Ketua Panitia,", IMG, ">H. ABDUL ROSYID, S.Ag."]))),
        Item("undangan_draft_tanggal_kosong.docx", None, False, None,
             lambda p: make_doc(p, Doc(header=KOP, body=letter + [_right(
                 ["Karanganyar,      Mei 2022", *KETUA_KPU, "", "", *name])])),
             why="an invitation whose letter date is unfilled: the meeting day is not its date"),
        Item("notulen_draft_tanggal_titik.docx", "2022-05-16", False, None,
             lambda p: make_doc(p, Doc(body=_minutes("Hari/Tanggal : Senin, 16 Mei 2022") + [
                 ">Karanganyar, ..... Mei 2022", ">Notulis,", "", "", ">RINA KUSUMA DEWI"])),
             why="minutes are dated by their meeting day even when the place line is unfilled"),
        Item("daftar_hadir_ttd_gambar.docx", "2022-05-17", False, None,
             lambda p: make_doc(p, Doc(body=["DAFTAR HADIR", "RAPAT EVALUASI ZONA INTEGRITAS",
                                             "Hari/Tanggal : Selasa, 17 Mei 2022", "Tempat : Aula", grid_dh])),
             why="attendees' signatures in a TTD column are not a signature block"),
        Item("daftar_hadir_dengan_blok.docx", "2022-05-17", True, "image",
             lambda p: make_doc(p, Doc(body=["DAFTAR HADIR", "RAPAT EVALUASI ZONA INTEGRITAS",
                                             "Hari/Tanggal : Selasa, 17 Mei 2022", grid_dh, "",
                                             _right(["Mengetahui,", "Sekretaris,", IMG, "HERI SUSANTO, S.H.",
                                                     "NIP. 19751010 200212 1 003"])]))),
        Item("daftar_hadir_tabel_keterangan.docx", "2022-05-16", False, None,
             lambda p: make_doc(p, Doc(body=["DAFTAR HADIR APEL PAGI", Table([
                 ["Hari/Tanggal", ":", "Senin / 16 Mei 2022"], ["Waktu", ":", "07.30 WIB s.d. selesai"],
                 ["Tempat", ":", "Halaman Kantor KPU"]]), "", Table([
                     ["No", "Nama", "Jabatan", "Tanda Tangan"], ["1", "AHMAD FAUZI", "Ketua", "1."],
                     ["2", "SITI AMINAH", "Anggota", "2."]], borders=True)], footer=["Dicetak: 20/06/2022 10:12"]))),
        Item("laporan_semester_kop_di_header.docx", "2022-01-10", True, "image",
             lambda p: make_doc(p, Doc(header=[IMG, *KOP], footer=["Laporan Semester II Tahun 2021 - Halaman 1"], body=[
                 "LAPORAN PELAKSANAAN RENCANA AKSI ZONA INTEGRITAS", "SEMESTER II TAHUN 2021", "",
                 "Berdasarkan Keputusan Ketua Nomor 19 Tahun 2021 tanggal 4 Januari 2021, tim telah melaksanakan ...", "",
                 ">Karanganyar, 10 Januari 2022", ">KETUA TIM KERJA ZONA INTEGRITAS,", IMG, ">HERI SUSANTO, S.H."])),
             period="2021-12"),
        Item("laporan_triwulan_tanpa_ttd.docx", "2022-07-04", False, None,
             lambda p: make_doc(p, Doc(body=[
                 "LAPORAN PENGELOLAAN PENGADUAN MASYARAKAT", "TRIWULAN II TAHUN 2022", "",
                 Table([["No", "Tanggal", "Uraian Pengaduan", "Tindak Lanjut"],
                        ["1", "12/04/2022", "Informasi DPT", "Selesai"], ["2", "03/05/2022", "Layanan PPID", "Selesai"]],
                       borders=True), "",
                 ">Karanganyar, 4 Juli 2022", ">Kepala Subbagian Umum,", "", "", ">SRI LESTARI, S.E.",
                 ">NIP. 19781212 200604 2 001"])), period="2022-06"),
        Item("surat_tanggal_di_samping_nomor.docx", "2022-05-25", True, "image",
             lambda p: make_doc(p, Doc(header=KOP, body=[
                 Table([["Nomor", ": 150/PP.01-SD/3313/2022", "Karanganyar, 25 Mei 2022"], ["Lampiran", ": 1 (satu) berkas", ""],
                        ["Hal", ": Penyampaian Laporan", ""]]), "",
                 "Menindaklanjuti surat Sekretaris Jenderal KPU Nomor 470/SDM.12-SD/04/2022 tanggal 2 Mei 2022",
                 "perihal Pelaksanaan Zona Integritas, bersama ini kami sampaikan laporan.", "",
                 ">KETUA,", IMG, ">MUHAMMAD MAULANA"])),
             why="letter date at the top beside Nomor; the block below has no date"),
        Item("undangan_tanggal_di_samping_nomor.docx", "2022-05-09", False, None,
             lambda p: make_doc(p, Doc(header=KOP, body=[
                 Table([["Nomor", ": 113/PP.01.2-Und/3313/2022", "Karanganyar, 9 Mei 2022"], ["Lampiran", ": -", ""],
                        ["Hal", ": Undangan", ""]]), "", *_meeting("Jumat, 13 Mei 2022"),
                 ">KETUA KOMISI PEMILIHAN UMUM", ">KABUPATEN KARANGANYAR,", "", "", ">MUHAMMAD MAULANA"])),
             why="an invitation's own date is its letter date, not the meeting day"),
        Item("undangan_baris_per_baris.docx", "2022-05-09", True, "image",
             lambda p: make_doc(p, Doc(header=KOP, body=letter + [Table([
                 ["Mengetahui,", "Karanganyar, 9 Mei 2022"], ["Sekretaris,", "Ketua,"], ["", IMG],
                 ["HERI SUSANTO, S.H.", "MUHAMMAD MAULANA"], ["NIP. 19751010 200212 1 003", ""]])])),
             why="two signers, one table row per line, the date in the right cell of the first row"),
        Item("surat_kotak_teks_ttd.docx", "2022-05-24", True, "image",
             lambda p: make_doc(p, Doc(header=KOP, body=_letter_head("133/PP.01-SD/3313/2022", "Laporan") + [
                 "Bersama ini kami sampaikan laporan rencana aksi.", "",
                 TextBox(["Karanganyar, 24 Mei 2022", "KETUA,", IMG, "MUHAMMAD MAULANA"])])),
             why="the signature block sits in a floating text box"),
        Item("daftar_hadir_kepala_dua_baris.docx", "2022-05-20", False, None,
             lambda p: make_doc(p, Doc(body=["DAFTAR HADIR PESERTA", "SOSIALISASI PENGENDALIAN GRATIFIKASI",
                                             "Hari/Tanggal : Jumat, 20 Mei 2022", Table([
                 ["No", ["Nama", "NIP"], "Jabatan", "Tanda Tangan / Paraf"],
                 ["1", ["AHMAD FAUZI", "19700101 199003 1 001"], "STAF PELAKSANA", IMG],
                 ["2", ["DWI ASTUTI", "19800505 200501 2 002"], "PPNPN", IMG],
                 ["3", ["RUDI SANTOSO", "-"], "STAF", IMG]], borders=True)])),
             why="a two-line header cell; attendees' pictures are not a signature block"),
        Item("notulen_notulis_huruf_biasa.docx", "2022-05-12", True, "image",
             lambda p: make_doc(p, Doc(body=_minutes("Hari/Tanggal : Kamis, 12 Mei 2022") + [
                 ">Notulis,", IMG, ">Rina Kusuma Dewi"])),
             why="a note-taker's name in title case, no NIP, no degree"),
        Item("surat_gambar_melayang_di_nip.docx", "2022-06-06", True, "image",
             lambda p: make_doc(p, Doc(header=KOP, body=_letter_head("150/PP.01-SD/3313/2022", "Pemberitahuan") + [
                 "Diberitahukan bahwa layanan PPID tetap buka selama masa cuti bersama.", "",
                 ">Karanganyar, 6 Juni 2022", ">KETUA,", "", "", ">MUHAMMAD MAULANA",
                 Anchored(">NIP. 19700101 199003 1 001")])),
             why="the floating signature anchored in the NIP paragraph below the name"),
        Item("undangan_kementerian_tanggal_di_baris_nomor.docx", "2022-05-09", True, "image",
             lambda p: make_doc(p, Doc(body=[
                 "KEMENTERIAN PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI", "",
                 "Nomor : B/123/RB.03/2022          9 Mei 2022", "Sifat : Biasa", "Lampiran : -",
                 "Hal : Undangan Evaluasi Zona Integritas", "", *_meeting("Selasa, 17 Mei 2022"),
                 ">Deputi Bidang Reformasi Birokrasi,", IMG, ">Dr. ERWAN AGUS PURWANTO, M.Si."])),
             why="a central agency's letter: the date ends the Nomor line, with no place"),
        Item("ba_tanggal_dengan_terbilang.docx", "2022-05-16", True, "image",
             lambda p: make_doc(p, Doc(body=[
                 "BERITA ACARA", "PENETAPAN AGEN PERUBAHAN", "",
                 "Pada hari ini Senin tanggal 16 (enam belas) bulan Mei tahun 2022 (dua ribu dua puluh dua),",
                 "bertempat di Aula KPU Kabupaten Karanganyar, kami yang bertanda tangan di bawah ini ...", "",
                 Table([["PIHAK PERTAMA,", "PIHAK KEDUA,"], [IMG, IMG], ["HERI SUSANTO, S.H.", "AGUS PRIYANTO, S.IP."]])])),
             why="day and year followed by their number words in brackets"),
        Item("notulen_tanda_pisah_dan_salah_ketik.docx", "2022-02-14", True, "image",
             lambda p: make_doc(p, Doc(body=_minutes("Hari/Tanggal : Senin, 14–02–2022") + [
                 ">Karanganyar, 14 Febuari 2022", ">Notulis,", IMG, ">RINA KUSUMA DEWI"])),
             why="Word's en dashes in a numeric date, a common month typo"),
        Item("formulir_pelaporan_gratifikasi.docx", "2022-06-08", True, "image",
             lambda p: make_doc(p, Doc(body=[
                 "FORMULIR PELAPORAN GRATIFIKASI", "", "Nama : AHMAD FAUZI", "Jabatan : Staf Pelaksana",
                 "Jenis penerimaan : bingkisan makanan", "Tanggal penerimaan : 3 Juni 2022", "",
                 ">Karanganyar, 8 Juni 2022", ">Pelapor,", IMG, ">AHMAD FAUZI"])),
             why="signed by the reporting employee (Pelapor), not an office"),
        Item("sk_draft_tabel_titik_dua.docx", None, False, None,
             lambda p: make_doc(p, Doc(body=_sk_body("KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR") + [
                 Table([["", ["Ditetapkan di : Karanganyar", "pada tanggal :          2022", "KETUA,", "", "",
                              "MUHAMMAD MAULANA"]]])])),
             why="day and month of the decree left blank"),
        Item("sk_tabel_tiga_kolom.docx", "2022-02-01", True, "image",
             lambda p: make_doc(p, Doc(body=_sk_body("KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR") + [
                 Table([["", "", ["Ditetapkan di Karanganyar", "pada tanggal 1 Februari 2022", "KETUA,", IMG,
                                   "MUHAMMAD MAULANA"]]])]))),
        Item("notulen_nama_dalam_kurung.docx", "2022-05-16", True, "image",
             lambda p: make_doc(p, Doc(body=["NOTULEN RAPAT TIM PELAYANAN PUBLIK", Table([
                 ["Hari", ":", "Senin"], ["Tanggal", ":", "16 Mei 2022"], ["Tempat", ":", "Ruang PPID"]]), "",
                 "Pembahasan: standar pelayanan ditinjau ulang paling lambat 30 Juni 2022.", "",
                 _right(["Notulis,", IMG, "( RINA KUSUMA DEWI )"])]))),
        Item("ba_tanggal_dengan_nama_hari.docx", "2022-05-16", True, "image",
             lambda p: make_doc(p, Doc(body=[
                 "BERITA ACARA SERAH TERIMA BARANG MILIK NEGARA", "Nomor : 17/RT.03-BA/3313/2022", "",
                 "Berdasarkan surat permohonan tanggal 2 Mei 2022, telah diserahterimakan barang berikut.", "",
                 ">Karanganyar, Senin, 16 Mei 2022", ">Yang Menyerahkan,", IMG, ">HERI SUSANTO, S.H."])),
             why="the day name between the place and the date"),
        Item("Rapat ZI 16 Mei 2022 (2).jpg", "2022-05-16", None, None, lambda p: make_photo(p, seed=21)),
        Item("surat_kotak_teks_draft.docx", "2022-05-24", False, None,
             lambda p: make_doc(p, Doc(header=KOP, body=_letter_head("134/PP.01-SD/3313/2022", "Laporan") + [
                 "Bersama ini kami sampaikan laporan rencana aksi.", "",
                 TextBox(["Karanganyar, 24 Mei 2022", "KETUA,", "", "", "MUHAMMAD MAULANA"])]))),
    ]


def _pdf_two_columns(signed: bool) -> Callable[[Path], object]:
    def build(path: Path) -> object:
        top, y = flow(["BERITA ACARA", "RAPAT PLENO PENETAPAN AGEN PERUBAHAN",
                       "Nomor : 15/PL.01-BA/3313/2022", "",
                       "Pada hari ini Senin tanggal 16 Mei 2022, bertempat di Aula KPU Kabupaten Karanganyar,",
                       "telah dilaksanakan rapat pleno penetapan agen perubahan sebagaimana diamanatkan dalam",
                       "Keputusan KPU Nomor 21/HK.03-Kpt/2022 tanggal 1 Maret 2022.", ""], top=700)
        page: list[object] = [Picture(60, 760, 50, 50, "logo"), Text(120, 790, "KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR"),
                              Text(120, 775, "Jl. Lawu No. 385 Telp. (0271) 495123"), *top]
        rows = [("Mengetahui,", "Karanganyar, 16 Mei 2022"), ("Sekretaris,", "Ketua,")]
        for left, right in rows:
            page += [Text(60, y, left), Text(330, y, right)]
            y -= 15
        if signed:
            page.append(Picture(330, y - 45, 110, 45))
        y -= 60
        page += [Text(60, y, "HERI SUSANTO, S.H."), Text(330, y, "MUHAMMAD MAULANA"),
                 Text(60, y - 15, "NIP. 19751010 200212 1 003")]
        return make_positioned_pdf(path, [page])
    return build


def _pdf_per_word(signed: bool, top_words: bool = True) -> Callable[[Path], object]:
    def build(path: Path) -> object:
        body, y = flow(["NOTULEN RAPAT KOORDINASI", "TIM PENGUATAN PENGAWASAN", "",
                        "Hari/Tanggal : Rabu, 18 Mei 2022", "Waktu : 13.00 WIB", "Tempat : Ruang Rapat",
                        "Pembahasan: tindak lanjut pengendalian gratifikasi bulan April 2022.", "",
                        ">Karanganyar, 18 Mei 2022", ">Ketua Tim Pengawasan,"], per_word=top_words)
        page = list(body)
        if signed:
            page.append(Picture(330, y - 45, 110, 45))
        page += [Text(330, y - 60, "ANDI WIJAYA, S.H.", per_word=True),
                 Text(330, y - 75, "NIP. 19820202 200801 1 004", per_word=True)]
        return make_positioned_pdf(path, [page])
    return build


def _pdf_daftar_hadir(path: Path) -> object:
    page: list[object] = [Text(300, 560, "DAFTAR HADIR"), Text(230, 545, "RAPAT KOORDINASI ZONA INTEGRITAS"),
                          Text(60, 520, "Hari/Tanggal : Kamis, 19 Mei 2022"), Text(60, 505, "Tempat : Aula KPU")]
    cols = (60, 100, 330, 560)
    y = 480
    for x, head in zip(cols, ("No", "Nama", "Jabatan", "Tanda Tangan"), strict=True):
        page.append(Text(x, y, head))
    people = [("AHMAD FAUZI", "Ketua"), ("SITI AMINAH", "Anggota"), ("BUDI HARTONO", "Sekretaris"),
              ("DEWI LESTARI", "Kepala Subbagian Program"), ("RUDI SANTOSO", "Kepala Subbagian Umum")]
    for k, (nm, job) in enumerate(people, 1):
        y -= 45
        page += [Text(60, y, str(k)), Text(100, y, nm), Text(330, y, job), Picture(560, y - 12, 90, 36)]
    return make_positioned_pdf(path, [page], landscape=True)


def _pdf_daftar_hadir_compact(path: Path) -> object:
    page: list[object] = [Text(230, 800, "DAFTAR HADIR"), Text(60, 780, "Hari/Tanggal : Kamis, 19 Mei 2022")]
    y = 750
    for x, head in zip((60, 85, 250, 400), ("No", "Nama", "Jabatan", "TTD"), strict=True):
        page.append(Text(x, y, head))
    people = [("Ahmad Fauzi", "KETUA"), ("Siti Aminah", "STAF"), ("Budi Hartono", "PPNPN"),
              ("Dewi Lestari", "STAF PELAKSANA"), ("Rudi Santoso", "OPERATOR")]
    for k, (nm, job) in enumerate(people, 1):
        y -= 40
        page += [Text(60, y, str(k)), Text(85, y, nm), Text(250, y, job), Picture(400, y - 14, 80, 32)]
    return make_positioned_pdf(path, [page])


def _pdf_rekap_landscape(path: Path) -> object:
    page: list[object] = [Text(160, 560, "REKAPITULASI HASIL SURVEI KEPUASAN MASYARAKAT TRIWULAN II TAHUN 2022"),
                          Text(60, 530, "No     Unsur Pelayanan                    Nilai     Mutu")]
    y = 515
    for k, unsur in enumerate(["Persyaratan", "Prosedur", "Waktu pelayanan", "Biaya/tarif", "Produk layanan"], 1):
        page.append(Text(60, y, f"{k}      {unsur}                    3,{40 + k}     B"))
        y -= 15
    page += [Text(560, 380, "Karanganyar, 5 Juli 2022"), Text(560, 365, "Ketua Tim Pelayanan Publik,"),
             Picture(560, 312, 110, 45), Text(560, 295, "Dra. ENDANG SUSILOWATI"), Text(560, 280, "NIP. 19690303 199403 2 002")]
    return make_positioned_pdf(path, [page], landscape=True)


def _pdf_multipage(path: Path) -> object:
    pages: list[list[object]] = []
    for n in range(1, 4):
        lines = ["LAPORAN PELAKSANAAN PENGENDALIAN GRATIFIKASI", "SEMESTER II TAHUN 2021", ""]
        lines += [f"Bab {n}. Berdasarkan Peraturan KPU Nomor 8 Tahun 2021 tanggal {n} Juli 2021 tentang ..."] * 6
        body, y = flow(lines)
        page = body + [Text(280, 40, f"Halaman {n} dari 3", size=9)]
        if n == 3:
            page += [Text(330, y - 20, "Karanganyar, 14 Januari 2022"), Text(330, y - 35, "KETUA,"),
                     Picture(330, y - 90, 110, 45), Text(330, y - 105, "MUHAMMAD MAULANA")]
        pages.append(page)
    return make_positioned_pdf(path, pages)


def _pdf_sk_copy(path: Path) -> object:
    first, _ = flow(["SALINAN", "KEPUTUSAN KETUA KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR",
                     "NOMOR 19/HK.03.1-Kpt/3313/KPU-Kab/I/2022", "TENTANG", "RENCANA AKSI ZONA INTEGRITAS", "",
                     "Mengingat : 1. Undang-Undang Nomor 7 Tahun 2017;",
                     "2. Keputusan KPU Nomor 21/HK.03-Kpt/2022 tanggal 1 Maret 2022;",
                     "3. Surat Sekretaris Jenderal tanggal 14 Desember 2021;"])
    second, _ = flow(["MEMUTUSKAN:", "Menetapkan : RENCANA AKSI ZONA INTEGRITAS TAHUN 2022.", "",
                      ">Ditetapkan di Karanganyar", ">pada tanggal 3 Januari 2022",
                      ">KETUA KOMISI PEMILIHAN UMUM", ">KABUPATEN KARANGANYAR,", "", ">ttd.", "", ">MUHAMMAD MAULANA", "",
                      "Salinan sesuai dengan aslinya", "KEPALA SUBBAGIAN TEKNIS DAN HUKUM,", "", "", "DWI ASTUTI"])
    return make_positioned_pdf(path, [first + [Text(290, 40, "- 1 -")], second + [Text(290, 40, "- 2 -")]])


def _pdf_bsre(path: Path) -> object:
    body, y = flow(["PENGUMUMAN", "Nomor : 45/PP.04-Pu/3313/2022", "",
                    "Dalam rangka keterbukaan informasi publik, bersama ini diumumkan jadwal layanan PPID.", "",
                    ">Karanganyar, 30 Mei 2022", ">KETUA,"])
    return make_positioned_pdf(path, [body + [Picture(330, y - 70, 70, 70, "qr"), Text(330, y - 85, "MUHAMMAD MAULANA"),
                                              Text(40, 50, BSRE[:95], size=7), Text(40, 41, BSRE[95:], size=7)]])


def _pdf_dikeluarkan(signed: bool) -> Callable[[Path], object]:
    def build(path: Path) -> object:
        body, y = flow(["SURAT TUGAS", "Nomor : 88/SDM.02-ST/3313/2022", "",
                        "Berdasarkan surat Ketua KPU Provinsi Jawa Tengah Nomor 770/SDM.02/33/2022 tanggal",
                        "3 Mei 2022, dengan ini menugaskan pegawai untuk mengikuti bimbingan teknis.", "",
                        ">Dikeluarkan di : Karanganyar", ">Pada tanggal : 13 Mei 2022", ">SEKRETARIS,"])
        pics = [Picture(330, y - 45, 110, 45)] if signed else []
        return make_positioned_pdf(path, [body + pics + [Text(330, y - 60, "HERI SUSANTO, S.H."),
                                                         Text(330, y - 75, "NIP. 19751010 200212 1 003")]])
    return build


def _pdf_columns_in_turn(path: Path) -> object:
    body, y = flow(["BERITA ACARA KLARIFIKASI PENGADUAN", "Nomor : 16/PL.01-BA/3313/2022", "",
                    "Pada hari ini Senin tanggal 16 Mei 2022 telah dilakukan klarifikasi atas pengaduan",
                    "yang disampaikan melalui surat tanggal 2 Mei 2022.", ""], top=760)
    left = [Text(60, y, "Pihak Pengadu,"), Text(60, y - 75, "SUGENG RIYADI")]
    right = [Text(330, y, "Karanganyar, 16 Mei 2022"), Text(330, y - 15, "Ketua Tim Pengaduan,"),
             Picture(330, y - 65, 110, 45), Text(330, y - 75, "ANDI WIJAYA, S.H."),
             Text(330, y - 90, "NIP. 19820202 200801 1 004")]
    return make_positioned_pdf(path, [body + left + right])


def _pdf_srikandi(path: Path) -> object:
    body, y = flow(["KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR", "", "Nomor : 160/PP.01-SD/3313/2022",
                    "Hal : Penyampaian Rencana Aksi", "", "Bersama ini kami sampaikan rencana aksi tahun 2022.", "",
                    ">Karanganyar, 9 Juni 2022", ">Ditandatangani secara elektronik oleh:", ">KETUA KOMISI PEMILIHAN UMUM",
                    ">KABUPATEN KARANGANYAR,"])
    return make_positioned_pdf(path, [body + [Picture(330, y - 60, 60, 60, "qr"), Text(330, y - 75, "MUHAMMAD MAULANA")]])


def _pdf_split_block(path: Path) -> object:
    first, _ = flow(["LAPORAN KEGIATAN INTERNALISASI ZONA INTEGRITAS", ""]
                    + ["Kegiatan internalisasi dilaksanakan sesuai rencana aksi dan diikuti seluruh pegawai."] * 40
                    + ["", ">Karanganyar, 2 Juni 2022"])
    second, y = flow([">KETUA TIM MANAJEMEN PERUBAHAN,"])
    return make_positioned_pdf(path, [first, second + [Picture(330, y - 45, 110, 45),
                                                       Text(330, y - 60, "HERI SUSANTO, S.H.")]])


def _pdf_big_stamp(path: Path) -> object:
    body, y = flow(["LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT", "SEMESTER I TAHUN 2022", "",
                    "Indeks kepuasan masyarakat semester I tahun 2022 sebesar 3,45 (Baik).", "",
                    ">Karanganyar, 10 Juni 2022", ">KETUA KOMISI PEMILIHAN UMUM", ">KABUPATEN KARANGANYAR,"])
    return make_positioned_pdf(path, [body + [Text(330, y - 50, "MUHAMMAD MAULANA"),
                                              Picture(300, y - 70, 170, 95)]])


def _pdf_items() -> list[Item]:
    minutes_table = [["Hari/Tanggal", ":", "Senin, 16 Mei 2022"], ["Waktu", ":", "09.00 WIB"],
                     ["Tempat", ":", "Aula KPU Kabupaten Karanganyar"]]
    return [
        Item("ba_dua_kolom_ttd.pdf", "2022-05-16", True, "image", _pdf_two_columns(True),
             why="two signature columns drawn side by side"),
        Item("ba_dua_kolom_draft.pdf", "2022-05-16", False, None, _pdf_two_columns(False)),
        Item("notulen_per_kata.pdf", "2022-05-18", True, "image", _pdf_per_word(True),
             why="every word its own text object"),
        Item("notulen_per_kata_draft.pdf", "2022-05-18", False, None, _pdf_per_word(False)),
        Item("daftar_hadir_landscape.pdf", "2022-05-19", False, None, _pdf_daftar_hadir,
             why="attendees' signature pictures in a TTD column"),
        Item("daftar_hadir_kolom_rapat.pdf", "2022-05-19", False, None, _pdf_daftar_hadir_compact,
             why="a tight grid: the TTD column right beside upper-case job titles"),
        Item("rekap_skm_landscape.pdf", "2022-07-05", True, "image", _pdf_rekap_landscape, period="2022-06"),
        Item("laporan_tiga_halaman.pdf", "2022-01-14", True, "image", _pdf_multipage, period="2021-12"),
        Item("sk_salinan_dua_halaman.pdf", "2022-01-03", True, "marker", _pdf_sk_copy),
        Item("pengumuman_bsre_qr.pdf", "2022-05-30", True, "digital", _pdf_bsre),
        Item("surat_tugas_dikeluarkan.pdf", "2022-05-13", True, "image", _pdf_dikeluarkan(True)),
        Item("surat_tugas_dikeluarkan_draft.pdf", "2022-05-13", False, None, _pdf_dikeluarkan(False)),
        Item("notulen_tabel_platypus.pdf", "2022-05-16", True, "image",
             lambda p: make_platypus_pdf(p, ["NOTULEN RAPAT PLENO", "", minutes_table, "",
                                             "Rapat membahas hasil evaluasi triwulan I tahun 2022.", "",
                                             [["Pimpinan Rapat,", "Notulis,"], [IMG, ""],
                                              ["MUHAMMAD MAULANA", "Siti Rahma, S.Pd."]]])),
        Item("ba_kolom_demi_kolom.pdf", "2022-05-16", True, "image", _pdf_columns_in_turn,
             why="the left column drawn to its end before the right one"),
        Item("surat_srikandi_tte.pdf", "2022-06-09", True, "digital", _pdf_srikandi,
             why="Srikandi's visible TTE stamp: 'Ditandatangani secara elektronik oleh:' and a QR code"),
        Item("laporan_blok_terbelah_halaman.pdf", "2022-06-02", True, "image", _pdf_split_block,
             why="the date at the foot of one page, the office, picture and name on the next"),
        Item("laporan_stempel_menutupi_teks.pdf", "2022-06-10", True, "image", _pdf_big_stamp,
             why="a large stamp-and-signature picture drawn over the office line and the name"),
        Item("undangan_tabel_platypus.pdf", "2022-05-09", True, "image",
             lambda p: make_platypus_pdf(p, ["KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR", "",
                                             [["Nomor", ": 112/PP.01.2-Und/3313/2022"], ["Hal", ": Undangan"]], "",
                                             "Dengan hormat, kami mengundang Saudara pada Hari/Tanggal : Jumat, 13 Mei 2022,",
                                             "pukul 09.00 WIB di Aula KPU.", "",
                                             [["", ["Karanganyar, 9 Mei 2022", "Ketua,"]], ["", IMG],
                                              ["", ["MUHAMMAD MAULANA"]]]])),
    ]


def _xlsx_items() -> list[Item]:
    people = [[1, "AHMAD FAUZI", "19700101 199003 1 001", dt.datetime(1970, 1, 1), dt.datetime(2022, 1, 1), "Sekretaris"],
              [2, "SITI AMINAH", "19800505 200501 2 002", dt.datetime(1980, 5, 5), dt.datetime(2019, 3, 1), "Kasubbag"]]
    head = ["No", "Nama", "NIP", "Tanggal Lahir", "TMT Jabatan", "Jabatan"]
    entries = [["No", "Tanggal", "Uraian", "Keterangan"], [1, dt.datetime(2022, 5, 3), "Penerimaan bingkisan", "Ditolak"],
               [2, "17 Mei 2022", "Undangan makan", "Dilaporkan"], [3, "24-05-2022", "Nihil", ""]]
    return [
        Item("data_nominatif_keadaan_maret.xlsx", "2022-03-31", False, None,
             lambda p: make_book(p, {"Maret": [["DATA NOMINATIF PEGAWAI"], ["KPU KABUPATEN KARANGANYAR"],
                                               ["KEADAAN BULAN MARET 2022"], [], head, *people]}), period="2022-03"),
        Item("data_nominatif_per_tanggal.xlsx", "2022-04-30", False, None,
             lambda p: make_book(p, {"Data": [["DATA NOMINATIF PEGAWAI NEGERI SIPIL"], ["Keadaan per 30 April 2022"], [],
                                              head, *people]})),
        Item("data_nominatif_bertanda_tangan.xlsx", "2022-04-01", True, "marker",
             lambda p: make_book(p, {"Data": [["DATA NOMINATIF PEGAWAI"], ["KEADAAN BULAN MARET 2022"], head, *people, [],
                                              ["", "", "", "", "Karanganyar, 1 April 2022"], ["", "", "", "", "Sekretaris,"],
                                              ["", "", "", "", "ttd."], ["", "", "", "", "HERI SUSANTO, S.H."]]}),
             period="2022-03"),
        Item("kartu_kendali_periode_rentang.xlsx", "2022-05-31", False, None,
             lambda p: make_book(p, {"Mei": [["KARTU KENDALI PENGENDALIAN GRATIFIKASI"], ["Periode : 01-05-2022 s.d. 31-05-2022"],
                                             [], *entries]}),
             period="2022-05", why="a period written as a range of two dates"),
        Item("kartu_kendali_bulan_sel.xlsx", "2022-06-30", False, None,
             lambda p: make_book(p, {"Juni": [["KARTU KENDALI SURAT MASUK"], ["Bulan", ":", "Juni 2022"],
                                              ["No", "Tanggal", "Asal Surat"], [1, dt.datetime(2022, 6, 2), "KPU Provinsi"],
                                              [2, "13 Juni 2022", "Bawaslu"]]}), period="2022-06"),
        Item("kartu_kendali_blok_ttd.xlsx", "2022-05-31", False, None,
             lambda p: make_book(p, {"Kendali": [["KARTU KENDALI PENGADUAN MASYARAKAT BULAN MEI 2022"], *entries, [],
                                                 ["", "", "", "Karanganyar, 31 Mei 2022"], ["", "", "", "Ketua Tim Pengawasan,"],
                                                 [], [], ["", "", "", "ANDI WIJAYA, S.H."]]}), period="2022-05"),
        Item("rekap_triwulan_ii.xlsx", "2022-06-30", False, None,
             lambda p: make_book(p, {"TW II": [["REKAPITULASI PENGADUAN MASYARAKAT"], ["TRIWULAN II 2022"],
                                               ["No", "Bulan", "Jumlah"], [1, "April", 2], [2, "Mei", 1], [3, "Juni", 0]]}),
             period="2022-06"),
        Item("rekap_tw_singkat.xlsx", "2022-06-30", False, None,
             lambda p: make_book(p, {"Rekap": [["Rekap Layanan PPID TW. II Tahun 2022"], ["No", "Tanggal", "Pemohon"],
                                               [1, dt.datetime(2022, 4, 7), "Masyarakat"]]}), period="2022-06"),
        Item("rekap_per_tanggal_sel.xlsx", "2022-06-30", False, None,
             lambda p: make_book(p, {"Rekap": [["REKAPITULASI WHISTLE BLOWING SYSTEM"], ["Keadaan per", dt.datetime(2022, 6, 30)],
                                               ["No", "Uraian", "Jumlah"], [1, "Pengaduan masuk", 0]]}),
             why="the 'as at' date in a date cell beside its label"),
        Item("rekap_semester_i.xlsx", "2022-06-30", False, None,
             lambda p: make_book(p, {"Sem I": [["REKAPITULASI PENILAIAN KINERJA PEGAWAI SEMESTER I TAHUN 2022"],
                                               ["No", "Nama", "Nilai"], [1, "AHMAD FAUZI", 91]]}), period="2022-06"),
    ]


def _image_items() -> list[Item]:
    return [
        Item("Screenshot_20220513-101112.png", "2022-05-13", None, None, lambda p: make_screen_png(p, seed=1)),
        Item("Screen Shot 2022-05-13 at 10.11.12.png", "2022-05-13", None, None, lambda p: make_screen_png(p, seed=2)),
        Item("Tangkapan layar 2022-05-13 101112.png", "2022-05-13", None, None, lambda p: make_screen_png(p, seed=3)),
        Item("Screenshot_2022-05-13-10-11-12-345_com.whatsapp.jpg", "2022-05-13", None, None,
             lambda p: make_photo(p, seed=4)),
        Item("photo_2022-05-13_10-11-12.jpg", "2022-05-13", None, None, lambda p: make_photo(p, seed=5)),
        Item("IMG-20220513-WA0012.jpg", "2022-05-13", None, None, lambda p: make_photo(p, seed=6)),
        Item("20220513_101112.jpg", "2022-05-13", None, None, lambda p: make_photo(p, seed=7)),
        Item("WhatsApp Image 2022-05-13 at 10.11.12 (1).jpeg", "2022-05-13", None, None, lambda p: make_photo(p, seed=8)),
        Item("DSC_0412.JPG", "2022-05-16", None, None, lambda p: make_photo(p, exif_datetime="2022:05:16 09:30:00", seed=9)),
        Item("DSC_0413.JPG", None, None, None, lambda p: make_photo(p, exif_original="2015:01:01 00:03:10", seed=10),
             why="camera clock never set: 2015 is no date of a 2022 plan"),
        Item("IMG_20220517_093000.jpg", "2022-05-17", None, None,
             lambda p: make_photo(p, exif_original="2015:01:01 00:00:41", seed=11)),
        Item("dokumentasi rapat 16.05.2022.jpg", "2022-05-16", None, None,
             lambda p: make_photo(p, exif_original="2022:05:16 10:02:03", seed=12)),
        Item("Screenshot (12).png", None, None, None, lambda p: make_screen_png(p, seed=5),
             why="a Windows screenshot's name has a counter, no date"),
        Item("IMG-20220601-WA0003.jpg", "2022-05-13", None, None,
             lambda p: make_photo(p, exif_original="2022:05:13 09:41:00", seed=13),
             why="forwarded on WhatsApp later: the camera's EXIF date is the day taken"),
        Item("dokumentasi_apel_13052022.jpg", "2022-05-13", None, None, lambda p: make_photo(p, seed=14),
             why="day-month-year run together in the name"),
        Item("Screenshot_20220520-080000.png", "2022-05-20", None, None,
             lambda p: make_web_png(p, ["PPID KPU Kabupaten Karanganyar", "Beranda   Profil   Informasi Publik",
                                        "Daftar Informasi Publik Tahun 2022", "Diunggah 2 Januari 2022 oleh Admin",
                                        "Informasi yang wajib disediakan setiap saat"]),
             why="a white web page gets OCR'd; the date it shows is not the capture date"),
    ]


def items() -> list[Item]:
    return _docx_items() + _pdf_items() + _xlsx_items() + _image_items()


def build(directory: Path) -> list[tuple[Item, Path]]:
    directory.mkdir(parents=True, exist_ok=True)
    built = []
    for item in items():
        path = directory / item.name
        item.build(path)
        built.append((item, path))
    return built
