"""Test-only helpers: page probes, a fake map view, the leak and error guards."""
