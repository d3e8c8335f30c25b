"""The seed plan and ruleset of the repository, and the same plan table as DOCX and XLSX."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PLAN = REPO / "rules" / "sources" / "rencana-aksi-kpu-karanganyar-2022.txt"
SEED = REPO / "rules" / "kpu-karanganyar-2022.yaml"


def plan_lines() -> list[str]:
    return PLAN.read_text(encoding="utf-8").splitlines()


def table_rows() -> list[list[str]]:
    """The plan's table as the PDF text has it: every tab-separated line, defects and all."""
    return [line.split("\t") for line in plan_lines() if "\t" in line]


def title_lines() -> list[str]:
    return [line for line in plan_lines() if line.strip() and "\t" not in line][:12]


def write_docx(path: Path) -> Path:
    """A DOCX plan: the title as paragraphs, the table split into one table per page."""
    import docx

    document = docx.Document()
    for line in title_lines():
        document.add_paragraph(line)
    pages: list[list[list[str]]] = []
    for row in table_rows():
        if row[:2] == ["NO", "KOMPONEN"] or not pages:
            pages.append([])
        pages[-1].append(row)
    width = max(len(r) for r in table_rows())
    for page in pages:
        table = document.add_table(rows=len(page), cols=width)
        for table_row, values in zip(table.rows, page, strict=True):
            cells = table_row.cells
            for index, value in enumerate(values):
                if value:
                    cells[index].text = value
    document.save(str(path))
    return path


def write_xlsx(path: Path) -> Path:
    """An XLSX plan: the table on the first sheet, exactly as the text's rows."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for values in table_rows():
        sheet.append([value or None for value in values])
    book.save(str(path))
    return path


@pytest.fixture(scope="session")
def plan_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_docx(tmp_path_factory.mktemp("docx") / "rencana-aksi-2022.docx")


@pytest.fixture(scope="session")
def plan_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_xlsx(tmp_path_factory.mktemp("xlsx") / "rencana-aksi-2022.xlsx")
