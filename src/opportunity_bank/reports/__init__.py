"""HR's yearly report: targets, arithmetic, queries, exports and pages."""
