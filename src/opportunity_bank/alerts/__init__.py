"""Saved searches for students: subscribing with double opt-in, digests, unsubscribing."""
