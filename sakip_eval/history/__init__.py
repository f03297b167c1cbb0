"""History of `score` runs (SQLite): recording, listing, trends and diffs."""
