"""Reaching students outside the bank: sitemaps and robots.txt for search engines, calendar files."""
