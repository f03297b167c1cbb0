"""The rule engine: facts derived from a workspace and the durable-rules adapter that matches rules against them."""
