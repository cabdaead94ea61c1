"""Targets: one folder per generated language, one registry line each."""
