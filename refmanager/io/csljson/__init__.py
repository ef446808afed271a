"""CSL-JSON, checked against the official schema: scanner, schema, reader and writer."""

from refmanager.io.csljson.read import read_csljson
from refmanager.io.csljson.write import write_csljson

__all__ = ["read_csljson", "write_csljson"]
