"""Search across regions, organizations and indicators."""
