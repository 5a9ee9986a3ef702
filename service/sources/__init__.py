"""The sources area: HTTP controller and SQL queries."""
