"""Shared by the import tests: how a person reads a rule back, month headers, and the
Kantor Imigrasi plan (typed from its signed scan) that several tests import."""

from __future__ import annotations


def read_back(ruleset) -> list[tuple[str, str, list[int], str, str]]:
    return [(r.id, r.area_name, list(r.months), r.team, r.evidence) for r in ruleset.rules]


MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des"]


IMIGRASI = """\
KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA REPUBLIK INDONESIA
RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS MENUJU WBK
KANTOR IMIGRASI KELAS I KHUSUS TPI SURABAYA TAHUN 2019

No.   Proses                                              Target Prioritas                      Kurun Waktu
A.    MANAJEMEN PERUBAHAN
1.    Penyusunan Tim Kerja
      SK Tim Kerja Pembangunan ZI                         Terbentuknya Tim Kerja ZI             B01
      Laporan Rapat Koordinasi Tim Kerja                  Rapat berkala tim kerja               B03, B06, B09 dan B12
2.    Rencana Pembangunan Zona Integritas
      Dokumen Rencana Aksi Pembangunan ZI                 Rencana kerja tersusun                B02
      Laporan Monitoring Rencana Aksi                     Pemantauan rencana kerja              Tiap Bulan
B.    PENATAAN TATALAKSANA
1.    Prosedur Operasional Tetap (SOP)
      SK Penetapan SOP Layanan Keimigrasian               SOP layanan ditetapkan                B04
C.    PENATAAN SISTEM MANAJEMEN SDM
1.    Pola Mutasi Internal
      SK Mutasi Pegawai                                   Rotasi pegawai terlaksana             Semester I dan II
D.    PENGUATAN AKUNTABILITAS KINERJA
1.    Keterlibatan Pimpinan
      Laporan Kinerja Triwulan                            Capaian kinerja terpantau             Triwulanan
E.    PENGUATAN PENGAWASAN
1.    Pengendalian Gratifikasi
      Laporan Pengendalian Gratifikasi                    Gratifikasi terkendali                Mar - Jun
F.    PENINGKATAN KUALITAS PELAYANAN PUBLIK
1.    Standar Pelayanan
      Maklumat Pelayanan                                  Maklumat dipasang                     Bulan 5
      Laporan Survei Kepuasan Masyarakat                  Survei dilaksanakan                   Tahunan

                                                          Surabaya, 2 Januari 2019
                                                          KEPALA KANTOR,
                                                          BAMBANG SANTOSO
                                                          NIP. 196501011990031001
"""
