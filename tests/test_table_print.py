"""What a reader of the printed minutes sees in a data table: figures as the clerk typed them,
percentages never added up, sub-headings across the table, and a total label that covers no
figure. Checked on the composition (`table_grid`), which both the DOCX and the PDF render."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from exporters.compose import Align, Grid, GridCell, table_grid
from exporters.fonts import measure_at
from exporters.layout import DEFAULT_LAYOUT
from models.meeting import Column, ColumnKind, Table
from models.tables import compute_table

MEASURE = measure_at(DEFAULT_LAYOUT.font_size_pt)


def grid_of(table: Table, thai_digits: bool = True) -> Grid:
    return table_grid(table, replace(DEFAULT_LAYOUT, thai_digits=thai_digits), MEASURE)


def body(grid: Grid) -> list[tuple[GridCell | None, ...]]:
    return list(grid.rows[grid.header_rows :])


def texts(row: tuple[GridCell | None, ...]) -> list[str | None]:
    return [None if cell is None else cell.text for cell in row]


# --- 1. figures print as typed ---------------------------------------------------------------


def change_table() -> Table:
    return Table(
        [Column("อำเภอ"), Column("เปลี่ยนแปลง (ราย)", kind=ColumnKind.NUMBER)],
        [
            ["เมือง", "+45"],
            ["จุน", "-3"],
            ["ปง", "−3"],
            ["เชียงคำ", "12.50"],
            ["แม่ใจ", "7"],
            ["ภูซาง", "12500"],
            ["ดอกคำใต้", "(3)"],
        ],
        total_label="รวม",
    )


def test_signs_and_decimals_print_as_typed_with_thai_digits() -> None:
    column = [row[1] for row in compute_table(change_table()).rows]
    assert column == ["+๔๕", "-๓", "−๓", "๑๒.๕๐", "๗", "๑๒,๕๐๐", "(๓)"]
    printed = [texts(row)[1] for row in body(grid_of(change_table()))[:-1]]
    assert printed == column


def test_signs_and_decimals_print_as_typed_with_arabic_digits() -> None:
    table = change_table()
    table.rows[3][1] = "๑๒.๕๐"  # Thai digits typed, Arabic digits printed
    printed = [texts(row)[1] for row in body(grid_of(table, thai_digits=False))[:-1]]
    assert printed == ["+45", "-3", "−3", "12.50", "7", "12,500", "(3)"]


def test_the_total_of_signed_figures_keeps_the_columns_decimals() -> None:
    total = texts(body(grid_of(change_table()))[-1])
    # 45 - 3 - 3 + 12.50 + 7 + 12,500 - 3 = 12,555.50, with the two decimals typed in the column
    assert total == ["รวม", "๑๒,๕๕๕.๕๐"]


def test_a_typed_percent_sign_stays() -> None:
    table = Table(
        [Column("อำเภอ"), Column("ผลงาน", kind=ColumnKind.NUMBER)], [["เมือง", "98.5%"], ["จุน", "100 %"]]
    )
    assert [row[1] for row in compute_table(table).rows] == ["๙๘.๕%", "๑๐๐%"]


# --- 2. percentages are never added up -----------------------------------------------------

PERCENTAGES = ["98.50", "95.20", "97.10", "96.00", "95.37", "97.00"]  # they would add up to 579.17


def test_a_number_column_titled_percent_has_no_total() -> None:
    table = Table(
        [Column("อำเภอ"), Column("ครัวเรือน", kind=ColumnKind.NUMBER), Column("ร้อยละ", kind=ColumnKind.NUMBER)],
        [[f"อำเภอ {i}", "1,000", p] for i, p in enumerate(PERCENTAGES)],
        total_label="รวม",
    )
    computed = compute_table(table)
    assert computed.total == [None, Decimal(6000), None]
    total_row = body(grid_of(table))[-1]
    assert "๕๗๙.๑๗" not in [cell.text for cell in total_row if cell is not None]
    assert [cell.text for cell in total_row if cell is not None][-1] == ""


def test_a_column_titled_with_a_percent_sign_has_no_total() -> None:
    table = Table(
        [
            Column("อำเภอ"),
            Column("บันทึกแล้ว (%)", kind=ColumnKind.NUMBER),
            Column("ครัวเรือน", kind=ColumnKind.NUMBER),
        ],
        [[f"อำเภอ {i}", p, "10"] for i, p in enumerate(PERCENTAGES)],
        total_label="รวม",
    )
    assert compute_table(table).total == [None, None, Decimal(60)]


def test_a_column_whose_figures_end_with_percent_has_no_total() -> None:
    table = Table(
        [Column("อำเภอ"), Column("ผลงาน", kind=ColumnKind.NUMBER), Column("งบประมาณ", kind=ColumnKind.MONEY)],
        [[f"อำเภอ {i}", p + "%", "1,000.00"] for i, p in enumerate(PERCENTAGES)],
        total_label="รวม",
    )
    computed = compute_table(table)
    assert computed.total == [None, None, Decimal(6000)]
    assert computed.total_text == ["รวม", "", "๖,๐๐๐.๐๐"]


def test_a_percentage_formula_is_computed_from_the_totals_not_summed() -> None:
    table = Table(
        [
            Column("อำเภอ"),
            Column("เป้าหมาย", kind=ColumnKind.NUMBER),
            Column("บันทึกแล้ว", kind=ColumnKind.NUMBER),
            Column("ร้อยละ", kind=ColumnKind.NUMBER, formula="=C/B*100"),
        ],
        [["เมือง", "200", "150", ""], ["จุน", "100", "100", ""]],
        total_label="รวม",
    )
    total = texts(body(grid_of(table))[-1])
    assert total == ["รวม", "๓๐๐", "๒๕๐", "๘๓.๓๓"]  # 250/300, not 75.00 + 100.00


# --- 3. sub-headings ------------------------------------------------------------------------


def regions_table() -> Table:
    return Table(
        [
            Column("ที่"),
            Column("จังหวัด"),
            Column("เป้าหมาย", kind=ColumnKind.NUMBER),
            Column("บันทึกแล้ว", kind=ColumnKind.NUMBER),
            Column("ร้อยละ", kind=ColumnKind.PERCENT, formula="=D/C*100"),
        ],
        [
            ["", "ภาคเหนือ", "", "", ""],
            ["๑", "ลำปาง", "200", "150", ""],
            ["๒", "พะเยา", "100", "100", ""],
            ["", "ภาคใต้", "", "", ""],
            ["๓", "สงขลา", "100", "50", ""],
        ],
        total_label="รวม",
    )


def test_a_row_with_only_a_name_prints_as_a_bold_sub_heading_across_the_table() -> None:
    rows = body(grid_of(regions_table()))
    for index, name in ((0, "ภาคเหนือ"), (3, "ภาคใต้")):
        heading = rows[index]
        assert heading[0] == GridCell(name, Align.LEFT, bold=True, colspan=5)
        assert heading[1:] == (None,) * 4
    assert texts(rows[1]) == ["๑", "ลำปาง", "๒๐๐", "๑๕๐", "๗๕.๐๐"]


def test_sub_headings_count_in_no_total() -> None:
    assert texts(body(grid_of(regions_table()))[-1]) == ["รวม", None, "๔๐๐", "๓๐๐", "๗๕.๐๐"]
    computed = compute_table(regions_table())
    assert computed.rows[0] == ["", "ภาคเหนือ", "", "", ""]  # no "-" for the formula
    assert computed.subheadings == frozenset({0, 3})


def test_a_sub_heading_in_the_number_column_leaves_running_numbers_centred() -> None:
    table = regions_table()
    table.rows[0] = ["ภาคเหนือ", "", "", "", ""]
    rows = body(grid_of(table))
    assert rows[0][0] == GridCell("ภาคเหนือ", Align.LEFT, bold=True, colspan=5)
    assert rows[1][0] == GridCell("๑", Align.CENTER)


def test_rows_that_are_data_stay_data_rows() -> None:
    table = regions_table()
    table.columns.append(Column("หมายเหตุ"))
    for row in table.rows:
        row.append("")
    table.rows.append(["๔", "ตรัง", "", "", "", ""])  # a running number: figures still to come
    table.rows.append(["", "กระบี่", "-", "-", "", ""])  # dashes: no data, said so
    table.rows.append(["", "ชุมพร", "", "", "", "ยังไม่รายงาน"])  # a remark
    rows = body(grid_of(table))
    assert rows[0][0] is not None and rows[0][0].colspan == 6
    for data_row in rows[5:8]:
        assert all(cell is not None and cell.colspan == 1 for cell in data_row)
    assert compute_table(table).subheadings == frozenset({0, 3})


def test_a_table_of_words_has_no_sub_headings() -> None:
    table = Table([Column("วันที่"), Column("กิจกรรม")], [["๗ พฤศจิกายน ๒๕๖๗", "ประชุม"], ["๘ พฤศจิกายน ๒๕๖๗", ""]])
    assert body(grid_of(table))[1] == (GridCell("๘ พฤศจิกายน ๒๕๖๗", Align.LEFT), GridCell("", Align.LEFT))
    assert compute_table(table).subheadings == frozenset()


# --- 4. the total label covers no figure -----------------------------------------------------


def label_and_figures(grid: Grid) -> tuple[GridCell, list[str]]:
    """The total row's label and what each column under it shows ('' where the label covers)."""
    total = body(grid)[-1]
    label = total[0]
    assert label is not None
    return label, [cell.text if cell is not None else "" for cell in total]


