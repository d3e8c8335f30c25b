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


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str  # starttls | ssl | none
    user: str | None
    password_env: str | None
    sender: str
    timeout_seconds: float = 30.0


@dataclass(frozen=True)
class WatchSettings:
    enabled: bool = False
    polling: bool = False
    debounce_seconds: float = 5.0


@dataclass(frozen=True)
class InspectSettings:
    workers: int = 2
    timeout_seconds: float = 20.0
    max_file_mb: float = 50.0
    ocr: bool = True


@dataclass(frozen=True)
class EmailSettings:
    send_when_complete: bool = True
    attach_csv: bool = True
    max_attempts: int = 4


@dataclass(frozen=True)
class OutputSettings:
    """How reports show files to their readers (``links:``, ``csv:`` in the config)."""

    links_base: str | None = None  # the evidence root as readers reach it; None: no links
    csv_delimiter: str = ","


@dataclass(frozen=True)
class Config:
    path: Path | None  # the file it came from; None for built-in defaults
    evidence_root: Path
    rules: tuple[Path, ...]
    year: int | None
    timezone: str = "Asia/Jakarta"
    language: str = "id"
    reports_dir: Path = Path("reports")
    state_dir: Path = Path("state")
    teams: tuple[Team, ...] = ()
    coordinator: Person | None = None
    smtp: SmtpSettings | None = None
    schedule: str = "0 2 * * *"
    watch: WatchSettings = field(default_factory=WatchSettings)
    inspect: InspectSettings = field(default_factory=InspectSettings)
    email: EmailSettings = field(default_factory=EmailSettings)
    max_file_loss_percent: float = 50.0
    office: str | None = None  # the office's name for reports and mail; else the rules'
    folder_map: Path | None = None  # the office's reviewed folder map (map propose)
    output: OutputSettings = field(default_factory=OutputSettings)

    def team(self, name: str) -> Team | None:
        """The config team the rules' team ``name`` belongs to (by name or alias)."""
        for team in self.teams:
            if name in team.names:
                return team
        return None
