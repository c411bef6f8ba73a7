"""Reading a page as the person it is for reads it.

Django escapes what it puts into HTML, so a name like "O'Brien" is "O&#x27;Brien" in the
page's source: a test that looks for a person's name in the raw HTML fails for such a name,
and one that checks a name is *not* shown passes whatever the page shows. Test data draws
names at random (Faker), so both happen only now and then. Tests read the page through this.
"""

import html


def page_html(response) -> str:
    """The page's HTML with its character references read (tags kept)."""
    return html.unescape(response.content.decode())
