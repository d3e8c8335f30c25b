"""Message catalogues (YAML), one per stage; see auditor.i18n."""
