"""The charter's layout: the one page-URL rule the core uses, and version order."""

from __future__ import annotations

import pytest

from coalition_site.model.layout import (CHARTER_FILES, CHARTER_TITLES, REQUIRED_FILES, page_url,
                                         version_key)


@pytest.mark.parametrize("src_uri, url", [
    ("index.md", ""), ("README.md", ""), ("faq.md", "faq/"), ("faq/index.md", "faq/"),
    ("partners/usw-1219.md", "partners/usw-1219/"), ("a/b/README.md", "a/b/"),
    ("coalition.yml", "coalition/"), ("a/b.c.md", "a/b.c/"),
])
def test_page_url(src_uri, url):
    assert page_url(src_uri) == url


@pytest.mark.parametrize("src_uri, url", [
    ("index.md", ""), ("faq/README.md", "faq/"), ("faq.md", "faq.html"),
    ("partners/usw-1219.md", "partners/usw-1219.html"),
])
def test_page_url_without_directory_urls(src_uri, url):
    assert page_url(src_uri, use_directory_urls=False) == url


def test_every_charter_page_has_a_title_and_is_required():
    assert set(CHARTER_TITLES) == set(CHARTER_FILES)
    assert REQUIRED_FILES == ("coalition.yml", *CHARTER_FILES)


def test_versions_compare_as_numbers():
    assert sorted(["1.10.0", "1.2.0", "1.9.3"], key=version_key) == ["1.2.0", "1.9.3", "1.10.0"]
