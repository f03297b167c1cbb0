"""One module per check family, named after the kind of fact it derives (see :mod:`sakip_eval.checks.family`)."""
