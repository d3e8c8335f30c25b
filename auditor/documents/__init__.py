"""What the tool knows about documents as files: their formats (``formats``)."""
