"""sakip-eval: pre-score an OPD's SAKIP evaluation before the Inspektorat does."""

__version__ = "0.1.0"
