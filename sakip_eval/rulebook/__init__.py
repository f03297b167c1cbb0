"""The rulebook: regime, criteria, evidence types, rules and checks as data; loader, lint, condition language."""
