"""Table arithmetic: totals of figure columns and computed columns from spreadsheet-style
formulas over column letters (`=C/B*100`, `=B-C`).

Formulas are parsed by a small recursive-descent parser into a tree of operations; user text is
never handed to `eval`. Cells are kept as typed; what cannot be read as a number is skipped and
reported, so the clerk can fix it, rather than silently counted as zero.

A typed figure prints as typed (its sign, brackets, decimals and `%`); only its digits follow the
document's script and its thousands are separated. Percentage columns are never added up. A row
with text in the first text columns only and no figure is a sub-heading (`ภาคเหนือ`), not data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Context, Decimal, DecimalException, localcontext
from typing import Any

from models import thai
from models.meeting import ColumnKind, Table
from models.text import shorten

PERCENT_DECIMALS = 2
_PERCENT_WORDS = ("ร้อยละ", "%")
_SIGNS = ("+", "-", "−")


class FormulaError(ValueError):
    """A formula that cannot be read; the message is in Thai for the clerk."""


def column_letter(index: int) -> str:
    """A, B, ... Z, AA, AB ... for 0, 1, ... as in a spreadsheet."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def column_index(letters: str) -> int:
    """The 0-based index of a column letter (`A` → 0, `AA` → 26)."""
    index = 0
    for char in letters.upper():
        index = index * 26 + ord(char) - ord("A") + 1
    return index - 1


# --- formulas -------------------------------------------------------------------------------

Values = Mapping[int, Decimal | None]

# A formula nests brackets and signs at most this deep, and names columns of at most this many
# letters (a spreadsheet's last column is XFD); its constants have at most as many digits as a
# figure. Deeper or longer is refused with a Thai message, long before Python's recursion limit
# or arithmetic on huge integers could take the program down.
MAX_FORMULA_DEPTH = 50
MAX_COLUMN_LETTERS = 3
DIVISION_DIGITS = 28


@dataclass(frozen=True)
class Formula:
    """A parsed formula: `evaluate` maps column values to a result, None when an operand is
    missing or a division by zero occurs."""

    source: str
    evaluate: Callable[[Values], Decimal | None]
    columns: frozenset[int]


_TOKEN_RE = re.compile(r"\s*(?:(?P<num>[0-9๐-๙]+(?:\.[0-9๐-๙]+)?)|(?P<col>[A-Za-z]+)|(?P<op>[-+*/()]))")


def _tokenize(text: str) -> list[str]:
    tokens: list[str] = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN_RE.match(text, position)
        if not match:
            raise FormulaError(f"สูตรมีอักขระที่ไม่รู้จัก: “{text[position : position + 20].strip()[:10]}”")
        tokens.append(match.group(match.lastgroup or "op"))
        position = match.end()
    return tokens


# The parsed formula is a program for a stack machine, in postfix order: ("num", value),
# ("col", index), ("neg", None) or (operator, None). Evaluating it is a loop, so a long formula
# never recurses.
_Step = tuple[str, Any]


class _Parser:
    """expression := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*;
    factor := '-' factor | number | column | '(' expression ')'"""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.position = 0
        self.columns: set[int] = set()
        self.program: list[_Step] = []
        self.depth = 0

    def peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise FormulaError("สูตรจบไม่สมบูรณ์")
        self.position += 1
        return token

    def expression(self) -> None:
        self.term()
        while self.peek() in ("+", "-"):
            operator = self.take()
            self.term()
            self.program.append((operator, None))

    def term(self) -> None:
        self.factor()
        while self.peek() in ("*", "/"):
            operator = self.take()
            self.factor()
            self.program.append((operator, None))

    def factor(self) -> None:
        token = self.take()
        if token in ("-", "("):
            self.depth += 1
            if self.depth > MAX_FORMULA_DEPTH:
                raise FormulaError(f"สูตรซ้อนวงเล็บหรือเครื่องหมายลบลึกเกิน {MAX_FORMULA_DEPTH} ชั้น")
            if token == "-":
                self.factor()
                self.program.append(("neg", None))
            else:
                self.expression()
                if self.take() != ")":
                    raise FormulaError("วงเล็บในสูตรไม่ครบคู่")
            self.depth -= 1
            return
        if token[0].isalpha():
            if len(token) > MAX_COLUMN_LETTERS:
                raise FormulaError(f"สูตรอ้างถึงคอลัมน์ “{shorten(token, 10)}” ที่ไม่มีในตาราง")
            index = column_index(token)
            self.columns.add(index)
            self.program.append(("col", index))
            return
        if token[0] in "0123456789๐๑๒๓๔๕๖๗๘๙":
            if thai.figure_too_long(token):
                raise FormulaError(f"ตัวเลขในสูตรยาวเกิน {thai.MAX_FIGURE_DIGITS} หลัก")
            self.program.append(("num", Decimal(thai.to_arabic_digits(token))))
            return
        raise FormulaError(f"สูตรมีเครื่องหมาย “{token}” ผิดที่")


