"""The Indonesian date finder: the document's own date wins over the dates it mentions."""

from __future__ import annotations

from datetime import date

import pytest

from auditor.inspect.dates import date_in_name, find_date, ocr_fixes


def own(text: str, year: int = 2022) -> tuple[date | None, str | None]:
    f = find_date(text, year)
    return f.date, f.source


@pytest.mark.parametrize("written", [
    "13 Mei 2022", "13-05-2022", "13/05/2022", "13.05.2022", "13 mei 2022", "13  Mei  2022",
    "tanggal 13 bulan Mei tahun 2022", "13 May 2022", "May 13, 2022", "2022-05-13",
])
def test_every_written_form_of_a_signature_date_is_read(written: str) -> None:
    text = f"Isi surat.\nDepok, {written}\nKETUA,\n\nBUDI SANTOSO\nNIP. 197001"
    assert own(text) == (date(2022, 5, 13), "signature_block")


@pytest.mark.parametrize("short,month", [("Agu", 8), ("Agt", 8), ("Ags", 8), ("Okt", 10), ("Des", 12), ("Peb", 2)])
def test_short_month_names_are_read(short: str, month: int) -> None:
    assert own(f"Hari/Tanggal : Senin, 15 {short} 2022")[0] == date(2022, month, 15)


def test_ditetapkan_wins_over_the_laws_and_letters_an_sk_cites() -> None:
    text = ("KEPUTUSAN KETUA\nMengingat : Undang-Undang Nomor 7 Tahun 2017;\n"
            "Surat Ketua KPU Nomor 12/2022 tanggal 1 Maret 2022;\nDitetapkan di Pati\n"
            "pada tanggal 13 Mei 2022\nKETUA,\n\nBUDI")
    assert own(text) == (date(2022, 5, 13), "ditetapkan")


def test_an_invitations_letter_date_beats_the_meeting_day_it_announces_and_citations() -> None:
    # The same invitation with its date in the signature block is dated 9 Mei (the held-out
    # corpus): where the letter date sits must not change which date is the letter's own.
    text = ("Nomor : 5/UND/V/2022       Bantul, 9 Mei 2022\nLampiran : -\nHal : Undangan\n"
            "Menindaklanjuti surat Nomor 3 tanggal 2 Mei 2022,\nHari/Tanggal : Jum’at, 13 Mei 2022\n"
            "KETUA,\n\nBUDI SANTOSO")
    assert own(text) == (date(2022, 5, 9), "letter_date")


def test_minutes_without_a_letter_head_keep_their_meeting_day() -> None:
    text = "NOTULEN RAPAT\nBantul, 9 Mei 2022\nHari/Tanggal : Jumat, 13 Mei 2022\nPembahasan: ..."
    assert own(text) == (date(2022, 5, 13), "meeting_day")


def test_a_letter_with_only_a_header_date_gets_its_letter_date() -> None:
    text = "Sleman, 9 Mei 2022\nNomor : 5/2022\nHal : Pemberitahuan\nDengan hormat, ..."
    assert own(text) == (date(2022, 5, 9), "letter_date")


def test_berita_acara_in_words_is_a_meeting_day() -> None:
    text = "Pada hari ini Jumat tanggal tiga belas bulan Mei tahun dua ribu dua puluh dua, bertempat di"
    assert own(text) == (date(2022, 5, 13), "meeting_day")


def test_a_citation_alone_never_becomes_the_date() -> None:
    assert own("Berdasarkan Berita Acara Nomor 2 tanggal 1 Maret 2022 maka ...") == (None, None)


def test_years_far_from_the_plan_are_ignored() -> None:
    assert own("Sleman, 13 Mei 1999\nKETUA,\n\nBUDI")[0] is None
    assert own("Sleman, 13 Mei 2031\nKETUA,\n\nBUDI", year=2022)[0] is None


def test_pada_hari_ini_alone_is_not_today() -> None:
    assert own("Pada hari ini telah dilaksanakan rapat. Mei 2022") == (None, None)


def test_periods_go_to_period_not_date() -> None:
    f = find_date("LAPORAN BULAN MEI 2022\nisi laporan", 2022)
    assert (f.date, f.period) == (None, "2022-05")
    assert find_date("LAPORAN SEMESTER II TAHUN 2021", 2022).period == "2021-12"
    assert find_date("LAPORAN TRIWULAN I TAHUN 2022", 2022).period == "2022-03"


def test_an_unfilled_draft_date_is_noticed() -> None:
    f = find_date("Wonosobo,        Mei 2022\nYang membuat,\n\nTEGUH", 2022)
    assert f.date is None and f.blank_date


