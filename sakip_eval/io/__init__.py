"""Files in and out: YAML reading with line numbers, round-trip edits, atomic writes, schemas, templates, workbooks."""
