"""`zi-auditor rules template`: an empty Rencana Aksi in the layout the importer reads best.

One sheet holds the title, a two-line header (the twelve month columns under one merged
heading), an area row and one example row per change area, and a drop-down of √ on every
month cell; a second sheet explains each column in Indonesian."""

from __future__ import annotations

from pathlib import Path

from auditor.rules.importers.table import STANDARD_AREAS, STANDARD_COMPONENTS

MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
HEADER = ("NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK")
TEAM, NOTE = "PENANGGUNG JAWAB", "KETERANGAN"
# area: (indicator, action, evidence, month, team) of the example row
EXAMPLES = {
    "I": ("SK Tim Kerja ZI telah ditetapkan", "Membentuk Tim Kerja Pembangunan ZI",
          "SK Tim Kerja ZI yang ditandatangani oleh Pimpinan", 1, "Tim Manajemen Perubahan"),
    "II": ("SOP kegiatan utama telah ditetapkan", "Menyusun dan menetapkan SOP kegiatan utama",
           "SK penetapan SOP kegiatan utama", 2, "Tim Penataan Tata Laksana"),
    "III": ("Kebutuhan pegawai mengacu kepada peta jabatan", "Menyusun analisis kebutuhan pegawai",
            "Laporan analisis kebutuhan pegawai", 3, "Tim Penataan Sistem Manajemen SDM"),
    "IV": ("Pimpinan terlibat dalam penyusunan perencanaan", "Rapat penyusunan perjanjian kinerja",
           "Undangan, Daftar hadir dan Dokumentasi Rapat Penyusunan Perjanjian Kinerja", 1,
           "Tim Penguatan Akuntabilitas Kinerja"),
    "V": ("Public campaign pengendalian gratifikasi telah dilakukan",
          "Memasang poster pengendalian gratifikasi", "Foto poster pengendalian gratifikasi", 4,
          "Tim Penguatan Pengawasan"),
    "VI": ("Terdapat kebijakan standar pelayanan", "Menyusun dan menetapkan standar pelayanan",
           "SK Standar Pelayanan", 5, "Tim Peningkatan Kualitas Pelayanan Publik"),
}
GUIDE = (
    ("NO", "Angka romawi I–VI pada baris area; 1, 2, 3… pada baris pertama setiap komponen. "
           "Baris lanjutan komponen yang sama dikosongkan.", "I  /  1"),
    ("KOMPONEN", "Pada baris area: nama area perubahan. Pada baris komponen: nama komponen "
                 "(mis. Tim Kerja, Dokumen Rencana Aksi).", "Tim Kerja"),
    ("INDIKATOR", "Indikator/target LKE yang dipenuhi langkah aksi ini.", EXAMPLES["I"][0]),
    ("LANGKAH AKSI", "Kegiatan yang dilakukan.", EXAMPLES["I"][1]),
    ("BUKTI FISIK", "Satu dokumen bukti per baris. Sebut jenisnya (SK, Undangan, Daftar hadir, "
                    "Dokumentasi, Notulen, Laporan…) agar zi-auditor tahu dokumen apa yang dicari; "
                    "beberapa dokumen satu rapat boleh satu baris: 'Undangan, Daftar hadir dan "
                    "Dokumentasi Rapat X'. Tulis 'yang ditandatangani oleh …' bila harus bertanda tangan.",
     EXAMPLES["IV"][2]),
    ("PELAKSANAAN BULAN (Jan–Des)", "Pilih √ di setiap bulan bukti itu harus ada (jatuh tempo). "
                                    "Setiap bulan: √ di kedua belas kolom; per triwulan: Mar, Jun, Sep, Des.", "√"),
    (TEAM, "Nama tim penanggung jawab, ditulis sama persis di setiap baris dan di config.yaml "
           "(teams). Baris tanpa nama tim memakai tim baris di atasnya dalam komponen yang sama.",
     "Tim Manajemen Perubahan"),
    (NOTE, "Catatan bebas; tidak dibaca zi-auditor.", "-"),
)


