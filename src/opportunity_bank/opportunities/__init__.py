"""Openings: their rules, validation, storage, import and HTTP handlers."""
