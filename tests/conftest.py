"""Fixtures shared by every test package. Package-level conftest files add their own."""