def test_the_label_spans_the_leading_columns_with_no_total() -> None:
    table = Table(
        [
            Column("อำเภอ"),
            Column("ร้อยละ", kind=ColumnKind.NUMBER),
            Column("ครัวเรือน", kind=ColumnKind.NUMBER),
        ],
        [["เมือง", "75.5", "1,200"], ["จุน", "80", "800"]],
        total_label="รวมทั้งสิ้น",
    )
    label, cells = label_and_figures(grid_of(table))
    assert (label.text, label.colspan, label.align) == ("รวมทั้งสิ้น", 2, Align.CENTER)
    assert cells == ["รวมทั้งสิ้น", "", "๒,๐๐๐"]
    assert compute_table(table).label_span == 2


def test_a_first_column_with_a_total_is_never_under_the_label() -> None:
    table = Table(
        [Column("ครัวเรือน", kind=ColumnKind.NUMBER), Column("อำเภอ"), Column("หมู่บ้าน", kind=ColumnKind.NUMBER)],
        [["1,200", "เมือง", "12"], ["800", "จุน", "8"]],
        total_label="รวม",
    )
    total = body(grid_of(table))[-1]
    assert total[0] == GridCell("๒,๐๐๐", Align.RIGHT, bold=True)  # a figure, where figures stand
    assert all(cell is not None and cell.colspan == 1 for cell in total)
    assert texts(total) == ["๒,๐๐๐", "", "๒๐"]


