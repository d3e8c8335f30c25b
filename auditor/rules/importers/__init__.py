"""rules/importers stage."""
