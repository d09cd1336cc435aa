"""Scheduled work inside `serve`: digests, reminders, clean-up, retention; each run exactly once."""
