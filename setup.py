"""The one thing pyproject.toml cannot say: the top-level `rules/` folder (the rulebooks, kept beside
the code as the design card lays out) is installed inside the package as `sakip_eval.regimes`, so a
wheel carries it and `importlib.resources` finds it wherever the package is installed.

Namespace discovery lists the data folders (templates, schemas) as packages too, which is what setuptools
expects of folders inside a package; a plain `find_packages` would warn about each of them."""

from setuptools import find_namespace_packages, setup

setup(
    packages=[*find_namespace_packages(include=["sakip_eval", "sakip_eval.*"], exclude=["*.__pycache__"]),
              "sakip_eval.regimes"],
    package_dir={"sakip_eval.regimes": "rules"},
)
