"""Rules: the audit rules derived from the Rencana Aksi (model, schema, load, derive, importers)."""
