"""Builders of the held-out corpus: layouts the first corpus does not use.

DOCX: signature blocks in borderless tables (one cell per signer, or one row per line),
floating (anchored) pictures, headers and footers. PDF: text placed at x/y positions,
per-word text objects, tables, several pages, landscape pages. Images: PNG/JPEG with or
without EXIF. Everything is generated here; nothing is read from outside the tests.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass, field
from pathlib import Path

from inspect_fixtures import IMG, signature_png


@dataclass
class Anchored:
    """A paragraph with a floating (anchored, "in front of text") picture in it."""

    text: str
    before: bool = False  # the picture's run comes before the text


@dataclass
class Table:
    """A table; a cell is a string or a list of lines (IMG: a picture in the cell)."""

    rows: list[list[object]]
    borders: bool = False


@dataclass
class Doc:
    body: list[object]
    header: list[object] = field(default_factory=list)
    footer: list[object] = field(default_factory=list)


WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def _to_anchor(run: object) -> None:
    """Turn the run's inline picture into a floating one (wp:anchor, in front of text)."""
    from lxml import etree

    inline = run._r.find(f".//{{{WP}}}inline")  # type: ignore[attr-defined]
    anchor = etree.SubElement(inline.getparent(), f"{{{WP}}}anchor")
    for key, value in dict(distT="0", distB="0", distL="114300", distR="114300", simplePos="0",
                           relativeHeight="251659264", behindDoc="0", locked="0", layoutInCell="1",
                           allowOverlap="1").items():
        anchor.set(key, value)
    simple = etree.SubElement(anchor, f"{{{WP}}}simplePos")
    simple.set("x", "0")
    simple.set("y", "0")
    for axis, rel, off in (("positionH", "column", "3200400"), ("positionV", "paragraph", "180000")):
        pos = etree.SubElement(anchor, f"{{{WP}}}{axis}")
        pos.set("relativeFrom", rel)
        etree.SubElement(pos, f"{{{WP}}}posOffset").text = off
    anchor.append(copy.deepcopy(inline.find(f"{{{WP}}}extent")))
    etree.SubElement(anchor, f"{{{WP}}}effectExtent", l="0", t="0", r="0", b="0")
    etree.SubElement(anchor, f"{{{WP}}}wrapNone")
    for tag in ("docPr", "cNvGraphicFramePr"):
        anchor.append(copy.deepcopy(inline.find(f"{{{WP}}}{tag}")))
    anchor.append(copy.deepcopy(inline.find("{http://schemas.openxmlformats.org/drawingml/2006/main}graphic")))
    inline.getparent().remove(inline)


def _picture(paragraph: object, width_cm: float = 4.0, png: bytes | None = None) -> object:
    from docx.shared import Cm

    run = paragraph.add_run()  # type: ignore[attr-defined]
    run.add_picture(io.BytesIO(png or signature_png()), width=Cm(width_cm))
    return run


def _fill(container: object, items: list[object], first_para: object | None = None) -> None:
    """Paragraphs, pictures, anchored pictures and tables into a body, cell, header or footer."""
    from docx.shared import Cm

    para = first_para

    def new_para(text: str = "") -> object:
        nonlocal para
        if para is not None:
            p, para = para, None
            if text:
                p.add_run(text)  # type: ignore[attr-defined]
            return p
        return container.add_paragraph(text)  # type: ignore[attr-defined]

    for item in items:
        if isinstance(item, Table):
            ncols = max(len(r) for r in item.rows)
            try:
                table = container.add_table(rows=0, cols=ncols)  # type: ignore[attr-defined]
            except TypeError:  # headers and footers want a width
                table = container.add_table(0, ncols, Cm(16))  # type: ignore[attr-defined]
            if item.borders:
                table.style = "Table Grid"
            for row in item.rows:
                cells = table.add_row().cells
                for cell, value in zip(cells, row, strict=False):
                    lines = value if isinstance(value, list) else [value]
                    _fill(cell, lines, first_para=cell.paragraphs[0])
            continue
        if isinstance(item, TextBox):
            add_textbox(container, item)
        elif item == IMG:
            _picture(new_para(""))
        elif isinstance(item, Anchored):
            p = new_para("")
            if item.before:
                _to_anchor(_picture(p))
                p.add_run(item.text.lstrip(">"))  # type: ignore[attr-defined]
            else:
                p.add_run(item.text.lstrip(">"))  # type: ignore[attr-defined]
                _to_anchor(_picture(p))
        else:
            text = str(item)
            p = new_para(text.lstrip(">"))
            if text.startswith(">"):
                p.paragraph_format.left_indent = Cm(9)  # type: ignore[attr-defined]


