"""The pack's family copy reads as the family's copy of each report does: headings about the
writer, no fingerprint; the conference copy keeps the fingerprints. Both PDFs are tagged for
screen readers."""

import re

import pytest

from cpconf.packs.models import PackCopy
from tests.packs.pack_scene import docx_text, pdf_of, pdf_text
from tests.packs.test_build import _packs

pytestmark = pytest.mark.django_db


class TestReleased:
    """Both tests read one release, built once (tests/packs/conftest.py)."""

    def test_the_family_copy_has_family_headings_and_no_fingerprint(self, released):
        scene, shared, _unshared = released
        packs = _packs(scene.conference)
        family, conference = packs[PackCopy.FAMILY], packs[PackCopy.CONFERENCE]

        for text in (pdf_text(family), docx_text(family)):
            flat = re.sub(r"\s+", " ", text)
            assert f"What {shared.agency.name} recommends" in flat
            assert "SHA-256" not in flat
        assert "SHA-256" in re.sub(r"\s+", " ", pdf_text(conference))

    def test_both_pack_pdfs_are_tagged_for_screen_readers(self, released):
        scene, _shared, _unshared = released

        for pack in _packs(scene.conference).values():
            root = pdf_of(pack).trailer["/Root"]
            assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
            assert root["/Lang"] == "en-GB"
