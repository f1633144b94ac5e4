"""The sync service on PostgreSQL, chosen by the database URL alone: delivery to a user's tabs,
resume from the durable log, and two replicas each with its own consumer group, against the
Postgres event log. Needs TODO_TEST_POSTGRES_URL (scripts/test.sh starts a throwaway server)."""

import pytest

import test_websocket
import test_websocket_replicas
from conftest import stop_server
from sync_stack import start_stack
from test_postgres import POSTGRES_URL, schema_url  # noqa: F401 (schema_url is a fixture)

pytestmark = pytest.mark.skipif(
    not POSTGRES_URL, reason="TODO_TEST_POSTGRES_URL is not set; scripts/test.sh starts a server and sets it")


@pytest.fixture
def stacks(schema_url, tmp_path):  # noqa: F811
    environment = {"DATABASE_URL": schema_url}
    first = start_stack(tmp_path / "first", extra_environment=environment)
    try:
        assert any('"postgres://' in line for line in first.log_path.read_text().splitlines()
                   if "Opened the database" in line)
        second = start_stack(tmp_path / "second", services=("websocket",), extra_environment=environment,
                             data_dir=first.data_dir)
        try:
            yield first, second
        finally:
            stop_server(second)
    finally:
        stop_server(first)


def test_delivery_resume_and_scale_out_on_postgres(stacks):
    first, _ = stacks
    test_websocket.test_both_tabs_of_a_user_get_an_api_change_and_another_user_gets_nothing(first)
    test_websocket.test_reconnecting_with_a_position_gets_exactly_the_missed_updates(first)
    test_websocket_replicas.test_a_change_reaches_the_users_connections_on_both_replicas_and_no_one_else(stacks)
    test_websocket_replicas.test_a_position_from_one_replica_resumes_on_the_other(stacks)
