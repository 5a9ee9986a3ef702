"""The organizations area: HTTP controller and SQL queries."""
