"""Documents made in the test, as staff would upload them: a PDF with a text layer, a scanned PDF (an image
only), an encrypted PDF, a Word file."""

from __future__ import annotations

import io


def pdf_bytes(title: str, paragraphs: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", size=16)
    pdf.multi_cell(0, 10, title)
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for p in paragraphs:
        pdf.multi_cell(0, 6, p)
        pdf.ln(3)
    return bytes(pdf.output())


def scanned_pdf_bytes() -> bytes:
    """A page that is only a picture of text, as a scanner makes it: no text layer."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (800, 400), "white")
    ImageDraw.Draw(image).text((20, 20), "Memorandum signed between two universities", fill="black")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    buffer.seek(0)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(buffer, x=10, y=10, w=180)
    return bytes(pdf.output())


def encrypted_pdf_bytes(plain: bytes, password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(title: str, paragraphs: list[str], author: str = "") -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.author = author
    document.add_heading(title, level=1)
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


MEMO_TITLE = "Aral Sea Foundation and Karaganda Technical University sign a water memorandum"
MEMO = [
    "On March 3, 2026, Karaganda Technical University and the Aral Sea Foundation signed a memorandum of "
    "cooperation on water research in the Aral basin, in the presence of the regional akim.",
    "Under the memorandum the foundation will fund 6 joint laboratories, and the university will train "
    "40 hydrologists a year for the region's water utilities.",
    "Rector Aibek Nurlanov said the first laboratory would open in September 2026 in Kyzylorda.",
]
LIBRARY_TITLE = "Pavlodar library opens a solar reading room"
LIBRARY = [
    "On 12 April 2026 the Pavlodar regional library opened a reading room powered by solar panels on its roof, "
    "paid for by the city akimat and the EcoEnergy company.",
    "The director Saule Abenova said that 400 readers came on the first day and that the room stays open until "
    "midnight during the examination season.",
]
