"""Student search: index settings and documents, queries, the outbox indexer, Meilisearch."""
