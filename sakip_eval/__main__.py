"""`python -m sakip_eval`: the same command line as `sakip-eval`, for a Python whose scripts folder is not on
PATH (a venv that is not activated, Windows without the Scripts folder on PATH)."""

from sakip_eval.cli import main

if __name__ == "__main__":
    main()
