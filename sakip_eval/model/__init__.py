"""Input shapes of a workspace (claims, evidence inventory, LKjIP data, follow-up, workspace metadata)."""
