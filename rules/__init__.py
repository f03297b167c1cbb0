"""The rulebooks, one folder per regime: data, not code.

This file only makes the folder a package, so that setup.py can install it as `sakip_eval.regimes`
and `importlib.resources` finds it the same way in a checkout (editable install) and in a wheel.
"""
