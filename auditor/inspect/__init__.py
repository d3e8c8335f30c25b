"""Inspect: one file -> FileFacts (date, signature, scanned, error), one reader per format."""
