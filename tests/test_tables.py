"""Totals and formula columns as a clerk's table needs them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.meeting import Column, ColumnKind, Table
from models.tables import FormulaError, column_index, column_letter, compute_table, parse_formula


def budget_table() -> Table:
    return Table(
        columns=[
            Column("ที่"),
            Column("โครงการ"),
            Column("ได้รับ", kind=ColumnKind.MONEY),
            Column("เบิกจ่าย", kind=ColumnKind.MONEY),
            Column("ร้อยละ", kind=ColumnKind.PERCENT, formula="=D/C*100"),
            Column("คงเหลือ", kind=ColumnKind.MONEY, formula="=C-D"),
        ],
        rows=[
            ["๑", "อบรมผู้นำ", "๑๐๐,๐๐๐.๐๐", "๘๐,๐๐๐.๐๐", "", ""],
            ["๒", "OTOP", "50,000", "-", "", ""],
            ["๓", "จปฐ.", "๓๘,๔๐๐", "๓๘,๔๐๐", "", ""],
        ],
        total_label="รวม",
    )


def test_totals_skip_dashes_and_formulas_apply_to_the_total_row() -> None:
    computed = compute_table(budget_table())
    assert computed.total == [
        None,
        None,
        Decimal("188400"),
        Decimal("118400"),
        Decimal("118400") / Decimal("188400") * 100,
        Decimal("70000"),
    ]
    assert computed.total_text == ["รวม", "", "๑๘๘,๔๐๐.๐๐", "๑๑๘,๔๐๐.๐๐", "๖๒.๘๕", "๗๐,๐๐๐.๐๐"]
    assert computed.problems == []


def test_formula_per_row_with_a_missing_operand_prints_a_dash() -> None:
    computed = compute_table(budget_table())
    assert computed.rows[0][4:] == ["๘๐.๐๐", "๒๐,๐๐๐.๐๐"]
    assert computed.rows[1][4:] == ["-", "-"]
    assert computed.rows[1][3] == "-"


def test_a_cell_that_is_not_a_number_is_skipped_and_reported() -> None:
    table = budget_table()
    table.rows[2][2] = "สามหมื่น"
    computed = compute_table(table)
    assert computed.total is not None
    assert computed.total[2] == Decimal("150000")
    assert len(computed.problems) == 1
    problem = computed.problems[0]
    assert (problem.row, problem.column) == (2, 2)
    assert "สามหมื่น" in problem.message


def test_no_total_row_unless_asked() -> None:
    table = budget_table()
    table.total_label = None
    computed = compute_table(table)
    assert computed.total is None
    assert computed.total_text is None


def test_percent_columns_typed_by_hand_are_not_summed() -> None:
    table = Table(
        [Column("อำเภอ"), Column("ร้อยละ", kind=ColumnKind.PERCENT)],
        [["ก", "50"], ["ข", "70"]],
        total_label="รวม",
    )
    computed = compute_table(table)
    assert computed.total == [None, None]


def test_division_by_zero_gives_no_value() -> None:
    table = Table(
        [
            Column("a", kind=ColumnKind.NUMBER),
            Column("b", kind=ColumnKind.NUMBER),
            Column("c", formula="=B/A"),
        ],
        [["0", "5", ""]],
    )
    assert compute_table(table).rows[0][2] == "-"


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        ("=C/B*100", Decimal(50)),
        ("=B-C", Decimal(2)),
        ("=(B+C)*2", Decimal(12)),
        ("=-B+๑๐", Decimal(6)),
        ("B*C-A", Decimal(7)),
    ],
)
def test_formula_arithmetic(formula: str, expected: Decimal) -> None:
    values = {0: Decimal(1), 1: Decimal(4), 2: Decimal(2)}
    assert parse_formula(formula).evaluate(values) == expected


@pytest.mark.parametrize("formula", ["=B+", "=B+*2", "=(B+C", "=B)", "=__import__('os')", "=B;C", ""])
def test_bad_formulas_are_refused_with_a_thai_message(formula: str) -> None:
    with pytest.raises(FormulaError) as raised:
        parse_formula(formula)
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in str(raised.value))


def test_a_formula_on_a_missing_column_is_reported() -> None:
    table = Table([Column("a", kind=ColumnKind.NUMBER), Column("b", formula="=Z*2")], [["1", ""]])
    computed = compute_table(table)
    assert computed.problems[0].column == 1
    assert "Z" in computed.problems[0].message


def test_column_letters_round_trip() -> None:
    for index in (0, 1, 25, 26, 27, 701, 702):
        assert column_index(column_letter(index)) == index
    assert column_letter(26) == "AA"
