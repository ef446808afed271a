"""Packages: every folder under refmanager/ found automatically, plus the style
definitions, which sit at the top of the repository (styles/, as the design card
asks) and ship inside the package as refmanager.styles. The rest of the metadata
is in pyproject.toml."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["refmanager", "refmanager.*"]) + ["refmanager.styles"],
    package_dir={"refmanager.styles": "styles"},
)
