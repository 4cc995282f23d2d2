"""Rules of composition that both documents share: column widths and table sizes."""

from __future__ import annotations

from exporters.compose import Text, column_widths, table_grid
from exporters.fonts import measure_at
from exporters.layout import DEFAULT_LAYOUT
from models.meeting import Column, ColumnKind, Table
from models.tables import compute_table

MEASURE = measure_at(DEFAULT_LAYOUT.font_size_pt, DEFAULT_LAYOUT.font_name)


def test_short_columns_keep_their_width_and_long_ones_wrap() -> None:
    long_text = "ผู้อำนวยการกลุ่มงานส่งเสริมการพัฒนาชุมชน สำนักงานพัฒนาชุมชนจังหวัด " * 3
    columns = [[Text("๑.")], [Text(long_text)], [Text("ไปราชการ")]]
    widths = column_widths(columns, 16.0, MEASURE, 0.1)
    assert sum(widths) == 16.0 or abs(sum(widths) - 16.0) < 1e-9
    assert widths[0] >= MEASURE("๑.", False) + 0.2
    assert widths[2] >= MEASURE("ไปราชการ", False) + 0.2
    assert widths[1] > 10


def figure_table(columns: int) -> Table:
    figures = [Column(f"งบประมาณที่ได้รับการจัดสรรปี {i}", kind=ColumnKind.MONEY) for i in range(columns)]
    rows = [["อำเภอเมืองลำปาง", *["1,015,560" for _ in range(columns)]] for _ in range(3)]
    return Table([Column("อำเภอ"), *figures], rows, total_label="รวม")


def test_a_table_that_fits_keeps_the_body_size_and_every_figure_whole() -> None:
    """Six columns of seven-digit money fit TH Sarabun New at 16 pt (Sarabun's wider letters
    would need 12 pt: the table must be measured with the font the document names)."""
    grid = table_grid(figure_table(6), DEFAULT_LAYOUT, MEASURE)
    assert grid.size_pt is None
    total = compute_table(figure_table(6)).total_text
    assert total is not None
    for index, width in enumerate(grid.widths_cm[1:], start=1):
        assert width >= MEASURE(total[index], True) + 0.2


def test_a_table_too_wide_for_its_figures_is_set_smaller_and_never_cuts_a_number() -> None:
    grid = table_grid(figure_table(8), DEFAULT_LAYOUT, MEASURE)
    assert grid.size_pt is not None and 12 <= grid.size_pt < 16
    assert abs(sum(grid.widths_cm) - DEFAULT_LAYOUT.text_width_cm) < 1e-6
    total = compute_table(figure_table(8)).total_text
    assert total is not None
    scale = grid.size_pt / DEFAULT_LAYOUT.font_size_pt
    for index, width in enumerate(grid.widths_cm[1:], start=1):
        assert width >= MEASURE(total[index], True) * scale + 0.2
