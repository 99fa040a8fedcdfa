"""Chronomap: a desktop map-and-timeline explorer for museum exhibits."""

__version__ = "0.1.0"
