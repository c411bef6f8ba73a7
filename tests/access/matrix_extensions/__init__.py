"""Rows of the authorisation matrix added by each part of the system (see matrix_base)."""
