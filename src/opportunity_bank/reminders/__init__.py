"""Deadline reminders for the owners of openings, and the question how many were filled."""
