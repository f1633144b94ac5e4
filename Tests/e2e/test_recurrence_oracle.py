"""The recurrence table the Swift suite checks libical against is what the independent oracle
(python-dateutil and zoneinfo, Fixtures/recurrence/oracle.py) computes, so neither can drift."""

import importlib.util
import json

from conftest import REPO_ROOT

ORACLE = REPO_ROOT / "Fixtures" / "recurrence" / "oracle.py"


def load_oracle():
    spec = importlib.util.spec_from_file_location("recurrence_oracle", ORACLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_checked_in_table_is_what_the_oracle_computes():
    oracle = load_oracle()
    assert json.loads(oracle.TABLE.read_text()) == oracle.table()


def test_the_table_covers_what_the_issue_asks_for():
    cases = load_oracle().table()["cases"]
    assert len(cases) >= 50
    zones = {case["timezone"] for case in cases}
    assert {"America/New_York", "Europe/London", "Australia/Sydney"} <= zones
    rules = " ".join(case["rule"] for case in cases)
    for part in ["BYDAY=-1FR", "BYMONTHDAY=31", "BYMONTHDAY=-1", "BYMONTHDAY=29", "INTERVAL=2;BYDAY=TU,TH",
                 "BYSETPOS", "COUNT=", "UNTIL="]:
        assert part in rules, part
    assert all(len(case["expected"]) == 3 for case in cases if "COUNT" not in case["rule"]
               and "UNTIL" not in case["rule"])
