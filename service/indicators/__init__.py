"""The indicators area: HTTP controller and SQL queries."""
