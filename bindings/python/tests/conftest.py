"""Shared pytest fixtures: paths to the repository, its examples and the shared data set."""

import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared" / "data"


@pytest.fixture
def repo() -> pathlib.Path:
    return REPO


@pytest.fixture
def example_portfolio() -> pathlib.Path:
    return REPO / "examples" / "portfolio.json"


@pytest.fixture
def shared_data() -> pathlib.Path:
    if not SHARED.exists():
        pytest.skip(f"shared data not found at {SHARED} (place shared/ beside the checkout)")
    return SHARED
