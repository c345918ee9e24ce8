import pytest

from content.importer.catalog import catalog_entries
from content.importer.classify import ServiceInfo, ServiceMatcher


@pytest.fixture(scope="session")
def matcher():
    """A matcher over the shipped catalog, without the database."""
    return ServiceMatcher(
        [
            ServiceInfo(
                slug=entry["slug"],
                name=entry["name"],
                short_name=entry["short_name"],
                names=(entry["name"], *entry["aliases"]),
                keywords=tuple(entry["keywords"]),
            )
            for entry in catalog_entries()
        ]
    )
