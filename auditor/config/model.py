"""The validated configuration, as dataclasses handed to every later stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Person:
    name: str
    email: str


@dataclass(frozen=True)
class Team:
    name: str
    lead: str
    email: str | None
    aliases: tuple[str, ...] = ()  # other spellings of the team's name in the plan

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the rules may give this team: its name and its aliases."""
        return (self.name, *self.aliases)


# Every setting's default lives in schema.yaml only: the loader fills them in from there,
# so these classes say what a setting is, not what it is when left out.
@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str  # starttls | ssl | none
    user: str | None
    password_env: str | None
    sender: str
    timeout_seconds: float


@dataclass(frozen=True)
class WatchSettings:
    enabled: bool
    polling: bool
    debounce_seconds: float


@dataclass(frozen=True)
class InspectSettings:
    workers: int
    timeout_seconds: float
    max_file_mb: float
    ocr: bool


@dataclass(frozen=True)
class EmailSettings:
    send_when_complete: bool
    attach_csv: bool
    max_attempts: int


@dataclass(frozen=True)
class OutputSettings:
    """How reports show files to their readers (``links:``, ``csv:`` in the config)."""

    links_base: str | None = None  # the evidence root as readers reach it; None: no links
    csv_delimiter: str = ","


@dataclass(frozen=True)
class Config:
    path: Path | None  # the file it came from
    evidence_root: Path
    rules: tuple[Path, ...]
    year: int | None
    timezone: str
    language: str
    reports_dir: Path
    state_dir: Path
    schedule: str
    watch: WatchSettings
    inspect: InspectSettings
    email: EmailSettings
    max_file_loss_percent: float
    corrections: Path  # what people said (auditor/review/)
    teams: tuple[Team, ...] = ()
    coordinator: Person | None = None
    smtp: SmtpSettings | None = None
    office: str | None = None  # the office's name for reports and mail; else the rules'
    folder_map: Path | None = None  # the office's reviewed folder map (map propose)
    publish_dir: Path | None = None  # the province's drop folder (publish: {dir}), see rollup
    output: OutputSettings = field(default_factory=OutputSettings)

    def team(self, name: str) -> Team | None:
        """The config team the rules' team ``name`` belongs to (by name or alias)."""
        for team in self.teams:
            if name in team.names:
                return team
        return None
