"""The API's only parser: JSON as RFC 8259 has it (UTF-8, numbers that are numbers), and no
deeper than any real body. Everything else is a 400 in the API's error shape before a
serializer sees it.

Python's own parser would take `NaN`, `Infinity` and `1e999` (as infinity, which a text field
then keeps as "inf"), and nesting thousands of levels deep makes it overflow the stack.
"""

import json
import math
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

# The deepest real body (a family, its children, one child's fields) is 3 levels.
MAX_DEPTH = 32

NOT_JSON = "The body must be valid JSON"
NOT_UTF8 = "The body must be JSON encoded as UTF-8"
NOT_FINITE = "Numbers must be finite: NaN, Infinity and numbers too large to hold are refused"
TOO_DEEP = "The body must be nested no more than %(depth)s levels deep"


class NotFinite(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise NotFinite(name)


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise NotFinite(text)
    return number


def _depth(data: Any) -> int:
    """How deeply lists and objects nest, found without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, depth)
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)
    return deepest


class StrictJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            text = stream.read().decode("utf-8")  # JSON has no other encoding (RFC 8259)
        except UnicodeDecodeError:
            raise ParseError(_(NOT_UTF8)) from None
        too_deep = _(TOO_DEEP) % {"depth": MAX_DEPTH}
        try:
            data = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
        except NotFinite:
            raise ParseError(_(NOT_FINITE)) from None
        except RecursionError:
            raise ParseError(too_deep) from None
        except ValueError:
            raise ParseError(_(NOT_JSON)) from None
        if _depth(data) > MAX_DEPTH:
            raise ParseError(too_deep)
        return data
