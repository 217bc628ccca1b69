"""Types a lead's answer into the .xlsx Atelier CLS made for them, as a lead in Excel would keep
it: statuses in their own words, accented comments, an amount typed « 1 250,50 € » (text, as a
French Excel keeps it when typed with the euro sign), a result as a number, and one column moved
(« Ce qui a été fait » to the end of « Actions »). Used by tests/browser/collection.test.mjs
through the virtualenv the setup script makes (.tools/venv, openpyxl from PyPI).

usage: type-answer.py <in.xlsx> <out.xlsx>
Prints, as JSON, the references of the rows it typed into, by sheet.
"""

import json
import sys

import openpyxl

COMMENT = "Séances tenues à l’école Jean-Macé ; élèves sensibilisés, « très bon accueil »"
REASON = "Financement reporté à l’été"


def header_columns(sheet):
    """The header row's cells by their text, 1-based columns."""
    return {cell.value: cell.column for cell in sheet[1] if cell.value}


def data_rows(sheet):
    """The rows under the header that carry a reference."""
    columns = header_columns(sheet)
    reference = columns["Référence"]
    return [r for r in range(2, sheet.max_row + 1) if sheet.cell(r, reference).value]


def move_column_to_end(sheet, header):
    """Moves a whole column (header included) after the last one, as a lead dragging it would."""
    column = header_columns(sheet)[header]
    last = sheet.max_column + 1
    for row in range(1, sheet.max_row + 1):
        sheet.cell(row, last).value = sheet.cell(row, column).value
    sheet.delete_cols(column)


def main(source, target):
    book = openpyxl.load_workbook(source)
    typed = {}

    actions = book["Actions"]
    cols = header_columns(actions)
    rows = data_rows(actions)
    words = ["realise", "Partiellement réalisée"]
    typed["Actions"] = []
    for row, status in zip(rows, words):
        actions.cell(row, cols["Statut"]).value = status
        typed["Actions"].append(actions.cell(row, cols["Référence"]).value)
    actions.cell(rows[0], cols["Ce qui a été fait"]).value = COMMENT
    if len(rows) > 1:
        actions.cell(rows[1], cols["Pourquoi ?"]).value = REASON
    move_column_to_end(actions, "Ce qui a été fait")

    indicators = book["Indicateurs"]
    cols = header_columns(indicators)
    rows = data_rows(indicators)
    if rows:
        indicators.cell(rows[0], cols["Résultat"]).value = 42
        typed["Indicateurs"] = [indicators.cell(rows[0], cols["Référence"]).value]

    spending = book["Dépenses"]
    cols = header_columns(spending)
    rows = data_rows(spending)
    if rows:
        spending.cell(rows[0], cols["Dépensé (€)"]).value = "1 250,50 €"
        typed["Dépenses"] = [spending.cell(rows[0], cols["Référence"]).value]

    book.save(target)
    print(json.dumps(typed, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
