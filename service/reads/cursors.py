"""Cursors and keyset pages: a page is the rows strictly after the last key of the page before."""
from datetime import date

from ..errors import BadCursor


def after(columns, key, descending: bool):
    """Return the condition for rows strictly after key in (columns) order."""
    condition = None
    for i, column in enumerate(columns):
        step = column < key[i] if descending else column > key[i]
        for earlier, value in zip(columns[:i], key[:i]):
            step &= earlier == value
        condition = step if condition is None else condition | step
    return condition


def _date(value) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise BadCursor("cursor does not fit this list") from None


def _id(value) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadCursor("cursor does not fit this list")
    return value


def id_cursor(cursor) -> int:
    """Return the id of an [id] cursor, checked: a forged key must be a 400, not a database error."""
    if len(cursor) != 1:
        raise BadCursor("cursor does not fit this list")
    return _id(cursor[0])


def dated_cursor(cursor):
    """Return a [tag, date, id...] cursor with its date and ids checked, or None for no cursor."""
    if not cursor:
        return None
    return [cursor[0], _date(cursor[1] if len(cursor) > 1 else None), *(_id(v) for v in cursor[2:])]


def keyset_page(query, columns, descending, cursor, limit, tag, key_of):
    """Return (rows, next key) for one page of query ordered by columns, after cursor."""
    if cursor:
        if cursor[0] != tag or len(cursor) != len(columns) + 1:
            raise BadCursor("cursor was issued for another list or sort order")
        query = query.where(after(columns, cursor[1:], descending))
    order = [c.desc() if descending else c.asc() for c in columns]
    rows = list(query.order_by(*order).limit(limit + 1))
    if len(rows) <= limit:
        return rows, None
    return rows[:limit], [tag, *key_of(rows[limit - 1])]


def as_date(value) -> date:
    """Return a stored date as a date: SQLite hands back ISO text, PostgreSQL dates."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def page_rows(keys: list, limit: int, tag: str):
    """Return (event ids, next key) for up to limit + 1 (date_start, id) keys in page order."""
    next_key = None
    if len(keys) > limit:
        day, event_id = keys[limit - 1]
        next_key = [tag, as_date(day).isoformat(), event_id]
    return [event_id for _, event_id in keys[:limit]], next_key
