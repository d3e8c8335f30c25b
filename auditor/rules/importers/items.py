"""Pass 2 over the plan's table: item numbers, continuation rows, lettered cells, no-√ rows.

Item numbers: a number that continues the sequence starts the next item. A stray "1" right
after a page break (the remnant of the column-number row) is not an item number. When an
area jumps from item n to n+2, item n+1 lost its number at a page break: it starts at the
last page break before the jump. A lost KOMPONEN takes the component's standard name.
"""

from __future__ import annotations

from auditor.rules.importers.table import (
    STANDARD_AREAS,
    STANDARD_COMPONENTS,
    Area,
    Entry,
    Notice,
    split_letters,
    standard_area,
)


def _numbers(area: Area) -> list[int | None]:
    """The item number each row starts, or None for a row continuing the item above."""
    if area.in_column:  # numbered through the whole plan: items count from 1 in each area
        count = 0
        numbered: list[int | None] = []
        for row in area.rows:
            count += row.no.isdigit()
            numbered.append(count if row.no.isdigit() else None)
        return numbered
    starts: list[int | None] = []
    current = 0
    for row in area.rows:
        number = int(row.no) if row.no.isdigit() else None
        if number is not None and number <= current:
            if number != current or row.after_break:  # not a merged cell repeating its number
                row.notices.append(Notice(row.line, "stray_item_number", (("value", row.no),)))
            number = None
        starts.append(number)
        current = number or current
    last_index, last = -1, 0
    for index, number in enumerate(starts):
        if number is None:
            continue
        missing = list(range(last + 1, number))
        breaks = [i for i in range(last_index + 1, index) if area.rows[i].after_break]
        for lost, row_index in zip(missing, breaks[-len(missing):] if missing else [], strict=False):
            starts[row_index] = lost
            row_notices = area.rows[row_index].notices
            row_notices[:] = [n for n in row_notices if n.key != "stray_item_number"]
            area.rows[row_index].notices.append(Notice(area.rows[row_index].line,
                "lost_item_number", (("item", str(lost)), ("next", str(number)))))
        last_index, last = index, number
    return starts


def entries(areas: list[Area], plan_first_month: int) -> tuple[list[Entry], list[Notice]]:
    """The plan's entries, and a notice for each item that has no bukti fisik at all."""
    out: list[Entry] = []
    empty: list[Notice] = []
    for area in areas:
        area_name = STANDARD_AREAS.get(area.roman, area.name)
        if standard_area(area.name) != area.roman:
            if area.rows:  # the notice goes to the first rules of the area
                area.rows[0].notices.append(Notice(area.line, "area_name", (
                    ("found", area.name), ("used", area_name))))
        found = _area_entries(area, area_name, _numbers(area))
        out.extend(found)
        with_evidence = {e.item for e in found}
        for row, start in zip(area.rows, _numbers(area), strict=True):
            if start is not None and start not in with_evidence:
                empty.append(Notice(row.line, "item_no_evidence", (
                    ("item", f"{area.roman}.{start}"), ("name", row.komponen or "?"))))
    _fill_missing_months(out, plan_first_month)
    return out, empty


def _area_entries(area: Area, area_name: str, starts: list[int | None]) -> list[Entry]:
    out: list[Entry] = []
    item, item_name, indicator, action, item_team = 0, "", "", "", ""
    for row, start in zip(area.rows, starts, strict=True):
        if start is not None:
            item, item_team = start, row.team
            item_name = row.komponen
            if not item_name:
                standard = STANDARD_COMPONENTS.get(area.roman, ())
                item_name = standard[item - 1] if 0 < item <= len(standard) else f"Komponen {item}"
                row.notices.append(Notice(row.line, "lost_item_name", (
                    ("item", str(item)), ("name", item_name))))
            indicator = action = ""
        elif item == 0:
            item, item_name = 1, row.komponen or "?"
        item_team = item_team or row.team  # the item's first team, for its rows without one
        if row.indikator:
            indicator, action = row.indikator, row.aksi or action
        elif row.aksi and row.after_break and len(row.aksi.split()) <= 2 and action:
            row.notices.append(Notice(row.line, "split_cell", (("text", row.aksi),)))
            action = f"{action} {row.aksi}"
            for earlier in reversed(out):  # the cell above was cut by the page break
                if earlier.area != area.roman or earlier.item != item:
                    break
                if earlier.action == action[: -len(row.aksi) - 1]:
                    earlier.action = action
        elif row.aksi:
            action = row.aksi
        if not row.bukti:
            continue
        letters = split_letters(row.bukti)
        month_rows = [row.months, *row.below]
        if len(letters) > 1 and len(row.below) == len(letters) - 1:
            row.notices.append(Notice(row.line, "letters_below", (("count", str(len(letters))),)))
        elif len(letters) > 1:
            row.notices.append(Notice(row.line, "letters_share", (("count", str(len(letters))),)))
            month_rows = [row.months] * len(letters)
        elif row.below:
            row.notices.append(Notice(row.line, "months_below"))
            month_rows = [sorted({m for ms in month_rows for m in ms})]
        for index, evidence in enumerate(letters):
            out.append(Entry(
                line=row.line, area=area.roman, area_name=area_name, item=item,
                item_name=item_name, indicator=indicator, action=action,
                evidence=evidence.strip(" ,;"), months=sorted(set(month_rows[index])),
                notices=list(row.notices), team=row.team or item_team,
            ))
    return out


def _fill_missing_months(out: list[Entry], plan_first_month: int) -> None:
    """A row without √: due in the first month of its item's other evidence (or of the plan)."""
    for entry in out:
        if entry.months:
            continue
        siblings = [m for e in out if (e.area, e.item) == (entry.area, entry.item) for m in e.months]
        month = min(siblings) if siblings else plan_first_month
        entry.months = [month]
        key = "no_tick_item" if siblings else "no_tick_plan"
        entry.notices.append(Notice(entry.line, key, (("month", str(month)),)))
