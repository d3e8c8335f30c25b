"""Delivery channels: one module each, with the same names (see ``auditor.deliver.channel``)."""
