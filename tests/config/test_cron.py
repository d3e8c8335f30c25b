"""The config's crontab expression fires on the days crontab would, not APScheduler's days.

Each expression is checked against a hand-written predicate in Python's own weekday numbering
(Monday = 0), over every minute of a two-month range: the trigger's fire times must be exactly
the minutes crontab would run the job.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from auditor.config.cron import parse_crontab

TZ = ZoneInfo("Asia/Jakarta")
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)  # datetime.weekday()

# expression -> when crontab runs it (independent of the code under test)
CASES = {
    "0 2 * * *": lambda d: (d.hour, d.minute) == (2, 0),
    "0 2 * * 1-5": lambda d: (d.hour, d.minute) == (2, 0) and d.weekday() <= FRI,
    "0 2 * * 0": lambda d: (d.hour, d.minute) == (2, 0) and d.weekday() == SUN,
    "0 2 * * 7": lambda d: (d.hour, d.minute) == (2, 0) and d.weekday() == SUN,
    "0 2 * * sun": lambda d: (d.hour, d.minute) == (2, 0) and d.weekday() == SUN,
    "0 2 * * 5-7": lambda d: (d.hour, d.minute) == (2, 0) and d.weekday() in (FRI, SAT, SUN),
    "0 0 * * */2": lambda d: (d.hour, d.minute) == (0, 0) and d.weekday() in (SUN, TUE, THU, SAT),
    "30 4 * * mon,wed,fri": lambda d: (d.hour, d.minute) == (4, 30) and d.weekday() in (MON, WED, FRI),
    "15 1 * * 6": lambda d: (d.hour, d.minute) == (1, 15) and d.weekday() == SAT,
    # both day fields restricted: crontab runs when EITHER matches
    "0 2 13 * 5": lambda d: (d.hour, d.minute) == (2, 0) and (d.day == 13 or d.weekday() == FRI),
    "0 6 1,15 * 1": lambda d: (d.hour, d.minute) == (6, 0) and (d.day in (1, 15) or d.weekday() == MON),
    # a day field starting with '*' is not "restricted": the two are ANDed
    "0 2 */2 * 1": lambda d: (d.hour, d.minute) == (2, 0) and d.day % 2 == 1 and d.weekday() == MON,
    "*/20 9-11 * * 1-5": lambda d: d.minute in (0, 20, 40) and 9 <= d.hour <= 11 and d.weekday() <= FRI,
    "0 2 31 * *": lambda d: (d.hour, d.minute) == (2, 0) and d.day == 31,
    "0 12 1 jun,jul *": lambda d: (d.hour, d.minute) == (12, 0) and d.day == 1 and d.month in (6, 7),
    "5/30 2 * * *": lambda d: d.minute in (5, 35) and d.hour == 2,
    "@daily": lambda d: (d.hour, d.minute) == (0, 0),
}


def crontab_minutes(predicate, start: datetime, end: datetime) -> list[datetime]:
    out, moment = [], start
    while moment < end:
        if predicate(moment):
            out.append(moment)
        moment += timedelta(minutes=1)
    return out


def trigger_times(expression: str, start: datetime, end: datetime) -> list[datetime]:
    trigger = parse_crontab(expression, "Asia/Jakarta")
    out: list[datetime] = []
    previous = None
    now = start
    while True:
        fire = trigger.get_next_fire_time(previous, now)
        if fire is None or fire >= end:
            return out
        out.append(fire.astimezone(TZ).replace(tzinfo=TZ))
        previous = now = fire


@pytest.mark.parametrize("expression", list(CASES))
def test_fires_exactly_when_crontab_would(expression: str) -> None:
    start = datetime(2022, 5, 1, tzinfo=TZ)  # a Sunday
    end = datetime(2022, 7, 3, tzinfo=TZ)
    expected = crontab_minutes(CASES[expression], start, end)
    assert expected, "the reference must produce fire times"
    assert trigger_times(expression, start, end) == expected


def test_weekday_one_is_monday_as_in_crontab() -> None:
    fire = parse_crontab("0 2 * * 1", "Asia/Jakarta").get_next_fire_time(
        None, datetime(2022, 5, 1, tzinfo=TZ))
    assert fire.strftime("%A %Y-%m-%d %H:%M") == "Monday 2022-05-02 02:00"


@pytest.mark.parametrize("expression", [
    "0 2 * *", "61 2 * * *", "0 24 * * *", "0 2 0 * *", "0 2 * 13 *", "0 2 * * 8",
    "0 2 * * funday", "0 2 * * 5-1", "*/0 2 * * *", "0 2 1,,2 * *",
])
def test_a_bad_expression_is_a_plain_value_error(expression: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_crontab(expression, "Asia/Jakarta")
    assert "Traceback" not in str(caught.value) and str(caught.value)


def test_config_load_reports_a_bad_schedule_with_its_line(tmp_path) -> None:
    from auditor.config import load_config
    from auditor.errors import ConfigError

    (tmp_path / "bukti").mkdir()
    path = tmp_path / "config.yaml"
    path.write_text("evidence_root: bukti\nschedule: '0 2 * * 9'\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert f"{path}:2" in caught.value.message and "9" in caught.value.message
