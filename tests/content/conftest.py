import pytest

from content.importer.catalog import catalog_entries
from content.importer.classify import ServiceMatcher


@pytest.fixture(scope="session")
def matcher():
    """A matcher over the shipped catalog, without the database."""
    return ServiceMatcher.from_services(catalog_entries())
