"""The regions area: HTTP controller and SQL queries."""
