"""benchmarks/bench_print.py: what it reads from a PDF, on a PDF whose text sizes are known."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from helpers import benchmark

bench_print = benchmark("bench_print")

A4 = (595.28, 841.89)
HELVETICA = DictionaryObject(
    {
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
    }
)


def pdf(path: Path, *pages: tuple[tuple[float, float], bytes]) -> Path:
    """A PDF of pages of the given sizes, each drawing its content stream with /F1."""
    writer = PdfWriter()
    for (width, height), content in pages:
        page = writer.add_blank_page(width=width, height=height)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): HELVETICA})}
        )
        stream = DecodedStreamObject()
        stream.set_data(content)
        page.replace_contents(stream)
    writer.write(path)
    return path


class TestMeasure:
    def test_pages_papers_and_smallest_text(self, tmp_path: Path) -> None:
        """12 pt as set; 10 pt under a half scale is 5 pt; 1 pt in a text matrix of 7 is
        7 pt; 4 pt turned a quarter and doubled is 8 pt."""
        made = pdf(
            tmp_path / "known.pdf",
            (
                A4,
                b"BT /F1 12 Tf 72 700 Td (Big) Tj ET\n"
                b"q 0.5 0 0 0.5 0 0 cm BT /F1 10 Tf 1 0 0 1 100 100 Tm (Half) Tj ET Q\n",
            ),
            (
                (A4[1], A4[0]),
                b"BT /F1 1 Tf 7 0 0 7 50 50 Tm (Seven) Tj ET\n"
                b"BT /F1 4 Tf 0 2 -2 0 200 200 Tm (Turned) Tj ET\n",
            ),
        )
        m = bench_print.measure(made)
        assert m.pages == 2
        assert m.smallest == pytest.approx(5.0)
        assert m.papers == {"A4 portrait": 1, "A4 landscape": 1}
        assert m.bytes_per_page == made.stat().st_size / 2

    def test_sizes_of_each_piece(self, tmp_path: Path) -> None:
        from pypdf import PdfReader

        made = pdf(
            tmp_path / "turned.pdf",
            (
                (200, 100),
                b"BT /F1 1 Tf 7 0 0 7 50 50 Tm (Seven) Tj ET\n"
                b"BT /F1 4 Tf 0 2 -2 0 20 20 Tm (Turned) Tj ET\n",
            ),
        )
        sizes = bench_print.text_sizes(PdfReader(made).pages[0])
        assert sorted(sizes) == pytest.approx([7.0, 8.0])
        assert bench_print.paper_name(200, 100) == "200 x 100 pt"

    def test_sizes_to_the_precision_pdf_numbers_have(self, tmp_path: Path) -> None:
        """Chromium writes its matrices as 32-bit floats: text it sets at 6 pt (8 px at
        0.75) comes out 5.99999975 pt, which is 6 pt; a size a ten-thousandth under is not."""
        made = pdf(
            tmp_path / "chromium.pdf",
            (
                A4,
                b"q .23999999 0 0 -.23999999 0 800 cm 3.125 0 0 3.125 0 0 cm\n"
                b"BT /F1 8 Tf 1 0 0 -1 45 30 Tm (Six) Tj ET Q\n",
            ),
            (A4, b"BT /F1 5.9999 Tf 72 700 Td (Under) Tj ET\n"),
        )
        from pypdf import PdfReader

        first, second = (bench_print.text_sizes(p) for p in PdfReader(made).pages)
        assert first == [6.0]
        assert second == [5.9999]

    def test_a_page_without_text(self, tmp_path: Path) -> None:
        m = bench_print.measure(pdf(tmp_path / "blank.pdf", (A4, b"0 0 10 10 re f\n")))
        assert (m.pages, m.smallest) == (1, None)

    def test_the_table(self) -> None:
        table = bench_print.table([["chart", "3", "A4 portrait ×3", "6.0", "40,000", ""]])
        assert table.splitlines()[2] == "| chart | 3 | A4 portrait ×3 | 6.0 | 40,000 |  |"
