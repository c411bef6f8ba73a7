"""The DfE's schema check, by a real XML schema validator (libxml2, through lxml).

The schema ships inside the package (CIN_schema_2024.xsd, with its source and licence in
CIN_schema_2024.source.txt). Each error is turned into a `Problem` naming the child (its
LAchildID) and the element, so the unit knows which record to put right.
"""

import re
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

from lxml import etree

from cpconf.census.cin_return.items import ChildItems, Problem

SCHEMA_FILE = "CIN_schema_2024.xsd"
NOT_XML = "The file is not well-formed XML: {error}"
HEADER = ""  # the child column of a problem about the file as a whole

# A file to check may come from anywhere: no entities expanded, nothing fetched.
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_CHILD_IN_PATH = re.compile(r"/Message/Children/Child(?:\[(\d+)\])?")
_ELEMENT_IN_MESSAGE = re.compile(r"Element '([^']+)'")


@cache
def cin_schema() -> etree.XMLSchema:
    """The schema, parsed once per process (parsing it takes longer than checking a file)."""
    source = files("cpconf.census.cin_return").joinpath(SCHEMA_FILE).read_bytes()
    return etree.XMLSchema(etree.fromstring(source))


def _child_of(
    document: etree._Element, path: str, children: Sequence[ChildItems]
) -> tuple[str, int | None]:
    """The child an error is about: by name when the caller gave the children written, else
    by the LAchildID in the file."""
    match = _CHILD_IN_PATH.match(path)
    if match is None:
        return HEADER, None
    position = int(match.group(1) or 1)
    if position <= len(children):
        child = children[position - 1]
        return child.name, child.child_id
    found = document.xpath(f"/Message/Children/Child[{position}]/ChildIdentifiers/LAchildID")
    la_child_id = found[0].text if found else None
    return la_child_id or f"Child {position}", None


def _element(error: etree._LogEntry) -> str:
    match = _ELEMENT_IN_MESSAGE.search(error.message)
    if match:
        return match.group(1)
    return (error.path or "").rsplit("/", 1)[-1].split("[")[0]


def schema_problems(xml: bytes, children: Sequence[ChildItems] = ()) -> list[Problem]:
    """Everything the schema refuses in `xml`, by child and element; empty if it is valid.
    `children` are the children in the file's order, if the caller wrote it."""
    try:
        document = etree.fromstring(xml, _SAFE_PARSER)
    except etree.XMLSyntaxError as syntax_error:
        return [Problem(HEADER, "Message", NOT_XML.format(error=syntax_error))]
    schema = cin_schema()
    if schema.validate(document):
        return []
    problems = []
    for entry in schema.error_log:
        child, child_id = _child_of(document, entry.path or "", children)
        problems.append(Problem(child, _element(entry), entry.message, child_id))
    return problems


_XS = "{http://www.w3.org/2001/XMLSchema}"


@cache
def schema_codes(type_name: str) -> tuple[tuple[str, str], ...]:
    """A code list of the schema (`ethnicitytype`, `referralsourcetype`...) as (code, label)
    pairs, read from the schema itself so the forms offer exactly what the DfE accepts; the
    code stands in for a label the schema does not give."""
    source = files("cpconf.census.cin_return").joinpath(SCHEMA_FILE).read_bytes()
    found = etree.fromstring(source).find(f"{_XS}simpleType[@name='{type_name}']")
    if found is None:
        raise LookupError(f"The census schema has no code list named {type_name}")
    codes = []
    for enumeration in found.iter(f"{_XS}enumeration"):
        code = str(enumeration.get("value"))
        label = enumeration.findtext(f"{_XS}annotation/{_XS}documentation") or ""
        codes.append((code, f"{label.strip()} ({code})" if label.strip() else code))
    return tuple(codes)
