"""The observations area: HTTP controller and SQL queries."""
