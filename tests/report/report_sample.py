"""A realistic AuditReport of KPU Kabupaten Karanganyar for May 2022, built in code."""

from __future__ import annotations

from auditor.audit.model import AuditReport, Count, FileEvidence, RunSummary, Verdict

HOSTILE_FILE = "<img src=x onerror=alert(1)>.pdf"
HOSTILE_SCRIPT = "<script>document.title='PWNED'</script>"
ROOT = "/srv/zi/bukti"

TEAM_MP = "Tim Manajemen Perubahan"
TEAM_SDM = "Tim Penataan Sistem Manajemen SDM"
TEAM_AWAS = "Tim Pengawasan"


def _rule(rule_id: str, area_name: str, item_name: str, indicator: str, evidence: str,
          team: str, months: list[int], folder: str) -> dict:
    area, item, _ = rule_id.split(".")
    return {
        "id": rule_id, "area": area, "area_name": area_name, "item": int(item),
        "item_name": item_name, "indicator": indicator, "action": "Menyusun " + evidence.lower(),
        "evidence": evidence, "team": team, "months": months,
        "parts": [{"kind": "sk", "label": "SK", "signed_required": True, "date_required": True}],
        "patterns": [folder + "/**"], "folder": folder, "subject": evidence, "note": None,
    }


RULES = [
    _rule("I.1.1", "Manajemen Perubahan", "Tim Kerja",
          "Unit kerja telah membentuk tim untuk melakukan pembangunan Zona Integritas",
          "SK Tim Kerja Pembangunan Zona Integritas ditandatangani Ketua", TEAM_MP, [1],
          "I Manajemen Perubahan/1 Tim Kerja/I.1.1 SK Tim Kerja"),
    _rule("I.1.2", "Manajemen Perubahan", "Tim Kerja",
          "Penentuan anggota Tim dipilih melalui prosedur/mekanisme yang jelas",
          "Undangan, Daftar hadir dan Dokumentasi Rapat Pembentukan Tim", TEAM_MP, [1, 5],
          "I Manajemen Perubahan/1 Tim Kerja/I.1.2 Rapat Pembentukan Tim"),
    _rule("I.3.1", "Manajemen Perubahan", "Pemantauan dan Evaluasi",
          "Telah dilakukan pemantauan dan evaluasi rencana pembangunan ZI",
          "Laporan Monev Pembangunan ZI per triwulan", TEAM_MP, [3, 6, 9, 12],
          "I Manajemen Perubahan/3 Monev/I.3.1 Laporan Monev"),
    _rule("III.1.1", "Penataan Sistem Manajemen SDM", "Perencanaan kebutuhan pegawai",
          "Kebutuhan pegawai disusun dengan mengacu kepada peta jabatan",
          "Data nominatif pegawai per bulan", TEAM_SDM, list(range(1, 13)),
          "III Penataan SDM/1 Perencanaan/III.1.1 Data nominatif"),
    _rule("III.5.1", "Penataan Sistem Manajemen SDM", "Penegakan aturan disiplin/kode etik",
          "Unit kerja telah melaksanakan penegakan aturan disiplin",
          "Rekapitulasi kehadiran dan Berita Acara pembinaan pegawai", TEAM_SDM, [4, 5, 8],
          "III Penataan SDM/5 Disiplin/III.5.1 Rekap kehadiran"),
    _rule("V.1.1", "Penguatan Pengawasan", "Pengendalian gratifikasi",
          "Telah dilakukan public campaign tentang pengendalian gratifikasi",
          "Screenshot publikasi pengendalian gratifikasi di media sosial", TEAM_AWAS, [2, 5, 7],
          "V Penguatan Pengawasan/1 Gratifikasi/V.1.1 Publikasi"),
    _rule("V.2.1", "Penguatan Pengawasan", "Penerapan SPIP",
          "Telah dibangun lingkungan pengendalian",
          "Notulen dan Daftar hadir Rapat Penilaian Risiko", TEAM_AWAS, [5, 10],
          "V Penguatan Pengawasan/2 SPIP/V.2.1 Penilaian Risiko"),
]


def _f(path: str, part: str | None, date: str | None, source: str | None, signed: bool | None,
       mtime: str = "2022-05-20T08:15:00+07:00", error: str | None = None) -> FileEvidence:
    return FileEvidence(path=path, part=part, date=date, date_source=source, signed=signed,
                        signature="image" if signed else None,
                        signer="HAJIR ARIFIN" if signed else None, mtime=mtime, error=error)


def _v(rule_id: str, month: int, status: str, files: list[FileEvidence] | None = None,
       problems: list[str] | None = None) -> Verdict:
    rule = next(r for r in RULES if r["id"] == rule_id)
    return Verdict(rule_id=rule_id, month=month, team=rule["team"], status=status,
                   files=files or [], problems=problems or [], folder=rule["folder"],
                   evidence=rule["evidence"], area=rule["area"], item=rule["item"])


