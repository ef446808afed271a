"""A small XML element tree that remembers the line of every element.

Styles and locales are read once into `Element` objects; the interpreter walks
them for every cite, so they are plain slotted objects with their attributes
in a dict and their children in a list.
"""

from __future__ import annotations

from xml.parsers import expat

CSL_NAMESPACE = "http://purl.org/net/xbiblio/csl"


class Element:
    """One XML element: its local name, attributes, children, text and line."""

    __slots__ = ("name", "attrs", "children", "text", "line", "compiled", "decoration", "plan")

    def __init__(self, name: str, attrs: dict, line: int) -> None:
        self.name = name
        self.attrs = attrs
        self.children: list[Element] = []
        self.text = ""
        self.line = line
        self.compiled = None  # a precomputed view, filled by the module that renders it
        self.decoration = None  # the compiled affixes and formatting (formatting.py)
        self.plan = None  # the function that renders it, built on first use (interpreter.py)

    def get(self, key: str, default=None):
        return self.attrs.get(key, default)

    def find(self, name: str) -> Element | None:
        for child in self.children:
            if child.name == name:
                return child
        return None

    def find_all(self, name: str) -> list[Element]:
        return [child for child in self.children if child.name == name]

    def __repr__(self) -> str:
        return f"<{self.name} {self.attrs} line {self.line}>"


class XMLSyntaxError(Exception):
    """The text is not well-formed XML; `line` says where."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def parse_xml(text: str | bytes) -> Element:
    """Parse XML text into an `Element` tree (namespaces dropped from names)."""
    parser = expat.ParserCreate(namespace_separator=" ")
    stack: list[Element] = []
    root: list[Element] = []

    def local(name: str) -> str:
        return name.rsplit(" ", 1)[-1]

    def start(name, attributes):
        attrs = {}
        for key, value in attributes.items():
            if key.startswith("http://www.w3.org/XML/1998/namespace "):
                key = "xml:" + local(key)
            else:
                key = local(key)
            attrs[key] = value
        element = Element(local(name), attrs, parser.CurrentLineNumber)
        if stack:
            stack[-1].children.append(element)
        else:
            root.append(element)
        stack.append(element)

    def end(name):
        stack.pop()

    def characters(data):
        if stack:
            stack[-1].text += data

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    try:
        parser.Parse(text, True)
    except expat.ExpatError as error:
        raise XMLSyntaxError(expat.ErrorString(error.code), error.lineno) from None
    if not root:
        raise XMLSyntaxError("no root element", 1)
    return root[0]
