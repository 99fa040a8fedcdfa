"""Fixtures shared by the authoring tests."""

from __future__ import annotations

import pytest

from chronomap.authoring.gazetteer_index import GazetteerIndex, build_index


@pytest.fixture(scope="session")
def index() -> GazetteerIndex:
    """The project's gazetteer index (with GeoNames when installed), built once per worker: the finder only reads it."""
    return build_index()
