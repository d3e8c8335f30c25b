"""Configuration: one schema (schema.yaml), loading with located errors, the sample generator."""

from auditor.config.load import find_config, load_config
from auditor.config.model import Config, Person, SmtpSettings, Team

__all__ = ["Config", "Person", "SmtpSettings", "Team", "find_config", "load_config"]
