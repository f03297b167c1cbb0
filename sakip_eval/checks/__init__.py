"""LKjIP consistency checks: the arithmetic derived from lkjip.yaml and the findings the check rules make of it."""