def make_doc(path: Path, doc: Doc) -> Path:
    import docx

    document = docx.Document()
    section = document.sections[0]
    if doc.header:
        _fill(section.header, doc.header, first_para=section.header.paragraphs[0])
    if doc.footer:
        _fill(section.footer, doc.footer, first_para=section.footer.paragraphs[0])
    _fill(document, doc.body)
    document.save(str(path))
    return path


# --- PDF --------------------------------------------------------------------------------

@dataclass
class Text:
    x: float
    y: float
    text: str
    size: float = 11
    per_word: bool = False


@dataclass
class Picture:
    x: float
    y: float
    w: float = 120
    h: float = 45
    kind: str = "signature"  # signature | qr | logo


def _qr_png() -> bytes:
    from PIL import Image

    img = Image.new("1", (29, 29), 1)
    for yy in range(29):
        for xx in range(29):
            corner = (xx < 8 and yy < 8) or (xx > 20 and yy < 8) or (xx < 8 and yy > 20)
            if corner:
                edge = xx % 21 in (0, 6) or yy % 21 in (0, 6) or (2 <= xx % 21 <= 4 and 2 <= yy % 21 <= 4)
                img.putpixel((xx, yy), 0 if edge else 1)
            elif (xx * 7 + yy * 13 + xx * yy) % 3 == 0:
                img.putpixel((xx, yy), 0)
    img = img.resize((174, 174), Image.NEAREST)
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "PNG")
    return buf.getvalue()


def _logo_png() -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (120, 120), "white")
    ImageDraw.Draw(img).ellipse([5, 5, 115, 115], fill=(200, 30, 30), outline="gold", width=6)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def make_positioned_pdf(path: Path, pages: list[list[object]], *, landscape: bool = False) -> Path:
    """Each page a list of Text / Picture at absolute positions (points from bottom-left)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pagesizes import landscape as land
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    size = land(A4) if landscape else A4
    c = canvas.Canvas(str(path), pagesize=size, pageCompression=0)
    art = {"signature": signature_png(), "qr": _qr_png(), "logo": _logo_png()}
    for page in pages:
        for obj in page:
            if isinstance(obj, Picture):
                c.drawImage(ImageReader(io.BytesIO(art[obj.kind])), obj.x, obj.y, width=obj.w, height=obj.h)
                continue
            assert isinstance(obj, Text)
            c.setFont("Helvetica", obj.size)
            if obj.per_word:
                x = obj.x
                for word in obj.text.split(" "):
                    c.drawString(x, obj.y, word)
                    x += c.stringWidth(word + " ", "Helvetica", obj.size)
            else:
                c.drawString(obj.x, obj.y, obj.text)
        c.showPage()
    c.save()
    return path


def flow(lines: list[str], *, x: float = 60, top: float = 780, step: float = 15,
         per_word: bool = False) -> tuple[list[object], float]:
    """Lines from the top down at x ('>' moves a line to the right column); returns the last y."""
    out: list[object] = []
    y = top
    for line in lines:
        if line:
            xx = 330 if line.startswith(">") else x
            out.append(Text(xx, y, line.lstrip(">"), per_word=per_word))
        y -= step
    return out, y


def make_platypus_pdf(path: Path, story_spec: list[object]) -> Path:
    """A PDF laid out by reportlab platypus: strings are paragraphs, lists of rows are tables
    (IMG in a cell draws the signature picture)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as RLTable

    styles = getSampleStyleSheet()
    story: list[object] = []
    for item in story_spec:
        if isinstance(item, str):
            story.append(Paragraph(item, styles["Normal"]) if item else Spacer(1, 10))
        else:
            rows = []
            for row in item:  # type: ignore[union-attr]
                cells = []
                for cell in row:
                    if cell == IMG:
                        cells.append(Image(io.BytesIO(signature_png()), width=4 * cm, height=1.5 * cm))
                    elif isinstance(cell, list):
                        cells.append([Paragraph(c, styles["Normal"]) for c in cell])
                    else:
                        cells.append(Paragraph(str(cell), styles["Normal"]))
                rows.append(cells)
            story.append(RLTable(rows))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


