"""Files find their rule by folder (however it is spelled) and their part by name or text."""

from __future__ import annotations

from datetime import date

from auditor.rules.model import Part
from auditor.scan.match import RuleIndex, assign_part, part_key
from auditor.scan.names import month_of_folder, name_words, segment_key

FOLDER = "I Manajemen Perubahan/3 Pemantauan/I.3.1 Rapat Evaluasi ZI"


def test_a_file_in_the_rule_folder_belongs_to_the_rule(make_rule) -> None:
    index = RuleIndex([make_rule("I.3.1"), make_rule("I.3.2", folder="I Manajemen Perubahan/3 Pemantauan/I.3.2 Risalah")])
    match = index.match(f"{FOLDER}/01. Undangan Rakor ZI.pdf")
    assert match is not None and match.rule.id == "I.3.1"
    assert match.part is not None and match.part.kind == "undangan"


def test_case_underscores_and_numbering_of_folders_do_not_matter(make_rule) -> None:
    index = RuleIndex([make_rule("I.3.1")])
    for path in ("i_manajemen_perubahan/03. pemantauan/I.3.1 rapat evaluasi/DH.pdf",
                 "01 MANAJEMEN PERUBAHAN/3_Pemantauan/I-3-1 Rapat Evaluasi ZI/DH.pdf",
                 "elsewhere/I.3.1 (renamed)/DH.pdf"):
        match = index.match(path)
        assert match is not None and match.rule.id == "I.3.1", path


def test_a_file_outside_every_rule_is_not_matched(make_rule) -> None:
    index = RuleIndex([make_rule("I.3.1")])
    assert index.match("Arsip lama/foto.jpg") is None


def test_month_folders_under_the_rule_folder_are_read(make_rule) -> None:
    index = RuleIndex([make_rule("I.3.1", months=(5, 7, 10))])
    for folder, month in (("05 Mei", 5), ("2022-07", 7), ("Oktober", 10), ("Bulan 5", 5)):
        match = index.match(f"{FOLDER}/{folder}/DH_rakor.docx")
        assert match is not None and match.folder_month == month
    assert month_of_folder("Dokumentasi") is None


def test_parts_by_the_words_offices_use(make_rule) -> None:
    rule = make_rule(parts=(*make_rule().parts, Part("risalah", "Risalah")))
    index = RuleIndex([rule])
    expected = {
        "01. Undangan Rakor ZI.pdf": "undangan", "Und_evaluasi.pdf": "undangan",
        "DH_rakor.docx": "daftar_hadir", "Absensi rapat.pdf": "daftar_hadir",
        "PRESENSI.xlsx": "daftar_hadir", "IMG_20220513_093512.jpg": "dokumentasi",
        "WhatsApp Image 2022-05-13 at 10.12.01.jpeg": "dokumentasi",
        "DSC01234.JPG": "dokumentasi", "Notulen rapat.docx": "risalah",
        "b. Berita Acara.pdf": "risalah", "Dok rapat.pdf": "dokumentasi",
    }
    for name, kind in expected.items():
        match = index.match(f"{FOLDER}/{name}")
        assert match is not None and match.part is not None, name
        assert match.part.kind == kind, name


def test_an_image_with_a_plain_name_is_dokumentasi(make_rule) -> None:
    match = RuleIndex([make_rule()]).match(f"{FOLDER}/rapat 13.jpg")
    assert match is not None and match.part is not None and match.part.kind == "dokumentasi"


def test_a_sub_folder_names_the_part(make_rule) -> None:
    match = RuleIndex([make_rule()]).match(f"{FOLDER}/05 Mei/Daftar Hadir/scan001.pdf")
    assert match is not None and match.part is not None and match.part.kind == "daftar_hadir"
    assert match.folder_month == 5


def test_a_plain_name_is_told_by_the_heading_inside(make_rule) -> None:
    match = RuleIndex([make_rule()]).match(f"{FOLDER}/scan001.pdf")
    assert match is not None and match.part is None
    part = assign_part(match, "DAFTAR HADIR RAPAT EVALUASI", "DAFTAR HADIR RAPAT EVALUASI No Nama")
    assert part is not None and part.kind == "daftar_hadir"
    assert assign_part(match, None, "Lorem ipsum") is None


def test_a_single_part_rule_takes_any_file(make_rule) -> None:
    rule = make_rule("I.1.4", parts=(Part("sk", "SK Tim Kerja ZI", signed_required=True),))
    match = RuleIndex([rule]).match("x/I.1.4 SK Tim/final_v2.pdf")
    assert match is not None and assign_part(match) is rule.parts[0]


def test_parts_of_the_same_kind_are_told_apart_by_label(make_rule) -> None:
    parts = (Part("dokumen", "Dokumen RENSTRA", name_words=("renstra",)),
             Part("dokumen", "Dokumen RKT", name_words=("rkt",)))
    rule = make_rule("IV.1.2", parts=parts)
    match = RuleIndex([rule]).match("IV/IV.1.2 Dokumen/RKT 2022.pdf")
    assert match is not None and match.part is not None
    assert part_key(rule, match.part) == "Dokumen RKT"


def test_name_normalisation() -> None:
    assert name_words("01. Undangan Rakor ZI.pdf") == "undangan rakor zi"
    assert name_words("1_DH.pdf") == "dh"
    assert segment_key("I.1.4 SK Tim Kerja ZI Tahun 2022") == "#I.1.4"
    assert segment_key("01_Tim_Kerja") == segment_key("1 Tim Kerja") == "tim kerja"


def test_every_month_spelling_reads_alike_in_folders_letters_and_the_command_line() -> None:
    """'Nop', 'Peb', 'Agust'…: a spelling the date reader knows is also a month folder and a
    --month value (one table: auditor/months.py)."""
    from auditor.commands._options import month_value
    from auditor.inspect.dates import dates_in_line
    from auditor.months import MONTHS
    from auditor.scan.names import month_of_folder

    for word, month in MONTHS.items():
        for folder in (word.capitalize(), f"{month:02d} {word.upper()}", f"{word} 2022"):
            assert month_of_folder(folder) == month, folder
        assert month_value(word.capitalize()) == month, word
        found = dates_in_line(f"Karanganyar, 3 {word.capitalize()} 2022", 2022)
        assert [d for _, _, d in found] == [date(2022, month, 3)], word
