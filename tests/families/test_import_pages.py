"""The same import through the unit's pages: upload, see the dry run, then "Import N
families". Problems are listed row by row and nothing changes; another authority's upload
is not found."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cpconf.accounts.models import Role
from cpconf.families import case_file
from cpconf.families.forms import CHOOSE_FILE
from cpconf.families.models import Family, FamilyImport
from tests.factories import LocalAuthorityFactory, user_with_role
from tests.families.case_files import ashdowns, csv_bytes, error_summary, text_of

pytestmark = pytest.mark.django_db
UPLOAD = reverse("families:import")


@pytest.fixture
def north():
    return LocalAuthorityFactory()


@pytest.fixture
def unit(client, north):
    user = user_with_role(Role.UNIT_ADMINISTRATOR, north)
    client.force_login(user)
    return user


def upload(client, content: bytes, north, name: str = "families.csv"):
    file = SimpleUploadedFile(name, content, content_type="text/csv")
    return client.post(UPLOAD, {"local_authority": north.pk, "file": file})


def test_upload_shows_the_dry_run_then_imports(client, unit, north):
    # Given the unit uploads the case system's file
    response = upload(client, csv_bytes(ashdowns("CS-1") + ashdowns("CS-2")), north)
    # Then it sees what would happen, and nothing has changed yet
    detail = response["Location"]
    page = text_of(client.get(detail).content.decode())
    assert "Check what the import will do" in page
    assert "New families 2" in page and "Import 2 families" in page
    assert not Family.objects.exists()
    # When it confirms
    done = client.post(detail, follow=True)
    # Then the families are there, and the file's text is not kept
    assert "Families imported" in text_of(done.content.decode())
    assert Family.objects.filter(local_authority=north).count() == 2
    family_import = FamilyImport.objects.get()
    assert family_import.imported_at is not None and family_import.content == ""
    # And confirming again (a second click) imports nothing more
    client.post(detail)
    assert Family.objects.count() == 2


def test_problems_are_listed_row_by_row_and_nothing_can_be_imported(client, unit, north):
    rows = ashdowns("CS-1")
    rows[1]["date_of_birth"] = "31/4/2019"

    detail = upload(client, csv_bytes(rows), north)["Location"]
    page = text_of(client.get(detail).content.decode())

    assert "The file cannot be imported" in page
    assert f"3 date_of_birth {case_file.BAD_DATE}" in page
    assert "Import 1 family" not in page
    client.post(detail)
    assert not Family.objects.exists()


def test_a_file_that_cannot_be_read_is_named_on_the_upload_page(client, unit, north):
    response = upload(client, b"\x89PNG\r\n\x1a\n\x00\x00", north, name="photo.png")

    assert response.status_code == 400
    assert error_summary(response.content.decode()) in (
        [case_file.NOT_UTF8],
        [case_file.NOT_CSV],
    )
    assert not FamilyImport.objects.exists()


def test_no_file_chosen(client, unit, north):
    response = client.post(UPLOAD, {"local_authority": north.pk})

    assert error_summary(response.content.decode()) == [CHOOSE_FILE]


def test_another_authority_upload_is_not_found(client, unit, north):
    south = LocalAuthorityFactory()
    client.force_login(user_with_role(Role.UNIT_ADMINISTRATOR, south))
    detail = upload(client, csv_bytes(ashdowns("CS-1")), south)["Location"]
    client.force_login(unit)

    assert client.get(detail).status_code == 404
    assert client.post(detail).status_code == 404
    assert not Family.objects.exists()


def test_the_unit_cannot_upload_for_another_authority(client, unit, north):
    elsewhere = LocalAuthorityFactory()

    response = upload(client, csv_bytes(ashdowns("CS-1")), elsewhere)

    assert response.status_code == 400
    assert not FamilyImport.objects.exists()


def test_a_newer_upload_replaces_an_unconfirmed_one(client, unit, north):
    first = upload(client, csv_bytes(ashdowns("CS-1")), north)["Location"]
    upload(client, csv_bytes(ashdowns("CS-2")), north)

    client.post(first)

    assert "This upload was replaced by a newer one" in text_of(client.get(first).content.decode())
    assert not Family.objects.exists()
