"""Developer tools (not shipped): headless Chromium for the report test and `make screenshot`."""
