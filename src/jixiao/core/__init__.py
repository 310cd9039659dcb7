"""Pure domain model: no Django, no file formats, no engines."""
