"""Answers to repeated GETs kept in memory, dropped the moment the data behind them changes."""
