"""Opportunity Bank: theses, internships and summer jobs of Espoo's Urban Technology Centre."""

__version__ = "0.1.0"
