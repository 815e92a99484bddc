"""Shared pytest fixtures: paths to the repository, its examples and the shared data set."""

import os
import pathlib
import signal

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


@pytest.fixture
def sigint_handler():
    """Python's SIGINT handler for the test's duration: `_thread.interrupt_main()` (what Ctrl-C does)
    does nothing when SIGINT is ignored, as it is for a background job of a non-interactive shell."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.fixture
def ppm_cli() -> pathlib.Path:
    """The `ppm` tool: $PPM_CLI, else beside the Python build, else build/apps/ppm/ppm (skips when absent)."""
    import ppm

    env = os.environ.get("PPM_CLI")
    candidates = [pathlib.Path(env)] if env else []
    candidates += [pathlib.Path(ppm.__file__).resolve().parents[3] / "apps" / "ppm" / "ppm", REPO / "build" / "apps" / "ppm" / "ppm"]
    found = next((c for c in candidates if c.is_file() and os.access(c, os.X_OK)), None)
    if found is None:
        pytest.skip("ppm command-line tool not built")
    return found