def verdicts() -> list[Verdict]:
    mp = RULES[0]["folder"]
    rapat = RULES[1]["folder"]
    sdm = RULES[3]["folder"]
    awas = RULES[5]["folder"]
    spip = RULES[6]["folder"]
    out = [
        _v("I.1.1", 1, "ok", [_f(f"{mp}/SK Tim ZI 2022.pdf", "sk", "2022-01-10", "ditetapkan", True)]),
        _v("I.1.2", 1, "ok", [
            _f(f"{rapat}/Januari/Undangan Rapat Pembentukan Tim.pdf", "undangan", "2022-01-05",
               "letter_date", True),
            _f(f"{rapat}/Januari/Daftar Hadir.pdf", "daftar_hadir", "2022-01-07", "meeting_day", True),
            _f(f"{rapat}/Januari/IMG_20220107_091500.jpg", "dokumentasi", "2022-01-07", "exif", None)]),
        _v("I.1.2", 5, "incomplete", [
            _f(f"{rapat}/Mei/Undangan Rapat Evaluasi Tim.pdf", "undangan", "2022-05-09",
               "signature_block", True)],
           ["Daftar hadir belum ada.", "Dokumentasi belum ada."]),
        _v("I.3.1", 3, "late", [_f("I Manajemen Perubahan/3 Monev/I.3.1 Laporan Monev/Laporan Monev TW I.pdf",
                                   "laporan", "2022-04-12", "signature_block", True)],
           ["Laporan bertanggal 12 April 2022, sesudah bulan Maret."]),
        _v("V.1.1", 2, "ok", [_f(f"{awas}/SS Instagram gratifikasi Feb.png", "screenshot",
                                 "2022-02-14", "filename", None)]),
        _v("V.1.1", 5, "undated", [_f(f"{awas}/{HOSTILE_FILE}", "screenshot", None, None, None)],
           [f"Tanggal berkas {HOSTILE_FILE} tidak terbaca. {HOSTILE_SCRIPT}"]),
        _v("V.2.1", 5, "needs_review", [_f(f"{spip}/Notulen Penilaian Risiko.pdf", None, None, None,
                                           None, error="berkas terkunci dengan kata sandi")],
           ["Notulen terkunci dengan kata sandi; buka kuncinya lalu simpan ulang."]),
        _v("III.5.1", 4, "unsigned", [_f("III Penataan SDM/5 Disiplin/III.5.1 Rekap kehadiran/"
                                         "Berita Acara Pembinaan April.docx", "risalah", "2022-04-28",
                                         "meeting_day", False)],
           ["Berita Acara belum ditandatangani."]),
        _v("III.5.1", 5, "missing", [], ["Belum ada berkas untuk bulan Mei."]),
    ]
    for month in range(1, 6):
        status = "ok" if month < 4 else ("missing" if month == 5 else "ok")
        files = [] if status == "missing" else [
            _f(f"{sdm}/=HYPERLINK(\"http://evil\")Nominatif {month:02d}-2022.xlsx", "tabel",
               f"2022-{month:02d}-28", "period", None)]
        out.append(_v("III.1.1", month, status, files,
                      ["Data nominatif bulan Mei belum ada."] if status == "missing" else []))
    return out


def make_report(lang: str = "id", month: int = 5) -> AuditReport:
    vs = [v for v in verdicts() if v.month <= month]
    by_team: dict[str, Count] = {}
    for v in vs:
        c = by_team.setdefault(v.team, Count())
        c.due += 1
        c.ok += not v.is_gap  # as the audit counts: ok and late are complete
        c.gaps += v.is_gap
    upcoming = [_v("I.3.1", 6, "upcoming"), _v("III.1.1", 6, "upcoming")]
    return AuditReport(
        year=2022, month=month, as_of=f"2022-{month:02d}-31", generated_at="2022-05-31T02:00:04+07:00",
        evidence_root=ROOT, language=lang, office="KPU Kabupaten Karanganyar",
        summary=Count(due=len(vs), ok=sum(not v.is_gap for v in vs),
                      gaps=sum(v.is_gap for v in vs)),
        by_team=by_team, verdicts=vs,
        errors=[{"path": f"{RULES[6]['folder']}/Notulen Penilaian Risiko.pdf",
                 "error": "berkas terkunci dengan kata sandi"},
                {"path": f"V Penguatan Pengawasan/{HOSTILE_FILE}", "error": f"rusak {HOSTILE_SCRIPT}"}],
        upcoming=upcoming,
        history=[RunSummary("2022-03-31T02:00:00+07:00", 3, 7, 4, 3, 120),
                 RunSummary("2022-04-30T02:00:00+07:00", 4, 10, 6, 3, 151),
                 RunSummary("2022-05-31T02:00:04+07:00", 5, len(vs),
                            sum(not v.is_gap for v in vs), sum(v.is_gap for v in vs), 163)],
        rules=[dict(r) for r in RULES],
    )
