"""Background jobs, on the database-backed queue (`cpconf db_worker` runs them)."""

from django_tasks import task

from cpconf.packs.services import pack_build


@task()
def build_pack(pack_id: int) -> str:
    """Build one copy of a conference pack; the state it ends in."""
    return pack_build(pack_id=pack_id)
