"""Offices' own layouts find the right bukti fisik of the seed plan, or none when unclear."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor.rules.load import load_rules
from auditor.scan.match import RuleIndex

SEED = Path(__file__).resolve().parents[2] / "rules" / "kpu-karanganyar-2022.yaml"


@pytest.fixture(scope="module")
def seed():
    return load_rules(SEED)


@pytest.fixture(scope="module")
def index(seed) -> RuleIndex:
    return RuleIndex(seed.rules, year=2022)


# (path, the rule it must land on)
LAND = [
    ("AREA I MANAJEMEN PERUBAHAN/1. TIM KERJA/a. Undangan, DH, Dok Rakor Pembentukan Tim/"
     "Undangan Rakor.pdf", "I.1.1"),
    ("AREA I MANAJEMEN PERUBAHAN/1. TIM KERJA/a. Undangan, DH, Dok Rakor Pembentukan Tim/"
     "IMG_0001.jpg", "I.1.1"),
    ("AREA I MANAJEMEN PERUBAHAN/1. TIM KERJA/b. Risalah Rakor Pembentukan Tim/Notulen.docx",
     "I.1.2"),
    ("AREA I MANAJEMEN PERUBAHAN/1. TIM KERJA/c. Undangan, DH, Dok Rapat Pleno/DH pleno.pdf",
     "I.1.3"),
    ("1. Manajemen Perubahan/1.1 Tim Kerja/SK Tim ZI 2022.pdf", "I.1.4"),
    ("Area 2 Tatalaksana/SOP/Evaluasi SOP/Juni/Risalah evaluasi SOP.docx", "II.1.5"),
    ("Area 2 Tatalaksana/SOP/Evaluasi SOP/Juni/Undangan evaluasi SOP.pdf", "II.1.4"),
    ("Pengungkit/Area III SDM/III.6 Data Nominatif/2022-03 Data Nominatif Maret.xlsx", "III.6.1"),
    ("V. Penguatan Pengawasan/2. SPIP/c. Kartu Kendali SPIP/Kartu Kendali April.xlsx", "V.2.3"),
    # the same meeting in four items: the item folder tells them apart
    ("Manajemen Perubahan/3. Monev/Rapat Pleno/DH.pdf", "I.3.3"),
    ("Manajemen Perubahan/2. Rencana Aksi/c. Rapat Pleno/Foto.jpg", "I.2.3"),
    ("Manajemen Perubahan/4. Agen Perubahan/c. Undangan DH Dok Rapat Pleno/foto pleno.jpg",
     "I.4.5"),
    ("Manajemen Perubahan/4. Agen Perubahan/d. SK Role Model/SK Role Model.pdf", "I.4.6"),
    # English-ish names
    ("Area 1 - Change Management/1 - Work Team/Team Formation Coordination Meeting/"
     "Invitation.pdf", "I.1.1"),
    ("Area 1 - Change Management/1 - Work Team/Decree/Team Decree 2022.pdf", "I.1.4"),
    ("Area 5 - Supervision/2 - Internal Control/Control Card/Control Card April.xlsx", "V.2.3"),
    ("Area 6 - Public Service/3 - Satisfaction Survey/Survey Results.pdf", "VI.3.1"),
    # ALL CAPS, underscores, "01_" numbering
    ("01_MANAJEMEN_PERUBAHAN/01_TIM_KERJA/04_SK_TIM_KERJA/SK_TIM_KERJA_ZI.pdf", "I.1.4"),
    ("01_MANAJEMEN_PERUBAHAN/02_RENCANA_AKSI/04_SK_RENCANA_AKSI/SK_RA.pdf", "I.2.4"),
    ("05_PENGAWASAN/05_BENTURAN_KEPENTINGAN/Matrik Identifikasi.xlsx", "V.5.2"),
    ("I. MANAJEMEN PERUBAHAN/3. PEMANTAUAN DAN EVALUASI/e. Tindak Lanjut Evaluasi/"
     "Dokumen Tindak Lanjut.pdf", "I.3.5"),
    ("V. Penguatan Pengawasan/2. SPIP/Rakor SPIP/Notulen Rakor SPIP.pdf", "V.2.7"),
    ("V. Penguatan Pengawasan/2. SPIP/Rakor SPIP/Foto Rakor SPIP.jpg", "V.2.8"),
    # the evaluation sheet's (LKE) names for items, an office's own letters, "MP"
    ("ZI 2022/PENGUNGKIT/1. MANAJEMEN PERUBAHAN/1. PENYUSUNAN TIM KERJA/a. SK Tim Kerja/"
     "SK TIM ZI.pdf", "I.1.4"),
    ("ZI 2022/PENGUNGKIT/1. MANAJEMEN PERUBAHAN/1. PENYUSUNAN TIM KERJA/"
     "b. Rapat Pembentukan Tim/Undangan.pdf", "I.1.1"),
    ("Bukti Dukung/Area I/Rencana Pembangunan Zona Integritas/SK Rencana Aksi.pdf", "I.2.4"),
    ("Bukti Dukung/Area II/Sistem Pemerintahan Berbasis Elektronik (SPBE)/"
     "Foto mesin fingerspot.jpg", "II.2.2"),
    ("Bukti Dukung/Area III/Penegakan Aturan Disiplin-Kode Etik/"
     "Rekap potongan tunjangan kinerja.xlsx", "III.5.1"),
    ("Bukti Dukung/Area VI/Penilaian kepuasan terhadap pelayanan/Hasil Survei IKM.pdf",
     "VI.3.1"),
    ("Bukti Dukung/Area V/Pengendalian Gratifikasi/SK UPG.pdf", "V.1.2"),
    ("MP/03 Monev/Rapat Evaluasi ZI Triwulan II/Undangan Rapat Evaluasi.pdf", "I.3.1"),
    ("MP/03 Monev/Rapat Evaluasi ZI Triwulan II/Notulen Rapat Evaluasi.docx", "I.3.2"),
    ("MP/03 Monev/Dokumentasi pelaksanaan/IMG_01.jpg", "I.3.6"),
    # no area folder, or no folder at all, when the words are unmistakable
    ("Pengawasan/Pengaduan Masyarakat/Brosur pengaduan.jpg", "V.3.1"),
    ("Data Nominatif Maret.xlsx", "III.6.1"),
]

# (path, why it stays unmatched, the rules it could be)
STAY = [
    ("Undangan Rapat Pleno.pdf", "ambiguous", {"I.1.3", "I.2.3", "I.3.3", "I.4.5"}),
    ("AREA I MANAJEMEN PERUBAHAN/Rapat Pleno/Undangan.pdf", "ambiguous",
     {"I.1.3", "I.2.3", "I.3.3", "I.4.5"}),
    ("1. Manajemen Perubahan/1.1 Tim Kerja/scan001.pdf", "none", set()),
    ("Arsip lama/2021/SK Tim Kerja ZI.pdf", "archive", set()),
    ("Data 2021/Tim Kerja/SK Tim Kerja ZI.pdf", "other_year", set()),
    ("Keuangan/Laporan Realisasi Anggaran Juni 2022.xlsx", "none", set()),
    ("Umum/Surat Keluar/Surat Permohonan Data ke Disdukcapil.pdf", "none", set()),
    ("Teknis/Rapat Pleno Rekapitulasi DPB/Berita Acara Pleno DPB.pdf", "none", set()),
    ("Desktop/New folder/IMG_20220512_101010.jpg", "none", set()),
]


@pytest.mark.parametrize(("path", "rule_id"), LAND)
def test_a_foreign_layout_lands_on_its_rule(index: RuleIndex, path: str, rule_id: str) -> None:
    match = index.match(path)
    assert match is not None, index.explain(path)
    assert (match.rule.id, match.matched_by) == (rule_id, "guess")


@pytest.mark.parametrize(("path", "reason", "candidates"), STAY)
def test_an_unclear_path_stays_unmatched_and_says_why(index: RuleIndex, path: str, reason: str,
                                                      candidates: set[str]) -> None:
    assert index.match(path) is None
    guess = index.explain(path)
    assert guess.reason == reason
    assert set(guess.candidates) == candidates


def test_exact_folders_ids_and_patterns_still_come_first(index: RuleIndex, seed) -> None:
    rule = seed.by_id()["I.3.1"]
    assert index.match(f"{rule.folder}/DH.pdf").matched_by == "folder"
    assert index.match("Somewhere/I.3.1 renamed/DH.pdf").matched_by == "id"


def test_month_folders_and_parts_under_a_guessed_place(index: RuleIndex) -> None:
    match = index.match("Area 2 Tatalaksana/SOP/Evaluasi SOP/Juni/Undangan evaluasi SOP.pdf")
    assert match.folder_month == 6 and match.part.kind == "undangan"
    match = index.match("I. MANAJEMEN PERUBAHAN/4. BUDAYA KERJA/Daftar Hadir/2022-05/Absensi.pdf")
    assert (match.rule.id, match.folder_month, match.part.kind) == ("I.4.1", 5, "daftar_hadir")


@pytest.mark.parametrize("lettered", [False, True])
def test_every_bukti_fisik_under_a_top_folder_without_its_id(seed, index: RuleIndex,
                                                             lettered: bool) -> None:
    """The init-tree layout under an extra top folder, rule ids taken off the rule folders
    (and, the second time, the plan's letters put on): every file lands on its own rule,
    except where two rules of one item carry the very same bukti fisik text."""
    names = {"undangan": "Undangan.pdf", "daftar_hadir": "Daftar Hadir.pdf",
             "dokumentasi": "IMG_0001.jpg", "risalah": "Notulen.docx", "sk": "SK.pdf",
             "laporan": "Laporan.pdf", "screenshot": "Screenshot_1.png", "surat": "Surat.pdf",
             "tabel": "Rekap.xlsx", "dokumen": "Dokumen.pdf"}
    wrong, unmatched = [], set()
    for rule in seed.rules:
        *upper, last = rule.folder.split("/")
        last = re.sub(r"^[IVX]+\.\d+\.\d+\s*", "", last)
        if lettered:
            siblings = [r for r in seed.rules if (r.area, r.item) == (rule.area, rule.item)]
            last = f"{'abcdefghij'[siblings.index(rule)]}. {last}"
        for part in rule.parts:
            path = "/".join(["Pengungkit", *upper, last, names[part.kind]])
            match = index.match(path)
            if match is None:
                unmatched.add(rule.id)
            elif match.rule.id != rule.id:
                wrong.append((path, match.rule.id))
    assert wrong == []
    same_text = {"III.2.1", "III.2.2", "III.3.1", "III.3.2", "IV.2.4", "IV.2.5", "IV.2.1",
                 "IV.2.2", "VI.2.2"}
    assert unmatched == (set() if lettered else same_text)


def test_a_folder_that_names_one_bukti_fisik_holds_all_its_files(index: RuleIndex) -> None:
    """As with init-tree folders: a scanned attendance list in the minutes' folder is the
    minutes rule's file (its part is then told from its text), not another rule's."""
    folder = "AREA I MANAJEMEN PERUBAHAN/1. TIM KERJA/b. Risalah Rakor Pembentukan Tim"
    for name in ("Notulen.docx", "scan0001.pdf", "DH rakor.pdf"):
        assert index.match(f"{folder}/{name}").rule.id == "I.1.2", name


def test_patterns_are_tried_in_rule_order_whatever_their_first_folder(make_rule) -> None:
    first = make_rule("I.1.4", folder="Tim/SK", patterns=("Arsip Tim/*SK Tim*.pdf",))
    second = make_rule("I.3.1", patterns=("**/*SK*",))
    index = RuleIndex([first, second])
    for path, rule_id in (("arsip_tim/Scan SK Tim Kerja.pdf", "I.1.4"),
                          ("Arsip Tim/SK lama.pdf", "I.3.1"),
                          ("Lain/Dalam/SK.docx", "I.3.1")):
        match = index.match(path)
        assert (match.rule.id, match.matched_by) == (rule_id, "pattern"), path


def test_odd_characters_in_names_never_stop_the_scan(index: RuleIndex, seed) -> None:
    """Superscripts and other non-ASCII digits, dotless i, bidi marks: no crash."""
    folder = seed.by_id()["I.3.1"].folder
    assert index.match(f"{folder}/Foto ²/IMG_1.jpg").rule.id == "I.3.1"
    for path in ("ı. Manajemen/ⅷ 2/Undangan ².pdf", "İ. x/20٢٢/\u202eSK.pdf",
                 "Area ٣/1.1 Tim/\x7f.docx"):
        assert index.match(path) is None
        assert index.explain(path).reason in ("none", "ambiguous")


TYPOS = [
    ("AREA I MANNAJEMEN PERUBAHAN/1. TIM KERJA/a. Und DH Dok Rakor Pembentukan Tim/Und.pdf",
     "I.1.1"),
    ("AREA IV AKUNTABILITAS/Keterlibattan Pimpinan/Laporan Rapat Evaluasi Capaian Kinerja/"
     "Laporan.pdf", "IV.1.3"),
    ("Area II/SOP/Risalah Rapat Evalausi SOP/Notulen.docx", "II.1.5"),
    ("AREA I MANNAJEMEN PERUBAHAN/Tim Kerja/Risalah Rapat Korodinasi Pembentukan/BA.pdf",
     "I.1.2"),
    ("01. Manajemen Perubahan/I.2 Rencana Aksi/SK Renaksi ZI 2022/SK.pdf", "I.2.4"),
    ("PENGUATAN PENGAWASAN/Gratifikasi/Laporan Pengendalian Gratifikasi Smt II/Lap.pdf",
     "V.1.3"),
    ("Area V/UPG/SK UPG.pdf", "V.1.2"),
    # the typo is in the one word that tells the item, or the two meetings, apart
    ("AREA IV/Keterlibattan Pimpinan/Laporan Rapat/Laporan.pdf", "IV.1.3"),
    ("Area II/SOP/Rapat Evalausi SOP/Undangan.pdf", "II.1.4"),
]


@pytest.mark.parametrize(("path", "rule_id"), TYPOS)
def test_typos_and_office_abbreviations_are_read_as_the_plans_words(
        index: RuleIndex, path: str, rule_id: str) -> None:
    match = index.match(path)
    assert match is not None, index.explain(path)
    assert match.rule.id == rule_id


def test_typo_tolerance_never_touches_numbers_short_words_or_known_words(index: RuleIndex) -> None:
    speller = index.fuzzy._names.speller
    assert speller.correct("mannajemen") == "manajemen"
    assert speller.correct("korodinasi") == "koordinasi"  # two letters swapped
    assert speller.correct("menetapkan") is None  # a known word, though "menerapkan" is close
    assert speller.correct("2202") is None and speller.correct("rakr") is None
    assert speller.correct("sop2022") is None


def test_a_tie_between_twins_is_left_for_the_map(index: RuleIndex) -> None:
    path = "AREA I MANNAJEMEN PERUBAHAN/Tim Kerja/Daftar Hadir/DH.pdf"
    assert index.match(path) is None
    guess = index.explain(path)
    assert guess.reason == "ambiguous" and set(guess.candidates) == {"I.1.1", "I.1.3"}


def test_an_item_folder_named_by_a_word_two_items_share_names_no_item(index: RuleIndex) -> None:
    """"Kerja" is in "Tim Kerja" (I.1) and "Budaya Kerja" (I.4): the item is not told, so the
    bukti fisik's own folder must decide — and never as item 1's twin."""
    kerja = "MANNAJEMEN PERUBAHAN/Kerja"
    assert index.match(f"{kerja}/b. Banner Karanganyar BERES/IMG_1.jpg").rule.id == "I.4.2"
    assert index.match(f"{kerja}/e. Und DH Dok Rapat Pleno/Undangan Rapat Pleno.pdf") is None
    assert index.match(f"{kerja}/f. SK Role Model Pembangunan ZI/SK.pdf").rule.id == "I.4.6"
