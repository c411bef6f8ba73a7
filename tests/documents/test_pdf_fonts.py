"""Names and words in any alphabet, ticks and emoji are drawn in the PDFs, never left blank:
each is drawn in a font that has it (the fallbacks after Liberation Sans in the PDF font
stack, installed from Debian by the Makefile), and reads back as the same text."""

import io

import pypdf
import pytest

from cpconf.documents import LetterDocument, Paragraph, Section, letter_pdf, report_pdf
from cpconf.documents.pdf import FONT_FAMILY
from tests.documents.example_report import example_report

# Each sample, and the font that must draw it (the name the PDF gives it, after its subset tag).
SAMPLES = {
    "emoji": ("😀", "Noto-Color-Emoji"),
    "tick": ("✓", "DejaVu-Sans"),
    "polish": ("Łucja Wąsowska-Zaleń, źdźbło, gęś", "Liberation-Sans"),
    "welsh": ("Siân Llŷr, Dŵr", "Liberation-Sans"),
    "arabic": ("محمد", "DejaVu-Sans"),
    "chinese": ("王小明", "Droid-Sans-Fallback"),
    "bengali": ("সুমাইয়া", "Noto-Sans-Bengali"),
}
WORDS = " · ".join(text for text, _font in SAMPLES.values())


def _report() -> bytes:
    section = Section("Names in the family", paragraphs=(Paragraph.plain(WORDS),))
    return report_pdf(example_report(sections=(section,)))


def _letter() -> bytes:
    return letter_pdf(
        LetterDocument(
            title="The outcome of the conference",
            addressed_to=WORDS,
            sections=(("What was decided", (WORDS,)),),
        )
    )


def drawn(pdf: bytes) -> dict[str, set[str]]:
    """Each run of text on the pages, and the fonts it was drawn in."""
    runs: dict[str, set[str]] = {}

    def visit(text, _cm, _tm, font, _size):
        if text.strip() and font is not None:
            base = str(font["/BaseFont"]).split("+", 1)[-1]
            runs.setdefault(text.strip(), set()).add(base)

    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return runs


def pdf_text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages).replace(
        "\n", " "
    )


@pytest.fixture(scope="module", params=["report", "letter"])
def pdf(request) -> bytes:
    return {"report": _report, "letter": _letter}[request.param]()


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_character_is_drawn_in_a_font_that_has_it(pdf, sample):
    text, font = SAMPLES[sample]
    own = {char for char in text if ord(char) > 127}  # the characters Latin-1 has not

    fonts = {name for run, names in drawn(pdf).items() if own & set(run) for name in names}

    assert fonts, "not drawn at all"
    assert all(name.startswith(font) for name in fonts), fonts  # the regular or bold face


@pytest.mark.parametrize("sample", [s for s in SAMPLES if s != "bengali"])
def test_the_words_read_back_from_the_pdf(pdf, sample):
    # Bengali is left out: its letters join and reorder when drawn, and pypdf reads back the
    # drawn order. That it is drawn at all is shown above.
    text, _font = SAMPLES[sample]

    assert text in pdf_text(pdf)


def test_the_pdf_font_stack_names_the_fallbacks():
    for family in ("Liberation Sans", "DejaVu Sans", "Droid Sans Fallback"):
        assert f'"{family}"' in FONT_FAMILY


def test_digits_are_drawn_in_the_text_font_not_the_emoji_font(pdf):
    # Digits are emoji too (as keycaps): with the emoji font named in the stack, every date
    # and phone number was drawn in it.
    fonts = {
        name
        for run, names in drawn(pdf).items()
        if any(char.isdigit() for char in run)
        for name in names
    }

    assert fonts
    assert not any("Emoji" in name for name in fonts), fonts