def _run(program: list[_Step], values: Values) -> Decimal | None:
    """The value of a parsed formula; None when an operand is missing, a division by zero, or a
    result too large for any number."""
    stack: list[Decimal | None] = []
    with localcontext(thai.figure_context()):
        for operation, argument in program:
            if operation == "num":
                stack.append(argument)
            elif operation == "col":
                stack.append(values.get(argument))
            elif operation == "neg":
                value = stack.pop()
                stack.append(None if value is None else -value)
            else:
                right, left = stack.pop(), stack.pop()
                stack.append(None if left is None or right is None else _apply(operation, left, right))
    return stack[-1]


def _apply(operator: str, a: Decimal, b: Decimal) -> Decimal | None:
    try:
        if operator == "+":
            return a + b
        if operator == "-":
            return a - b
        if operator == "*":
            return a * b
        # a quotient to 28 significant digits as Python's default, more when its integer part
        # needs them: a long figure divided keeps every digit before the decimal point
        digits = max(DIVISION_DIGITS, a.adjusted() - b.adjusted() + DIVISION_DIGITS - 6)
        with localcontext(Context(prec=digits, rounding=ROUND_HALF_EVEN)):
            return a / b
    except DecimalException:  # division by zero, 0/0, a result past the largest exponent
        return None


def parse_formula(source: str) -> Formula:
    """Read `=C/B*100`; the leading `=` is optional. Raises FormulaError with a Thai message."""
    text = source.strip().removeprefix("=")
    if not text.strip():
        raise FormulaError("สูตรว่าง")
    parser = _Parser(_tokenize(text))
    parser.expression()
    if parser.peek() is not None:
        raise FormulaError(f"สูตรมีส่วนเกิน: “{shorten(parser.peek() or '', 10)}”")
    program = parser.program
    return Formula(source, lambda values: _run(program, values), frozenset(parser.columns))


# --- computing a table ----------------------------------------------------------------------


@dataclass(frozen=True)
class CellProblem:
    row: int | None  # None: the total row or the column as a whole
    column: int
    message: str  # Thai, for the clerk


@dataclass
class ComputedTable:
    """A table ready to print: formula cells filled in, figures formatted, the total row."""

    rows: list[list[str]]
    values: list[list[Decimal | None]]
    total: list[Decimal | None] | None
    total_text: list[str] | None
    problems: list[CellProblem] = field(default_factory=list)
    subheadings: frozenset[int] = frozenset()  # rows printed as one bold cell across the table
    label_span: int = 1  # leading columns the total row's label covers (0: no room for it)


def compute_table(table: Table, thai_digits: bool = True) -> ComputedTable:
    """Evaluate formulas per row and on the total row; total the figure columns (exactly: see
    `thai.figure_context`)."""
    with localcontext(thai.figure_context()):
        return _compute_table(table, thai_digits)


def _compute_table(table: Table, thai_digits: bool) -> ComputedTable:
    problems: list[CellProblem] = []
    formulas = _parse_formulas(table, problems)
    subheadings = subheading_rows(table)
    values: list[list[Decimal | None]] = []
    for row_index in range(len(table.rows)):
        if row_index in subheadings:
            values.append([None] * len(table.columns))
            continue
        row_values = _row_values(table, row_index, formulas, problems)
        _apply_formulas(formulas, row_values)
        values.append(row_values)
    decimals = _column_decimals(table, formulas)
    rows = [
        _row_text(table, row_index, row_values, formulas, decimals, thai_digits, row_index in subheadings)
        for row_index, row_values in enumerate(values)
    ]
    total: list[Decimal | None] | None = None
    total_text: list[str] | None = None
    span = 1
    if table.has_total:
        total = _total_values(table, values, formulas)
        span = _label_span(total)
        total_text = _total_row_text(table, total, decimals, thai_digits, span)
    return ComputedTable(rows, values, total, total_text, problems, subheadings, span)