# --- images and spreadsheets ------------------------------------------------------------

def make_screen_png(path: Path, *, seed: int = 1, size: tuple[int, int] = (360, 640)) -> Path:
    """A phone screenshot: coloured app bars and cards, no EXIF."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", size, (30 + seed * 20 % 200, 120, 200))
    draw = ImageDraw.Draw(img)
    for k in range(5):
        y = 80 + k * 100
        draw.rounded_rectangle([16, y, size[0] - 16, y + 80], radius=10, fill=(250, 230 - k * 20, 180))
        draw.text((30, y + 20), f"Layanan {k + seed}", fill=(20, 20, 20))
    img.save(str(path))
    return path


def make_photo(path: Path, *, exif_original: str | None = None, exif_datetime: str | None = None,
               seed: int = 1) -> Path:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (400, 300), (90, 140, 60))
    draw = ImageDraw.Draw(img)
    for k in range(8):
        x = (seed * 41 + k * 47) % 360
        draw.rectangle([x, 40 + k * 25, x + 40, 90 + k * 25], fill=(180, (seed * 70) % 255, 40))
    exif = Image.Exif()
    if exif_datetime:
        exif[306] = exif_datetime
    if exif_original:
        exif.get_ifd(0x8769)[36867] = exif_original
    fmt = "PNG" if path.suffix.lower() == ".png" else "JPEG"
    img.save(str(path), fmt, **({"exif": exif} if fmt == "JPEG" else {}))
    return path


def make_book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    first = True
    for name, rows in sheets.items():
        sheet = book.active if first else book.create_sheet()
        sheet.title = name
        first = False
        for row in rows:
            sheet.append(row)
    book.save(str(path))
    return path


@dataclass
class TextBox:
    """A floating text box (Word writes it twice: a DrawingML shape and a VML fallback)."""

    lines: list[object]  # strings; IMG puts a picture in the box


def _textbox_xml(box: TextBox, rel_id: str | None) -> str:
    from xml.sax.saxutils import escape

    def paras() -> str:
        out = []
        for line in box.lines:
            if line == IMG and rel_id:
                out.append(
                    '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="1440000" cy="540000"/>'
                    '<wp:docPr id="91" name="ttd"/><a:graphic><a:graphicData '
                    'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
                    '<pic:nvPicPr><pic:cNvPr id="91" name="ttd.png"/><pic:cNvPicPr/></pic:nvPicPr>'
                    f'<pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
                    '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1440000" cy="540000"/></a:xfrm>'
                    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
                    '</a:graphic></wp:inline></w:drawing></w:r></w:p>')
            else:
                out.append(f'<w:p><w:r><w:t xml:space="preserve">{escape(str(line))}</w:t></w:r></w:p>')
        return "".join(out)

    return (
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" '
        'distL="114300" distR="114300" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" '
        'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>3000000</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2700000" cy="1800000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        '<wp:docPr id="90" name="Text Box 1"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2700000" cy="1800000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{paras()}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
        '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
        '<v:shape id="Text Box 1" type="#_x0000_t202" style="position:absolute;width:212.6pt;height:141.75pt">'
        f'<v:textbox><w:txbxContent>{paras()}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
        '</mc:AlternateContent>')


def add_textbox(document: object, box: TextBox) -> None:
    """A paragraph holding ``box`` as a floating text box, at the end of the body."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    rel_id = None
    if IMG in box.lines:
        part = document.part  # type: ignore[attr-defined]
        rel_id, _ = part.get_or_add_image(io.BytesIO(signature_png()))
        assert part.rels[rel_id].reltype == RT.IMAGE
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          f'xmlns:wp="{WP}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')
    run = parse_xml(f"<w:r {ns}>{_textbox_xml(box, rel_id)}</w:r>")
    paragraph = document.add_paragraph()  # type: ignore[attr-defined]
    paragraph._p.append(run)


def make_web_png(path: Path, lines: list[str], size: tuple[int, int] = (1000, 700)) -> Path:
    """A screenshot of a white web page with dark text (looks like paper: it gets OCR'd)."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=26)
    y = 40
    for line in lines:
        draw.text((40, y), line, fill=(20, 20, 20), font=font)
        y += 48
    img.save(str(path))
    return path
