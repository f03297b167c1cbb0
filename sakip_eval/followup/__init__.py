"""Follow-up of the previous LHE's recommendations: editing followup.yaml."""