def is_percent_column(table: Table, index: int) -> bool:
    """A column of percentages, which are never added up: its kind says so, its title reads
    `ร้อยละ` or `%`, or a figure typed in it ends with `%`."""
    column = table.columns[index]
    if column.kind is ColumnKind.PERCENT or any(word in column.title for word in _PERCENT_WORDS):
        return True
    return any(index < len(row) and row[index].strip().endswith("%") for row in table.rows)


def _is_figure_column(table: Table, index: int) -> bool:
    column = table.columns[index]
    return column.kind.is_numeric or bool(column.formula.strip())


def _heading_columns(table: Table) -> range:
    """The first text columns, where a sub-heading's words stand: the first text column and the
    text columns right after it."""
    columns = range(len(table.columns))
    start = next((i for i in columns if not _is_figure_column(table, i)), len(table.columns))
    end = next((i for i in columns if i > start and _is_figure_column(table, i)), len(table.columns))
    return range(start, end)


def subheading_rows(table: Table) -> frozenset[int]:
    """Rows that head a group of rows inside a table (`ภาคเหนือ`): words in the first text
    columns only, no figure anywhere (a running number `๑` makes a data row), in a table that has
    figure columns. They print across the whole table and count in no total."""
    if not any(_is_figure_column(table, i) for i in range(len(table.columns))):
        return frozenset()
    words = _heading_columns(table)
    found: set[int] = set()
    for row_index, row in enumerate(table.rows):
        filled = [i for i, cell in enumerate(row[: len(table.columns)]) if cell.strip()]
        if (
            filled
            and all(i in words for i in filled)
            and all(thai.parse_figure(row[i]) is None for i in filled)
        ):
            found.add(row_index)
    return frozenset(found)


def _parse_formulas(table: Table, problems: list[CellProblem]) -> dict[int, Formula]:
    formulas: dict[int, Formula] = {}
    for index, column in enumerate(table.columns):
        if not column.formula.strip():
            continue
        try:
            formula = parse_formula(column.formula)
        except FormulaError as error:
            problems.append(CellProblem(None, index, f"สูตร “{shorten(column.formula)}” ใช้ไม่ได้: {error}"))
            continue
        outside = [i for i in formula.columns if i >= len(table.columns)]
        if outside:
            letters = ", ".join(column_letter(i) for i in sorted(outside))
            problems.append(CellProblem(None, index, f"สูตรอ้างถึงคอลัมน์ {letters} ที่ไม่มีในตาราง"))
            continue
        if index in formula.columns:
            problems.append(CellProblem(None, index, "สูตรอ้างถึงคอลัมน์ของตัวเอง"))
            continue
        formulas[index] = formula
    return formulas


def _row_values(
    table: Table, row_index: int, formulas: Mapping[int, Formula], problems: list[CellProblem]
) -> list[Decimal | None]:
    row = table.rows[row_index]
    values: list[Decimal | None] = []
    for index, column in enumerate(table.columns):
        cell = row[index] if index < len(row) else ""
        value: Decimal | None = None
        if index not in formulas and (column.kind.is_numeric or _referenced(index, formulas)):
            value = thai.parse_figure(cell)
            if value is None and not thai.is_blank_figure(cell) and column.kind.is_numeric:
                problems.append(CellProblem(row_index, index, _not_a_number(cell)))
        values.append(value)
    return values


def _not_a_number(cell: str) -> str:
    if thai.figure_too_long(cell):
        limit = thai.to_thai_digits(str(thai.MAX_FIGURE_DIGITS))
        return f"“{shorten(cell, 20)}” ยาวเกิน {limit} หลัก จึงไม่นำมาคำนวณ (พิมพ์ไว้ตามเดิม)"
    return f"“{shorten(cell)}” ไม่ใช่ตัวเลข จึงไม่นำมารวม"


def _referenced(index: int, formulas: Mapping[int, Formula]) -> bool:
    return any(index in formula.columns for formula in formulas.values())


def _apply_formulas(formulas: Mapping[int, Formula], values: list[Decimal | None]) -> None:
    """Formula columns may use each other: evaluate in column order, left to right."""
    for index in sorted(formulas):
        values[index] = formulas[index].evaluate(dict(enumerate(values)))