def test_a_text_column_between_figures_is_not_under_the_label() -> None:
    table = Table(
        [
            Column("อำเภอ"),
            Column("ครัวเรือน", kind=ColumnKind.NUMBER),
            Column("หมายเหตุ"),
            Column("งบประมาณ", kind=ColumnKind.MONEY),
        ],
        [["เมือง", "1,200", "", "10.00"], ["จุน", "800", "", "5.00"]],
        total_label="รวม",
    )
    label, cells = label_and_figures(grid_of(table))
    assert label.colspan == 1
    assert cells == ["รวม", "๒,๐๐๐", "", "๑๕.๐๐"]


def test_every_total_figure_stands_in_its_own_column() -> None:
    """Whatever the columns, each figure of the total row is in a cell of span 1 in its column."""
    for table in (regions_table(), change_table()):
        computed = compute_table(table)
        assert computed.total_text is not None
        total = body(grid_of(table))[-1]
        for index, value in enumerate(computed.total or []):
            if value is not None:
                cell = total[index]
                assert cell is not None and cell.colspan == 1
                assert cell.text == computed.total_text[index]


def test_a_web_address_in_a_text_cell_keeps_its_digits() -> None:
    table = Table([Column("ที่"), Column("แหล่งข้อมูล")], [["1", "https://cdd2.go.th/section0 หน้า 12"]])
    (row,) = compute_table(table).rows
    assert row == ["๑", "https://cdd2.go.th/section0 หน้า ๑๒"]
