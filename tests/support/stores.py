"""Store fixtures for the tests (filled in by the store work)."""