def _column_decimals(table: Table, formulas: Mapping[int, Formula]) -> list[int]:
    """A figure column prints with as many decimals as the clerk typed at most; a computed
    percentage with two."""
    decimals: list[int] = []
    for index, column in enumerate(table.columns):
        if index in formulas:
            typed = [decimals[i] for i in formulas[index].columns if i < index]
            places = PERCENT_DECIMALS if column.kind is ColumnKind.PERCENT else max(typed, default=0)
            if _divides(formulas[index]) and column.kind is not ColumnKind.PERCENT:
                places = max(places, PERCENT_DECIMALS)
            decimals.append(places)
        else:
            cells = [row[index] for row in table.rows if index < len(row)]
            decimals.append(
                max((_typed_decimals(c) for c in cells if thai.parse_figure(c) is not None), default=0)
            )
    return decimals


def _divides(formula: Formula) -> bool:
    return "/" in formula.source


def _row_text(
    table: Table,
    row_index: int,
    values: list[Decimal | None],
    formulas: Mapping[int, Formula],
    decimals: list[int],
    thai_digits: bool,
    subheading: bool = False,
) -> list[str]:
    row = table.rows[row_index]
    cells: list[str] = []
    for index, column in enumerate(table.columns):
        typed = row[index] if index < len(row) else ""
        value = values[index]
        if index in formulas:
            if subheading:
                cells.append("")
            else:
                cells.append(
                    "-" if value is None else thai.format_figure(value, decimals[index], thai_digits)
                )
        elif column.kind.is_numeric and value is not None:
            cells.append(_as_typed(typed, value, thai_digits))
        else:
            cells.append(thai.document_digits(typed) if thai_digits else typed)  # URLs keep their digits
    return cells


def _typed_figure_parts(typed: str) -> tuple[str, str, bool, bool]:
    """A typed figure taken apart: its sign as typed, the digits with the decimal point, whether it
    stood in brackets (`(3)`, a negative figure), whether it ended with `%`."""
    cleaned = thai.to_arabic_digits(typed).strip().replace(" ", "")
    percent = cleaned.endswith("%")
    cleaned = cleaned.removesuffix("%")
    bracketed = cleaned.startswith("(") and cleaned.endswith(")")
    if bracketed:
        cleaned = cleaned[1:-1]
    sign = cleaned[0] if cleaned[:1] in _SIGNS else ""
    return sign, cleaned.removeprefix(sign), bracketed, percent


def _typed_decimals(typed: str) -> int:
    """How many decimals a typed figure shows (`12.50` → 2, `(3.5)` → 1, `7` → 0)."""
    _, number, _, _ = _typed_figure_parts(typed)
    return len(number.split(".", 1)[1]) if "." in number else 0


def _as_typed(typed: str, value: Decimal, thai_digits: bool) -> str:
    """A typed figure as printed: sign, brackets, decimals and `%` as the clerk typed them; digits
    in the document's script and thousands separated (`+45` → `+๔๕`, `12.50` → `๑๒.๕๐`)."""
    sign, number, bracketed, percent = _typed_figure_parts(typed)
    decimals = len(number.split(".", 1)[1]) if "." in number else 0
    text = sign + thai.format_figure(abs(value), decimals, thai_digits)
    if bracketed:
        text = f"({text})"
    return text + ("%" if percent else "")


def _total_values(
    table: Table, values: list[list[Decimal | None]], formulas: Mapping[int, Formula]
) -> list[Decimal | None]:
    total: list[Decimal | None] = []
    for index, column in enumerate(table.columns):
        summed = column.kind in (ColumnKind.NUMBER, ColumnKind.MONEY) and not is_percent_column(table, index)
        if summed and index not in formulas:
            figures = [value for row in values if (value := row[index]) is not None]
            total.append(sum(figures, Decimal(0)) if figures else None)
        else:
            total.append(None)
    _apply_formulas(formulas, total)
    return total


def _total_row_text(
    table: Table, total: list[Decimal | None], decimals: list[int], thai_digits: bool, span: int
) -> list[str]:
    """The label stands in the first cell when that column has no total; figures where a column
    has a total."""
    cells = [
        "" if value is None else thai.format_figure(value, decimals[index], thai_digits)
        for index, value in enumerate(total)
    ]
    if span:
        cells[0] = table.total_label or ""
    return cells


def _label_span(total: list[Decimal | None]) -> int:
    span = 0
    while span < len(total) and total[span] is None:
        span += 1
    return span
