"""Bulk exports: whole filtered sets streamed as NDJSON or CSV, in keyset batches."""
