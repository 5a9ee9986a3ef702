"""Writes: serialised transactions, citations checked against their sources, preconditions,
idempotent retries and the revisions behind the change feed."""
