"""Read config.yaml: parse with line numbers, validate against schema.yaml, resolve paths."""

from __future__ import annotations

import copy
import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from auditor.config.model import (
    Config,
    EmailSettings,
    InspectSettings,
    OutputSettings,
    Person,
    SmtpSettings,
    Team,
    WatchSettings,
)
from auditor.errors import ConfigError
from auditor.fsnames import is_within
from auditor.i18n import SAFE_LOADER, t, use_config_language
from auditor.yamlfile import LoadedYaml, load_yaml, located, validate

DEFAULT_NAMES = ("config.yaml", "zi-auditor.yaml")
# The shipped rules (KPU Kabupaten Karanganyar, 2022) live in the package, so a config that
# omits `rules` works wherever zi-auditor is installed; rules/ in the repository links here.
SEED_RULES = Path(__file__).resolve().parents[1] / "rules" / "kpu-karanganyar-2022.yaml"


@cache
def schema() -> dict[str, Any]:
    text = resources.files("auditor.config").joinpath("schema.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=SAFE_LOADER)


def find_config(explicit: str | os.PathLike[str] | None) -> Path:
    """The config to use: ``--config``, else $ZI_CONFIG, else ./config.yaml."""
    if explicit:
        return Path(explicit)
    if os.environ.get("ZI_CONFIG"):
        return Path(os.environ["ZI_CONFIG"])
    for name in DEFAULT_NAMES:
        if Path(name).is_file():
            return Path(name)
    raise ConfigError(t("config.none_found"))


def load_config(path: str | os.PathLike[str]) -> Config:
    """Load and validate ``path``; every problem is a ConfigError naming file, line and key."""
    return load_config_source(path)[0]


def load_config_source(path: str | os.PathLike[str]) -> tuple[Config, LoadedYaml]:
    """As ``load_config``, with the parsed file (its lines) for further located checks."""
    loaded = load_yaml(Path(path))
    data = loaded.data
    if data is None:
        data = loaded.data = {}
    if not isinstance(data, dict):
        raise ConfigError(located(loaded, (), t("config.not_mapping")))
    if data.get("language") in ("id", "en"):
        use_config_language(data["language"])
    validate(loaded, schema())
    return _build(loaded, with_defaults(data, schema())), loaded


def with_defaults(data: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """``data`` with every ``default`` of the schema filled in where the file says nothing:
    schema.yaml is the one home of the defaults (the file itself is left as written). A
    section with ``default: {}`` (inspect, watch…) is made whole when left out; one without
    (smtp) stays absent, since its presence means something."""
    out = dict(data)
    for key, sub in node.get("properties", {}).items():
        if key not in out and "default" in sub:
            out[key] = copy.deepcopy(sub["default"])
        if isinstance(out.get(key), dict) and "properties" in sub:
            out[key] = with_defaults(out[key], sub)
    return out


def _build(loaded: LoadedYaml, data: dict[str, Any]) -> Config:
    base = loaded.path.resolve().parent

    def resolve(value: str) -> Path:
        p = Path(os.path.expanduser(value))
        return p if p.is_absolute() else base / p

    problems: list[str] = []
    tz = data["timezone"]
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(located(loaded, ("timezone",), t("config.bad_timezone", tz=tz)))

    evidence_root = resolve(data["evidence_root"])
    reports_dir = resolve(data["reports_dir"])
    state_dir = resolve(data["state_dir"])
    corrections = resolve(data["corrections"])
    if is_within(corrections, evidence_root):
        problems.append(located(loaded, ("corrections",),
                                t("config.inside_evidence", path=corrections)))
    publish_dir = resolve(data["publish"]["dir"]) if data.get("publish") else None
    checked = [("reports_dir", reports_dir), ("state_dir", state_dir)]
    for key, p in checked + ([("publish", publish_dir)] if publish_dir else []):
        if is_within(p, evidence_root):
            problems.append(located(loaded, (key,), t("config.inside_evidence", path=p)))
        elif is_within(evidence_root, p):  # clearing old reports or state would reach it
            problems.append(located(loaded, (key,), t("config.holds_evidence", path=p,
                                                      root=evidence_root)))

    names: set[str] = set()
    for index, team in enumerate(data.get("teams", [])):
        if team["name"] in names:
            problems.append(located(loaded, ("teams", index, "name"), t("config.duplicate_team", name=team["name"])))
        names.add(team["name"])

    schedule = data["schedule"]
    schedule_problem = _check_schedule(schedule)
    if schedule_problem:
        problems.append(located(loaded, ("schedule",), schedule_problem))

    smtp_data = data.get("smtp")
    if smtp_data and not smtp_data.get("sender") and not smtp_data.get("user"):
        problems.append(located(loaded, ("smtp",), t("config.smtp_sender")))
    if problems:
        raise ConfigError("\n".join(problems))

    smtp = None
    if smtp_data:
        security = smtp_data["security"]
        default_port = {"ssl": 465, "starttls": 587, "none": 25}[security]
        smtp = SmtpSettings(
            host=smtp_data["host"],
            port=smtp_data.get("port", default_port),
            security=security,
            user=smtp_data.get("user"),
            password_env=smtp_data.get("password_env"),
            sender=smtp_data.get("sender") or smtp_data["user"],
            timeout_seconds=float(smtp_data["timeout_seconds"]),
        )
    coordinator = data.get("coordinator")
    rules = tuple(resolve(r) for r in data.get("rules", [])) or (SEED_RULES,)
    return Config(
        path=loaded.path,
        office=data.get("office"),
        folder_map=resolve(data["folder_map"]) if data.get("folder_map") else None,
        evidence_root=evidence_root,
        rules=rules,
        year=data.get("year"),
        timezone=tz,
        language=data["language"],
        reports_dir=reports_dir,
        state_dir=state_dir,
        teams=tuple(Team(t_["name"], t_.get("lead", ""), t_.get("email"), tuple(t_.get("aliases", ())))
                    for t_ in data.get("teams", [])),
        coordinator=Person(coordinator.get("name", ""), coordinator["email"]) if coordinator else None,
        smtp=smtp,
        schedule=schedule,
        watch=WatchSettings(**data["watch"]),
        inspect=InspectSettings(**data["inspect"]),
        email=EmailSettings(**data["email"]),
        corrections=corrections,
        max_file_loss_percent=float(data["guard"]["max_file_loss_percent"]),
        publish_dir=publish_dir,
        output=OutputSettings(links_base=(data.get("links") or {}).get("base"),
                              csv_delimiter=data["csv"]["delimiter"]),
    )


def _check_schedule(expression: str) -> str | None:
    """A plain message when the crontab expression cannot be used, else None."""
    from auditor.config.cron import parse_crontab

    try:
        parse_crontab(expression, "UTC")
    except ValueError as exc:
        return t("config.bad_schedule", expression=expression, reason=exc)
    return None
