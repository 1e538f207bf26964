"""Liaison: the desk of an international police cooperation office and its NCB."""

__version__ = "0.1.0"
