"""Candidates: the extractor's proposals on stored sources, and their review by curators."""
