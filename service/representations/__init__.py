"""Representations of the read API: media types, CSV, negotiation, and their documentation."""
