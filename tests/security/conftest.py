import shutil

import pytest
from django.db import transaction
from django.test import override_settings


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The world and its files, built once per module in a transaction rolled back after it. Its comments stay
    editable while the module runs (their author's edit window counts from their creation)."""
    from tests.security.world import build_world

    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, CONSULTATION_COMMENT_EDIT_MINUTES=24 * 60),
        transaction.atomic(),
    ):
        world = build_world()
        pristine = tmp_path_factory.mktemp("media-pristine")
        shutil.copytree(media, pristine, dirs_exist_ok=True)
        yield world, media, pristine
        transaction.set_rollback(True)


@pytest.fixture
def world(_world, db):
    """The objects of the permission matrix, owned by its known users (tests/security/world.py).

    Each test runs in a savepoint of its own, rolled back after it, and finds the world's files as they were
    (a write allowed to delete an upload removes the file itself, which no rollback brings back).
    """
    world, media, pristine = _world
    yield world
    shutil.rmtree(media)
    shutil.copytree(pristine, media)
