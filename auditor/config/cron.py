"""Crontab expressions with crontab's own meaning, as APScheduler 3.x triggers.

APScheduler's ``CronTrigger`` differs from crontab in two ways that would make a nightly
audit fire on the wrong days:

- it numbers weekdays from Monday = 0, crontab from Sunday = 0 (and 7 is Sunday too);
- it fires only when day-of-month AND day-of-week match, while crontab fires when EITHER
  matches once both are restricted (``0 2 13 * 5``: every 13th and every Friday).

So every field is expanded here into the explicit set of values crontab means, weekdays are
handed to APScheduler by name, and the either-or case becomes an ``OrTrigger`` of two
``CronTrigger``. As in vixie cron and cronie, a day field counts as restricted unless it
starts with ``*`` (so ``*/2`` in one day field still ANDs with the other).
"""

from __future__ import annotations

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.combining import OrTrigger
from apscheduler.triggers.cron import CronTrigger

from auditor.i18n import t

_FIELDS = ("minute", "hour", "day", "month", "day_of_week")
_RANGES = {"minute": (0, 59), "hour": (0, 23), "day": (1, 31), "month": (1, 12),
           "day_of_week": (0, 7)}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
_NAMES = {"month": {n: i + 1 for i, n in enumerate(_MONTHS)},
          "day_of_week": {n: i for i, n in enumerate(_DAYS)}}
_MACROS = {"@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
           "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *",
           "@hourly": "0 * * * *"}
# The most days each month can have (February: leap years), to refuse "30 February".
_LONGEST = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# APScheduler's weekday names, indexed by crontab's number (Sunday = 0).
_APS_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")


def _number(token: str, field: str) -> int:
    names = _NAMES.get(field, {})
    if token.lower() in names:
        return names[token.lower()]
    if not token.isdigit():
        raise ValueError(t("run.cron.bad_value", value=token, field=t(f"run.cron.field.{field}")))
    low, high = _RANGES[field]
    value = int(token)
    if not low <= value <= high:
        raise ValueError(t("run.cron.out_of_range", value=value, field=t(f"run.cron.field.{field}"),
                           low=low, high=high))
    return value


def expand(text: str, field: str) -> set[int]:
    """The values one crontab field stands for (weekdays: 0..6, Sunday = 0)."""
    low, high = _RANGES[field]
    values: set[int] = set()
    for item in text.split(","):
        if not item:
            raise ValueError(t("run.cron.empty_item", field=t(f"run.cron.field.{field}")))
        base, slash, step_text = item.partition("/")
        step = 1
        if slash:
            if not step_text.isdigit() or int(step_text) == 0:
                raise ValueError(t("run.cron.bad_step", value=item,
                                   field=t(f"run.cron.field.{field}")))
            step = int(step_text)
        if base == "*":
            start, end = low, high
            if field == "day_of_week":
                end = 6  # '*' and '*/n' cover Sunday once, as 0
        elif "-" in base:
            first, _, last = base.partition("-")
            start, end = _number(first, field), _number(last, field)
            if start > end:
                raise ValueError(t("run.cron.bad_range", value=item,
                                   field=t(f"run.cron.field.{field}")))
        else:
            start = _number(base, field)
            end = high if slash else start  # "5/10" means 5-max/10, as in cronie
        values.update(range(start, end + 1, step))
    if field == "day_of_week" and 7 in values:
        values.discard(7)
        values.add(0)
    return values


def _as_aps(values: set[int], field: str, text: str) -> str:
    if field == "day_of_week":
        return "*" if text == "*" else ",".join(_APS_DAYS[v] for v in sorted(values))
    return "*" if text == "*" else ",".join(str(v) for v in sorted(values))


def parse_crontab(expression: str, timezone: str) -> BaseTrigger:
    """An APScheduler trigger that fires exactly when crontab would run ``expression``.

    Raises ValueError with a plain reason (in the user's language) for a bad expression.
    """
    text = " ".join(expression.split())
    text = _MACROS.get(text.lower(), text)
    fields = text.split(" ")
    if len(fields) != 5:
        raise ValueError(t("run.cron.five_fields", count=len(fields)))
    expanded = {name: expand(value, name) for name, value in zip(_FIELDS, fields, strict=True)}
    args = {name: _as_aps(expanded[name], name, value)
            for name, value in zip(_FIELDS, fields, strict=True)}
    dom_restricted = not fields[2].startswith("*")
    dow_restricted = not fields[4].startswith("*")
    if not dow_restricted and not any(day <= _LONGEST[month - 1] for month in expanded["month"]
                                      for day in expanded["day"]):
        raise ValueError(t("run.cron.never", day=fields[2], month=fields[3]))
    if dom_restricted and dow_restricted:
        by_date = CronTrigger(**{**args, "day_of_week": "*"}, second=0, timezone=timezone)
        by_weekday = CronTrigger(**{**args, "day": "*"}, second=0, timezone=timezone)
        return OrTrigger([by_date, by_weekday])
    return CronTrigger(**args, second=0, timezone=timezone)
