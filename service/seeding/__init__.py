"""Loads the curated seed facts into the database, verifying every citation."""
