"""Growth Atlas service: the HTTP API over the curated facts."""
