"""The rulebook: regime, criteria, evidence types, rules and checks as data; loader, lint, condition language."""

# The environment variable naming a user's rulebook folder (`--rules DIR` sets it, so that `batch`'s worker
# processes read the same rulebook); here, not in the loader, so the command line names it without loading it.
RULES_ENV = "SAKIP_EVAL_RULES"