def test_roman_month_of_the_letter_number_is_weak_evidence_only() -> None:
    f = find_date("Nomor : 123/PK.01/3313/V/2022\nHal : Undangan", 2022)
    assert f.date is None and f.roman_month == (5, 2022)


@pytest.mark.parametrize("name,expected", [
    ("IMG_20220513_093512", date(2022, 5, 13)), ("IMG-20220513-WA0001", date(2022, 5, 13)),
    ("WhatsApp Image 2022-05-13 at 09.35.12", date(2022, 5, 13)), ("Rapat 13 Mei 2022", date(2022, 5, 13)),
    ("dokumentasi_13-05-2022", date(2022, 5, 13)), ("Screenshot_20220513-093512", date(2022, 5, 13)),
    ("DSC01234", None), ("foto rapat", None),
])
def test_dates_in_file_names(name: str, expected: date | None) -> None:
    assert date_in_name(name, 2022) == expected


def test_a_place_line_with_the_day_name_is_the_signature_block_not_a_meeting_day() -> None:
    text = ("BERITA ACARA\nPada hari ini, Jumat, 13 Mei 2022 telah diserahterimakan ...\n"
            "Karanganyar, Senin, 16 Mei 2022\nYang Menyerahkan,\n\nHERI SUSANTO")
    assert own(text) == (date(2022, 5, 16), "signature_block")
    assert own("NOTULEN\nPada hari ini, Jumat, 13 Mei 2022 rapat dibuka.") == (date(2022, 5, 13), "meeting_day")


def test_a_closing_place_and_date_below_the_meeting_day_is_the_letters_own() -> None:
    """The office line and name under it were lost (a stamp, a fold): still the letter's date."""
    text = ("Hal : Undangan\nMenindaklanjuti surat tanggal 28 Januari 2022\n"
            "Hari/Tanggal : Rabu, 16 Februari 2022\nTempat : Aula\n"
            "Demikian atas perhatian Saudara kami sampaikan terima kasih.\nJombang, 7 Februari 2022\n")
    f = find_date(text, 2022)
    assert (f.date, f.source) == (date(2022, 2, 7), "letter_date")


def test_a_place_read_with_a_dot_or_under_a_stamp_still_dates_the_signature_block() -> None:
    for place in ("Sidoarjo.", "Ga Pee"):
        text = ("Hari/Tanggal : Sabtu, 23 Juli 2022\nDemikian atas perhatian disampaikan terima kasih.\n"
                f"{place} 21 Juli 2022\nDINAS KOMUNIKASI DAN INFORMATIKA,\n\nDrs. EKO PRASETYO, M.M.\n"
                "NIP. 19620825 198611 1 001")
        f = find_date(ocr_fixes(text), 2022)
        assert (f.date, f.source) == (date(2022, 7, 21), "signature_block"), place


def test_a_date_field_is_not_taken_for_a_place_read_with_a_dot() -> None:
    assert ocr_fixes("Tgl. 3 Mei 2022") == "Tgl. 3 Mei 2022"
    assert ocr_fixes("Jombang. 3 Mei 2022") == "Jombang, 3 Mei 2022"


def test_a_schedule_or_list_with_no_date_of_its_own_is_undated_but_a_title_date_stands() -> None:
    schedule = ("JADWAL KEGIATAN ZONA INTEGRITAS\nNo Kegiatan Tanggal\n1 Sosialisasi 3 Januari 2022\n"
                "2 Rapat evaluasi 14 Februari 2022\n3 Pleno 21 Maret 2022")
    assert find_date(schedule, 2022).date is None  # not its first (or last) row's date
    titled = "DATA NOMINATIF PEGAWAI\nKeadaan per 30 April 2022\n1 Budi 12 Maret 1980\n2 Sari 3 Mei 1985"
    assert find_date(titled, 2022).date == date(2022, 4, 30)


def test_a_bare_date_above_the_letter_head_is_the_letters_own_not_the_meeting_day() -> None:
    letter = ("8 April 2019\nPEMERINTAH KABUPATEN JOMBANG\nBADAN PERENCANAAN PEMBANGUNAN DAERAH\n"
              "Nomor : 005/123/415.42/2019\nSifat : Penting\nHal : Undangan\nKepada Yth. Bapak/Ibu\n"
              "Dengan hormat, kami mengundang Saudara pada:\nHari/Tanggal : Jumat, 12 April 2019\n"
              "KEPALA BAPPEDA,\nIr. BUDI")
    f = find_date(letter, 2019)
    assert (f.date, f.source) == (date(2019, 4, 8), "letter_date")
