"""The shape of rollup.duckdb: its tables and views, the one place they are defined.

docs/rollup.md describes them for Apache Superset / Metabase; the province page and workbook
read the views, so a chart there and the same query in Superset give the same numbers.

A verdict counts as complete when its status is ``ok`` or ``late`` (as the audit counts it);
every other status of a due rule is a gap (``auditor.audit.model.GAP_STATUSES``).
"""

from __future__ import annotations

from auditor.audit.model import GAP_STATUSES

DB_VERSION = 1
_GAPS = ", ".join(f"'{s}'" for s in GAP_STATUSES)

TABLES = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
-- Every file seen in a drop folder: what it was (size, mtime) when last read, and whether
-- it was loaded or skipped (with the reason). An unchanged file is not read again.
CREATE TABLE IF NOT EXISTS files (
    path VARCHAR PRIMARY KEY, size BIGINT NOT NULL, mtime_ns BIGINT NOT NULL,
    office VARCHAR NOT NULL, loaded BOOLEAN NOT NULL, reason VARCHAR);
-- One row per loaded report (one office, one month).
CREATE TABLE IF NOT EXISTS reports (
    path VARCHAR PRIMARY KEY, office VARCHAR NOT NULL, office_name VARCHAR,
    year INTEGER NOT NULL, month INTEGER NOT NULL, as_of DATE NOT NULL,
    generated_at VARCHAR NOT NULL, generated_utc TIMESTAMP NOT NULL,
    due INTEGER NOT NULL, ok INTEGER NOT NULL, gaps INTEGER NOT NULL,
    schema_version INTEGER NOT NULL);
-- One row per due rule-month of a report (its verdicts).
CREATE TABLE IF NOT EXISTS verdicts (
    path VARCHAR NOT NULL, office VARCHAR NOT NULL, year INTEGER NOT NULL,
    report_month INTEGER NOT NULL, rule_id VARCHAR NOT NULL, area VARCHAR,
    due_month INTEGER NOT NULL, team VARCHAR, status VARCHAR NOT NULL, evidence VARCHAR,
    folder VARCHAR);
"""

VIEWS = f"""
-- Each office's newest report (by year, month, then generation time).
CREATE OR REPLACE VIEW latest_reports AS
SELECT * EXCLUDE (rn) FROM (
    SELECT *, row_number() OVER (PARTITION BY office
        ORDER BY year DESC, month DESC, generated_utc DESC) AS rn FROM reports) WHERE rn = 1;
-- The verdicts of each office's newest report, with is_gap.
CREATE OR REPLACE VIEW latest_verdicts AS
SELECT v.*, v.status IN ({_GAPS}) AS is_gap
FROM verdicts v JOIN latest_reports r USING (path);
-- Offices x areas: the share of due evidence complete in the newest report.
CREATE OR REPLACE VIEW office_area AS
SELECT office, area, count(*) AS due, count(*) FILTER (WHERE NOT is_gap) AS complete,
       round(count(*) FILTER (WHERE NOT is_gap) / count(*), 4) AS share_complete
FROM latest_verdicts GROUP BY office, area;
-- Offices ranked by the open gaps of their newest report.
CREATE OR REPLACE VIEW office_gaps AS
SELECT office, office_name, year, month, due, ok, gaps,
       rank() OVER (ORDER BY gaps DESC) AS rank
FROM latest_reports;
-- Each office's trend: one row per month reported (a second report for an office and
-- month is skipped when loading, so there is one).
CREATE OR REPLACE VIEW office_trend AS
SELECT office, year, month, due, ok, gaps FROM reports;
-- The bukti fisik offices struggle with: per rule, how many offices have it as a gap in
-- their newest report.
CREATE OR REPLACE VIEW rules_missing AS
SELECT rule_id, any_value(evidence) AS evidence, count(DISTINCT office) AS offices,
       count(*) AS gaps
FROM latest_verdicts WHERE is_gap GROUP BY rule_id;
-- When each office last reported (to find those that stopped running zi-auditor).
CREATE OR REPLACE VIEW office_last_report AS
SELECT office, office_name, year, month, generated_utc AS last_generated_utc
FROM latest_reports;
"""


def prepare(con) -> None:  # noqa: ANN001 - a duckdb connection, imported lazily
    """Create the tables and (re)define the views; a file of another shape is refused."""
    con.execute("SET enable_progress_bar = false")
    con.execute(TABLES)
    row = con.execute("SELECT value FROM meta WHERE key = 'db_version'").fetchone()
    if row is None:
        con.execute("INSERT INTO meta VALUES ('db_version', ?)", [str(DB_VERSION)])
    elif int(row[0]) != DB_VERSION:
        raise ValueError(row[0])
    con.execute(VIEWS)
