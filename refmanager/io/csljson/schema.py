"""The official CSL-JSON schema, shipped inside the package, and checks against it.

Every item is checked: fastjsonschema compiles the schema to plain Python, which
tells a valid item in microseconds (most items are valid); only an item that
fails is checked again with jsonschema, whose errors say where and what.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any, Iterator


@cache
def csl_schema() -> dict:
    """The official CSL-JSON schema, as shipped inside the package."""
    source = resources.files("refmanager.io.csljson") / "schemas" / "csl-data.json"
    return json.loads(source.read_text(encoding="utf-8"))


def _item_schema() -> dict:
    # The items subschema, with the definitions its "$ref"s point to, so that each
    # error is about one item and its path starts at that item.
    schema = csl_schema()
    return {**schema["items"], "definitions": schema["definitions"], "$schema": schema["$schema"]}


@cache
def _fast_check() -> Any:
    import fastjsonschema

    return fastjsonschema.compile(_item_schema())


@cache
def _item_validator() -> Any:
    # Imported here: jsonschema is slow to import, and only CSL-JSON needs it.
    import jsonschema

    return jsonschema.validators.validator_for(csl_schema())(_item_schema())


def is_valid_item(item: dict) -> bool:
    import fastjsonschema

    try:
        _fast_check()(item)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def schema_errors(item: dict) -> list[str]:
    """Each way the item breaks the schema, as "JSON path: what is wrong"."""
    if is_valid_item(item):
        return []
    found = []
    for error in _item_validator().iter_errors(item):
        for leaf in _leaf_errors(error):
            found.append(f"{leaf.json_path}: {_error_message(leaf)}")
    return found


@cache
def property_kinds() -> dict[str, str]:
    """Every property the schema knows, with how the reader handles it."""
    kinds = {}
    for name, rule in csl_schema()["items"]["properties"].items():
        if rule.get("items", {}).get("$ref") == "#/definitions/name-variable":
            kinds[name] = "names"
        elif rule.get("$ref") == "#/definitions/date-variable":
            kinds[name] = "date"
        else:  # "text" if it can be a string, else (e.g. "categories", an array) "other"
            kinds[name] = "text" if "string" in rule.get("type", ()) else "other"
    return kinds | {"id": "id", "type": "type", "keyword": "keyword", "custom": "custom"}


@cache
def item_types() -> frozenset[str]:
    return frozenset(csl_schema()["items"]["properties"]["type"]["enum"])


def _leaf_errors(error: Any) -> Iterator[Any]:
    # The schema wraps names and dates in a one-branch "anyOf", whose own message
    # ("... is not valid under any of the given schemas") does not say what is wrong.
    if not error.context:
        yield error
    for inner in error.context:
        yield from _leaf_errors(inner)


def _error_message(error: Any) -> str:
    if error.validator == "enum":  # the default message lists all 45 item types
        return f"{error.instance!r} is not one of the values the CSL schema allows"
    return shorten(error.message, 120)


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 3] + "..."