def write_template(path: Path, office: str, year: int) -> Path:
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Rencana Aksi"
    width = len(HEADER) + 12 + 2
    last = openpyxl.utils.get_column_letter(width)
    sheet["A1"] = "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS"
    sheet["A2"] = f"{office.upper()} TAHUN {year}"
    for cell in ("A1", "A2"):
        sheet[cell].font = Font(bold=True, size=12)
        sheet[cell].alignment = Alignment(horizontal="center")
    sheet.merge_cells(f"A1:{last}1")
    sheet.merge_cells(f"A2:{last}2")
    top, sub = 4, 5
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    first_month = len(HEADER) + 1
    for column, title in enumerate(HEADER, 1):
        sheet.cell(top, column, title)
        sheet.merge_cells(start_row=top, start_column=column, end_row=sub, end_column=column)
    sheet.cell(top, first_month, "PELAKSANAAN BULAN")
    sheet.merge_cells(start_row=top, start_column=first_month, end_row=top, end_column=first_month + 11)
    for offset, name in enumerate(MONTH_NAMES):
        sheet.cell(sub, first_month + offset, name)
    for column, title in ((first_month + 12, TEAM), (first_month + 13, NOTE)):
        sheet.cell(top, column, title)
        sheet.merge_cells(start_row=top, start_column=column, end_row=sub, end_column=column)
    for row in (top, sub):
        for column in range(1, width + 1):
            sheet.cell(row, column).font = bold
            sheet.cell(row, column).fill = fill
            sheet.cell(row, column).alignment = centre
    row = sub + 1
    for roman, name in STANDARD_AREAS.items():
        sheet.cell(row, 1, roman).font = bold
        sheet.cell(row, 2, name).font = bold
        row += 1
        indicator, action, evidence, month, team = EXAMPLES[roman]
        values = ["1", STANDARD_COMPONENTS[roman][0], indicator, action, evidence]
        for column, value in enumerate(values, 1):
            sheet.cell(row, column, value).alignment = Alignment(vertical="top", wrap_text=True)
        sheet.cell(row, first_month + month - 1, "√").alignment = centre
        sheet.cell(row, first_month + 12, team)
        sheet.cell(row, first_month + 13, "contoh: ganti atau hapus")
        row += 1
    marks = DataValidation(type="list", formula1='"√"', allow_blank=True,
                           errorTitle="Tanda bulan", error="Isi √ atau kosongkan.",
                           promptTitle="Jatuh tempo", prompt="Pilih √ bila bukti harus ada bulan ini.")
    marks.add(f"{openpyxl.utils.get_column_letter(first_month)}{sub + 1}:"
              f"{openpyxl.utils.get_column_letter(first_month + 11)}{sub + 500}")
    sheet.add_data_validation(marks)
    for column, size in zip("ABCDE", (6, 28, 36, 36, 44), strict=True):
        sheet.column_dimensions[column].width = size
    for offset in range(12):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(first_month + offset)].width = 5
    sheet.column_dimensions[openpyxl.utils.get_column_letter(first_month + 12)].width = 30
    sheet.column_dimensions[openpyxl.utils.get_column_letter(first_month + 13)].width = 24
    sheet.freeze_panes = sheet.cell(sub + 1, 3)

    guide = book.create_sheet("Petunjuk")
    guide.append(["Kolom", "Isi", "Contoh"])
    for cell in guide[1]:
        cell.font = bold
    for values in GUIDE:
        guide.append(list(values))
    guide.append([])
    guide.append(["", "Satu baris per bukti fisik. Setelah diisi: zi-auditor rules import "
                      f"{path.name} --out aturan.yaml, lalu baca peringatannya.", ""])
    for column, size in zip("ABC", (28, 90, 50), strict=True):
        guide.column_dimensions[column].width = size
    for row_cells in guide.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    book.save(str(path))
    return path
